/*
 * report/batch_html.c - a batch as one HTML page (--format html): the postings ranked in a
 * table that sorts and filters (report.js; the table reads without it), each row folding in
 * its posting's report, then the market view as SVG bars. The caller writes the rows in
 * the order to show between the page's opening and its close, so that a batch of thousands
 * is streamed, never held. Markup rule: see html.c.
 */
#include <stdio.h>
#include <string.h>

#include "base.h"
#include "doc.h"
#include "analysis.h"
#include "report/report.h"

/* A folded report is a glance: its heaviest gaps, their lines cut short (thousands of rows
 * must stay a page that opens at once; `jobmatch RESUME POSTING` has the rest). */
enum { FOLDED_GAPS = 8, FOLDED_QUOTE = 100 };

jm_status jm_report_batch_open(const char *resume, jm_write_fn write, void *ctx, jm_error *err)
{
    struct jm_buf b = {0};
    jm_html_begin(&b, "Postings ranked \xE2\x80\x94 jobmatch", true);
    jm_buf_puts(&b, "<header>\n<h1>Postings ranked for your resume</h1>\n<p class=\"files\">"
                    "resume <code>");
    jm_html_puts(&b, resume ? resume : "");
    jm_buf_puts(&b, "</code>; best first by the score weighed by how much it rests on (a thin "
                    "posting ranks lower). Open a posting for its gaps.</p>\n</header>\n"
                    "<main id=\"main\">\n<section aria-labelledby=\"ranked-h\">\n"
                    "<h2 id=\"ranked-h\">Postings</h2>\n"
                    "<p class=\"filter\" data-filter=\"ranked\" hidden=\"hidden\"><label>Filter "
                    "<input type=\"search\" placeholder=\"words in any column\"/></label> "
                    "<output></output></p>\n<div class=\"wide\">"
                    "<table id=\"ranked\" class=\"ranked sortable\" role=\"table\">\n"
                    "<thead role=\"rowgroup\"><tr role=\"row\">"
                    "<th role=\"columnheader\" scope=\"col\" class=\"n\">Score</th>"
                    "<th role=\"columnheader\" scope=\"col\" class=\"n roomy\">Keywords</th>"
                    "<th role=\"columnheader\" scope=\"col\">Posting</th><th role=\"columnheader\" "
                    "scope=\"col\">Company</th>"
                    "<th role=\"columnheader\" scope=\"col\" class=\"roomy\">Location</th>"
                    "<th role=\"columnheader\" scope=\"col\" class=\"roomy\">Top gaps</th>"
                    "</tr></thead>\n<tbody role=\"rowgroup\">\n");
    return jm_emit(&b, write, ctx, err);
}

/* The posting's report, folded: what the score rests on, its gaps, what it matched. */
static void folded_report(struct jm_buf *b, const jm_result *r)
{
    size_t counts[JM_COVERAGES];
    jm_count_coverage(r, counts);
    jm_buf_printf(b,
                  "<p>score %d/100 (ranked as %.1f); credited weight %.1f of %.1f; %zu matched, "
                  "%zu implied, %zu missing; %.0f%% of the points shown at work</p>\n",
                  jm_result_score(r), jm_result_rank_score(r), jm_result_covered_weight(r),
                  jm_result_total_weight(r), counts[JM_COVERAGE_MATCHED],
                  counts[JM_COVERAGE_IMPLIED], counts[JM_COVERAGE_MISSING],
                  jm_result_shown_at_work(r));
    jm_html_gaps(b, r, FOLDED_GAPS, false, FOLDED_QUOTE);
    if (counts[JM_COVERAGE_MATCHED] + counts[JM_COVERAGE_IMPLIED] == 0)
        return;
    jm_buf_puts(b, "<p>Matched: ");
    for (size_t i = 0, k = 0; i < jm_result_count(r); i++) {
        const jm_match_item *it = jm_result_get(r, i);
        if (it->coverage != JM_COVERAGE_MATCHED && it->coverage != JM_COVERAGE_IMPLIED)
            continue;
        jm_buf_puts(b, k++ ? ", " : "");
        jm_html_puts(b, it->posting->name);
        jm_buf_printf(b, " <span class=\"imp\">(%s)</span>", jm_evidence_name(it->evidence));
    }
    jm_buf_puts(b, "</p>\n");
}

/* "Kafka; Amazon EKS; Amazon RDS": the heaviest technical gaps. */
static void top_gaps(struct jm_buf *b, const jm_result *r)
{
    const jm_match_item *gaps[3];
    for (size_t i = 0, n = jm_result_top_gaps(r, gaps, 3); i < n; i++) {
        jm_buf_puts(b, i ? "; " : "");
        jm_html_puts(b, gaps[i]->posting->name);
    }
}

/* A cell of text; `attrs` is markup (a class). */
static void text_cell(struct jm_buf *b, const char *s, const char *attrs)
{
    jm_buf_printf(b, "<td role=\"cell\"%s>", attrs);
    jm_html_puts(b, s);
    jm_buf_puts(b, "</td>");
}

static void scored_row(struct jm_buf *b, const jm_result *r, const char *path, const char *dup)
{
    const jm_doc *doc = jm_keywords_doc(jm_result_posting(r));
    const char *title = *jm_doc_title(doc) ? jm_doc_title(doc) : "(untitled posting)";
    jm_buf_printf(b,
                  "<tr role=\"row\"><td role=\"cell\" class=\"n\" data-v=\"%d\">%d</td><td "
                  "role=\"cell\" class=\"n roomy\" data-v=\"%zu\">%zu%s"
                  "</td><td role=\"cell\" data-v=\"",
                  jm_result_score(r), jm_result_score(r), jm_result_count(r), jm_result_count(r),
                  jm_result_is_thin(r) ? " <span class=\"tag\">thin</span>" : "");
    jm_html_puts(b, title);
    jm_buf_puts(b, "\"><details><summary>");
    jm_html_puts(b, title);
    jm_buf_puts(b, "</summary>\n");
    folded_report(b, r);
    jm_buf_puts(b, "</details><span class=\"path\">");
    jm_html_puts(b, path);
    if (dup) {
        jm_buf_puts(b, " <span class=\"tag\">duplicate of ");
        jm_html_puts(b, dup);
        jm_buf_puts(b, "</span>");
    }
    jm_buf_puts(b, "</span></td>");
    text_cell(b, jm_doc_company(doc), "");
    text_cell(b, jm_doc_location(doc), " class=\"roomy\"");
    jm_buf_puts(b, "<td role=\"cell\" class=\"roomy\">");
    top_gaps(b, r);
    jm_buf_puts(b, "</td></tr>\n");
}

jm_status jm_report_batch_row(const jm_result *res, const char *path, const char *error,
                              const char *duplicate_of, jm_write_fn write, void *ctx, jm_error *err)
{
    struct jm_buf b = {0};
    path = path ? path : "";
    if (res != NULL) {
        scored_row(&b, res, path, duplicate_of);
    } else {
        jm_buf_puts(&b, "<tr role=\"row\" class=\"failed\"><td role=\"cell\" class=\"n\" "
                        "data-v=\"-1\">\xE2\x80\x93</td>"
                        "<td role=\"cell\" class=\"n roomy\" data-v=\"-1\"></td><td role=\"cell\" "
                        "data-v=\"\"><span "
                        "class=\"path\">");
        jm_html_puts(&b, path);
        jm_buf_puts(&b, "</span><br/>error: ");
        jm_html_puts(&b, error ? error : "not scored");
        jm_buf_puts(&b, "</td><td role=\"cell\"></td><td role=\"cell\" class=\"roomy\"></td><td "
                        "role=\"cell\" class=\"roomy\"></td></tr>\n");
    }
    return jm_emit(&b, write, ctx, err);
}

jm_status jm_report_batch_close(const jm_market *market, jm_write_fn write, void *ctx,
                                jm_error *err)
{
    struct jm_buf b = {0};
    jm_buf_puts(&b, "</tbody>\n</table></div>\n</section>\n");
    if (market != NULL)
        jm_html_market(&b, market);
    jm_buf_puts(&b, "</main>\n");
    jm_html_end(&b, true);
    return jm_emit(&b, write, ctx, err);
}
