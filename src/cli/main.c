/*
 * main.c - jobmatch: parse the command line, run one command, exit.
 */
#include <stdlib.h>

#include "cli.h"

int main(int argc, char **argv)
{
    struct cli cli;
    int rc = cli_parse(argc, argv, &cli);
    if (rc == EXIT_OK)
        rc = cli_run(&cli);
    else if (rc < 0) /* --help or --version, printed */
        rc = output_finish(&(struct atomic_file){0}, EXIT_OK);
    free(cli.dicts);
    return rc;
}
