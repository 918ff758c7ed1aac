/*
 * main.c - jobmatch: parse the command line, run one command, exit.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int main(int argc, char **argv)
{
    struct cli cli;
    int rc = cli_parse(argc, argv, &cli);
    if (rc == EXIT_OK)
        rc = strcmp(cli.command, "keywords") == 0 ? cmd_keywords(&cli)
             : strcmp(cli.command, "dict") == 0   ? cmd_dict(&cli)
             : strcmp(cli.command, "lint") == 0   ? cmd_lint(&cli)
             : strcmp(cli.command, "tailor") == 0 ? cmd_tailor(&cli)
             : strcmp(cli.command, "batch") == 0  ? cmd_batch(&cli)
             : strcmp(cli.command, "summarize") == 0 ? cmd_summarize(&cli)
                                                  : cmd_match(&cli);
    else if (rc < 0)
        rc = EXIT_OK;
    free(cli.dicts);
    return rc;
}
