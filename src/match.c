/*
 * match.c - a resume's keywords against a posting's: matched, implied or
 * missing, each with a weight and the points it earns or costs.
 *
 * weight = importance weight x repetition factor, where repetition counts
 * with diminishing returns (1 + log2(count)/4, at most x2). The score is
 * covered weight / total weight, implied keywords counting half, each
 * credited by where the resume shows it (evidence_credit); a posting
 * whose total weight is under THIN_FLOOR is scored against the floor, so one
 * or two keywords can never make a 100. The alternatives of one requirement
 * ("Go or Java", groups.c) count once: see apply_group.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "dict.h"
#include "doc.h"
#include "analysis.h"

/* About three required keywords: less than this is too thin to score fully. */
#define THIN_FLOOR 6.0
#define IMPLIED_CREDIT 0.5
/* Ranking assumes a posting also asks for this much weight, about three required keywords,
 * that it did not name: the fewer keywords a score rests on, the more that pulls it down. */
#define RANK_PRIOR 6.0

static const double importance_weight[JM_IMPORTANCE_COUNT] = {
    [JM_IMPORTANCE_BOILERPLATE] = 0.0, [JM_IMPORTANCE_MENTIONED] = 0.75,
    [JM_IMPORTANCE_PREFERRED] = 1.0,   [JM_IMPORTANCE_RESPONSIBILITY] = 1.5,
    [JM_IMPORTANCE_REQUIRED] = 2.0,    [JM_IMPORTANCE_TITLE] = 3.0,
};

/*
 * What a keyword earns for where the resume shows it: a skills list alone earns half, a
 * result bullet of a role all. Certifications are held, not shown at work: any mention
 * earns them all.
 */
static const double evidence_credit[JM_EVIDENCE_COUNT] = {
    [JM_EVIDENCE_NONE] = 0.0,    [JM_EVIDENCE_DECLARED] = 0.5, [JM_EVIDENCE_SKILLS] = 0.5,
    [JM_EVIDENCE_MENTION] = 0.6, [JM_EVIDENCE_TASK] = 0.8,     [JM_EVIDENCE_PARTIAL] = 0.9,
    [JM_EVIDENCE_RESULT] = 1.0,
};

enum { MAX_ALTERNATIVES = 8 };

struct jm_result {
    const jm_keywords *resume, *posting;
    jm_match_item *items;
    size_t n;
    const char **names; /* the items' alternatives */
    double total, covered, at_work;
    bool thin;
    int score;
    double rank;
    struct jm_shown *shown; /* per resume keyword: where the resume shows it best */
    int32_t *item_of;       /* per dictionary term: the index of its item, or -1 */
};

const char *jm_evidence_name(jm_evidence e)
{
    static const char *const names[JM_EVIDENCE_COUNT] = {"none", "declared", "skills", "mentioned",
                                                         "task", "partial",  "result"};
    return (unsigned)e < JM_EVIDENCE_COUNT ? names[e] : "unknown";
}

/* ---- where the resume shows each keyword -------------------------------------- */

/* Is the block a line of a role or a project (a bullet, when no bullets were judged)? */
static bool work_line(const struct jm_block *b)
{
    return b->kind != JM_BLOCK_HEADING && b->kind != JM_BLOCK_TITLE &&
           (b->section == JM_SEC_EXPERIENCE || b->section == JM_SEC_PROJECTS);
}

/* The bullet of bs[first, last) that holds text offset `at`, or -1. */
static long bullet_at(const jm_bullets *bs, size_t first, size_t last, size_t at)
{
    for (size_t i = first; i < last; i++) {
        size_t start, end;
        jm_bullets_block(bs, i, &start, &end);
        if (at >= start && at < end)
            return (long)i;
    }
    return -1;
}

/* The evidence of one occurrence, in bullet *bullet or none (-1). */
static jm_evidence evidence_at(const jm_doc *doc, const jm_bullets *bs, const size_t *first,
                               const struct jm_occurrence *o, long *bullet)
{
    const struct jm_block *b = &doc->blocks[o->block];
    *bullet = bs ? bullet_at(bs, first[o->block], first[o->block + 1], o->start) : -1;
    if (*bullet >= 0)
        return (jm_evidence)(JM_EVIDENCE_TASK + jm_bullets_get(bs, (size_t)*bullet)->phrasing);
    if (bs == NULL && work_line(b))
        return JM_EVIDENCE_TASK;
    return b->section == JM_SEC_SKILLS ? JM_EVIDENCE_SKILLS : JM_EVIDENCE_MENTION;
}

/* Each resume keyword's strongest evidence, in one pass over its occurrences: the bullets
 * of block b are bs[first[b], first[b + 1]), as they come in document order. */
static bool find_shown(struct jm_result *r, const jm_bullets *bs)
{
    const jm_doc *doc = jm_keywords_doc(r->resume);
    size_t nkw = jm_keywords_count(r->resume), nb = bs ? jm_bullets_count(bs) : 0;
    size_t *first = calloc(doc->nblocks + 2, sizeof *first);
    r->shown = calloc(nkw ? nkw : 1, sizeof *r->shown);
    if (first == NULL || r->shown == NULL) {
        free(first);
        return false;
    }
    for (size_t i = 0; i < nb; i++) {
        size_t start, end;
        first[jm_bullets_block(bs, i, &start, &end) + 2]++;
    }
    for (size_t b = 2; b < doc->nblocks + 2; b++)
        first[b] += first[b - 1];
    const struct jm_occurrence *occ;
    size_t nocc = jm_keywords_occurrences(r->resume, &occ);
    for (size_t i = 0; i < nkw; i++)
        r->shown[i].bullet = -1;
    for (size_t i = 0; i < nocc; i++) {
        int32_t k = jm_keywords_index(r->resume, occ[i].term);
        long bullet;
        jm_evidence e = evidence_at(doc, bs, first + 1, &occ[i], &bullet);
        if (k >= 0 && e > r->shown[k].evidence)
            r->shown[k] = (struct jm_shown){e, doc->blocks[occ[i].block].line, bullet};
    }
    free(first);
    return true;
}

const struct jm_shown *jm_result_shown(const jm_result *r, uint32_t term)
{
    static const struct jm_shown none = {JM_EVIDENCE_NONE, 0, -1};
    int32_t k = term == JM_NONE ? -1 : jm_keywords_index(r->resume, term);
    return k >= 0 ? &r->shown[k] : &none;
}

/* The posting keywords bullet i of bs names, and what they weigh in the match. */
void jm_bullet_carried(const jm_bullets *bs, size_t i, const jm_result *r, struct jm_carried *c)
{
    c->n = 0;
    c->weight = 0;
    size_t start, end, block = jm_bullets_block(bs, i, &start, &end);
    const struct jm_occurrence *occ;
    const uint32_t *in_block;
    jm_keywords_occurrences(jm_result_resume(r), &occ);
    size_t nin = jm_keywords_block_occurrences(jm_result_resume(r), (uint32_t)block, &in_block);
    JM_WORK(nin);
    for (size_t j = 0; j < nin && c->n < JM_MAX_BULLET_KEYWORDS; j++) {
        const struct jm_occurrence *o = &occ[in_block[j]];
        if (o->start < start || o->start >= end)
            continue;
        const jm_match_item *it = jm_result_item_of(r, o->term);
        bool seen = false;
        for (size_t m = 0; m < c->n; m++)
            seen |= c->items[m] == it;
        if (it != NULL && !seen) {
            c->items[c->n++] = it;
            c->weight += it->weight;
        }
    }
}

/* What a covered item earns for its evidence, 0-1. */
static double credit_of(const jm_match_item *it)
{
    if (it->coverage != JM_COVERAGE_MATCHED && it->coverage != JM_COVERAGE_IMPLIED)
        return 0.0;
    double shown = it->posting->kind == JM_KIND_CERTIFICATION ? 1.0 : evidence_credit[it->evidence];
    return (it->coverage == JM_COVERAGE_IMPLIED ? IMPLIED_CREDIT : 1.0) * shown;
}

/*
 * A named practice ("database design", CI/CD) is a requirement, but a broader
 * and more easily claimed one than a tool; soft skills and certifications
 * count, but less than technical keywords.
 */
static const double kind_weight[] = {
    [JM_KIND_SKILL] = 1.0,
    [JM_KIND_PRACTICE] = 0.75,
    [JM_KIND_SOFT_SKILL] = 0.25,
    [JM_KIND_CERTIFICATION] = 0.5,
};

static double weight_of(const jm_keyword *k)
{
    unsigned c = k->count < 16 ? k->count : 16;
    return importance_weight[k->importance] * kind_weight[k->kind] * (1.0 + log2(c ? c : 1) / 4.0);
}

/*
 * For each term, the index in terms[] (the resume's keywords, most used first, then the
 * terms the person declares) of the term whose implications include it; JM_NONE when there
 * is none. One walk of the implies graph for all of them, not one per posting keyword. NULL
 * when out of memory; free() it.
 */
static uint32_t *impliers(const jm_dict *d, const uint32_t *terms, size_t n)
{
    uint32_t *owner = malloc((d->nterms ? d->nterms : 1) * sizeof *owner);
    struct jm_walk w;
    if (owner == NULL || !jm_walk_init(&w, d, false)) {
        free(owner);
        return NULL;
    }
    jm_walk_owners(&w, terms, n, owner);
    jm_walk_free(&w);
    return owner;
}

/* ---- what the person declares (jm_declared) ------------------------------------ */

#define IGNORED 0x80 /* in struct declared's flags, beside the evidence declared */

struct declared {
    unsigned char *flags; /* per dictionary term: the evidence declared, | IGNORED; or NULL */
    uint32_t *terms;      /* the resume's keywords, then the terms declared held */
    size_t nresume, n;
};

/* Looks up each name of list[0..n): marked `flag` (IGNORED, or the evidence declared) and,
 * unless ignored, added to d->terms. JM_ERR_ARG for a name the dictionary does not know. */
static jm_status declare(const jm_dict *dict, struct declared *d, const char *const *list, size_t n,
                         unsigned char flag, jm_error *err)
{
    for (size_t i = 0; i < n; i++) {
        long t = jm_dict_lookup(dict, list[i]);
        if (t < 0)
            return jm_fail(err, JM_ERR_ARG, "", 0, "'%s' is not a keyword of the dictionaries",
                           list[i]);
        unsigned char was = d->flags[t];
        if (flag == IGNORED) {
            d->flags[t] |= IGNORED;
        } else if ((was & ~IGNORED) < flag) {
            d->flags[t] = (unsigned char)((was & IGNORED) | flag);
            if ((was & ~IGNORED) == JM_EVIDENCE_NONE)
                d->terms[d->n++] = (uint32_t)t;
        }
    }
    return JM_OK;
}

static void declared_free(struct declared *d)
{
    free(d->flags);
    free(d->terms);
}

/* The resume's terms and what `in` declares, as struct declared: the flags only when `in`
 * declares anything. */
static jm_status declared_read(const jm_keywords *resume, const jm_declared *in, struct declared *d,
                               jm_error *err)
{
    const jm_dict *dict = jm_keywords_dict(resume);
    size_t n = jm_keywords_count(resume), nin = in ? in->nhave + in->nassume + in->nignore : 0;
    *d = (struct declared){.nresume = n, .n = n};
    d->terms = malloc((n + nin ? n + nin : 1) * sizeof *d->terms);
    if (d->terms == NULL || (nin > 0 && (d->flags = calloc(dict->nterms, 1)) == NULL)) {
        declared_free(d);
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        d->terms[i] = jm_keywords_term(resume, i);
    jm_status st = JM_OK;
    if (nin > 0) /* the strongest first: a term implied by two is the stronger's */
        if ((st = declare(dict, d, in->assume, in->nassume, JM_EVIDENCE_RESULT, err)) != JM_OK ||
            (st = declare(dict, d, in->have, in->nhave, JM_EVIDENCE_DECLARED, err)) != JM_OK ||
            (st = declare(dict, d, in->ignore, in->nignore, IGNORED, err)) != JM_OK)
            declared_free(d);
    return st;
}

/* The evidence `term` is declared with, JM_EVIDENCE_NONE when it is not. */
static jm_evidence declared_evidence(const struct declared *d, uint32_t term)
{
    return d->flags ? (jm_evidence)(d->flags[term] & ~IGNORED) : JM_EVIDENCE_NONE;
}

/* The gaps the person said to ignore weigh nothing; a requirement they meet stays. */
static void ignore_gaps(struct jm_result *r, const struct declared *d)
{
    const jm_dict *dict = jm_keywords_dict(r->posting);
    for (size_t i = 0; d->flags && i < r->n; i++) {
        jm_match_item *it = &r->items[i];
        if (it->coverage == JM_COVERAGE_MISSING &&
            (d->flags[jm_dict_find(dict, it->posting->name)] & IGNORED))
            it->coverage = JM_COVERAGE_IGNORED, it->weight = 0;
    }
}

static int by_coverage_weight(const void *pa, const void *pb)
{
    const jm_match_item *a = pa, *b = pb;
    bool ta = jm_kind_is_technical(a->posting->kind), tb = jm_kind_is_technical(b->posting->kind);
    if (ta != tb)
        return ta ? -1 : 1; /* technical keywords first */
    if (a->coverage != b->coverage)
        return (int)a->coverage - (int)b->coverage;
    if (a->weight != b->weight)
        return a->weight < b->weight ? 1 : -1;
    return strcmp(a->posting->name, b->posting->name);
}

static double credit_of(const jm_match_item *it);

/* The member that earns most meets a group (a Python result bullet over Go in a skills list);
 * among equals, better coverage, a member that is only in the group, then weight. */
static bool better(const jm_match_item *a, bool a_only, const jm_match_item *b, bool b_only)
{
    double ca = credit_of(a), cb = credit_of(b);
    if (ca != cb)
        return ca > cb;
    if (a->coverage != b->coverage)
        return a->coverage < b->coverage;
    if (a_only != b_only)
        return a_only;
    return a->weight > b->weight;
}

/*
 * One group m[0..n) as one requirement. Its weight is its heaviest member's, among those
 * asked for only in the group; the member that meets it best carries that weight, and the
 * others become its alternatives. When a member asked for on its own (the title's "Go" in
 * "Go or Java") meets it, it keeps its own weight and the group adds nothing.
 */
static void apply_group(jm_match_item *items, const uint32_t *m, size_t n, const bool *only)
{
    const jm_match_item *best = NULL;
    bool best_only = false;
    double weight = 0;
    for (size_t i = 0; i < n; i++) {
        const jm_match_item *it = &items[m[i]];
        if (only[m[i]] && it->weight > weight)
            weight = it->weight;
        bool useful = only[m[i]] || it->coverage != JM_COVERAGE_MISSING;
        if (useful && (best == NULL || better(it, only[m[i]], best, best_only))) {
            best = it;
            best_only = only[m[i]];
        }
    }
    if (weight == 0)
        return; /* every member is asked for on its own as well */
    for (size_t i = 0; i < n; i++) {
        jm_match_item *it = &items[m[i]];
        if (!only[m[i]])
            continue;
        if (it == best)
            it->weight = weight;
        else {
            it->coverage = JM_COVERAGE_ALTERNATIVE;
            it->weight = 0;
            it->implied_by = NULL;
            it->alternative_to = best->posting->name;
        }
    }
}

/* Names the alternatives of each member whose requirement is the group's: the group's other
 * members, at most MAX_ALTERNATIVES. A member also asked for on its own has none: that
 * requirement is it alone. */
static void name_alternatives(struct jm_result *r, const uint32_t *m, size_t n, const bool *only,
                              size_t *used)
{
    for (size_t i = 0; i < n; i++) {
        jm_match_item *it = &r->items[m[i]];
        if (!only[m[i]])
            continue;
        it->alternatives = r->names + *used;
        for (size_t k = 0; k < n && it->nalternatives < MAX_ALTERNATIVES; k++)
            if (k != i)
                r->names[(*used)++] = r->items[m[k]].posting->name, it->nalternatives++;
    }
}

/* Finds the posting's requirement groups and applies each (items in keyword order). */
static bool apply_groups(struct jm_result *r)
{
    size_t n = r->n, m = n ? n : 1;
    uint32_t *group = malloc(m * sizeof *group), *order = malloc(m * sizeof *order);
    size_t *end = calloc(m + 2, sizeof *end);
    bool *only = malloc(m * sizeof *only);
    bool ok = group && order && end && only && jm_requirement_groups(r->posting, group, only);
    /* Members side by side, by group number (1..n; 0 is no group): a counting sort, after
     * which group g holds order[end[g - 1] .. end[g]). */
    for (size_t i = 0; ok && i < n; i++)
        end[group[i] + 1]++;
    for (size_t g = 1; ok && g <= n + 1; g++)
        end[g] += end[g - 1];
    for (size_t i = 0; ok && i < n; i++)
        order[end[group[i]]++] = (uint32_t)i;
    size_t names = 0;
    for (size_t g = 1; ok && g <= n; g++) {
        size_t k = end[g] - end[g - 1];
        names += k * (k - 1 < MAX_ALTERNATIVES ? k - 1 : MAX_ALTERNATIVES);
    }
    ok = ok && (r->names = malloc((names ? names : 1) * sizeof *r->names)) != NULL;
    for (size_t g = 1, used = 0; ok && g <= n; g++) {
        size_t from = end[g - 1], k = end[g] - from;
        if (k < 2)
            continue;
        apply_group(r->items, order + from, k, only);
        name_alternatives(r, order + from, k, only, &used);
    }
    free(group);
    free(order);
    free(end);
    free(only);
    return ok;
}

/* A keyword named only in the company blurb or the benefits is the employer describing
 * itself, not asking: it is neither a gap nor a credit. */
static void drop_blurb(struct jm_result *r)
{
    size_t k = 0;
    for (size_t i = 0; i < r->n; i++)
        if (r->items[i].posting->importance != JM_IMPORTANCE_BOILERPLATE)
            r->items[k++] = r->items[i];
    r->n = k;
}

/* Each item by its term, so that a pass over many bullets or keywords finds theirs at once,
 * not by a search of all items. False when out of memory. */
static bool index_items(struct jm_result *r)
{
    const jm_dict *d = jm_keywords_dict(r->posting);
    r->item_of = malloc((d->nterms ? d->nterms : 1) * sizeof *r->item_of);
    if (r->item_of == NULL)
        return false;
    memset(r->item_of, 0xFF, d->nterms * sizeof *r->item_of);
    for (size_t i = 0; i < r->n; i++)
        r->item_of[jm_dict_find(d, r->items[i].posting->name)] = (int32_t)i;
    return true;
}

const jm_match_item *jm_result_item_of(const jm_result *r, uint32_t term)
{
    return term != JM_NONE && r->item_of[term] >= 0 ? &r->items[r->item_of[term]] : NULL;
}

jm_status jm_match(const jm_keywords *resume, const jm_keywords *posting, jm_result **out,
                   jm_error *err)
{
    return jm_match_evidence(resume, posting, NULL, out, err);
}

jm_status jm_match_evidence(const jm_keywords *resume, const jm_keywords *posting,
                            const jm_bullets *bullets, jm_result **out, jm_error *err)
{
    return jm_match_declared(resume, posting, bullets, NULL, out, err);
}

/* How the resume, or what the person declares, covers posting keyword `it` of term `term`. */
static void cover(struct jm_result *r, jm_match_item *it, uint32_t term, const uint32_t *owner,
                  const struct declared *d)
{
    const jm_dict *dict = jm_keywords_dict(r->posting);
    it->resume = jm_keywords_by_term(r->resume, term);
    uint32_t by = owner[term]; /* the index in d->terms of what implies it */
    jm_evidence declared = declared_evidence(d, term);
    if (it->resume != NULL || declared != JM_EVIDENCE_NONE) {
        it->coverage = JM_COVERAGE_MATCHED;
        const struct jm_shown *shown = jm_result_shown(r, it->resume ? term : JM_NONE);
        it->evidence = shown->evidence, it->evidence_line = shown->line;
    } else if (by != JM_NONE) {
        uint32_t via = d->terms[by];
        it->coverage = JM_COVERAGE_IMPLIED;
        it->implied_by =
            by < d->nresume ? jm_keywords_by_term(r->resume, via)->name : dict->terms[via].name;
        const struct jm_shown *shown = jm_result_shown(r, by < d->nresume ? via : JM_NONE);
        it->evidence = shown->evidence, it->evidence_line = shown->line;
        declared = declared_evidence(d, via);
    } else {
        it->coverage = JM_COVERAGE_MISSING;
    }
    if (declared > it->evidence) /* the resume shows it less well than the person says */
        it->evidence = declared, it->evidence_line = 0;
}

jm_status jm_match_declared(const jm_keywords *resume, const jm_keywords *posting,
                            const jm_bullets *bullets, const jm_declared *declared, jm_result **out,
                            jm_error *err)
{
    *out = NULL;
    if (resume == NULL || posting == NULL || jm_keywords_dict(resume) != jm_keywords_dict(posting))
        return jm_fail(err, JM_ERR_ARG, "", 0, "keywords of two documents, same dictionary");
    struct declared d;
    jm_status st = declared_read(resume, declared, &d, err);
    if (st != JM_OK)
        return st;
    struct jm_result *r = calloc(1, sizeof *r);
    size_t n = jm_keywords_count(posting);
    if (r == NULL || (r->items = calloc(n ? n : 1, sizeof *r->items)) == NULL) {
        free(r);
        declared_free(&d);
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    }
    r->n = n;
    r->resume = resume;
    r->posting = posting;
    uint32_t *owner =
        find_shown(r, bullets) ? impliers(jm_keywords_dict(resume), d.terms, d.n) : NULL;
    if (owner == NULL) {
        declared_free(&d);
        jm_result_free(r);
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        jm_match_item *it = &r->items[i];
        it->posting = jm_keywords_get(posting, i);
        it->weight = weight_of(it->posting);
        cover(r, it, jm_keywords_term(posting, i), owner, &d);
    }
    free(owner);
    if (!apply_groups(r)) {
        declared_free(&d);
        jm_result_free(r);
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    }
    ignore_gaps(r, &d);
    declared_free(&d);
    drop_blurb(r);
    n = r->n;
    for (size_t i = 0; i < n; i++)
        r->total += r->items[i].weight;
    r->thin = r->total < THIN_FLOOR;
    double denom = r->thin ? THIN_FLOOR : r->total;
    for (size_t i = 0; i < n; i++) {
        jm_match_item *it = &r->items[i];
        if (it->coverage == JM_COVERAGE_ALTERNATIVE || it->coverage == JM_COVERAGE_MISSING)
            it->evidence = JM_EVIDENCE_NONE, it->evidence_line = 0;
        double credit = credit_of(it);
        r->covered += it->weight * credit;
        if (it->evidence >= JM_EVIDENCE_TASK)
            r->at_work += it->weight * credit;
        /* a gap costs what it would earn shown at its best */
        it->points = 100.0 * it->weight * (credit > 0 ? credit : 1.0) / denom;
    }
    r->score = (int)lround(100.0 * r->covered / denom);
    r->rank = 100.0 * r->covered / (r->total + RANK_PRIOR);
    qsort(r->items, n, sizeof *r->items, by_coverage_weight);
    if (!index_items(r)) {
        jm_result_free(r);
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    }
    *out = r;
    return JM_OK;
}

void jm_result_free(jm_result *r)
{
    if (r == NULL)
        return;
    free(r->items);
    free(r->names);
    free(r->shown);
    free(r->item_of);
    free(r);
}

int jm_result_score(const jm_result *r)
{
    return r->score;
}
const jm_keywords *jm_result_resume(const jm_result *r)
{
    return r->resume;
}
const jm_keywords *jm_result_posting(const jm_result *r)
{
    return r->posting;
}
size_t jm_result_count(const jm_result *r)
{
    return r->n;
}
double jm_result_total_weight(const jm_result *r)
{
    return r->total;
}
double jm_result_covered_weight(const jm_result *r)
{
    return r->covered;
}
double jm_result_shown_at_work(const jm_result *r)
{
    return r->covered > 0 ? 100.0 * r->at_work / r->covered : 0.0;
}
double jm_result_rank_score(const jm_result *r)
{
    return r->rank;
}

bool jm_result_is_thin(const jm_result *r)
{
    return r->thin;
}

size_t jm_result_top_gaps(const jm_result *r, const jm_match_item **out, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < jm_result_count(r) && k < max; i++) {
        const jm_match_item *it = jm_result_get(r, i);
        if (it->coverage == JM_COVERAGE_MISSING && jm_kind_is_technical(it->posting->kind))
            out[k++] = it;
    }
    return k;
}

const jm_match_item *jm_result_get(const jm_result *r, size_t i)
{
    return i < r->n ? &r->items[i] : NULL;
}

const char *jm_importance_name(jm_importance imp)
{
    static const char *const names[JM_IMPORTANCE_COUNT] = {
        "boilerplate", "mentioned", "preferred", "responsibility", "required", "title"};
    return (unsigned)imp < JM_IMPORTANCE_COUNT ? names[imp] : "unknown";
}

void jm_item_choices(const jm_match_item *it, char *buf, size_t cap)
{
    size_t len = (size_t)snprintf(buf, cap, "%s", it->posting->name);
    for (size_t i = 0; i < it->nalternatives && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%s",
                                i + 1 == it->nalternatives ? " or " : ", ", it->alternatives[i]);
}

const char *jm_coverage_name(jm_coverage c)
{
    static const char *const names[] = {"matched", "implied", "missing", "alternative", "ignored"};
    return (unsigned)c < sizeof names / sizeof *names ? names[c] : "unknown";
}
