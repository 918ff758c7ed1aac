/*
 * report_text.c - the human-readable reports: aligned tables, the posting
 * line behind each gap, and ANSI colour only when the caller asks for it.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

enum { NAME_MAX_WIDTH = 24, QUOTE_MAX = 96 };

static const struct jm_text_style plain = {"", "", "", "", "", ""};
static const struct jm_text_style ansi = {"\033[1m", "\033[32m", "\033[33m", "\033[31m",
                                          "\033[2m", "\033[0m"};

const struct jm_text_style *jm_text_style(bool color)
{
    return color ? &ansi : &plain;
}

static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void pad(struct jm_buf *b, const char *s, size_t w)
{
    jm_buf_puts(b, s);
    for (size_t k = width(s); k < w; k++)
        jm_buf_putc(b, ' ');
}

static size_t name_width(const jm_result *r)
{
    size_t w = 7;  /* "KEYWORD" */
    for (size_t i = 0; i < jm_result_count(r); i++) {
        size_t k = width(jm_result_get(r, i)->posting->name);
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

static void quote(struct jm_buf *b, const jm_keyword *k, const struct jm_text_style *st)
{
    jm_buf_printf(b, "      %s", st->dim);
    if (k->line > 0)
        jm_buf_printf(b, "line %ld: ", k->line);
    jm_buf_puts(b, "\"");
    jm_buf_put_clipped(b, k->quote, QUOTE_MAX);
    jm_buf_printf(b, "\"%s\n", st->reset);
}

static void item_row(struct jm_buf *b, const jm_match_item *it, size_t nw,
                     const struct jm_text_style *st)
{
    const char *color = it->coverage == JM_MATCHED   ? st->green
                        : it->coverage == JM_IMPLIED ? st->yellow
                                                     : st->red;
    jm_buf_printf(b, "  %s", color);
    pad(b, it->posting->name, nw);
    jm_buf_printf(b, "%s  %-14s %6u\xC3\x97 ", st->reset,
                  jm_importance_name(it->posting->importance), it->posting->count);
    if (it->resume)
        jm_buf_printf(b, "%6u\xC3\x97", it->resume->count);
    else
        jm_buf_puts(b, "      -");
    char points[32];
    snprintf(points, sizeof points, "%c%.1f", it->coverage == JM_MISSING ? '-' : '+',
             it->points);
    jm_buf_printf(b, " %8s", points);
    if (it->implied_by)
        jm_buf_printf(b, "  via %s", it->implied_by);
    jm_buf_putc(b, '\n');
    if (it->coverage == JM_MISSING)
        quote(b, it->posting, st);
}

static void section(struct jm_buf *b, const jm_result *r, jm_coverage c, const char *title,
                    size_t nw, const struct jm_text_style *st)
{
    bool any = false;
    for (size_t i = 0; i < jm_result_count(r); i++) {
        const jm_match_item *it = jm_result_get(r, i);
        if (it->posting->kind != JM_KIND_SKILL || it->coverage != c)
            continue;
        if (!any) {
            jm_buf_printf(b, "\n%s%s%s\n  %s", st->bold, title, st->reset, st->dim);
            pad(b, "KEYWORD", nw);
            jm_buf_printf(b, "  %-14s %7s %7s %8s%s\n", "IMPORTANCE", "POSTING", "RESUME",
                          "POINTS", st->reset);
            any = true;
        }
        item_row(b, it, nw, st);
    }
}

/* Soft skills and certifications: their own short list, after the skills. */
static void other_kinds(struct jm_buf *b, const jm_result *r, const struct jm_text_style *st)
{
    bool any = false;
    for (size_t i = 0; i < jm_result_count(r); i++) {
        const jm_match_item *it = jm_result_get(r, i);
        if (it->posting->kind == JM_KIND_SKILL)
            continue;
        if (!any)
            jm_buf_printf(b, "\n%sSoft skills and certifications (weighted less)%s\n", st->bold,
                          st->reset);
        any = true;
        jm_buf_printf(b, "  %s%-8s%s %s (%s, %s)\n",
                      it->coverage == JM_MISSING ? st->red : st->green,
                      jm_coverage_name(it->coverage), st->reset, it->posting->name,
                      jm_kind_name(it->posting->kind),
                      jm_importance_name(it->posting->importance));
    }
}

static void summary(struct jm_buf *b, const jm_result *r, const struct jm_text_style *st)
{
    size_t counts[3] = {0};
    for (size_t i = 0; i < jm_result_count(r); i++)
        counts[jm_result_get(r, i)->coverage]++;
    int score = jm_result_score(r);
    const char *color = score >= 70 ? st->green : score >= 40 ? st->yellow : st->red;
    jm_buf_printf(b, "\n%sScore %s%d/100%s", st->bold, color, score, st->reset);
    jm_buf_printf(b, "  covered weight %.1f of %.1f", jm_result_covered_weight(r),
                  jm_result_total_weight(r));
    jm_buf_printf(b, "; %zu keywords: %zu matched, %zu implied, %zu missing\n",
                  jm_result_count(r), counts[JM_MATCHED], counts[JM_IMPLIED],
                  counts[JM_MISSING]);
    if (jm_result_is_thin(r))
        jm_buf_printf(b, "%sThin posting: too few keywords to score fully; scored against "
                         "a floor weight of 6.0.%s\n", st->yellow, st->reset);
}

static void warnings(struct jm_buf *b, const jm_doc *doc, const struct jm_text_style *st)
{
    for (size_t i = 0; i < jm_doc_warning_count(doc); i++)
        jm_buf_printf(b, "%snote: %s: %s%s\n", st->dim, jm_doc_name(doc),
                      jm_doc_warning(doc, i), st->reset);
}

void jm_text_match(struct jm_buf *b, const jm_result *r, const jm_bullets *bs, bool color)
{
    const struct jm_text_style *st = jm_text_style(color);
    const jm_doc *posting = jm_keywords_doc(jm_result_posting(r));
    const jm_doc *resume = jm_keywords_doc(jm_result_resume(r));
    header(b, posting, st);
    jm_buf_printf(b, "%sposting %s\nresume  %s%s\n", st->dim, jm_doc_name(posting),
                  jm_doc_name(resume), st->reset);
    warnings(b, posting, st);
    warnings(b, resume, st);
    summary(b, r, st);
    size_t nw = name_width(r);
    section(b, r, JM_MATCHED, "Matched", nw, st);
    section(b, r, JM_IMPLIED, "Implied (half credit: the resume shows a term that implies it)",
            nw, st);
    section(b, r, JM_MISSING, "Missing (the gaps, most important first)", nw, st);
    other_kinds(b, r, st);
    if (jm_result_count(r) == 0)
        jm_buf_puts(b, "\nNo dictionary keyword found in the posting.\n");
    if (bs != NULL)
        jm_text_match_bullets(b, bs, r, st);
}

void jm_text_keywords(struct jm_buf *b, const jm_keywords *kw, bool color)
{
    const struct jm_text_style *st = jm_text_style(color);
    const jm_doc *doc = jm_keywords_doc(kw);
    bool posting = doc->role == JM_ROLE_POSTING;
    jm_buf_printf(b, "%s%s%s", st->bold, jm_doc_name(doc), st->reset);
    if (*jm_doc_title(doc))
        jm_buf_printf(b, ": %s", jm_doc_title(doc));
    if (*jm_doc_company(doc))
        jm_buf_printf(b, " \xC2\xB7 %s", jm_doc_company(doc));
    jm_buf_printf(b, "\n%zu keywords\n", jm_keywords_count(kw));
    warnings(b, doc, st);
    if (jm_keywords_count(kw) == 0)
        return;
    size_t nw = 7;
    for (size_t i = 0; i < jm_keywords_count(kw); i++) {
        size_t w = width(jm_keywords_get(kw, i)->name);
        nw = w > nw ? (w < NAME_MAX_WIDTH ? w : NAME_MAX_WIDTH) : nw;
    }
    jm_buf_printf(b, "\n  %s", st->dim);
    pad(b, "KEYWORD", nw);
    jm_buf_printf(b, "  %-18s %s%5s  FORMS%s\n", "CATEGORY", posting ? "IMPORTANCE      " : "",
                  "COUNT", st->reset);
    for (size_t i = 0; i < jm_keywords_count(kw); i++) {
        const jm_keyword *k = jm_keywords_get(kw, i);
        jm_buf_puts(b, "  ");
        pad(b, k->name, nw);
        jm_buf_printf(b, "  %-18s ", k->category);
        if (posting)
            jm_buf_printf(b, "%-16s", jm_importance_name(k->importance));
        jm_buf_printf(b, "%5u  ", k->count);
        for (size_t f = 0; f < k->nforms; f++)
            jm_buf_printf(b, "%s%s", f ? ", " : "", k->forms[f]);
        jm_buf_putc(b, '\n');
    }
}
