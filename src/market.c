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
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "dict.h"
#include "doc.h"
#include "analysis.h"

static const char *demand_name(const void *ctx, uint32_t i)
{
    return ((const jm_market *)ctx)->v[i].name;
}

static const char *hash_at(const void *ctx, uint32_t i)
{
    return ((const jm_market *)ctx)->hashes[i];
}

/* The entry for keyword `name`, created if new; NULL when out of memory. */
static struct jm_demand *entry(jm_market *m, const char *name, const char *category, jm_kind kind)
{
    uint32_t i;
    if (jm_table_find(&m->names, name, &i))
        return &m->v[i];
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 256;
        struct jm_demand *v = realloc(m->v, cap * sizeof *v);
        if (v == NULL)
            return NULL;
        m->v = v;
        m->cap = cap;
    }
    struct jm_demand *d = &m->v[m->n];
    *d = (struct jm_demand){
        .name = strdup(name), .category = strdup(category ? category : ""), .kind = kind};
    if (d->name == NULL || d->category == NULL || !jm_table_add(&m->names, (uint32_t)m->n, NULL)) {
        free(d->name);
        free(d->category);
        return NULL;
    }
    m->n++;
    return d;
}

jm_status jm_market_new(jm_market **out, jm_error *err)
{
    jm_market *m = calloc(1, sizeof *m);
    if (m && jm_table_init(&m->names, 0, demand_name, m) &&
        jm_table_init(&m->seen, 0, hash_at, m)) {
        *out = m;
        return JM_OK;
    }
    jm_market_free(m);
    *out = NULL;
    return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
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
    jm_table_free(&m->names);
    jm_table_free(&m->seen);
    for (size_t i = 0; i < m->nhashes; i++)
        free(m->hashes[i]);
    free(m->hashes);
    free(m);
}

static void ask(struct jm_demand *d, jm_importance imp, double weight, bool missing)
{
    d->asked++;
    d->required += imp >= JM_IMPORTANCE_REQUIRED;
    d->weight += weight;
    d->missing += missing;
    d->missing_weight += missing ? weight : 0;
}

jm_status jm_market_add(jm_market *m, const jm_result *res, jm_error *err)
{
    for (size_t i = 0; i < jm_result_count(res); i++) {
        const jm_match_item *it = jm_result_get(res, i);
        struct jm_demand *d = entry(m, it->posting->name, it->posting->category, it->posting->kind);
        if (d == NULL)
            return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
        ask(d, it->posting->importance, it->weight, it->coverage == JM_COVERAGE_MISSING);
    }
    /* The resume is the same for every posting of a batch: note its keywords once. */
    const jm_keywords *kr = jm_result_resume(res);
    for (size_t i = 0; m->scored == 0 && i < jm_keywords_count(kr); i++) {
        const jm_keyword *k = jm_keywords_get(kr, i);
        struct jm_demand *d = entry(m, k->name, k->category, k->kind);
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
    for (int i = 0; s && i < JM_IMPORTANCE_COUNT; i++)
        if (strcmp(jm_importance_name((jm_importance)i), s) == 0)
            return (jm_importance)i;
    return JM_IMPORTANCE_MENTIONED;
}

static jm_kind kind_named(const char *s)
{
    for (int i = 0; s && strcmp(jm_kind_name((jm_kind)i), "unknown") != 0; i++)
        if (strcmp(jm_kind_name((jm_kind)i), s) == 0)
            return (jm_kind)i;
    return JM_KIND_SKILL;
}

/* Has a posting with this text been added already (in another shard)? Notes it if not. */
static bool seen_before(jm_market *m, const char *hash, bool *nomem)
{
    uint32_t i;
    if (jm_table_find(&m->seen, hash, &i))
        return true;
    if (m->nhashes == m->caphashes) {
        size_t cap = m->caphashes ? 2 * m->caphashes : 64;
        char **v = realloc(m->hashes, cap * sizeof *v);
        if (v == NULL)
            return *nomem = true, false;
        m->hashes = v;
        m->caphashes = cap;
    }
    *nomem = (m->hashes[m->nhashes] = strdup(hash)) == NULL ||
             !jm_table_add(&m->seen, (uint32_t)m->nhashes, NULL);
    m->nhashes += m->hashes[m->nhashes] != NULL;
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
        struct jm_demand *d =
            entry(m, name, json_str(k, "category"), kind_named(json_str(k, "kind")));
        if (d == NULL)
            return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
        ask(d, importance_named(json_str(k, "importance")), weight->valuedouble,
            strcmp(status, "missing") == 0);
    }
    const cJSON *resume = cJSON_GetObjectItemCaseSensitive(root, "resume");
    cJSON_ArrayForEach(k, cJSON_GetObjectItemCaseSensitive(resume, "keywords"))
    {
        const char *name = json_str(k, "name");
        struct jm_demand *d =
            name ? entry(m, name, json_str(k, "category"), kind_named(json_str(k, "kind"))) : NULL;
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

/* Gaps, most wanted first: the weight the postings put on them, on average. */
static int by_demand(const void *pa, const void *pb)
{
    const struct jm_demand *a = *(const struct jm_demand *const *)pa;
    const struct jm_demand *b = *(const struct jm_demand *const *)pb;
    if (a->missing_weight != b->missing_weight)
        return a->missing_weight < b->missing_weight ? 1 : -1;
    return strcmp(a->name, b->name);
}

static int by_name(const void *pa, const void *pb)
{
    return strcmp((*(const struct jm_demand *const *)pa)->name,
                  (*(const struct jm_demand *const *)pb)->name);
}

const struct jm_demand **jm_market_ranked(const jm_market *m, size_t *ngaps, size_t *nunasked)
{
    const struct jm_demand **v = malloc((m->n ? m->n : 1) * sizeof *v);
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
