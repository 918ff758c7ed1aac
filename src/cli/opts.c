/*
 * opts.c - the one option table: parsing and --help are both made from it.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum opt_id {
    OPT_FORMAT = 'f',
    OPT_HELP = 'h',
    OPT_VERSION = 'V',
    OPT_JOBS = 'j',
    OPT_QUIET = 'q',
    OPT_OUTPUT = 'o',
    OPT_COLOR = 256,
    OPT_MIN_SCORE,
    OPT_MAX_TASKS,
    OPT_TOP,
    OPT_ORDERED,
    OPT_SUMMARY,
    OPT_BEFORE,
    OPT_DICT,
    OPT_ROLE,
    OPT_CATEGORY,
    OPT_NO_CACHE,
    OPT_LIMIT,
    OPT_FILE,
    OPT_BOM,
    OPT_RESUME,
    OPT_HAVE,
    OPT_IGNORE,
    OPT_ASSUME,
    OPT_CONFIG,
    OPT_NO_CONFIG,
    OPT_TITLE,
    OPT_KEYWORD
};

struct option_spec {
    const char *name;
    int has_arg;
    int id;
    const char *arg, *help;
};

static const struct option_spec specs[] = {
    {"format", required_argument, OPT_FORMAT, "FMT",
     "output format: text (default) or json; match, tailor, batch: html (one page, "
     "nothing fetched); batch: table, csv, jsonl; tailor: md"},
    {"output", required_argument, OPT_OUTPUT, "FILE",
     "write the report to FILE, whole or not at all (a temporary file, then renamed)"},
    {"color", optional_argument, OPT_COLOR, "WHEN",
     "colour: auto (default: only on a terminal, not with NO_COLOR), always, never"},
    {"min-score", required_argument, OPT_MIN_SCORE, "N",
     "match: exit with status 1 when the score is below N (0-100); batch: only postings "
     "scoring N or more (the market view counts only those)"},
    {"jobs", required_argument, OPT_JOBS, "N",
     "batch: postings scored at once (default: all cores)"},
    {"top", required_argument, OPT_TOP, "N",
     "batch: only the N best postings (table, csv, json); tailor: the N suggestions that would "
     "gain the most; match: the N heaviest gaps and bullets to rewrite"},
    {"ordered", no_argument, OPT_ORDERED, NULL, "batch: jsonl lines in input order, not as done"},
    {"summary", required_argument, OPT_SUMMARY, "FILE",
     "batch: also write the market view to FILE, as JSON"},
    {"quiet", no_argument, OPT_QUIET, NULL, "batch, track: no progress bar"},
    {"file", required_argument, OPT_FILE, "FILE",
     "track: the tracker spreadsheet (CSV) to add the postings to and re-score"},
    {"bom", no_argument, OPT_BOM, NULL,
     "track: write the tracker with a UTF-8 BOM (Excel on Windows reads UTF-8 by it)"},
    {"before", required_argument, OPT_BEFORE, "OLD",
     "tailor: compare OLD, an earlier resume, with RESUME on each POSTING given"},
    {"resume", required_argument, OPT_RESUME, "FILE",
     "the resume, so that every operand is a posting (the config file's resume serves when "
     "RESUME is left out)"},
    {"have", required_argument, OPT_HAVE, "LIST",
     "keywords you have that the resume does not show (comma-separated): matched, shown as "
     "declared, credited as a skills list; replaces the config file's"},
    {"ignore", required_argument, OPT_IGNORE, "LIST",
     "keywords never counted as gaps (comma-separated); replaces the config file's"},
    {"assume", required_argument, OPT_ASSUME, "LIST",
     "batch: what if the resume showed these keywords at work (comma-separated): each "
     "posting's score and rank now and then, those that move most first"},
    {"title", required_argument, OPT_TITLE, "TEXT",
     "batch: only postings whose title holds TEXT (any case; repeatable: any of them); "
     "the market view counts only those"},
    {"keyword", required_argument, OPT_KEYWORD, "NAME",
     "batch: only postings that ask for the keyword NAME (repeatable: any of them); "
     "the market view counts only those"},
    {"config", required_argument, OPT_CONFIG, "FILE",
     "read the settings from FILE, not $XDG_CONFIG_HOME/jobmatch/config (see jobmatch config)"},
    {"no-config", no_argument, OPT_NO_CONFIG, NULL, "read no config file"},
    {"max-tasks", required_argument, OPT_MAX_TASKS, "N",
     "lint: exit with status 1 only when more than N bullets are tasks (default 0)"},
    {"dict", required_argument, OPT_DICT, "PATH",
     "add a .dict or .rules file, or a directory of them, after the built-in ones (repeatable)"},
    {"no-cache", no_argument, OPT_NO_CACHE, NULL,
     "parse the dictionaries, not their compiled image in ~/.cache/jobmatch (see README)"},
    {"limit", required_argument, OPT_LIMIT, "NAME=N",
     "raise or lower a limit: input, record, html-depth, line, pattern-steps, rule-steps, "
     "dict-nodes; N may end in K, M or G (x1024); see README \"Limits and errors\""},
    {"role", required_argument, OPT_ROLE, "ROLE",
     "keywords: read FILE as a 'posting' (default) or a 'resume'"},
    {"category", required_argument, OPT_CATEGORY, "CAT", "dict list: only this category"},
    {"help", no_argument, OPT_HELP, NULL, "show this help and exit"},
    {"version", no_argument, OPT_VERSION, NULL, "show the version and exit"},
};

enum { NSPECS = sizeof specs / sizeof specs[0] };

void cli_help(FILE *out)
{
    help_usage(out);
    fputs("\n"
          "Compares a resume with a job posting, offline: which of the posting's\n"
          "technology keywords the resume covers, which it misses (ranked by how much\n"
          "the posting cares), and a 0-100 score whose every point is explained.\n"
          "Inputs may be HTML, Markdown, plain text, JSON (JSON Resume, schema.org\n"
          "JobPosting, a job board's API object), Word (.docx), OpenDocument (.odt) or\n"
          "PDF (read through pdftotext from poppler-utils); '-' reads standard input.\n"
          "\n"
          "Commands:\n",
          out);
    help_commands(out);
    fputs("\n"
          "Options:\n",
          out);
    for (int i = 0; i < NSPECS; i++) {
        char left[40];
        const struct option_spec *s = &specs[i];
        int n = s->id < 256 ? snprintf(left, sizeof left, "-%c, --%s", s->id, s->name)
                            : snprintf(left, sizeof left, "    --%s", s->name);
        if (s->arg)
            snprintf(left + n, sizeof left - (size_t)n,
                     s->has_arg == optional_argument ? "[=%s]" : " %s", s->arg);
        fprintf(out, "  %-24s %s\n", left, s->help);
    }
    fputs("\n"
          "Environment:\n"
          "  JOBMATCH_DATA_DIR      the directory holding the built-in dictionaries/\n"
          "                         (default: found from the executable's place)\n"
          "  JOBMATCH_DICT_PATH     colon-separated dictionary files or directories,\n"
          "                         loaded after the built-in ones\n"
          "  JOBMATCH_NO_CACHE      when set and not empty (nor 0), as --no-cache\n"
          "  XDG_CACHE_HOME         the compiled dictionaries go to its jobmatch/\n"
          "                         (default: ~/.cache/jobmatch)\n"
          "  XDG_CONFIG_HOME        the config file is its jobmatch/config\n"
          "                         (default: ~/.config/jobmatch/config; see jobmatch config)\n"
          "  NO_COLOR               when set and not empty, no colour with --color=auto\n"
          "  JOBMATCH_TODAY         YYYY-MM: the date \"present\" stands for in the resume's\n"
          "                         roles (tailor; default: today)\n"
          "\n"
          "Exit status:\n",
          out);
    help_exit_status(out);
}

/* --limit NAME=N: set at once (the limits are the process's), checked against the ranges
 * of jm_limits_set; README "Limits and errors" lists them. */
static int parse_limit(const char *v, struct cli *cli)
{
    static const struct {
        const char *name;
        size_t offset; /* in jm_limits; SIZE_MAX: the CLI's own (record) */
        bool steps;    /* an unsigned long, not a size_t */
    } names[] = {
        {"input", offsetof(jm_limits, input), false},
        {"record", SIZE_MAX, false},
        {"html-depth", offsetof(jm_limits, html_depth), false},
        {"line", offsetof(jm_limits, line), false},
        {"pattern-steps", offsetof(jm_limits, pattern_steps), true},
        {"rule-steps", offsetof(jm_limits, rule_steps), true},
        {"dict-nodes", offsetof(jm_limits, dict_nodes), false},
    };
    const size_t n = sizeof names / sizeof *names;
    const char *eq = strchr(v, '=');
    size_t k = 0;
    while (eq && k < n &&
           (strlen(names[k].name) != (size_t)(eq - v) ||
            strncmp(v, names[k].name, (size_t)(eq - v)) != 0))
        k++;
    if (eq == NULL || k == n)
        return errorf("--limit '%s': expected NAME=N, NAME one of input, record, html-depth, "
                      "line, pattern-steps, rule-steps, dict-nodes",
                      v),
               EXIT_USAGE;
    char *end;
    errno = 0;
    unsigned long long x = strtoull(eq + 1, &end, 10);
    const char *unit = *end ? strchr("KMG", *end) : NULL;
    if (unit != NULL && end[1] == '\0') {
        int shift = 10 * (int)(unit - "KMG" + 1);
        x = x > (ULLONG_MAX >> shift) ? ULLONG_MAX : x << shift;
        end++;
    }
    if (!isdigit((unsigned char)eq[1]) || *end != '\0' || errno != 0 || x == 0 ||
        x > (names[k].steps ? ULONG_MAX : SIZE_MAX))
        return errorf("--limit %s: '%s' is not a number from 1 up (K, M, G allowed)", names[k].name,
                      eq + 1),
               EXIT_USAGE;
    if (names[k].offset == SIZE_MAX) {
        cli->record = (size_t)x;
        return EXIT_OK;
    }
    jm_limits one = {0};
    char *field = (char *)&one + names[k].offset;
    if (names[k].steps)
        *(unsigned long *)(void *)field = (unsigned long)x;
    else
        *(size_t *)(void *)field = (size_t)x;
    jm_error err = {0};
    if (jm_limits_set(&one, &err) != JM_OK) { /* "limit html_depth: must be ..." */
        const char *why = strstr(err.msg, ": ");
        return errorf("--limit %s: %s", v, why ? why + 2 : err.msg), EXIT_USAGE;
    }
    return EXIT_OK;
}

static int parse_value(int id, const char *v, struct cli *cli)
{
    char *end;
    switch (id) {
    case OPT_FORMAT:
        cli->format_name = v;
        snprintf(cli->from[SET_FORMAT], sizeof cli->from[SET_FORMAT], "--format");
        return cli_set_format(cli, v);
    case OPT_JOBS:
    case OPT_TOP:
        *(id == OPT_JOBS ? &cli->jobs : &cli->top) = (int)strtol(v, &end, 10);
        if (*v == '\0' || *end != '\0' || (id == OPT_JOBS ? cli->jobs : cli->top) < 1)
            return errorf("--%s needs a number from 1 up, not '%s'",
                          id == OPT_JOBS ? "jobs" : "top", v),
                   EXIT_USAGE;
        return EXIT_OK;
    case OPT_ORDERED:
        cli->ordered = true;
        return EXIT_OK;
    case OPT_QUIET:
        cli->quiet = true;
        return EXIT_OK;
    case OPT_SUMMARY:
        cli->summary = v;
        return EXIT_OK;
    case OPT_FILE:
        cli->file = v;
        return EXIT_OK;
    case OPT_BOM:
        cli->bom = true;
        return EXIT_OK;
    case OPT_OUTPUT:
        cli->output = v;
        return EXIT_OK;
    case OPT_BEFORE:
        cli->before = v;
        return EXIT_OK;
    case OPT_COLOR:
        if (v == NULL || strcmp(v, "always") == 0)
            cli->color = COLOR_ALWAYS;
        else if (strcmp(v, "auto") == 0)
            cli->color = COLOR_AUTO;
        else if (strcmp(v, "never") == 0)
            cli->color = COLOR_NEVER;
        else
            return errorf("unknown colour mode '%s' (expected auto, always or never)", v),
                   EXIT_USAGE;
        return EXIT_OK;
    case OPT_MIN_SCORE:
        cli->min_score = (int)strtol(v, &end, 10);
        if (*v == '\0' || *end != '\0' || cli->min_score < 0 || cli->min_score > 100)
            return errorf("--min-score needs a number from 0 to 100, not '%s'", v), EXIT_USAGE;
        return EXIT_OK;
    case OPT_MAX_TASKS:
        cli->max_tasks = (int)strtol(v, &end, 10);
        if (*v == '\0' || *end != '\0' || cli->max_tasks < 0)
            return errorf("--max-tasks needs a number from 0 up, not '%s'", v), EXIT_USAGE;
        return EXIT_OK;
    case OPT_ROLE:
        if (strcmp(v, "posting") == 0)
            cli->role = JM_ROLE_POSTING;
        else if (strcmp(v, "resume") == 0)
            cli->role = JM_ROLE_RESUME;
        else
            return errorf("unknown role '%s' (expected posting or resume)", v), EXIT_USAGE;
        return EXIT_OK;
    case OPT_DICT:
        cli->dicts[cli->ndicts++] = v;
        return EXIT_OK;
    case OPT_CATEGORY:
        cli->category = v;
        return EXIT_OK;
    case OPT_NO_CACHE:
        cli->no_cache = true;
        return EXIT_OK;
    case OPT_LIMIT:
        return parse_limit(v, cli);
    case OPT_RESUME:
        cli->resume = v;
        snprintf(cli->from[SET_RESUME], sizeof cli->from[SET_RESUME], "--resume");
        return EXIT_OK;
    case OPT_HAVE:
    case OPT_IGNORE:
    case OPT_ASSUME: {
        int set = id == OPT_HAVE ? SET_HAVE : SET_IGNORE;
        struct name_list *l = id == OPT_HAVE     ? &cli->have
                              : id == OPT_IGNORE ? &cli->ignore
                                                 : &cli->assume;
        if (id != OPT_ASSUME)
            snprintf(cli->from[set], sizeof cli->from[set], "--%s", setting_names[set]);
        return names_add(l, v, 0) ? EXIT_OK : (errorf("out of memory"), EXIT_INTERNAL);
    }
    case OPT_TITLE:
        return names_add_one(&cli->titles, v, 0) ? EXIT_OK
                                                 : (errorf("out of memory"), EXIT_INTERNAL);
    case OPT_KEYWORD:
        return names_add_one(&cli->keywords, v, 0) ? EXIT_OK
                                                   : (errorf("out of memory"), EXIT_INTERNAL);
    case OPT_CONFIG:
        cli->config = v;
        return EXIT_OK;
    case OPT_NO_CONFIG:
        cli->no_config = true;
        return EXIT_OK;
    }
    return EXIT_USAGE;
}

void cli_free(struct cli *cli)
{
    config_free(cli);
    names_free(&cli->assume);
    names_free(&cli->titles);
    names_free(&cli->keywords);
    free(cli->dicts);
    free(cli->args_with_resume);
}

/* Returns EXIT_OK to run a command, -1 after --help/--version, or an error. */
int cli_parse(int argc, char **argv, struct cli *cli)
{
    struct option longopts[NSPECS + 1];
    char shortopts[2 * NSPECS + 1];
    size_t k = 0;
    for (int i = 0; i < NSPECS; i++) {
        longopts[i] = (struct option){specs[i].name, specs[i].has_arg, NULL, specs[i].id};
        if (specs[i].id < 256) {
            shortopts[k++] = (char)specs[i].id;
            if (specs[i].has_arg == required_argument)
                shortopts[k++] = ':';
        }
    }
    longopts[NSPECS] = (struct option){0};
    shortopts[k] = '\0';
    memset(cli, 0, sizeof *cli);
    cli->min_score = -1;
    cli->dicts = calloc((size_t)argc + 1, sizeof *cli->dicts);
    if (cli->dicts == NULL)
        return errorf("out of memory"), EXIT_INTERNAL;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        if (c == OPT_HELP) {
            cli_help(stdout);
            return -1;
        }
        if (c == OPT_VERSION) {
            printf("jobmatch %s (JSON schema %d)\n", jm_version(), JM_SCHEMA_VERSION);
            return -1;
        }
        if (c == '?') {
            if (optopt)
                errorf("option -%c: unknown, or missing its value (see jobmatch --help)", optopt);
            else
                errorf("unknown option '%s' (see jobmatch --help)", argv[optind - 1]);
            return EXIT_USAGE;
        }
        int rc = parse_value(c, optarg, cli);
        if (rc != EXIT_OK)
            return rc;
    }
    /* `jobmatch help` is --help: the command table does not know the options. */
    if (optind < argc && strcmp(argv[optind], "help") == 0) {
        cli_help(stdout);
        return -1;
    }
    int rc = config_load(cli);
    return rc == EXIT_OK ? cli_command(cli, argc - optind, argv + optind) : rc;
}
