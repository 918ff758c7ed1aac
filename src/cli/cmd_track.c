/*
 * cmd_track.c - `jobmatch track --file pipeline.csv RESUME PATH...`: the postings scored as
 * batch scores them, into the person's tracker spreadsheet. The file is read whole first and
 * refused (nothing written) when it cannot be read as a tracker; it is written whole, to a
 * temporary file renamed over it, after its previous version is kept as FILE.bak; and when
 * it changed on disk while the postings were scored (saved from a spreadsheet meanwhile),
 * nothing is written: the person's edit wins.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base.h"
#include "batch.h"

/* What the file was when it was read: changed since, it is someone else's now. */
struct snapshot {
    bool exists;
    struct stat st;
};

static bool same(const struct snapshot *a, const struct snapshot *b)
{
    if (a->exists != b->exists)
        return false;
    return !a->exists || (a->st.st_ino == b->st.st_ino && a->st.st_size == b->st.st_size &&
                          a->st.st_mtim.tv_sec == b->st.st_mtim.tv_sec &&
                          a->st.st_mtim.tv_nsec == b->st.st_mtim.tv_nsec);
}

static void take(const char *path, struct snapshot *s)
{
    s->exists = stat(path, &s->st) == 0;
}

/* The tracker at `path` (a new one when there is no file yet); the exit status. */
static int load(const char *path, struct snapshot *snap, jm_tracker **out)
{
    take(path, snap);
    char *buf = NULL;
    size_t len = 0;
    if (snap->exists) {
        jm_error err = {0};
        if (jm_read_input(path, &buf, &len, &err) != JM_OK) {
            report_error(&err);
            return exit_code_for(err.code);
        }
    }
    jm_error err = {0};
    jm_status st = jm_tracker_parse(buf, len, path, out, &err);
    free(buf);
    if (st != JM_OK) {
        report_error(&err);
        errorf("%s: left as it was (a tracker is never rewritten from a misreading)", path);
    }
    return exit_code_for(st);
}

/* FILE.bak: the version before this run, for a person who wants it back. */
static int backup(const char *path)
{
    char bak[4096];
    if ((size_t)snprintf(bak, sizeof bak, "%s.bak", path) >= sizeof bak)
        return errorf("%s: the name is too long for its backup", path), EXIT_WRITE;
    if (unlink(bak) != 0 && errno != ENOENT)
        return errorf("%s: cannot replace the backup: %s", bak, strerror(errno)), EXIT_WRITE;
    if (link(path, bak) != 0)
        return errorf("%s: cannot keep the backup: %s", bak, strerror(errno)), EXIT_WRITE;
    return EXIT_OK;
}

static int save(const struct cli *cli, jm_tracker *t, const struct snapshot *before)
{
    struct snapshot now;
    take(cli->file, &now);
    if (!same(before, &now))
        return errorf("%s: changed while the postings were scored (saved from a spreadsheet?): "
                      "nothing written, your edit stands; run jobmatch track again",
                      cli->file),
               EXIT_WRITE;
    if (before->exists) {
        int rc = backup(cli->file);
        if (rc != EXIT_OK)
            return rc;
    }
    struct atomic_file a;
    if (atomic_open(&a, cli->file) == NULL)
        return EXIT_WRITE;
    jm_error err = {0};
    if (jm_tracker_write(t, cli->bom, write_file, a.f, &err) != JM_OK) {
        atomic_abort(&a);
        report_error(&err);
        return exit_code_for(err.code);
    }
    return atomic_commit(&a);
}

int cmd_track(const struct cli *cli)
{
    if (cli->file == NULL || strcmp(cli->file, "-") == 0)
        return errorf("track needs --file FILE: the spreadsheet to keep (it is rewritten "
                      "in place, so not standard input) (see jobmatch --help)"),
               EXIT_USAGE;
    struct snapshot snap;
    jm_tracker *t = NULL;
    int rc = load(cli->file, &snap, &t);
    if (rc != EXIT_OK)
        return rc;
    rc = batch_main(cli, BATCH_TRACK, t);
    /* what was scored is kept, also when some files failed or the run was interrupted */
    bool keep =
        rc == EXIT_OK || rc == EXIT_PARTIAL || rc == EXIT_INTERRUPTED || rc == EXIT_TERMINATED;
    if (keep) {
        int saved = save(cli, t, &snap);
        if (saved != EXIT_OK)
            rc = saved;
    }
    if (keep && rc != EXIT_WRITE) {
        jm_tracker_counts c = jm_tracker_tally(t);
        printf("%s: %zu added, %zu updated, %zu not found this time (kept)", cli->file, c.added,
               c.updated, c.not_found);
        if (c.duplicates)
            printf(", %zu met twice", c.duplicates);
        printf("\n");
    }
    jm_tracker_free(t);
    return rc;
}
