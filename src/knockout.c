/*
 * knockout.c - the posting lines that can rule an applicant out (years of
 * experience, degree, certification, clearance, work authorization,
 * location, travel, language: requirements.rules names them), each with what
 * the resume shows for it, such as the years its dated roles cover.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "dict.h"
#include "doc.h"
#include "analysis.h"

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
    pcre2_code *re =
        pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &rc, &off, NULL);
    pcre2_match_data *md = re ? pcre2_match_data_create_from_pattern(re, NULL) : NULL;
    char covered[200 * 12] = {0}; /* months since 1900 */
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
                char mon[4] = {(char)tolower((unsigned char)t[0]),
                               (char)tolower((unsigned char)t[1]),
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

/* The first block of `section` in the resume that states a requirement (a degree). */
static const struct jm_block *resume_block(const jm_doc *resume, enum jm_section section,
                                           const jm_rules *rules)
{
    for (size_t i = 0; i < resume->nblocks; i++) {
        const struct jm_block *b = &resume->blocks[i];
        const char *label = jm_rules_requirement(rules, b->text, b->len);
        if (b->section == section && label && strcmp(label, "degree") == 0)
            return b;
    }
    return NULL;
}

void jm_knockout_evidence(const jm_result *res, const jm_bullets *bs, const char *label, int today,
                          char *out, size_t cap)
{
    const jm_doc *resume = jm_keywords_doc(jm_result_resume(res));
    const jm_rules *rules = jm_bullets_rules(bs);
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
        b = resume_block(resume, JM_SEC_EDUCATION, rules);
        if (b != NULL)
            snprintf(out, cap, "The resume lists \"%.80s\" (line %ld).", b->text, b->line);
        else
            snprintf(out, cap, "The resume names no degree: if you hold one, list it.");
    } else if (strcmp(label, "certification") == 0) {
        const jm_keywords *kr = jm_result_resume(res);
        size_t k = 0;
        snprintf(out, cap, "The resume names no certification.");
        for (size_t i = 0; i < jm_keywords_count(kr); i++) {
            const jm_keyword *kw = jm_keywords_get(kr, i);
            if (kw->kind != JM_KIND_CERTIFICATION)
                continue;
            size_t len = k ? strlen(out) - 1 : 0; /* drop the period to append */
            snprintf(out + len, cap - len, "%s%s.", k++ ? ", " : "The resume names ", kw->name);
        }
    } else if (strcmp(label, "location") == 0 && *jm_doc_location(resume)) {
        snprintf(out, cap, "The resume gives your location as %s.", jm_doc_location(resume));
    } else {
        snprintf(out, cap, "The resume says nothing about it: check it against your situation.");
    }
}

/* ---- what a posting line states ------------------------------------------ */

/* Spelled-out numbers of years, with the values that the [define] ycount of
 * requirements.rules cannot give. */
static int number_word(const char *w, size_t n)
{
    static const struct {
        const char *word;
        int value;
    } words[] = {
        {"one", 1},     {"two", 2},     {"three", 3},    {"four", 4},    {"five", 5},
        {"six", 6},     {"seven", 7},   {"eight", 8},    {"nine", 9},    {"ten", 10},
        {"eleven", 11}, {"twelve", 12}, {"fifteen", 15}, {"twenty", 20}, {"zwei", 2},
        {"drei", 3},    {"vier", 4},    {"fünf", 5},     {"sechs", 6},   {"sieben", 7},
        {"acht", 8},    {"neun", 9},    {"zehn", 10},    {"deux", 2},    {"trois", 3},
        {"quatre", 4},  {"cinq", 5},    {"sept", 7},     {"huit", 8},    {"neuf", 9},
        {"dix", 10},    {"dos", 2},     {"tres", 3},     {"cuatro", 4},  {"cinco", 5},
        {"seis", 6},    {"siete", 7},   {"ocho", 8},     {"nueve", 9},   {"diez", 10},
        {"twee", 2},    {"drie", 3},    {"vijf", 5},     {"zes", 6},     {"zeven", 7},
        {"negen", 9},   {"tien", 10},
    };
    char low[16];
    if (n >= sizeof low)
        return -1;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = '\0';
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(words[i].word, low) == 0)
            return words[i].value;
    return -1;
}

/* The first number of years in s[0, n): the minimum of "3-5 years"; -1 when none. */
static int years_in(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t e = i;
        while (e < n && (isalnum((unsigned char)s[e]) || (unsigned char)s[e] >= 0x80))
            e++;
        if (e == i) {
            i++;
            continue;
        }
        if (isdigit((unsigned char)s[i])) {
            size_t d = i;
            while (d < e && isdigit((unsigned char)s[d]))
                d++;
            if (d == e && e - i <= 2)
                return atoi(s + i);
        } else {
            int v = number_word(s + i, e - i);
            if (v >= 0)
                return v;
        }
        i = e;
    }
    return -1;
}

/* Does a clause end at s[i]? ".", "!", "?" or ";" then a space; not "e.g. the", "U.S. Citizen". */
static bool clause_end(const char *s, size_t n, size_t i)
{
    if (!strchr(".!?;", s[i]) || (i + 1 < n && s[i + 1] != ' '))
        return false;
    if (s[i] != '.' || i + 2 >= n)
        return true;
    size_t w = i;
    while (w > 0 && isalpha((unsigned char)s[w - 1]))
        w--;
    if (i - w == 1 && w > 0 && s[w - 1] == '.') /* the last letter of "U.S." */
        return false;
    return !(i - w <= 2 && !isupper((unsigned char)s[i + 2]));
}

static void clause_around(const char *s, size_t n, size_t start, size_t end, size_t *from,
                          size_t *to)
{
    size_t a = start, z = end;
    while (a > 0 && !clause_end(s, n, a - 1))
        a--;
    while (z < n && !clause_end(s, n, z))
        z++;
    *from = a, *to = z;
}

/* How far a run-on clause (a page that lost its line breaks) reaches around its requirement:
 * "Python: 5+ years", "5+ years of experience with AWS, GCP, Azure, or another cloud service". */
enum { RUN_ON = 240, SCOPE_BEFORE = 80, SCOPE_AFTER = 80 };

/* A clause and the cues within it. */
struct clause {
    size_t start, end;
    bool eeo, no_internships, professional;
};

/* The clause around text[start, end), kept while the hits stay in it: each clause is read
 * once, however many requirements it states. 1, or -1 when out of memory. */
static int clause_at(const jm_rules *r, const char *text, size_t n, size_t start, size_t end,
                     struct clause *c)
{
    if (c->end > 0 && start >= c->start && start < c->end)
        return 1;
    *c = (struct clause){0};
    clause_around(text, n, start, end, &c->start, &c->end);
    struct jm_rule_hit h;
    int got;
    /* Matched in the clause alone, or a clause without cues would search on to the end. */
    for (size_t at = c->start;
         (got = jm_rules_next_hit(r, JM_LABELS_CUE, text, c->end, at, &h)) > 0; at = h.end) {
        c->eeo |= strcmp(h.label, "not") == 0;
        c->no_internships |= strcmp(h.label, "no-internships") == 0;
        c->professional |= strcmp(h.label, "professional") == 0;
    }
    return got < 0 ? -1 : 1;
}

int jm_knockout_lines(const jm_rules *r, const char *text, size_t n, struct jm_knockout_line *out,
                      size_t cap)
{
    struct jm_rule_hit h;
    struct clause c = {0};
    size_t count = 0;
    int got = 0;
    for (size_t at = 0;
         count < cap && (got = jm_rules_next_hit(r, JM_LABELS_REQUIREMENT, text, n, at, &h)) > 0;
         at = h.end) {
        bool experience = strcmp(h.label, "experience") == 0, seen = false;
        for (size_t i = 0; i < count && !experience; i++)
            seen |= strcmp(out[i].label, h.label) == 0; /* each label once, but years per clause */
        if (seen)
            continue;
        if (clause_at(r, text, n, h.start, h.end, &c) < 0)
            return -1;
        if (c.eeo) /* "regardless of age, citizenship, …" asks for nothing */
            continue;
        struct jm_knockout_line k = {.label = h.label,
                                     .years = -1,
                                     .start = h.start,
                                     .end = h.end,
                                     .scope_start = c.start,
                                     .scope_end = c.end,
                                     .no_internships = experience && c.no_internships,
                                     .professional = experience && c.professional};
        if (c.end - c.start > RUN_ON && k.scope_start + SCOPE_BEFORE < h.start)
            k.scope_start = h.start - SCOPE_BEFORE;
        if (c.end - c.start > RUN_ON && k.scope_end > h.end + SCOPE_AFTER)
            k.scope_end = h.end + SCOPE_AFTER;
        struct jm_knockout_line *prev = count ? &out[count - 1] : NULL;
        if (experience && prev && strcmp(prev->label, "experience") == 0 &&
            prev->scope_end > k.scope_start) { /* "5+ years of Go and 3+ years of Rust" */
            prev->scope_end = h.start;
            k.scope_start = prev->end;
        }
        if (experience)
            k.years = years_in(text + h.start, h.end - h.start);
        out[count++] = k;
    }
    return got < 0 ? -1 : (int)count;
}
