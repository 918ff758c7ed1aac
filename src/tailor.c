/*
 * tailor.c - what to change in a resume for one posting, grounded in what
 * the resume already shows, and never inventing experience: a keyword the
 * resume never names is only ever suggested "if you have used it".
 *
 * From a match result and the resume's judged bullets: the posting's spelling
 * of a term the resume writes otherwise; each gap with the resume's evidence
 * (a term that implies it, or a related one, and the bullet that shows it);
 * keywords claimed only in a skills list; task and partial bullets that carry
 * posting keywords, heaviest first; and each matched keyword's strongest
 * evidence (skills list, task, partial or measured result bullet).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <cJSON.h>
#include <ctype.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "internal.h"

enum evidence { EV_NONE, EV_SKILLS, EV_MENTION, EV_TASK, EV_PARTIAL, EV_RESULT };

static const char *const evidence_names[] = {"none", "skills list only", "mentioned",
                                             "task bullet", "partial bullet",
                                             "measured result bullet"};

struct proof {
    const char *keyword;
    enum evidence strength;
    long line;
};

struct jm_tailoring {
    const jm_result *res;
    struct jm_arena arena;
    jm_suggestion *v;
    size_t n, cap;
    struct proof *proofs;
    size_t nproofs;
};

const char *jm_suggestion_kind_name(jm_suggestion_kind k)
{
    static const char *const names[] = {"requirement", "title", "spelling", "make-explicit",
                                        "gap", "demonstrate", "rewrite"};
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}

static bool add(jm_tailoring *t, jm_suggestion_kind kind, const jm_match_item *it,
                double weight, long resume_line, long posting_line, const char *fmt, ...)
    JM_PRINTF(7, 8);

static bool add(jm_tailoring *t, jm_suggestion_kind kind, const jm_match_item *it,
                double weight, long resume_line, long posting_line, const char *fmt, ...)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 32;
        jm_suggestion *v = realloc(t->v, cap * sizeof *v);
        if (v == NULL)
            return false;
        t->v = v;
        t->cap = cap;
    }
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *copy = jm_arena_strndup(&t->arena, msg, strlen(msg));
    if (copy == NULL)
        return false;
    t->v[t->n++] = (jm_suggestion){kind, it ? it->posting->name : NULL, weight, copy,
                                   resume_line, posting_line};
    return true;
}

/* ---- where the resume shows a term ------------------------------------- */

/* The bullet standing at this occurrence, or -1. */
static long bullet_at(const jm_bullets *bs, const struct jm_occurrence *o)
{
    for (size_t i = 0; bs && i < jm_bullets_count(bs); i++) {
        size_t start, end;
        if (jm_bullets_block(bs, i, &start, &end) == o->block && o->start >= start &&
            o->start < end)
            return (long)i;
    }
    return -1;
}

/* The strongest place the resume shows `term`, and its line. */
static enum evidence strongest(const jm_result *r, const jm_bullets *bs, uint32_t term,
                               long *line, long *bullet)
{
    const struct jm_occurrence *occ;
    size_t n = jm_keywords_occurrences(jm_result_resume(r), &occ);
    const jm_doc *doc = jm_keywords_doc(jm_result_resume(r));
    enum evidence best = EV_NONE;
    *line = 0;
    *bullet = -1;
    for (size_t i = 0; i < n; i++) {
        if (occ[i].term != term)
            continue;
        long b = bullet_at(bs, &occ[i]);
        enum evidence e = b >= 0 ? (enum evidence)(EV_TASK + jm_bullets_get(bs, (size_t)b)->phrasing)
                          : doc->blocks[occ[i].block].section == JM_SEC_SKILLS ? EV_SKILLS
                                                                              : EV_MENTION;
        if (e > best) {
            best = e;
            *line = doc->blocks[occ[i].block].line;
            *bullet = b;
        }
    }
    return best;
}

static uint32_t term_of(const jm_result *r, const char *name)
{
    long id = jm_dict_lookup(jm_keywords_dict(jm_result_resume(r)), name);
    return id < 0 ? JM_NONE : (uint32_t)id;
}

/* ---- the suggestions ------------------------------------------------------ */

/* Does the resume write the term as the posting does, in one of its forms? (Case aside:
 * applicant tracking systems match literally, but not case-sensitively.) */
static bool same_spelling(const jm_keyword *posting, const jm_keyword *resume)
{
    for (size_t i = 0; i < posting->nforms; i++)
        for (size_t k = 0; k < resume->nforms; k++)
            if (strcasecmp(posting->forms[i], resume->forms[k]) == 0)
                return true;
    return false;
}

static bool spelling(jm_tailoring *t, const jm_match_item *it)
{
    if (it->coverage != JM_MATCHED || it->posting->kind != JM_KIND_SKILL ||
        same_spelling(it->posting, it->resume) || it->posting->nforms == 0 ||
        it->resume->nforms == 0)
        return true;
    return add(t, JM_SUGGEST_SPELLING, it, it->weight, it->resume->line, it->posting->line,
               "Write \"%s\" as the posting does (the resume says \"%s\"): many applicant "
               "tracking systems match words literally.",
               it->posting->forms[0], it->resume->forms[0]);
}

/* A resume keyword that shares a related group with the missing term, and the group. */
static const jm_keyword *related_to(const jm_result *r, uint32_t term, const char **group)
{
    const jm_dict *d = jm_keywords_dict(jm_result_resume(r));
    const struct jm_term *want = &d->terms[term];
    const jm_keywords *kr = jm_result_resume(r);
    for (size_t i = 0; i < jm_keywords_count(kr); i++) {
        const struct jm_term *have = &d->terms[jm_keywords_term(kr, i)];
        for (size_t a = 0; a < want->nrelated; a++)
            for (size_t b = 0; b < have->nrelated; b++)
                if (strcmp(want->related[a], have->related[b]) == 0) {
                    *group = want->related[a];
                    return jm_keywords_get(kr, i);
                }
    }
    return NULL;
}

static bool gap(jm_tailoring *t, const jm_bullets *bs, const jm_match_item *it)
{
    const jm_result *r = t->res;
    const char *name = it->posting->name;
    long line, bullet;
    if (it->coverage == JM_IMPLIED) {
        strongest(r, bs, term_of(r, it->implied_by), &line, &bullet);
        return add(t, JM_SUGGEST_EXPLICIT, it, it->weight, line, it->posting->line,
                   "Name %s explicitly: the resume shows %s, which implies it, but a reader "
                   "or a keyword filter may not make the link.", name, it->implied_by);
    }
    if (it->coverage != JM_MISSING)
        return true;
    const char *group = NULL;
    const jm_keyword *near = related_to(r, term_of(r, name), &group);
    if (near == NULL)
        return add(t, JM_SUGGEST_GAP, it, it->weight, 0, it->posting->line,
                   "If you have used %s, add it to your skills and to the bullet where you "
                   "used it; if not, it is a gap to close or to address in a cover letter.",
                   name);
    char kind[64];
    snprintf(kind, sizeof kind, "%s", group);
    for (char *p = kind; *p; p++)
        *p = *p == '-' ? ' ' : *p;
    strongest(r, bs, term_of(r, near->name), &line, &bullet);
    const char *where = bullet >= 0 ? jm_bullets_get(bs, (size_t)bullet)->text : NULL;
    return add(t, JM_SUGGEST_GAP, it, it->weight, line, it->posting->line,
               "If you have used %s, add it; otherwise describe your %s work as %s "
               "experience%s%.80s%s.",
               name, near->name, kind, where ? " (\"" : "", where ? where : "",
               where ? (strlen(where) > 80 ? "…\")" : "\")") : "");
}

static bool demonstrate(jm_tailoring *t, const jm_bullets *bs, const jm_match_item *it)
{
    if (it->coverage != JM_MATCHED)
        return true;
    long line, bullet;
    enum evidence e = strongest(t->res, bs, term_of(t->res, it->posting->name), &line, &bullet);
    struct proof *p = &t->proofs[t->nproofs++];
    *p = (struct proof){it->posting->name, e, line};
    if (e != EV_SKILLS)
        return true;
    return add(t, JM_SUGGEST_DEMONSTRATE, it, it->weight, line, it->posting->line,
               "%s appears only in your skills list: show it at work in a bullet that states "
               "a measured result.", it->posting->name);
}

/* Task and partial bullets that name posting keywords, heaviest first. */
static bool rewrites(jm_tailoring *t, const jm_bullets *bs)
{
    for (size_t i = 0; bs && i < jm_bullets_count(bs); i++) {
        const jm_bullet *b = jm_bullets_get(bs, i);
        struct carried c;
        jm_bullet_carried(bs, i, t->res, &c);
        if (b->phrasing == JM_RESULT || c.n == 0)
            continue;
        char names[256] = "";
        for (size_t k = 0; k < c.n; k++) {
            size_t len = strlen(names);
            snprintf(names + len, sizeof names - len, "%s%s", k ? ", " : "",
                     c.items[k]->posting->name);
        }
        if (!add(t, JM_SUGGEST_REWRITE, c.items[0], c.weight, b->line, 0,
                 "Rewrite this %s bullet first, it names %s: %s", jm_phrasing_name(b->phrasing),
                 names, b->hint))
            return false;
    }
    return true;
}

/* ---- knock-out requirements ---------------------------------------------- */

/* Months covered by the resume's dated roles ("Mar 2021 – present", "2016 - 2018"), overlaps
 * counted once; the first year seen goes to *first. */
static int role_months(const jm_doc *resume, int today, int *first)
{
    static const char *const pattern =
        "(?i)\\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+)?"
        "((?:19|20)\\d\\d)\\s*(?:[-–—]+|to|until|till)\\s*"
        "(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+)?"
        "((?:19|20)\\d\\d|present|current|now|today)";
    static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    int rc;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &rc,
                                   &off, NULL);
    pcre2_match_data *md = re ? pcre2_match_data_create_from_pattern(re, NULL) : NULL;
    char covered[200 * 12] = {0};  /* months since 1900 */
    *first = 0;
    for (size_t i = 0; md && i < resume->nblocks; i++) {
        const struct jm_block *b = &resume->blocks[i];
        if (pcre2_match(re, (PCRE2_SPTR)b->text, b->len, 0, 0, md, NULL) < 0)
            continue;
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        int m[5] = {0};
        for (int g = 1; g <= 4; g++) {
            if (ov[2 * g] == PCRE2_UNSET)
                continue;
            const char *t = b->text + ov[2 * g];
            if (g % 2 == 1) { /* a month name */
                char mon[4] = {(char)tolower((unsigned char)t[0]), (char)tolower((unsigned char)t[1]),
                               (char)tolower((unsigned char)t[2]), 0};
                const char *at = strstr(months, mon);
                m[g] = at ? (int)(at - months) / 3 : 0;
            } else {
                m[g] = isdigit((unsigned char)t[0]) ? atoi(t) : -1;
            }
        }
        int start = (m[2] - 1900) * 12 + m[1];
        int end = m[4] < 0 ? today : (m[4] - 1900) * 12 + (m[3] ? m[3] : 11);
        for (int k = start; k <= end && k >= 0 && k < (int)sizeof covered; k++)
            covered[k] = 1;
        if (*first == 0 || m[2] < *first)
            *first = m[2];
    }
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    int n = 0;
    for (size_t k = 0; k < sizeof covered; k++)
        n += covered[k];
    return n;
}

/* The first block of `section` in the resume whose text matches `re` (a requirement). */
static const struct jm_block *resume_block(const jm_doc *resume, enum jm_section section,
                                           const pcre2_code *re, pcre2_match_data *md)
{
    for (size_t i = 0; i < resume->nblocks; i++) {
        const struct jm_block *b = &resume->blocks[i];
        if (b->section == section &&
            pcre2_match(re, (PCRE2_SPTR)b->text, b->len, 0, 0, md, NULL) >= 0)
            return b;
    }
    return NULL;
}

/* What the resume shows for one knock-out requirement, in a sentence. */
static void evidence_for(const jm_tailoring *t, const jm_bullets *bs, const char *label,
                         int today, char *out, size_t cap)
{
    const jm_doc *resume = jm_keywords_doc(jm_result_resume(t->res));
    const jm_rules *rules = jm_bullets_rules(bs);
    pcre2_match_data *md = pcre2_match_data_create(8, NULL);
    const struct jm_block *b;
    int first;
    if (strcmp(label, "experience") == 0) {
        int months = role_months(resume, today, &first);
        if (months > 0)
            snprintf(out, cap, "The resume's dated roles cover about %d year%s, from %d.",
                     (months + 6) / 12, (months + 6) / 12 == 1 ? "" : "s", first);
        else
            snprintf(out, cap, "The resume's roles carry no dates to count years from: add them.");
    } else if (strcmp(label, "degree") == 0) {
        b = md ? resume_block(resume, JM_SEC_EDUCATION, rules->re[RE_REQUIREMENT], md) : NULL;
        if (b != NULL)
            snprintf(out, cap, "The resume lists \"%.80s\" (line %ld).", b->text, b->line);
        else
            snprintf(out, cap, "The resume names no degree: if you hold one, list it.");
    } else if (strcmp(label, "certification") == 0) {
        const jm_keywords *kr = jm_result_resume(t->res);
        size_t k = 0;
        snprintf(out, cap, "The resume names no certification.");
        for (size_t i = 0; i < jm_keywords_count(kr); i++) {
            const jm_keyword *kw = jm_keywords_get(kr, i);
            if (kw->kind != JM_KIND_CERTIFICATION)
                continue;
            size_t len = k ? strlen(out) - 1 : 0;  /* drop the period to append */
            snprintf(out + len, cap - len, "%s%s.", k++ ? ", " : "The resume names ", kw->name);
        }
    } else if (strcmp(label, "location") == 0 && *jm_doc_location(resume)) {
        snprintf(out, cap, "The resume gives your location as %s.", jm_doc_location(resume));
    } else {
        snprintf(out, cap, "The resume says nothing about it: check it against your situation.");
    }
    pcre2_match_data_free(md);
}

/* Every posting line that states a knock-out requirement, never silently dropped. */
static bool requirements(jm_tailoring *t, const jm_bullets *bs, int today)
{
    const jm_rules *rules = bs ? jm_bullets_rules(bs) : NULL;
    const pcre2_code *re = rules ? rules->re[RE_REQUIREMENT] : NULL;
    const struct rule_list *labels = rules ? &rules->lists[RC_REQUIREMENT] : NULL;
    const jm_doc *posting = jm_keywords_doc(jm_result_posting(t->res));
    pcre2_match_data *md = re ? pcre2_match_data_create_from_pattern(re, NULL) : NULL;
    bool ok = true;
    for (size_t i = 0; md && ok && i < posting->nblocks; i++) {
        const struct jm_block *b = &posting->blocks[i];
        if (pcre2_match(re, (PCRE2_SPTR)b->text, b->len, 0, 0, md, NULL) < 0)
            continue;
        PCRE2_SPTR mark = pcre2_get_mark(md);
        size_t k = mark ? strtoul((const char *)mark, NULL, 10) : 0;
        const char *label = k < labels->n ? labels->v[k].key : "requirement";
        /* Benefits offer relocation or hybrid work; but "must be authorized to work in the
         * US" or a clearance often sits in EEO text, and counts there too. */
        if (b->importance == JM_IMP_BOILERPLATE && strcmp(label, "authorization") != 0 &&
            strcmp(label, "clearance") != 0)
            continue;
        char evidence[384];
        evidence_for(t, bs, label, today, evidence, sizeof evidence);
        ok = add(t, JM_SUGGEST_REQUIREMENT, NULL, 0, 0, b->line, "%s: \"%.120s%s\" %s", label,
                 b->text, b->len > 120 ? "…" : "", evidence);
    }
    pcre2_match_data_free(md);
    return ok;
}

/* ---- title and headline ---------------------------------------------------- */

/* The resume's headline: a short line under the name, before the first section. */
static const struct jm_block *headline(const jm_doc *resume)
{
    for (size_t i = 0; i < resume->nblocks; i++) {
        const struct jm_block *b = &resume->blocks[i];
        if (b->kind == JM_BLOCK_TITLE || (i == 0 && b->kind == JM_BLOCK_HEADING))
            continue;  /* the name */
        if (b->kind == JM_BLOCK_HEADING || b->section != JM_SEC_NONE)
            return NULL;
        if (b->kind == JM_BLOCK_PARAGRAPH && b->len < 100 && !memchr(b->text, '@', b->len))
            return b;
    }
    return NULL;
}

static const char *seniority(const char *norm)
{
    static const char *const levels[] = {"intern", "junior", "mid", "senior", "staff",
                                         "principal", "lead", "head", "director", NULL};
    for (size_t i = 0; levels[i]; i++)
        if (strstr(norm, levels[i]))
            return levels[i];
    return NULL;
}

static bool title(jm_tailoring *t)
{
    const jm_doc *posting = jm_keywords_doc(jm_result_posting(t->res));
    const jm_doc *resume = jm_keywords_doc(jm_result_resume(t->res));
    const struct jm_block *h = headline(resume);
    const char *want = jm_doc_title(posting);
    if (h == NULL || !*want)
        return true;
    char lower[256];
    snprintf(lower, sizeof lower, "%s", want);
    for (char *p = lower; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    const char *a = seniority(lower), *b = seniority(h->norm);
    bool level_differs = a && (!b || strcmp(a, b) != 0);
    /* the title's last word names the role ("engineer", "developer"), before any
     * "(Python)", ", Ledger Services" or " - Remote" */
    lower[strcspn(lower, "(,|")] = '\0';
    char *dash = strstr(lower, " - ");
    if (dash != NULL)
        *dash = '\0';
    for (size_t n = strlen(lower); n > 0 && lower[n - 1] == ' ';)
        lower[--n] = '\0';
    const char *sp = strrchr(lower, ' ');
    char role[64];
    snprintf(role, sizeof role, "%.63s", sp ? sp + 1 : lower);
    role[strcspn(role, "(),/")] = '\0';
    bool role_differs = strlen(role) > 2 && !strstr(h->norm, role);
    if (!level_differs && !role_differs)
        return true;
    long title_line = 0;  /* the posting's title block, when it has one */
    for (size_t i = 0; i < posting->nblocks && title_line == 0; i++)
        if (posting->blocks[i].kind == JM_BLOCK_TITLE)
            title_line = posting->blocks[i].line;
    return add(t, JM_SUGGEST_TITLE, NULL, 0, h->line, title_line,
               "The posting is for \"%s\"; your headline reads \"%.100s\". If it is true of "
               "you, echo the posting's %s in your headline and summary.",
               want, h->text, level_differs ? "seniority and role" : "role");
}

static int by_kind_weight(const void *pa, const void *pb)
{
    const jm_suggestion *a = pa, *b = pb;
    if (a->kind != b->kind)
        return (int)a->kind - (int)b->kind;
    if (a->weight != b->weight)
        return a->weight < b->weight ? 1 : -1;
    return (a->resume_line > b->resume_line) - (a->resume_line < b->resume_line);
}

jm_status jm_tailor(const jm_result *res, const jm_bullets *bullets,
                    const jm_tailor_options *opt, jm_tailoring **out, jm_error *err)
{
    *out = NULL;
    jm_tailoring *t = calloc(1, sizeof *t);
    size_t n = jm_result_count(res);
    if (t != NULL)
        t->proofs = malloc((n ? n : 1) * sizeof *t->proofs);
    if (t == NULL || t->proofs == NULL) {
        jm_tailoring_free(t);
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    }
    t->res = res;
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        const jm_match_item *it = jm_result_get(res, i);
        ok = spelling(t, it) && gap(t, bullets, it) && demonstrate(t, bullets, it);
    }
    ok = ok && rewrites(t, bullets) && title(t);
    int today = opt && opt->today_year ? (opt->today_year - 1900) * 12 + opt->today_month - 1
                                       : 0;
    if (today == 0) {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        today = tm.tm_year * 12 + tm.tm_mon;
    }
    ok = ok && requirements(t, bullets, today);
    if (!ok) {
        jm_tailoring_free(t);
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    }
    qsort(t->v, t->n, sizeof *t->v, by_kind_weight);
    *out = t;
    return JM_OK;
}

void jm_tailoring_free(jm_tailoring *t)
{
    if (t == NULL)
        return;
    jm_arena_free(&t->arena);
    free(t->v);
    free(t->proofs);
    free(t);
}

size_t jm_tailoring_count(const jm_tailoring *t)
{
    return t->n;
}

const jm_suggestion *jm_tailoring_get(const jm_tailoring *t, size_t i)
{
    return i < t->n ? &t->v[i] : NULL;
}

/* ---- reports ------------------------------------------------------------ */

static const char *const headings[] = {"Knock-out requirements", "Title",
                                       "Use the posting's spelling", "Make implied skills explicit",
                                       "Gaps", "Claimed but not demonstrated", "Rewrite first"};

static void lines(struct jm_buf *b, const jm_suggestion *s, bool md)
{
    if (s->resume_line > 0 && s->posting_line > 0)
        jm_buf_printf(b, md ? " *(resume line %ld, posting line %ld)*" : " (resume line %ld, "
                                                                          "posting line %ld)",
                      s->resume_line, s->posting_line);
    else if (s->resume_line > 0)
        jm_buf_printf(b, md ? " *(resume line %ld)*" : " (resume line %ld)", s->resume_line);
    else if (s->posting_line > 0)
        jm_buf_printf(b, md ? " *(posting line %ld)*" : " (posting line %ld)", s->posting_line);
}

static void text_tailoring(struct jm_buf *b, const jm_tailoring *t, bool md,
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
    jm_buf_printf(b, "\n%sscore %d/100, %zu suggestions\n", md ? "\n" : "",
                  jm_result_score(t->res), t->n);
    int kind = -1, k = 0;
    for (size_t i = 0; i < t->n; i++) {
        const jm_suggestion *s = &t->v[i];
        if ((int)s->kind != kind) {
            kind = (int)s->kind;
            jm_buf_printf(b, md ? "\n## %s\n\n" : "\n%s%s%s\n", md ? headings[kind] : st->bold,
                          md ? "" : headings[kind], md ? "" : st->reset);
        }
        jm_buf_printf(b, md ? "- " : "  %2d. ", ++k);
        if (s->keyword)
            jm_buf_printf(b, md ? "**%s**: " : "%s: ", s->keyword);
        jm_buf_puts(b, s->message);
        lines(b, s, md);
        jm_buf_putc(b, '\n');
    }
    if (t->nproofs > 0)
        jm_buf_printf(b, md ? "\n## Evidence per matched keyword\n\n" : "\n%sEvidence per "
                                                                      "matched keyword%s\n",
                      md ? "" : st->bold, md ? "" : st->reset);
    for (size_t i = 0; i < t->nproofs; i++) {
        const struct proof *p = &t->proofs[i];
        jm_buf_printf(b, md ? "- %s: %s" : "  %-24s %s", p->keyword, evidence_names[p->strength]);
        if (p->line > 0)
            jm_buf_printf(b, " (line %ld)", p->line);
        jm_buf_putc(b, '\n');
    }
}

static cJSON *json_tailoring(const jm_tailoring *t)
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
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", jm_suggestion_kind_name(s->kind));
        if (s->keyword)
            cJSON_AddStringToObject(o, "keyword", s->keyword);
        else
            cJSON_AddNullToObject(o, "keyword");
        cJSON_AddNumberToObject(o, "weight", (double)(long)(s->weight * 100 + 0.5) / 100);
        cJSON_AddStringToObject(o, "message", s->message);
        cJSON_AddNumberToObject(o, "resume_line", (double)s->resume_line);
        cJSON_AddNumberToObject(o, "posting_line", (double)s->posting_line);
        cJSON_AddItemToArray(arr, o);
    }
    cJSON *ev = cJSON_AddArrayToObject(root, "evidence");
    for (size_t i = 0; i < t->nproofs; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "keyword", t->proofs[i].keyword);
        cJSON_AddStringToObject(o, "strength", evidence_names[t->proofs[i].strength]);
        cJSON_AddNumberToObject(o, "line", (double)t->proofs[i].line);
        cJSON_AddItemToArray(ev, o);
    }
    return root;
}

/* What a NULL options pointer means: text, no colour, no bullets. */
static const jm_report_options default_options;

jm_status jm_report_tailoring(const jm_tailoring *t, const jm_report_options *opt,
                              jm_write_fn write, void *ctx, jm_error *err)
{
    if (opt == NULL)
        opt = &default_options;
    struct jm_buf b = {0};
    if (opt->format == JM_REPORT_JSON)
        jm_put_json(&b, json_tailoring(t));
    else
        text_tailoring(&b, t, opt->format == JM_REPORT_MARKDOWN, jm_text_style(opt->color));
    return jm_emit(&b, write, ctx, err);
}

/* ---- two versions of a resume against one posting ------------------------ */

/* The keywords missing in `from` that `to` covers: into `arr` (JSON), else listed in `b`. */
static void gaps_moved(struct jm_buf *b, const jm_result *from, const jm_result *to, cJSON *arr)
{
    size_t k = 0;
    for (size_t i = 0; i < jm_result_count(from); i++) {
        const jm_match_item *a = jm_result_get(from, i);
        if (a->coverage != JM_MISSING)
            continue;
        bool still = false;
        for (size_t j = 0; j < jm_result_count(to); j++) {
            const jm_match_item *c = jm_result_get(to, j);
            if (c->posting->name == a->posting->name)
                still = c->coverage == JM_MISSING;
        }
        if (still)
            continue;
        if (arr != NULL)
            cJSON_AddItemToArray(arr, cJSON_CreateString(a->posting->name));
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
    if (opt == NULL)
        opt = &default_options;
    const jm_doc *posting = jm_keywords_doc(jm_result_posting(after));
    int s0 = jm_result_score(before), s1 = jm_result_score(after);
    struct jm_buf b = {0};
    if (opt->format == JM_REPORT_JSON) {
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
    bool md = opt->format == JM_REPORT_MARKDOWN;
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
