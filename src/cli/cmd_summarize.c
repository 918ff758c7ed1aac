/*
 * cmd_summarize.c - `jobmatch summarize FILE.jsonl...`: the market view of
 * per-posting JSON lines (batch --format jsonl), merged from as many files or
 * shards as given ('-' reads standard input): the reduce step of a batch
 * split across processes or machines.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Feeds every line of `path` to the market; false after reporting a bad line. */
static int add_file(jm_market *m, const char *path)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "r");
    if (f == NULL) {
        errorf("%s: cannot open: %s", path, strerror(errno));
        return EXIT_UNREADABLE;
    }
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    ssize_t n;
    int rc = EXIT_OK;
    while (rc == EXIT_OK && (n = getline(&line, &cap, f)) > 0) {
        lineno++;
        if (strspn(line, " \t\r\n") == (size_t)n)
            continue;
        jm_error err = {0};
        if (jm_market_add_json(m, line, (size_t)n, &err) != JM_OK) {
            errorf("%s:%ld: %s", is_stdin ? "<stdin>" : path, lineno, err.msg);
            rc = exit_code_for(err.code);
        }
    }
    free(line);
    if (!is_stdin)
        fclose(f);
    return rc;
}

int cmd_summarize(const struct cli *cli)
{
    jm_market *m = NULL;
    jm_error err = {0};
    int rc = jm_market_new(&m, &err) == JM_OK ? EXIT_OK : EXIT_INTERNAL;
    for (int i = 0; rc == EXIT_OK && i < cli->nargs; i++)
        rc = add_file(m, cli->args[i]);
    jm_report_options opt = {.format = cli->format, .color = use_color(cli->color)};
    if (rc == EXIT_OK && jm_report_market(m, &opt, write_stdout, NULL, &err) != JM_OK) {
        report_error(&err);
        rc = exit_code_for(err.code);
    }
    jm_market_free(m);
    return rc;
}
