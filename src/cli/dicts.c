/*
 * dicts.c - where the dictionaries and phrasing rules are: a list of layers,
 * each of which may override or extend the ones before.
 *
 *   1. The built-in set: the first of these directories that exists.
 *        $JOBMATCH_DATA_DIR/dictionaries        when the variable is set and
 *            not empty; it names the directory that holds dictionaries/, and
 *            then no other place is tried
 *        <dir of the executable>/dictionaries   a build tree
 *        <dir of the executable>/../share/jobmatch/dictionaries
 *            installed under any prefix (relocatable: PREFIX is not compiled in)
 *        /usr/local/share/jobmatch/dictionaries, /usr/share/jobmatch/dictionaries
 *            when the executable's own path is unknown (no /proc) or it was
 *            copied away from its data
 *      When none exists, a one-line error (exit 5) names where it looked.
 *   2. JOBMATCH_DICT_PATH: colon-separated files or directories.
 *   3. Each dict of the config file, then each --dict, in order.
 *   4. Any extra paths (dict check).
 *
 * The keyword loader reads the *.dict files of these, the rules loader the
 * *.rules files.
 *
 * The dictionaries load through a compiled image (jm_dict_load_cached) kept
 * in $XDG_CACHE_HOME/jobmatch/ ($HOME/.cache/jobmatch/ by default), one per
 * list of layers, unless --no-cache or JOBMATCH_NO_CACHE says not to.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base.h"
#include "cli.h"

static const char *const fallback_dicts[] = {
    "/usr/local/share/jobmatch/dictionaries",
    "/usr/share/jobmatch/dictionaries",
};

static bool is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static jm_status nomem(jm_error *err)
{
    *err = (jm_error){.code = JM_ERR_NOMEM, .msg = "out of memory"};
    return JM_ERR_NOMEM;
}

static char *concat(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *s = malloc(na + nb + 1);
    if (s != NULL) {
        memcpy(s, a, na);
        memcpy(s + na, b, nb + 1);
    }
    return s;
}

/* The directory of the running executable ("" for /), or NULL when unknown. */
static char *exe_dir(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash == NULL)
        return NULL;
    *slash = '\0';
    return strdup(exe);
}

/* The built-in dictionary directory, in *out (owned), by the order above. */
static jm_status builtin_dicts(char **out, jm_error *err)
{
    *out = NULL;
    const char *data = getenv("JOBMATCH_DATA_DIR");
    if (data != NULL && data[0] != '\0') {
        size_t n = strlen(data);
        while (n > 0 && data[n - 1] == '/') /* "share/jobmatch/" */
            n--;
        if ((*out = malloc(n + sizeof "/dictionaries")) == NULL)
            return nomem(err);
        snprintf(*out, n + sizeof "/dictionaries", "%.*s/dictionaries", (int)n, data);
        if (is_dir(*out))
            return JM_OK;
        *err = (jm_error){.code = JM_ERR_DICT};
        snprintf(err->where, sizeof err->where, "%s", *out);
        snprintf(err->msg, sizeof err->msg,
                 "no such directory (JOBMATCH_DATA_DIR names the "
                 "directory that holds dictionaries/)");
        free(*out);
        *out = NULL;
        return JM_ERR_DICT;
    }
    /* Next to the executable, then under its prefix, then the fixed places. */
    char *dir = exe_dir(), *tried[2] = {NULL, NULL};
    if (dir != NULL) {
        tried[0] = concat(dir, "/dictionaries");
        char *slash = strrchr(dir, '/');
        if (slash != NULL)
            *slash = '\0'; /* the executable's prefix: /usr/bin -> /usr */
        tried[1] = concat(dir, "/share/jobmatch/dictionaries");
        free(dir);
        if (tried[0] == NULL || tried[1] == NULL) {
            free(tried[0]);
            free(tried[1]);
            return nomem(err);
        }
    }
    for (int i = 0; i < 2 && *out == NULL; i++)
        if (tried[i] != NULL && is_dir(tried[i]))
            *out = tried[i], tried[i] = NULL;
    for (size_t i = 0; i < sizeof fallback_dicts / sizeof *fallback_dicts && *out == NULL; i++)
        if (is_dir(fallback_dicts[i]) && (*out = strdup(fallback_dicts[i])) == NULL) {
            free(tried[0]);
            free(tried[1]);
            return nomem(err);
        }
    jm_status st = JM_OK;
    if (*out == NULL) {
        *err = (jm_error){.code = JM_ERR_DICT};
        char msg[4 * PATH_MAX];
        int n = snprintf(msg, sizeof msg,
                         "no built-in dictionaries in %s%s%s%s%s or %s (set "
                         "JOBMATCH_DATA_DIR to the directory that holds dictionaries/)",
                         tried[0] ? tried[0] : "", tried[0] ? ", " : "", tried[1] ? tried[1] : "",
                         tried[1] ? ", " : "", fallback_dicts[0], fallback_dicts[1]);
        if (n >= 0 && (size_t)n < sizeof err->msg)
            memcpy(err->msg, msg, (size_t)n + 1);
        else /* a long path: name the places relative to the executable */
            snprintf(err->msg, sizeof err->msg,
                     "no built-in dictionaries in dictionaries/ or "
                     "../share/jobmatch/dictionaries/ beside the executable, nor in %s or %s "
                     "(set JOBMATCH_DATA_DIR)",
                     fallback_dicts[0], fallback_dicts[1]);
        st = JM_ERR_DICT;
    }
    free(tried[0]);
    free(tried[1]);
    return st;
}

/* The layers, in order: built-in, JOBMATCH_DICT_PATH, --dict, then `extra`. */
struct layers {
    const char **paths;
    size_t n;
    char *builtin, *env; /* owned */
};

static void layers_close(struct layers *l)
{
    free(l->paths);
    free(l->builtin);
    free(l->env);
}

static jm_status layers_open(struct layers *l, const struct cli *cli, char *const *extra,
                             int nextra, jm_error *err)
{
    *l = (struct layers){0};
    jm_status st = builtin_dicts(&l->builtin, err);
    if (st != JM_OK)
        return st;
    const char *env = getenv("JOBMATCH_DICT_PATH");
    if (env != NULL && (l->env = strdup(env)) == NULL) {
        layers_close(l);
        return nomem(err);
    }
    size_t cap = 2 + cli->config_dicts.n + (size_t)cli->ndicts + (size_t)nextra +
                 (l->env ? strlen(l->env) : 0);
    if ((l->paths = calloc(cap, sizeof *l->paths)) == NULL) {
        layers_close(l);
        return nomem(err);
    }
    l->paths[l->n++] = l->builtin;
    char *save;
    for (char *p = l->env ? strtok_r(l->env, ":", &save) : NULL; p; p = strtok_r(NULL, ":", &save))
        l->paths[l->n++] = p;
    for (size_t i = 0; i < cli->config_dicts.n; i++) /* the config file's, then --dict's */
        l->paths[l->n++] = cli->config_dicts.v[i];
    for (int i = 0; i < cli->ndicts; i++)
        l->paths[l->n++] = cli->dicts[i];
    for (int i = 0; i < nextra; i++)
        l->paths[l->n++] = extra[i];
    return JM_OK;
}

/* Is the image cache off, by --no-cache or JOBMATCH_NO_CACHE (set, not empty, not 0)? */
static bool cache_off(const struct cli *cli)
{
    const char *env = getenv("JOBMATCH_NO_CACHE");
    return cli->no_cache || (env != NULL && env[0] != '\0' && strcmp(env, "0") != 0);
}

/* mkdir that is content to find the directory there. */
static bool make_dir(const char *path)
{
    return mkdir(path, 0700) == 0 || (errno == EEXIST && is_dir(path));
}

/* The user's cache directory for jobmatch, created (0700) when missing, or NULL: the XDG
 * base directory spec's $XDG_CACHE_HOME when absolute, else $HOME/.cache. */
static char *cache_dir(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    char *base = NULL;
    if (xdg != NULL && xdg[0] == '/') /* the spec: a relative path is to be ignored */
        base = strdup(xdg);
    else if (home != NULL && home[0] == '/')
        base = concat(home, "/.cache");
    char *dir = base != NULL && make_dir(base) ? concat(base, "/jobmatch") : NULL;
    free(base);
    if (dir != NULL && !make_dir(dir)) {
        free(dir);
        dir = NULL;
    }
    return dir;
}

/* Where the image of these layers is kept, or NULL for none. Each list of layers has its
 * own image, named by a hash of the list (and of the working directory when a path is
 * relative), so that runs with different --dict do not rebuild one image in turn. */
static char *image_path(const struct cli *cli, const struct layers *l)
{
    char *dir = cache_off(cli) ? NULL : cache_dir();
    if (dir == NULL)
        return NULL;
    uint64_t h = JM_FNV_BASIS;
    char cwd[PATH_MAX];
    for (size_t i = 0; i < l->n; i++)
        if (l->paths[i][0] != '/' && getcwd(cwd, sizeof cwd) != NULL) {
            h = jm_hash_bytes(h, cwd, strlen(cwd) + 1);
            break;
        }
    for (size_t i = 0; i < l->n; i++)
        h = jm_hash_bytes(h, l->paths[i], strlen(l->paths[i]) + 1);
    size_t n = strlen(dir) + sizeof "/dict-0123456789abcdef.img";
    char *path = malloc(n);
    if (path != NULL)
        snprintf(path, n, "%s/dict-%016llx.img", dir, (unsigned long long)h);
    free(dir);
    return path;
}

jm_status open_dictionaries(const struct cli *cli, char *const *extra, int nextra, bool cached,
                            jm_dict **out, jm_error *err)
{
    *out = NULL;
    struct layers l;
    jm_status st = layers_open(&l, cli, extra, nextra, err);
    if (st != JM_OK)
        return st;
    char *image = cached ? image_path(cli, &l) : NULL;
    /* The built-in patterns are checked by the test suite; a user's are checked now, so
     * that a mistake shows at once and not mid-run (an image records that they passed). */
    unsigned flags = l.n > 1 ? JM_DICT_FLAG_CHECK_PATTERNS : 0;
    st = jm_dict_load_cached(l.paths, l.n, image, flags, out, err);
    free(image);
    layers_close(&l);
    return st;
}

int load_dictionaries(const struct cli *cli, jm_dict **out)
{
    jm_error err = {0};
    jm_status st = open_dictionaries(cli, NULL, 0, true, out, &err);
    if (st != JM_OK)
        report_error(&err);
    return exit_code_for(st);
}

jm_status open_rules(const struct cli *cli, char *const *extra, int nextra, jm_rules **out,
                     jm_error *err)
{
    struct layers l;
    *out = NULL;
    jm_status st = layers_open(&l, cli, extra, nextra, err);
    if (st == JM_OK) {
        st = jm_rules_load(l.paths, l.n, out, err);
        layers_close(&l);
    }
    return st;
}

int load_rules(const struct cli *cli, jm_rules **out)
{
    jm_error err = {0};
    jm_status st = open_rules(cli, NULL, 0, out, &err);
    if (st != JM_OK)
        report_error(&err);
    return exit_code_for(st);
}
