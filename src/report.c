/*
 * report.c - renders a result or a keyword list in the requested format
 * and hands it to the caller's writer in one piece.
 */
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

jm_status jm_emit(struct jm_buf *b, jm_write_fn write, void *ctx, jm_error *err)
{
    jm_status st = JM_OK;
    if (b->failed)
        st = jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    else if (write(ctx, b->data ? b->data : "", b->len) != 0)
        st = jm_fail(err, JM_ERR_IO, "", 0, "cannot write the report");
    jm_buf_free(b);
    return st;
}

void jm_put_json(struct jm_buf *b, cJSON *root)
{
    char *s = root ? cJSON_PrintUnformatted(root) : NULL;
    if (s == NULL)
        b->failed = true;
    else
        jm_buf_printf(b, "%s\n", s);
    cJSON_free(s);
    cJSON_Delete(root);
}

/* What a NULL options pointer means: text, no colour, no bullets. */
static const jm_report_options default_options;

jm_status jm_report_match(const jm_result *r, const jm_report_options *opt, jm_write_fn write,
                          void *ctx, jm_error *err)
{
    if (opt == NULL)
        opt = &default_options;
    struct jm_buf b = {0};
    if (opt->format == JM_REPORT_JSON)
        jm_put_json(&b, jm_json_match(r, opt->bullets));
    else
        jm_text_match(&b, r, opt->bullets, opt->color);
    return jm_emit(&b, write, ctx, err);
}

jm_status jm_report_keywords(const jm_keywords *kw, const jm_report_options *opt,
                             jm_write_fn write, void *ctx, jm_error *err)
{
    if (opt == NULL)
        opt = &default_options;
    struct jm_buf b = {0};
    if (opt->format == JM_REPORT_JSON)
        jm_put_json(&b, jm_json_keywords(kw));
    else
        jm_text_keywords(&b, kw, opt->color);
    return jm_emit(&b, write, ctx, err);
}

jm_status jm_report_bullets(const jm_bullets *bs, const jm_report_options *opt,
                            jm_write_fn write, void *ctx, jm_error *err)
{
    if (opt == NULL)
        opt = &default_options;
    struct jm_buf b = {0};
    if (opt->format == JM_REPORT_JSON)
        jm_put_json(&b, jm_json_bullets(bs, jm_bullets_doc(bs)));
    else
        jm_text_bullets(&b, bs, jm_bullets_doc(bs), opt->color);
    return jm_emit(&b, write, ctx, err);
}

jm_status jm_report_posting(const jm_result *res, const char *path, const char *error,
                            const char *duplicate_of, jm_write_fn write, void *ctx,
                            jm_error *err)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", JM_SCHEMA_VERSION);
    cJSON_AddStringToObject(root, "path", path ? path : "");
    if (error != NULL)
        cJSON_AddStringToObject(root, "error", error);
    else
        cJSON_AddNullToObject(root, "error");
    if (duplicate_of != NULL)
        cJSON_AddStringToObject(root, "duplicate_of", duplicate_of);
    else
        cJSON_AddNullToObject(root, "duplicate_of");
    if (res != NULL) { /* the same text saved twice hashes the same, across runs too */
        char hash[24];
        snprintf(hash, sizeof hash, "%016llx",
                 (unsigned long long)jm_doc_hash(jm_keywords_doc(jm_result_posting(res))));
        cJSON_AddStringToObject(root, "content_hash", hash);
    }
    if (res != NULL) { /* the match report's fields follow */
        cJSON *m = jm_json_match(res, NULL);
        cJSON_DeleteItemFromObjectCaseSensitive(m, "schema_version");
        while (m != NULL && m->child != NULL) {
            cJSON *c = cJSON_DetachItemViaPointer(m, m->child);
            cJSON_AddItemToObject(root, c->string, c);
        }
        cJSON_Delete(m);
    }
    struct jm_buf b = {0};
    jm_put_json(&b, root);
    return jm_emit(&b, write, ctx, err);
}
