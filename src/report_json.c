/*
 * report_json.c - the versioned JSON reports (schema in README.md), built
 * with cJSON. Numbers are rounded to two decimals so that output is stable.
 */
#include <cJSON.h>
#include <math.h>

#include "internal.h"

static double round2(double x)
{
    return round(x * 100.0) / 100.0;
}

static cJSON *forms(const jm_keyword *k)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; k && i < k->nforms; i++)
        cJSON_AddItemToArray(arr, cJSON_CreateString(k->forms[i]));
    return arr;
}

static cJSON *doc_object(const jm_doc *doc, bool posting)
{
    static const char *const formats[] = {"auto", "html", "markdown", "text", "json"};
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "path", jm_doc_name(doc));
    cJSON_AddStringToObject(o, "format", formats[jm_doc_format(doc)]);
    if (posting) {
        cJSON_AddStringToObject(o, "title", jm_doc_title(doc));
        cJSON_AddStringToObject(o, "company", jm_doc_company(doc));
        cJSON_AddStringToObject(o, "location", jm_doc_location(doc));
    }
    cJSON *w = cJSON_AddArrayToObject(o, "warnings");
    for (size_t i = 0; i < jm_doc_warning_count(doc); i++)
        cJSON_AddItemToArray(w, cJSON_CreateString(jm_doc_warning(doc, i)));
    return o;
}

static cJSON *match_item(const jm_match_item *it)
{
    const jm_keyword *p = it->posting;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", p->name);
    cJSON_AddStringToObject(o, "category", p->category);
    cJSON_AddStringToObject(o, "kind", jm_kind_name(p->kind));
    cJSON_AddStringToObject(o, "importance", jm_importance_name(p->importance));
    cJSON_AddNumberToObject(o, "weight", round2(it->weight));
    cJSON_AddNumberToObject(o, "points", round2(it->points));
    cJSON_AddStringToObject(o, "status", jm_coverage_name(it->coverage));
    cJSON_AddNumberToObject(o, "posting_count", p->count);
    cJSON_AddNumberToObject(o, "resume_count", it->resume ? it->resume->count : 0);
    if (it->implied_by)
        cJSON_AddStringToObject(o, "implied_by", it->implied_by);
    else
        cJSON_AddNullToObject(o, "implied_by");
    cJSON *f = cJSON_AddObjectToObject(o, "forms");
    cJSON_AddItemToObject(f, "posting", forms(p));
    cJSON_AddItemToObject(f, "resume", forms(it->resume));
    cJSON_AddNumberToObject(o, "line", p->line);
    cJSON_AddStringToObject(o, "quote", p->quote);
    return o;
}

cJSON *jm_json_match(const jm_result *r, const jm_bullets *bs)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", JM_SCHEMA_VERSION);
    cJSON_AddNumberToObject(root, "score", jm_result_score(r));
    cJSON_AddBoolToObject(root, "thin", jm_result_is_thin(r));
    cJSON_AddNumberToObject(root, "total_weight", round2(jm_result_total_weight(r)));
    cJSON_AddNumberToObject(root, "covered_weight", round2(jm_result_covered_weight(r)));
    cJSON_AddItemToObject(root, "posting",
                          doc_object(jm_keywords_doc(jm_result_posting(r)), true));
    cJSON *resume = doc_object(jm_keywords_doc(jm_result_resume(r)), false);
    cJSON *rk = cJSON_AddArrayToObject(resume, "keywords");  /* for the market view */
    for (size_t i = 0; i < jm_keywords_count(jm_result_resume(r)); i++) {
        const jm_keyword *k = jm_keywords_get(jm_result_resume(r), i);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", k->name);
        cJSON_AddStringToObject(o, "category", k->category);
        cJSON_AddStringToObject(o, "kind", jm_kind_name(k->kind));
        cJSON_AddItemToArray(rk, o);
    }
    cJSON_AddItemToObject(root, "resume", resume);
    size_t counts[3] = {0};
    cJSON *arr = cJSON_AddArrayToObject(root, "keywords");
    for (size_t i = 0; i < jm_result_count(r); i++) {
        const jm_match_item *it = jm_result_get(r, i);
        counts[it->coverage]++;
        cJSON_AddItemToArray(arr, match_item(it));
    }
    cJSON *s = cJSON_AddObjectToObject(root, "summary");
    cJSON_AddNumberToObject(s, "matched", counts[JM_MATCHED]);
    cJSON_AddNumberToObject(s, "implied", counts[JM_IMPLIED]);
    cJSON_AddNumberToObject(s, "missing", counts[JM_MISSING]);
    if (bs != NULL)
        jm_json_match_bullets(root, bs, r);
    return root;
}

cJSON *jm_json_keywords(const jm_keywords *kw)
{
    const jm_doc *doc = jm_keywords_doc(kw);
    bool posting = doc->role == JM_ROLE_POSTING;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", JM_SCHEMA_VERSION);
    cJSON_AddStringToObject(root, "path", jm_doc_name(doc));
    cJSON_AddStringToObject(root, "role", posting ? "posting" : "resume");
    cJSON_AddStringToObject(root, "title", jm_doc_title(doc));
    cJSON_AddStringToObject(root, "company", jm_doc_company(doc));
    cJSON *arr = cJSON_AddArrayToObject(root, "keywords");
    for (size_t i = 0; i < jm_keywords_count(kw); i++) {
        const jm_keyword *k = jm_keywords_get(kw, i);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", k->name);
        cJSON_AddStringToObject(o, "category", k->category);
        cJSON_AddStringToObject(o, "kind", jm_kind_name(k->kind));
        cJSON_AddNumberToObject(o, "count", k->count);
        if (posting)
            cJSON_AddStringToObject(o, "importance", jm_importance_name(k->importance));
        else
            cJSON_AddNullToObject(o, "importance");
        cJSON_AddItemToObject(o, "forms", forms(k));
        cJSON_AddNumberToObject(o, "line", k->line);
        cJSON_AddItemToArray(arr, o);
    }
    return root;
}
