/*
 * report/keywords.c - the keywords found in one document (jobmatch keywords):
 * an aligned table or JSON.
 */
#include <cJSON.h>
#include <stdio.h>

#include "base.h"
#include "doc.h"
#include "analysis.h"
#include "report/report.h"

enum { NAME_MAX_WIDTH = 24 };

static void text_keywords(struct jm_buf *b, const jm_keywords *kw, bool color)
{
    const struct jm_text_style *st = jm_text_style(color);
    const jm_doc *doc = jm_keywords_doc(kw);
    bool posting = doc->role == JM_ROLE_POSTING;
    jm_buf_printf(b, "%s%s%s", st->bold, jm_doc_name(doc), st->reset);
    if (*jm_doc_title(doc))
        jm_buf_printf(b, ": %s", jm_doc_title(doc));
    if (*jm_doc_company(doc))
        jm_buf_printf(b, " \xC2\xB7 %s", jm_doc_company(doc));
    if (*jm_doc_location(doc))
        jm_buf_printf(b, " \xC2\xB7 %s", jm_doc_location(doc));
    jm_buf_printf(b, "\n%zu keywords\n", jm_keywords_count(kw));
    jm_text_warnings(b, doc, st);
    if (jm_keywords_count(kw) == 0)
        return;
    size_t nw = 7;
    for (size_t i = 0; i < jm_keywords_count(kw); i++) {
        size_t w = jm_utf8_width(jm_keywords_get(kw, i)->name);
        nw = w > nw ? (w < NAME_MAX_WIDTH ? w : NAME_MAX_WIDTH) : nw;
    }
    jm_buf_printf(b, "\n  %s", st->dim);
    jm_put_padded(b, "KEYWORD", nw);
    jm_buf_printf(b, "  %-18s %s%5s  FORMS%s\n", "CATEGORY", posting ? "IMPORTANCE      " : "",
                  "COUNT", st->reset);
    for (size_t i = 0; i < jm_keywords_count(kw); i++) {
        const jm_keyword *k = jm_keywords_get(kw, i);
        jm_buf_puts(b, "  ");
        jm_put_padded(b, k->name, nw);
        jm_buf_printf(b, "  %-18s ", k->category);
        if (posting)
            jm_buf_printf(b, "%-16s", jm_importance_name(k->importance));
        jm_buf_printf(b, "%5u  ", k->count);
        for (size_t f = 0; f < k->nforms; f++)
            jm_buf_printf(b, "%s%s", f ? ", " : "", k->forms[f]);
        jm_buf_putc(b, '\n');
    }
}

static cJSON *json_keywords(const jm_keywords *kw)
{
    const jm_doc *doc = jm_keywords_doc(kw);
    bool posting = doc->role == JM_ROLE_POSTING;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", JM_SCHEMA_VERSION);
    cJSON_AddStringToObject(root, "path", jm_doc_name(doc));
    cJSON_AddStringToObject(root, "role", posting ? "posting" : "resume");
    cJSON_AddStringToObject(root, "title", jm_doc_title(doc));
    cJSON_AddStringToObject(root, "company", jm_doc_company(doc));
    cJSON_AddStringToObject(root, "location", jm_doc_location(doc));
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
        jm_json_put(o, "forms", jm_json_forms(k));
        cJSON_AddNumberToObject(o, "line", k->line);
        jm_json_push(arr, o);
    }
    return root;
}

jm_status jm_report_keywords(const jm_keywords *kw, const jm_report_options *opt, jm_write_fn write,
                             void *ctx, jm_error *err)
{
    opt = jm_report_defaults(opt);
    if (opt->format == JM_REPORT_FORMAT_HTML)
        return jm_no_html(err);
    struct jm_buf b = {0};
    if (opt->format == JM_REPORT_FORMAT_JSON)
        jm_put_json(&b, json_keywords(kw));
    else
        text_keywords(&b, kw, opt->color);
    return jm_emit(&b, write, ctx, err);
}
