/*
 * command_table.c - the one command table: which command runs, how many
 * operands it takes, the --format values it accepts, and the "Usage:" and
 * "Commands:" parts of --help are all read from it, so that they cannot
 * disagree.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { ANY = -1 }; /* max_args: no upper limit */

/* --format values beyond text and json that a command takes. */
enum {
    FMT_MD = 1,
    FMT_ROWS = 2 /* csv, jsonl */,
    FMT_HTML = 4,
    FMT_ALL = FMT_MD | FMT_ROWS | FMT_HTML
};

struct command {
    const char *name;
    int (*run)(const struct cli *cli);
    int min_args, max_args;     /* operands after the command's name */
    const char *usage;          /* the operands in the "Usage:" lines */
    const char *brief;          /* in "Commands:" and messages, when shorter than usage */
    const char *help;           /* in "Commands:", lines broken by \n; NULL: not listed */
    const char *too_few;        /* "expected …" when operands are missing */
    unsigned formats;           /* FMT_ bits */
    bool before;                /* the form chosen when --before is given */
    bool one_stdin;             /* at most one operand may be '-' */
    bool resume_first;          /* the first operand is the resume (the settings' may be) */
    const struct command *subs; /* subcommands, ending with a NULL name */
};

/* `dict` checks no --format: every value is taken; only json changes the output. */
static const struct command dict_commands[] = {
    {.name = "check",
     .run = cmd_dict_check,
     .min_args = 0,
     .max_args = ANY,
     .usage = "[PATH...]",
     .help = "validate dictionaries (all loaded ones, or these files)",
     .formats = FMT_ALL},
    {.name = "list",
     .run = cmd_dict_list,
     .min_args = 0,
     .max_args = 0,
     .usage = "[--category CAT]",
     .brief = "",
     .help = "the terms, by category",
     .formats = FMT_ALL},
    {.name = "show",
     .run = cmd_dict_show,
     .min_args = 1,
     .max_args = 1,
     .usage = "NAME",
     .help = "one term: aliases, guard, relations, where defined",
     .formats = FMT_ALL},
    {0},
};

/* The first row is the default command, run when no command name is given. */
static const struct command commands[] = {
    {.name = "match",
     .run = cmd_match,
     .min_args = 2,
     .max_args = 2,
     .usage = "RESUME POSTING",
     .help = "the match report (the default command)",
     .too_few = "RESUME and POSTING",
     .formats = FMT_HTML,
     .one_stdin = true,
     .resume_first = true},
    {.name = "tailor",
     .run = cmd_tailor,
     .min_args = 2,
     .max_args = 2,
     .usage = "RESUME POSTING",
     .help = "what to change in the resume for this posting, grounded\n"
             "in what it already shows (--format md to paste in notes)",
     .too_few = "RESUME and POSTING",
     .formats = FMT_MD | FMT_HTML,
     .one_stdin = true,
     .resume_first = true},
    {.name = "tailor",
     .run = cmd_tailor_before,
     .min_args = 2,
     .max_args = ANY,
     .usage = "--before OLD RESUME POSTING...",
     .too_few = "RESUME and at least one POSTING",
     .formats = FMT_MD,
     .before = true,
     .resume_first = true},
    {.name = "keywords",
     .run = cmd_keywords,
     .min_args = 1,
     .max_args = 1,
     .usage = "FILE",
     .help = "the dictionary keywords found in one document",
     .too_few = "a FILE"},
    {.name = "lint",
     .run = cmd_lint,
     .min_args = 1,
     .max_args = 1,
     .usage = "RESUME",
     .help = "each bullet judged: result, partial or task, with a hint",
     .too_few = "a RESUME",
     .resume_first = true},
    {.name = "batch",
     .run = cmd_batch,
     .min_args = 2,
     .max_args = ANY,
     .usage = "RESUME PATH...",
     .help = "score many postings (files, directories, '-' for paths\n"
             "or JSON records on standard input): ranked, with the\n"
             "missing skills the market asks for most",
     .too_few = "RESUME and at least one PATH",
     .formats = FMT_ROWS | FMT_HTML,
     .resume_first = true},
    {.name = "track",
     .run = cmd_track,
     .min_args = 2,
     .max_args = ANY,
     .usage = "--file FILE RESUME PATH...",
     .brief = "RESUME PATH...",
     .help = "keep a tracker spreadsheet (--file) of these postings\n"
             "scored: new ones added, known ones re-scored, your\n"
             "own columns and cells kept",
     .too_few = "RESUME and at least one PATH",
     .resume_first = true},
    {.name = "summarize",
     .run = cmd_summarize,
     .min_args = 1,
     .max_args = ANY,
     .usage = "FILE.jsonl...",
     .brief = "FILE...",
     .help = "the market view from batch --format jsonl output",
     .too_few = "a FILE.jsonl"},
    {.name = "dict", .subs = dict_commands},
    {.name = "config",
     .run = cmd_config,
     .min_args = 0,
     .max_args = 0,
     .usage = "",
     .help = "the settings in effect (resume, dictionaries, format, the\n"
             "have and ignore lists) and where each comes from"},
    {0},
};

/* The row for `name`; among its forms, the --before one when that option is given. */
static const struct command *find(const struct command *table, const char *name, bool before)
{
    const struct command *plain = NULL;
    for (const struct command *c = table; c->name; c++) {
        if (strcmp(c->name, name) != 0)
            continue;
        if (c->before == before)
            return c;
        if (!c->before && plain == NULL)
            plain = c;
    }
    return plain;
}

static const char *brief(const struct command *c)
{
    return c->brief ? c->brief : c->usage;
}

/* "dict show NAME", "summarize FILE...": a command as "Commands:" lists it. */
static void form(char *buf, size_t size, const struct command *parent, const struct command *c)
{
    snprintf(buf, size, "%s%s%s%s%s", parent ? parent->name : "", parent ? " " : "", c->name,
             *brief(c) ? " " : "", brief(c));
}

static int usage_error(const char *what)
{
    errorf("%s (see jobmatch --help)", what);
    return EXIT_USAGE;
}

/* "expected 'dict check [PATH...]', 'dict list' or 'dict show NAME'" */
static int subcommand_error(const struct command *parent)
{
    char msg[512] = "expected ";
    size_t n = 0;
    while (parent->subs[n].name)
        n++;
    for (size_t i = 0; i < n; i++) {
        char f[128];
        form(f, sizeof f, parent, &parent->subs[i]);
        size_t len = strlen(msg);
        snprintf(msg + len, sizeof msg - len, "%s'%s'", i == 0 ? "" : i + 1 < n ? ", " : " or ", f);
    }
    return usage_error(msg);
}

static int check_formats(const struct command *c, const struct cli *cli)
{
    if (cli->assume.n > 0 && c->run != cmd_batch)
        return usage_error("--assume is for batch");
    if (cli->titles.n + cli->keywords.n > 0 && c->run != cmd_batch)
        return usage_error("--title and --keyword are for batch");
    bool rows = cli->batch_format == BATCH_CSV || cli->batch_format == BATCH_JSONL;
    if (rows && !(c->formats & FMT_ROWS))
        return usage_error("--format csv and jsonl are for batch");
    if (cli->format == JM_REPORT_FORMAT_MARKDOWN && !(c->formats & FMT_MD))
        return usage_error("--format md is for tailor");
    if (cli->format == JM_REPORT_FORMAT_HTML && !(c->formats & FMT_HTML))
        return usage_error("--format html is for match, tailor and batch");
    return EXIT_OK;
}

static bool too_many(const struct command *c, int nargs)
{
    return c->max_args != ANY && nargs > c->max_args;
}

static int check_operands(const struct command *c, const struct cli *cli)
{
    if (cli->nargs < c->min_args) {
        char msg[128];
        snprintf(msg, sizeof msg, "expected %s", c->too_few);
        return usage_error(msg);
    }
    if (too_many(c, cli->nargs))
        return usage_error("too many arguments");
    int stdin_args = 0;
    for (int i = 0; c->one_stdin && i < cli->nargs; i++)
        stdin_args += strcmp(cli->args[i], "-") == 0;
    if (stdin_args > 1)
        return errorf("only one input can be read from standard input"), EXIT_USAGE;
    return EXIT_OK;
}

/* The subcommand the first operand names, with its operands counted; NULL when
 * either is wrong, for one message that lists the subcommands. */
static const struct command *pick_sub(const struct command *parent, struct cli *cli)
{
    const struct command *c = cli->nargs > 0 ? find(parent->subs, cli->args[0], false) : NULL;
    if (c == NULL || cli->nargs - 1 < c->min_args || too_many(c, cli->nargs - 1))
        return NULL;
    cli->args++;
    cli->nargs--;
    return c;
}

int cli_set_format(struct cli *cli, const char *v)
{
    if (strcmp(v, "text") == 0 || strcmp(v, "table") == 0)
        cli->format = JM_REPORT_FORMAT_TEXT, cli->batch_format = BATCH_TABLE;
    else if (strcmp(v, "json") == 0)
        cli->format = JM_REPORT_FORMAT_JSON, cli->batch_format = BATCH_JSON;
    else if (strcmp(v, "md") == 0 || strcmp(v, "markdown") == 0)
        cli->format = JM_REPORT_FORMAT_MARKDOWN;
    else if (strcmp(v, "html") == 0)
        cli->format = JM_REPORT_FORMAT_HTML, cli->batch_format = BATCH_HTML;
    else if (strcmp(v, "csv") == 0)
        cli->batch_format = BATCH_CSV;
    else if (strcmp(v, "jsonl") == 0)
        cli->batch_format = BATCH_JSONL;
    else
        return errorf("unknown format '%s' (expected text or json; for match, tailor and "
                      "batch also html; for batch also table, csv or jsonl; for tailor also "
                      "md)",
                      v),
               EXIT_USAGE;
    return EXIT_OK;
}

/* The settings' resume as the first operand: always when --resume gave it, and the config
 * file's when the command is given one operand less than it needs ("jobmatch posting.html"). */
static int put_resume(const struct command *c, struct cli *cli)
{
    if (!c->resume_first || cli->resume == NULL ||
        (strcmp(cli->from[SET_RESUME], "--resume") != 0 && cli->nargs != c->min_args - 1))
        return EXIT_OK;
    char **args = malloc(((size_t)cli->nargs + 2) * sizeof *args);
    if (args == NULL)
        return errorf("out of memory"), EXIT_INTERNAL;
    args[0] = (char *)cli->resume;
    memcpy(args + 1, cli->args, (size_t)cli->nargs * sizeof *args);
    args[cli->nargs + 1] = NULL;
    cli->args = cli->args_with_resume = args;
    cli->nargs++;
    return EXIT_OK;
}

/* The config file's format, for a command that has it (no --format given). */
static void config_format(const struct command *c, struct cli *cli)
{
    const char *f = cli->config_format;
    if (f == NULL || cli->format_name != NULL)
        return;
    bool fits = strcmp(f, "text") == 0 || strcmp(f, "json") == 0 ||
                ((c->formats & FMT_MD) && strcmp(f, "md") == 0) ||
                ((c->formats & FMT_HTML) && strcmp(f, "html") == 0) ||
                ((c->formats & FMT_ROWS) &&
                 (strcmp(f, "csv") == 0 || strcmp(f, "jsonl") == 0 || strcmp(f, "table") == 0));
    if (fits)
        cli_set_format(cli, f);
}

int cli_command(struct cli *cli, int nargs, char **args)
{
    const struct command *c = nargs > 0 ? find(commands, args[0], cli->before != NULL) : NULL;
    cli->args = c ? args + 1 : args;
    cli->nargs = c ? nargs - 1 : nargs;
    if (c == NULL)
        c = find(commands, commands[0].name, cli->before != NULL);
    if (c->subs) {
        const struct command *parent = c;
        if ((c = pick_sub(parent, cli)) == NULL)
            return subcommand_error(parent);
    }
    cli->cmd = c;
    config_format(c, cli);
    int rc = check_formats(c, cli);
    if (rc == EXIT_OK)
        rc = put_resume(c, cli);
    return rc == EXIT_OK ? check_operands(c, cli) : rc;
}

int cli_run(const struct cli *cli)
{
    struct atomic_file out;
    int rc = output_start(&out, cli->output);
    if (rc == EXIT_OK)
        rc = cli->cmd->run(cli);
    return output_finish(&out, rc);
}

/* "Usage: jobmatch [match] RESUME POSTING [OPTIONS]", then a line per form. */
void help_usage(FILE *out)
{
    for (const struct command *c = commands; c->name; c++) {
        if (c->usage == NULL && c->subs == NULL)
            continue;
        fprintf(out, c == commands ? "Usage: jobmatch [%s]" : "       jobmatch %s", c->name);
        if (c->subs == NULL) {
            fprintf(out, "%s%s [OPTIONS]\n", *c->usage ? " " : "", c->usage);
            continue;
        }
        /* the forms of a command with subcommands share one line, "check … | list …" */
        for (const struct command *s = c->subs; s->name; s++)
            fprintf(out, "%s%s%s%s", s == c->subs ? " " : " | ", s->name, *s->usage ? " " : "",
                    s->usage);
        fputc('\n', out);
    }
}

static void help_line(FILE *out, const struct command *parent, const struct command *c)
{
    char left[64];
    form(left, sizeof left, parent, c);
    fprintf(out, "  %-22s ", left);
    for (const char *line = c->help; line != NULL;) {
        const char *nl = strchr(line, '\n');
        int len = nl ? (int)(nl - line) : (int)strlen(line);
        fprintf(out, "%*s%.*s\n", line == c->help ? 0 : 25, "", len, line); /* under the first */
        line = nl ? nl + 1 : NULL;
    }
}

/* The "Commands:" list: each command (each subcommand) and what it does. */
void help_commands(FILE *out)
{
    for (const struct command *c = commands; c->name; c++) {
        if (c->help)
            help_line(out, NULL, c);
        for (const struct command *s = c->subs; s && s->name; s++)
            help_line(out, c, s);
    }
}
