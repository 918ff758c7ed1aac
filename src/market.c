/*
 * market.c - the market view over many postings: which keywords the
 * targeted postings ask for that the resume lacks, how often and how hard,
 * and which of the resume's keywords no posting asks for.
 *
 * It is fed either match results (jobmatch batch) or the JSON lines those
 * results were written as (jobmatch summarize, the reduce step of a
 * scaled-out run), so that both give the same view.
 */
#include <cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct demand {
    char *name, *category;
    jm_kind kind;
    unsigned asked, required, missing, in_resume;
    double weight, missing_weight;  /* summed over the postings that ask */
};

struct jm_market {
    struct demand *v;
    size_t n, cap;
    uint32_t *slots;  /* name -> index + 1 */
    size_t mask;
    size_t scored, failed, duplicates;
    char **hashes;    /* content hashes of the JSON lines added: shards may overlap */
    size_t nhashes, caphashes;
};

static size_t hash_name(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static bool grow(jm_market *m)
{
    size_t cap = m->cap ? 2 * m->cap : 256;
    struct demand *v = realloc(m->v, cap * sizeof *v);
    uint32_t *slots = calloc(2 * cap, sizeof *slots);
    if (v == NULL || slots == NULL) {
        if (v != NULL)
            m->v = v;
        free(slots);
        return false;
    }
    m->v = v;
    m->cap = cap;
    free(m->slots);
    m->slots = slots;
    m->mask = 2 * cap - 1;
    for (size_t i = 0; i < m->n; i++) {
        size_t h = hash_name(v[i].name) & m->mask;
        while (slots[h])
            h = (h + 1) & m->mask;
        slots[h] = (uint32_t)i + 1;
    }
    return true;
}

/* The entry for keyword `name`, created if new; NULL when out of memory. */
static struct demand *entry(jm_market *m, const char *name, const char *category, jm_kind kind)
{
    if (m->cap > 0) {
        size_t h = hash_name(name) & m->mask;
        for (; m->slots[h]; h = (h + 1) & m->mask)
            if (strcmp(m->v[m->slots[h] - 1].name, name) == 0)
                return &m->v[m->slots[h] - 1];
    }
    if (m->n == m->cap && !grow(m))
        return NULL;
    struct demand *d = &m->v[m->n];
    *d = (struct demand){.name = strdup(name), .category = strdup(category ? category : ""),
                         .kind = kind};
    if (d->name == NULL || d->category == NULL) {
        free(d->name);
        free(d->category);
        return NULL;
    }
    size_t h = hash_name(name) & m->mask;
    while (m->slots[h])
        h = (h + 1) & m->mask;
    m->slots[h] = (uint32_t)++m->n;
    return d;
}

jm_status jm_market_new(jm_market **out, jm_error *err)
{
    *out = calloc(1, sizeof **out);
    return *out ? JM_OK : jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
}

void jm_market_free(jm_market *m)
{
    if (m == NULL)
        return;
    for (size_t i = 0; i < m->n; i++) {
        free(m->v[i].name);
        free(m->v[i].category);
    }
    free(m->v);
    free(m->slots);
    for (size_t i = 0; i < m->nhashes; i++)
        free(m->hashes[i]);
    free(m->hashes);
    free(m);
}

static void ask(struct demand *d, jm_importance imp, double weight, bool missing)
{
    d->asked++;
    d->required += imp >= JM_IMP_REQUIRED;
    d->weight += weight;
    d->missing += missing;
    d->missing_weight += missing ? weight : 0;
}

jm_status jm_market_add(jm_market *m, const jm_result *res, jm_error *err)
{
    for (size_t i = 0; i < jm_result_count(res); i++) {
        const jm_match_item *it = jm_result_get(res, i);
        struct demand *d = entry(m, it->posting->name, it->posting->category, it->posting->kind);
        if (d == NULL)
            return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
        ask(d, it->posting->importance, it->weight, it->coverage == JM_MISSING);
    }
    /* The resume is the same for every posting of a batch: note its keywords once. */
    const jm_keywords *kr = jm_result_resume(res);
    for (size_t i = 0; m->scored == 0 && i < jm_keywords_count(kr); i++) {
        const jm_keyword *k = jm_keywords_get(kr, i);
        struct demand *d = entry(m, k->name, k->category, k->kind);
        if (d == NULL)
            return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
        d->in_resume = 1;
    }
    m->scored++;
    return JM_OK;
}

void jm_market_skip(jm_market *m, bool duplicate)
{
    *(duplicate ? &m->duplicates : &m->failed) += 1;
}

static const char *json_str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static jm_importance importance_named(const char *s)
{
    for (int i = 0; s && i < JM_IMP_COUNT; i++)
        if (strcmp(jm_importance_name((jm_importance)i), s) == 0)
            return (jm_importance)i;
    return JM_IMP_MENTIONED;
}

static jm_kind kind_named(const char *s)
{
    for (int i = 0; s && i < 3; i++)
        if (strcmp(jm_kind_name((jm_kind)i), s) == 0)
            return (jm_kind)i;
    return JM_KIND_SKILL;
}

/* Has a posting with this text been added already (in another shard)? Notes it if not. */
static bool seen_before(jm_market *m, const char *hash, bool *nomem)
{
    for (size_t i = 0; i < m->nhashes; i++)
        if (strcmp(m->hashes[i], hash) == 0)
            return true;
    if (m->nhashes == m->caphashes) {
        size_t cap = m->caphashes ? 2 * m->caphashes : 64;
        char **v = realloc(m->hashes, cap * sizeof *v);
        if (v == NULL)
            return *nomem = true, false;
        m->hashes = v;
        m->caphashes = cap;
    }
    *nomem = (m->hashes[m->nhashes] = strdup(hash)) == NULL;
    m->nhashes += !*nomem;
    return false;
}

static jm_status add_record(jm_market *m, const cJSON *root, jm_error *err)
{
    const char *hash = json_str(root, "content_hash");
    bool nomem = false, dup = json_str(root, "duplicate_of") != NULL ||
                             (hash != NULL && seen_before(m, hash, &nomem));
    if (nomem)
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    if (json_str(root, "error") != NULL || dup) {
        jm_market_skip(m, dup);
        return JM_OK;
    }
    const cJSON *k;
    cJSON_ArrayForEach(k, cJSON_GetObjectItemCaseSensitive(root, "keywords"))
    {
        const char *name = json_str(k, "name");
        const cJSON *weight = cJSON_GetObjectItemCaseSensitive(k, "weight");
        const char *status = json_str(k, "status");
        if (name == NULL || !cJSON_IsNumber(weight) || status == NULL)
            return jm_fail(err, JM_ERR_FORMAT, "", 0, "a keyword without name, weight or status");
        struct demand *d = entry(m, name, json_str(k, "category"), kind_named(json_str(k, "kind")));
        if (d == NULL)
            return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
        ask(d, importance_named(json_str(k, "importance")), weight->valuedouble,
            strcmp(status, "missing") == 0);
    }
    const cJSON *resume = cJSON_GetObjectItemCaseSensitive(root, "resume");
    cJSON_ArrayForEach(k, cJSON_GetObjectItemCaseSensitive(resume, "keywords"))
    {
        const char *name = json_str(k, "name");
        struct demand *d = name ? entry(m, name, json_str(k, "category"),
                                        kind_named(json_str(k, "kind")))
                                : NULL;
        if (name != NULL && d == NULL)
            return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
        if (d != NULL)
            d->in_resume = 1;
    }
    m->scored++;
    return JM_OK;
}

jm_status jm_market_add_json(jm_market *m, const char *json, size_t len, jm_error *err)
{
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (root == NULL || !cJSON_IsObject(root)) {
        cJSON_Delete(root);
        return jm_fail(err, JM_ERR_FORMAT, "", 0, "not a JSON object");
    }
    jm_status st = add_record(m, root, err);
    cJSON_Delete(root);
    return st;
}

/* ---- the view ----------------------------------------------------------- */

/* Gaps, most wanted first: the weight the postings put on them, on average. */
static int by_demand(const void *pa, const void *pb)
{
    const struct demand *a = *(const struct demand *const *)pa;
    const struct demand *b = *(const struct demand *const *)pb;
    if (a->missing_weight != b->missing_weight)
        return a->missing_weight < b->missing_weight ? 1 : -1;
    return strcmp(a->name, b->name);
}

static int by_name(const void *pa, const void *pb)
{
    return strcmp((*(const struct demand *const *)pa)->name,
                  (*(const struct demand *const *)pb)->name);
}

/* The missing keywords ranked, then the resume's keywords no posting asks for. */
static const struct demand **ranked(const jm_market *m, size_t *ngaps, size_t *nunasked)
{
    const struct demand **v = malloc((m->n ? m->n : 1) * sizeof *v);
    if (v == NULL)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < m->n; i++)
        if (m->v[i].missing > 0)
            v[k++] = &m->v[i];
    *ngaps = k;
    for (size_t i = 0; i < m->n; i++)
        if (m->v[i].in_resume && m->v[i].asked == 0)
            v[k++] = &m->v[i];
    *nunasked = k - *ngaps;
    qsort(v, *ngaps, sizeof *v, by_demand);
    qsort(v + *ngaps, *nunasked, sizeof *v, by_name);
    return v;
}

static double share(unsigned count, size_t of)
{
    return of ? 100.0 * count / (double)of : 0;
}

enum { BAR = 20, TEXT_GAPS = 20, NAME_WIDTH = 24 };

/* `s` in exactly `w` columns: padded, or cut with "…". */
static void put_cell(struct jm_buf *b, const char *s, size_t w)
{
    size_t cols = 0;
    for (const char *p = s; *p; cols++) {
        const char *q = p + 1;
        while (((unsigned char)*q & 0xC0) == 0x80)
            q++;
        if (cols + 1 == w && *q) {
            jm_buf_puts(b, "\xE2\x80\xA6");
            return;
        }
        jm_buf_put(b, p, (size_t)(q - p));
        p = q;
    }
    for (; cols < w; cols++)
        jm_buf_putc(b, ' ');
}

static void text_market(struct jm_buf *b, const jm_market *m, const struct demand **v,
                        size_t ngaps, size_t nunasked, const struct jm_text_style *st)
{
    jm_buf_printf(b, "%sMarket%s  %zu posting%s scored", st->bold, st->reset, m->scored,
                  m->scored == 1 ? "" : "s");
    if (m->duplicates)
        jm_buf_printf(b, ", %zu duplicate%s", m->duplicates, m->duplicates == 1 ? "" : "s");
    if (m->failed)
        jm_buf_printf(b, ", %zu failed", m->failed);
    jm_buf_putc(b, '\n');
    if (ngaps > 0)
        jm_buf_printf(b, "\n%sMissing keywords the postings ask for, most wanted first%s\n",
                      st->bold, st->reset);
    for (size_t i = 0; i < ngaps && i < TEXT_GAPS; i++) {
        const struct demand *d = v[i];
        int filled = (int)lround(BAR * d->asked / (double)(m->scored ? m->scored : 1));
        jm_buf_puts(b, "  ");
        put_cell(b, d->name, NAME_WIDTH);
        jm_buf_printf(b, " %s", st->red);
        for (int k = 0; k < BAR; k++)
            jm_buf_puts(b, k < filled ? "\xE2\x96\x88" : "\xC2\xB7");
        jm_buf_printf(b, "%s  asked by %3.0f%% of postings, required in %3.0f%%%s\n", st->reset,
                      share(d->asked, m->scored), share(d->required, m->scored),
                      d->kind == JM_KIND_SKILL ? "" : d->kind == JM_KIND_SOFT_SKILL
                                                          ? "  (soft skill)"
                                                          : "  (certification)");
    }
    if (ngaps > TEXT_GAPS)
        jm_buf_printf(b, "  %s… %zu more (--format json lists them all)%s\n", st->dim,
                      ngaps - TEXT_GAPS, st->reset);
    if (nunasked > 0) {
        jm_buf_printf(b, "\n%sResume keywords no posting asks for%s\n  ", st->bold, st->reset);
        for (size_t i = 0; i < nunasked; i++)
            jm_buf_printf(b, "%s%s", i ? ", " : "", v[ngaps + i]->name);
        jm_buf_putc(b, '\n');
    }
}

static double round2(double x)
{
    return round(x * 100) / 100;
}

static cJSON *json_market(const jm_market *m, const struct demand **v, size_t ngaps,
                          size_t nunasked)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", JM_SCHEMA_VERSION);
    cJSON_AddNumberToObject(root, "scored", (double)m->scored);
    cJSON_AddNumberToObject(root, "duplicates", (double)m->duplicates);
    cJSON_AddNumberToObject(root, "failed", (double)m->failed);
    cJSON *gaps = cJSON_AddArrayToObject(root, "gaps");
    for (size_t i = 0; i < ngaps; i++) {
        const struct demand *d = v[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", d->name);
        cJSON_AddStringToObject(o, "category", d->category);
        cJSON_AddStringToObject(o, "kind", jm_kind_name(d->kind));
        cJSON_AddNumberToObject(o, "asked", d->asked);
        cJSON_AddNumberToObject(o, "required", d->required);
        cJSON_AddNumberToObject(o, "missing", d->missing);
        cJSON_AddNumberToObject(o, "asked_share", round2(share(d->asked, m->scored) / 100));
        cJSON_AddNumberToObject(o, "required_share",
                                round2(share(d->required, m->scored) / 100));
        cJSON_AddNumberToObject(o, "mean_weight",
                                round2(m->scored ? d->missing_weight / (double)m->scored : 0));
        cJSON_AddItemToArray(gaps, o);
    }
    cJSON *unasked = cJSON_AddArrayToObject(root, "unasked");
    for (size_t i = 0; i < nunasked; i++)
        cJSON_AddItemToArray(unasked, cJSON_CreateString(v[ngaps + i]->name));
    return root;
}

/* What a NULL options pointer means: text, no colour, no bullets. */
static const jm_report_options default_options;

jm_status jm_report_market(const jm_market *m, const jm_report_options *opt, jm_write_fn write,
                           void *ctx, jm_error *err)
{
    if (opt == NULL)
        opt = &default_options;
    size_t ngaps, nunasked;
    const struct demand **v = ranked(m, &ngaps, &nunasked);
    if (v == NULL)
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    struct jm_buf b = {0};
    if (opt->format == JM_REPORT_JSON)
        jm_put_json(&b, json_market(m, v, ngaps, nunasked));
    else
        text_market(&b, m, v, ngaps, nunasked, jm_text_style(opt->color));
    free(v);
    return jm_emit(&b, write, ctx, err);
}
