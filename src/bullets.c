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
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "dict.h"
#include "doc.h"
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
};

/* Where the walk stands: the current role and its first bullet. */
struct walk {
    jm_bullets *b;
    const char *section;
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
                          .section = w->section,
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

/* Flags an opening verb used more than twice within the role that ends at `end`. */
static void flag_repeats(jm_bullets *b, size_t first, size_t end)
{
    for (size_t i = first; i < end; i++) {
        const struct jm_verb *v = b->v[i].verb;
        size_t uses = 0;
        for (size_t k = first; v && k < end; k++)
            uses += b->v[k].verb == v;
        if (uses > VERB_REPEATS)
            add_flag(&b->v[i], concat(&b->arena, "repeated-verb:", v->form[JM_VERB_PAST]));
    }
}

static void start_role(struct walk *w, const char *heading)
{
    flag_repeats(w->b, w->role_first, w->b->n);
    w->role_first = w->b->n;
    w->section = heading;
    w->time = JM_TIME_UNKNOWN;
}

/* The dates of a role, from its heading or a line under it: "Mar 2021 – present". */
static void read_dates(struct walk *w, const struct jm_block *blk)
{
    enum jm_role_time t = jm_rules_role_time(w->b->rules, blk->text, blk->len);
    if (t != JM_TIME_UNKNOWN && w->time == JM_TIME_UNKNOWN)
        w->time = t;
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
        if (count_words(blk->text + start, end - start) >= 4) {
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

static jm_status visit(struct walk *w, size_t i)
{
    const struct jm_block *blk = &w->b->doc->blocks[i];
    enum jm_section sec = blk->section;
    if (blk->kind == JM_BLOCK_HEADING || blk->kind == JM_BLOCK_TITLE) {
        bool section_heading =
            jm_section_classify(blk->norm, blk->nlen, JM_ROLE_RESUME) != JM_SEC_NONE;
        start_role(w, section_heading ? "" : blk->text);
        read_dates(w, blk);
        return JM_OK;
    }
    if (sec == JM_SEC_CONTACT || sec == JM_SEC_SKILLS || sec == JM_SEC_EDUCATION)
        return JM_OK;
    if (blk->kind == JM_BLOCK_ITEM)
        return is_bullet(w->b->rules, blk) ? add_bullet(w, i, blk->line, blk->text, blk->len)
                                           : JM_OK;
    /* A paragraph: a role's dates or title line, or prose to judge sentence by sentence. */
    enum jm_role_time t = jm_rules_role_time(w->b->rules, blk->text, blk->len);
    if (t != JM_TIME_UNKNOWN || blk->emphasized) {
        /* "Acme Cloud, SRE, 2019 - 2023": a role line in a resume without role headings */
        if (w->b->n > w->role_first || *w->section == '\0')
            start_role(w, blk->text);
        read_dates(w, blk);
        return JM_OK;
    }
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
    struct walk w = {.b = b, .section = ""};
    jm_status st = JM_OK;
    for (size_t i = 0; i < resume->nblocks && st == JM_OK; i++)
        st = visit(&w, i);
    flag_repeats(b, w.role_first, b->n);
    for (size_t i = 0; i < b->n; i++)
        b->v[i].pub.flags = b->v[i].flags;
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
