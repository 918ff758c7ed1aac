/*
 * walk.c - the postings a batch reads: files as given, directories walked
 * recursively in name order, symlinks followed except into a directory
 * already on the way down (a loop). Files in a directory count when their
 * extension says posting (.html .htm .md .markdown .txt) or their first
 * bytes are an HTML page; anything else is reported and skipped. An entry
 * that cannot be walked (a broken link, a folder without permission) is kept with its error, so
 * that the batch gives it an error row and counts it failed like a posting it cannot read.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

struct ancestor {
    dev_t dev;
    ino_t ino;
    const struct ancestor *up;
};

/* Postings in every format jobmatch reads, and those people save postings as that the
 * reader names precisely when it cannot read them (.doc, .rtf): those get an error row
 * with the reason, not a skip. */
static bool has_posting_extension(const char *name)
{
    static const char *const exts[] = {".html", ".htm", ".md",  ".markdown", ".txt", ".pdf",
                                       ".docx", ".doc", ".odt", ".rtf",      NULL};
    size_t n = strlen(name);
    for (size_t i = 0; exts[i]; i++) {
        size_t k = strlen(exts[i]);
        if (n > k && strcasecmp(name + n - k, exts[i]) == 0)
            return true;
    }
    return false;
}

/* A saved page without a known extension: "<!doctype html" or "<html" near the start. */
static bool looks_like_html(const char *path)
{
    char head[1024];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ssize_t n = read(fd, head, sizeof head - 1);
    close(fd);
    if (n <= 0)
        return false;
    head[n] = '\0';
    for (char *p = head; *p; p++)
        *p = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    return strstr(head, "<!doctype html") != NULL || strstr(head, "<html") != NULL;
}

/* `path`, to be read; or, with an `error`, to be reported as a failed entry. */
static bool add_path(struct walk_list *w, const char *path, const char *error)
{
    if (!grow_array(&w->items, &w->cap, w->n, sizeof *w->items))
        return false;
    struct walk_item *it = &w->items[w->n];
    it->path = strdup(path);
    it->error = error ? strdup(error) : NULL;
    if (it->path == NULL || (error && it->error == NULL)) {
        free(it->path), free(it->error);
        return false;
    }
    w->n++;
    w->failed += error != NULL;
    return true;
}

/* Why `path` cannot be walked, from stat's errno: a broken link said as such. */
static bool add_unreadable(struct walk_list *w, const char *path, const char *what, int err)
{
    struct stat lb;
    char msg[160];
    if (err == ENOENT && lstat(path, &lb) == 0 && S_ISLNK(lb.st_mode))
        snprintf(msg, sizeof msg, "a broken symbolic link");
    else
        snprintf(msg, sizeof msg, "%s%s", what, strerror(err));
    return add_path(w, path, msg);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool walk_dir(struct walk_list *w, const char *dir, const struct ancestor *up);

/* One directory entry (or argument): recurse, keep, or report and skip. */
static bool walk_entry(struct walk_list *w, const char *path, bool given, const struct ancestor *up)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return add_unreadable(w, path, "", errno);
    if (S_ISDIR(sb.st_mode)) {
        for (const struct ancestor *a = up; a; a = a->up)
            if (a->dev == sb.st_dev && a->ino == sb.st_ino) { /* nothing lost: read once */
                errorf("%s: a symbolic link loop (skipped)", path);
                w->skipped++;
                return true;
            }
        struct ancestor here = {sb.st_dev, sb.st_ino, up};
        return walk_dir(w, path, &here);
    }
    if (given)
        return add_path(w, path, NULL); /* named by the user: a FIFO of <(…) is meant to be read */
    if (!S_ISREG(sb.st_mode)) {         /* a named pipe in a folder would block the batch forever */
        errorf("%s: not a regular file (skipped)", path);
        w->skipped++;
        return true;
    }
    if (has_posting_extension(path) || looks_like_html(path))
        return add_path(w, path, NULL);
    errorf("%s: not a posting (skipped)", path);
    w->skipped++;
    return true;
}

static bool walk_dir(struct walk_list *w, const char *dir, const struct ancestor *up)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return add_unreadable(w, dir, "cannot open the directory: ", errno);
    char **names = NULL;
    size_t n = 0, cap = 0;
    bool ok = true;
    for (struct dirent *e; ok && (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.') /* ., .., and hidden files such as .git or .DS_Store */
            continue;
        ok = grow_array(&names, &cap, n, sizeof *names);
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        if (ok && (names[n] = malloc(len)) != NULL)
            snprintf(names[n++], len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
                     e->d_name);
        else
            ok = false;
    }
    closedir(d);
    if (names != NULL)
        qsort(names, n, sizeof *names, cmp_name);
    for (size_t i = 0; i < n; i++) {
        if (ok)
            ok = walk_entry(w, names[i], false, up);
        free(names[i]);
    }
    free(names);
    return ok;
}

bool walk_path(struct walk_list *w, const char *path)
{
    return walk_entry(w, path, true, NULL);
}

void walk_free(struct walk_list *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->items[i].path), free(w->items[i].error);
    free(w->items);
    *w = (struct walk_list){0};
}
