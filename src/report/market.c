/*
 * report/market.c - the market view (jobmatch batch, summarize): the missing
 * keywords the postings ask for most, as bars or JSON, and the resume's
 * keywords no posting asks for.
 */
#include <cJSON.h>
#include <math.h>
#include <stdlib.h>

#include "base.h"
#include "doc.h"
#include "analysis.h"
#include "report/report.h"

static double share(unsigned count, size_t of)
{
    return of ? 100.0 * count / (double)of : 0;
}

/* A gap's bar, 0-1: the weight the postings give it against the most wanted's, so that the
 * bars shrink in the order the gaps are listed. */
static double demand(const struct jm_demand *d, const struct jm_demand *top)
{
    return top->missing_weight > 0 ? d->missing_weight / top->missing_weight : 0;
}

enum { BAR = 20, TEXT_GAPS = 20, NAME_WIDTH = 24 };

/* The kind after a gap's name; technical skills, the common case, go unmarked. */
static const char *kind_note(jm_kind kind)
{
    switch (kind) {
    case JM_KIND_PRACTICE:
        return "  (practice)";
    case JM_KIND_SOFT_SKILL:
        return "  (soft skill)";
    case JM_KIND_CERTIFICATION:
        return "  (certification)";
    default:
        return "";
    }
}

static void text_market(struct jm_buf *b, const jm_market *m, const struct jm_demand **v,
                        size_t ngaps, size_t nunasked, const struct jm_text_style *st)
{
    jm_buf_printf(b, "%sMarket%s  %zu posting%s scored", st->bold, st->reset, m->scored,
                  m->scored == 1 ? "" : "s");
    if (m->duplicates)
        jm_buf_printf(b, ", %zu duplicate%s", m->duplicates, m->duplicates == 1 ? "" : "s");
    if (m->failed)
        jm_buf_printf(b, ", %zu failed", m->failed);
    jm_buf_putc(b, '\n');
    if (ngaps > 0)
        jm_buf_printf(b,
                      "\n%sMissing keywords the postings ask for, most wanted first%s (the bar: "
                      "the weight the postings give it)\n",
                      st->bold, st->reset);
    for (size_t i = 0; i < ngaps && i < TEXT_GAPS; i++) {
        const struct jm_demand *d = v[i];
        int filled = (int)lround(BAR * demand(d, v[0]));
        jm_buf_puts(b, "  ");
        jm_buf_put_cell(b, d->name, NAME_WIDTH);
        jm_buf_printf(b, " %s", st->red);
        for (int k = 0; k < BAR; k++)
            jm_buf_puts(b, k < filled ? "\xE2\x96\x88" : "\xC2\xB7");
        jm_buf_printf(b, "%s  asked by %3.0f%% of postings, required in %3.0f%%%s\n", st->reset,
                      share(d->asked, m->scored), share(d->required, m->scored),
                      kind_note(d->kind));
    }
    if (ngaps > TEXT_GAPS)
        jm_buf_printf(b, "  %s… %zu more (--format json lists them all)%s\n", st->dim,
                      ngaps - TEXT_GAPS, st->reset);
    if (nunasked > 0) {
        jm_buf_printf(b, "\n%sResume keywords no posting asks for%s\n  ", st->bold, st->reset);
        for (size_t i = 0; i < nunasked; i++)
            jm_buf_printf(b, "%s%s", i ? ", " : "", v[ngaps + i]->name);
        jm_buf_putc(b, '\n');
    }
}

static cJSON *json_market(const jm_market *m, const struct jm_demand **v, size_t ngaps,
                          size_t nunasked)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", JM_SCHEMA_VERSION);
    cJSON_AddNumberToObject(root, "scored", (double)m->scored);
    cJSON_AddNumberToObject(root, "duplicates", (double)m->duplicates);
    cJSON_AddNumberToObject(root, "failed", (double)m->failed);
    cJSON *gaps = cJSON_AddArrayToObject(root, "gaps");
    for (size_t i = 0; i < ngaps; i++) {
        const struct jm_demand *d = v[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", d->name);
        cJSON_AddStringToObject(o, "category", d->category);
        cJSON_AddStringToObject(o, "kind", jm_kind_name(d->kind));
        cJSON_AddNumberToObject(o, "asked", d->asked);
        cJSON_AddNumberToObject(o, "required", d->required);
        cJSON_AddNumberToObject(o, "missing", d->missing);
        cJSON_AddNumberToObject(o, "asked_share", jm_round2(share(d->asked, m->scored) / 100));
        cJSON_AddNumberToObject(o, "required_share",
                                jm_round2(share(d->required, m->scored) / 100));
        cJSON_AddNumberToObject(o, "mean_weight",
                                jm_round2(m->scored ? d->missing_weight / (double)m->scored : 0));
        jm_json_push(gaps, o);
    }
    cJSON *unasked = cJSON_AddArrayToObject(root, "unasked");
    for (size_t i = 0; i < nunasked; i++)
        jm_json_push(unasked, cJSON_CreateString(v[ngaps + i]->name));
    return root;
}

enum { SVG_GAPS = 20, SVG_NAME = 200, SVG_BAR = 300, SVG_LABEL = 230, SVG_ROW = 26 };

/* The most wanted gaps as an SVG bar chart, in their order: each bar the weight the postings
 * give the gap (as the text view's), its shares of postings as its text, which a screen
 * reader reads. */
static void svg_bars(struct jm_buf *b, const jm_market *m, const struct jm_demand **v, size_t n)
{
    jm_buf_printf(b,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bars\" "
                  "aria-labelledby=\"market-t\" viewBox=\"0 0 %d %zu\" width=\"100%%\">"
                  "<title id=\"market-t\">Missing keywords, most wanted first: the weight the "
                  "postings give each</title>\n",
                  SVG_NAME + SVG_BAR + SVG_LABEL, n * SVG_ROW + 4);
    for (size_t i = 0; i < n; i++) {
        const struct jm_demand *d = v[i];
        double asked = share(d->asked, m->scored), required = share(d->required, m->scored);
        size_t y = i * SVG_ROW + 2;
        jm_buf_printf(b, "<g><text x=\"%d\" y=\"%zu\" text-anchor=\"end\">", SVG_NAME - 8, y + 17);
        jm_html_puts(b, d->name);
        double w = SVG_BAR * demand(d, v[0]);
        jm_buf_printf(b,
                      "</text><rect class=\"demand\" x=\"%d\" y=\"%zu\" width=\"%.1f\" "
                      "height=\"20\"/><text x=\"%.1f\" y=\"%zu\">asked by %.0f%%, required "
                      "in %.0f%%</text></g>\n",
                      SVG_NAME, y, w, SVG_NAME + w + 6, y + 17, asked, required);
    }
    jm_buf_puts(b, "</svg>\n");
}

void jm_html_market(struct jm_buf *b, const jm_market *m)
{
    size_t ngaps, nunasked;
    const struct jm_demand **v = jm_market_ranked(m, &ngaps, &nunasked);
    if (v == NULL) {
        b->failed = true;
        return;
    }
    jm_buf_printf(b,
                  "<section aria-labelledby=\"market-h\">\n<h2 id=\"market-h\">The market: "
                  "what these postings ask for that the resume lacks</h2>\n<p>%zu posting%s "
                  "scored, %zu duplicate%s, %zu failed.</p>\n",
                  m->scored, m->scored == 1 ? "" : "s", m->duplicates,
                  m->duplicates == 1 ? "" : "s", m->failed);
    if (ngaps > 0) {
        jm_buf_puts(b, "<div class=\"wide\">");
        svg_bars(b, m, v, ngaps < SVG_GAPS ? ngaps : SVG_GAPS);
        jm_buf_puts(b, "</div>\n");
    }
    if (nunasked > 0) {
        jm_buf_puts(b, "<h3>Resume keywords no posting asks for</h3>\n<p>");
        for (size_t i = 0; i < nunasked; i++) {
            jm_buf_puts(b, i ? ", " : "");
            jm_html_puts(b, v[ngaps + i]->name);
        }
        jm_buf_puts(b, "</p>\n");
    }
    jm_buf_puts(b, "</section>\n");
    free(v);
}

jm_status jm_report_market(const jm_market *m, const jm_report_options *opt, jm_write_fn write,
                           void *ctx, jm_error *err)
{
    opt = jm_report_defaults(opt);
    if (opt->format == JM_REPORT_FORMAT_HTML)
        return jm_no_html(err);
    size_t ngaps, nunasked;
    const struct jm_demand **v = jm_market_ranked(m, &ngaps, &nunasked);
    if (v == NULL)
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    struct jm_buf b = {0};
    if (opt->format == JM_REPORT_FORMAT_JSON)
        jm_put_json(&b, json_market(m, v, ngaps, nunasked));
    else
        text_market(&b, m, v, ngaps, nunasked, jm_text_style(opt->color));
    free(v);
    return jm_emit(&b, write, ctx, err);
}
