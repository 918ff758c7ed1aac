/*
 * file.c - whole files into memory, and sorted directory listings: the
 * dictionary and rules loaders and the document reader all read this way.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base.h"

jm_status jm_read_text_file(const char *path, struct jm_arena *a, jm_status code, char **text,
                            size_t *len, jm_error *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return jm_fail(err, code, path, 0, "cannot open: %s", strerror(errno));
    struct stat sb;
    jm_status st = JM_OK;
    size_t bad;
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode))
        st = jm_fail(err, code, path, 0, "not a regular file");
    else if (sb.st_size > (off_t)JM_MAX_INPUT) /* not jm_limits.input: that is for documents */
        st = jm_fail(err, code, path, 0, "file too large (over %s)", jm_size_text(JM_MAX_INPUT).s);
    else if ((*text = jm_arena_alloc(a, (size_t)sb.st_size + 1)) == NULL)
        st = jm_fail(err, JM_ERR_NOMEM, path, 0, "out of memory");
    else if ((*len = fread(*text, 1, (size_t)sb.st_size, f)) != (size_t)sb.st_size && ferror(f))
        st = jm_fail(err, code, path, 0, "cannot read: %s", strerror(errno));
    else if (((*text)[*len] = '\0', !jm_utf8_valid(*text, *len, &bad)))
        st = jm_fail(err, code, path, jm_line_of(*text, bad), "invalid UTF-8");
    fclose(f);
    return st;
}

bool jm_has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcmp(s + n - k, suffix) == 0;
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void jm_free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

jm_status jm_list_dir(const char *dir, const char *suffix, jm_status code, char ***names, size_t *n,
                      jm_error *err)
{
    *names = NULL;
    *n = 0;
    DIR *d = opendir(dir);
    if (d == NULL)
        return jm_fail(err, code, dir, 0, "cannot open: %s", strerror(errno));
    size_t cap = 0;
    jm_status st = JM_OK;
    for (struct dirent *e; st == JM_OK && (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.' || !jm_has_suffix(e->d_name, suffix))
            continue;
        if (*n == cap) {
            cap = cap ? 2 * cap : 16;
            char **p = realloc(*names, cap * sizeof *p);
            st = p ? JM_OK : JM_ERR_NOMEM;
            *names = p ? p : *names;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        if (st == JM_OK && ((*names)[*n] = malloc(len)) == NULL)
            st = JM_ERR_NOMEM;
        if (st != JM_OK)
            break;
        snprintf((*names)[*n], len, "%s/%s", dir, e->d_name);
        /* a named pipe called x.dict would block the reading for ever; a broken link stays,
         * for its reading to say what is wrong */
        struct stat sb;
        if (stat((*names)[*n], &sb) != 0 || S_ISREG(sb.st_mode))
            (*n)++;
        else
            free((*names)[*n]);
    }
    closedir(d);
    if (st != JM_OK) {
        jm_free_names(*names, *n);
        *names = NULL;
        *n = 0;
        return jm_fail(err, st, dir, 0, "out of memory");
    }
    if (*n > 1)
        qsort(*names, *n, sizeof **names, cmp_path);
    return JM_OK;
}

/* Reads all of `fd`, refusing more than jm_limit()->input bytes. */
static jm_status read_all(int fd, const char *where, char **data, size_t *len, jm_error *err)
{
    struct jm_buf b = {0};
    char chunk[65536];
    for (;;) {
        ssize_t r = read(fd, chunk, sizeof chunk);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            jm_buf_free(&b);
            return jm_fail(err, JM_ERR_IO, where, 0, "cannot read: %s", strerror(e));
        }
        if (r == 0)
            break;
        if (b.len + (size_t)r > jm_limit()->input) {
            jm_buf_free(&b);
            return jm_fail(err, JM_ERR_TOO_BIG, where, 0, "file too large (over %s)",
                           jm_size_text(jm_limit()->input).s);
        }
        jm_buf_put(&b, chunk, (size_t)r);
        if (b.failed) {
            jm_buf_free(&b);
            return jm_fail(err, JM_ERR_NOMEM, where, 0, "out of memory");
        }
    }
    *data = b.data;
    *len = b.len;
    return JM_OK;
}

jm_status jm_read_input(const char *path, char **data, size_t *len, jm_error *err)
{
    *data = NULL;
    *len = 0;
    if (path == NULL)
        return jm_fail(err, JM_ERR_ARG, "", 0, "no path");
    bool is_stdin = strcmp(path, "-") == 0;
    const char *where = is_stdin ? "<stdin>" : path;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return jm_fail(err, JM_ERR_IO, where, 0, "cannot open: %s", strerror(errno));
    struct stat st;
    jm_status rc = JM_OK;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
        rc = jm_fail(err, JM_ERR_IO, where, 0, "is a directory");
    else if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > (off_t)jm_limit()->input)
        rc = jm_fail(err, JM_ERR_TOO_BIG, where, 0, "file too large (%s; the limit is %s)",
                     jm_size_text((size_t)st.st_size).s, jm_size_text(jm_limit()->input).s);
    if (rc == JM_OK)
        rc = read_all(fd, where, data, len, err);
    if (!is_stdin)
        close(fd);
    return rc;
}
