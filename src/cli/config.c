/*
 * config.c - personal settings: the config file ($XDG_CONFIG_HOME/jobmatch/config, else
 * ~/.config/jobmatch/config), read once before a command runs, and `jobmatch config`, which
 * shows each setting in effect and where it comes from.
 *
 * The file is lines of `name = value`; `#` opens a comment line; blank lines are skipped.
 * Every setting is also an option, and the option wins over the file: resume (--resume),
 * dict (--dict, repeatable: the file's come first, the options' after), format (--format,
 * used by the commands that have that format), have and ignore (--have, --ignore: comma-
 * separated keyword names; repeated lines add up). A path is read from the file's directory
 * when relative; `~/` is the home directory. A setting the file gets wrong is an error
 * naming the file and line (exit 2), never skipped in silence.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "cli.h"

const char *const setting_names[SETTINGS] = {"resume", "dict", "format", "have", "ignore"};

/* "a/b": a and b joined by one slash; NULL when out of memory. */
static char *path_join(const char *a, const char *b)
{
    size_t na = strlen(a);
    while (na > 1 && a[na - 1] == '/')
        na--;
    size_t nb = strlen(b);
    char *s = malloc(na + 1 + nb + 1);
    if (s != NULL) {
        memcpy(s, a, na);
        s[na] = '/';
        memcpy(s + na + 1, b, nb + 1);
    }
    return s;
}

/* The file jobmatch reads when no --config says: NULL when there is no home to find it in. */
static char *default_path(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    char *path = NULL;
    if (xdg != NULL && xdg[0] == '/') /* the spec: a relative value is to be ignored */
        path = path_join(xdg, "jobmatch/config");
    else if (home != NULL && *home)
        path = path_join(home, ".config/jobmatch/config");
    return path;
}

/* `value` as a path: `~/x` under $HOME, a relative one under the config file's directory. */
static char *resolve(const char *value, const char *config_path)
{
    const char *home = getenv("HOME");
    if (strncmp(value, "~/", 2) == 0 && home != NULL && *home)
        return path_join(home, value + 2);
    if (value[0] == '/')
        return strdup(value);
    const char *slash = strrchr(config_path, '/');
    if (slash == NULL)
        return strdup(value);
    char *dir = strndup(config_path, (size_t)(slash - config_path));
    char *path = dir ? path_join(dir, value) : NULL;
    free(dir);
    return path;
}

/* Strips spaces and tabs from both ends of s[0..*n) in place; returns the new start. */
static char *trim(char *s, size_t *n)
{
    while (*n > 0 && (*s == ' ' || *s == '\t'))
        s++, (*n)--;
    while (*n > 0 && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r'))
        (*n)--;
    s[*n] = '\0';
    return s;
}

/* Adds `s`, which the list then owns (freed on failure too). */
static bool names_add_owned(struct name_list *l, char *s, int line)
{
    if (!grow_array(&l->v, &l->cap, l->n, sizeof *l->v) ||
        !grow_array(&l->line, &l->line_cap, l->n, sizeof *l->line)) {
        free(s);
        return false;
    }
    l->line[l->n] = line;
    l->v[l->n++] = s;
    return true;
}

bool names_add_one(struct name_list *l, const char *name, int line)
{
    char *copy = strdup(name);
    return copy != NULL && names_add_owned(l, copy, line);
}

bool names_add(struct name_list *l, const char *list, int line)
{
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ","), len = n;
        char *name = strndup(p, n);
        if (name == NULL)
            return false;
        char *t = trim(name, &len);
        if (*t && !names_add_one(l, t, line)) {
            free(name);
            return false;
        }
        free(name);
        p += n + (p[n] == ',');
    }
    return true;
}

void names_free(struct name_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free((char *)l->v[i]);
    free(l->v);
    free(l->line);
    *l = (struct name_list){0};
}

/* Applies line `no` of the file at `path`, `name = value`, unless an option set it already. */
static int apply(struct cli *cli, const char *path, int no, const char *name, const char *value)
{
    int s = 0;
    while (s < SETTINGS && strcmp(setting_names[s], name) != 0)
        s++;
    if (s == SETTINGS)
        return errorf("%s:%d: unknown setting '%s' (expected resume, dict, format, have or "
                      "ignore)",
                      path, no, name),
               EXIT_USAGE;
    if (*value == '\0')
        return errorf("%s:%d: '%s' has no value", path, no, name), EXIT_USAGE;
    char word[80];
    snprintf(word, sizeof word, " %.64s ", value);
    if (s == SET_FORMAT && (strlen(value) > 64 ||
                            strstr(" text table json md markdown html csv jsonl ", word) == NULL))
        return errorf("%s:%d: unknown format '%s' (expected text, json, html, md, table, csv "
                      "or jsonl)",
                      path, no, value),
               EXIT_USAGE;
    bool ok = true;
    if (s == SET_DICT) { /* the file's dictionaries, then the options' */
        char *dict = resolve(value, path);
        ok = dict != NULL && names_add_owned(&cli->config_dicts, dict, no);
    } else if (cli->from[s][0] != '-') { /* else an option said, and wins */
        if (cli->from[s][0] == '\0' || s == SET_RESUME || s == SET_FORMAT) /* the last wins */
            snprintf(cli->from[s], sizeof cli->from[s], "config line %d", no % 1000000);
        if (s == SET_RESUME) {
            free(cli->owned_resume);
            ok = (cli->resume = cli->owned_resume = resolve(value, path)) != NULL;
        } else if (s == SET_FORMAT) {
            free(cli->config_format);
            ok = (cli->config_format = strdup(value)) != NULL;
        } else {
            ok = names_add(s == SET_HAVE ? &cli->have : &cli->ignore, value, no);
        }
    }
    return ok ? EXIT_OK : (errorf("out of memory"), EXIT_INTERNAL);
}

enum { CONFIG_LINE_MAX = 4096 };

/* One line of the file, `name = value`, applied; blank and comment lines skipped. */
static int read_line(struct cli *cli, const char *path, int no, char *line)
{
    size_t n = strlen(line);
    char *s = line;
    if (no == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) /* a BOM */
        s += 3, n -= 3;
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    s = trim(s, &n);
    if (n == 0 || *s == '#')
        return EXIT_OK;
    char *eq = strchr(s, '=');
    if (eq == NULL)
        return errorf("%s:%d: expected 'name = value', not '%s'", path, no, s), EXIT_USAGE;
    size_t nn = (size_t)(eq - s), nv = n - nn - 1;
    return apply(cli, path, no, trim(s, &nn), trim(eq + 1, &nv));
}

/* Reads the file, line by line; an option's setting is kept over the file's. */
static int read_config(struct cli *cli, const char *path, bool must_exist)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        if (errno == ENOENT && !must_exist)
            return EXIT_OK;
        return errorf("%s: cannot read the config file: %s", path, strerror(errno)),
               EXIT_UNREADABLE;
    }
    int rc = (cli->config_path = strdup(path)) ? EXIT_OK : (errorf("out of memory"), EXIT_INTERNAL);
    char line[CONFIG_LINE_MAX];
    for (int no = 1; rc == EXIT_OK && fgets(line, sizeof line, f) != NULL; no++) {
        if (strchr(line, '\n') == NULL && !feof(f)) { /* never a setting cut in two */
            errorf("%s:%d: a line over %d bytes", path, no, CONFIG_LINE_MAX - 1);
            rc = EXIT_USAGE;
        } else {
            rc = read_line(cli, path, no, line);
        }
    }
    if (rc == EXIT_OK && ferror(f)) {
        errorf("%s: cannot read the config file: %s", path, strerror(errno));
        rc = EXIT_UNREADABLE;
    }
    fclose(f);
    return rc;
}

int config_load(struct cli *cli)
{
    if (cli->no_config)
        return EXIT_OK;
    if (cli->config != NULL)
        return read_config(cli, cli->config, true);
    char *path = default_path();
    int rc = path ? read_config(cli, path, false) : EXIT_OK;
    free(path);
    return rc;
}

void config_free(struct cli *cli)
{
    names_free(&cli->have);
    names_free(&cli->ignore);
    names_free(&cli->config_dicts);
    free(cli->owned_resume);
    free(cli->config_format);
    free(cli->config_path);
}

jm_declared declared_of(const struct cli *cli, bool assume)
{
    return (jm_declared){.have = cli->have.v,
                         .nhave = cli->have.n,
                         .ignore = cli->ignore.v,
                         .nignore = cli->ignore.n,
                         .assume = assume ? cli->assume.v : NULL,
                         .nassume = assume ? cli->assume.n : 0};
}

/* "--have", or "FILE:LINE: have": where name k of a list was given, for a message. */
static void source_of(const struct cli *cli, const char *name, const struct name_list *l, size_t k,
                      char *buf, size_t cap)
{
    int line = l->line ? l->line[k] : 0;
    if (line == 0 || cli->config_path == NULL)
        snprintf(buf, cap, "--%s", name);
    else
        snprintf(buf, cap, "%s:%d: %s", cli->config_path, line, name);
}

int check_names(const struct cli *cli, const jm_dict *dict)
{
    const struct {
        const struct name_list *l;
        const char *name;
    } lists[] = {{&cli->have, "have"},
                 {&cli->ignore, "ignore"},
                 {&cli->assume, "assume"},
                 {&cli->keywords, "keyword"}};
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
        for (size_t k = 0; k < lists[i].l->n; k++)
            if (jm_dict_lookup(dict, lists[i].l->v[k]) < 0) {
                char src[4200];
                source_of(cli, lists[i].name, lists[i].l, k, src, sizeof src);
                return errorf("%s: '%s' is not a keyword jobmatch knows (jobmatch dict list "
                              "shows them; a name of your own goes in a --dict file)",
                              src, lists[i].l->v[k]),
                       EXIT_USAGE;
            }
    return EXIT_OK;
}

/* ---- jobmatch config ------------------------------------------------------------- */

/* The names of a list, ", "-joined, into a buffer the caller frees; "" for none. */
static char *joined(const struct name_list *a, const char *const *b, size_t nb)
{
    struct jm_buf out = {0};
    for (size_t i = 0; i < a->n + nb; i++)
        jm_buf_printf(&out, "%s%s", i ? ", " : "", i < a->n ? a->v[i] : b[i - a->n]);
    return out.data ? out.data : strdup("");
}

/* Each setting's value (owned) and where it comes from. */
struct shown {
    char *value[SETTINGS];
    char from[SETTINGS][48];
    char *file; /* the config file read, or the one looked for */
    bool found;
};

static bool gather(const struct cli *cli, struct shown *sh)
{
    *sh = (struct shown){0};
    sh->found = cli->config_path != NULL;
    sh->file = sh->found        ? strdup(cli->config_path)
               : cli->no_config ? NULL
               : cli->config    ? strdup(cli->config)
                                : default_path();
    sh->value[SET_RESUME] = strdup(cli->resume ? cli->resume : "");
    sh->value[SET_DICT] = joined(&cli->config_dicts, cli->dicts, (size_t)cli->ndicts);
    sh->value[SET_FORMAT] = strdup(cli->format_name     ? cli->format_name
                                   : cli->config_format ? cli->config_format
                                                        : "");
    sh->value[SET_HAVE] = joined(&cli->have, NULL, 0);
    sh->value[SET_IGNORE] = joined(&cli->ignore, NULL, 0);
    for (int s = 0; s < SETTINGS; s++)
        snprintf(sh->from[s], sizeof sh->from[s], "%s", *sh->value[s] ? cli->from[s] : "not set");
    if (cli->config_dicts.n > 0 || cli->ndicts > 0)
        snprintf(sh->from[SET_DICT], sizeof sh->from[SET_DICT], "%s",
                 cli->config_dicts.n == 0 ? "--dict"
                 : cli->ndicts == 0       ? "config"
                                          : "config, then --dict");
    for (int s = 0; s < SETTINGS; s++)
        if (sh->value[s] == NULL)
            return false;
    return true;
}

static void shown_free(struct shown *sh)
{
    for (int s = 0; s < SETTINGS; s++)
        free(sh->value[s]);
    free(sh->file);
}

static int print_text(const struct cli *cli, const struct shown *sh)
{
    printf("%-12s %s%s\n", "config file", sh->file ? sh->file : "-",
           cli->no_config ? " (not read: --no-config)"
           : sh->found    ? ""
                          : " (none there)");
    for (int s = 0; s < SETTINGS; s++)
        printf("%-12s %-40s %s\n", setting_names[s], *sh->value[s] ? sh->value[s] : "-",
               sh->from[s]);
    return EXIT_OK;
}

static int print_json(const struct shown *sh)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", JM_SCHEMA_VERSION);
    cJSON *file = cJSON_AddObjectToObject(root, "config_file");
    if (sh->file)
        cJSON_AddStringToObject(file, "path", sh->file);
    else
        cJSON_AddNullToObject(file, "path");
    cJSON_AddBoolToObject(file, "read", sh->found);
    cJSON *settings = cJSON_AddObjectToObject(root, "settings");
    for (int s = 0; s < SETTINGS; s++) {
        cJSON *o = cJSON_AddObjectToObject(settings, setting_names[s]);
        if (*sh->value[s])
            cJSON_AddStringToObject(o, "value", sh->value[s]);
        else
            cJSON_AddNullToObject(o, "value");
        cJSON_AddStringToObject(o, "from", sh->from[s]);
    }
    return json_print(root);
}

int cmd_config(const struct cli *cli)
{
    jm_dict *dict = NULL;
    /* the settings checked: the dictionaries load, the names are theirs */
    bool check = cli->have.n + cli->ignore.n + cli->config_dicts.n + (size_t)cli->ndicts > 0;
    int rc = check ? load_dictionaries(cli, &dict) : EXIT_OK;
    if (rc == EXIT_OK && dict != NULL)
        rc = check_names(cli, dict);
    jm_dict_free(dict);
    if (rc != EXIT_OK)
        return rc;
    struct shown sh;
    if (!gather(cli, &sh))
        rc = (errorf("out of memory"), EXIT_INTERNAL);
    else
        rc = cli->format == JM_REPORT_FORMAT_JSON ? print_json(&sh) : print_text(cli, &sh);
    shown_free(&sh);
    return rc;
}
