/*
 * report/match_html.c - the match report as one HTML page (--format html): the score and
 * what it rests on, the gaps ranked and linked to their posting lines, the knock-out lines
 * with their verdicts, then the posting and the resume side by side: the posting's keywords
 * marked in place by coverage (colour, edge and icon, the points on hover and focus), the
 * resume's bullets by phrasing, with their hints. Markup rule: see html.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "doc.h"
#include "dict.h"
#include "analysis.h"
#include "report/report.h"

enum { QUOTE_MAX = 240 }; /* bytes of a gap's posting line shown */

/* A keyword occurrence to mark: text[start, end) of its block, and its class. */
struct mark {
    size_t start, end;
    const jm_match_item *item; /* what the posting keyword is worth; NULL: not counted */
    const char *name;          /* the keyword's canonical name */
    const char *cls;           /* "matched", "implied", "missing", "alternative", "other" */
};

struct page {
    struct jm_buf *b;
    const jm_result *r;
    const jm_bullets *bullets; /* NULL: none judged */
    const jm_tailoring *t;     /* NULL: no knock-out verdicts */
    const uint32_t *implier;   /* the resume terms that imply a posting keyword */
    size_t nimplier;
    struct mark *marks; /* scratch for one block */
    size_t cap;
};

static const char *coverage_class(const jm_match_item *it)
{
    return it ? jm_coverage_name(it->coverage) : "other";
}

/* "+10.5" or "−7.0": what a keyword earns or costs. */
static void put_points(struct jm_buf *b, const jm_match_item *it)
{
    if (it->coverage == JM_COVERAGE_ALTERNATIVE)
        jm_buf_puts(b, "no points of its own");
    else if (it->coverage == JM_COVERAGE_IGNORED)
        jm_buf_puts(b, "no points: your settings ignore it");
    else
        jm_buf_printf(b, "%s%.1f points",
                      it->coverage == JM_COVERAGE_MISSING ? "\xE2\x88\x92" : "+", it->points);
}

/* The tip of a posting keyword: its name, importance, coverage, points and choices. */
static void posting_tip(struct jm_buf *b, const struct mark *m)
{
    jm_html_puts(b, m->name);
    const jm_match_item *it = m->item;
    if (it == NULL) {
        jm_buf_puts(b, ": named where the posting asks for nothing (about us, benefits): "
                       "not counted");
        return;
    }
    jm_buf_printf(b, ": %s, %s, ", jm_importance_name(it->posting->importance),
                  jm_coverage_name(it->coverage));
    put_points(b, it);
    if (it->implied_by) {
        jm_buf_puts(b, "; implied by ");
        jm_html_puts(b, it->implied_by);
    }
    if (it->evidence == JM_EVIDENCE_DECLARED)
        jm_buf_puts(b, "; declared in your settings, not shown in the resume");
    if (it->nalternatives > 0) {
        char choices[512];
        jm_item_choices(it, choices, sizeof choices);
        jm_buf_puts(b, "; one requirement: ");
        jm_html_puts(b, choices);
    }
}

static void resume_tip(struct jm_buf *b, const struct mark *m)
{
    jm_html_puts(b, m->name);
    jm_buf_puts(b, strcmp(m->cls, "matched") == 0 ? ": the posting asks for it"
                                                  : ": implies a keyword the posting asks for");
}

/* text[from, to) with the marks that lie inside it, from marks[*k] on. */
static void put_marked(const struct page *pg, const char *text, size_t from, size_t to,
                       bool posting, size_t *k, size_t n)
{
    struct jm_buf *b = pg->b;
    for (; *k < n && pg->marks[*k].start < to; ++*k) {
        const struct mark *m = &pg->marks[*k];
        if (m->start < from || m->end > to) /* overlaps one already marked, or a bullet edge */
            continue;
        jm_html_put(b, text + from, m->start - from);
        jm_buf_printf(b, "<mark class=\"kw %s\" tabindex=\"0\">", m->cls);
        jm_html_put(b, text + m->start, m->end - m->start);
        jm_buf_puts(b, "<span class=\"tip\">");
        if (posting)
            posting_tip(b, m);
        else
            resume_tip(b, m);
        jm_buf_puts(b, "</span></mark>");
        from = m->end;
    }
    jm_html_put(b, text + from, to - from);
}

static int by_start(const void *pa, const void *pb)
{
    const struct mark *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end > b->end ? -1 : a->end < b->end; /* the longer first */
}

static bool implies(const struct page *pg, uint32_t term)
{
    for (size_t i = 0; i < pg->nimplier; i++)
        if (pg->implier[i] == term)
            return true;
    return false;
}

/* The marks of block `i` of the posting (or of the resume), sorted; their count. */
static size_t collect_marks(struct page *pg, const jm_keywords *kw, size_t i, bool posting)
{
    const struct jm_occurrence *occ;
    jm_keywords_occurrences(kw, &occ);
    const uint32_t *idx;
    size_t n = jm_keywords_block_occurrences(kw, (uint32_t)i, &idx), k = 0;
    if (n > pg->cap) {
        struct mark *p = realloc(pg->marks, n * sizeof *p);
        if (p == NULL) {
            pg->b->failed = true;
            return 0;
        }
        pg->marks = p, pg->cap = n;
    }
    for (size_t j = 0; j < n; j++) {
        const struct jm_occurrence *o = &occ[idx[j]];
        const jm_match_item *it = jm_result_item_of(pg->r, o->term);
        const char *cls = coverage_class(it);
        if (!posting) /* the resume: only what the posting asks for */
            cls = it && it->coverage == JM_COVERAGE_MATCHED ? "matched"
                  : implies(pg, o->term)                    ? "implied"
                                                            : NULL;
        if (cls != NULL)
            pg->marks[k++] =
                (struct mark){o->start, o->end, it, jm_keywords_by_term(kw, o->term)->name, cls};
    }
    if (k > 1) /* qsort wants an array, and a block may have no mark yet no array made */
        qsort(pg->marks, k, sizeof *pg->marks, by_start);
    return k;
}

/* ---- the two documents ---------------------------------------------------------- */

/* The knock-out verdict of suggestion `s` in words: "meets", "short by 2 years", … */
static void verdict_words(struct jm_buf *b, const jm_suggestion *s)
{
    switch (s->verdict) {
    case JM_VERDICT_MEETS:
        jm_buf_puts(b, "meets");
        break;
    case JM_VERDICT_SHORT:
        if (s->years_required > s->years_shown && s->years_shown >= 0)
            jm_buf_printf(b, "short by %d year%s", s->years_required - s->years_shown,
                          s->years_required - s->years_shown == 1 ? "" : "s");
        else
            jm_buf_puts(b, "short");
        break;
    case JM_VERDICT_NOT_STATED:
        jm_buf_puts(b, "not stated in the resume");
        break;
    default:
        jm_buf_puts(b, "yours to check");
    }
}

static void knockout_badge(struct jm_buf *b, const jm_suggestion *s)
{
    jm_buf_printf(b, " <span class=\"ko ko-%s\">knock-out%s, %s: ", jm_verdict_name(s->verdict),
                  s->preferred ? " (preferred)" : "", s->label);
    verdict_words(b, s);
    jm_buf_puts(b, "</span>");
}

/* The knock-out suggestions on posting line `line`, from *k on (they come in the posting's
 * order). */
static void knockouts_at(const struct page *pg, long line, size_t *k)
{
    size_t n = pg->t ? jm_tailoring_count(pg->t) : 0;
    for (; *k < n; ++*k) {
        const jm_suggestion *s = jm_tailoring_get(pg->t, *k);
        if (s->kind != JM_SUGGESTION_KIND_REQUIREMENT || s->posting_line > line)
            return;
        if (s->posting_line == line)
            knockout_badge(pg->b, s);
    }
}

static const char *block_tag(const struct jm_block *blk)
{
    return blk->kind == JM_BLOCK_ITEM                        ? "li"
           : blk->kind == JM_BLOCK_PARAGRAPH                 ? "p"
           : blk->kind == JM_BLOCK_HEADING && blk->level > 2 ? "h4"
                                                             : "h3";
}

/* Opens block `blk`'s element: a list when items start, its anchor, its line number. */
static void open_block(struct jm_buf *b, const struct jm_block *blk, bool *in_list, long *anchored,
                       char side)
{
    bool item = blk->kind == JM_BLOCK_ITEM;
    if (item != *in_list)
        jm_buf_puts(b, item ? "<ul>\n" : "</ul>\n");
    *in_list = item;
    jm_buf_printf(b, "<%s", block_tag(blk));
    if (blk->line > *anchored) {
        jm_buf_printf(b, " id=\"%c-L%ld\"", side, blk->line);
        *anchored = blk->line;
    }
    jm_buf_puts(b, ">");
    if (blk->line > 0)
        jm_buf_printf(b, "<span class=\"ln\" aria-hidden=\"true\">%ld</span>", blk->line);
}

static void posting_text(struct page *pg)
{
    const jm_keywords *kp = jm_result_posting(pg->r);
    const struct jm_doc *doc = jm_keywords_doc(kp);
    bool in_list = false;
    long anchored = 0;
    size_t ko = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const struct jm_block *blk = &doc->blocks[i];
        open_block(pg->b, blk, &in_list, &anchored, 'p');
        size_t k = 0, n = collect_marks(pg, kp, i, true);
        put_marked(pg, blk->text, 0, blk->len, true, &k, n);
        if (i + 1 == doc->nblocks || doc->blocks[i + 1].line != blk->line)
            knockouts_at(pg, blk->line, &ko);
        jm_buf_printf(pg->b, "</%s>\n", block_tag(blk));
    }
    if (in_list)
        jm_buf_puts(pg->b, "</ul>\n");
}

/* One bullet in place: its phrasing, its text with marks, its hint. */
static void put_bullet(struct page *pg, const jm_bullet *bu, const char *text, size_t start,
                       size_t end, size_t *k, size_t n)
{
    const char *ph = jm_phrasing_name(bu->phrasing);
    jm_buf_printf(pg->b, "<span class=\"bullet %s\"><span class=\"ph %s\">%s</span>", ph, ph, ph);
    put_marked(pg, text, start, end, false, k, n);
    if (*bu->hint) {
        jm_buf_puts(pg->b, "<span class=\"hint\">");
        jm_html_puts(pg->b, bu->hint);
        jm_buf_puts(pg->b, "</span>");
    }
    jm_buf_puts(pg->b, "</span>");
}

/* Block `i` of the resume with the bullets found in it, from bullet *next on: the bullets
 * come in document order, each on its block's line. */
static void resume_block(struct page *pg, size_t i, size_t *next)
{
    const jm_keywords *kr = jm_result_resume(pg->r);
    const struct jm_block *blk = &jm_keywords_doc(kr)->blocks[i];
    size_t k = 0, n = collect_marks(pg, kr, i, false), at = 0;
    size_t nb = pg->bullets ? jm_bullets_count(pg->bullets) : 0;
    for (; *next < nb; ++*next) {
        const jm_bullet *bu = jm_bullets_get(pg->bullets, *next);
        if (bu->line > blk->line)
            break;
        size_t len = strlen(bu->text);
        const char *hit =
            bu->line == blk->line ? memmem(blk->text + at, blk->len - at, bu->text, len) : NULL;
        if (hit == NULL) {
            if (bu->line == blk->line)
                break; /* a later block of the same line holds it */
            continue;  /* not in the text as written: left unmarked */
        }
        size_t start = (size_t)(hit - blk->text);
        put_marked(pg, blk->text, at, start, false, &k, n);
        put_bullet(pg, bu, blk->text, start, start + len, &k, n);
        at = start + len;
    }
    put_marked(pg, blk->text, at, blk->len, false, &k, n);
}

static void resume_text(struct page *pg)
{
    const struct jm_doc *doc = jm_keywords_doc(jm_result_resume(pg->r));
    bool in_list = false;
    long anchored = 0;
    size_t next = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        open_block(pg->b, &doc->blocks[i], &in_list, &anchored, 'r');
        resume_block(pg, i, &next);
        jm_buf_printf(pg->b, "</%s>\n", block_tag(&doc->blocks[i]));
    }
    if (in_list)
        jm_buf_puts(pg->b, "</ul>\n");
}

/* ---- the summary ---------------------------------------------------------------- */

void jm_html_header(struct jm_buf *b, const jm_result *r, const char *lead)
{
    const jm_doc *posting = jm_keywords_doc(jm_result_posting(r));
    const jm_doc *resume = jm_keywords_doc(jm_result_resume(r));
    jm_buf_puts(b, "<header>\n<h1>");
    jm_buf_puts(b, lead ? lead : "");
    jm_html_puts(b, *jm_doc_title(posting) ? jm_doc_title(posting) : "(untitled posting)");
    jm_buf_puts(b, "</h1>\n");
    if (*jm_doc_company(posting) || *jm_doc_location(posting)) {
        jm_buf_puts(b, "<p class=\"sub\">");
        jm_html_puts(b, jm_doc_company(posting));
        jm_buf_puts(b, *jm_doc_company(posting) && *jm_doc_location(posting) ? " \xC2\xB7 " : "");
        jm_html_puts(b, jm_doc_location(posting));
        jm_buf_puts(b, "</p>\n");
    }
    jm_buf_puts(b, "<p class=\"files\">resume <code>");
    jm_html_puts(b, jm_doc_name(resume));
    jm_buf_puts(b, "</code> against posting <code>");
    jm_html_puts(b, jm_doc_name(posting));
    jm_buf_puts(b, "</code></p>\n");
    for (size_t d = 0; d < 2; d++) {
        const jm_doc *doc = d ? resume : posting;
        for (size_t i = 0; i < jm_doc_warning_count(doc); i++) {
            jm_buf_puts(b, "<p class=\"note\">note: ");
            jm_html_puts(b, jm_doc_warning(doc, i));
            jm_buf_puts(b, "</p>\n");
        }
    }
    jm_buf_puts(b, "</header>\n");
}

/* Points earned and lost by importance: what the score rests on. */
static void weight_table(struct jm_buf *b, const jm_result *r)
{
    double got[JM_IMPORTANCE_COUNT][3] = {{0}};
    size_t n[JM_IMPORTANCE_COUNT][3] = {{0}};
    for (size_t i = 0; i < jm_result_count(r); i++) {
        const jm_match_item *it = jm_result_get(r, i);
        if (it->coverage > JM_COVERAGE_MISSING) /* alternatives, ignored: no points */
            continue;
        got[it->posting->importance][it->coverage] += it->points;
        n[it->posting->importance][it->coverage]++;
    }
    jm_buf_puts(b, "<div class=\"wide\"><table>\n<caption>Keywords and points by how much the "
                   "posting cares</caption>\n<thead><tr><th scope=\"col\">Importance</th>"
                   "<th scope=\"col\" class=\"n\">Matched</th><th scope=\"col\" class=\"n\">"
                   "Implied</th><th scope=\"col\" class=\"n\">Missing</th></tr></thead>\n"
                   "<tbody>\n");
    for (int imp = JM_IMPORTANCE_TITLE; imp > JM_IMPORTANCE_BOILERPLATE; imp--) {
        if (n[imp][0] + n[imp][1] + n[imp][2] == 0)
            continue;
        jm_buf_printf(b, "<tr><th scope=\"row\">%s</th>", jm_importance_name(imp));
        for (int c = JM_COVERAGE_MATCHED; c <= JM_COVERAGE_MISSING; c++)
            if (n[imp][c] == 0)
                jm_buf_puts(b, "<td class=\"n\">\xE2\x80\x93</td>");
            else
                jm_buf_printf(b, "<td class=\"n\">%zu \xC2\xB7 %s%.1f</td>", n[imp][c],
                              c == JM_COVERAGE_MISSING ? "\xE2\x88\x92" : "+", got[imp][c]);
        jm_buf_puts(b, "</tr>\n");
    }
    jm_buf_puts(b, "</tbody>\n</table></div>\n");
}

static void score_section(struct jm_buf *b, const jm_result *r)
{
    size_t counts[JM_COVERAGES];
    jm_count_coverage(r, counts);
    int score = jm_result_score(r);
    jm_buf_printf(b,
                  "<section class=\"score\" aria-labelledby=\"score-h\">\n"
                  "<h2 id=\"score-h\" class=\"skip\">Score</h2>\n"
                  "<p class=\"big\"><span id=\"score\">%d</span><small>/100</small></p>\n"
                  "<meter min=\"0\" max=\"100\" low=\"40\" high=\"70\" optimum=\"100\" "
                  "value=\"%d\" aria-label=\"score\">%d/100</meter>\n",
                  score, score, score);
    jm_buf_printf(b,
                  "<div><p>credited weight %.1f of %.1f; %zu keywords: %zu matched, %zu implied, "
                  "%zu missing, %zu alternative",
                  jm_result_covered_weight(r), jm_result_total_weight(r), jm_result_count(r),
                  counts[JM_COVERAGE_MATCHED], counts[JM_COVERAGE_IMPLIED],
                  counts[JM_COVERAGE_MISSING], counts[JM_COVERAGE_ALTERNATIVE]);
    if (counts[JM_COVERAGE_IGNORED] > 0)
        jm_buf_printf(b, ", %zu ignored (your settings)", counts[JM_COVERAGE_IGNORED]);
    jm_buf_puts(b, "</p>\n");
    if (score > 0)
        jm_buf_printf(b,
                      "<p>%.0f%% of the points come from keywords shown at work (in the "
                      "bullets of roles and projects); a keyword only listed earns half.</p>\n",
                      jm_result_shown_at_work(r));
    if (jm_result_is_thin(r))
        jm_buf_puts(b, "<p class=\"thin\">Thin posting: too few keywords to score fully; "
                       "scored against a floor weight of 6.0.</p>\n");
    jm_buf_puts(b, "</div>\n");
    weight_table(b, r);
    jm_buf_puts(b, "</section>\n");
}

void jm_html_gaps(struct jm_buf *b, const jm_result *r, size_t top, bool link, size_t quote_max)
{
    const char *unit = jm_doc_unit(jm_keywords_doc(jm_result_posting(r)));
    size_t shown = 0, left = 0;
    for (size_t i = 0; i < jm_result_count(r); i++) {
        const jm_match_item *it = jm_result_get(r, i);
        if (it->coverage != JM_COVERAGE_MISSING)
            continue;
        if (top > 0 && shown == top) {
            left++;
            continue;
        }
        jm_buf_puts(b, shown++ ? "<li>" : "<ol class=\"gaps\">\n<li>");
        bool linked = link && it->posting->line > 0;
        if (linked)
            jm_buf_printf(b, "<a href=\"#p-L%ld\">", it->posting->line);
        jm_html_puts(b, it->posting->name);
        jm_buf_puts(b, linked ? "</a>" : "");
        jm_buf_printf(b, " <span class=\"imp\">%s, ", jm_importance_name(it->posting->importance));
        put_points(b, it);
        jm_buf_puts(b, "</span>");
        if (it->posting->line > 0)
            jm_buf_printf(b, "<br/><span class=\"imp\">%s %ld:</span> ", unit, it->posting->line);
        size_t n = strlen(it->posting->quote), cut = jm_utf8_cut(it->posting->quote, n, quote_max);
        jm_buf_puts(b, " <q>");
        jm_html_put(b, it->posting->quote, cut);
        jm_buf_puts(b, cut < n ? "\xE2\x80\xA6</q></li>\n" : "</q></li>\n");
    }
    jm_buf_puts(b, shown ? "</ol>\n" : "<p>None: the resume covers every keyword.</p>\n");
    if (left > 0)
        jm_buf_printf(b, "<p class=\"note\">\xE2\x80\xA6 and %zu more.</p>\n", left);
}

static void legend(struct jm_buf *b)
{
    jm_buf_puts(b, "<ul class=\"legend\" aria-label=\"legend\">"
                   "<li><mark class=\"kw matched\">matched</mark></li>"
                   "<li><mark class=\"kw implied\">implied</mark></li>"
                   "<li><mark class=\"kw missing\">missing</mark></li>"
                   "<li><mark class=\"kw alternative\">alternative</mark></li>"
                   "<li><mark class=\"kw other\">not counted</mark></li></ul>\n");
}

/* The resume terms that imply a posting keyword ("via Terraform"). */
static uint32_t *impliers(const jm_result *r, size_t *n)
{
    const jm_dict *d = jm_keywords_dict(jm_result_posting(r));
    uint32_t *v = malloc((jm_result_count(r) + 1) * sizeof *v);
    *n = 0;
    for (size_t i = 0; v && i < jm_result_count(r); i++) {
        const jm_match_item *it = jm_result_get(r, i);
        if (it->implied_by)
            v[(*n)++] = jm_dict_find(d, it->implied_by);
    }
    return v;
}

void jm_html_documents(struct jm_buf *b, const jm_result *r, const jm_bullets *bullets,
                       const jm_tailoring *t)
{
    struct page pg = {.b = b, .r = r, .bullets = bullets, .t = t};
    uint32_t *imp = impliers(r, &pg.nimplier);
    if (imp == NULL)
        b->failed = true;
    pg.implier = imp;
    jm_buf_puts(b, "<div class=\"docs\">\n<section class=\"doc\" aria-labelledby=\"posting-h\">"
                   "\n<h2 id=\"posting-h\">The posting</h2>\n");
    legend(b);
    posting_text(&pg);
    jm_buf_puts(b, "</section>\n<section class=\"doc\" aria-labelledby=\"resume-h\">\n"
                   "<h2 id=\"resume-h\">The resume</h2>\n");
    resume_text(&pg);
    jm_buf_puts(b, "</section>\n</div>\n");
    free(pg.marks);
    free(imp);
}

void jm_html_match(struct jm_buf *b, const jm_result *r, const jm_report_options *opt)
{
    const jm_doc *posting = jm_keywords_doc(jm_result_posting(r));
    char title[512];
    snprintf(title, sizeof title, "%d/100 \xC2\xB7 %s \xE2\x80\x94 jobmatch", jm_result_score(r),
             *jm_doc_title(posting) ? jm_doc_title(posting) : jm_doc_name(posting));
    jm_html_begin(b, title, false);
    jm_html_header(b, r, NULL);
    jm_buf_puts(b, "<main id=\"main\">\n");
    score_section(b, r);
    jm_buf_puts(b, "<section aria-labelledby=\"gaps-h\">\n<h2 id=\"gaps-h\">Gaps, most "
                   "important first</h2>\n");
    jm_html_gaps(b, r, opt->top, true, QUOTE_MAX);
    jm_buf_puts(b, "</section>\n");
    jm_html_documents(b, r, opt->bullets, opt->tailoring);
    jm_buf_puts(b, "</main>\n");
    jm_html_end(b, false);
}
