/*
 * lines.c - the lines of standard input that `batch -` reads: paths, or JSON
 * records of a whole page each.
 *
 * Not getline(3), for two reasons. A record longer than the limit must be
 * one error row and the input must go on; getline would grow without bound
 * or fail, and a failure reads the same as the end of input, silently dropping
 * every later record. And a batch waiting on an idle pipe must still notice
 * Ctrl-C and SIGTERM: the handler writes to `wake_fd`'s pipe, and the reader
 * waits on both with poll(2) instead of blocking in read(2).
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

enum { READ_CHUNK = 64 * 1024 };

/* Waits until `r->fd` has data (true) or `r->wake_fd` is written to (false). */
static bool wait_readable(struct line_reader *r)
{
    struct pollfd p[2] = {{.fd = r->fd, .events = POLLIN}, {.fd = r->wake_fd, .events = POLLIN}};
    for (;;) {
        int n = poll(p, r->wake_fd >= 0 ? 2 : 1, -1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 || (r->wake_fd >= 0 && p[1].revents != 0))
            return false;
        if (p[0].revents != 0)
            return true; /* data, end of file (POLLHUP) or an error read(2) will tell */
    }
}

/* Reads more into the buffer, dropping what was already returned: false at the end. */
static bool fill(struct line_reader *r, enum line_status *why)
{
    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->len - r->start);
        r->len -= r->start, r->scanned -= r->start, r->start = 0;
    }
    if (r->cap - r->len < READ_CHUNK) {
        size_t cap = r->cap ? 2 * r->cap : 2 * READ_CHUNK;
        char *p = realloc(r->buf, cap);
        if (p == NULL)
            return *why = LINE_NOMEM, false;
        r->buf = p, r->cap = cap;
    }
    if (!wait_readable(r))
        return *why = LINE_WOKEN, false;
    ssize_t n;
    while ((n = read(r->fd, r->buf + r->len, r->cap - r->len - 1)) < 0 && errno == EINTR)
        ;
    if (n < 0)
        return *why = LINE_ERROR, false;
    if (n == 0)
        return *why = LINE_EOF, false;
    r->len += (size_t)n;
    return true;
}

/* Past the line that is too long, up to its newline or the end of input. */
static enum line_status skip_rest(struct line_reader *r)
{
    for (;;) {
        char *nl = r->len > r->start ? memchr(r->buf + r->start, '\n', r->len - r->start) : NULL;
        if (nl != NULL) {
            r->start = r->scanned = (size_t)(nl - r->buf) + 1;
            return LINE_TOO_LONG;
        }
        r->start = r->scanned = r->len; /* dropped: kept memory stays at the limit */
        enum line_status why;
        if (!fill(r, &why))
            return why == LINE_EOF ? LINE_TOO_LONG : why;
    }
}

enum line_status line_next(struct line_reader *r, char **line, size_t *len)
{
    for (;;) {
        char *nl =
            r->len > r->scanned ? memchr(r->buf + r->scanned, '\n', r->len - r->scanned) : NULL;
        size_t end = nl ? (size_t)(nl - r->buf) : r->len;
        if (end - r->start > r->max)
            return skip_rest(r);
        if (nl != NULL || (r->eof && r->start < r->len)) {
            *line = r->buf + r->start;
            *len = end - r->start;
            r->buf[end] = '\0'; /* the newline, or the byte fill() keeps free */
            r->start = r->scanned = nl ? end + 1 : r->len;
            return LINE_OK;
        }
        r->scanned = r->len; /* searched already: linear however long the line */
        if (r->eof)
            return LINE_EOF;
        enum line_status why;
        if (!fill(r, &why)) {
            if (why != LINE_EOF)
                return why;
            r->eof = true;
        }
    }
}

void line_reader_free(struct line_reader *r)
{
    free(r->buf);
    r->buf = NULL;
}
