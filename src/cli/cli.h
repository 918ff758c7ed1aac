/*
 * cli.h - the jobmatch executable: the only code that prints or exits.
 */
#ifndef JM_CLI_H
#define JM_CLI_H

#include <cJSON.h>
#include <stdbool.h>
#include <stdio.h>

#include "jobmatch.h"

/* Exit codes: EXIT_OK, EXIT_USAGE, ...; listed, with what each means, in exit_codes.def. */
enum exit_code {
#define EXIT_CODE(code, name, text) name = code,
#include "exit_codes.def"
#undef EXIT_CODE
};

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

/* batch output: table on a terminal, else jsonl, unless --format says */
enum batch_format {
    BATCH_AUTO,
    BATCH_TABLE,
    BATCH_CSV,
    BATCH_JSONL,
    BATCH_JSON,
    BATCH_HTML,
    BATCH_TRACK
};

struct command; /* a row of the command table (command_table.c) */

/* The personal settings (config.c), each from its option, else the config file. */
enum setting { SET_RESUME, SET_DICT, SET_FORMAT, SET_HAVE, SET_IGNORE, SETTINGS };
extern const char *const setting_names[SETTINGS];

struct name_list { /* strings the list owns */
    const char **v;
    size_t n, cap;
    int *line; /* the config file's line each name is on, 0 for an option's (or NULL: none) */
    size_t line_cap;
};

struct cli {
    const struct command *cmd; /* the command to run */
    char **args;               /* operands after the command (argv's) */
    int nargs;
    const char *category; /* dict list --category */
    jm_report_format format;
    enum color_mode color;
    int min_score; /* -1: none */
    int max_tasks; /* lint: tasks allowed before exit 1 */
    enum batch_format batch_format;
    int jobs;            /* batch: worker threads; 0: one per core */
    int top;             /* batch: rows shown; 0: all */
    bool ordered, quiet; /* batch: jsonl in input order; no progress bar */
    const char *summary; /* batch: market view to this file, as JSON */
    const char *output;  /* -o: the report to this file, not standard output */
    const char *before;  /* tailor: an earlier version of the resume */
    jm_role role;        /* for keywords */
    const char **dicts;  /* --dict, in order */
    int ndicts;
    bool no_cache;    /* --no-cache: parse the dictionaries, no compiled image */
    size_t record;    /* --limit record: a line of `batch -`; 0: the input limit */
    const char *file; /* track --file: the tracker */
    bool bom;         /* track --bom: write the tracker with a UTF-8 BOM */
    /* personal settings (config.c) */
    const char *config;            /* --config FILE: read instead of the usual one */
    bool no_config;                /* --no-config */
    char *config_path;             /* the config file read, or NULL */
    const char *resume;            /* --resume, or the file's: when RESUME is no operand */
    char *owned_resume;            /* the file's, resolved */
    char *config_format;           /* the file's format, for the commands that have it */
    const char *format_name;       /* --format's value, or NULL */
    struct name_list config_dicts; /* the file's dict paths, loaded before the --dict ones */
    struct name_list have, ignore; /* keyword names: "I have this", never a gap */
    struct name_list assume;       /* batch --assume: what if the resume showed them at work */
    struct name_list titles;       /* batch --title: only postings whose title holds one */
    struct name_list keywords;     /* batch --keyword: only postings asking for one */
    char from[SETTINGS][32];       /* where each comes from: "--have", "config line 3", "" */
    char **args_with_resume;       /* the operands, the settings' resume first */
};

/* config.c */
/* Reads the config file (--config's, else the XDG one; none with --no-config): the settings
 * no option gave. EXIT_OK, or an error said (a bad line: EXIT_USAGE, naming it). */
int config_load(struct cli *cli);
void config_free(struct cli *cli); /* what config_load read */
/* Adds the comma-separated names of `list`, trimmed (empty ones skipped); false: no memory. */
/* The names of a comma list, from line `line` of the config file (0: an option). */
bool names_add(struct name_list *l, const char *list, int line);
bool names_add_one(struct name_list *l, const char *name, int line); /* one name, copied */
void names_free(struct name_list *l);
/* jm_declared of the settings' have and ignore lists, and --assume's when `assume`. */
jm_declared declared_of(const struct cli *cli, bool assume);
/* Checks that every keyword name of the settings is one the dictionary knows: EXIT_OK, or
 * EXIT_USAGE after naming the setting and where it comes from. */
int check_names(const struct cli *cli, const jm_dict *dict);
int cmd_config(const struct cli *cli);

/* opts.c */
int cli_parse(int argc, char **argv, struct cli *cli);
void cli_free(struct cli *cli); /* what cli_parse and config_load allocated */

void cli_help(FILE *out);

/* command_table.c */
/* Picks the command named by args[0] (else the default) and checks its operands and
 * --format; fills cli->cmd, cli->args and cli->nargs. */
int cli_command(struct cli *cli, int nargs, char **args);
/* Sets the output format `v` names: EXIT_OK, or EXIT_USAGE after saying it is unknown. */
int cli_set_format(struct cli *cli, const char *v);
int cli_run(const struct cli *cli);
void help_usage(FILE *out);
void help_commands(FILE *out);

/* msg.c */
void errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void report_error(const jm_error *err);
int exit_code_for(jm_status st);
void help_exit_status(FILE *out); /* the "Exit status:" list of --help */
bool use_color(enum color_mode mode);
int write_stdout(void *ctx, const char *data, size_t len);
int write_file(void *ctx, const char *data, size_t len); /* a jm_write_fn to a FILE * */
/* Makes room for element n of *array (of `size`-byte elements, *cap of them), doubling. */
bool grow_array(void *array, size_t *cap, size_t n, size_t size);
/* Today as "YYYY-MM-DD", or JOBMATCH_TODAY's value (tests, reading as of another month): the
 * date a tracker row is stamped with, and the one "present" in a resume's roles stands for. */
void cli_today(char *date, size_t cap);
/* That date as the tailor's options; zeros (the library's own clock) when it is not one. */
jm_tailor_options cli_as_of(const char *date);

/* json_out.c: JSON envelopes, built with cJSON around the library's own JSON */
struct capture { /* a library report's output, kept in memory */
    FILE *f;     /* to write to, with write_file */
    char *text;
    size_t len;
};
bool capture_start(struct capture *c);
/* Closes `c`: its text as a raw cJSON item when `keep`, else (or out of memory) NULL. */
cJSON *capture_end(struct capture *c, bool keep);
/* Prints `root` on standard output, then a newline, and frees it. */
int json_print(cJSON *root);
/* A placeholder item for elements streamed by json_print_filled's `fill`. */
cJSON *json_hole(void);
/* json_print, with what `fill` writes in place of the json_hole() item in `root`:
 * an envelope around elements too many to hold in memory (batch's postings). */
int json_print_filled(cJSON *root, void (*fill)(void *ctx), void *ctx);

/* dicts.c */
/* The layers' dictionaries, through their compiled image when `cached` (and the cache is
 * on); `extra` paths come last. */
jm_status open_dictionaries(const struct cli *cli, char *const *extra, int nextra, bool cached,
                            jm_dict **out, jm_error *err);
int load_dictionaries(const struct cli *cli, jm_dict **out);
/* The phrasing rules of the same layers, `extra` last. */
jm_status open_rules(const struct cli *cli, char *const *extra, int nextra, jm_rules **out,
                     jm_error *err);
int load_rules(const struct cli *cli, jm_rules **out);

/* commands */
int cmd_match(const struct cli *cli);
int cmd_tailor(const struct cli *cli);
int cmd_tailor_before(const struct cli *cli);
int cmd_keywords(const struct cli *cli);
int cmd_dict_check(const struct cli *cli);
int cmd_dict_list(const struct cli *cli);
int cmd_dict_show(const struct cli *cli);
int cmd_lint(const struct cli *cli);
int cmd_batch(const struct cli *cli);
int cmd_track(const struct cli *cli);
int cmd_summarize(const struct cli *cli);

/* output.c: files written whole or not at all (a temporary file, renamed) */
struct atomic_file {
    const char *path;
    char *tmp;
    FILE *f;
};
/* The temporary file to write instead of `path`; NULL after saying why. */
FILE *atomic_open(struct atomic_file *a, const char *path);
/* Flushes, syncs and renames it over `path`: EXIT_OK, or EXIT_WRITE after saying why. */
int atomic_commit(struct atomic_file *a);
void atomic_abort(struct atomic_file *a); /* removes the temporary file */
/* -o: standard output goes to `path`'s temporary file (nothing when `path` is NULL). */
int output_start(struct atomic_file *a, const char *path);
/* The exit status after checking that standard output was written whole; with -o, the
 * file is renamed into place when `rc` says the report is complete, else removed. */
int output_finish(struct atomic_file *a, int rc);

/* lines.c: standard input's lines for batch, bounded, and woken by a signal */
enum line_status { LINE_OK, LINE_EOF, LINE_TOO_LONG, LINE_WOKEN, LINE_NOMEM, LINE_ERROR };
struct line_reader {
    int fd;      /* read from */
    int wake_fd; /* a pipe's read end: written to, it ends the wait (LINE_WOKEN); -1: none */
    size_t max;  /* longer lines are skipped whole (LINE_TOO_LONG) */
    char *buf;
    size_t cap, len, start, scanned;
    bool eof;
};
/* The next line, without its newline, NUL-terminated in the reader's buffer (valid until
 * the next call); LINE_TOO_LONG once for each line over `max`, the input going on after it. */
enum line_status line_next(struct line_reader *r, char **line, size_t *len);
void line_reader_free(struct line_reader *r);

/* walk.c: the postings of a batch */
struct walk_list {
    struct walk_item {
        char *path;
        char *error; /* why it cannot be walked (a broken link, no permission), or NULL */
    } * items;
    size_t n, cap;
    size_t failed, skipped; /* entries with an error; no posting, or a link loop */
};
bool walk_path(struct walk_list *w, const char *path); /* false: out of memory */
void walk_free(struct walk_list *w);

#endif
