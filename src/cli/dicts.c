/*
 * dicts.c - where the dictionaries are: the built-in set (next to the
 * executable in a build tree, else the installed data directory), then
 * JOBMATCH_DICT_PATH, then each --dict, then any extra paths (dict check),
 * each a layer that may override the ones before.
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

jm_status open_dictionaries(const struct cli *cli, char *const *extra, int nextra, jm_dict **out,
                            jm_error *err)
{
    *out = NULL;
    char *tree = build_tree_dicts();
    char *env = getenv("JOBMATCH_DICT_PATH") ? strdup(getenv("JOBMATCH_DICT_PATH")) : NULL;
    size_t cap = 2 + (size_t)cli->ndicts + (size_t)nextra + (env ? strlen(env) : 0);
    const char **paths = calloc(cap, sizeof *paths);
    jm_status st = JM_ERR_NOMEM;
    if (paths != NULL) {
        size_t n = 0;
        paths[n++] = tree ? tree : JM_DATADIR "/dictionaries";
        for (char *p = env ? strtok(env, ":") : NULL; p; p = strtok(NULL, ":"))
            paths[n++] = p;
        for (int i = 0; i < cli->ndicts; i++)
            paths[n++] = cli->dicts[i];
        for (int i = 0; i < nextra; i++)
            paths[n++] = extra[i];
        st = jm_dict_load(paths, n, out, err);
        /* The built-in patterns are checked by the test suite; a user's are
         * checked now, so that a mistake shows at once and not mid-run. */
        if (st == JM_OK && n > 1)
            st = jm_dict_check(*out, err);
        if (st != JM_OK) {
            jm_dict_free(*out);
            *out = NULL;
        }
    }
    free(paths);
    free(tree);
    free(env);
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
