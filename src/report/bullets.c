/*
 * report/bullets.c - the bullet analysis as text and as JSON: alone (jobmatch
 * lint) or as a section of the match report.
 */
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "doc.h"
#include "analysis.h"
#include "report/report.h"

static const char *const marks[] = {"task", "partial", "result"};

static void put_carried(struct jm_buf *b, const struct jm_carried *c)
{
    for (size_t i = 0; i < c->n; i++)
        jm_buf_printf(b, "%s%s (%s)", i ? ", " : "", c->items[i]->posting->name,
                      jm_importance_name(c->items[i]->posting->importance));
}

static void put_list(struct jm_buf *b, const char *const *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        jm_buf_printf(b, "%s%s", i ? ", " : "", items[i]);
}

static void text_bullet(struct jm_buf *b, const jm_bullet *bl, const char *unit,
                        const struct jm_carried *c, const struct jm_text_style *st)
{
    const char *color = bl->phrasing == JM_PHRASING_RESULT    ? st->green
                        : bl->phrasing == JM_PHRASING_PARTIAL ? st->yellow
                                                              : st->red;
    char where[32];
    snprintf(where, sizeof where, "%s %ld", unit, bl->line);
    jm_buf_printf(b, "  %s%-7s%s %s%-9s%s ", color, marks[bl->phrasing], st->reset, st->dim, where,
                  st->reset);
    jm_buf_put_clipped(b, bl->text, 90);
    jm_buf_printf(b, "\n%s          why     ", st->dim);
    put_list(b, bl->reasons, bl->nreasons);
    jm_buf_printf(b, "%s\n", st->reset);
    if (c != NULL && c->n > 0) {
        jm_buf_printf(b, "          %sposting%s ", st->dim, st->reset);
        put_carried(b, c);
        jm_buf_putc(b, '\n');
    }
    if (*bl->hint)
        jm_buf_printf(b, "          %shint%s    %s\n", st->bold, st->reset, bl->hint);
    if (bl->nflags > 0) {
        jm_buf_printf(b, "          %sflags%s   ", st->yellow, st->reset);
        put_list(b, bl->flags, bl->nflags);
        jm_buf_putc(b, '\n');
    }
}

/* "Senior Engineer · Dell Technologies · 2019 – Present": what a position is, as its lines
 * tell it; the heading as written when they tell neither title nor employer. */
static void put_position(struct jm_buf *b, const jm_position *p)
{
    if (p == NULL) {
        jm_buf_puts(b, "(no position)");
        return;
    }
    if (*p->title == '\0' && *p->employer == '\0') {
        jm_buf_puts(b, p->heading);
        return;
    }
    const char *parts[] = {p->title, p->employer, p->dates};
    bool first = true;
    for (size_t i = 0; i < 3; i++)
        if (*parts[i] != '\0') {
            jm_buf_printf(b, "%s%s", first ? "" : " \xC2\xB7 ", parts[i]);
            first = false;
        }
}

void jm_text_bullet_summary(struct jm_buf *b, const jm_bullets *bs)
{
    size_t n = jm_bullets_count(bs), tasks = jm_bullets_tally(bs, JM_PHRASING_TASK);
    jm_buf_printf(b, "%zu of %zu bullet%s state%s measured results, %zu partial, %zu task%s\n",
                  jm_bullets_tally(bs, JM_PHRASING_RESULT), n, n == 1 ? "" : "s", n == 1 ? "s" : "",
                  jm_bullets_tally(bs, JM_PHRASING_PARTIAL), tasks, tasks == 1 ? "" : "s");
}

void jm_text_bullets(struct jm_buf *b, const jm_bullets *bs, const jm_doc *resume, bool color)
{
    const struct jm_text_style *st = jm_text_style(color);
    jm_buf_printf(b, "%s%s%s: ", st->bold, jm_doc_name(resume), st->reset);
    jm_text_bullet_summary(b, bs);
    const jm_position *pos = NULL;
    for (size_t i = 0; i < jm_bullets_count(bs); i++) {
        const jm_bullet *bl = jm_bullets_get(bs, i);
        if (i == 0 || bl->position != pos) {
            pos = bl->position;
            jm_buf_printf(b, "\n%s", st->bold);
            put_position(b, pos);
            jm_buf_printf(b, "%s\n", st->reset);
        }
        text_bullet(b, bl, jm_doc_unit(resume), NULL, st);
    }
}

static cJSON *strings(const char *const *items, size_t n)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++)
        jm_json_push(arr, cJSON_CreateString(items[i]));
    return arr;
}

static cJSON *json_bullet(const jm_bullet *bl, const struct jm_carried *c)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "text", bl->text);
    cJSON_AddNumberToObject(o, "line", bl->line);
    cJSON_AddStringToObject(o, "section", bl->section);
    if (bl->position != NULL) {
        cJSON *p = cJSON_AddObjectToObject(o, "position");
        cJSON_AddStringToObject(p, "title", bl->position->title);
        cJSON_AddStringToObject(p, "employer", bl->position->employer);
        cJSON_AddStringToObject(p, "dates", bl->position->dates);
        cJSON_AddNumberToObject(p, "line", bl->position->line);
    } else {
        cJSON_AddNullToObject(o, "position");
    }
    cJSON_AddStringToObject(o, "phrasing", jm_phrasing_name(bl->phrasing));
    jm_json_put(o, "reasons", strings(bl->reasons, bl->nreasons));
    cJSON_AddStringToObject(o, "hint", bl->hint);
    jm_json_put(o, "flags", strings(bl->flags, bl->nflags));
    if (c != NULL) {
        cJSON *arr = cJSON_AddArrayToObject(o, "keywords");
        for (size_t i = 0; i < c->n; i++)
            jm_json_push(arr, cJSON_CreateString(c->items[i]->posting->name));
        cJSON_AddNumberToObject(o, "keyword_weight", (double)(long)(c->weight * 100 + 0.5) / 100);
    }
    return o;
}

cJSON *jm_json_bullet_summary(const jm_bullets *bs)
{
    cJSON *s = cJSON_CreateObject();
    cJSON_AddNumberToObject(s, "bullets", (double)jm_bullets_count(bs));
    cJSON_AddNumberToObject(s, "result", (double)jm_bullets_tally(bs, JM_PHRASING_RESULT));
    cJSON_AddNumberToObject(s, "partial", (double)jm_bullets_tally(bs, JM_PHRASING_PARTIAL));
    cJSON_AddNumberToObject(s, "task", (double)jm_bullets_tally(bs, JM_PHRASING_TASK));
    return s;
}

cJSON *jm_json_bullets(const jm_bullets *bs, const jm_doc *resume)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", JM_SCHEMA_VERSION);
    cJSON_AddStringToObject(root, "path", jm_doc_name(resume));
    cJSON *arr = cJSON_AddArrayToObject(root, "bullets");
    for (size_t i = 0; i < jm_bullets_count(bs); i++)
        jm_json_push(arr, json_bullet(jm_bullets_get(bs, i), NULL));
    jm_json_put(root, "summary", jm_json_bullet_summary(bs));
    return root;
}

/* ---- in the match report ------------------------------------------------ */

struct ranked {
    size_t index;
    struct jm_carried c;
};

/* Tasks and partials that carry the posting's keywords first, heaviest first. */
static int by_worth(const void *pa, const void *pb)
{
    const struct ranked *a = pa, *b = pb;
    if (a->c.weight != b->c.weight)
        return a->c.weight < b->c.weight ? 1 : -1;
    return (a->index > b->index) - (a->index < b->index);
}

void jm_text_match_bullets(struct jm_buf *b, const jm_bullets *bs, const jm_result *r, size_t top,
                           const struct jm_text_style *st)
{
    size_t n = jm_bullets_count(bs), k = 0;
    jm_buf_printf(b, "\n%sBullets%s  ", st->bold, st->reset);
    jm_text_bullet_summary(b, bs);
    struct ranked *v = malloc((n ? n : 1) * sizeof *v);
    if (v == NULL) {
        b->failed = true;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (jm_bullets_get(bs, i)->phrasing == JM_PHRASING_RESULT)
            continue;
        v[k].index = i;
        jm_bullet_carried(bs, i, r, &v[k++].c);
    }
    qsort(v, k, sizeof *v, by_worth);
    if (k > 0)
        jm_buf_printf(b,
                      "%sTo rewrite, those with the posting's keywords first "
                      "(all bullets: jobmatch lint)%s\n",
                      st->dim, st->reset);
    size_t shown = top > 0 && top < k ? top : k;
    for (size_t i = 0; i < shown; i++)
        text_bullet(b, jm_bullets_get(bs, v[i].index), jm_doc_unit(jm_bullets_doc(bs)), &v[i].c,
                    st);
    if (shown < k)
        jm_buf_printf(b, "  %s… and %zu more (--top)%s\n", st->dim, k - shown, st->reset);
    free(v);
}

void jm_json_match_bullets(cJSON *root, const jm_bullets *bs, const jm_result *r)
{
    cJSON *arr = cJSON_AddArrayToObject(root, "bullets");
    for (size_t i = 0; i < jm_bullets_count(bs); i++) {
        struct jm_carried c;
        jm_bullet_carried(bs, i, r, &c);
        jm_json_push(arr, json_bullet(jm_bullets_get(bs, i), &c));
    }
    jm_json_put(root, "bullet_summary", jm_json_bullet_summary(bs));
}

jm_status jm_report_bullets(const jm_bullets *bs, const jm_report_options *opt, jm_write_fn write,
                            void *ctx, jm_error *err)
{
    opt = jm_report_defaults(opt);
    if (opt->format == JM_REPORT_FORMAT_HTML)
        return jm_no_html(err);
    struct jm_buf b = {0};
    if (opt->format == JM_REPORT_FORMAT_JSON)
        jm_put_json(&b, jm_json_bullets(bs, jm_bullets_doc(bs)));
    else
        jm_text_bullets(&b, bs, jm_bullets_doc(bs), opt->color);
    return jm_emit(&b, write, ctx, err);
}
