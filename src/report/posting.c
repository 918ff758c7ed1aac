/*
 * report/posting.c - one posting of a batch as one JSON line: its path, its
 * error or the posting it duplicates, then the match report's fields.
 */
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "base.h"
#include "doc.h"
#include "analysis.h"
#include "report/report.h"

jm_status jm_report_posting(const jm_result *res, const char *path, const char *error,
                            const char *duplicate_of, jm_write_fn write, void *ctx, jm_error *err)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", JM_SCHEMA_VERSION);
    char *shown = jm_printable(path ? path : ""); /* a file name may be any bytes */
    cJSON_AddStringToObject(root, "path", shown ? shown : "");
    free(shown);
    if (error != NULL)
        cJSON_AddStringToObject(root, "error", error);
    else
        cJSON_AddNullToObject(root, "error");
    char *dup = duplicate_of ? jm_printable(duplicate_of) : NULL;
    if (dup != NULL)
        cJSON_AddStringToObject(root, "duplicate_of", dup);
    else
        cJSON_AddNullToObject(root, "duplicate_of");
    free(dup);
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
            jm_json_put(root, c->string, c);
        }
        cJSON_Delete(m);
    }
    struct jm_buf b = {0};
    jm_put_json(&b, root);
    return jm_emit(&b, write, ctx, err);
}
