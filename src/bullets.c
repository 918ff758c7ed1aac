/*
 * bullets.c - the bullets of a resume, each judged (phrasing.c) and flagged.
 *
 * A bullet is a list item outside the contact, skills and education sections,
 * or a sentence of a paragraph under experience or projects. Each keeps its
 * line and the job or project heading above it; per role, the bullets also
 * get what reviewers flag: an opening verb used more than twice, too long or
 * too short, first-person pronouns, present tense in a role that has ended.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "dict.h"
#include "doc.h"
#include "read/read.h"
#include "analysis.h"

enum { MAX_FLAGS = 5, LONG_WORDS = 35, SHORT_WORDS = 5, VERB_REPEATS = 2 };

struct item {
    jm_bullet pub;
    size_t block, start, end;   /* the bullet is block text [start, end) */
    const struct jm_verb *verb; /* the opening verb, for repeats */
    const char *flags[MAX_FLAGS];
    size_t role; /* index of the role's first bullet */
};

struct jm_bullets {
    const jm_rules *rules;
    const jm_doc *doc;
    struct jm_arena arena;
    struct item *v;
    size_t n, cap;
    bool nomem; /* an allocation failed along the way */
};

/* Where the walk stands: the current position (NULL outside one), the level of its heading
 * (0 for a line), its first bullet, and its time. */
struct walk {
    jm_bullets *b;
    bool structured; /* the resume has experience, projects or positions: bullets are theirs */
    const jm_position *pos;
    int level;
    enum jm_role_time time;
    size_t role_first;
};

const char *jm_phrasing_name(jm_phrasing p)
{
    static const char *const names[] = {"task", "partial", "result"};
    return (unsigned)p < 3 ? names[p] : "?";
}

static size_t count_words(const char *s, size_t n)
{
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]) && (i == 0 || isspace((unsigned char)s[i - 1])))
            words++;
    return words;
}

static void add_flag(struct item *it, const char *flag)
{
    if (it->pub.nflags < MAX_FLAGS)
        it->flags[it->pub.nflags++] = flag;
}

static const char *concat(struct jm_arena *a, const char *x, const char *y)
{
    size_t nx = strlen(x), ny = strlen(y);
    char *p = jm_arena_alloc(a, nx + ny + 1);
    if (p == NULL)
        return x;
    memcpy(p, x, nx);
    memcpy(p + nx, y, ny + 1);
    return p;
}

static jm_status add_bullet(struct walk *w, size_t block, long line, const char *text, size_t len)
{
    const char *block_text = w->b->doc->blocks[block].text;
    jm_bullets *b = w->b;
    if (b->n == b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 32;
        struct item *v = realloc(b->v, cap * sizeof *v);
        if (v == NULL)
            return JM_ERR_NOMEM;
        b->v = v;
        b->cap = cap;
    }
    struct item *it = &b->v[b->n];
    memset(it, 0, sizeof *it);
    struct jm_judgement j;
    const char *copy = jm_arena_strndup(&b->arena, text, len);
    if (copy == NULL || jm_judge(b->rules, copy, len, w->time, &b->arena, &j) != JM_OK)
        return JM_ERR_NOMEM;
    const char **reasons = jm_arena_alloc(&b->arena, (j.nreasons + 1) * sizeof *reasons);
    if (reasons == NULL)
        return JM_ERR_NOMEM;
    memcpy(reasons, j.reasons, j.nreasons * sizeof *reasons);
    it->pub = (jm_bullet){.text = copy,
                          .line = line,
                          .section = w->pos ? w->pos->heading : "",
                          .position = w->pos,
                          .phrasing = j.phrasing,
                          .reasons = reasons,
                          .nreasons = j.nreasons,
                          .hint = j.hint};
    it->block = block;
    it->start = (size_t)(text - block_text);
    it->end = it->start + len;
    it->verb = j.verb;
    it->role = w->role_first;
    size_t words = count_words(text, len);
    if (words > LONG_WORDS)
        add_flag(it, "too-long");
    else if (words < SHORT_WORDS)
        add_flag(it, "too-short");
    if (j.first_person != NULL)
        add_flag(it, concat(&b->arena, "first-person:", j.first_person));
    if (w->time == JM_TIME_PAST && j.verb != NULL && j.verb_form != JM_VERB_PAST &&
        (j.verb->form[JM_VERB_PAST] == NULL ||
         strcmp(j.verb->form[JM_VERB_PAST], j.verb->form[j.verb_form]) != 0))
        add_flag(it, "present-tense-in-past-role");
    b->n++;
    return JM_OK;
}

static int by_verb(const void *a, const void *b)
{
    JM_WORK(1);
    uintptr_t x = (uintptr_t)(*(const struct item *const *)a)->verb;
    uintptr_t y = (uintptr_t)(*(const struct item *const *)b)->verb;
    return (x > y) - (x < y);
}

/* Flags an opening verb used more than twice within the position [first, end). The bullets
 * are sorted by verb, so that a position of 100,000 bullets costs n log n, not n². */
static void flag_repeats(jm_bullets *b, size_t first, size_t end)
{
    size_t n = end - first;
    struct item **by = n > VERB_REPEATS ? malloc(n * sizeof *by) : NULL;
    if (by == NULL) {
        b->nomem |= n > VERB_REPEATS;
        return;
    }
    for (size_t i = 0; i < n; i++)
        by[i] = &b->v[first + i];
    qsort(by, n, sizeof *by, by_verb);
    JM_WORK(n);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i; j < n && by[j]->verb == by[i]->verb;)
            j++;
        if (by[i]->verb == NULL || j - i <= VERB_REPEATS)
            continue;
        const char *flag = concat(&b->arena, "repeated-verb:", by[i]->verb->form[JM_VERB_PAST]);
        for (size_t k = i; k < j; k++)
            add_flag(by[k], flag);
    }
    free(by);
}

/* Ends the current position, if any: its repeated verbs are flagged. */
static void end_position(struct walk *w)
{
    flag_repeats(w->b, w->role_first, w->b->n);
    w->role_first = w->b->n;
    w->pos = NULL;
    w->level = 0;
    w->time = JM_TIME_UNKNOWN;
}

/* The dates of a position, from its heading or a line under it: "Mar 2021 – present". */
static void read_dates(struct walk *w, const struct jm_block *blk)
{
    enum jm_role_time t = jm_rules_role_time(w->b->rules, blk->text, blk->len);
    if (t != JM_TIME_UNKNOWN && w->time == JM_TIME_UNKNOWN)
        w->time = t;
}

/* Opens a position at a heading (level > 0) or a line (level 0); false when out of memory.
 * Dates alone just before it, with no bullet between ("2019 – present" in a table's first
 * column, the role in its second), are its dates. */
static bool start_position(struct walk *w, const struct jm_block *blk, int level)
{
    const char *dates = "";
    if (w->pos != NULL && w->b->n == w->role_first && *w->pos->title == '\0' &&
        *w->pos->employer == '\0')
        dates = w->pos->dates;
    end_position(w);
    jm_position *p = jm_arena_alloc(&w->b->arena, sizeof *p);
    const char *heading = jm_arena_strndup(&w->b->arena, blk->text, blk->len);
    if (p == NULL || heading == NULL)
        return false;
    *p = (jm_position){heading, "", "", dates, blk->line};
    jm_position_read(p, blk->text, blk->len, &w->b->arena);
    w->pos = p;
    w->level = level;
    read_dates(w, blk);
    return true;
}

/* A line that announces a position: it opens one, or, right under a heading and before any
 * bullet, tells what the heading left out ("2019 – Present", "SRE, 2011 – 2012"). */
static bool position_line(struct walk *w, const struct jm_block *blk)
{
    if (w->pos == NULL || w->b->n > w->role_first)
        return start_position(w, blk, 0);
    jm_position_read((jm_position *)w->pos, blk->text, blk->len, &w->b->arena);
    read_dates(w, blk);
    return true;
}

/* A heading deeper than the position's. Before its first bullet, it tells more of it ("PingCAP"
 * over "Senior Database Engineer" over "December 2018 – September 2021"); after, a position
 * of its own opens a new one at the same employer (a promotion), and any other ("Key
 * Accomplishments") keeps the bullets in this one. */
static bool sub_heading(struct walk *w, const struct jm_block *blk)
{
    if (w->b->n == w->role_first) {
        jm_position_read((jm_position *)w->pos, blk->text, blk->len, &w->b->arena);
        read_dates(w, blk);
        return true;
    }
    if (!blk->position)
        return true;
    const char *employer = w->pos->employer;
    int level = w->level;
    if (!start_position(w, blk, level))
        return false;
    if (*w->pos->employer == '\0')
        ((jm_position *)w->pos)->employer = employer;
    return true;
}

/* A heading: a position's opens one; one deeper than the position's heading ("Key
 * Accomplishments", "Technologies used") stays within it; a section's ends it. */
static bool heading(struct walk *w, const struct jm_block *blk)
{
    if (w->pos != NULL && w->level > 0 && blk->level > w->level)
        return sub_heading(w, blk);
    if (blk->position)
        return start_position(w, blk, blk->level);
    if (w->structured || blk->kind == JM_BLOCK_TITLE ||
        jm_section_classify(blk->norm, blk->nlen, JM_ROLE_RESUME) != JM_SEC_NONE) {
        end_position(w);
        return true;
    }
    /* "## Acme" in a resume whose sections jobmatch cannot read: the best guess at a job */
    return start_position(w, blk, blk->level);
}

/* Does the resume have experience, projects or positions that jobmatch can tell? */
static bool structured(const jm_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].position || doc->blocks[i].section == JM_SEC_EXPERIENCE ||
            doc->blocks[i].section == JM_SEC_PROJECTS)
            return true;
    return false;
}

/* Is a block in a place that holds bullets? In a resume with experience or projects, only
 * theirs and those of positions are ("Git, SVN" under "Code Management" is none); in one
 * without, any but contact, skills and education. */
static bool holds_bullets(const struct walk *w, enum jm_section sec)
{
    if (w->structured)
        return sec == JM_SEC_EXPERIENCE || sec == JM_SEC_PROJECTS || w->pos != NULL;
    return sec != JM_SEC_CONTACT && sec != JM_SEC_SKILLS && sec != JM_SEC_EDUCATION;
}

static bool sentence_end(const char *s, size_t n, size_t i)
{
    if (!strchr(".!?", s[i]) || i + 2 >= n || s[i + 1] != ' ')
        return false;
    /* "e.g. the", "Inc. and", "v2.1": a period inside a sentence */
    size_t w = i;
    while (w > 0 && isalpha((unsigned char)s[w - 1]))
        w--;
    if (i - w <= 2 && s[i] == '.' && !isupper((unsigned char)s[i + 2]))
        return false;
    return isupper((unsigned char)s[i + 2]) || isdigit((unsigned char)s[i + 2]);
}

/* "Ayres is an analytics company …", "The company builds …": a sentence about the employer,
 * not about the work; no bullet. */
static bool about_employer(const struct walk *w, const char *s, size_t n)
{
    static const char *const verbs[] = {" is ",     " was ",    " are ",      " provides ",
                                        " offers ", " builds ", " develops ", " helps "};
    size_t k = 0;
    if (n > 12 && strncasecmp(s, "the company ", 12) == 0)
        k = 11;
    else if (w->pos != NULL && *w->pos->employer != '\0') {
        const char *e = w->pos->employer;
        while (e[k] != '\0' && isalnum((unsigned char)e[k]))
            k++;
        if (k == 0 || k > n || strncasecmp(s, e, k) != 0)
            return false;
    }
    for (size_t i = 0; k > 0 && i < sizeof verbs / sizeof verbs[0]; i++)
        if (n - k > strlen(verbs[i]) && strncmp(s + k, verbs[i], strlen(verbs[i])) == 0)
            return true;
    return false;
}

/* The sentences of a prose paragraph under experience or projects. */
static jm_status add_sentences(struct walk *w, size_t block, const struct jm_block *blk)
{
    size_t start = 0;
    for (size_t i = 0; i <= blk->len; i++) {
        if (i < blk->len && !sentence_end(blk->text, blk->len, i))
            continue;
        size_t end = i < blk->len ? i + 1 : blk->len;
        while (start < end && blk->text[start] == ' ')
            start++;
        if (count_words(blk->text + start, end - start) >= 4 &&
            !about_employer(w, blk->text + start, end - start)) {
            jm_status st = add_bullet(w, block, blk->line, blk->text + start, end - start);
            if (st != JM_OK)
                return st;
        }
        start = end;
    }
    return JM_OK;
}

/* A list item worth judging: any under experience or projects, else three words or more
 * or one that opens with a verb ("Polish (native)" under Languages is no bullet). */
static bool is_bullet(const jm_rules *r, const struct jm_block *blk)
{
    if (blk->section == JM_SEC_EXPERIENCE || blk->section == JM_SEC_PROJECTS ||
        count_words(blk->text, blk->len) >= 3)
        return true;
    size_t e = 0;
    while (e < blk->len && isalpha((unsigned char)blk->text[e]))
        e++;
    enum jm_verb_form f;
    return e > 0 && jm_rules_verb(r, blk->text, e, &f) != NULL;
}

/* A short line between a position's heading and its first bullet: "TrendPlus AB, Stockholm,
 * Sweden (Remote)" under "### Data Scientist | May 2023 - Present". */
static bool header_line(const struct walk *w, const struct jm_block *blk)
{
    return w->pos != NULL && w->level > 0 && w->b->n == w->role_first &&
           blk->kind == JM_BLOCK_PARAGRAPH && jm_position_header(w->b->rules, blk->text, blk->len);
}

/* "Acme Cloud, SRE, 2019 - 2023", "**Senior Engineer**": a line that opens a position. A list
 * item does so when it is dated and names a role, or holds items of its own. */
static bool announces_position(const struct walk *w, size_t i)
{
    const jm_doc *doc = w->b->doc;
    const struct jm_block *blk = &doc->blocks[i];
    if (blk->kind == JM_BLOCK_PARAGRAPH && blk->emphasized)
        return true;
    if (!jm_position_line(w->b->rules, blk->text, blk->len))
        return false;
    if (blk->kind != JM_BLOCK_ITEM)
        return true;
    /* an item must name a role ("Acme, SRE, 2019 – 2023") or hold items of its own: "2nd
     * place, regional hackathon, 2019" is a bullet */
    const struct jm_block *next = i + 1 < doc->nblocks ? &doc->blocks[i + 1] : NULL;
    return (jm_text_dated(blk->text, blk->len) && jm_meta_names_role(blk->text, blk->len)) ||
           (next != NULL && next->kind == JM_BLOCK_ITEM && next->level > blk->level);
}

static jm_status visit(struct walk *w, size_t i)
{
    const struct jm_block *blk = &w->b->doc->blocks[i];
    const jm_rules *r = w->b->rules;
    enum jm_section sec = blk->section;
    if (blk->kind == JM_BLOCK_HEADING || blk->kind == JM_BLOCK_TITLE)
        return heading(w, blk) ? JM_OK : JM_ERR_NOMEM;
    if (blk->context || sec == JM_SEC_CONTACT || sec == JM_SEC_SKILLS || sec == JM_SEC_EDUCATION)
        return JM_OK;
    if (announces_position(w, i) || header_line(w, blk))
        return position_line(w, blk) ? JM_OK : JM_ERR_NOMEM;
    if (!holds_bullets(w, sec) || jm_skill_duration(r, blk->text, blk->len))
        return JM_OK;
    if (blk->kind == JM_BLOCK_ITEM)
        return is_bullet(r, blk) ? add_bullet(w, i, blk->line, blk->text, blk->len) : JM_OK;
    if ((sec == JM_SEC_EXPERIENCE || sec == JM_SEC_PROJECTS) &&
        count_words(blk->text, blk->len) >= 6)
        return add_sentences(w, i, blk);
    return JM_OK;
}

jm_status jm_bullets_analyze(const jm_rules *rules, const jm_doc *resume, jm_bullets **out,
                             jm_error *err)
{
    *out = NULL;
    if (rules == NULL || resume == NULL)
        return jm_fail(err, JM_ERR_ARG, "", 0, "no rules or no resume");
    jm_bullets *b = calloc(1, sizeof *b);
    if (b == NULL)
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    b->rules = rules;
    b->doc = resume;
    struct walk w = {.b = b, .structured = structured(resume)};
    jm_status st = JM_OK;
    for (size_t i = 0; i < resume->nblocks && st == JM_OK; i++)
        st = visit(&w, i);
    end_position(&w);
    for (size_t i = 0; i < b->n; i++)
        b->v[i].pub.flags = b->v[i].flags;
    if (st == JM_OK && (b->nomem || b->arena.failed))
        st = JM_ERR_NOMEM;
    if (st != JM_OK) {
        jm_bullets_free(b);
        return jm_fail(err, st, jm_doc_name(resume), 0, "out of memory");
    }
    *out = b;
    return JM_OK;
}

void jm_bullets_free(jm_bullets *b)
{
    if (b == NULL)
        return;
    jm_arena_free(&b->arena);
    free(b->v);
    free(b);
}

size_t jm_bullets_count(const jm_bullets *b)
{
    return b->n;
}

const jm_bullet *jm_bullets_get(const jm_bullets *b, size_t i)
{
    return i < b->n ? &b->v[i].pub : NULL;
}

size_t jm_bullets_tally(const jm_bullets *b, jm_phrasing p)
{
    size_t n = 0;
    for (size_t i = 0; i < b->n; i++)
        n += b->v[i].pub.phrasing == p;
    return n;
}

size_t jm_bullets_block(const jm_bullets *b, size_t i, size_t *start, size_t *end)
{
    *start = b->v[i].start;
    *end = b->v[i].end;
    return b->v[i].block;
}

const jm_doc *jm_bullets_doc(const jm_bullets *b)
{
    return b->doc;
}

const jm_rules *jm_bullets_rules(const jm_bullets *b)
{
    return b->rules;
}
