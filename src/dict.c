/*
 * dict.c - keyword dictionaries compiled for lookup: the trie that
 * keywords.c walks, and the terms as the API shows them.
 *
 * dict_parse.c reads the files into raw terms and layers them; here they are
 * compiled: names resolved to ids, guard patterns
 * compiled once with PCRE2 (shared read-only by all threads), every form
 * normalized exactly as document text is and inserted into a byte trie whose
 * edges live in one open-addressing table. A run of separators in a form
 * becomes JM_SEP so that "ci/cd" also matches "CI-CD" and "CI / CD".
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <errno.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base.h"
#include "dict.h"
#include "dict_parse.h"

const char *jm_dict_term_name(const void *ctx, uint32_t i)
{
    return ((const struct jm_dict *)ctx)->terms[i].name;
}

static bool is_sep_byte(char c)
{
    return c == ' ' || c == '-' || c == '/' || c == '\t';
}

uint32_t jm_dict_find(const jm_dict *d, const char *name)
{
    uint32_t id;
    return jm_table_find(&d->names, name, &id) ? id : JM_NONE;
}

/* ---- compiling the loaded terms ----------------------------------------- */

struct form_key {
    uint32_t term;
    const char *text; /* as written */
    char *key;        /* normalized, separators as JM_SEP */
    size_t len;
};

/* Normalizes a form the way document text is, separators collapsed to JM_SEP. */
char *jm_form_key(struct jm_arena *a, const char *text, size_t *len)
{
    char *norm;
    size_t n = strlen(text);
    bool ascii = true;
    for (size_t i = 0; i < n && ascii; i++)
        ascii = (unsigned char)text[i] < 0x80;
    if (ascii) { /* most forms: NFKC and case folding of ASCII is lower case */
        norm = jm_arena_alloc(a, n + 1);
        for (size_t i = 0; norm != NULL && i <= n; i++)
            norm[i] = (char)tolower((unsigned char)text[i]);
    } else {
        jm_normalize(text, n, a, &norm, &n, NULL);
    }
    if (norm == NULL)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_sep_byte(norm[i])) {
            if (k > 0 && norm[k - 1] != JM_SEP)
                norm[k++] = JM_SEP;
        } else {
            norm[k++] = norm[i];
        }
    }
    while (k > 0 && norm[k - 1] == JM_SEP)
        k--;
    norm[k] = '\0';
    *len = k;
    return norm;
}

pcre2_code *jm_pattern_code(struct jm_pattern *p, jm_error *err)
{
    pcre2_code *code = atomic_load(&p->code);
    if (code != NULL || p->source == NULL)
        return code;
    int rc;
    PCRE2_SIZE off;
    /* No JIT: a guard runs a few times per document; JIT-compiling cost more. */
    code = pcre2_compile((PCRE2_SPTR)p->source, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_CASELESS,
                         &rc, &off, NULL);
    if (code == NULL) {
        PCRE2_UCHAR msg[120];
        pcre2_get_error_message(rc, msg, sizeof msg);
        atomic_store(&p->failed, true);
        jm_fail(err, JM_ERR_DICT, p->file, p->line, "invalid pattern at offset %zu: %s",
                (size_t)off, (const char *)msg);
        return NULL;
    }
    pcre2_code *expected = NULL;
    if (!atomic_compare_exchange_strong(&p->code, &expected, code)) {
        pcre2_code_free(code); /* another thread compiled it first */
        code = expected;
    }
    return code;
}

static void set_source(struct jm_pattern *p, const struct jm_raw_term *t, const char *source,
                       long line)
{
    p->source = source;
    p->file = t->file;
    p->line = line;
}

/* Resolves a list of canonical names to ids. */
static jm_status resolve(struct jm_dict_loader *ld, jm_dict *d, const struct jm_raw_term *t,
                         const struct jm_item_list *names, const char *key, struct jm_list *out)
{
    out->n = 0;
    out->ids = NULL;
    if (names->n == 0)
        return JM_OK;
    out->ids = jm_arena_alloc(&d->arena, names->n * sizeof *out->ids);
    if (out->ids == NULL)
        return jm_fail(ld->err, JM_ERR_NOMEM, t->file, t->line, "out of memory");
    for (const struct jm_item *it = names->head; it != NULL; it = it->next) {
        uint32_t id = jm_dict_find(d, it->text);
        if (id == JM_NONE)
            return jm_dict_file_error(ld, t->file, t->line, "unknown term '%s' in %s of '%s'",
                                      it->text, key, t->name);
        out->ids[out->n++] = id;
    }
    return JM_OK;
}

/* The list's texts as an array, for jm_dict_term; *ok turns false when out of memory. */
static const char **list_texts(struct jm_arena *a, const struct jm_item_list *list, size_t *n,
                               bool *ok)
{
    *n = list->n;
    const char **out = jm_arena_alloc(a, (list->n ? list->n : 1) * sizeof *out);
    if (out == NULL) {
        *ok = false;
        return NULL;
    }
    size_t k = 0;
    for (const struct jm_item *it = list->head; it != NULL; it = it->next)
        out[k++] = it->text;
    return out;
}

jm_kind jm_kind_of(const char *category)
{
    if (strcmp(category, "soft-skill") == 0)
        return JM_KIND_SOFT_SKILL;
    if (strcmp(category, "certification") == 0)
        return JM_KIND_CERTIFICATION;
    if (strcmp(category, "practice") == 0)
        return JM_KIND_PRACTICE;
    return JM_KIND_SKILL;
}

const char *jm_kind_name(jm_kind kind)
{
    static const char *const names[] = {"skill", "soft-skill", "certification", "practice"};
    return (unsigned)kind < sizeof names / sizeof *names ? names[kind] : "unknown";
}

bool jm_kind_is_technical(jm_kind kind)
{
    return kind == JM_KIND_SKILL || kind == JM_KIND_PRACTICE;
}

static jm_status build_term(struct jm_dict_loader *ld, jm_dict *d, const struct jm_raw_term *r,
                            struct jm_term *t)
{
    t->name = r->name;
    t->category = r->category;
    t->kind = jm_kind_of(r->category);
    t->file = r->file;
    t->line = r->line;
    t->plural = r->plural;
    t->english_rare = r->english_rare;
    t->has_guard = r->has_guard;
    t->case_exact = r->case_exact;
    size_t n;
    bool ok = true;
    t->related = list_texts(&d->arena, &r->related, &t->nrelated, &ok);
    t->aliases = list_texts(&d->arena, &r->aliases, &t->naliases, &ok);
    t->guarded = list_texts(&d->arena, &r->guarded, &t->nguarded, &ok);
    t->companion_names = list_texts(&d->arena, &r->companions, &n, &ok);
    t->implies_names = list_texts(&d->arena, &r->implies, &n, &ok);
    if (!ok)
        return jm_fail(ld->err, JM_ERR_NOMEM, r->file, r->line, "out of memory");
    set_source(&t->context, r, r->context, r->context_line);
    set_source(&t->reject, r, r->reject, r->reject_line);
    jm_status st = resolve(ld, d, r, &r->companions, "companion", &t->companions);
    if (st == JM_OK)
        st = resolve(ld, d, r, &r->implies, "implies", &t->implies);
    return st;
}

/* The edge table's capacity for `nodes` nodes: a power of two, the load kept under 2/3 so
 * that probe runs stay short. */
static size_t edge_capacity(size_t nodes)
{
    size_t cap = 64;
    while (3 * nodes >= 2 * cap)
        cap *= 2;
    return cap;
}

/* Moves the edges into a table of `cap` slots. */
static bool resize_edges(jm_dict *d, size_t cap)
{
    size_t old_cap = d->edges ? d->edge_mask + 1 : 0;
    struct jm_edge *old = d->edges;
    d->edges = calloc(cap, sizeof *d->edges);
    if (d->edges == NULL) {
        d->edges = old;
        return false;
    }
    d->edge_mask = cap - 1;
    for (size_t i = 0; i < old_cap; i++) {
        if (old[i].to == 0)
            continue;
        size_t h = jm_edge_slot(d, old[i].key);
        while (d->edges[h].to != 0)
            h = (h + 1) & d->edge_mask;
        d->edges[h] = old[i];
    }
    free(old);
    return true;
}

/* The child of `node` by `byte`, created if missing; 0 when out of memory. */
static uint32_t trie_child(jm_dict *d, uint32_t node, unsigned char byte)
{
    uint32_t key = jm_edge_key(node, byte);
    size_t h = jm_edge_slot(d, key);
    for (; d->edges[h].to != 0; h = (h + 1) & d->edge_mask)
        if (d->edges[h].key == key)
            return d->edges[h].to;
    if (3 * d->nnodes >= 2 * (d->edge_mask + 1)) {
        if (!resize_edges(d, 2 * (d->edge_mask + 1)))
            return 0;
        for (h = jm_edge_slot(d, key); d->edges[h].to != 0; h = (h + 1) & d->edge_mask)
            ;
    }
    uint32_t to = (uint32_t)d->nnodes++;
    d->node_form[to] = JM_NONE;
    d->edges[h] = (struct jm_edge){key, to};
    return to;
}

static jm_status insert_form(struct jm_dict_loader *ld, jm_dict *d, const struct form_key *fk,
                             bool guarded)
{
    uint32_t node = 0;
    for (size_t i = 0; i < fk->len; i++)
        if ((node = trie_child(d, node, (unsigned char)fk->key[i])) == 0)
            return jm_fail(ld->err, JM_ERR_NOMEM, "", 0, "out of memory");
    for (uint32_t f = d->node_form[node]; f != JM_NONE; f = d->forms[f].next) {
        if (d->forms[f].term == fk->term)
            return JM_OK; /* the same term written twice: harmless */
        const struct jm_term *a = &d->terms[d->forms[f].term], *b = &d->terms[fk->term];
        return jm_dict_file_error(ld, b->file, b->line,
                                  "'%s' of term '%s' is already a form of '%s' (%s:%ld)", fk->text,
                                  b->name, a->name, a->file, a->line);
    }
    struct jm_form *f = &d->forms[d->nforms];
    *f = (struct jm_form){fk->term, d->node_form[node], guarded, false, fk->text};
    d->node_form[node] = (uint32_t)d->nforms++;
    d->starts[(unsigned char)fk->key[0]] = true;
    return JM_OK;
}

/* Is the form with `key` among the term's `guarded` forms? */
static bool is_guarded_form(const struct jm_raw_term *r, const char *key)
{
    if (!r->has_guard)
        return false;
    if (r->guarded.n == 0)
        return true; /* the guard covers every form */
    for (size_t i = 0; i < r->guarded.n; i++)
        if (strcmp(r->guarded_keys[i], key) == 0)
            return true;
    return false;
}

enum { GLUED_MIN = 6, GLUED_PART_MIN = 2 };

/*
 * Postings glue two-word names: "restAPI", "SpringBoot", "PowerBI". An unguarded form of
 * two words, each of two bytes or more and six in all, also matches written as one word,
 * unless that spelling is taken (then it stays what it is).
 */
static jm_status insert_glued(struct jm_dict_loader *ld, jm_dict *d, const struct form_key *fk)
{
    const char *sep = memchr(fk->key, JM_SEP, fk->len);
    if (sep == NULL || memchr(sep + 1, JM_SEP, fk->len - (size_t)(sep + 1 - fk->key)) != NULL)
        return JM_OK;
    size_t left = (size_t)(sep - fk->key), right = fk->len - left - 1;
    if (left < GLUED_PART_MIN || right < GLUED_PART_MIN || left + right < GLUED_MIN)
        return JM_OK;
    char *key = jm_arena_alloc(&ld->scratch, left + right + 1);
    if (key == NULL)
        return jm_fail(ld->err, JM_ERR_NOMEM, "", 0, "out of memory");
    memcpy(key, fk->key, left);
    memcpy(key + left, sep + 1, right + 1);
    uint32_t node = 0;
    for (size_t i = 0; i < left + right; i++)
        if ((node = trie_child(d, node, (unsigned char)key[i])) == 0)
            return jm_fail(ld->err, JM_ERR_NOMEM, "", 0, "out of memory");
    if (d->node_form[node] != JM_NONE)
        return JM_OK;
    struct jm_form *f = &d->forms[d->nforms];
    *f = (struct jm_form){fk->term, JM_NONE, false, true, fk->text};
    d->node_form[node] = (uint32_t)d->nforms++;
    return JM_OK;
}

static bool add_key(struct jm_dict_loader *ld, struct form_key *keys, size_t *nkeys, uint32_t term,
                    const char *text)
{
    struct form_key *fk = &keys[*nkeys];
    fk->term = term;
    fk->text = text;
    fk->key = jm_form_key(&ld->scratch, text, &fk->len);
    if (fk->key == NULL)
        return false;
    if (fk->len > 0)
        (*nkeys)++;
    return true;
}

/* Every form of every term (the canonical name and its aliases), and the guarded keys. */
static struct form_key *collect_forms(struct jm_dict_loader *ld, jm_dict *d, const uint32_t *live,
                                      size_t *nkeys)
{
    size_t cap = 0;
    for (size_t i = 0; i < d->nterms; i++)
        cap += 1 + ld->raw[live[i]]->aliases.n;
    struct form_key *keys = jm_arena_alloc(&ld->scratch, (cap ? cap : 1) * sizeof *keys);
    bool ok = keys != NULL;
    *nkeys = 0;
    for (uint32_t i = 0; i < d->nterms && ok; i++) {
        struct jm_raw_term *r = ld->raw[live[i]];
        ok = add_key(ld, keys, nkeys, i, r->name);
        for (const struct jm_item *it = r->aliases.head; it != NULL && ok; it = it->next)
            ok = add_key(ld, keys, nkeys, i, it->text);
        r->guarded_keys = jm_arena_alloc(&ld->scratch, (r->guarded.n + 1) * sizeof(char *));
        ok = ok && r->guarded_keys != NULL;
        size_t k = 0, n;
        for (const struct jm_item *it = r->guarded.head; it != NULL && ok; it = it->next)
            ok = (r->guarded_keys[k++] = jm_form_key(&ld->scratch, it->text, &n)) != NULL;
    }
    return ok ? keys : NULL;
}

static jm_status build_trie(struct jm_dict_loader *ld, jm_dict *d, const uint32_t *live)
{
    size_t nkeys, total = 1;
    struct form_key *keys = collect_forms(ld, d, live, &nkeys);
    for (size_t i = 0; keys && i < nkeys; i++)
        total += keys[i].len;
    if (2 * total >= jm_limit()->dict_nodes)
        return jm_fail(ld->err, JM_ERR_DICT, "", 0,
                       "dictionaries too large (%zu bytes of forms; the limit is %zu trie nodes)",
                       total, jm_limit()->dict_nodes);
    /* Sized for the worst case, no prefix shared, and every form glued too (insert_glued);
     * pages never touched cost nothing. */
    d->node_form = malloc(2 * total * sizeof *d->node_form);
    d->forms = malloc(2 * (nkeys ? nkeys : 1) * sizeof *d->forms);
    /* The edge table is filled evenly, so all of it is touched: doubling it from small
     * cost a rehash and a dead table per step, 40% of a load's page faults. Forms share
     * prefixes, and a trie has about one node per two bytes of forms (0.46-0.51 in the
     * shipped and in a 10,000-term dictionary): sized for that once, one that shares less
     * grows. */
    if (keys == NULL || d->node_form == NULL || d->forms == NULL ||
        !resize_edges(d, edge_capacity(total / 2)))
        return jm_fail(ld->err, JM_ERR_NOMEM, "", 0, "out of memory");
    d->nnodes = 1;
    d->node_form[0] = JM_NONE;
    jm_status st = JM_OK;
    for (size_t i = 0; i < nkeys && st == JM_OK; i++)
        st =
            insert_form(ld, d, &keys[i], is_guarded_form(ld->raw[live[keys[i].term]], keys[i].key));
    for (size_t i = 0; i < nkeys && st == JM_OK; i++)
        if (!is_guarded_form(ld->raw[live[keys[i].term]], keys[i].key))
            st = insert_glued(ld, d, &keys[i]);
    return st;
}

/* Every `guarded` entry must name one of the term's forms. */
static jm_status check_guarded(struct jm_dict_loader *ld, jm_dict *d, const uint32_t *live)
{
    for (uint32_t i = 0; i < d->nterms; i++) {
        const struct jm_raw_term *r = ld->raw[live[i]];
        size_t k = 0;
        for (const struct jm_item *it = r->guarded.head; it != NULL; it = it->next) {
            const char *key = r->guarded_keys[k++];
            uint32_t node = 0;
            for (size_t j = 0; key[j] != '\0' && (node != 0 || j == 0); j++)
                node = jm_trie_next(d, node, (unsigned char)key[j]);
            /* Node 0 is the root (no form ends there) or a missing edge. */
            bool found = false;
            for (uint32_t f = d->node_form[node]; f != JM_NONE; f = d->forms[f].next)
                found |= d->forms[f].term == i;
            if (!found)
                return jm_dict_file_error(ld, r->file, r->line,
                                          "guarded form '%s' is not a form of '%s'", it->text,
                                          r->name);
        }
    }
    return JM_OK;
}

/* ---- walking `implies` ------------------------------------------------------ */

/*
 * No term keeps the closure of its implications: a chain of n terms each implying the next
 * has closures of n(n-1)/2 terms in all (a 1.3 MB dictionary needed 1.8 GB). Whoever needs
 * them walks the graph, once per question, with this scratch.
 */
bool jm_walk_init(struct jm_walk *w, const jm_dict *d, bool back)
{
    size_t n = d->nterms ? d->nterms : 1, nedges = 0;
    *w = (struct jm_walk){.d = d};
    w->stamp = calloc(n, sizeof *w->stamp);
    w->stack = malloc(n * sizeof *w->stack);
    w->seen = malloc(n * sizeof *w->seen);
    bool ok = w->stamp && w->stack && w->seen;
    for (size_t i = 0; back && i < d->nterms; i++)
        nedges += d->terms[i].implies.n;
    uint32_t *to = back ? malloc((nedges ? nedges : 1) * sizeof *to) : NULL;
    uint32_t *from = back ? malloc((nedges ? nedges : 1) * sizeof *from) : NULL;
    ok = ok && (!back || (to && from));
    for (size_t i = 0, e = 0; ok && back && i < d->nterms; i++)
        for (size_t k = 0; k < d->terms[i].implies.n; k++, e++)
            to[e] = d->terms[i].implies.ids[k], from[e] = (uint32_t)i;
    ok = ok && (!back || jm_group(to, from, nedges, d->nterms, &w->first, &w->back));
    free(to);
    free(from);
    if (!ok)
        jm_walk_free(w);
    return ok;
}

void jm_walk_free(struct jm_walk *w)
{
    free(w->stamp);
    free(w->stack);
    free(w->seen);
    free(w->first);
    free(w->back);
    *w = (struct jm_walk){0};
}

/* Forgets what earlier walks marked. */
static void new_walk(struct jm_walk *w)
{
    if (++w->mark == 0) { /* wrapped: the old stamps could pass for new ones */
        memset(w->stamp, 0, (w->d->nterms ? w->d->nterms : 1) * sizeof *w->stamp);
        w->mark = 1;
    }
    w->n = 0;
}

/* Depth first from `term` to the terms not marked yet, marking and listing each in seen. */
static void explore(struct jm_walk *w, uint32_t term)
{
    size_t top = 0;
    w->stack[top++] = term;
    while (top > 0) {
        uint32_t u = w->stack[--top];
        const uint32_t *next = w->back ? w->back + w->first[u] : w->d->terms[u].implies.ids;
        size_t k = w->back ? w->first[u + 1] - w->first[u] : w->d->terms[u].implies.n;
        JM_WORK(k + 1);
        for (size_t j = 0; j < k; j++)
            if (w->stamp[next[j]] != w->mark) {
                w->stamp[next[j]] = w->mark;
                w->stack[top++] = next[j];
                w->seen[w->n++] = next[j];
            }
    }
}

size_t jm_walk_from(struct jm_walk *w, uint32_t term)
{
    new_walk(w);
    w->root = term;
    w->stamp[term] = w->mark; /* never itself, even through a cycle */
    explore(w, term);
    return w->n;
}

bool jm_walk_reached(const struct jm_walk *w, uint32_t term)
{
    return w->stamp[term] == w->mark && term != w->root;
}

/* A term reached before is not walked again: what it implies is someone's already, so each
 * term is walked once whatever the number of starts. */
void jm_walk_owners(struct jm_walk *w, const uint32_t *terms, size_t n, uint32_t *owner)
{
    new_walk(w);
    for (size_t i = 0; i < w->d->nterms; i++)
        owner[i] = JM_NONE;
    for (size_t i = 0; i < n; i++) {
        size_t from = w->n;
        w->stamp[terms[i]] = w->mark;
        explore(w, terms[i]);
        for (size_t j = from; j < w->n; j++)
            owner[w->seen[j]] = (uint32_t)i;
    }
}

static jm_status compile(struct jm_dict_loader *ld, jm_dict *d)
{
    uint32_t *live = malloc((ld->nraw ? ld->nraw : 1) * sizeof *live);
    if (live == NULL)
        return jm_fail(ld->err, JM_ERR_NOMEM, "", 0, "out of memory");
    for (uint32_t i = 0; i < ld->nraw; i++)
        if (!ld->raw[i]->dead)
            live[d->nterms++] = i;
    d->terms = calloc(d->nterms ? d->nterms : 1, sizeof *d->terms);
    jm_status st = d->terms && jm_table_init(&d->names, d->nterms, jm_dict_term_name, d)
                       ? JM_OK
                       : JM_ERR_NOMEM;
    if (st == JM_OK) {
        for (uint32_t i = 0; i < d->nterms; i++) {
            d->terms[i].name = ld->raw[live[i]]->name;
            jm_table_add(&d->names, i, NULL); /* sized for all: never grows, never fails */
        }
    } else {
        st = jm_fail(ld->err, JM_ERR_NOMEM, "", 0, "out of memory");
    }
    for (uint32_t i = 0; i < d->nterms && st == JM_OK; i++)
        st = build_term(ld, d, ld->raw[live[i]], &d->terms[i]);
    if (st == JM_OK)
        st = build_trie(ld, d, live);
    if (st == JM_OK)
        st = check_guarded(ld, d, live);
    free(live);
    return st;
}

static void free_loader(struct jm_dict_loader *ld)
{
    free(ld->raw);
    jm_arena_free(&ld->scratch);
}

jm_status jm_dict_load(const char *const *paths, size_t npaths, jm_dict **out, jm_error *err)
{
    *out = NULL;
    if (npaths == 0)
        return jm_fail(err, JM_ERR_ARG, "", 0, "no dictionary path given");
    jm_dict *d = calloc(1, sizeof *d);
    if (d == NULL)
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    struct jm_dict_loader ld = {.arena = &d->arena, .err = err};
    jm_status st = jm_dict_parse(&ld, paths, npaths);
    if (st == JM_OK)
        st = compile(&ld, d);
    if (st == JM_OK && d->nterms == 0)
        st = jm_fail(err, JM_ERR_DICT, paths[0], 0, "no terms found");
    free_loader(&ld);
    if (st != JM_OK) {
        jm_dict_free(d);
        return st;
    }
    *out = d;
    return JM_OK;
}

void jm_dict_free(jm_dict *d)
{
    if (d == NULL)
        return;
    for (size_t i = 0; d->terms && i < d->nterms; i++) {
        pcre2_code_free(atomic_load(&d->terms[i].context.code));
        pcre2_code_free(atomic_load(&d->terms[i].reject.code));
    }
    free(d->terms);
    free(d->forms);
    if (d->image != NULL) { /* the trie and the names' slots lie in it */
        free(d->image);
    } else {
        free(d->node_form);
        free(d->edges);
        jm_table_free(&d->names);
    }
    jm_arena_free(&d->arena);
    free(d);
}

size_t jm_dict_size(const jm_dict *d)
{
    return d->nterms;
}

jm_status jm_dict_compile_patterns(const jm_dict *dict, jm_error *err)
{
    /* Compiling caches the result: const in meaning, not in memory. */
    jm_dict *d = (jm_dict *)dict;
    for (size_t i = 0; i < d->nterms; i++) {
        struct jm_term *t = &d->terms[i];
        if ((t->context.source && !jm_pattern_code(&t->context, err)) ||
            (t->reject.source && !jm_pattern_code(&t->reject, err)))
            return JM_ERR_DICT;
    }
    return JM_OK;
}

bool jm_dict_term(const jm_dict *d, size_t i, jm_term_info *out)
{
    if (i >= d->nterms)
        return false;
    const struct jm_term *t = &d->terms[i];
    *out = (jm_term_info){
        .name = t->name,
        .category = t->category,
        .file = t->file,
        .line = t->line,
        .aliases = t->aliases,
        .naliases = t->naliases,
        .has_guard = t->has_guard,
        .case_exact = t->case_exact,
        .guarded = t->guarded,
        .nguarded = t->nguarded,
        .context = t->context.source,
        .reject = t->reject.source,
        .companions = t->companion_names,
        .ncompanions = t->companions.n,
        .implies = t->implies_names,
        .nimplies = t->implies.n,
        .related = t->related,
        .nrelated = t->nrelated,
    };
    return true;
}

long jm_dict_lookup(const jm_dict *d, const char *name)
{
    uint32_t id = jm_dict_find(d, name);
    if (id != JM_NONE)
        return (long)id;
    for (size_t f = 0; f < d->nforms; f++)
        if (strcasecmp(d->forms[f].text, name) == 0)
            return (long)d->forms[f].term;
    return -1;
}
