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
/* The number of coverages, for arrays indexed by one. */
#define JM_COVERAGES (JM_COVERAGE_IGNORED + 1)
/* How many of the result's items have each coverage. */
void jm_count_coverage(const jm_result *r, size_t counts[JM_COVERAGES]);
/* JM_ERR_ARG: a report that has no HTML form was asked for one. */
jm_status jm_no_html(jm_error *err);
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
/* Hands `b` to `write` and frees it: JM_ERR_NOMEM when rendering ran out of memory. */
jm_status jm_emit(struct jm_buf *b, jm_write_fn write, void *ctx, jm_error *err);

/* ---- json.c ------------------------------------------------------------------ */

/* A JSON document as one line into `b`, freeing it: what cJSON_PrintUnformatted prints. */
void jm_put_json(struct jm_buf *b, struct cJSON *root);
/* `s` as a JSON string, quoted and escaped as cJSON escapes it ("" for NULL). */
void jm_json_string(struct jm_buf *b, const char *s);
/* An item that jm_put_json cannot print, so that it fails with JM_ERR_NOMEM: what stands
 * for a part of a document that ran out of memory while being written as JSON text. */
struct cJSON *jm_json_failed(void);

/* ---- html.c ------------------------------------------------------------------ */

/* s[0, n) as HTML text or as a double-quoted attribute's value: & < > " ' escaped, control
 * characters dropped, invalid UTF-8 replaced. The one way a string reaches HTML. */
void jm_html_put(struct jm_buf *b, const char *s, size_t n);
void jm_html_puts(struct jm_buf *b, const char *s);
/* JSON text, to be placed inside a <script> element: no "<" survives. */
void jm_html_json(struct jm_buf *b, const char *json);
/* A page's head (the stylesheet inline, `title` escaped) and body's opening; its footer and
 * closing. With `script`, the compiled-in script is allowed and appended. */
void jm_html_begin(struct jm_buf *b, const char *title, bool script);
void jm_html_end(struct jm_buf *b, bool script);

/* ---- market.c ------------------------------------------------------------------ */

/* The market view as a section of the batch page: the most wanted gaps as SVG bars. */
void jm_html_market(struct jm_buf *b, const jm_market *m);

/* ---- match.c, match_html.c, bullets.c ------------------------------------------ */

/* The match report as one HTML page. */
void jm_html_match(struct jm_buf *b, const jm_result *r, const jm_report_options *opt);
/* The gaps, most important first (at most `top`; 0: all), each with its posting line (at
 * most `quote_max` bytes of it), linked to it in the page when `link`. */
void jm_html_gaps(struct jm_buf *b, const jm_result *r, size_t top, bool link, size_t quote_max);
/* A page's header: `lead` (markup, or NULL), the posting's title, company and location, the
 * two files and their warnings. */
void jm_html_header(struct jm_buf *b, const jm_result *r, const char *lead);
/* The posting and the resume side by side, keywords marked in place, lines anchored
 * ("#p-L12", "#r-L40"); the bullets judged and the knock-out verdicts when not NULL. */
void jm_html_documents(struct jm_buf *b, const jm_result *r, const jm_bullets *bullets,
                       const jm_tailoring *t);

/* The match report's JSON object; with the bullets when `bs` is not NULL. */
struct cJSON *jm_json_match(const jm_result *r, const jm_bullets *bs);
/* The match report's bullet section: the bullets to rewrite first. */
/* The bullets to rewrite, those with the posting's keywords first; at most `top` (0: all). */
void jm_text_match_bullets(struct jm_buf *b, const jm_bullets *bs, const jm_result *r, size_t top,
                           const struct jm_text_style *st);
void jm_json_match_bullets(struct cJSON *root, const jm_bullets *bs, const jm_result *r);

#endif
