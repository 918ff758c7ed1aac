/*
 * main.c - jobmatch: parse the command line, run one command, exit.
 */
#include <stdlib.h>

#include "base.h"
#include "cli.h"

#ifdef JM_TEST_HOOKS
/* A test build reports the work its loops counted (base.h), for tests/scaling. */
static void report_work(void)
{
    fprintf(stderr, "jobmatch: work %zu\n", jm_work_done());
}
#endif

int main(int argc, char **argv)
{
#ifdef JM_TEST_HOOKS
    atexit(report_work);
#endif
    struct cli cli;
    int rc = cli_parse(argc, argv, &cli);
    if (rc == EXIT_OK)
        rc = cli_run(&cli);
    else if (rc < 0) /* --help or --version, printed */
        rc = output_finish(&(struct atomic_file){0}, EXIT_OK);
    cli_free(&cli);
    return rc;
}
