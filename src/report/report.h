/*
 * report/report.h - the reports: one file per subject (match, keywords,
 * bullets, tailor, market, posting), each with its text, Markdown and JSON
 * side by side, over the shared render layer (render.c). Reports read the
 * analysis and never change it; they hand the caller one finished piece.
 */
#ifndef JM_REPORT_H
#define JM_REPORT_H

#include "base.h"
#include "analysis.h"

struct cJSON;

/* ---- render.c ------------------------------------------------------------ */

enum { JM_NAME_MAX_WIDTH = 24 }; /* keyword names wider than this overflow their column */

struct jm_text_style {
    const char *bold, *green, *yellow, *red, *dim, *reset;
};
const struct jm_text_style *jm_text_style(bool color);
/* `opt`, or the defaults (text, no colour, no bullets) when it is NULL. */
const jm_report_options *jm_report_defaults(const jm_report_options *opt);

/* `s`, then spaces up to `w` columns. */
void jm_put_padded(struct jm_buf *b, const char *s, size_t w);
/* The document's warnings, one "note:" line each. */
void jm_text_warnings(struct jm_buf *b, const jm_doc *doc, const struct jm_text_style *st);

/* cJSON_AddItemToObject and cJSON_AddItemToArray, except that an item they cannot add (out
 * of memory, or no parent because that ran out of memory) is freed, not leaked. */
void jm_json_put(struct cJSON *obj, const char *key, struct cJSON *item);
void jm_json_push(struct cJSON *arr, struct cJSON *item);
/* JSON numbers are rounded to two decimals, so that output is stable. */
double jm_round2(double x);
/* A keyword's surface forms as a JSON array; [] for NULL. */
struct cJSON *jm_json_forms(const jm_keyword *k);
/* A JSON document as one line into `b`, freeing it. */
void jm_put_json(struct jm_buf *b, struct cJSON *root);
/* Hands `b` to `write` and frees it: JM_ERR_NOMEM when rendering ran out of memory. */
jm_status jm_emit(struct jm_buf *b, jm_write_fn write, void *ctx, jm_error *err);

/* ---- match.c, bullets.c ------------------------------------------------------ */

/* The match report's JSON object; with the bullets when `bs` is not NULL. */
struct cJSON *jm_json_match(const jm_result *r, const jm_bullets *bs);
/* The match report's bullet section: the bullets to rewrite first. */
/* The bullets to rewrite, those with the posting's keywords first; at most `top` (0: all). */
void jm_text_match_bullets(struct jm_buf *b, const jm_bullets *bs, const jm_result *r, size_t top,
                           const struct jm_text_style *st);
void jm_json_match_bullets(struct cJSON *root, const jm_bullets *bs, const jm_result *r);

#endif
