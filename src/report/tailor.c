/*
 * report/tailor.c - the tailoring suggestions, grouped by kind, as text,
 * Markdown, JSON or HTML (over the two documents, each suggestion linked to its
 * lines); and how a posting's score and gaps moved between two versions of a
 * resume (tailor --before).
 */
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "base.h"
#include "doc.h"
#include "dict.h"
#include "analysis.h"
#include "report/report.h"

static const char *const headings[] = {"Knock-out requirements",
                                       "Title",
                                       "Use the posting's spelling",
                                       "Make implied skills explicit",
                                       "Gaps",
                                       "Claimed but not demonstrated",
                                       "Rewrite first"};

/* "(resume line 12, posting line 40)"; "paragraph" for a document that has no lines. */
static void lines(struct jm_buf *b, const jm_suggestion *s, const jm_tailoring *t, bool md)
{
    const char *r = jm_doc_unit(jm_keywords_doc(jm_result_resume(t->res)));
    const char *p = jm_doc_unit(jm_keywords_doc(jm_result_posting(t->res)));
    if (s->resume_line <= 0 && s->posting_line <= 0)
        return;
    jm_buf_puts(b, md ? " *(" : " (");
    if (s->resume_line > 0)
        jm_buf_printf(b, "resume %s %ld", r, s->resume_line);
    if (s->posting_line > 0)
        jm_buf_printf(b, "%sposting %s %ld", s->resume_line > 0 ? ", " : "", p, s->posting_line);
    jm_buf_puts(b, md ? ")*" : ")");
}

/* "A, B and C": the keywords of a suggestion that gives the same advice for several. */
static void keyword_list(struct jm_buf *b, const jm_suggestion *s)
{
    for (size_t i = 0; i < s->nkeywords; i++)
        jm_buf_printf(b, "%s%s",
                      i == 0                  ? ""
                      : i + 1 == s->nkeywords ? " and "
                                              : ", ",
                      s->keywords[i]);
}

/* Heavier first; equals in their order. */
static int by_gain(const void *pa, const void *pb)
{
    const jm_suggestion *a = *(const jm_suggestion *const *)pa,
                        *b = *(const jm_suggestion *const *)pb;
    if (a->weight != b->weight)
        return a->weight < b->weight ? 1 : -1;
    return (a > b) - (a < b);
}

/*
 * Which suggestions to show with `top` set: the knock-out requirements, and the `top` others
 * that would gain the most; all when top is 0. Writes keep[0, n); false when out of memory.
 */
static bool pick_top(const jm_tailoring *t, size_t top, bool *keep)
{
    const jm_suggestion **others = malloc((t->n ? t->n : 1) * sizeof *others);
    if (others == NULL)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++) {
        keep[i] = top == 0 || t->v[i].kind == JM_SUGGESTION_KIND_REQUIREMENT;
        if (!keep[i])
            others[n++] = &t->v[i];
    }
    qsort(others, n, sizeof *others, by_gain);
    for (size_t i = 0; i < top && i < n; i++)
        keep[others[i] - t->v] = true;
    free(others);
    return true;
}

static void text_tailoring(struct jm_buf *b, const jm_tailoring *t, bool md, const bool *keep,
                           const struct jm_text_style *st)
{
    const jm_doc *posting = jm_keywords_doc(jm_result_posting(t->res));
    const char *title = *jm_doc_title(posting) ? jm_doc_title(posting) : "(untitled posting)";
    if (md)
        jm_buf_printf(b, "# Tailoring for %s", title);
    else
        jm_buf_printf(b, "%sTailoring for %s%s", st->bold, title, st->reset);
    if (*jm_doc_company(posting))
        jm_buf_printf(b, " \xC2\xB7 %s", jm_doc_company(posting));
    size_t shown = 0, hidden = 0;
    for (size_t i = 0; i < t->n; i++) {
        shown += keep[i] && t->v[i].kind != JM_SUGGESTION_KIND_REQUIREMENT;
        hidden += !keep[i];
    }
    jm_buf_printf(b, "\n%sscore %d/100, %zu suggestions", md ? "\n" : "", jm_result_score(t->res),
                  t->n);
    if (hidden > 0)
        jm_buf_printf(
            b, "; the knock-out requirements and the %zu that would gain the most (--top)", shown);
    jm_buf_putc(b, '\n');
    int kind = -1, k = 0;
    for (size_t i = 0; i < t->n; i++) {
        const jm_suggestion *s = &t->v[i];
        if (!keep[i])
            continue;
        if ((int)s->kind != kind) {
            kind = (int)s->kind;
            jm_buf_printf(b, md ? "\n## %s\n\n" : "\n%s%s%s\n", md ? headings[kind] : st->bold,
                          md ? "" : headings[kind], md ? "" : st->reset);
        }
        jm_buf_printf(b, md ? "- " : "  %2d. ", ++k);
        if (s->nkeywords > 1) {
            jm_buf_puts(b, md ? "**" : "");
            keyword_list(b, s);
            jm_buf_puts(b, md ? "**: " : ": ");
        } else if (s->keyword) {
            jm_buf_printf(b, md ? "**%s**: " : "%s: ", s->keyword);
        }
        jm_buf_puts(b, s->message);
        lines(b, s, t, md);
        jm_buf_putc(b, '\n');
    }
    if (t->nproofs > 0)
        jm_buf_printf(b,
                      md ? "\n## Evidence per matched keyword\n\n"
                         : "\n%sEvidence per "
                           "matched keyword%s\n",
                      md ? "" : st->bold, md ? "" : st->reset);
    for (size_t i = 0; i < t->nproofs; i++) {
        const struct jm_proof *p = &t->proofs[i];
        jm_buf_printf(b, md ? "- %s: %s" : "  %-24s %s", p->keyword,
                      jm_evidence_phrase(p->strength));
        if (p->line > 0)
            jm_buf_printf(b, " (%s %ld)", jm_doc_unit(jm_keywords_doc(jm_result_resume(t->res))),
                          p->line);
        jm_buf_putc(b, '\n');
    }
}

/* ---- HTML: the suggestions, each linked to its lines, over the two documents ---- */

static void html_lines(struct jm_buf *b, const jm_suggestion *s)
{
    if (s->resume_line > 0)
        jm_buf_printf(b, " <a href=\"#r-L%ld\">resume line %ld</a>", s->resume_line,
                      s->resume_line);
    if (s->posting_line > 0)
        jm_buf_printf(b, " <a href=\"#p-L%ld\">posting line %ld</a>", s->posting_line,
                      s->posting_line);
}

static void html_suggestion(struct jm_buf *b, const jm_suggestion *s)
{
    jm_buf_puts(b, "<li>");
    if (s->nkeywords > 1 || s->keyword) {
        jm_buf_puts(b, "<strong>");
        for (size_t i = 0; i < s->nkeywords; i++) {
            jm_buf_puts(b, i == 0 ? "" : i + 1 == s->nkeywords ? " and " : ", ");
            jm_html_puts(b, s->keywords[i]);
        }
        if (s->nkeywords <= 1)
            jm_html_puts(b, s->keyword);
        jm_buf_puts(b, "</strong>: ");
    }
    jm_html_puts(b, s->message);
    html_lines(b, s);
    jm_buf_puts(b, "</li>\n");
}

static void html_tailoring(struct jm_buf *b, const jm_tailoring *t, const bool *keep,
                           const jm_bullets *bullets)
{
    const jm_doc *posting = jm_keywords_doc(jm_result_posting(t->res));
    char title[512];
    snprintf(title, sizeof title, "Tailoring for %s \xE2\x80\x94 jobmatch",
             *jm_doc_title(posting) ? jm_doc_title(posting) : jm_doc_name(posting));
    jm_html_begin(b, title, false);
    jm_html_header(b, t->res, "Tailoring for ");
    jm_buf_printf(b,
                  "<main id=\"main\">\n<p>score <span id=\"score\">%d</span>/100, %zu "
                  "suggestions</p>\n",
                  jm_result_score(t->res), t->n);
    int kind = -1;
    for (size_t i = 0; i < t->n; i++) {
        const jm_suggestion *s = &t->v[i];
        if (!keep[i])
            continue;
        if ((int)s->kind != kind) {
            jm_buf_printf(b, "%s<section aria-labelledby=\"s%d\">\n<h2 id=\"s%d\">%s</h2>\n<ol>\n",
                          kind < 0 ? "" : "</ol>\n</section>\n", (int)s->kind, (int)s->kind,
                          headings[s->kind]);
            kind = (int)s->kind;
        }
        html_suggestion(b, s);
    }
    if (kind >= 0)
        jm_buf_puts(b, "</ol>\n</section>\n");
    jm_html_documents(b, t->res, bullets, t);
    jm_buf_puts(b, "</main>\n");
    jm_html_end(b, false);
}

static void number_or_null(cJSON *o, const char *name, int n)
{
    if (n < 0)
        cJSON_AddNullToObject(o, name);
    else
        cJSON_AddNumberToObject(o, name, n);
}

/* A knock-out requirement's fields, after the ones every suggestion has. */
static void json_requirement(cJSON *o, const jm_suggestion *s)
{
    cJSON_AddStringToObject(o, "label", s->label ? s->label : "");
    if (s->verdict == JM_VERDICT_NONE)
        cJSON_AddNullToObject(o, "verdict");
    else
        cJSON_AddStringToObject(o, "verdict", jm_verdict_name(s->verdict));
    number_or_null(o, "years_required", s->years_required);
    number_or_null(o, "years_shown", s->years_shown);
    cJSON_AddBoolToObject(o, "preferred", s->preferred);
}

static cJSON *json_tailoring(const jm_tailoring *t, const bool *keep)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", JM_SCHEMA_VERSION);
    cJSON_AddStringToObject(root, "posting",
                            jm_doc_name(jm_keywords_doc(jm_result_posting(t->res))));
    cJSON_AddStringToObject(root, "resume", jm_doc_name(jm_keywords_doc(jm_result_resume(t->res))));
    cJSON_AddNumberToObject(root, "score", jm_result_score(t->res));
    cJSON *arr = cJSON_AddArrayToObject(root, "suggestions");
    for (size_t i = 0; i < t->n; i++) {
        const jm_suggestion *s = &t->v[i];
        if (!keep[i])
            continue;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", jm_suggestion_kind_name(s->kind));
        if (s->keyword)
            cJSON_AddStringToObject(o, "keyword", s->keyword);
        else
            cJSON_AddNullToObject(o, "keyword");
        cJSON *kws = cJSON_AddArrayToObject(o, "keywords");
        for (size_t k = 0; k < s->nkeywords; k++)
            jm_json_push(kws, cJSON_CreateString(s->keywords[k]));
        if (s->nkeywords == 0 && s->keyword)
            jm_json_push(kws, cJSON_CreateString(s->keyword));
        cJSON_AddNumberToObject(o, "weight", (double)(long)(s->weight * 100 + 0.5) / 100);
        cJSON_AddStringToObject(o, "message", s->message);
        cJSON_AddNumberToObject(o, "resume_line", (double)s->resume_line);
        cJSON_AddNumberToObject(o, "posting_line", (double)s->posting_line);
        if (s->kind == JM_SUGGESTION_KIND_REQUIREMENT)
            json_requirement(o, s);
        jm_json_push(arr, o);
    }
    cJSON *ev = cJSON_AddArrayToObject(root, "evidence");
    for (size_t i = 0; i < t->nproofs; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "keyword", t->proofs[i].keyword);
        cJSON_AddStringToObject(o, "strength", jm_evidence_phrase(t->proofs[i].strength));
        cJSON_AddNumberToObject(o, "line", (double)t->proofs[i].line);
        jm_json_push(ev, o);
    }
    return root;
}

jm_status jm_report_tailoring(const jm_tailoring *t, const jm_report_options *opt,
                              jm_write_fn write, void *ctx, jm_error *err)
{
    opt = jm_report_defaults(opt);
    struct jm_buf b = {0};
    bool *keep = malloc((t->n ? t->n : 1) * sizeof *keep);
    if (keep == NULL || !pick_top(t, opt->top, keep)) {
        free(keep);
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    }
    if (opt->format == JM_REPORT_FORMAT_JSON)
        jm_put_json(&b, json_tailoring(t, keep));
    else if (opt->format == JM_REPORT_FORMAT_HTML)
        html_tailoring(&b, t, keep, opt->bullets);
    else
        text_tailoring(&b, t, opt->format == JM_REPORT_FORMAT_MARKDOWN, keep,
                       jm_text_style(opt->color));
    free(keep);
    return jm_emit(&b, write, ctx, err);
}

/* ---- two versions of a resume against one posting ------------------------ */

/* The keywords missing in `from` that `to` covers: into `arr` (JSON), else listed in `b`. */
static void gaps_moved(struct jm_buf *b, const jm_result *from, const jm_result *to, cJSON *arr)
{
    size_t k = 0;
    for (size_t i = 0; i < jm_result_count(from); i++) {
        const jm_match_item *a = jm_result_get(from, i);
        if (a->coverage != JM_COVERAGE_MISSING)
            continue;
        const jm_dict *d = jm_keywords_dict(jm_result_posting(to));
        const jm_match_item *c = jm_result_item_of(to, jm_dict_find(d, a->posting->name));
        if (c != NULL && c->coverage == JM_COVERAGE_MISSING)
            continue;
        if (arr != NULL)
            jm_json_push(arr, cJSON_CreateString(a->posting->name));
        else
            jm_buf_printf(b, "%s%s", k ? ", " : "", a->posting->name);
        k++;
    }
    if (arr == NULL && k == 0)
        jm_buf_puts(b, "none");
}

jm_status jm_report_change(const jm_result *before, const jm_result *after,
                           const jm_report_options *opt, jm_write_fn write, void *ctx,
                           jm_error *err)
{
    opt = jm_report_defaults(opt);
    if (opt->format == JM_REPORT_FORMAT_HTML)
        return jm_no_html(err);
    const jm_doc *posting = jm_keywords_doc(jm_result_posting(after));
    int s0 = jm_result_score(before), s1 = jm_result_score(after);
    struct jm_buf b = {0};
    if (opt->format == JM_REPORT_FORMAT_JSON) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "posting", jm_doc_name(posting));
        cJSON_AddStringToObject(o, "title", jm_doc_title(posting));
        cJSON_AddNumberToObject(o, "before", s0);
        cJSON_AddNumberToObject(o, "after", s1);
        gaps_moved(&b, before, after, cJSON_AddArrayToObject(o, "closed"));
        gaps_moved(&b, after, before, cJSON_AddArrayToObject(o, "opened"));
        jm_put_json(&b, o);
        return jm_emit(&b, write, ctx, err);
    }
    bool md = opt->format == JM_REPORT_FORMAT_MARKDOWN;
    const struct jm_text_style *st = jm_text_style(opt->color && !md);
    const char *title = *jm_doc_title(posting) ? jm_doc_title(posting) : jm_doc_name(posting);
    if (md)
        jm_buf_printf(&b, "- **%s**: score %d → %d (%+d)", title, s0, s1, s1 - s0);
    else
        jm_buf_printf(&b, "%s%s%s  score %d → %d (%+d)", st->bold, title, st->reset, s0, s1,
                      s1 - s0);
    jm_buf_puts(&b, md ? "; gaps closed: " : "\n  gaps closed: ");
    gaps_moved(&b, before, after, NULL);
    jm_buf_puts(&b, md ? "; new gaps: " : "\n  new gaps:    ");
    gaps_moved(&b, after, before, NULL);
    jm_buf_puts(&b, md ? "\n" : "\n\n");
    return jm_emit(&b, write, ctx, err);
}
