/*
 * groups.c - requirement groups: the alternatives a posting names as one
 * requirement. "Experience with either Go or Java", "a frontend framework
 * (e.g. React, Angular or Vue)", "at least one of Java, Scala or Python",
 * "git, Perforce, etc.", "Java, Scala ou Python": a reader meets each of them
 * with any one member, and the score must read them the same way.
 *
 * Keywords next to each other in one block, separated only by a comma, a
 * slash or a conjunction, form a run. A run is a group when an example
 * marker stands before it ("e.g.", "such as", "one of", "wie", "zoals") or
 * after it ("etc.", "or similar"); otherwise each stretch of it joined by
 * "or" (and not by "and") is a group: "Docker and Kubernetes or Nomad" asks
 * for Docker, and for one of Kubernetes and Nomad.
 */
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "doc.h"
#include "analysis.h"

/* How two neighbouring keywords are joined. */
enum join { JOIN_NONE, JOIN_LIST, JOIN_AND, JOIN_OR };

enum { MAX_GAP = 12, MAX_LEAD = 40 };

/* The gap's letters and marks, lower case, spaces and brackets dropped: ", or" -> ",or". */
static size_t squeeze(const char *s, size_t from, size_t to, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = from; i < to; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '(' || c == ')')
            continue;
        if (k + 1 == cap)
            return cap; /* too long to be a separator */
        out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    out[k] = '\0';
    return k;
}

static bool in_list(const char *word, const char *const *list)
{
    for (size_t i = 0; list[i] != NULL; i++)
        if (strcmp(word, list[i]) == 0)
            return true;
    return false;
}

/* What joins the keywords that end at `from` and start at `to` in `s`. */
static enum join join_of(const char *s, size_t from, size_t to)
{
    static const char *const lists[] = {",", "/", "|", "\xC2\xB7", "\xE2\x80\xA2", NULL};
    static const char *const ands[] = {"and", ",and", "&",  "+",  "und", ",und", "et",
                                       ",et", "y",    ",y", "en", ",en", NULL};
    /* Dutch "of" is left out: in English it joins two names far more often than it
     * offers them as choices ("Azure of Microsoft"). */
    static const char *const ors[] = {"or",   ",or",   "and/or", ",and/or", "/or", "ou", ",ou",
                                      "oder", ",oder", "o",      ",o",      "u",   NULL};
    char gap[MAX_GAP];
    size_t n = squeeze(s, from, to, gap, sizeof gap);
    if (n == 0 || n == sizeof gap)
        return JOIN_NONE;
    return in_list(gap, ors)     ? JOIN_OR
           : in_list(gap, ands)  ? JOIN_AND
           : in_list(gap, lists) ? JOIN_LIST
                                 : JOIN_NONE;
}

static bool word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80;
}

/* Does s[0..n) end with the marker `m`, which starts a word there? Case is ignored. */
static bool ends_with_marker(const char *s, size_t n, const char *m)
{
    size_t k = strlen(m);
    if (k > n || strncasecmp(s + n - k, m, k) != 0)
        return false;
    return n == k || !word_char(s[n - k - 1]) || !word_char(m[0]);
}

/* Words that offer what follows as examples or choices, in the languages of section.c. */
static const char *const LEADS[] = {"e.g.",
                                    "e.g",
                                    "eg.",
                                    "e. g.",
                                    "ex.",
                                    "ex:",
                                    "for example",
                                    "for instance",
                                    "such as",
                                    "like",
                                    "one of",
                                    "any of",
                                    "one or more of",
                                    "one of the following",
                                    "any of the following",
                                    "either",
                                    "z. b.",
                                    "z.b.",
                                    "beispielsweise",
                                    "etwa",
                                    "wie",
                                    "par exemple",
                                    "p. ex.",
                                    "p.ex.",
                                    "comme",
                                    "tel que",
                                    "tels que",
                                    "telle que",
                                    "telles que",
                                    "bijv.",
                                    "bijvoorbeeld",
                                    "zoals",
                                    "por ejemplo",
                                    "p. ej.",
                                    "p.ej.",
                                    "como",
                                    "tales como",
                                    "tal como",
                                    "uno de",
                                    NULL};

/* "We would like Python and Go" asks for both: "like" offers examples only after a noun. */
static bool like_is_a_verb(const char *s, size_t n)
{
    static const char *const before[] = {"would like",
                                         "'d like",
                                         "\xE2\x80\x99"
                                         "d like",
                                         "we like",
                                         "i like",
                                         "you like",
                                         NULL};
    for (size_t i = 0; before[i] != NULL; i++)
        if (ends_with_marker(s, n, before[i]))
            return true;
    return false;
}

/* Does an example marker stand right before s[at], past spaces, "(" and ":"? */
static bool led(const char *s, size_t at)
{
    size_t n = at;
    while (n > 0 && strchr(" (:,", s[n - 1]) != NULL)
        n--;
    size_t from = n > MAX_LEAD ? n - MAX_LEAD : 0;
    for (size_t i = 0; LEADS[i] != NULL; i++)
        if (ends_with_marker(s + from, n - from, LEADS[i]))
            return strcmp(LEADS[i], "like") != 0 || !like_is_a_verb(s + from, n - from);
    return false;
}

/* Does "etc." or "or similar" follow s[at]? */
static bool trailed(const char *s, size_t len, size_t at)
{
    static const char *const tails[] = {"etc",
                                        "or similar",
                                        "or equivalent",
                                        "or comparable",
                                        "or other",
                                        "or another",
                                        "or related",
                                        "or any other",
                                        "and similar",
                                        "and the like",
                                        "\xE2\x80\xA6",
                                        "...",
                                        "usw",
                                        "u. a.",
                                        "o. \xC3\xA4.",
                                        "oder \xC3\xA4hnlich",
                                        "oder vergleichbar",
                                        "ou similaire",
                                        "ou \xC3\xA9quivalent",
                                        "o similar",
                                        "o equivalente",
                                        "of vergelijkbaar",
                                        "en dergelijke",
                                        NULL};
    while (at < len && strchr(" ,)", s[at]) != NULL)
        at++;
    for (size_t i = 0; tails[i] != NULL; i++) {
        size_t k = strlen(tails[i]);
        if (len - at >= k && strncasecmp(s + at, tails[i], k) == 0 &&
            (at + k == len || !word_char(s[at + k]) || !word_char(tails[i][k - 1])))
            return true;
    }
    return false;
}

/* ---- union-find over the posting's keywords ---------------------------------------- */

static uint32_t find(uint32_t *parent, uint32_t i)
{
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}

static void unite(uint32_t *parent, uint32_t a, uint32_t b)
{
    a = find(parent, a);
    b = find(parent, b);
    if (a != b)
        parent[a < b ? b : a] = a < b ? a : b;
}

struct grouping {
    const jm_keywords *kw;
    const struct jm_doc *doc;
    const struct jm_occurrence **o; /* every occurrence, in text order */
    uint32_t *run;                  /* per occurrence: 0, or 1 + the first of its group */
    uint32_t *parent;               /* per keyword: union-find over the members of groups */
    bool *member;                   /* per keyword: in a group, at its most important there */
    jm_importance *alone;           /* per keyword: most important mention outside any group */
    jm_importance *together;        /* per keyword: most important mention inside a group */
    bool *has_alone;
};

static int32_t keyword_of(const struct grouping *g, size_t i)
{
    return jm_keywords_index(g->kw, g->o[i]->term);
}

/* Marks occurrences [from, to) as one group when they name two terms. */
static void add_group(struct grouping *g, size_t from, size_t to)
{
    bool two = false;
    for (size_t i = from + 1; i < to; i++)
        two |= g->o[i]->term != g->o[from]->term;
    for (size_t i = from; two && i < to; i++)
        g->run[i] = (uint32_t)from + 1;
}

/* Splits the run [from, to) of one block, whose joins are j[from+1 .. to), into groups. */
static void settle_run(struct grouping *g, const struct jm_block *b, const enum join *j,
                       size_t from, size_t to)
{
    if (to - from < 2)
        return;
    if (led(b->text, g->o[from]->start) || trailed(b->text, b->len, g->o[to - 1]->end)) {
        add_group(g, from, to);
        return;
    }
    for (size_t s = from; s < to;) { /* the stretches between "and"s */
        size_t e = s + 1;
        bool any_or = false;
        for (; e < to && j[e] != JOIN_AND; e++)
            any_or |= j[e] == JOIN_OR;
        if (any_or)
            add_group(g, s, e);
        s = e;
    }
}

/* How occurrence i joins the one before it: only keywords of one kind make a list, and a
 * closing bracket ends one ("e.g. Apache) and UX design"). */
static enum join join_before(const struct grouping *g, const struct jm_block *b, size_t i)
{
    const struct jm_occurrence *p = g->o[i - 1], *o = g->o[i];
    if (o->block != p->block || o->start < p->end ||
        memchr(b->text + p->end, ')', o->start - p->end) != NULL ||
        jm_keywords_get(g->kw, (size_t)keyword_of(g, i))->kind !=
            jm_keywords_get(g->kw, (size_t)keyword_of(g, i - 1))->kind)
        return JOIN_NONE;
    return join_of(b->text, p->end, o->start);
}

/* The groups of the block whose occurrences are [from, to). */
static void block_groups(struct grouping *g, size_t from, size_t to, enum join *j)
{
    const struct jm_block *b = &g->doc->blocks[g->o[from]->block];
    size_t run = from;
    for (size_t i = from; i < to; i++) {
        j[i] = i == from ? JOIN_NONE : join_before(g, b, i);
        if (i > from && j[i] == JOIN_NONE) {
            settle_run(g, b, j, run, i);
            run = i;
        }
    }
    settle_run(g, b, j, run, to);
}

/* The most important mention of each keyword, alone and in a group. */
static void rank_mentions(struct grouping *g, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int32_t k = keyword_of(g, i);
        jm_importance imp = jm_block_importance_at(&g->doc->blocks[g->o[i]->block], g->o[i]->start);
        if (g->run[i] != 0) {
            if (imp > g->together[k])
                g->together[k] = imp;
        } else if (!g->has_alone[k] || imp > g->alone[k]) {
            g->has_alone[k] = true;
            g->alone[k] = imp;
        }
    }
}

/*
 * Joins the members of each group, each where it is named most importantly in a group:
 * partners named in the about-us text ("partners like Snowflake, Talend, AWS") do not
 * become choices of the requirement "AWS, Azure or GCP".
 */
static void join_groups(struct grouping *g, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t e = i + 1;
        while (e < n && g->run[e] == g->run[i] && g->run[i] != 0)
            e++;
        int32_t first = -1;
        for (size_t k = i; k < e && g->run[i] != 0; k++) {
            int32_t kw = keyword_of(g, k);
            if (jm_block_importance_at(&g->doc->blocks[g->o[k]->block], g->o[k]->start) !=
                g->together[kw])
                continue;
            g->member[kw] = true;
            if (first < 0)
                first = kw;
            unite(g->parent, (uint32_t)first, (uint32_t)kw);
        }
        i = e;
    }
}

static int by_position(const void *pa, const void *pb)
{
    const struct jm_occurrence *a = *(const struct jm_occurrence *const *)pa;
    const struct jm_occurrence *b = *(const struct jm_occurrence *const *)pb;
    if (a->block != b->block)
        return a->block < b->block ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end > b->end ? -1 : a->end < b->end; /* the longer first */
}

/* Finds the groups, block by block, then joins their members. */
static bool walk(struct grouping *g)
{
    const struct jm_occurrence *occ;
    size_t n = jm_keywords_occurrences(g->kw, &occ);
    g->o = malloc((n ? n : 1) * sizeof *g->o);
    g->run = calloc(n ? n : 1, sizeof *g->run);
    enum join *j = malloc((n ? n : 1) * sizeof *j);
    bool ok = g->o && g->run && j;
    for (size_t i = 0; ok && i < n; i++)
        g->o[i] = &occ[i];
    if (ok)
        qsort(g->o, n, sizeof *g->o, by_position);
    for (size_t i = 0; ok && i < n;) {
        size_t e = i + 1;
        while (e < n && g->o[e]->block == g->o[i]->block)
            e++;
        block_groups(g, i, e, j);
        i = e;
    }
    if (ok) {
        rank_mentions(g, n);
        join_groups(g, n);
    }
    free(g->o);
    free(g->run);
    free(j);
    return ok;
}

bool jm_requirement_groups(const jm_keywords *posting, uint32_t *group, bool *only_in_group)
{
    size_t n = jm_keywords_count(posting);
    struct grouping g = {.kw = posting, .doc = jm_keywords_doc(posting)};
    size_t m = n ? n : 1;
    g.parent = malloc(m * sizeof *g.parent);
    g.member = calloc(m, sizeof *g.member);
    g.alone = calloc(m, sizeof *g.alone);
    g.together = calloc(m, sizeof *g.together);
    g.has_alone = calloc(m, sizeof *g.has_alone);
    bool ok = g.parent && g.member && g.alone && g.together && g.has_alone;
    for (size_t i = 0; ok && i < n; i++)
        g.parent[i] = (uint32_t)i;
    ok = ok && walk(&g);
    for (size_t i = 0; ok && i < n; i++) {
        group[i] = g.member[i] ? find(g.parent, (uint32_t)i) + 1 : 0;
        /* Its requirement is the group's unless it is asked for alone as strongly. */
        only_in_group[i] = g.member[i] && !(g.has_alone[i] && g.alone[i] >= g.together[i]);
    }
    free(g.parent);
    free(g.member);
    free(g.alone);
    free(g.together);
    free(g.has_alone);
    return ok;
}
