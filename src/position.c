/*
 * position.c - a position held or a project, read from the lines that announce it.
 *
 * "Senior Engineer — Dell Technologies", "Contact Energy | Data Analyst | 2012 - 2014",
 * "2024- ACME ------ Somerville MA": the parts are cut at the separators people put between
 * them; a part with a year (and the "present" after it) is the dates, one that names a role
 * is the title, a place is dropped, and the first other part is the employer.
 */
#include <ctype.h>
#include <string.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"
#include "analysis.h"

enum { POSITION_LINE_WORDS = 12, HEADER_WORDS = 10, DATED_HEADER_WORDS = 20, DURATION_WORDS = 5 };

/* The length of a separator between parts at s[i], or 0. */
static size_t separator(const char *s, size_t n, size_t i)
{
    static const char *const seps[] = {" \xE2\x80\x94 ",
                                       " \xE2\x80\x93 ",
                                       " - ",
                                       " | ",
                                       " \xC2\xB7 ",
                                       " \xE2\x80\xA2 ",
                                       ", ",
                                       " at ",
                                       " @ ",
                                       "\xE2\x80\x94",
                                       "|"};
    if (s[i] == '(' || s[i] == ')' || s[i] == '[' || s[i] == ']')
        return 1;
    if (s[i] == '-' && i + 1 < n && s[i + 1] == '-') { /* "------" */
        size_t k = i;
        while (k < n && s[k] == '-')
            k++;
        return k - i;
    }
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
        size_t len = strlen(seps[k]);
        if (len <= n - i && memcmp(s + i, seps[k], len) == 0)
            return len;
    }
    return 0;
}

/* "present", "now": the open end of a span of dates. */
static bool open_end(const char *s, size_t n)
{
    static const char *const words[] = {"present", "current", "now",    "today",
                                        "ongoing", "heute",   "actuel", "aujourd"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (n >= strlen(words[i]) && strncasecmp(s, words[i], strlen(words[i])) == 0)
            return true;
    return false;
}

/* Trims blanks and the Markdown or punctuation around a part. */
static void trim(const char **s, size_t *n)
{
    while (*n > 0 && strchr(" *_:;,.", (*s)[0]) != NULL)
        (*s)++, (*n)--;
    while (*n > 0 && strchr(" *_:;,", (*s)[*n - 1]) != NULL)
        (*n)--;
}

static const char *copy(struct jm_arena *a, const char *s, size_t n)
{
    const char *c = jm_arena_strndup(a, s, n);
    return c ? c : "";
}

/* A word of a date: a year ("2024", "2024-"), a month ("Mar", "June."), a dash, "to". */
static bool date_word(const char *w, size_t n)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    while (n > 0 && strchr("-.,", w[n - 1]) != NULL)
        n--;
    if (n == 0 || (n == 2 && strncasecmp(w, "to", 2) == 0) || strncmp(w, "\xE2\x80", 2) == 0)
        return true;
    bool letters = false;
    for (size_t i = 0; i < n; i++)
        letters |= isalpha((unsigned char)w[i]) != 0;
    if (!letters && jm_text_dated(w, n)) /* "2024", "2014–2016", "03/2019" */
        return true;
    for (size_t i = 0; i < 12 && n >= 3 && n <= 9; i++)
        if (strncasecmp(w, months[i], 3) == 0 && isalpha((unsigned char)w[n - 1]))
            return true;
    return open_end(w, n);
}

/* The dates at one end of a part: "2024- ACME" opens with them, "Engineer 2019-2021" ends
 * with them. Their length, or 0 when that end holds no year. */
static size_t dates_at_end(const char *s, size_t n, bool front)
{
    size_t taken = 0, last = 0;
    bool year = false;
    while (taken < n) {
        size_t w = 0; /* the next word toward the other end */
        if (front)
            while (taken + w < n && s[taken + w] != ' ')
                w++;
        else
            while (taken + w < n && s[n - taken - w - 1] != ' ')
                w++;
        const char *word = front ? s + taken : s + n - taken - w;
        if (!date_word(word, w))
            break;
        year |= jm_text_dated(word, w);
        taken += w;
        while (taken < n && s[front ? taken : n - taken - 1] == ' ')
            taken++;
        if (year)
            last = taken;
    }
    return last;
}

/* Where a position's dates are in its line: one run of parts, the first found. */
struct dates {
    const char *start, *end;
    bool closed; /* a part without dates came after them */
};

/* Reads one part cut from a position's line; an aside in brackets tells dates or a title,
 * never the employer: "Engineer (Contract) — Acme" is no job at "Contract". */
static void read_part(jm_position *p, const char *part, size_t len, bool aside, struct jm_arena *a,
                      struct dates *d)
{
    size_t front = dates_at_end(part, len, true);
    size_t back = front < len ? dates_at_end(part, len, false) : 0;
    bool dated = front > 0 || back > 0 || (d->start != NULL && open_end(part, len));
    if (dated && !d->closed) {
        d->start = d->start ? d->start : front > 0 || back == 0 ? part : part + len - back;
        d->end = front > 0 ? part + front : part + len;
    }
    if (front > 0)
        part += front, len -= front;
    else if (back > 0)
        len -= back;
    else if (dated)
        len = 0;
    while (len > 0 && strchr(" *_", part[len - 1]) != NULL)
        len--;
    if (len > 0 && part[len - 1] == ':')
        return; /* "Dates: June 2023": a label */
    trim(&part, &len);
    if (len == 0)
        return;
    d->closed |= d->start != NULL;
    if (jm_meta_is_place(part, len) || jm_meta_role_qualifier(part, len))
        return;
    if (*p->title == '\0' && jm_meta_names_role(part, len))
        p->title = copy(a, part, len);
    else if (*p->employer == '\0' && !aside)
        p->employer = copy(a, part, len);
}

void jm_position_read(jm_position *p, const char *s, size_t n, struct jm_arena *a)
{
    struct dates d = {NULL, NULL, false};
    int depth = 0;
    for (size_t i = 0; i <= n;) {
        size_t j = i, sep = 0;
        while (j < n && (sep = separator(s, n, j)) == 0)
            j++;
        const char *part = s + i;
        size_t len = j - i;
        trim(&part, &len);
        if (len > 0)
            read_part(p, part, len, depth > 0, a, &d);
        if (j < n && (s[j] == '(' || s[j] == '['))
            depth++;
        else if (j < n && (s[j] == ')' || s[j] == ']') && depth > 0)
            depth--;
        i = j + (sep ? sep : 1);
    }
    if (d.start != NULL && *p->dates == '\0') {
        size_t len = (size_t)(d.end - d.start);
        trim(&d.start, &len);
        p->dates = copy(a, d.start, len);
    }
}

static bool opens_with_verb(const jm_rules *r, const char *s, size_t n)
{
    size_t e = 0;
    while (e < n && isalpha((unsigned char)s[e]))
        e++;
    enum jm_verb_form f;
    return e > 0 && jm_rules_verb(r, s, e, &f) != NULL;
}

/* A short line that states no work: no sentence's period, no verb first (past its dates:
 * "2023.02: Worked at a startup" states work). */
static bool states_no_work(const jm_rules *r, const char *s, size_t n, size_t max_words)
{
    if (n == 0 || s[n - 1] == '.' || jm_meta_words(s, n) > max_words)
        return false;
    const char *rest = s + dates_at_end(s, n, true);
    size_t left = n - (size_t)(rest - s);
    while (left > 0 && strchr(" ~:-|", *rest) != NULL)
        rest++, left--;
    return !opens_with_verb(r, rest, left);
}

bool jm_position_line(const jm_rules *r, const char *s, size_t n)
{
    if (!states_no_work(r, s, n, POSITION_LINE_WORDS))
        return false;
    bool joined = false;
    for (size_t i = 0; i < n && !joined; i++)
        joined = separator(s, n, i) > 1 || s[i] == '|';
    return jm_text_dated(s, n) || (joined && jm_meta_names_role(s, n));
}

bool jm_position_header(const jm_rules *r, const char *s, size_t n)
{
    /* a dated line may be long: "Lille / full remote – 2025 Head of Product | 2025 | Link" */
    size_t words = jm_text_dated(s, n) ? DATED_HEADER_WORDS : HEADER_WORDS;
    return states_no_work(r, s, n, words) && !jm_skill_duration(r, s, n);
}

bool jm_skill_duration(const jm_rules *r, const char *s, size_t n)
{
    static const char *const units[] = {" year", " yr", "+ year", " month"};
    if (jm_meta_words(s, n) > DURATION_WORDS || opens_with_verb(r, s, n))
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            continue;
        for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
            if (jm_meta_find_ci(s + i + 1, n - i - 1, units[k]) == s + i + 1)
                return true;
    }
    return false;
}
