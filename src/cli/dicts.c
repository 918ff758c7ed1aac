/*
 * dicts.c - where the dictionaries and phrasing rules are: the built-in set
 * (next to the executable in a build tree, else the installed data
 * directory), then JOBMATCH_DICT_PATH, then each --dict, then any extra paths
 * (dict check), each a layer that may override or extend the ones before.
 * The keyword loader reads the *.dict files of these, the rules loader the
 * *.rules files.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef JM_DATADIR
#define JM_DATADIR "/usr/local/share/jobmatch"
#endif

static bool is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* <dir of the executable>/dictionaries when run from a build tree. */
static char *build_tree_dicts(void)
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
    size_t len = strlen(exe) + sizeof "/dictionaries";
    char *path = malloc(len);
    if (path == NULL)
        return NULL;
    snprintf(path, len, "%s/dictionaries", exe);
    if (is_dir(path))
        return path;
    free(path);
    return NULL;
}

static jm_status nomem(jm_error *err)
{
    *err = (jm_error){.code = JM_ERR_NOMEM, .msg = "out of memory"};
    return JM_ERR_NOMEM;
}

/* The layers, in order: built-in, JOBMATCH_DICT_PATH, --dict, then `extra`. */
struct layers {
    const char **paths;
    size_t n;
    char *tree, *env;  /* owned */
};

static bool layers_open(struct layers *l, const struct cli *cli, char *const *extra, int nextra)
{
    l->tree = build_tree_dicts();
    l->env = getenv("JOBMATCH_DICT_PATH") ? strdup(getenv("JOBMATCH_DICT_PATH")) : NULL;
    size_t cap = 2 + (size_t)cli->ndicts + (size_t)nextra + (l->env ? strlen(l->env) : 0);
    l->paths = calloc(cap, sizeof *l->paths);
    l->n = 0;
    if (l->paths == NULL)
        return false;
    l->paths[l->n++] = l->tree ? l->tree : JM_DATADIR "/dictionaries";
    char *save;
    for (char *p = l->env ? strtok_r(l->env, ":", &save) : NULL; p; p = strtok_r(NULL, ":", &save))
        l->paths[l->n++] = p;
    for (int i = 0; i < cli->ndicts; i++)
        l->paths[l->n++] = cli->dicts[i];
    for (int i = 0; i < nextra; i++)
        l->paths[l->n++] = extra[i];
    return true;
}

static void layers_close(struct layers *l)
{
    free(l->paths);
    free(l->tree);
    free(l->env);
}

jm_status open_dictionaries(const struct cli *cli, char *const *extra, int nextra, jm_dict **out,
                            jm_error *err)
{
    *out = NULL;
    struct layers l;
    jm_status st = layers_open(&l, cli, extra, nextra)
                       ? jm_dict_load(l.paths, l.n, out, err)
                       : nomem(err);
    /* The built-in patterns are checked by the test suite; a user's are
     * checked now, so that a mistake shows at once and not mid-run. */
    if (st == JM_OK && l.n > 1)
        st = jm_dict_compile_patterns(*out, err);
    if (st != JM_OK) {
        jm_dict_free(*out);
        *out = NULL;
    }
    layers_close(&l);
    return st;
}

int load_dictionaries(const struct cli *cli, jm_dict **out)
{
    jm_error err = {0};
    jm_status st = open_dictionaries(cli, NULL, 0, out, &err);
    if (st != JM_OK)
        report_error(&err);
    return exit_code_for(st);
}

int load_rules(const struct cli *cli, jm_rules **out)
{
    jm_error err = {0};
    struct layers l;
    *out = NULL;
    jm_status st = layers_open(&l, cli, NULL, 0) ? jm_rules_load(l.paths, l.n, out, &err)
                                                  : nomem(&err);
    layers_close(&l);
    if (st != JM_OK)
        report_error(&err);
    return exit_code_for(st);
}
