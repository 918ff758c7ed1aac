/*
 * buf.c - the one growable byte buffer. It is capped (JM_BUF_MAX) so that a
 * hostile input cannot make it grow without bound; on failure it keeps what
 * it has and sets `failed`, which callers check once at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

static bool grow(struct jm_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (extra > JM_BUF_MAX - b->len) {
        b->failed = b->full = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (p == NULL) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void jm_buf_put(struct jm_buf *b, const char *s, size_t n)
{
    if (!grow(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void jm_buf_putc(struct jm_buf *b, char c)
{
    if (!b->failed && b->len + 2 <= b->cap && b->len < JM_BUF_MAX) { /* room already */
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return;
    }
    jm_buf_put(b, &c, 1);
}

void jm_buf_puts(struct jm_buf *b, const char *s)
{
    jm_buf_put(b, s, strlen(s));
}

void jm_buf_printf(struct jm_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        jm_buf_put(b, small, (size_t)n);
        return;
    }
    if (!grow(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void jm_buf_clear(struct jm_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void jm_buf_free(struct jm_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

void jm_buf_put_clipped(struct jm_buf *b, const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) {
        jm_buf_put(b, s, n);
        return;
    }
    /* Cut at a space near the limit, never inside a UTF-8 sequence. */
    size_t cut = max;
    while (cut > max / 2 && s[cut] != ' ')
        cut--;
    if (cut <= max / 2) {
        cut = max;
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
            cut--;
    }
    jm_buf_put(b, s, cut);
    jm_buf_puts(b, "\xE2\x80\xA6");
}

void jm_buf_put_cell(struct jm_buf *b, const char *s, size_t width)
{
    size_t cols = 0;
    for (const char *p = s; *p; cols++) {
        const char *q = p + 1;
        while (((unsigned char)*q & 0xC0) == 0x80)
            q++;
        if (cols + 1 == width && *q) {
            jm_buf_puts(b, "\xE2\x80\xA6");
            return;
        }
        jm_buf_put(b, p, (size_t)(q - p));
        p = q;
    }
    for (; cols < width; cols++)
        jm_buf_putc(b, ' ');
}
