/*
 * table.c - the one hash table of the library: strings to the index where
 * their owner keeps them; and jm_group, indexes grouped by a key. It stores indexes, not strings,
 * so that the owner's array stays the single copy; the owner says how to read key i back. Open
 * addressing with linear probing, at most half full, keys compared without regard to ASCII case.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base.h"

static bool alloc_slots(struct jm_table *t, size_t n)
{
    size_t cap = 64;
    while (cap < 2 * n)
        cap *= 2;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (slots == NULL)
        return false;
    free(t->slots);
    t->slots = slots;
    t->mask = cap - 1;
    return true;
}

bool jm_table_init(struct jm_table *t, size_t n, jm_key_fn key_of, const void *ctx)
{
    *t = (struct jm_table){.key_of = key_of, .ctx = ctx};
    return alloc_slots(t, n);
}

uint32_t *jm_table_slot(const struct jm_table *t, const char *key)
{
    size_t h = jm_hash_ci(key, strlen(key)) & t->mask;
    JM_WORK(1);
    while (t->slots[h] != 0 && strcasecmp(t->key_of(t->ctx, t->slots[h] - 1), key) != 0) {
        JM_WORK(1);
        h = (h + 1) & t->mask;
    }
    return &t->slots[h];
}

bool jm_table_find(const struct jm_table *t, const char *key, uint32_t *index)
{
    uint32_t slot = t->slots ? *jm_table_slot(t, key) : 0;
    *index = slot - 1;
    return slot != 0;
}

bool jm_table_add(struct jm_table *t, uint32_t index, uint32_t *replaced)
{
    if (2 * (t->count + 1) > t->mask + 1) {
        uint32_t *old = t->slots;
        size_t oldcap = t->mask + 1;
        t->slots = NULL;
        if (!alloc_slots(t, t->count + 1)) {
            t->slots = old;
            return false;
        }
        for (size_t i = 0; i < oldcap; i++)
            if (old[i] != 0)
                *jm_table_slot(t, t->key_of(t->ctx, old[i] - 1)) = old[i];
        free(old);
    }
    uint32_t *slot = jm_table_slot(t, t->key_of(t->ctx, index));
    if (*slot != 0 && replaced != NULL)
        *replaced = *slot - 1;
    t->count += *slot == 0;
    *slot = index + 1;
    return true;
}

void jm_table_free(struct jm_table *t)
{
    free(t->slots);
    t->slots = NULL;
}

bool jm_group(const uint32_t *keys, const uint32_t *values, size_t n, size_t nkeys, size_t **first,
              uint32_t **out)
{
    size_t *f = calloc(nkeys + 2, sizeof *f);
    uint32_t *v = malloc((n ? n : 1) * sizeof *v);
    if (f == NULL || v == NULL) {
        free(f);
        free(v);
        return false;
    }
    for (size_t i = 0; i < n; i++)
        f[keys[i] + 2]++;
    for (size_t k = 2; k < nkeys + 2; k++)
        f[k] += f[k - 1];
    for (size_t i = 0; i < n; i++) /* f[k + 1] moves from k's start to its end */
        v[f[keys[i] + 1]++] = values[i];
    *first = f, *out = v;
    return true;
}
