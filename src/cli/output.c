/*
 * output.c - every file jobmatch writes (-o, --summary) is written whole or
 * not at all: into a temporary file beside it, flushed to disk, then renamed
 * over it. A run that fails, runs out of space or is interrupted leaves the
 * old file as it was, never half a new one.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The temporary file of -o, for the signal handler to remove; "" when none. */
static char pending_tmp[4096];

static void remove_and_die(int sig)
{
    if (pending_tmp[0])
        unlink(pending_tmp);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* "dir/.name.jobmatch-XXXXXX": beside the target, so that rename(2) stays on one disk. */
static char *temp_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    size_t n = strlen(path) + sizeof ".jobmatch-XXXXXX" + 1;
    char *tmp = malloc(n);
    if (tmp != NULL)
        snprintf(tmp, n, "%.*s.%s.jobmatch-XXXXXX", (int)dirlen, path, path + dirlen);
    return tmp;
}

/* The temporary file, with the mode the target has (or a new file would get). */
static int open_temp(struct atomic_file *a)
{
    int fd = mkstemp(a->tmp);
    if (fd < 0)
        return -1;
    struct stat sb;
    mode_t mode;
    if (stat(a->path, &sb) == 0) {
        mode = sb.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    fchmod(fd, mode);
    return fd;
}

FILE *atomic_open(struct atomic_file *a, const char *path)
{
    *a = (struct atomic_file){.path = path, .tmp = temp_name(path)};
    int fd = a->tmp ? open_temp(a) : -1;
    if (fd < 0 || (a->f = fdopen(fd, "w")) == NULL) {
        errorf("%s: cannot write: %s", path, a->tmp ? strerror(errno) : "out of memory");
        if (fd >= 0)
            close(fd), unlink(a->tmp);
        free(a->tmp);
        *a = (struct atomic_file){0};
        return NULL;
    }
    return a->f;
}

/* The temporary file, written whole to `fd`, on disk and renamed over the target; else
 * removed, after saying why. */
static bool settle(const struct atomic_file *a, int fd)
{
    if (fsync(fd) == 0 && rename(a->tmp, a->path) == 0)
        return true;
    errorf("%s: cannot write: %s", a->path, strerror(errno));
    unlink(a->tmp);
    return false;
}

int atomic_commit(struct atomic_file *a)
{
    bool ok = fflush(a->f) == 0 && !ferror(a->f);
    if (!ok) {
        errorf("%s: cannot write: %s", a->path, strerror(errno));
        unlink(a->tmp);
    }
    ok = ok && settle(a, fileno(a->f));
    fclose(a->f);
    free(a->tmp);
    *a = (struct atomic_file){0};
    return ok ? EXIT_OK : EXIT_WRITE;
}

void atomic_abort(struct atomic_file *a)
{
    if (a->f != NULL) {
        fclose(a->f);
        unlink(a->tmp);
    }
    free(a->tmp);
    *a = (struct atomic_file){0};
}

/* Standard output into `path`'s temporary file until output_finish. */
int output_start(struct atomic_file *a, const char *path)
{
    *a = (struct atomic_file){0};
    if (path == NULL)
        return EXIT_OK;
    if (atomic_open(a, path) == NULL)
        return EXIT_WRITE;
    fflush(stdout);
    if (dup2(fileno(a->f), STDOUT_FILENO) < 0) {
        errorf("%s: cannot write: %s", path, strerror(errno));
        atomic_abort(a);
        return EXIT_WRITE;
    }
    snprintf(pending_tmp, sizeof pending_tmp, "%s", a->tmp);
    struct sigaction sa = {.sa_handler = remove_and_die};
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    return EXIT_OK;
}

/* Whether a run that ended with `rc` wrote a whole report: only those are kept. */
static bool output_complete(int rc)
{
    return rc == EXIT_OK || rc == EXIT_BELOW || rc == EXIT_PARTIAL || rc == EXIT_INTERRUPTED ||
           rc == EXIT_TERMINATED;
}

int output_finish(struct atomic_file *a, int rc)
{
    bool complete = output_complete(rc);
    errno = 0;
    if (complete && (fflush(stdout) != 0 || ferror(stdout))) {
        int e = errno;
        errorf("%s: cannot write: %s", a->path ? a->path : "standard output",
               e == EPIPE ? "the reader closed the pipe"
               : e        ? strerror(e)
                          : "write error");
        rc = EXIT_WRITE;
        complete = false;
    }
    if (a->f == NULL) /* no -o */
        return rc;
    if (!complete)
        unlink(a->tmp);
    else if (!settle(a, STDOUT_FILENO))
        rc = EXIT_WRITE;
    pending_tmp[0] = '\0';
    fclose(a->f);
    free(a->tmp);
    *a = (struct atomic_file){0};
    return rc;
}
