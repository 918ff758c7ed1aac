/*
 * render.c - what every report shares: the options' defaults, the text
 * style (ANSI colour only when asked), padding, the JSON conventions (numbers
 * rounded to two decimals so that output is stable), and handing the
 * rendered report to the caller's writer in one piece.
 */
#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "doc.h"
#include "report/report.h"

jm_status jm_emit(struct jm_buf *b, jm_write_fn write, void *ctx, jm_error *err)
{
    jm_status st = JM_OK;
    if (b->full)
        st = jm_fail(err, JM_ERR_TOO_BIG, "", 0, "the report would be over %zu MB",
                     JM_BUF_MAX >> 20);
    else if (b->failed)
        st = jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    else if (write(ctx, b->data ? b->data : "", b->len) != 0)
        st = jm_fail(err, JM_ERR_WRITE, "", 0, "cannot write the report");
    jm_buf_free(b);
    return st;
}

void jm_count_coverage(const jm_result *r, size_t counts[JM_COVERAGES])
{
    memset(counts, 0, (JM_COVERAGES) * sizeof *counts);
    for (size_t i = 0; i < jm_result_count(r); i++)
        counts[jm_result_get(r, i)->coverage]++;
}

jm_status jm_no_html(jm_error *err)
{
    return jm_fail(err, JM_ERR_ARG, "", 0,
                   "this report has no HTML form (match, tailor and batch do)");
}

const jm_report_options *jm_report_defaults(const jm_report_options *opt)
{
    static const jm_report_options defaults = {.format = JM_REPORT_FORMAT_TEXT};
    return opt ? opt : &defaults;
}

static const struct jm_text_style plain = {"", "", "", "", "", ""};
static const struct jm_text_style ansi = {"\033[1m",  "\033[32m", "\033[33m",
                                          "\033[31m", "\033[2m",  "\033[0m"};

const struct jm_text_style *jm_text_style(bool color)
{
    return color ? &ansi : &plain;
}

void jm_put_padded(struct jm_buf *b, const char *s, size_t w)
{
    jm_buf_puts(b, s);
    for (size_t k = jm_utf8_width(s); k < w; k++)
        jm_buf_putc(b, ' ');
}

void jm_text_warnings(struct jm_buf *b, const jm_doc *doc, const struct jm_text_style *st)
{
    for (size_t i = 0; i < jm_doc_warning_count(doc); i++)
        jm_buf_printf(b, "%snote: %s: %s%s\n", st->dim, jm_doc_name(doc), jm_doc_warning(doc, i),
                      st->reset);
}

void jm_json_put(cJSON *obj, const char *key, cJSON *item)
{
    if (!cJSON_AddItemToObject(obj, key, item))
        cJSON_Delete(item);
}

void jm_json_push(cJSON *arr, cJSON *item)
{
    if (!cJSON_AddItemToArray(arr, item))
        cJSON_Delete(item);
}

double jm_round2(double x)
{
    return round(x * 100.0) / 100.0;
}

cJSON *jm_json_forms(const jm_keyword *k)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; k && i < k->nforms; i++)
        jm_json_push(arr, cJSON_CreateString(k->forms[i]));
    return arr;
}
