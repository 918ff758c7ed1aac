/*
 * phrasing.c - the verdict on one resume bullet: result, partial or task,
 * the reasons, and a hint in the bullet's own words.
 *
 * It follows the specification of issue 5 (README "How bullets are judged"):
 * an outcome must be stated as having happened (an outcome verb in the past,
 * a realised benefit, recognition, a milestone) to be at least partial; it is
 * a result only with a measure tied to it. Numbers that measure scope (team
 * size, budget, years, versions) or count outputs ("5 bugs") never make a
 * result, nor does the throughput of what the writer did or looked after
 * ("Processed 150 claims a day", "Maintained a system serving 2M users"): only
 * that of what they delivered. The hint rewrites the opening verbs in the tense
 * the role's time asks for (past, or present in a role still held) and suggests
 * the measure of the bullet's topic. The words come from the rules (rules.c).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "dict.h"
#include "rules.h"

/* ---- judging one bullet ------------------------------------------------- */

enum { MAX_SPANS = 32, MAX_EVENTS = 16, NEAR_NUMBER = 64 };

struct span {
    size_t start, end;
};

struct spans {
    struct span v[MAX_SPANS];
    size_t n;
};

/* The entry a (*MARK:i)-tagged alternation matched with. */
static size_t mark_of(pcre2_match_data *md)
{
    PCRE2_SPTR mark = pcre2_get_mark(md);
    return mark ? (size_t)strtoul((const char *)mark, NULL, 10) : 0;
}

/* A trigger (an outcome stated as happened) or a measure, with its reason. */
struct event {
    size_t start, end;
    const char *reason;
    bool ties_counts; /* a bare count after it measures it ("adopted by three teams") */
};

struct events {
    struct event v[MAX_EVENTS];
    size_t n;
};

struct judge {
    const jm_rules *r;
    const char *s; /* the bullet with every number as JM_NUMBER_TOKEN */
    size_t n;
    const char *orig;    /* the bullet as written: what reasons and hints quote */
    const uint32_t *map; /* offset in s -> offset in orig; n + 1 entries */
    struct jm_arena *a;
    pcre2_match_data *md;
    struct jm_judgement *out;
    size_t frame_end; /* end of a responsibility frame's clause; 0 when none */
    struct spans purpose, scope, output;
    struct events triggers, measures;
    struct events soft; /* "a mechanism reducing memory 4x": ties a figure, states nothing alone */
    bool numbers;       /* any digit or number word: else the number classes cannot match */
    const bool *near;   /* near[i]: s[i] is close enough before a number to start a scope */
    size_t nnumbers;    /* numbers seen that measured nothing */
    bool via_purpose;   /* a figure measured an intent */
    enum jm_role_time time;
    struct span role; /* "Lead Database Consultant …": the opener is a noun, not a verb */
};

static bool next_match(const struct judge *j, enum jm_regex re, size_t from, struct span *m)
{
    /* The text is valid UTF-8 (read/decode.c), and offsets are always at a character start. */
    if (from > j->n || jm_rules_match(j->r, re, j->s, j->n, from, PCRE2_NO_UTF_CHECK, j->md) < 0)
        return false;
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(j->md);
    *m = (struct span){ov[0], ov[1]};
    return true;
}

/* Can a class match start at s[at]: a word start, not a space, and for the numeric
 * classes close enough before a number? */
static bool match_start(const struct judge *j, const unsigned char *s, size_t at, bool numeric)
{
    return s[at] != ' ' && (!numeric || j->near[at]) &&
           (at == 0 || (s[at - 1] < 0x80 ? !isalnum(s[at - 1]) && s[at - 1] != '\''
                                         : !jm_is_word_cp(jm_utf8_before(j->s, at))));
}

/*
 * Every match of class `re`; with `marks`, the entry each one matched with. One search
 * finds the leftmost match, which is the first position where an anchored match would
 * succeed; a match that starts where none may (inside a word, far from a number) is set
 * aside and the search goes on from the next character. One search per match, not one
 * anchored try per word: and JIT, once it is on (jm_rules_match), runs no anchored match.
 */
static void find_all_marked(const struct judge *j, enum jm_regex re, struct spans *out,
                            size_t *marks)
{
    out->n = 0;
    const unsigned char *s = (const unsigned char *)j->s;
    bool numeric = re == JM_RE_SCOPE || re == JM_RE_OUTPUT || re == JM_RE_USAGE;
    for (size_t at = 0; at < j->n && out->n < MAX_SPANS;) {
        if (jm_rules_match(j->r, re, j->s, j->n, at, PCRE2_NO_UTF_CHECK, j->md) < 0)
            return;
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(j->md);
        size_t start = ov[0], end = ov[1];
        if (!match_start(j, s, start, numeric)) {
            at = start + 1;
            while (at < j->n && (s[at] & 0xC0) == 0x80)
                at++;
            continue;
        }
        if (marks != NULL)
            marks[out->n] = mark_of(j->md);
        out->v[out->n++] = (struct span){start, end};
        at = end > start ? end : start + 1;
        while (at < j->n && (s[at] & 0xC0) == 0x80)
            at++;
    }
}

/* A match of class `re` starting exactly at `at`. */
static bool anchored_match(const struct judge *j, enum jm_regex re, size_t at, struct span *m)
{
    if (jm_rules_match(j->r, re, j->s, j->n, at, PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, j->md) < 0)
        return false;
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(j->md);
    *m = (struct span){ov[0], ov[1]};
    return true;
}

static void find_all(const struct judge *j, enum jm_regex re, struct spans *out)
{
    find_all_marked(j, re, out, NULL);
}

static bool overlaps(const struct spans *set, struct span m)
{
    for (size_t i = 0; i < set->n; i++)
        if (m.start < set->v[i].end && set->v[i].start < m.end)
            return true;
    return false;
}

static void drop_overlapping(struct spans *set, const struct spans *by)
{
    size_t k = 0;
    for (size_t i = 0; i < set->n; i++)
        if (!overlaps(by, set->v[i]))
            set->v[k++] = set->v[i];
    set->n = k;
}

static bool is_boundary(const char *s, size_t n, size_t i)
{
    if (strchr(",;:()[]", s[i]) != NULL && s[i] != '\0')
        return true;
    /* em and en dashes, and a period that ends a sentence */
    if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
        return true;
    return s[i] == '.' && (i + 1 == n || s[i + 1] == ' ');
}

static size_t clause_end(const struct judge *j, size_t from)
{
    size_t i = from;
    while (i < j->n && !is_boundary(j->s, j->n, i))
        i++;
    return i;
}

static size_t clause_start(const struct judge *j, size_t at)
{
    size_t i = at;
    while (i > 0 && !is_boundary(j->s, j->n, i - 1))
        i--;
    return i;
}

static bool in_purpose(const struct judge *j, size_t pos)
{
    for (size_t i = 0; i < j->purpose.n; i++)
        if (pos >= j->purpose.v[i].start && pos < j->purpose.v[i].end)
            return true;
    return false;
}

/* "class:matched text", lower case, without a leading glyph or "I". */
static const char *reason(struct judge *j, const char *cls, struct span m)
{
    while (m.start < m.end && !isalnum((unsigned char)j->s[m.start]))
        m.start++;
    if (m.end - m.start > 2 && j->s[m.start] == 'I' && j->s[m.start + 1] == ' ')
        m.start += 2;
    size_t from = j->map[m.start], to = j->map[m.end];
    char *p = jm_arena_alloc(j->a, strlen(cls) + 2 + (to - from));
    if (p == NULL)
        return cls;
    size_t k = (size_t)sprintf(p, "%s:", cls);
    for (size_t i = from; i < to; i++)
        p[k++] = (char)tolower((unsigned char)j->orig[i]);
    p[k] = '\0';
    return p;
}

static void add_event(struct events *e, size_t start, size_t end, const char *why)
{
    if (e->n < MAX_EVENTS)
        e->v[e->n++] = (struct event){start, end, why, false};
}

/* Room for one more trigger, soft trigger and measure: the lists are bounded. */
static bool event_room(const struct judge *j)
{
    return j->triggers.n < MAX_EVENTS && j->soft.n < MAX_EVENTS && j->measures.n < MAX_EVENTS;
}

static void add_reason(struct jm_judgement *out, const char *why)
{
    for (size_t i = 0; i < out->nreasons; i++)
        if (strcmp(out->reasons[i], why) == 0)
            return;
    if (out->nreasons < JM_MAX_REASONS)
        out->reasons[out->nreasons++] = why;
}

/* "the improved flow": a participle used as an adjective states no change. */
static bool adjectival(const struct judge *j, size_t pos)
{
    static const char *const before[] = {
        "a",   "an",  "the", "for",   "with", "of", "more", "into",       "its", "their",
        "our", "his", "her", "newly", "from", "on", "in",   "previously", "all", NULL};
    size_t e = pos;
    while (e > 0 && j->s[e - 1] == ' ')
        e--;
    size_t b = e;
    while (b > 0 && isalpha((unsigned char)j->s[b - 1]))
        b--;
    for (size_t i = 0; before[i]; i++)
        if (e - b == strlen(before[i]) && strncasecmp(j->s + b, before[i], e - b) == 0)
            return true;
    return false;
}

static bool word_char(char c)
{
    return isalpha((unsigned char)c) || c == '-' || c == '\'';
}

/* The word before `at` (skipping spaces), as [*b, *e); false at the start. */
static bool word_before(const struct judge *j, size_t at, size_t *b, size_t *e)
{
    *e = at;
    while (*e > 0 && j->s[*e - 1] == ' ')
        (*e)--;
    *b = *e;
    while (*b > 0 && word_char(j->s[*b - 1]))
        (*b)--;
    return *e > *b;
}

static bool word_is(const struct judge *j, size_t b, size_t e, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == e - b && strncasecmp(j->s + b, list[i], e - b) == 0)
            return true;
    return false;
}

/* "helped reduce", "contributed to reducing": the help states the outcome happened. */
static bool after_help(const struct judge *j, size_t at)
{
    static const char *const linkers[] = {"to", "in", "with", "towards", NULL};
    static const char *const helps[] = {"help",     "helped",      "helps", "helping",
                                        "assisted", "contributed", NULL};
    size_t b, e;
    if (!word_before(j, at, &b, &e))
        return false;
    if (word_is(j, b, e, linkers) && !word_before(j, b, &b, &e))
        return false;
    return word_is(j, b, e, helps);
}

/* ", reducing costs" or "thereby reducing": an outcome realised by what came before. */
static bool after_comma(const struct judge *j, size_t at)
{
    static const char *const linkers[] = {"thereby", "while", "ultimately", NULL};
    size_t i = at, b, e;
    while (i > 0 && j->s[i - 1] == ' ')
        i--;
    if (i > 0 && (strchr(",;(", j->s[i - 1]) || (i >= 3 && is_boundary(j->s, j->n, i - 3))))
        return true;
    return word_before(j, at, &b, &e) && word_is(j, b, e, linkers);
}

/* "now saves", "now cuts": a present outcome stated as reached. */
static bool after_now(const struct judge *j, size_t at)
{
    static const char *const now[] = {"now", NULL};
    size_t b, e;
    return word_before(j, at, &b, &e) && word_is(j, b, e, now);
}

/* "not released", "never launched", "didn't ship": a negated outcome states none. */
static bool negated(const struct judge *j, size_t at)
{
    static const char *const negations[] = {"not",    "never",   "no",     "without", "didn't",
                                            "wasn't", "weren't", "hasn't", "haven't", NULL};
    size_t b = at, e;
    for (int k = 0; k < 2 && word_before(j, b, &b, &e); k++)
        if (word_is(j, b, e, negations))
            return true;
    return false;
}

/* One outcome verb at [b, e): what its form and its place say. */
static void outcome_verb(struct judge *j, const struct jm_verb *v, enum jm_verb_form f, size_t b,
                         size_t e, size_t opener_end)
{
    struct span m = {b, e}, sense;
    if (b < j->frame_end || in_purpose(j, b) || negated(j, b) ||
        (anchored_match(j, JM_RE_NOT_OUTCOME, b, &sense) && sense.start == b))
        return;
    struct events *into = &j->triggers;
    const char *cls = "outcome";
    if (v->multiplier && (f == JM_VERB_PAST || f == JM_VERB_GERUND))
        add_event(&j->measures, b, e, "metric:x");
    else if (f == JM_VERB_PAST && adjectival(j, b))
        return;
    else if (f == JM_VERB_GERUND && after_comma(j, b))
        cls = "benefit";
    else if ((f == JM_VERB_BASE || f == JM_VERB_GERUND) && after_help(j, b))
        cls = "outcome";
    else if (f == JM_VERB_THIRD && after_now(j, b))
        cls = "benefit"; /* "It now saves the team hours": a state reached */
    else if ((f == JM_VERB_GERUND || f == JM_VERB_THIRD) && b > opener_end + 1)
        into = &j->soft; /* "a mechanism reducing memory by 4x" */
    else if (f != JM_VERB_PAST)
        return;
    add_event(into, b, e, reason(j, cls, m));
    into->v[into->n - 1].ties_counts = into == &j->triggers;
}

/* Outcome verbs, word by word: two-word verbs ("sped up") before one-word ones. */
static void scan_verbs(struct judge *j, size_t opener_end)
{
    for (size_t i = 0; i < j->n;) {
        if (!isalpha((unsigned char)j->s[i]) || (i > 0 && word_char(j->s[i - 1]))) {
            i++;
            continue;
        }
        size_t e = i;
        while (e < j->n && word_char(j->s[e]))
            e++;
        size_t e2 = e + 1;
        while (e2 < j->n && word_char(j->s[e2]))
            e2++;
        enum jm_verb_form f;
        const struct jm_verb *v = NULL;
        if (e < j->n && j->s[e] == ' ' && e2 > e + 1)
            v = jm_rules_verb(j->r, j->s + i, e2 - i, &f);
        if (v != NULL)
            e = e2;
        else
            v = jm_rules_verb(j->r, j->s + i, e - i, &f);
        if (v != NULL && v->outcome && event_room(j))
            outcome_verb(j, v, f, i, e, opener_end);
        i = e;
    }
}

/* "Giving talks at meetups", "Enabling teams with …": a bullet that opens with a gerund
 * states an ongoing activity, not a benefit of what came before. */
static bool opening_gerund(const struct judge *j, struct span m)
{
    size_t e = m.start;
    while (e < m.end && word_char(j->s[e]))
        e++;
    return m.start == j->out->verb_start && e - m.start > 4 &&
           strncasecmp(j->s + e - 3, "ing", 3) == 0;
}

/* Outcomes stated as having happened, outside a duty frame and outside intent. */
static void find_triggers(struct judge *j, size_t opener_end)
{
    static const struct {
        enum jm_regex re;
        const char *cls;
        bool ties_counts;
    } kinds[] = {
        {JM_RE_BENEFIT, "benefit", true},
        {JM_RE_RECOGNITION, "recognition", false},
        {JM_RE_MILESTONE, "milestone", true},
    };
    scan_verbs(j, opener_end);
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        struct spans hits;
        find_all(j, kinds[k].re, &hits);
        for (size_t i = 0; i < hits.n; i++) {
            struct span m = hits.v[i];
            if (m.start < j->frame_end || in_purpose(j, m.start) || negated(j, m.start) ||
                !event_room(j) || (kinds[k].re == JM_RE_BENEFIT && opening_gerund(j, m)))
                continue;
            add_event(&j->triggers, m.start, m.end, reason(j, kinds[k].cls, m));
            j->triggers.v[j->triggers.n - 1].ties_counts = kinds[k].ties_counts;
        }
    }
}

/* A label for a self-standing measure, from its text. */
static const char *measured_label(const struct judge *j, struct span m)
{
    char t[128];
    snprintf(t, sizeof t, "%.*s", (int)(m.end - m.start), j->s + m.start);
    for (char *p = t; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    if (strstr(t, "zero") || strncmp(t, "no ", 3) == 0 || strstr(t, "without"))
        return "metric:zero";
    if (strstr(t, "→") || strstr(t, "->") || strstr(t, " to "))
        return "metric:before-after";
    if (strstr(t, " early") || strstr(t, "ahead of") || strstr(t, "deadline"))
        return "metric:time";
    if (strchr(t, '#') || strstr(t, "rank") || strstr(t, "top") || strstr(t, "place") ||
        strstr(t, "st ") || strstr(t, "nd ") || strstr(t, "rd ") || strstr(t, "th "))
        return "metric:rank";
    if (strstr(t, "rat") || strstr(t, "scor") || strstr(t, "nps") || strstr(t, "csat"))
        return "metric:rating";
    if (strchr(t, '%') || strstr(t, "percent"))
        return "metric:%";
    if (strchr(t, '$') || strstr(t, "\xE2\x82\xAC") || strstr(t, "\xC2\xA3"))
        return "metric:money"; /* "closed $2.4M in new contracts" */
    return "metric:x";
}

/*
 * A number measures an outcome when the outcome comes first: anywhere before it for a
 * unit (%, money, time), within its own clause for a bare count. A figure after an intent
 * ("to cut manual effort by 60%") counts too: it is specific.
 */
static bool tied(struct judge *j, struct span m, bool count, bool time)
{
    size_t from = count ? clause_start(j, m.start) : 0;
    for (size_t i = 0; i < j->triggers.n; i++) {
        const struct event *t = &j->triggers.v[i];
        if (t->start < m.start && t->start >= from && (!count || t->ties_counts))
            return true;
    }
    for (size_t i = 0; !count && i < j->soft.n; i++)
        if (j->soft.v[i].start < m.start)
            return true;
    /* An intent's figure must measure a change (%, x, money), not specify the work. */
    for (size_t i = 0; !count && !time && i < j->purpose.n; i++) {
        if (j->purpose.v[i].start < m.start) {
            j->via_purpose = true;
            return true;
        }
    }
    return false;
}

static bool word_is_base(const struct jm_verb *v, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(v->form[JM_VERB_BASE], list[i]) == 0)
            return true;
    return false;
}

/* The clause's first word at or after `from`, past glyphs and "I": [*b, *e). */
static bool clause_first_word(const struct judge *j, size_t from, size_t *b, size_t *e)
{
    size_t i = from;
    while (i < j->n && !isalpha((unsigned char)j->s[i]))
        i++;
    if (i + 1 < j->n && j->s[i] == 'I' && j->s[i + 1] == ' ')
        i += 2;
    *b = i;
    while (i < j->n && word_char(j->s[i]))
        i++;
    *e = i;
    return *e > *b;
}

/*
 * A count of the writer's own activity, not the usage of what was built: the clause's own
 * verb handles the items ("Processed 200 invoices a day", "Answered 50 calls per day",
 * "Served 300 customers daily"), where a delivered thing handles them in "a pipeline
 * processing 2 TB a day", "an API that serves 50K requests/day" or "Automated delivery of
 * 70% of daily orders". An outcome verb keeps its figure ("Grew to 10K users a month").
 */
/* verbs that make a thing whose traffic the rest of the clause can measure */
static const char *const makers[] = {"automate",  "build",     "create",   "develop",
                                     "design",    "implement", "engineer", "architect",
                                     "introduce", "launch",    "set up",   NULL};

static bool own_activity(const struct judge *j, struct span m)
{
    /* verbs whose object is work that the thing delivered then does */
    static const char *const takers[] = {"automate", NULL};
    /* the words of usage entries that describe handling items, when the writer does it */
    static const char *const handling[] = {"serv", "handl", "process", "support", "scan", NULL};
    /* words after which the number belongs to something else than the clause's verb */
    static const char *const apart[] = {"that", "which", "who",   "with", "for",
                                        "used", "where", "whose", NULL};
    size_t b, e;
    if (!clause_first_word(j, clause_start(j, m.start), &b, &e) || b > m.start)
        return false;
    enum jm_verb_form f = JM_VERB_FORMS;
    const struct jm_verb *v = jm_rules_verb(j->r, j->s + b, e - b, &f);
    if (v == NULL && e - b > 3 && strncasecmp(j->s + e - 2, "ed", 2) == 0)
        f = JM_VERB_PAST; /* an unlisted regular past: "Answered" */
    if (f == JM_VERB_FORMS || f == JM_VERB_GERUND || (v != NULL && v->outcome))
        return false;
    if (b == m.start) {
        for (size_t i = 0; handling[i]; i++)
            if (strncasecmp(j->s + b, handling[i], strlen(handling[i])) == 0)
                return true;
        return false;
    }
    if (isalpha((unsigned char)j->s[m.start]))
        return false; /* "a collector handling …", "an app used by …": not the clause's verb */
    bool direct = true; /* only qualifiers between the verb and the number */
    for (size_t i = e; i < m.start;) {
        while (i < m.start && !isalpha((unsigned char)j->s[i]))
            i++;
        size_t w = i;
        while (i < m.start && word_char(j->s[i]))
            i++;
        if (i == w)
            break;
        static const char *const qualifiers[] = {
            "over",   "more",    "than", "about", "around", "roughly",
            "nearly", "almost",  "up",   "to",    "some",   "approximately",
            "an",     "average", "of",   "on",    NULL};
        if (word_is(j, w, i, apart) || (i - w > 4 && strncasecmp(j->s + i - 3, "ing", 3) == 0))
            return false;
        direct &= word_is(j, w, i, qualifiers);
    }
    /* "Automated 85% of the tests": the automation takes over the work it names */
    if (direct && v != NULL && word_is_base(v, takers))
        return false;
    if (direct || v == NULL)
        return true;
    return !word_is_base(v, makers);
}

/* An outcome stated as happened before `at`. */
static bool outcome_before(const struct judge *j, size_t at)
{
    for (size_t i = 0; i < j->triggers.n; i++)
        if (j->triggers.v[i].start < at)
            return true;
    return false;
}

/*
 * The throughput of something the writer looked after, not delivered, sizes a duty: "Maintained
 * a legacy system processing 10K orders a day", "Supervised a crew processing 2,000 parcels a
 * day", "Part of a team running 300 deployments a week". The verb that governs the clause
 * (else the bullet's opener) keeps, runs, fixes or changes what exists; or the bullet opens
 * with a membership.
 */
static bool looked_after(const struct judge *j, struct span m)
{
    static const char *const keepers[] = {
        "maintain",     "operate",   "support",   "manage",     "supervise",   "monitor",
        "administer",   "run",       "oversee",   "handle",     "own",         "work",
        "troubleshoot", "debug",     "upgrade",   "migrate",    "port",        "refactor",
        "rewrite",      "modernize", "modernise", "assist",     "collaborate", "coordinate",
        "test",         "document",  "review",    "audit",      "tune",        "optimize",
        "optimise",     "secure",    "help",      "contribute", NULL};
    static const char *const members[] = {"part", "member",  "involved", "participated",
                                          "took", "on-call", "engaged",  NULL};
    size_t b, e;
    enum jm_verb_form f;
    const struct jm_verb *v = NULL;
    if (clause_first_word(j, clause_start(j, m.start), &b, &e) && b < m.start)
        v = jm_rules_verb(j->r, j->s + b, e - b, &f);
    if (v == NULL || f == JM_VERB_GERUND) {
        v = j->out->verb;
        b = j->out->verb_start;
        e = j->out->verb_end;
    }
    static const char *const helps[] = {"help", "contribute", NULL};
    if (v != NULL && word_is_base(v, helps)) { /* "helped build …": a share in delivering */
        size_t i = e;
        for (int k = 0; k < 3 && i < m.start; k++) {
            while (i < m.start && !isalpha((unsigned char)j->s[i]))
                i++;
            size_t w = i;
            while (i < m.start && word_char(j->s[i]))
                i++;
            const struct jm_verb *next = jm_rules_verb(j->r, j->s + w, i - w, &f);
            if (next != NULL && word_is_base(next, makers))
                return false;
        }
    }
    if (v != NULL)
        return !v->outcome && word_is_base(v, keepers);
    return clause_first_word(j, 0, &b, &e) && word_is(j, b, e, members);
}

/* Measures that stand alone, then numbers that are measures only when tied to an outcome. */
static void find_measures(struct judge *j)
{
    struct spans hits;
    find_all(j, JM_RE_MEASURED, &hits);
    for (size_t i = 0; i < hits.n; i++)
        if (hits.v[i].start >= j->frame_end && !overlaps(&j->output, hits.v[i]))
            add_event(&j->measures, hits.v[i].start, hits.v[i].end, measured_label(j, hits.v[i]));
    if (j->numbers)
        find_all(j, JM_RE_USAGE, &hits);
    for (size_t i = 0; j->numbers && i < hits.n; i++) {
        if (hits.v[i].start < j->frame_end || overlaps(&j->output, hits.v[i]) ||
            overlaps(&j->scope, hits.v[i]))
            continue;
        if (own_activity(j, hits.v[i])) {
            if (j->output.n < MAX_SPANS)
                j->output.v[j->output.n++] = hits.v[i]; /* activity volume */
            continue;
        }
        if (looked_after(j, hits.v[i]) && !outcome_before(j, hits.v[i].start)) {
            j->nnumbers++; /* the scope of a duty */
            continue;
        }
        add_event(&j->measures, hits.v[i].start, hits.v[i].end, "metric:usage");
    }
    struct spans taken = {.n = 0};
    for (size_t i = 0; i < j->measures.n && taken.n < MAX_SPANS; i++)
        taken.v[taken.n++] = (struct span){j->measures.v[i].start, j->measures.v[i].end};
    const struct jm_rule_list *l = &j->r->lists[JM_RC_METRIC];
    size_t kinds[MAX_SPANS];
    find_all_marked(j, JM_RE_METRIC, &hits, kinds);
    for (size_t i = 0; i < hits.n; i++) {
        struct span m = hits.v[i];
        if (overlaps(&taken, m) || kinds[i] >= l->n)
            continue;
        const char *kind = l->v[kinds[i]].key;
        bool count = strcmp(kind, "count") == 0;
        if (overlaps(&j->scope, m) || overlaps(&j->output, m) || m.start < j->frame_end ||
            !tied(j, m, count, strcmp(kind, "time") == 0)) {
            j->nnumbers++;
            continue;
        }
        char *why = jm_arena_alloc(j->a, strlen(kind) + 8);
        if (why != NULL)
            sprintf(why, "metric:%s", kind);
        add_event(&j->measures, m.start, m.end, why ? why : "metric");
    }
}

/* The first word of the bullet past any glyph, bold lead-in ("Latency: ") or "I". */
static struct span first_word(const struct judge *j)
{
    size_t i = 0;
    size_t colon = clause_end(j, 0);
    /* "Tracking API latency: Cut p95 …": a short label before a colon is not the opener. */
    if (colon < j->n && j->s[colon] == ':' && colon < 40)
        i = colon + 1;
    while (i < j->n && !isalpha((unsigned char)j->s[i]))
        i++;
    if (i + 1 < j->n && j->s[i] == 'I' && j->s[i + 1] == ' ')
        i += 2;
    size_t e = i;
    while (e < j->n && (isalpha((unsigned char)j->s[e]) || j->s[e] == '-'))
        e++;
    return (struct span){i, e};
}

/* Does a role noun end its phrase at `at`: "Lead Engineer, Payments", "Lead engineer for X",
 * "Consultant T73", but not "developer code"? */
static bool role_ends(const struct judge *j, size_t at)
{
    static const char *const after[] = {"of",   "for",   "at",     "in",    "on",
                                        "with", "to",    "from",   "and",   "or",
                                        "&",    "since", "within", "until", NULL};
    size_t i = at;
    while (i < j->n && j->s[i] == ' ')
        i++;
    if (i >= j->n || is_boundary(j->s, j->n, i) || !isalpha((unsigned char)j->s[i]) ||
        isupper((unsigned char)j->s[i]))
        return true;
    size_t e = i;
    while (e < j->n && (word_char(j->s[e]) || j->s[e] == '&'))
        e++;
    return word_is(j, i, e, after);
}

/*
 * Is the opening word a noun, though spelt like a verb: a role ("Lead Database Consultant",
 * "Founding member of", "Coach for the U12 team") or the head of a noun phrase ("Design
 * of the API")? Its end, else 0. A hint must not turn it into a verb ("Coached for").
 */
static size_t noun_opener(const struct judge *j, struct span w, enum jm_verb_form f)
{
    static const char *const roles[] = {
        "member",     "engineer",    "developer",  "consultant",  "architect",     "designer",
        "manager",    "analyst",     "scientist",  "researcher",  "instructor",    "coach",
        "mentor",     "specialist",  "advisor",    "adviser",     "administrator", "editor",
        "writer",     "tester",      "programmer", "contributor", "maintainer",    "owner",
        "organizer",  "organiser",   "speaker",    "volunteer",   "lead",          "head",
        "director",   "officer",     "intern",     "assistant",   "associate",     "fellow",
        "teacher",    "tutor",       "chair",      "captain",     "evangelist",    "partner",
        "technician", "coordinator", "strategist", "expert",      "dba",           "sre",
        NULL};
    /* "Working knowledge of AWS": a skill, not an action */
    static const char *const skills[] = {"knowledge",   "experience",  "understanding", "expertise",
                                         "proficiency", "familiarity", "skills",        NULL};
    static const char *const heads[] = {"of", "for", NULL};
    /* verbs that never take "to": before it they are nouns ("Support to the sales team") */
    static const char *const to_nouns[] = {"support", NULL};
    static const char *const stops[] = {"the", "a",  "an", "and", "or",   "to", "with",
                                        "in",  "on", "at", "by",  "from", "&",  NULL};
    if (f != JM_VERB_BASE && f != JM_VERB_GERUND)
        return 0;
    size_t i = w.end;
    for (int k = 0; k < 3; k++) {
        while (i < j->n && j->s[i] == ' ')
            i++;
        size_t b = i;
        while (i < j->n && (word_char(j->s[i]) || j->s[i] == '&'))
            i++;
        if (k == 0 && f == JM_VERB_BASE &&
            (word_is(j, b, i, heads) ||
             ((word_is(j, w.start, w.end, roles) || word_is(j, w.start, w.end, to_nouns)) &&
              i - b == 2 && strncasecmp(j->s + b, "to", 2) == 0)))
            return w.end; /* "Design of the API", "Mentor to three interns", "Support to" */
        if (i == b || word_is(j, b, i, stops))
            return 0;
        if ((word_is(j, b, i, roles) || word_is(j, b, i, skills)) && role_ends(j, i))
            return i;
        if (i < j->n && is_boundary(j->s, j->n, i))
            return 0;
    }
    return 0;
}

static void find_opening_verb(struct judge *j)
{
    struct span w = first_word(j);
    j->out->verb = w.end > w.start
                       ? jm_rules_verb(j->r, j->s + w.start, w.end - w.start, &j->out->verb_form)
                       : NULL;
    j->out->verb_start = w.start;
    j->out->verb_end = w.end;
    size_t role = j->out->verb ? noun_opener(j, w, j->out->verb_form) : 0;
    if (role > 0) {
        j->role = (struct span){w.start, role};
        j->out->verb = NULL;
        j->out->verb_form = JM_VERB_FORMS;
        return;
    }
    if (j->out->verb == NULL && w.end - w.start > 3 && strncmp(j->s + w.end - 2, "ed", 2) == 0)
        j->out->verb_form = JM_VERB_PAST; /* an unlisted regular past: "Spearheaded" */
    else if (j->out->verb == NULL)
        j->out->verb_form = JM_VERB_FORMS;
}

/* `lead`, then up to `max` words of s[from..to), with "…" when cut, as written. */
static const char *quote_words(struct judge *j, const char *lead, size_t from, size_t to, int max)
{
    struct jm_buf b = {0};
    jm_buf_puts(&b, lead);
    int k = 0;
    const char *s = j->orig;
    size_t i = j->map[from];
    to = j->map[to];
    while (i < to && k < max) {
        while (i < to && s[i] == ' ')
            i++;
        size_t e = i;
        while (e < to && s[e] != ' ')
            e++;
        if (e > i) {
            jm_buf_printf(&b, "%s%.*s", b.len ? " " : "", (int)(e - i), s + i);
            k++;
        }
        i = e;
    }
    while (b.len > 0 && strchr(".,;: ", b.data[b.len - 1]))
        b.data[--b.len] = '\0';
    if (i < to && k == max)
        jm_buf_puts(&b, " …");
    const char *out = b.failed || b.len == 0 ? "" : jm_arena_strndup(j->a, b.data, b.len);
    j->a->failed |= b.failed; /* the quote is lost: the bullets fail as out of memory */
    jm_buf_free(&b);
    return out ? out : "";
}

/* `lead`, then up to `max` words of s[from..to), with "…" when cut; capitalized. */
static const char *words(struct judge *j, const char *lead, size_t from, size_t to, int max)
{
    const char *out = quote_words(j, lead, from, to, max);
    if (*out)
        ((char *)out)[0] = (char)toupper((unsigned char)out[0]);
    return out;
}

/* The verb a noun hides ("implementation" -> implement), or NULL. */
static const struct jm_verb *nominal_verb(const struct judge *j, size_t b, size_t e)
{
    const struct jm_rule_list *nom = &j->r->lists[JM_RC_NOMINAL];
    enum jm_verb_form f;
    for (size_t k = 0; k < nom->n; k++)
        if (strlen(nom->v[k].key) == e - b && strncasecmp(nom->v[k].key, j->s + b, e - b) == 0)
            return jm_rules_verb(j->r, nom->v[k].value, strlen(nom->v[k].value), &f);
    return NULL;
}

/* The form a hint leads with: the past, or the present in a role still held. */
static enum jm_verb_form lead_form(const struct judge *j)
{
    return j->time == JM_TIME_CURRENT ? JM_VERB_BASE : JM_VERB_PAST;
}

/* After a weak opener: "maintaining the API" -> "Maintained the API" ("Maintain" in a
 * current role); "the migration of X" -> "Migrated X". NULL when the words say no action. */
static const char *lead_after(struct judge *j, size_t at)
{
    size_t end = clause_end(j, at);
    size_t i = at;
    for (int skip = 0; skip < 2; skip++) {
        while (i < end && j->s[i] == ' ')
            i++;
        size_t e = i;
        while (e < end && isalpha((unsigned char)j->s[e]))
            e++;
        enum jm_verb_form f;
        const struct jm_verb *v = jm_rules_verb(j->r, j->s + i, e - i, &f);
        if (v != NULL && f == JM_VERB_GERUND)
            return words(j, v->form[lead_form(j)], e, end, 7);
        v = e > i ? nominal_verb(j, i, e) : NULL;
        if (v != NULL) {
            if (strncmp(j->s + e, " of ", 4) == 0)
                e += 3;
            return words(j, v->form[lead_form(j)], e, end, 7);
        }
        if (!(e - i <= 3 &&
              (strncasecmp(j->s + i, "the", e - i) == 0 || strncasecmp(j->s + i, "a", e - i) == 0 ||
               strncasecmp(j->s + i, "an", e - i) == 0)))
            return NULL;
        i = e; /* an article: look at the next word */
    }
    return NULL;
}

enum { MAX_CHAIN = 8 };

/* The coordinated verbs that open a bullet: "Created and maintain", "Research, implement and
 * evaluate", "Design and implementation of". */
struct chain_word {
    size_t start, end;
    const struct jm_verb *v;
    bool noun; /* a noun that hides the verb: "implementation" */
};

struct chain {
    struct chain_word w[MAX_CHAIN];
    size_t n, end; /* end: past the last verb, or past "of" after a noun that hides one */
};

/* From the opening verb on: a verb, then ", " "and" "or" "&" and a verb (or a noun that hides
 * one), as long as each separator follows a verb at once ("Built APIs and tests" is one). */
static void opening_chain(const struct judge *j, struct chain *c)
{
    static const char *const conj[] = {"and", "or", NULL};
    const struct jm_judgement *o = j->out;
    c->n = 0;
    if (o->verb == NULL)
        return;
    c->w[c->n++] = (struct chain_word){o->verb_start, o->verb_end, o->verb, false};
    c->end = o->verb_end;
    size_t e = o->verb_end;
    while (c->n < MAX_CHAIN) {
        size_t i = e;
        bool sep = i < j->n && j->s[i] == ',';
        i += sep;
        while (i < j->n && j->s[i] == ' ')
            i++;
        size_t b = i;
        while (i < j->n && isalpha((unsigned char)j->s[i]))
            i++;
        if (i < j->n && i == b && j->s[i] == '&')
            i++;
        if (i > b && (word_is(j, b, i, conj) || j->s[b] == '&')) {
            sep = true;
            while (i < j->n && j->s[i] == ' ')
                i++;
            b = i;
        } else {
            i = b;
        }
        while (i < j->n && word_char(j->s[i]))
            i++;
        enum jm_verb_form f;
        const struct jm_verb *v = i > b ? jm_rules_verb(j->r, j->s + b, i - b, &f) : NULL;
        bool noun = v == NULL && i > b && (v = nominal_verb(j, b, i)) != NULL;
        /* an unlisted regular past ("examined") stays as written */
        bool past = v == NULL && i - b > 3 && strncasecmp(j->s + i - 2, "ed", 2) == 0;
        if (!sep || (v == NULL && !past))
            break;
        c->w[c->n++] = (struct chain_word){b, i, v, noun};
        e = c->end = i;
        if (noun && strncasecmp(j->s + i, " of ", 4) == 0)
            c->end = i + 3;
    }
}

/* The chain in form `f`, then the rest of its clause: NULL when every verb has it already and
 * no noun hides one. `*tense`: a verb changed its form. */
static const char *chain_in(struct judge *j, const struct chain *c, enum jm_verb_form f,
                            bool *tense)
{
    bool changed = false;
    *tense = false;
    struct jm_buf b = {0};
    for (size_t k = 0; k < c->n; k++) {
        size_t len = c->w[k].end - c->w[k].start;
        const char *form =
            c->w[k].v ? c->w[k].v->form[f] : jm_arena_strndup(j->a, j->s + c->w[k].start, len);
        if (form == NULL)
            break;
        bool differs = strlen(form) != len || strncasecmp(form, j->s + c->w[k].start, len) != 0;
        changed |= differs;
        *tense |= differs && !c->w[k].noun;
        jm_buf_puts(&b, form);
        if (k + 1 < c->n) /* the separator as written */
            jm_buf_put(&b, j->orig + j->map[c->w[k].end],
                       j->map[c->w[k + 1].start] - j->map[c->w[k].end]);
    }
    changed |= c->end != c->w[c->n - 1].end; /* "implementation of" */
    const char *out = NULL;
    j->a->failed |= b.failed; /* the hint is lost: the bullets fail as out of memory */
    if (changed && !b.failed) {
        char *lead = jm_arena_strndup(j->a, b.data, b.len);
        out = lead ? words(j, lead, c->end, clause_end(j, c->end), 6) : NULL;
    }
    jm_buf_free(&b);
    return out;
}

/* The opening verbs and the rest of their clause, as written. */
static const char *chain_quote(struct judge *j, const struct chain *c)
{
    const char *lead = quote_words(j, "", c->w[0].start, c->end, 12);
    return words(j, lead, c->end, clause_end(j, c->end), 5);
}

/* The hint on the opening verbs' tense, or NULL when it is right: the past for a past role
 * (or one of unknown time); for a current role the present, "Develop", not "Developing". */
static const char *tense_hint(struct judge *j, const char *m)
{
    struct chain c;
    opening_chain(j, &c);
    if (c.n == 0)
        return NULL;
    bool current = j->time == JM_TIME_CURRENT, tense;
    if (current && j->out->verb_form == JM_VERB_PAST)
        return NULL; /* "Created and maintain" fits a role still held */
    const char *lead = chain_in(j, &c, current ? JM_VERB_BASE : JM_VERB_PAST, &tense);
    if (lead != NULL && tense)
        return jm_arena_printf(j->a,
                               current ? "In a current role, use the present tense, \"%s\", then "
                                         "say what it changes, measured: %s."
                                       : "Use the past tense, \"%s\", then say what changed, "
                                         "measured: %s.",
                               lead, m);
    if (lead != NULL) /* "Design and implementation of X" */
        return jm_arena_printf(j->a, "Lead with the verbs, \"%s\", then say what %s, measured: %s.",
                               lead, current ? "it changes" : "changed", m);
    if (!current || j->purpose.n > 0 || j->output.n > 0)
        return NULL;
    return jm_arena_printf(j->a,
                           "The present tense suits a current role: keep \"%s\" and add what it "
                           "has changed, measured: %s.",
                           chain_quote(j, &c), m);
}

/* The measure to suggest: that of the first topic marked "!" (what work changes: speed, cost,
 * reliability), else of the topic named earliest in the bullet, else a neutral one. */
static const char *measure_hint(const struct judge *j)
{
    /* words that start no topic: skipping them halves the cost of a hint */
    static const char *const function_words[] = {
        "a",     "an",     "the",     "and",  "or",   "of",    "for",     "to",       "in",
        "on",    "with",   "by",      "at",   "as",   "from",  "into",    "our",      "their",
        "its",   "my",     "was",     "were", "is",   "are",   "be",      "been",     "that",
        "which", "who",    "all",     "new",  "over", "using", "via",     "across",   "including",
        "such",  "both",   "each",    "more", "most", "other", "several", "multiple", "various",
        "while", "within", "through", "it",   "this", "these", "we",      "i",        "also",
        "well",  "than",   "then",    "up",   "out",  NULL};
    const struct jm_rule_list *l = &j->r->lists[JM_RC_MEASURE_HINT];
    const unsigned char *s = (const unsigned char *)j->s;
    const char *found = NULL;
    /* The leftmost match, then whether a topic may start there (find_all_marked) */
    struct span m;
    for (size_t at = 0; at < j->n && next_match(j, JM_RE_HINT, at, &m);) {
        size_t p = m.start, e = p, whole;
        while (e < j->n && (isalnum(s[e]) || s[e] == '\''))
            e++;
        for (whole = e; whole < j->n && (isalnum(s[whole]) || strchr("'-", s[whole])); whole++)
            ; /* "on-call" is no "on" */
        if (!isalpha(s[p]) || (p > 0 && (isalnum(s[p - 1]) || s[p - 1] == '\'')) ||
            word_is(j, p, whole, function_words)) {
            at = e > p ? e : p + 1;
            while (at < j->n && (s[at] & 0xC0) == 0x80)
                at++;
            continue;
        }
        size_t k = mark_of(j->md);
        const char *v = k < l->n ? l->v[k].value : "";
        if (v[0] == '!') { /* what the work changed outranks what it was about */
            v++;
            while (*v == ' ')
                v++;
            return v;
        }
        if (found == NULL && *v)
            found = v;
        at = m.end > e ? m.end : e;
    }
    return found ? found
                 : "a number that shows the change: %, time or money saved, or users served";
}

static const char *quote_span(struct judge *j, struct span m)
{
    return quote_words(j, "", m.start, m.end, 8);
}

/* How to make a task a result, in the bullet's own words. */
static const char *task_hint(struct judge *j, struct span opener, bool framed)
{
    const char *m = measure_hint(j);
    struct jm_judgement *o = j->out;
    if (opener.end > 0) {
        const char *lead = lead_after(j, opener.end);
        const char *said = reason(j, "", opener) + 1;
        if (lead != NULL)
            return jm_arena_printf(
                j->a, "Lead with \"%s\" instead of \"%s\", then say what changed, measured: %s.",
                lead, said, m);
        return jm_arena_printf(j->a,
                               "Replace \"%s\" with the verb for what you did yourself (built, "
                               "led, automated …), then say what changed, measured: %s.",
                               said, m);
    }
    (void)framed;
    const char *tense = tense_hint(j, m);
    if (tense != NULL)
        return tense;
    if (j->role.end > 0)
        return jm_arena_printf(j->a,
                               "\"%s\" names a role, a skill or a duty, not what you did: lead "
                               "with a verb (built, led, automated …), then say what changed, "
                               "measured: %s.",
                               quote_words(j, "", j->role.start, j->role.end, 6), m);
    if (j->purpose.n > 0)
        return jm_arena_printf(
            j->a, "\"%s\" is an intent: say what actually happened, measured: %s.",
            quote_span(j, (struct span){j->purpose.v[0].start, clause_end(j, j->purpose.v[0].end)}),
            m);
    if (j->output.n > 0)
        return jm_arena_printf(
            j->a, "\"%s\" counts activity, not outcome: say what it changed, measured: %s.",
            quote_span(j, j->output.v[0]), m);
    if (o->verb_form == JM_VERB_PAST && o->verb != NULL) {
        struct chain c;
        opening_chain(j, &c);
        return jm_arena_printf(j->a, "Keep \"%s\" and add what it changed, measured: %s.",
                               chain_quote(j, &c), m);
    }
    if (o->verb_form == JM_VERB_PAST)
        return jm_arena_printf(j->a, "Keep \"%s\" and add what it changed, measured: %s.",
                               words(j, "", o->verb_start, clause_end(j, o->verb_start), 6), m);
    return jm_arena_printf(j->a, "State the outcome and its measure: %s.", m);
}

/* A bare list of technologies: commas, no verb, no article. */
static bool tech_list(const struct judge *j)
{
    size_t commas = 0;
    for (size_t i = 0; i < j->n; i++)
        commas += j->s[i] == ',';
    return commas >= 2 && j->out->verb == NULL && j->out->verb_form == JM_VERB_FORMS &&
           j->triggers.n == 0 && j->role.end == 0;
}

static int by_start(const void *a, const void *b)
{
    const struct event *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
}

static void decide(struct judge *j, struct span opener, bool framed)
{
    struct jm_judgement *o = j->out;
    /* The reasons name what comes first in the bullet. */
    qsort(j->triggers.v, j->triggers.n, sizeof *j->triggers.v, by_start);
    qsort(j->measures.v, j->measures.n, sizeof *j->measures.v, by_start);
    if (framed)
        add_reason(o, reason(j, "responsibility", opener));
    else if (opener.end > 0)
        add_reason(o, reason(j, "weak-opener", opener));
    if (j->measures.n > 0) {
        o->phrasing = JM_PHRASING_RESULT;
        if (j->triggers.n > 0 || j->soft.n > 0)
            add_reason(o, j->triggers.n > 0 ? j->triggers.v[0].reason : j->soft.v[0].reason);
        if (j->via_purpose)
            add_reason(o, "purpose-with-figure");
        add_reason(o, j->measures.v[0].reason);
        o->hint = "";
        return;
    }
    if (j->triggers.n > 0) {
        o->phrasing = JM_PHRASING_PARTIAL;
        add_reason(o, j->triggers.v[0].reason);
        add_reason(o, "outcome-unmeasured");
        if (j->nnumbers > 0)
            add_reason(o, "scope-number-only");
        o->hint = jm_arena_printf(j->a, "Add the measure to \"%s\": %s.",
                                  quote_span(j, (struct span){j->triggers.v[0].start,
                                                              clause_end(j, j->triggers.v[0].end)}),
                                  measure_hint(j));
        return;
    }
    o->phrasing = JM_PHRASING_TASK;
    if (j->purpose.n > 0)
        add_reason(o, "purpose-only");
    if (o->verb != NULL && o->verb_form != JM_VERB_PAST && opener.end == 0 &&
        j->time != JM_TIME_CURRENT)
        add_reason(o, "present-tense");
    if (j->output.n > 0)
        add_reason(o, "activity-volume");
    else if (j->nnumbers > 0)
        add_reason(o, "scope-number-only");
    if (tech_list(j))
        add_reason(o, "tech-list");
    else if (o->verb_form == JM_VERB_PAST && opener.end == 0 && j->purpose.n == 0)
        add_reason(o, "deliverable-only");
    add_reason(o, "no-outcome");
    o->hint = tech_list(j) ? "A list of technologies is not an achievement: say what you built "
                             "with them and what it changed."
                           : task_hint(j, opener, framed);
}

/* Turns every number of the bullet into one token (see rules.c), keeping an offset map. */
static bool tokenize_numbers(struct judge *j)
{
    struct spans nums;
    find_all(j, JM_RE_NUMBER, &nums);
    size_t tok = strlen(JM_NUMBER_TOKEN), cap = j->n + nums.n * tok + 1;
    char *s = jm_arena_alloc(j->a, cap);
    uint32_t *map = jm_arena_alloc(j->a, cap * sizeof *map);
    if (s == NULL || map == NULL)
        return false;
    size_t k = 0, i = 0;
    for (size_t m = 0; m <= nums.n; m++) {
        size_t upto = m < nums.n ? nums.v[m].start : j->n;
        for (; i < upto; i++) {
            map[k] = (uint32_t)i;
            s[k++] = j->orig[i];
        }
        if (m == nums.n)
            break;
        for (size_t t = 0; t < tok; t++) {
            map[k] = (uint32_t)(t == 0 ? i : nums.v[m].end);
            s[k++] = JM_NUMBER_TOKEN[t];
        }
        i = nums.v[m].end;
    }
    map[k] = (uint32_t)j->n;
    s[k] = '\0';
    j->numbers = nums.n > 0 || strpbrk(j->orig, "0123456789") != NULL;
    /* Scope, output and usage phrases hold a number within a few words of their start. */
    bool *near = jm_arena_alloc(j->a, k + 1);
    if (near == NULL)
        return false;
    memset(near, 0, k + 1);
    for (size_t at = 0; at < k; at++)
        if (isdigit((unsigned char)s[at]) || (unsigned char)s[at] == 0xEE)
            for (size_t b = at > NEAR_NUMBER ? at - NEAR_NUMBER : 0; b <= at; b++)
                near[b] = true;
    j->near = near;
    j->s = s;
    j->n = k;
    j->map = map;
    return true;
}

/* Is the bullet written in another language than the rules' English: more of its words are
 * French, German, Dutch or Spanish function words than English ones, and at least two? */
static bool not_english(const char *s, size_t n)
{
    // clang-format off
    static const char *const english[] = {
        "the", "and", "with", "for", "to", "of", "in", "on", "by", "from", "a", "an", "our",
        "my", "we", "i", "into", "that", "which", "across", "over", NULL};
    static const char *const other[] = {
        "der", "die", "das", "und", "mit", "f\xC3\xBCr", "von", "zur", "zum", "den", "dem",
        "les", "des", "de", "la", "le", "et", "pour", "avec", "une", "dans", "sur", "du", "au",
        "aux", "het", "een", "van", "voor", "met", "bij", "naar", "el", "los", "las", "para",
        "con", "una", "del", "por", "que", "y", NULL};
    // clang-format on
    size_t en = 0, xx = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && !isalpha((unsigned char)s[i]) && (unsigned char)s[i] < 0x80)
            i++;
        size_t start = i;
        while (i < n && (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80))
            i++;
        size_t k = i - start;
        char w[8];
        if (k == 0 || k >= sizeof w)
            continue;
        for (size_t c = 0; c < k; c++)
            w[c] = (char)tolower((unsigned char)s[start + c]);
        w[k] = '\0';
        for (const char *const *p = english; *p; p++)
            en += strcmp(w, *p) == 0;
        for (const char *const *p = other; *p; p++)
            xx += strcmp(w, *p) == 0;
    }
    return xx >= 2 && xx > en;
}

jm_status jm_judge(const jm_rules *r, const char *text, size_t n, enum jm_role_time time,
                   struct jm_arena *a, struct jm_judgement *out)
{
    memset(out, 0, sizeof *out);
    n = jm_utf8_cut(text, n, jm_limit()->line); /* a longer one is a paragraph, not a bullet */
    struct judge j = {.r = r, .s = text, .n = n, .orig = text, .a = a, .out = out, .time = time};
    j.md = pcre2_match_data_create(16, NULL);
    if (j.md == NULL || !tokenize_numbers(&j)) {
        pcre2_match_data_free(j.md);
        return JM_ERR_NOMEM;
    }
    struct span opener = {0, 0}, frame;
    bool framed = next_match(&j, JM_RE_FRAME, 0, &frame);
    if (framed) {
        opener = frame;
        j.frame_end = clause_end(&j, frame.end);
    } else if (!next_match(&j, JM_RE_OPENER, 0, &opener)) {
        opener = (struct span){0, 0};
    }
    find_opening_verb(&j);
    find_all(&j, JM_RE_PURPOSE, &j.purpose);
    for (size_t i = 0; i < j.purpose.n; i++)
        j.purpose.v[i].end = clause_end(&j, j.purpose.v[i].end);
    if (j.numbers) {
        find_all(&j, JM_RE_SCOPE, &j.scope);
        find_all(&j, JM_RE_OUTPUT, &j.output);
    }
    drop_overlapping(&j.output, &j.scope); /* "Python 3 services": a version, not 3 outputs */
    find_triggers(&j, opener.end);
    find_measures(&j);
    decide(&j, opener, framed);
    if (not_english(text, n) && out->nreasons < JM_MAX_REASONS) {
        /* an English rewrite of it would be a guess: say why there is none */
        out->reasons[out->nreasons++] = "language-not-covered";
        if (out->phrasing != JM_PHRASING_RESULT)
            out->hint = "This bullet is not in English, the only language the phrasing rules "
                        "read: no rewrite is suggested.";
    }
    struct span fp;
    out->first_person = next_match(&j, JM_RE_FIRST_PERSON, 0, &fp)
                            ? jm_arena_strndup(a, text + fp.start, fp.end - fp.start)
                            : NULL;
    pcre2_match_data_free(j.md);
    return JM_OK;
}
