/*
 * report/match.c - the match report: the score and what it rests on, the
 * matched, implied and missing keywords with the posting line behind each,
 * and the bullets to rewrite; as aligned text or as versioned JSON (schema
 * in README.md).
 */
#include <cJSON.h>
#include <stdio.h>
#include <string.h>

#include "base.h"
#include "doc.h"
#include "analysis.h"
#include "report/report.h"

enum { NAME_MAX_WIDTH = 24, QUOTE_MAX = 96 };

static size_t name_width(const jm_result *r)
{
    size_t w = 7; /* "KEYWORD" */
    for (size_t i = 0; i < jm_result_count(r); i++) {
        size_t k = jm_utf8_width(jm_result_get(r, i)->posting->name);
        if (k > w)
            w = k;
    }
    return w < NAME_MAX_WIDTH ? w : NAME_MAX_WIDTH;
}

static void header(struct jm_buf *b, const jm_doc *doc, const struct jm_text_style *st)
{
    const char *title = *jm_doc_title(doc) ? jm_doc_title(doc) : "(untitled posting)";
    jm_buf_printf(b, "%s%s%s", st->bold, title, st->reset);
    if (*jm_doc_company(doc))
        jm_buf_printf(b, " \xC2\xB7 %s", jm_doc_company(doc));
    if (*jm_doc_location(doc))
        jm_buf_printf(b, " \xC2\xB7 %s", jm_doc_location(doc));
    jm_buf_putc(b, '\n');
}

static void quote(struct jm_buf *b, const jm_keyword *k, const char *unit,
                  const struct jm_text_style *st)
{
    jm_buf_printf(b, "      %s", st->dim);
    if (k->line > 0)
        jm_buf_printf(b, "%s %ld: ", unit, k->line);
    jm_buf_puts(b, "\"");
    jm_buf_put_clipped(b, k->quote, QUOTE_MAX);
    jm_buf_printf(b, "\"%s\n", st->reset);
}

static void item_row(struct jm_buf *b, const jm_match_item *it, size_t nw, const char *unit,
                     const struct jm_text_style *st)
{
    const char *color = it->coverage == JM_COVERAGE_MATCHED   ? st->green
                        : it->coverage == JM_COVERAGE_IMPLIED ? st->yellow
                        : it->coverage == JM_COVERAGE_IGNORED ? st->dim
                                                              : st->red;
    jm_buf_printf(b, "  %s", color);
    jm_put_padded(b, it->posting->name, nw);
    jm_buf_printf(b, "%s  %-14s %6u\xC3\x97 ", st->reset,
                  jm_importance_name(it->posting->importance), it->posting->count);
    if (it->resume)
        jm_buf_printf(b, "%6u\xC3\x97", it->resume->count);
    else
        jm_buf_puts(b, "      -");
    char points[32] = "0";
    if (it->coverage != JM_COVERAGE_IGNORED)
        snprintf(points, sizeof points, "%c%.1f", it->coverage == JM_COVERAGE_MISSING ? '-' : '+',
                 it->points);
    jm_buf_printf(b, " %8s", points);
    if (it->implied_by)
        jm_buf_printf(b, "  %-9s via %s", jm_evidence_name(it->evidence), it->implied_by);
    else if (it->coverage == JM_COVERAGE_MATCHED)
        jm_buf_printf(b, "  %s", jm_evidence_name(it->evidence));
    jm_buf_putc(b, '\n');
    if (it->nalternatives > 0) { /* "Go or Java": the choices the posting offers */
        char choices[512];
        jm_item_choices(it, choices, sizeof choices);
        jm_buf_printf(b, "      %sone requirement: %s%s\n", st->dim, choices, st->reset);
    }
    if (it->coverage == JM_COVERAGE_MISSING)
        quote(b, it->posting, unit, st);
}

/* The technical items of coverage c, at most `top` of them (0: all), heaviest first. */
static void section(struct jm_buf *b, const jm_result *r, jm_coverage c, const char *title,
                    size_t nw, size_t top, const struct jm_text_style *st)
{
    bool any = false;
    size_t shown = 0, left = 0;
    for (size_t i = 0; i < jm_result_count(r); i++) {
        const jm_match_item *it = jm_result_get(r, i);
        if (!jm_kind_is_technical(it->posting->kind) || it->coverage != c)
            continue;
        if (top > 0 && shown == top) {
            left++;
            continue;
        }
        shown++;
        if (!any) {
            jm_buf_printf(b, "\n%s%s%s\n  %s", st->bold, title, st->reset, st->dim);
            jm_put_padded(b, "KEYWORD", nw);
            jm_buf_printf(b, "  %-14s %7s %7s %8s%s%s\n", "IMPORTANCE", "POSTING", "RESUME",
                          "POINTS",
                          c == JM_COVERAGE_MISSING || c == JM_COVERAGE_IGNORED ? "" : "  SHOWN AS",
                          st->reset);
            any = true;
        }
        item_row(b, it, nw, jm_doc_unit(jm_keywords_doc(jm_result_posting(r))), st);
    }
    if (left > 0)
        jm_buf_printf(b, "  %s… and %zu more (--top)%s\n", st->dim, left, st->reset);
}

/* Soft skills and certifications: their own short list, after the skills. */
static void other_kinds(struct jm_buf *b, const jm_result *r, const struct jm_text_style *st)
{
    bool any = false;
    for (size_t i = 0; i < jm_result_count(r); i++) {
        const jm_match_item *it = jm_result_get(r, i);
        if (jm_kind_is_technical(it->posting->kind))
            continue;
        if (!any)
            jm_buf_printf(b, "\n%sSoft skills and certifications (weighted less)%s\n", st->bold,
                          st->reset);
        any = true;
        jm_buf_printf(b, "  %s%-8s%s %s (%s, %s)\n",
                      it->coverage == JM_COVERAGE_MISSING ? st->red : st->green,
                      jm_coverage_name(it->coverage), st->reset, it->posting->name,
                      jm_kind_name(it->posting->kind), jm_importance_name(it->posting->importance));
    }
}

static void summary(struct jm_buf *b, const jm_result *r, const struct jm_text_style *st)
{
    size_t counts[JM_COVERAGES];
    jm_count_coverage(r, counts);
    int score = jm_result_score(r);
    const char *color = score >= 70 ? st->green : score >= 40 ? st->yellow : st->red;
    jm_buf_printf(b, "\n%sScore %s%d/100%s", st->bold, color, score, st->reset);
    jm_buf_printf(b, "  credited weight %.1f of %.1f", jm_result_covered_weight(r),
                  jm_result_total_weight(r));
    jm_buf_printf(b, "; %zu keywords: %zu matched, %zu implied, %zu missing", jm_result_count(r),
                  counts[JM_COVERAGE_MATCHED], counts[JM_COVERAGE_IMPLIED],
                  counts[JM_COVERAGE_MISSING]);
    if (counts[JM_COVERAGE_ALTERNATIVE] > 0)
        jm_buf_printf(b, ", %zu alternative%s", counts[JM_COVERAGE_ALTERNATIVE],
                      counts[JM_COVERAGE_ALTERNATIVE] == 1 ? "" : "s");
    if (counts[JM_COVERAGE_IGNORED] > 0)
        jm_buf_printf(b, ", %zu ignored (your settings)", counts[JM_COVERAGE_IGNORED]);
    jm_buf_putc(b, '\n');
    if (score > 0)
        jm_buf_printf(b,
                      "%.0f%% of the points come from keywords shown at work (in the bullets of "
                      "roles and projects); a keyword only listed earns half.\n",
                      jm_result_shown_at_work(r));
    if (jm_result_is_thin(r))
        jm_buf_printf(b,
                      "%sThin posting: too few keywords to score fully; scored against "
                      "a floor weight of 6.0.%s\n",
                      st->yellow, st->reset);
}

static void text_match(struct jm_buf *b, const jm_result *r, const jm_report_options *opt)
{
    const jm_bullets *bs = opt->bullets;
    bool color = opt->color;
    const struct jm_text_style *st = jm_text_style(color);
    const jm_doc *posting = jm_keywords_doc(jm_result_posting(r));
    const jm_doc *resume = jm_keywords_doc(jm_result_resume(r));
    header(b, posting, st);
    jm_buf_printf(b, "%sposting %s\nresume  %s%s\n", st->dim, jm_doc_name(posting),
                  jm_doc_name(resume), st->reset);
    jm_text_warnings(b, posting, st);
    jm_text_warnings(b, resume, st);
    summary(b, r, st);
    size_t nw = name_width(r);
    section(b, r, JM_COVERAGE_MATCHED, "Matched", nw, 0, st);
    section(b, r, JM_COVERAGE_IMPLIED,
            "Implied (half credit: the resume shows a term that implies it)", nw, 0, st);
    section(b, r, JM_COVERAGE_MISSING, "Missing (the gaps, most important first)", nw, opt->top,
            st);
    section(b, r, JM_COVERAGE_IGNORED, "Ignored (your settings: never a gap)", nw, 0, st);
    other_kinds(b, r, st);
    if (jm_result_count(r) == 0)
        jm_buf_puts(b, "\nNo dictionary keyword found in the posting.\n");
    if (bs != NULL)
        jm_text_match_bullets(b, bs, r, opt->top, st);
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
        cJSON_AddStringToObject(o, "url", jm_doc_url(doc));
    }
    cJSON *w = cJSON_AddArrayToObject(o, "warnings");
    for (size_t i = 0; i < jm_doc_warning_count(doc); i++)
        jm_json_push(w, cJSON_CreateString(jm_doc_warning(doc, i)));
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
    cJSON_AddNumberToObject(o, "weight", jm_round2(it->weight));
    cJSON_AddNumberToObject(o, "points", jm_round2(it->points));
    cJSON_AddStringToObject(o, "status", jm_coverage_name(it->coverage));
    cJSON_AddNumberToObject(o, "posting_count", p->count);
    cJSON_AddNumberToObject(o, "resume_count", it->resume ? it->resume->count : 0);
    if (it->implied_by)
        cJSON_AddStringToObject(o, "implied_by", it->implied_by);
    else
        cJSON_AddNullToObject(o, "implied_by");
    if (it->evidence != JM_EVIDENCE_NONE) {
        cJSON_AddStringToObject(o, "evidence", jm_evidence_name(it->evidence));
        cJSON_AddNumberToObject(o, "evidence_line", it->evidence_line);
    } else {
        cJSON_AddNullToObject(o, "evidence");
        cJSON_AddNullToObject(o, "evidence_line");
    }
    cJSON *alt = cJSON_AddArrayToObject(o, "alternatives");
    for (size_t i = 0; i < it->nalternatives; i++)
        jm_json_push(alt, cJSON_CreateString(it->alternatives[i]));
    if (it->alternative_to)
        cJSON_AddStringToObject(o, "alternative_to", it->alternative_to);
    else
        cJSON_AddNullToObject(o, "alternative_to");
    cJSON *f = cJSON_AddObjectToObject(o, "forms");
    jm_json_put(f, "posting", jm_json_forms(p));
    jm_json_put(f, "resume", jm_json_forms(it->resume));
    cJSON_AddNumberToObject(o, "line", p->line);
    cJSON_AddStringToObject(o, "quote", p->quote);
    return o;
}

/* The resume's keywords, for the market view: the same list on every line of a batch, so it
 * is written as JSON text (one node) rather than built of 4 nodes a keyword, each allocated
 * and freed again for every posting. */
static cJSON *resume_keywords(const jm_keywords *kw)
{
    struct jm_buf b = {0};
    jm_buf_putc(&b, '[');
    for (size_t i = 0; i < jm_keywords_count(kw); i++) {
        const jm_keyword *k = jm_keywords_get(kw, i);
        jm_buf_puts(&b, i ? ",{\"name\":" : "{\"name\":");
        jm_json_string(&b, k->name);
        jm_buf_puts(&b, ",\"category\":");
        jm_json_string(&b, k->category);
        jm_buf_puts(&b, ",\"kind\":");
        jm_json_string(&b, jm_kind_name(k->kind));
        jm_buf_putc(&b, '}');
    }
    jm_buf_putc(&b, ']');
    cJSON *raw = b.failed ? jm_json_failed() : cJSON_CreateRaw(b.data);
    jm_buf_free(&b);
    return raw;
}

cJSON *jm_json_match(const jm_result *r, const jm_bullets *bs)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", JM_SCHEMA_VERSION);
    cJSON_AddNumberToObject(root, "score", jm_result_score(r));
    cJSON_AddBoolToObject(root, "thin", jm_result_is_thin(r));
    cJSON_AddNumberToObject(root, "rank_score", jm_round2(jm_result_rank_score(r)));
    cJSON_AddNumberToObject(root, "total_weight", jm_round2(jm_result_total_weight(r)));
    cJSON_AddNumberToObject(root, "covered_weight", jm_round2(jm_result_covered_weight(r)));
    cJSON_AddNumberToObject(root, "shown_at_work", jm_round2(jm_result_shown_at_work(r)));
    jm_json_put(root, "posting", doc_object(jm_keywords_doc(jm_result_posting(r)), true));
    cJSON *resume = doc_object(jm_keywords_doc(jm_result_resume(r)), false);
    jm_json_put(resume, "keywords", resume_keywords(jm_result_resume(r)));
    jm_json_put(root, "resume", resume);
    size_t counts[JM_COVERAGES] = {0};
    cJSON *arr = cJSON_AddArrayToObject(root, "keywords");
    for (size_t i = 0; i < jm_result_count(r); i++) {
        const jm_match_item *it = jm_result_get(r, i);
        counts[it->coverage]++;
        jm_json_push(arr, match_item(it));
    }
    cJSON *s = cJSON_AddObjectToObject(root, "summary");
    cJSON_AddNumberToObject(s, "matched", counts[JM_COVERAGE_MATCHED]);
    cJSON_AddNumberToObject(s, "implied", counts[JM_COVERAGE_IMPLIED]);
    cJSON_AddNumberToObject(s, "missing", counts[JM_COVERAGE_MISSING]);
    cJSON_AddNumberToObject(s, "alternative", counts[JM_COVERAGE_ALTERNATIVE]);
    cJSON_AddNumberToObject(s, "ignored", counts[JM_COVERAGE_IGNORED]);
    if (bs != NULL)
        jm_json_match_bullets(root, bs, r);
    return root;
}

jm_status jm_report_match(const jm_result *r, const jm_report_options *opt, jm_write_fn write,
                          void *ctx, jm_error *err)
{
    opt = jm_report_defaults(opt);
    struct jm_buf b = {0};
    if (opt->format == JM_REPORT_FORMAT_JSON)
        jm_put_json(&b, jm_json_match(r, opt->bullets));
    else if (opt->format == JM_REPORT_FORMAT_HTML)
        jm_html_match(&b, r, opt);
    else
        text_match(&b, r, opt);
    return jm_emit(&b, write, ctx, err);
}
