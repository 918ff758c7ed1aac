/*
 * normalize.c - Unicode NFKC + case folding, with offsets back to the source.
 *
 * Matching runs on normalized text, while reports quote the original, so
 * every normalized byte records the offset of the character it came from.
 * ASCII is folded inline (NFKC leaves it alone, folding is tolower); only
 * non-ASCII characters, with the combining marks that follow them, go
 * through utf8proc. Checking the whole document for ASCII would almost
 * never pay off: real pages carry a (c), a no-break space or curly quotes.
 */
#include <string.h>
#include <utf8proc.h>

#include "base.h"

enum {
    NORM_OPTIONS =
        UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE,
    SEG_MAX_MARKS = 15,
    SEG_BUF = 512
};

struct out {
    struct jm_arena *arena;
    char *norm;
    uint32_t *map; /* NULL when the caller wants no offset map */
    bool with_map;
    size_t len, cap;
};

static bool reserve(struct out *o, size_t extra)
{
    if (o->len + extra + 1 <= o->cap)
        return true;
    /* The first call sizes for the common case exactly; growth doubles. */
    size_t cap = o->cap ? (o->cap + extra + 1) * 2 : extra + 1;
    char *norm = jm_arena_alloc(o->arena, cap);
    uint32_t *map = o->with_map ? jm_arena_alloc(o->arena, cap * sizeof *map) : NULL;
    if (norm == NULL || (o->with_map && map == NULL))
        return false;
    if (o->len > 0) {
        memcpy(norm, o->norm, o->len);
        if (map != NULL)
            memcpy(map, o->map, o->len * sizeof *map);
    }
    o->norm = norm;
    o->map = map;
    o->cap = cap;
    return true;
}

static bool is_mark(int32_t cp)
{
    return cp >= 0x300 && utf8proc_get_property(cp)->combining_class != 0;
}

/* The end of the segment starting at i: one character and its marks. */
static size_t segment_end(const char *s, size_t n, size_t i)
{
    size_t next;
    jm_utf8_at(s, n, i, &next);
    for (int marks = 0; next < n && marks < SEG_MAX_MARKS; marks++) {
        size_t after;
        if ((unsigned char)s[next] < 0x80 || !is_mark(jm_utf8_at(s, n, next, &after)))
            break;
        next = after;
    }
    return next;
}

/* Normalizes s[i..end) through utf8proc and appends it. */
static bool put_segment(struct out *o, const char *s, size_t i, size_t end)
{
    utf8proc_int32_t buf[SEG_BUF];
    utf8proc_ssize_t k =
        utf8proc_decompose((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(end - i), buf,
                           SEG_BUF, (utf8proc_option_t)NORM_OPTIONS);
    const char *bytes = s + i;
    size_t nbytes = end - i;
    if (k >= 0 && k <= SEG_BUF) {
        k = utf8proc_reencode(buf, k, (utf8proc_option_t)NORM_OPTIONS);
        if (k >= 0) {
            bytes = (const char *)buf;
            nbytes = (size_t)k;
        }
    }
    if (!reserve(o, nbytes))
        return false;
    memcpy(o->norm + o->len, bytes, nbytes);
    for (size_t j = 0; o->map != NULL && j < nbytes; j++)
        o->map[o->len + j] = (uint32_t)i;
    o->len += nbytes;
    return true;
}

void jm_normalize(const char *s, size_t n, struct jm_arena *a, char **norm, size_t *nlen,
                  uint32_t **map)
{
    struct out o = {.arena = a, .with_map = map != NULL};
    *norm = NULL;
    if (map != NULL)
        *map = NULL;
    *nlen = 0;
    if (!reserve(&o, n + n / 4 + 8))
        return;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        bool ascii_alone = c < 0x80 && (i + 1 >= n || (unsigned char)s[i + 1] < 0x80 ||
                                        !is_mark(jm_utf8_at(s, n, i + 1, &(size_t){0})));
        if (ascii_alone) {
            if (!reserve(&o, 1))
                return;
            if (o.map != NULL)
                o.map[o.len] = (uint32_t)i;
            o.norm[o.len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        size_t end = segment_end(s, n, i);
        if (!put_segment(&o, s, i, end))
            return;
        i = end;
    }
    o.norm[o.len] = '\0';
    if (map != NULL) {
        o.map[o.len] = (uint32_t)n;
        *map = o.map;
    }
    *norm = o.norm;
    *nlen = o.len;
}
