/*
 * spawn.c - wall time of whole commands, interleaved, as medians.
 *
 *   spawn ROUNDS LABEL: [--fresh DIR] CMD [ARG...] [-- LABEL: ...]...
 *
 * Runs every command once per round, in turn (A B A B ...), so that a noisy
 * neighbour slows all of them alike, and prints one line per command:
 * label, median and minimum in milliseconds. Output of the commands goes to
 * /dev/null; a command that fails aborts the measurement. --fresh DIR
 * empties DIR of its files before each run of the command, untimed: a cold
 * cache every time (jobmatch's compiled dictionaries).
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

struct command {
    const char *label;
    const char *fresh; /* a directory emptied before each run, or NULL */
    char **argv;
    double *ms;
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Removes the files of `dir` (a missing one is empty already). */
static void empty_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        if (e->d_name[0] != '.')
            unlinkat(dirfd(d), e->d_name, 0);
    closedir(d);
}

/* One run of `argv` with its output discarded; the wall time, or -1 on failure. */
static double run_once(char **argv, posix_spawn_file_actions_t *quiet)
{
    pid_t pid;
    int status;
    double start = now_ms();
    if (posix_spawnp(&pid, argv[0], quiet, NULL, argv, environ) != 0 ||
        waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) > 1)
        return -1;
    return now_ms() - start;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: spawn ROUNDS LABEL: CMD [ARG...] [-- LABEL: CMD...]...\n");
        return 2;
    }
    int rounds = atoi(argv[1]);
    struct command cmds[16];
    int n = 0;
    for (int i = 2; i < argc && n < 16;) {
        cmds[n].label = argv[i++];
        cmds[n].fresh = NULL;
        if (i + 1 < argc && strcmp(argv[i], "--fresh") == 0) {
            cmds[n].fresh = argv[i + 1];
            i += 2;
        }
        cmds[n].argv = &argv[i];
        while (i < argc && strcmp(argv[i], "--") != 0)
            i++;
        if (i < argc)
            argv[i++] = NULL;  /* ends this command's argv */
        cmds[n].ms = calloc((size_t)rounds, sizeof(double));
        if (cmds[n].ms == NULL || cmds[n].argv[0] == NULL)
            return 2;
        n++;
    }
    posix_spawn_file_actions_t quiet;
    posix_spawn_file_actions_init(&quiet);
    posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0);
    for (int r = 0; r < rounds; r++) {
        for (int c = 0; c < n; c++) {
            if (cmds[c].fresh != NULL)
                empty_dir(cmds[c].fresh);
            if ((cmds[c].ms[r] = run_once(cmds[c].argv, &quiet)) < 0) {
                fprintf(stderr, "spawn: '%s' failed\n", cmds[c].argv[0]);
                return 1;
            }
        }
    }
    for (int c = 0; c < n; c++) {
        qsort(cmds[c].ms, (size_t)rounds, sizeof(double), cmp_double);
        printf("%s\t%.2f\t%.2f\n", cmds[c].label, cmds[c].ms[rounds / 2], cmds[c].ms[0]);
        free(cmds[c].ms);
    }
    posix_spawn_file_actions_destroy(&quiet);
    return 0;
}
