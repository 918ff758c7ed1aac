/*
 * knockout.c - the posting lines that can rule an applicant out (years of
 * experience, degree, certification, clearance, work authorization,
 * location, travel, language: requirements.rules names them), each with what
 * the resume shows for it and, where the resume allows one, a verdict.
 *
 * Years are counted from the resume's roles, not its whole text: a role is a
 * heading or line with a date range ("Mar 2021 – present") and the blocks
 * under it until the next role or section. "5+ years of Python" counts the
 * roles that name Python (or a term implying it); a line naming no skill
 * counts every role. Internships and side projects count unless the line
 * excludes them. The resume is read once per tailoring (jm_knockouts_new),
 * so that each posting line costs what it states, not a rescan.
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

enum { MONTHS = 200 * 12 }; /* the months a role may cover, from January 1900 */
/* A line counts internships or not, side projects or not: four ways to count a role. */
enum { WAYS = 4, WITHOUT_INTERNS = 1, WITHOUT_PROJECTS = 2 };

struct role {
    int start, end;  /* months since 1900, inclusive */
    bool internship; /* its heading or date line says so (the "internship" cue) */
    bool project;    /* under the resume's projects: a side project */
};

/* A resume line a knock-out line may be checked against, by label, and what matched. */
struct fact {
    const char *label;
    const struct jm_block *block;
    size_t start, end;
};

/* What the resume states about degree, language, authorization and clearance: found only
 * when a posting line asks, since each resume block is matched against every label. */
struct resume_facts {
    bool found;
    struct fact v[8]; /* the first resume line of each label, education first */
    size_t n;
    int degree;                         /* the highest degree level the resume names, or 0 */
    const struct jm_block *degree_line; /* where it names it */
};

struct jm_knockouts {
    const jm_result *res;
    const jm_rules *rules;
    int today;
    struct role *roles;
    size_t nroles;
    int *role_of; /* per resume block: its role, or -1 */
    /* by_block[posting_first[b], posting_first[b + 1]): the posting's occurrences in block b;
     * kw_roles[kw_first[i], kw_first[i + 1]): the roles naming the resume's keyword i. */
    size_t *posting_first, *kw_first;
    uint32_t *by_block, *kw_roles;
    struct jm_walk *impliers; /* back from a term to the terms implying it (Python: Django) */
    /* sets[kw * WAYS + way]: the roles of the resume's keyword kw (kw == the keyword count:
     * every role) as a line counts them `way`, made when first asked. */
    struct role_set **sets;
    struct resume_facts *facts; /* found when a posting line first asks */
};

/* ---- degree levels ---------------------------------------------------------- */

/* The levels of the degree cues of requirements.rules, lowest first; index + 1 is a level. */
static const char *const degree_levels[] = {"associate", "bachelor", "master", "doctorate"};
static const char *const degree_names[] = {"an associate degree", "a bachelor's", "a master's",
                                           "a doctorate"};

/* The degree level a cue label names: 1 to 4, or 0 when it names none. */
static int degree_level(const char *label)
{
    for (size_t i = 0; i < sizeof degree_levels / sizeof *degree_levels; i++)
        if (strcmp(label, degree_levels[i]) == 0)
            return (int)i + 1;
    return 0;
}

/* ---- the resume's roles ------------------------------------------------- */

/* One end of a date range: "Mar 2021", "03/2021", "2021/03", "2021-03-15", "2021", "present".
 * Groups: a month name, a month before the year, the year (or "present"), a month after. */
#define DATE_END(year)                                                                             \
    "(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+|(\\d{1,2})[/.])?"          \
    "(" year ")(?:[/.-](\\d{1,2})(?!\\d)(?:[/.-]\\d{1,2}(?!\\d))?)?"

/* The month (0-11) of the date end whose groups start at g: -1 when it names none. */
static int month_of(const char *text, const PCRE2_SIZE *ov, int g)
{
    static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    if (ov[2 * g] != PCRE2_UNSET) {
        const char *t = text + ov[2 * g];
        char mon[4] = {(char)tolower((unsigned char)t[0]), (char)tolower((unsigned char)t[1]),
                       (char)tolower((unsigned char)t[2]), 0};
        const char *at = strstr(months, mon);
        return at ? (int)(at - months) / 3 : -1;
    }
    for (int k = g + 1; k <= g + 3; k += 2) { /* before the year, else after it */
        int m = ov[2 * k] != PCRE2_UNSET ? atoi(text + ov[2 * k]) : 0;
        if (m >= 1 && m <= 12)
            return m - 1;
    }
    return -1;
}

/* The months a date range in the block covers, up to today; false when it has none. */
static bool date_range(pcre2_code *re, pcre2_match_data *md, const struct jm_block *b, int today,
                       int *start, int *end)
{
    if (pcre2_match(re, (PCRE2_SPTR)b->text, b->len, 0, 0, md, NULL) < 0)
        return false;
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    int y0 = atoi(b->text + ov[6]), m0 = month_of(b->text, ov, 1);
    bool present = !isdigit((unsigned char)b->text[ov[14]]);
    int y1 = present ? 0 : atoi(b->text + ov[14]), m1 = month_of(b->text, ov, 5);
    *start = (y0 - 1900) * 12 + (m0 < 0 ? 0 : m0);
    *end = present ? today : (y1 - 1900) * 12 + (m1 < 0 ? 11 : m1);
    if (*end > today)
        *end = today;
    return *start >= 0 && *start <= *end && *end < MONTHS;
}

/* Does the block hold the cue `label`? 1 or 0; -1 when out of memory. */
static int has_cue(const jm_rules *r, const struct jm_block *b, const char *label)
{
    struct jm_rule_hit h;
    int got;
    for (size_t at = 0; (got = jm_rules_next_hit(r, JM_LABELS_CUE, b->text, b->len, at, &h)) > 0;
         at = h.end)
        if (strcmp(h.label, label) == 0)
            return 1;
    return got;
}

/* Is the role of dated block b, under the heading `head` (or NULL), an internship? */
static int internship(const jm_rules *r, const struct jm_block *b, const struct jm_block *head)
{
    int in = has_cue(r, b, "internship");
    return in == 0 && head != NULL ? has_cue(r, head, "internship") : in;
}

/* Sections whose dated entries are work: not education, nor a list of awards. */
static bool work_section(enum jm_section s)
{
    return s == JM_SEC_EXPERIENCE || s == JM_SEC_PROJECTS || s == JM_SEC_NONE;
}

/* The roles of the resume, as bullets.c walks them: a role heading, or a dated line when the
 * role above already has its dates or lines; a section heading ends a role. */
static bool find_roles(struct jm_knockouts *k, const jm_doc *cv)
{
    static const char *const pattern =
        "(?i)\\b" DATE_END("(?:19|20)\\d\\d") "\\s*(?:[-–—]+|to|until|till|bis)\\s*" DATE_END(
            "(?:19|20)\\d\\d|present|current|now|today|heute|aujourd'hui");
    int rc;
    PCRE2_SIZE off;
    pcre2_code *re =
        pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &rc, &off, NULL);
    pcre2_match_data *md = re ? pcre2_match_data_create_from_pattern(re, NULL) : NULL;
    k->roles = malloc((cv->nblocks ? cv->nblocks : 1) * sizeof *k->roles);
    k->role_of = malloc((cv->nblocks ? cv->nblocks : 1) * sizeof *k->role_of);
    bool ok = md && k->roles && k->role_of;
    long cur = -1;          /* the current role, -1 outside any */
    long pending = -1;      /* a role heading waiting for its date line */
    bool has_lines = false; /* the current role has lines under its dates */
    for (size_t i = 0; ok && i < cv->nblocks; i++) {
        const struct jm_block *b = &cv->blocks[i];
        int start, end;
        bool dated = date_range(re, md, b, k->today, &start, &end);
        k->role_of[i] = -1;
        if (b->kind == JM_BLOCK_TITLE || !work_section(b->section) ||
            (b->kind == JM_BLOCK_HEADING &&
             jm_section_classify(b->norm, b->nlen, JM_ROLE_RESUME) != JM_SEC_NONE)) {
            cur = pending = -1;
            continue;
        }
        if (b->kind == JM_BLOCK_HEADING && !dated) {
            cur = -1, pending = (long)i; /* its dates may come on the next line */
            continue;
        }
        if (dated && (cur < 0 || has_lines)) {
            /* the heading above, if any, is the role's: "Acme — Intern" */
            int intern = internship(k->rules, b, pending >= 0 ? &cv->blocks[pending] : NULL);
            ok = intern >= 0;
            k->roles[k->nroles] =
                (struct role){start, end, intern > 0, b->section == JM_SEC_PROJECTS};
            if (pending >= 0)
                k->role_of[pending] = (int)k->nroles;
            cur = (long)k->nroles++;
            pending = -1;
            has_lines = false;
        } else if (cur >= 0 && b->kind == JM_BLOCK_ITEM) {
            has_lines = true;
        }
        k->role_of[i] = (int)cur;
    }
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    return ok;
}

/* ---- indexes, so that each line costs what it states ------------------- */

/* The posting's occurrences by block; the resume's roles by keyword (once per occurrence in
 * a role); the walk back from a term to the terms that imply it (Django: Python). */
static bool index_terms(struct jm_knockouts *k)
{
    const jm_keywords *kp = jm_result_posting(k->res), *kr = jm_result_resume(k->res);
    const jm_dict *d = jm_keywords_dict(kr);
    const struct jm_occurrence *po, *ro;
    size_t np = jm_keywords_occurrences(kp, &po), nr = jm_keywords_occurrences(kr, &ro);
    size_t nkw = jm_keywords_count(kr);
    size_t most = np > nr ? np : nr;
    uint32_t *keys = malloc((most + 1) * sizeof *keys);
    uint32_t *values = malloc((most + 1) * sizeof *values);
    k->impliers = malloc(sizeof *k->impliers);
    if (k->impliers && !jm_walk_init(k->impliers, d, true)) {
        free(k->impliers); /* a failed init leaves nothing else to free */
        k->impliers = NULL;
    }
    bool ok = keys && values && k->impliers;
    size_t n = 0;
    for (size_t i = 0; ok && i < np; i++)
        keys[i] = po[i].block, values[i] = (uint32_t)i;
    ok = ok &&
         jm_group(keys, values, np, jm_keywords_doc(kp)->nblocks, &k->posting_first, &k->by_block);
    for (size_t i = 0; ok && i < nr; i++) {
        int32_t kw = jm_keywords_index(kr, ro[i].term);
        if (kw >= 0 && k->role_of[ro[i].block] >= 0)
            keys[n] = (uint32_t)kw, values[n++] = (uint32_t)k->role_of[ro[i].block];
    }
    ok = ok && jm_group(keys, values, n, nkw, &k->kw_first, &k->kw_roles);
    free(keys);
    free(values);
    return ok;
}

/* The highest degree level the resume's education names (the whole resume's, when it has no
 * education section), and the line that names it. */
static bool find_degree(const struct jm_knockouts *k, const jm_doc *cv)
{
    bool education = false;
    for (size_t i = 0; i < cv->nblocks && !education; i++)
        education = cv->blocks[i].section == JM_SEC_EDUCATION;
    for (size_t i = 0; i < cv->nblocks; i++) {
        const struct jm_block *b = &cv->blocks[i];
        if (education && b->section != JM_SEC_EDUCATION)
            continue;
        struct jm_rule_hit h;
        int got;
        for (size_t at = 0;
             (got = jm_rules_next_hit(k->rules, JM_LABELS_CUE, b->text, b->len, at, &h)) > 0;
             at = h.end) {
            int level = degree_level(h.label);
            if (level > k->facts->degree)
                k->facts->degree = level, k->facts->degree_line = b;
        }
        if (got < 0)
            return false;
    }
    return true;
}

/* The first resume line of each label, education's first for a degree. */
static bool find_facts(const struct jm_knockouts *k, const jm_doc *cv)
{
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < cv->nblocks; i++) {
            const struct jm_block *b = &cv->blocks[i];
            if ((pass == 0) != (b->section == JM_SEC_EDUCATION))
                continue;
            struct jm_rule_hit h;
            int got;
            for (size_t at = 0;
                 (got = jm_rules_next_hit(k->rules, JM_LABELS_FACT, b->text, b->len, at, &h)) > 0;
                 at = h.end) {
                size_t f = 0;
                struct resume_facts *rf = k->facts;
                while (f < rf->n && strcmp(rf->v[f].label, h.label) != 0)
                    f++;
                if (f == rf->n && f < sizeof rf->v / sizeof *rf->v)
                    rf->v[rf->n++] = (struct fact){h.label, b, h.start, h.end};
            }
            if (got < 0)
                return false;
        }
    return true;
}

struct jm_knockouts *jm_knockouts_new(const jm_result *res, const jm_rules *rules, int today)
{
    struct jm_knockouts *k = calloc(1, sizeof *k);
    if (k == NULL)
        return NULL;
    *k = (struct jm_knockouts){.res = res, .rules = rules, .today = today};
    const jm_doc *cv = jm_keywords_doc(jm_result_resume(res));
    size_t nsets = (jm_keywords_count(jm_result_resume(res)) + 1) * WAYS;
    if (!find_roles(k, cv) || !index_terms(k) || (k->facts = calloc(1, sizeof *k->facts)) == NULL ||
        (k->sets = calloc(nsets, sizeof *k->sets)) == NULL) {
        jm_knockouts_free(k);
        return NULL;
    }
    return k;
}

void jm_knockouts_free(struct jm_knockouts *k)
{
    if (k == NULL)
        return;
    free(k->roles);
    free(k->role_of);
    free(k->posting_first);
    free(k->by_block);
    free(k->kw_first);
    free(k->kw_roles);
    free(k->facts);
    if (k->impliers)
        jm_walk_free(k->impliers);
    free(k->impliers);
    size_t nsets = (jm_keywords_count(jm_result_resume(k->res)) + 1) * WAYS;
    for (size_t i = 0; k->sets && i < nsets; i++)
        free(k->sets[i]);
    free(k->sets);
    free(k);
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
    bool eeo, no_internships, professional, equivalent;
    int degree; /* the lowest degree level it names, or 0 */
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
        c->equivalent |= strcmp(h.label, "equivalent") == 0;
        int level = degree_level(h.label);
        if (level > 0 && (c->degree == 0 || level < c->degree))
            c->degree = level;
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
        if (strcmp(h.label, "degree") == 0)
            k.degree = c.degree, k.equivalent = c.equivalent;
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

/* ---- what the resume shows -------------------------------------------------- */

enum { MAX_SKILLS = 6 };

/* The skills (tools and languages, not practices) the posting names in block[from, to), in
 * the order it names them: the skill "5+ years of Python" asks years of. */
static size_t skills_in(const struct jm_knockouts *k, size_t block, size_t from, size_t to,
                        uint32_t *terms)
{
    const struct jm_occurrence *occ;
    jm_keywords_occurrences(jm_result_posting(k->res), &occ);
    const jm_dict *d = jm_keywords_dict(jm_result_posting(k->res));
    size_t n = 0, at[MAX_SKILLS];
    for (size_t j = k->posting_first[block]; j < k->posting_first[block + 1]; j++) {
        const struct jm_occurrence *o = &occ[k->by_block[j]];
        if (o->start < from || o->end > to || d->terms[o->term].kind != JM_KIND_SKILL)
            continue;
        size_t t = 0;
        while (t < n && terms[t] != o->term)
            t++;
        if (t < n || n == MAX_SKILLS)
            continue;
        for (t = n++; t > 0 && at[t - 1] > o->start; t--) /* by position: a few at most */
            terms[t] = terms[t - 1], at[t] = at[t - 1];
        terms[t] = o->term, at[t] = o->start;
    }
    return n;
}

/* What the counted roles cover. */
struct cover {
    int months, first, last;                /* first and last year */
    bool without_interns, without_projects; /* a role that would have counted was left out */
};

/* Some roles as a line counts them: their months, one bit each, and what else they cover. */
struct role_set {
    uint64_t months[(MONTHS + 63) / 64];
    struct cover c; /* c.months is counted from the bits, once the sets are merged */
};

static const struct cover no_cover = {0, 9999, 0, false, false};

static void count_role(struct role_set *s, const struct role *role, int way)
{
    JM_WORK(1);
    if (role->internship && (way & WITHOUT_INTERNS)) {
        s->c.without_interns = true;
        return;
    }
    if (role->project && (way & WITHOUT_PROJECTS)) {
        s->c.without_projects = true;
        return;
    }
    for (int m = role->start; m <= role->end; m++)
        s->months[m / 64] |= 1ull << (m % 64);
    s->c.first = role->start / 12 + 1900 < s->c.first ? role->start / 12 + 1900 : s->c.first;
    s->c.last = role->end / 12 + 1900 > s->c.last ? role->end / 12 + 1900 : s->c.last;
}

/*
 * The roles naming the resume's keyword kw (every role when kw is the keyword count), counted
 * `way`; NULL when out of memory. Made once and kept: a posting of many lines naming the
 * same skill counted every role of a long resume again for each (quadratic).
 */
static const struct role_set *roles_of(const struct jm_knockouts *k, size_t kw, int way)
{
    struct role_set **slot = &k->sets[kw * WAYS + (size_t)way];
    if (*slot != NULL)
        return *slot;
    struct role_set *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    s->c = no_cover;
    bool all = kw == jm_keywords_count(jm_result_resume(k->res));
    for (size_t r = 0; all && r < k->nroles; r++)
        count_role(s, &k->roles[r], way);
    for (size_t j = all ? 0 : k->kw_first[kw]; !all && j < k->kw_first[kw + 1]; j++)
        count_role(s, &k->roles[k->kw_roles[j]], way);
    return *slot = s;
}

/* Adds the roles of keyword kw (none when kw < 0) to `acc`; false when out of memory. */
static bool add_roles(const struct jm_knockouts *k, int32_t kw, int way, struct role_set *acc)
{
    const struct role_set *s = kw >= 0 ? roles_of(k, (size_t)kw, way) : NULL;
    JM_WORK(1);
    if (kw >= 0 && s == NULL)
        return false;
    for (size_t i = 0; s && i < sizeof acc->months / sizeof *acc->months; i++)
        acc->months[i] |= s->months[i];
    if (s == NULL)
        return true;
    acc->c.first = s->c.first < acc->c.first ? s->c.first : acc->c.first;
    acc->c.last = s->c.last > acc->c.last ? s->c.last : acc->c.last;
    acc->c.without_interns |= s->c.without_interns;
    acc->c.without_projects |= s->c.without_projects;
    return true;
}

/* The months of the roles that show any of `terms` (every role when there are none), once
 * each; internships and side projects as the line allows. False when out of memory. */
static bool covered(const struct jm_knockouts *k, const struct jm_knockout_line *line,
                    const uint32_t *terms, size_t nterms, struct cover *c)
{
    const jm_keywords *kr = jm_result_resume(k->res);
    int way =
        (line->no_internships ? WITHOUT_INTERNS : 0) | (line->professional ? WITHOUT_PROJECTS : 0);
    struct role_set acc = {.c = no_cover};
    bool ok = nterms > 0 || add_roles(k, (int32_t)jm_keywords_count(kr), way, &acc);
    for (size_t t = 0; ok && t < nterms; t++) { /* the skill, or a term implying it */
        ok = add_roles(k, jm_keywords_index(kr, terms[t]), way, &acc);
        for (size_t j = 0, n = jm_walk_from(k->impliers, terms[t]); ok && j < n; j++)
            ok = add_roles(k, jm_keywords_index(kr, k->impliers->seen[j]), way, &acc);
    }
    *c = acc.c;
    for (size_t i = 0; i < sizeof acc.months / sizeof *acc.months; i++)
        c->months += __builtin_popcountll(acc.months[i]);
    return ok;
}

/* "Python", "Python or Go", "Python, Go or Rust". */
static void names(const struct jm_knockouts *k, const uint32_t *terms, size_t n, char *out,
                  size_t cap)
{
    const jm_dict *d = jm_keywords_dict(jm_result_posting(k->res));
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && len < cap; i++) {
        snprintf(out + len, cap - len, "%s%s",
                 i == 0       ? ""
                 : i + 1 == n ? " or "
                              : ", ",
                 d->terms[terms[i]].name);
        len = strlen(out);
    }
}

/* "about 6 years (2018–2024)", and what was left out. */
static void span(const struct cover *c, char *out, size_t cap)
{
    int years = (c->months + 6) / 12;
    char range[16];
    if (c->first == c->last)
        snprintf(range, sizeof range, "%d", c->first);
    else
        snprintf(range, sizeof range, "%d\xE2\x80\x93%d", c->first, c->last);
    const char *aside = c->without_interns && c->without_projects
                            ? ", internships and side projects aside"
                        : c->without_interns  ? ", internships aside"
                        : c->without_projects ? ", side projects aside"
                                              : "";
    if (years == 0)
        snprintf(out, cap, "under a year (%s%s)", range, aside);
    else
        snprintf(out, cap, "about %d year%s (%s%s)", years, years == 1 ? "" : "s", range, aside);
}

/* The verdict on the years asked, shown in the roles c covers, as a job seeker reads it. */
static void say_years(const struct jm_knockout_line *line, const char *skill, const struct cover *c,
                      struct jm_knockout *o)
{
    char shown[96];
    span(c, shown, sizeof shown);
    int years = (c->months + 6) / 12, short_by = line->years - years;
    const char *who = *skill ? skill : "your dated roles cover";
    const char *covering = !*skill        ? ""
                           : short_by > 0 ? " shows in roles covering"
                                          : " in roles covering";
    o->years_shown = years;
    o->verdict = line->years < 0 ? JM_VERDICT_NONE /* "mehrjährige Erfahrung": no number */
                 : short_by > 0  ? JM_VERDICT_SHORT
                                 : JM_VERDICT_MEETS;
    if (o->verdict == JM_VERDICT_NONE)
        snprintf(o->evidence, sizeof o->evidence, "%s%s %s.", who, covering, shown);
    else if (o->verdict == JM_VERDICT_MEETS)
        snprintf(o->evidence, sizeof o->evidence, "meets: %s%s %s.", who, covering, shown);
    else
        snprintf(o->evidence, sizeof o->evidence, "short by %d year%s: %s%s %s.", short_by,
                 short_by == 1 ? "" : "s", who, covering, shown);
}

/* Years of experience: from the roles that show the skill the line names, else every role. */
static bool years_verdict(const struct jm_knockouts *k, size_t block,
                          const struct jm_knockout_line *line, struct jm_knockout *o)
{
    uint32_t terms[MAX_SKILLS];
    size_t nterms = skills_in(k, block, line->scope_start, line->scope_end, terms);
    struct cover c;
    if (!covered(k, line, terms, nterms, &c))
        return false;
    char skill[160];
    names(k, terms, nterms, skill, sizeof skill);
    const char *aside = c.without_interns    ? " (internships aside)"
                        : c.without_projects ? " (side projects aside)"
                                             : "";
    if (c.months > 0) {
        say_years(line, skill, &c, o);
        return true;
    }
    o->verdict = JM_VERDICT_NOT_STATED;
    o->years_shown = k->nroles > 0 ? 0 : -1;
    if (k->nroles == 0)
        snprintf(o->evidence, sizeof o->evidence,
                 "not stated: the resume's roles carry no dates; add them (\"Mar 2021 "
                 "\xE2\x80\x93 present\").");
    else if (nterms > 0)
        snprintf(o->evidence, sizeof o->evidence,
                 "not stated: %s is in none of your dated roles%s; if you used it in a role, "
                 "name it in that role's bullets.",
                 skill, aside);
    else
        snprintf(o->evidence, sizeof o->evidence,
                 "not stated: none of your dated roles counts here%s.", aside);
    return true;
}

/* text[0, n) clipped to fit `cap` bytes with an ellipsis, never inside a UTF-8 character. */
static void clip(const char *text, size_t n, char *out, size_t cap)
{
    if (n < cap) {
        memcpy(out, text, n);
        out[n] = '\0';
        return;
    }
    size_t keep = cap - 4; /* room for "…" and the terminator */
    while (keep > 0 && ((unsigned char)text[keep] & 0xC0) == 0x80)
        keep--;
    memcpy(out, text, keep);
    memcpy(out + keep, "\xE2\x80\xA6", 4);
}

/* A line as the reader needs it: whole when short, else the sentence around text[start, end). */
static void quote(const struct jm_block *b, size_t start, size_t end, char *out, size_t cap)
{
    size_t from, to;
    if (b->len < cap) {
        clip(b->text, b->len, out, cap);
        return;
    }
    clause_around(b->text, b->len, start, end, &from, &to);
    if (to - from >= cap - 8 && start > from + cap / 4) { /* a run-on: centre the hit */
        from = start - cap / 4;
        while (from < start && b->text[from] != ' ')
            from++;
    }
    while (from < to && b->text[from] == ' ')
        from++;
    const char *dots = from > 0 ? "\xE2\x80\xA6" : "";
    size_t lead = strlen(dots);
    memcpy(out, dots, lead + 1);
    clip(b->text + from, to - from, out + lead, cap - lead);
    if (to < b->len && strlen(out) + 4 <= cap && to - from < cap - lead)
        strcat(out, "\xE2\x80\xA6");
}

static const struct fact *fact(const struct jm_knockouts *k, const char *label)
{
    for (size_t f = 0; f < k->facts->n; f++)
        if (strcmp(k->facts->v[f].label, label) == 0)
            return &k->facts->v[f];
    return NULL;
}

/* The certifications the resume names. */
static void certifications(const struct jm_knockouts *k, struct jm_knockout *o)
{
    const jm_keywords *kr = jm_result_resume(k->res);
    char *ev = o->evidence;
    size_t cap = sizeof o->evidence, n = 0;
    for (size_t i = 0; i < jm_keywords_count(kr); i++) {
        const jm_keyword *kw = jm_keywords_get(kr, i);
        if (kw->kind != JM_KIND_CERTIFICATION)
            continue;
        size_t len = n ? strlen(ev) - 1 : 0; /* drop the period to append */
        snprintf(ev + len, cap - len, "%s%s.", n++ ? ", " : "the resume names ", kw->name);
    }
    if (n == 0) {
        o->verdict = JM_VERDICT_NOT_STATED;
        snprintf(ev, cap, "not stated: the resume names no certification.");
    }
}

/* Where the resume says you live. */
static void location(const struct jm_knockouts *k, struct jm_knockout *o)
{
    const char *where = jm_doc_location(jm_keywords_doc(jm_result_resume(k->res)));
    if (*where) {
        snprintf(o->evidence, sizeof o->evidence, "the resume gives your location as %s.", where);
        return;
    }
    o->verdict = JM_VERDICT_NOT_STATED;
    snprintf(o->evidence, sizeof o->evidence, "not stated: the resume gives no location.");
}

/* Any label but experience: the resume's line that states it, or its absence. */
static void other_verdict(const struct jm_knockouts *k, struct jm_knockout *o)
{
    static const struct {
        const char *label, *absent; /* what to say when the resume has no line for it */
    } says[] = {
        {"degree", "the resume names no degree; if you hold one, list it under Education."},
        {"language", "the resume names no spoken languages; list them with a level "
                     "(\"German (C1)\")."},
        {"authorization", "the resume does not mention your work authorization; check this "
                          "against your situation."},
        {"clearance", "the resume names no clearance."},
    };
    snprintf(o->evidence, sizeof o->evidence, "check it against your situation.");
    if (strcmp(o->label, "certification") == 0)
        certifications(k, o);
    if (strcmp(o->label, "location") == 0)
        location(k, o);
    for (size_t i = 0; i < sizeof says / sizeof *says; i++) {
        if (strcmp(o->label, says[i].label) != 0)
            continue;
        const struct fact *f = fact(k, o->label);
        char said[112];
        if (f != NULL) {
            quote(f->block, f->start, f->end, said, sizeof said);
            snprintf(o->evidence, sizeof o->evidence, "the resume lists \"%s\".", said);
            o->resume_line = f->block->line;
        } else {
            o->verdict = JM_VERDICT_NOT_STATED;
            snprintf(o->evidence, sizeof o->evidence, "not stated: %s", says[i].absent);
        }
    }
}

/* A degree line that names a level, against the highest level the resume names: meets or
 * short. Other degree lines keep what other_verdict says. */
static void degree_verdict(const struct jm_knockouts *k, const struct jm_knockout_line *line,
                           struct jm_knockout *o)
{
    if (line->degree == 0 || k->facts->degree == 0)
        return;
    const char *asked = degree_names[line->degree - 1], *held = degree_names[k->facts->degree - 1];
    char said[112];
    quote(k->facts->degree_line, 0, k->facts->degree_line->len, said, sizeof said);
    o->resume_line = k->facts->degree_line->line;
    if (k->facts->degree >= line->degree) {
        o->verdict = JM_VERDICT_MEETS;
        snprintf(o->evidence, sizeof o->evidence, "meets: the resume lists %s (\"%s\").", held,
                 said);
    } else {
        o->verdict = JM_VERDICT_SHORT;
        snprintf(o->evidence, sizeof o->evidence,
                 "short: the posting asks %s%s; the resume lists %s (\"%s\").", asked,
                 line->equivalent ? " or equivalent experience" : "", held, said);
    }
}

static bool same_terms(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++) {
        size_t j = 0;
        while (j < nb && b[j] != a[i])
            j++;
        if (j == nb)
            return false;
    }
    return true;
}

/* Drops an experience line that asks the same years of the same skills as an earlier one of
 * the block. Different ones all stay: "10+ years, or 14 in lieu of a degree" is an "or", "at
 * least 10 years in-house and 5 in leadership" an "and", and the reader tells them apart. */
static size_t drop_repeats(const struct jm_knockouts *k, size_t block,
                           struct jm_knockout_line *lines, size_t n)
{
    uint32_t terms[8][MAX_SKILLS];
    size_t nterms[8], kept = 0;
    for (size_t i = 0; i < n && i < 8; i++) {
        bool experience = strcmp(lines[i].label, "experience") == 0;
        nterms[kept] =
            experience ? skills_in(k, block, lines[i].scope_start, lines[i].scope_end, terms[kept])
                       : 0;
        size_t j = 0;
        while (experience && j < kept &&
               !(strcmp(lines[j].label, "experience") == 0 && lines[j].years == lines[i].years &&
                 same_terms(terms[j], nterms[j], terms[kept], nterms[kept])))
            j++;
        if (!experience || j == kept)
            lines[kept++] = lines[i];
    }
    return kept;
}

/* The resume's facts, found on the first call; false when out of memory. */
static bool resume_facts(const struct jm_knockouts *k)
{
    const jm_doc *cv = jm_keywords_doc(jm_result_resume(k->res));
    if (!k->facts->found && (!find_facts(k, cv) || !find_degree(k, cv)))
        return false;
    k->facts->found = true;
    return true;
}

int jm_knockouts_of(const struct jm_knockouts *k, size_t i, struct jm_knockout *out, size_t cap)
{
    const struct jm_block *b = &jm_keywords_doc(jm_result_posting(k->res))->blocks[i];
    struct jm_knockout_line lines[8];
    int n = jm_knockout_lines(k->rules, b->text, b->len, lines, 8);
    if (n < 0)
        return -1;
    size_t count = 0;
    n = (int)drop_repeats(k, i, lines, (size_t)n);
    for (int l = 0; l < n && count < cap; l++) {
        const char *label = lines[l].label;
        /* Benefits offer relocation or hybrid work; but "must be authorized to work in the
         * US" or a clearance often sits in EEO text, and counts there too. */
        if (b->importance == JM_IMPORTANCE_BOILERPLATE && strcmp(label, "authorization") != 0 &&
            strcmp(label, "clearance") != 0)
            continue;
        struct jm_knockout *o = &out[count++];
        *o = (struct jm_knockout){.label = label,
                                  .preferred = b->importance == JM_IMPORTANCE_PREFERRED,
                                  .years_required = lines[l].years,
                                  .years_shown = -1};
        quote(b, lines[l].start, lines[l].end, o->quote, sizeof o->quote);
        if (strcmp(label, "experience") == 0) {
            if (!years_verdict(k, i, &lines[l], o))
                return -1;
            continue;
        }
        if (!resume_facts(k))
            return -1;
        other_verdict(k, o);
        if (strcmp(label, "degree") == 0)
            degree_verdict(k, &lines[l], o);
    }
    return (int)count;
}
