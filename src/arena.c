/*
 * arena.c - bump allocation for the many small strings of one document.
 *
 * A document owns hundreds of block texts, normalized copies and offset maps
 * that live and die together; one arena makes freeing them one call and
 * keeps malloc off the hot path. Allocation failure returns NULL and marks
 * the arena failed, for the owner to check once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

struct jm_arena_chunk {
    struct jm_arena_chunk *next;
    size_t used, size;
    max_align_t data[];
};

/* Chunks double up to CHUNK_MAX: few allocations for a big dictionary, little waste for a
 * small document. Small first: a batch's worker thread that allocated and freed 64 KB
 * chunks for each small posting had glibc trim its heap each time (madvise: a third of
 * the run). */
enum { CHUNK_MIN = 8 * 1024, CHUNK_MAX = 1024 * 1024 };

void *jm_arena_alloc(struct jm_arena *a, size_t size)
{
    size = (size + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    struct jm_arena_chunk *c = a->head;
    if (c == NULL || c->size - c->used < size) {
        size_t grow = c == NULL ? CHUNK_MIN : c->size < CHUNK_MAX ? 2 * c->size : CHUNK_MAX;
        bool one_off = size > grow;
        size_t want = one_off ? size : grow;
        /* Not zeroed: every caller writes what it allocates, and zeroing a 64 KB chunk
         * per document cost more than parsing some of them. */
        c = malloc(sizeof(*c) + want);
        if (c == NULL) {
            a->failed = true;
            return NULL;
        }
        c->size = want;
        c->used = 0;
        /* A big one-off block goes behind the head so the head keeps its room. */
        if (a->head != NULL && one_off) {
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
        }
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    return p;
}

char *jm_arena_strndup(struct jm_arena *a, const char *s, size_t n)
{
    char *p = jm_arena_alloc(a, n + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void jm_arena_free(struct jm_arena *a)
{
    struct jm_arena_chunk *c = a->head;
    while (c != NULL) {
        struct jm_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}

const char *jm_arena_printf(struct jm_arena *a, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    const char *p = n >= 0 ? jm_arena_strndup(a, buf, strlen(buf)) : NULL;
    return p ? p : "";
}
