/*
 * dict.c - keyword dictionaries: the file format (dictionaries/README.md),
 * layering, validation, and the trie that keywords.c walks.
 *
 * Files are parsed into raw entries, layered (a later path overrides a term
 * by canonical name), then compiled: names resolved to ids, guard patterns
 * compiled once with PCRE2 (shared read-only by all threads), every form
 * normalized exactly as document text is and inserted into a byte trie whose
 * edges live in one open-addressing table. A run of separators in a form
 * becomes JM_SEP so that "ci/cd" also matches "CI-CD" and "CI / CD".
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "internal.h"

/* A term as read from a file, before names are resolved. */
struct raw_term {
    const char *name, *category, *file;
    long line;
    int layer;
    bool dead;  /* overridden by a later layer */
    bool plural, case_exact, has_guard, english_rare;
    const char *context, *reject;
    long context_line, reject_line;
    struct jm_buf aliases, guarded, companions, implies, related;  /* '\n'-separated */
};

struct loader {
    struct jm_arena *arena;
    struct raw_term *raw;
    size_t nraw, cap;
    jm_error *err;
};

static bool is_sep_byte(char c)
{
    return c == ' ' || c == '-' || c == '/' || c == '\t';
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

/* Appends each comma-separated item of `value` to `list`, one per line. */
static void add_items(struct jm_buf *list, char *value)
{
    for (char *item = strtok(value, ","); item; item = strtok(NULL, ",")) {
        item = trim(item);
        if (*item == '\0')
            continue;
        jm_buf_puts(list, item);
        jm_buf_putc(list, '\n');
    }
}

static jm_status file_error(struct loader *ld, const char *file, long line, const char *fmt,
                            ...) JM_PRINTF(4, 5);

static jm_status file_error(struct loader *ld, const char *file, long line, const char *fmt,
                            ...)
{
    va_list ap;
    va_start(ap, fmt);
    jm_failv(ld->err, JM_ERR_DICT, file, line, fmt, ap);
    va_end(ap);
    return JM_ERR_DICT;
}

static struct raw_term *new_raw(struct loader *ld)
{
    if (ld->nraw == ld->cap) {
        size_t cap = ld->cap ? ld->cap * 2 : 256;
        struct raw_term *p = realloc(ld->raw, cap * sizeof *p);
        if (p == NULL)
            return NULL;
        ld->raw = p;
        ld->cap = cap;
    }
    struct raw_term *t = &ld->raw[ld->nraw++];
    memset(t, 0, sizeof *t);
    t->plural = true;
    return t;
}

static jm_status set_pattern(struct loader *ld, struct raw_term *t, const char **slot,
                             long *slot_line, const char *value, long line, const char *key)
{
    if (*slot != NULL)
        return file_error(ld, t->file, line, "'%s' given twice for one term", key);
    *slot = jm_arena_strndup(ld->arena, value, strlen(value));
    *slot_line = line;
    t->has_guard = true;
    return *slot ? JM_OK : JM_ERR_NOMEM;
}

/* One "key: value" line of the current term. */
static jm_status term_attr(struct loader *ld, struct raw_term *t, char *key, char *value,
                           long line)
{
    if (*value == '\0')
        return file_error(ld, t->file, line, "'%s' has no value", key);
    if (!strcmp(key, "category")) {
        t->category = jm_arena_strndup(ld->arena, value, strlen(value));
    } else if (!strcmp(key, "aliases") || !strcmp(key, "alias")) {
        add_items(&t->aliases, value);
    } else if (!strcmp(key, "guarded")) {
        add_items(&t->guarded, value);
        t->has_guard = true;
    } else if (!strcmp(key, "case")) {
        if (strcmp(value, "exact") != 0 && strcmp(value, "any") != 0)
            return file_error(ld, t->file, line, "case must be 'exact' or 'any', not '%s'",
                              value);
        t->case_exact = strcmp(value, "exact") == 0;
        t->has_guard |= t->case_exact;
    } else if (!strcmp(key, "context")) {
        return set_pattern(ld, t, &t->context, &t->context_line, value, line, key);
    } else if (!strcmp(key, "reject")) {
        return set_pattern(ld, t, &t->reject, &t->reject_line, value, line, key);
    } else if (!strcmp(key, "companion") || !strcmp(key, "companions")) {
        add_items(&t->companions, value);
        t->has_guard = true;
    } else if (!strcmp(key, "implies")) {
        add_items(&t->implies, value);
    } else if (!strcmp(key, "related")) {
        add_items(&t->related, value);
    } else if (!strcmp(key, "english")) {
        if (strcmp(value, "rare") != 0)
            return file_error(ld, t->file, line, "english must be 'rare', not '%s'", value);
        t->english_rare = true;
    } else if (!strcmp(key, "plural")) {
        if (strcmp(value, "yes") != 0 && strcmp(value, "no") != 0)
            return file_error(ld, t->file, line, "plural must be 'yes' or 'no', not '%s'",
                              value);
        t->plural = strcmp(value, "yes") == 0;
    } else {
        return file_error(ld, t->file, line, "unknown key '%s'", key);
    }
    return JM_OK;
}

static jm_status end_term(struct loader *ld, struct raw_term *t)
{
    if (t != NULL && t->category == NULL)
        return file_error(ld, t->file, t->line, "term '%s' has no category", t->name);
    return JM_OK;
}

static jm_status parse_line(struct loader *ld, char *s, const char *file, long line, int layer,
                            const char **category, struct raw_term **cur)
{
    char *body = trim(s);
    if (*body == '\0' || *body == '#')
        return JM_OK;
    if (!isspace((unsigned char)s[0]) && s[0] == '[') {
        char *close = strchr(body, ']');
        if (close == NULL || close == body + 1 || *trim(close + 1) != '\0')
            return file_error(ld, file, line, "malformed category line '%s'", body);
        *close = '\0';
        jm_status st = end_term(ld, *cur);
        *cur = NULL;
        *category = jm_arena_strndup(ld->arena, trim(body + 1), strlen(trim(body + 1)));
        return st;
    }
    if (!isspace((unsigned char)s[0])) {
        if (strstr(body, ": ") != NULL || body[strlen(body) - 1] == ':')
            return file_error(ld, file, line, "'%s' looks like a key: indent it under a term",
                              body);
        jm_status st = end_term(ld, *cur);
        if (st != JM_OK)
            return st;
        struct raw_term *t = new_raw(ld);
        if (t == NULL)
            return jm_fail(ld->err, JM_ERR_NOMEM, file, line, "out of memory");
        t->name = jm_arena_strndup(ld->arena, body, strlen(body));
        t->category = *category;
        t->file = file;
        t->line = line;
        t->layer = layer;
        *cur = t;
        return JM_OK;
    }
    if (*cur == NULL)
        return file_error(ld, file, line, "'%s' comes before any term", body);
    char *colon = strchr(body, ':');
    if (colon == NULL)
        return file_error(ld, file, line, "expected 'key: value', got '%s'", body);
    *colon = '\0';
    return term_attr(ld, *cur, trim(body), trim(colon + 1), line);
}

static jm_status parse_file(struct loader *ld, const char *path, int layer)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return jm_fail(ld->err, JM_ERR_DICT, path, 0, "cannot open: %s", strerror(errno));
    const char *file = jm_arena_strndup(ld->arena, path, strlen(path));
    const char *category = NULL;
    struct raw_term *cur = NULL;
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    jm_status st = JM_OK;
    while (st == JM_OK && getline(&line, &cap, f) >= 0) {
        lineno++;
        if (!jm_utf8_valid(line, strlen(line), NULL)) {
            st = file_error(ld, file, lineno, "invalid UTF-8");
            break;
        }
        size_t before = ld->nraw;
        st = parse_line(ld, line, file, lineno, layer, &category, &cur);
        /* new_raw may move the array: re-point the current term. */
        if (st == JM_OK && cur != NULL && ld->nraw != before)
            cur = &ld->raw[ld->nraw - 1];
    }
    if (st == JM_OK)
        st = end_term(ld, cur);
    free(line);
    fclose(f);
    return st;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* A directory: its *.dict files in name order, one layer. */
static jm_status parse_dir(struct loader *ld, const char *dir, int layer)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return jm_fail(ld->err, JM_ERR_DICT, dir, 0, "cannot open: %s", strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    jm_status st = JM_OK;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !has_suffix(e->d_name, ".dict"))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **p = realloc(names, cap * sizeof *p);
            if (p == NULL) {
                st = JM_ERR_NOMEM;
                break;
            }
            names = p;
        }
        names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2);
        if (names[n] == NULL) {
            st = JM_ERR_NOMEM;
            break;
        }
        sprintf(names[n++], "%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (st == JM_OK)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (st == JM_OK)
            st = parse_file(ld, names[i], layer);
        free(names[i]);
    }
    free(names);
    if (st == JM_ERR_NOMEM)
        return jm_fail(ld->err, st, dir, 0, "out of memory");
    return st;
}

static jm_status parse_path(struct loader *ld, const char *path, int layer)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return jm_fail(ld->err, JM_ERR_DICT, path, 0, "cannot open: %s", strerror(errno));
    return S_ISDIR(sb.st_mode) ? parse_dir(ld, path, layer) : parse_file(ld, path, layer);
}

static size_t name_hash(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)tolower((unsigned char)*s)) * 1099511628211u;
    return h;
}

/* Slots hold index + 1; 0 is empty. Names compare without regard to ASCII case. */
struct name_map {
    uint32_t *slots;
    size_t mask;
};

static bool map_init(struct name_map *m, size_t n)
{
    size_t cap = 64;
    while (cap < 2 * n)
        cap *= 2;
    m->slots = calloc(cap, sizeof *m->slots);
    m->mask = cap - 1;
    return m->slots != NULL;
}

/* The slot for `name`: either empty or holding a term with that name. */
static uint32_t *map_slot(const struct name_map *m, const char *name,
                          const char *(*name_of)(const void *, uint32_t), const void *ctx)
{
    size_t h = name_hash(name) & m->mask;
    while (m->slots[h] != 0 && strcasecmp(name_of(ctx, m->slots[h] - 1), name) != 0)
        h = (h + 1) & m->mask;
    return &m->slots[h];
}

static const char *raw_name(const void *ctx, uint32_t i)
{
    return ((const struct loader *)ctx)->raw[i].name;
}

static const char *term_name(const void *ctx, uint32_t i)
{
    return ((const struct jm_dict *)ctx)->terms[i].name;
}

/* A later layer replaces a term of the same name; the same layer may not. */
static jm_status apply_layers(struct loader *ld)
{
    struct name_map m;
    if (!map_init(&m, ld->nraw))
        return jm_fail(ld->err, JM_ERR_NOMEM, "", 0, "out of memory");
    jm_status st = JM_OK;
    for (uint32_t i = 0; i < ld->nraw && st == JM_OK; i++) {
        struct raw_term *b = &ld->raw[i];
        uint32_t *slot = map_slot(&m, b->name, raw_name, ld);
        if (*slot != 0) {
            struct raw_term *a = &ld->raw[*slot - 1];
            if (a->layer == b->layer)
                st = file_error(ld, b->file, b->line,
                                "term '%s' is defined twice (first at %s:%ld)", b->name,
                                a->file, a->line);
            a->dead = true;
        }
        *slot = i + 1;
    }
    free(m.slots);
    return st;
}

uint32_t jm_dict_find(const jm_dict *d, const char *name)
{
    size_t h = name_hash(name) & d->name_mask;
    for (; d->name_slots[h] != 0; h = (h + 1) & d->name_mask)
        if (strcasecmp(d->terms[d->name_slots[h] - 1].name, name) == 0)
            return d->name_slots[h] - 1;
    return JM_NONE;
}

/* ---- compiling the loaded terms ----------------------------------------- */

struct form_key {
    uint32_t term;
    const char *text;  /* as written */
    char *key;         /* normalized, separators as JM_SEP */
    size_t len;
};

/* Normalizes a form the way document text is, separators collapsed to JM_SEP. */
char *jm_form_key(struct jm_arena *a, const char *text, size_t *len)
{
    char *norm;
    uint32_t *map;
    size_t n;
    jm_normalize(text, strlen(text), a, &norm, &n, &map);
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
    code = pcre2_compile((PCRE2_SPTR)p->source, PCRE2_ZERO_TERMINATED,
                         PCRE2_UTF | PCRE2_CASELESS, &rc, &off, NULL);
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
        pcre2_code_free(code);  /* another thread compiled it first */
        code = expected;
    }
    return code;
}

static void set_source(struct jm_pattern *p, const struct raw_term *t, const char *source,
                       long line)
{
    p->source = source;
    p->file = t->file;
    p->line = line;
}

/* Resolves a '\n'-separated list of canonical names to ids. */
static jm_status resolve(struct loader *ld, jm_dict *d, const struct raw_term *t,
                         const struct jm_buf *names, const char *key, struct jm_list *out)
{
    out->n = 0;
    out->ids = NULL;
    if (names->len == 0)
        return JM_OK;
    size_t count = 0;
    for (size_t i = 0; i < names->len; i++)
        count += names->data[i] == '\n';
    out->ids = jm_arena_alloc(&d->arena, count * sizeof *out->ids);
    if (out->ids == NULL)
        return jm_fail(ld->err, JM_ERR_NOMEM, t->file, t->line, "out of memory");
    for (char *p = names->data; *p;) {
        char *nl = strchr(p, '\n');
        *nl = '\0';
        uint32_t id = jm_dict_find(d, p);
        if (id == JM_NONE) {
            jm_status st = file_error(ld, t->file, t->line, "unknown term '%s' in %s of '%s'",
                                      p, key, t->name);
            *nl = '\n';
            return st;
        }
        out->ids[out->n++] = id;
        *nl = '\n';
        p = nl + 1;
    }
    return JM_OK;
}

static const char **split_names(struct jm_arena *a, const struct jm_buf *list, size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < list->len; i++)
        *n += list->data[i] == '\n';
    const char **out = jm_arena_alloc(a, (*n ? *n : 1) * sizeof *out);
    if (out == NULL)
        return NULL;
    size_t k = 0;
    for (const char *p = list->data; p && *p; k++) {
        const char *nl = strchr(p, '\n');
        out[k] = jm_arena_strndup(a, p, (size_t)(nl - p));
        p = nl + 1;
    }
    return out;
}

static jm_status build_term(struct loader *ld, jm_dict *d, const struct raw_term *r,
                            struct jm_term *t)
{
    t->name = r->name;
    t->category = r->category;
    t->file = r->file;
    t->line = r->line;
    t->plural = r->plural;
    t->english_rare = r->english_rare;
    t->has_guard = r->has_guard;
    t->case_exact = r->case_exact;
    size_t n;
    t->related = split_names(&d->arena, &r->related, &t->nrelated);
    t->aliases = split_names(&d->arena, &r->aliases, &t->naliases);
    t->guarded = split_names(&d->arena, &r->guarded, &t->nguarded);
    t->companion_names = split_names(&d->arena, &r->companions, &n);
    t->implies_names = split_names(&d->arena, &r->implies, &n);
    set_source(&t->context, r, r->context, r->context_line);
    set_source(&t->reject, r, r->reject, r->reject_line);
    jm_status st = resolve(ld, d, r, &r->companions, "companion", &t->companions);
    if (st == JM_OK)
        st = resolve(ld, d, r, &r->implies, "implies", &t->implies);
    return st;
}

/* Is `key` among the normalized keys of the term's `guarded` list? */
static bool listed(struct jm_arena *a, const struct jm_buf *list, const char *key)
{
    for (const char *p = list->data; p && *p;) {
        const char *nl = strchr(p, '\n');
        char item[256];
        snprintf(item, sizeof item, "%.*s", (int)(nl - p), p);
        size_t n;
        const char *k = jm_form_key(a, item, &n);
        if (k && strcmp(k, key) == 0)
            return true;
        p = nl + 1;
    }
    return false;
}

static uint32_t trie_child(jm_dict *d, uint32_t node, unsigned char byte)
{
    size_t h = jm_edge_slot(d, node, byte);
    while (d->edges[h].to != 0) {
        if (d->edges[h].from == node && d->edges[h].byte == byte)
            return d->edges[h].to;
        h = (h + 1) & d->edge_mask;
    }
    uint32_t to = (uint32_t)d->nnodes++;
    d->node_form[to] = JM_NONE;
    d->edges[h] = (struct jm_edge){node, to, byte};
    return to;
}

static jm_status insert_form(struct loader *ld, jm_dict *d, const struct form_key *fk,
                             bool guarded)
{
    uint32_t node = 0;
    for (size_t i = 0; i < fk->len; i++)
        node = trie_child(d, node, (unsigned char)fk->key[i]);
    for (uint32_t f = d->node_form[node]; f != JM_NONE; f = d->forms[f].next) {
        if (d->forms[f].term == fk->term)
            return JM_OK;  /* the same term written twice: harmless */
        const struct jm_term *a = &d->terms[d->forms[f].term], *b = &d->terms[fk->term];
        return file_error(ld, b->file, b->line,
                          "'%s' of term '%s' is already a form of '%s' (%s:%ld)", fk->text,
                          b->name, a->name, a->file, a->line);
    }
    struct jm_form *f = &d->forms[d->nforms];
    *f = (struct jm_form){fk->term, d->node_form[node], guarded, fk->text};
    d->node_form[node] = (uint32_t)d->nforms++;
    d->starts[(unsigned char)fk->key[0]] = true;
    return JM_OK;
}

/* Every form of every term: the canonical name and its aliases. */
static struct form_key *collect_forms(struct loader *ld, jm_dict *d, const uint32_t *live,
                                      size_t *nkeys, size_t *total)
{
    size_t cap = 0;
    for (size_t i = 0; i < d->nterms; i++) {
        const struct jm_buf *al = &ld->raw[live[i]].aliases;
        cap++;
        for (size_t j = 0; j < al->len; j++)
            cap += al->data[j] == '\n';
    }
    struct form_key *keys = malloc((cap ? cap : 1) * sizeof *keys);
    if (keys == NULL)
        return NULL;
    *nkeys = *total = 0;
    for (uint32_t i = 0; i < d->nterms; i++) {
        const struct raw_term *r = &ld->raw[live[i]];
        const char *text = r->name;
        const char *p = r->aliases.data;
        for (;;) {
            struct form_key *fk = &keys[*nkeys];
            fk->term = i;
            fk->text = text;
            fk->key = jm_form_key(&d->arena, text, &fk->len);
            if (fk->key == NULL) {
                free(keys);
                return NULL;
            }
            if (fk->len > 0) {
                *total += fk->len;
                (*nkeys)++;
            }
            if (p == NULL || *p == '\0')
                break;
            const char *nl = strchr(p, '\n');
            text = jm_arena_strndup(&d->arena, p, (size_t)(nl - p));
            p = nl + 1;
        }
    }
    return keys;
}

static jm_status build_trie(struct loader *ld, jm_dict *d, const uint32_t *live)
{
    size_t nkeys, total;
    struct form_key *keys = collect_forms(ld, d, live, &nkeys, &total);
    if (keys == NULL)
        return jm_fail(ld->err, JM_ERR_NOMEM, "", 0, "out of memory");
    size_t edge_cap = 64;
    while (edge_cap < 2 * total + 2)
        edge_cap *= 2;
    d->edges = calloc(edge_cap, sizeof *d->edges);
    d->edge_mask = edge_cap - 1;
    d->node_form = malloc((total + 1) * sizeof *d->node_form);
    d->forms = malloc((nkeys ? nkeys : 1) * sizeof *d->forms);
    jm_status st = JM_OK;
    if (d->edges == NULL || d->node_form == NULL || d->forms == NULL)
        st = jm_fail(ld->err, JM_ERR_NOMEM, "", 0, "out of memory");
    if (st == JM_OK) {
        d->nnodes = 1;
        d->node_form[0] = JM_NONE;
    }
    for (size_t i = 0; i < nkeys && st == JM_OK; i++) {
        const struct raw_term *r = &ld->raw[live[keys[i].term]];
        bool guarded = r->has_guard &&
                       (r->guarded.len == 0 || listed(&d->arena, &r->guarded, keys[i].key));
        st = insert_form(ld, d, &keys[i], guarded);
    }
    free(keys);
    return st;
}

/* Every `guarded` entry must name one of the term's forms. */
static jm_status check_guarded(struct loader *ld, jm_dict *d, const uint32_t *live)
{
    for (size_t i = 0; i < d->nterms; i++) {
        const struct raw_term *r = &ld->raw[live[i]];
        for (const char *p = r->guarded.data; p && *p;) {
            const char *nl = strchr(p, '\n');
            char item[256];
            snprintf(item, sizeof item, "%.*s", (int)(nl - p), p);
            size_t n;
            const char *key = jm_form_key(&d->arena, item, &n);
            uint32_t node = 0;
            for (size_t k = 0; key && k < n && node != JM_NONE; k++) {
                uint32_t next = jm_trie_next(d, node, (unsigned char)key[k]);
                node = next ? next : JM_NONE;
            }
            bool found = false;
            for (uint32_t f = node == JM_NONE ? JM_NONE : d->node_form[node]; f != JM_NONE;
                 f = d->forms[f].next)
                found |= d->forms[f].term == i;
            if (!found)
                return file_error(ld, r->file, r->line, "guarded form '%s' is not a form of '%s'",
                                  item, r->name);
            p = nl + 1;
        }
    }
    return JM_OK;
}

/* The transitive closure of `implies`, cycles tolerated. */
static jm_status build_closures(jm_dict *d)
{
    size_t cap = d->nterms ? d->nterms : 1;
    uint32_t *stamp = calloc(cap, sizeof *stamp);
    uint32_t *stack = malloc(cap * sizeof *stack);
    uint32_t *seen = malloc(cap * sizeof *seen);
    jm_status st = stamp && stack && seen ? JM_OK : JM_ERR_NOMEM;
    for (uint32_t i = 0; i < d->nterms && st == JM_OK; i++) {
        struct jm_term *t = &d->terms[i];
        size_t top = 0, n = 0;
        stamp[i] = i + 1;
        stack[top++] = i;
        while (top > 0) {
            const struct jm_term *u = &d->terms[stack[--top]];
            for (size_t k = 0; k < u->implies.n; k++) {
                uint32_t v = u->implies.ids[k];
                if (stamp[v] != i + 1) {
                    stamp[v] = i + 1;
                    stack[top++] = v;
                    seen[n++] = v;
                }
            }
        }
        t->closure.ids = jm_arena_alloc(&d->arena, (n ? n : 1) * sizeof *t->closure.ids);
        if (t->closure.ids == NULL) {
            st = JM_ERR_NOMEM;
            break;
        }
        memcpy(t->closure.ids, seen, n * sizeof *seen);
        t->closure.n = n;
    }
    free(stamp);
    free(stack);
    free(seen);
    return st;
}

static jm_status compile(struct loader *ld, jm_dict *d)
{
    uint32_t *live = malloc((ld->nraw ? ld->nraw : 1) * sizeof *live);
    if (live == NULL)
        return jm_fail(ld->err, JM_ERR_NOMEM, "", 0, "out of memory");
    for (uint32_t i = 0; i < ld->nraw; i++)
        if (!ld->raw[i].dead)
            live[d->nterms++] = i;
    d->terms = calloc(d->nterms ? d->nterms : 1, sizeof *d->terms);
    struct name_map m = {0};
    jm_status st = d->terms && map_init(&m, d->nterms) ? JM_OK : JM_ERR_NOMEM;
    if (st == JM_OK) {
        d->name_slots = m.slots;
        d->name_mask = m.mask;
        for (uint32_t i = 0; i < d->nterms; i++) {
            d->terms[i].name = ld->raw[live[i]].name;
            *map_slot(&m, d->terms[i].name, term_name, d) = i + 1;
        }
    } else {
        st = jm_fail(ld->err, JM_ERR_NOMEM, "", 0, "out of memory");
    }
    for (uint32_t i = 0; i < d->nterms && st == JM_OK; i++)
        st = build_term(ld, d, &ld->raw[live[i]], &d->terms[i]);
    if (st == JM_OK)
        st = build_trie(ld, d, live);
    if (st == JM_OK)
        st = check_guarded(ld, d, live);
    if (st == JM_OK && build_closures(d) != JM_OK)
        st = jm_fail(ld->err, JM_ERR_NOMEM, "", 0, "out of memory");
    free(live);
    return st;
}

static void free_raw(struct loader *ld)
{
    for (size_t i = 0; i < ld->nraw; i++) {
        struct raw_term *t = &ld->raw[i];
        jm_buf_free(&t->aliases);
        jm_buf_free(&t->guarded);
        jm_buf_free(&t->companions);
        jm_buf_free(&t->implies);
        jm_buf_free(&t->related);
    }
    free(ld->raw);
}

jm_status jm_dict_load(const char *const *paths, size_t npaths, jm_dict **out, jm_error *err)
{
    *out = NULL;
    if (npaths == 0)
        return jm_fail(err, JM_ERR_ARG, "", 0, "no dictionary path given");
    jm_dict *d = calloc(1, sizeof *d);
    if (d == NULL)
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    struct loader ld = {.arena = &d->arena, .err = err};
    jm_status st = JM_OK;
    for (size_t i = 0; i < npaths && st == JM_OK; i++)
        st = parse_path(&ld, paths[i], (int)i);
    if (st == JM_OK)
        st = apply_layers(&ld);
    if (st == JM_OK)
        st = compile(&ld, d);
    if (st == JM_OK && d->nterms == 0)
        st = jm_fail(err, JM_ERR_DICT, paths[0], 0, "no terms found");
    free_raw(&ld);
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
    free(d->node_form);
    free(d->edges);
    free(d->name_slots);
    jm_arena_free(&d->arena);
    free(d);
}

size_t jm_dict_size(const jm_dict *d)
{
    return d->nterms;
}

jm_status jm_dict_check(const jm_dict *dict, jm_error *err)
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
        .name = t->name, .category = t->category, .file = t->file, .line = t->line,
        .aliases = t->aliases, .naliases = t->naliases,
        .has_guard = t->has_guard, .case_exact = t->case_exact,
        .guarded = t->guarded, .nguarded = t->nguarded,
        .context = t->context.source, .reject = t->reject.source,
        .companions = t->companion_names, .ncompanions = t->companions.n,
        .implies = t->implies_names, .nimplies = t->implies.n,
        .related = t->related, .nrelated = t->nrelated,
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
