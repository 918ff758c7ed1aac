/*
 * meta.c - a document's title, company and location: the one place that
 * decides them. The words it relies on (labels, job boards, role words) are
 * meta_vocab.c's tables.
 *
 * The readers and the finders (meta_page.c, meta_find.c, meta_prose.c)
 * propose candidates, each with the source it was read from: front matter,
 * a JSON-LD JobPosting, "Company:" labels, a board post's header line, the
 * title block and the line under it, a location badge, the page's og: tags
 * and <title>, sentences of the text. jm_meta_decide drops what cannot be
 * the field (a job board as the employer, a section heading or an address as
 * the title), scores the rest by source (one table), and keeps the best of
 * each field. Then the title loses a company or a place glued to it, and the
 * block it came from becomes the title block.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

/*
 * How much each source is trusted, per field; 0: the source never gives that field.
 * Explicit metadata first, then a board's fields, then the page's layout, then its <title>,
 * and last sentences of the text. Prose candidates also gain one point per mention of the
 * name in the text, up to five.
 */
static const struct {
    unsigned char title, company, location;
} weights[JM_SRC_COUNT] = {
    [JM_SRC_FRONT] = {90, 90, 90},    [JM_SRC_FLAG] = {0, 0, 50},
    [JM_SRC_JSONLD] = {85, 85, 85},   [JM_SRC_LABEL] = {80, 80, 80},
    [JM_SRC_FIELD] = {60, 80, 80},    [JM_SRC_HEADER] = {75, 75, 75},
    [JM_SRC_LETTERHEAD] = {0, 70, 0}, [JM_SRC_TITLE] = {70, 0, 0},
    [JM_SRC_UNDER] = {30, 45, 40},    [JM_SRC_BADGE] = {0, 0, 60},
    [JM_SRC_PAGE] = {45, 50, 45},     [JM_SRC_SITE] = {0, 40, 0},
    [JM_SRC_SUFFIX] = {0, 0, 35},     [JM_SRC_HIRING] = {20, 40, 0},
    [JM_SRC_IS_COMPANY] = {0, 32, 0}, [JM_SRC_US] = {0, 30, 0},
    [JM_SRC_ABOUT] = {0, 30, 0},      [JM_SRC_DESCRIBED] = {0, 28, 0},
    [JM_SRC_POSTER] = {0, 26, 0},     [JM_SRC_STATED] = {0, 0, 25},
};

/* A resume's title is its owner's name, and no page title names its employer. */
static bool resume_source(enum jm_meta_source src, enum jm_meta field)
{
    switch (src) {
    case JM_SRC_FRONT:
        return true;
    case JM_SRC_JSONLD:
    case JM_SRC_TITLE:
    case JM_SRC_PAGE:
        return field == JM_META_TITLE;
    case JM_SRC_LABEL:
    case JM_SRC_FIELD:
        return field != JM_META_TITLE;
    default:
        return false;
    }
}

/* Mentions counted per company: enough to tell the employer from a passing name. */
enum { MAX_MENTIONS = 20, MENTION_BONUS = 5 };

static bool from_prose(enum jm_meta_source src)
{
    return src >= JM_SRC_HIRING;
}

/* ---- what a value may be ------------------------------------------------------ */

static bool has_letter(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0xC0)
            return true;
    return false;
}

/* Does it read as a sentence rather than a name: five words or more, ended by a stop that
 * is not a legal form's ("Pacific Crest Cold Storage, Inc.")? */
static bool sentence(const char *s, size_t n)
{
    if (n == 0 || !strchr(".!?", s[n - 1]) || jm_meta_words(s, n) < 5)
        return false;
    const char *last = memrchr(s, ' ', n);
    return s[n - 1] != '.' || last == NULL ||
           !jm_meta_legal_form(last + 1, n - 1 - (size_t)(last + 1 - s));
}

/* "Position Summary: The engineer will …": a heading run into its text. */
static bool heading_lead(const char *s, size_t n)
{
    const char *colon = memchr(s, ':', n);
    return colon != NULL && colon - s < 40 &&
           (jm_meta_is_heading(s, (size_t)(colon - s)) ||
            jm_meta_label(s, (size_t)(colon - s)) != JM_META_NONE);
}

/* "Temporary, Contract", "Full-time / Permanent": how the job is held, never a title. */
static bool job_types_only(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && !strchr(",/|", s[j]))
            j++;
        const char *p = s + i;
        size_t k = j - i;
        while (k > 0 && *p == ' ')
            p++, k--;
        while (k > 0 && p[k - 1] == ' ')
            k--;
        if (!jm_meta_job_type(p, k))
            return false;
        i = j + 1;
    }
    return true;
}

/* "$25 - $35 an hour", "€60k": pay, never a title. */
static bool pay(const char *s, size_t n)
{
    return s[0] == '$' || (n >= 3 && (strncmp(s, "\xE2\x82\xAC", 3) == 0)) ||
           (n >= 2 && strncmp(s, "\xC2\xA3", 2) == 0);
}

static bool title_ok(const struct jm_doc *doc, const char *s, size_t n, const char *company)
{
    /* "Hello,", "Dear hiring manager,": a letter's greeting, never a title */
    if (n < 2 || n > 120 || !has_letter(s, n) || jm_meta_words(s, n) > 14 || sentence(s, n) ||
        strchr(",?:", s[n - 1]) || heading_lead(s, n) || job_types_only(s, n) ||
        jm_meta_is_address(s, n) || jm_meta_is_board(s, n) || jm_meta_role_count(s, n) || pay(s, n))
        return false;
    if (doc->role != JM_ROLE_POSTING)
        return true;
    if (jm_meta_firm_name(s, n))
        return false; /* "ACME STORAGE, INC.": a firm, not a job */
    if (company && *company && jm_meta_same(s, n, company, strlen(company)))
        return false; /* a company's name as the page's heading */
    /* "Senior Engineer, Experience" names a role; "Company Description" and "Technology
     * and Operations" (a department) do not */
    return jm_meta_names_role(s, n) || (!jm_meta_is_heading(s, n) && !jm_meta_department(s, n));
}

/* Metadata that says "this is the employer": front matter, a JobPosting, og:site_name. */
static bool structured(enum jm_meta_source src)
{
    return src == JM_SRC_FRONT || src == JM_SRC_JSONLD || src == JM_SRC_SITE;
}

/* A name read from the page's layout or text may be a heading there ("Requirements") or a
 * department ("Finance & Accounting"); one that metadata gives is a name, whatever its
 * first word ("Culture Amp"), unless it is the page's chrome ("Careers"). */
/* "© Copyright 2001-2011, Acme, Inc.": a page's legal line, no name nor place of its own */
static bool legal_line(const char *s, size_t n)
{
    return jm_meta_find_ci(s, n, "\xC2\xA9") || jm_meta_find_ci(s, n, "copyright") ||
           jm_meta_find_ci(s, n, "rights reserved");
}

/* "O4222", "REQ-1187": a job's code, more figures than letters; never a name. */
static bool code_like(const char *s, size_t n)
{
    size_t digits = 0, letters = 0;
    for (size_t i = 0; i < n; i++)
        digits += isdigit((unsigned char)s[i]) != 0, letters += isalpha((unsigned char)s[i]) != 0;
    return digits > letters;
}

static bool company_ok(const char *s, size_t n, enum jm_meta_source src)
{
    return n >= 2 && !legal_line(s, n) && !code_like(s, n) && !jm_meta_placeholder(s, n) &&
           n <= 80 && has_letter(s, n) && jm_meta_words(s, n) <= 8 && !sentence(s, n) &&
           !memchr(s, ':', n) && !jm_meta_is_address(s, n) && !jm_meta_is_board(s, n) &&
           !(structured(src) ? jm_meta_is_chrome(s, n)
                             : jm_meta_is_heading(s, n) || jm_meta_department(s, n));
}

/* "In person", "Hybrid" alone say how the job is done, not where. */
static bool location_ok(const char *s, size_t n)
{
    return n >= 2 && n <= 80 && has_letter(s, n) && jm_meta_words(s, n) <= 10 && !sentence(s, n) &&
           !legal_line(s, n) && !jm_meta_is_board(s, n) && !jm_meta_work_mode(s, n) &&
           !jm_meta_role_count(s, n);
}

/* The first part of a place, before its first comma: "Surat" of "Surat, IN". */
static size_t place_head(const char *s, size_t n)
{
    const char *comma = memchr(s, ',', n);
    return comma ? (size_t)(comma - s) : n;
}

/* "Engineer – Zürich": the part of a page title after the job may be its place. A name
 * that a location candidate starts with is a place, not the employer. */
static bool names_place(const struct jm_doc *doc, const struct jm_meta_cand *c)
{
    for (size_t i = 0; i < doc->meta->n; i++) {
        const struct jm_meta_cand *l = &doc->meta->v[i];
        if (l->field == JM_META_LOCATION &&
            jm_meta_same(c->text, c->len, l->text, place_head(l->text, l->len)))
            return true;
    }
    return false;
}

static bool acceptable(const struct jm_doc *doc, const struct jm_meta_cand *c, const char *company)
{
    switch (c->field) {
    case JM_META_TITLE:
        return title_ok(doc, c->text, c->len, company);
    case JM_META_COMPANY:
        /* "Company - Private": a company overview's type row read as a label */
        if ((c->src == JM_SRC_LABEL || c->src == JM_SRC_FIELD) &&
            jm_meta_company_type(c->text, c->len))
            return false;
        return company_ok(c->text, c->len, c->src) &&
               !((c->src == JM_SRC_PAGE || c->src == JM_SRC_SITE) && names_place(doc, c));
    default:
        return location_ok(c->text, c->len);
    }
}

/* ---- deciding ------------------------------------------------------------------- */

static int weight(const struct jm_doc *doc, const struct jm_meta_cand *c)
{
    if (doc->role != JM_ROLE_POSTING && !resume_source(c->src, c->field))
        return 0;
    int w = c->field == JM_META_TITLE     ? weights[c->src].title
            : c->field == JM_META_COMPANY ? weights[c->src].company
                                          : weights[c->src].location;
    if (w > 0 && from_prose(c->src))
        w += c->mentions < MENTION_BONUS ? c->mentions : MENTION_BONUS;
    return w;
}

/* Is `a` the name `b` with a department after it: "Vericast Engineering" of "Vericast"? */
static bool department_of(const struct jm_meta_cand *a, const struct jm_meta_cand *b)
{
    return a->len > b->len + 1 && a->text[b->len] == ' ' &&
           strncasecmp(a->text, b->text, b->len) == 0 &&
           jm_meta_department(a->text + b->len + 1, a->len - b->len - 1);
}

/* The best acceptable candidate for `field`; the first of equals, except that a company
 * wins over its own department ("At Vericast Engineering, we" and "At Vericast, we"). */
static const struct jm_meta_cand *best(const struct jm_doc *doc, enum jm_meta field,
                                       const char *company, bool prose_only)
{
    const struct jm_meta_cand *pick = NULL;
    int top = 0;
    for (size_t i = 0; doc->meta && i < doc->meta->n; i++) {
        const struct jm_meta_cand *c = &doc->meta->v[i];
        if (c->field != field || (prose_only && !from_prose(c->src)))
            continue;
        int w = weight(doc, c);
        bool parent = pick && w == top && field == JM_META_COMPANY && department_of(pick, c);
        if ((w > top || parent) && acceptable(doc, c, company)) {
            pick = c;
            top = w;
        }
    }
    return pick;
}

static bool word_byte(char c)
{
    return isalnum((unsigned char)c) || (unsigned char)c >= 0x80;
}

/* The word of a name to look for in the text: its first of two letters or more, "The" and
 * legal forms aside ("THE BENHAM COMPANIES, INC." is looked for as "BENHAM"). */
static size_t name_key(const char *s, size_t n, const char **key)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && !isalnum((unsigned char)s[i]))
            i++;
        size_t j = i;
        while (j < n && word_byte(s[j]))
            j++;
        if (j - i >= 2 && !(j - i == 3 && strncasecmp(s + i, "the", 3) == 0)) {
            *key = s + i;
            return j - i;
        }
        i = j;
    }
    return 0;
}

/* Running text: a paragraph or item of 60 characters or more with small words in it, not
 * a breadcrumb or a list of names ("Home / Jobs / Acme Inc / Engineer"). */
static bool running_text(const struct jm_block *b)
{
    if (b->len < 60 || (b->kind != JM_BLOCK_PARAGRAPH && b->kind != JM_BLOCK_ITEM))
        return false;
    size_t small = 0;
    for (size_t i = 0; i < b->len && small < 4; i++)
        small += islower((unsigned char)b->text[i]) && (i == 0 || b->text[i - 1] == ' ');
    return small >= 4;
}

/* A company candidate's key word, by its hash, for counting its mentions. */
struct mention_key {
    uint64_t hash;
    const char *key;
    size_t len;
    struct jm_meta_cand *cand;
};

static int by_hash(const void *pa, const void *pb)
{
    const struct mention_key *a = pa, *b = pb;
    return a->hash < b->hash ? -1 : a->hash > b->hash;
}

/* Credits a word of the running text to the candidates whose key word it is. */
static void credit(struct mention_key *keys, size_t n, const char *w, size_t len)
{
    uint64_t h = jm_hash_ci(w, len);
    size_t lo = 0, hi = n;
    while (lo < hi) { /* the first key of this hash */
        size_t mid = (lo + hi) / 2;
        if (keys[mid].hash < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && keys[lo].hash == h; lo++)
        if (keys[lo].len == len && strncasecmp(keys[lo].key, w, len) == 0 &&
            keys[lo].cand->mentions < MAX_MENTIONS)
            keys[lo].cand->mentions++;
}

/* How many times the running text names each company candidate, by the key word of its
 * name, up to MAX_MENTIONS: one pass over the text, whatever the number of candidates. */
static void count_mentions(struct jm_doc *doc)
{
    struct mention_key keys[JM_META_MAX_CANDIDATES];
    size_t n = 0;
    for (size_t i = 0; i < doc->meta->n && n < JM_META_MAX_CANDIDATES; i++) {
        struct jm_meta_cand *c = &doc->meta->v[i];
        const char *key;
        size_t len = c->field == JM_META_COMPANY ? name_key(c->text, c->len, &key) : 0;
        if (len > 0)
            keys[n++] = (struct mention_key){jm_hash_ci(key, len), key, len, c};
    }
    if (n == 0)
        return;
    qsort(keys, n, sizeof *keys, by_hash);
    bool first[256] = {false}; /* the keys' first letters: other words are not hashed */
    for (size_t i = 0; i < n; i++)
        first[(unsigned char)tolower((unsigned char)keys[i].key[0])] = true;
    for (size_t b = 0; b < doc->nblocks; b++) {
        const struct jm_block *blk = &doc->blocks[b];
        if (!running_text(blk))
            continue;
        for (size_t i = 0; i < blk->len;) {
            size_t j = i;
            while (j < blk->len && word_byte(blk->text[j]))
                j++;
            if (j > i && first[(unsigned char)tolower((unsigned char)blk->text[i])])
                credit(keys, n, blk->text + i, j - i);
            i = j + 1;
        }
    }
}

/*
 * When the page's company slot names someone the text never names, and the text itself
 * names an employer again and again ("Acme is looking for …", "At Acme, we …"), the slot
 * holds the poster (a recruiter, a board) and the text the employer.
 */
static const struct jm_meta_cand *employer_in_text(const struct jm_doc *doc,
                                                   const struct jm_meta_cand *slot)
{
    if (slot == NULL || from_prose(slot->src) || slot->mentions > 0)
        return slot;
    const struct jm_meta_cand *text = best(doc, JM_META_COMPANY, NULL, true);
    bool strong = text && text->src != JM_SRC_ABOUT && text->src != JM_SRC_DESCRIBED &&
                  text->src != JM_SRC_POSTER;
    return strong && text->mentions >= 2 ? text : slot;
}

static size_t count_parts(const char *s, size_t n)
{
    size_t parts = 1;
    for (size_t i = 0; i < n; i++)
        parts += s[i] == ',';
    return parts;
}

/* Of the candidates naming the same place, the one that says it fully: "Surat, Gujarat,
 * India" rather than a JSON-LD "Surat, IN". */
static const struct jm_meta_cand *fullest_place(const struct jm_doc *doc,
                                                const struct jm_meta_cand *pick)
{
    if (pick == NULL)
        return NULL;
    size_t head = place_head(pick->text, pick->len);
    for (size_t i = 0; i < doc->meta->n; i++) {
        const struct jm_meta_cand *c = &doc->meta->v[i];
        if (c->field != JM_META_LOCATION || weight(doc, c) == 0 || !location_ok(c->text, c->len) ||
            count_parts(c->text, c->len) <= count_parts(pick->text, pick->len))
            continue;
        if (jm_meta_same(c->text, place_head(c->text, c->len), pick->text, head))
            pick = c;
    }
    return pick;
}

/* Drops `what` glued to the end of the title by one of the joiners ("Engineer - Acme",
 * "Engineer at Acme", "Engineer (Berlin)", "Engineer: Acme"), or to its front ("Acme -
 * Engineer"). */
static void unglue(const char *t, size_t *start, size_t *n, const char *what)
{
    static const char *const joiners[] = {
        " - ", " | ", " at ", " @ ", " in ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ", ", " (", ": "};
    size_t w = strlen(what);
    if (w == 0 || *n <= w)
        return;
    for (size_t j = 0; j < sizeof joiners / sizeof joiners[0]; j++) {
        size_t k = strlen(joiners[j]), close = joiners[j][1] == '(';
        const char *s = t + *start;
        if (*n > w + k + close && strncasecmp(s + *n - close - w, what, w) == 0 &&
            strncasecmp(s + *n - close - w - k, joiners[j], k) == 0 &&
            (!close || s[*n - 1] == ')')) {
            *n -= w + k + close;
            return;
        }
        if (!close && *n > w + k && strncasecmp(s, what, w) == 0 &&
            strncmp(s + w, joiners[j], k) == 0 && j < 2) {
            *start += w + k;
            *n -= w + k;
            return;
        }
    }
}

static const char *final_title(struct jm_doc *doc, const struct jm_meta_cand *t,
                               const char *company, const char *location)
{
    size_t start = 0, n = t->len;
    unglue(t->text, &start, &n, company);
    unglue(t->text, &start, &n, location);
    n = jm_meta_remote_suffix(t->text + start, n); /* proposed as a place when read */
    if (n == 0 || !has_letter(t->text + start, n))
        return t->text;
    const char *out = jm_arena_strndup(&doc->arena, t->text + start, n);
    if (out == NULL)
        doc->nomem = true;
    return out ? out : t->text;
}

/* Does block text b agree with the title: one contains the other, case aside? */
static bool agrees(const struct jm_block *b, const char *title)
{
    size_t n = strlen(title);
    if (n == 0)
        return false;
    if (jm_meta_find_ci(b->text, b->len, title))
        return true;
    char tmp[512];
    if (b->len >= sizeof tmp)
        return false;
    memcpy(tmp, b->text, b->len);
    tmp[b->len] = '\0';
    return jm_meta_find_ci(title, n, tmp) != NULL;
}

/* Longer than this, a block is the posting's text, not a line to mark as its title. */
enum { MAX_TITLE_BLOCK = 200 };

/* The block the title came from is the title block; any other loses that role, and a
 * title read from metadata gets a block of its own at the front. */
static void place_title_block(struct jm_doc *doc, const struct jm_meta_cand *t)
{
    long keep = t && t->block >= 0 && doc->blocks[t->block].len <= MAX_TITLE_BLOCK ? t->block : -1;
    for (size_t i = 0; keep < 0 && i < doc->nblocks; i++)
        if (doc->blocks[i].kind == JM_BLOCK_TITLE && agrees(&doc->blocks[i], doc->title))
            keep = (long)i;
    for (size_t i = 0; i < doc->nblocks; i++) {
        struct jm_block *b = &doc->blocks[i];
        if ((long)i == keep) {
            b->kind = JM_BLOCK_TITLE;
        } else if (b->kind == JM_BLOCK_TITLE) {
            /* a heading that is not the title stays a heading; a sentence is text */
            bool text = sentence(b->text, b->len) || b->len > MAX_TITLE_BLOCK;
            b->kind = text ? JM_BLOCK_PARAGRAPH : JM_BLOCK_HEADING;
            b->level = text ? 0 : 1;
        }
    }
    if (keep >= 0 || *doc->title == '\0')
        return;
    size_t n = doc->nblocks;
    if (jm_doc_add_block(doc, JM_BLOCK_TITLE, 1, 1, doc->title, strlen(doc->title)) == NULL)
        return;
    struct jm_block title = doc->blocks[n];
    memmove(doc->blocks + 1, doc->blocks, n * sizeof title);
    doc->blocks[0] = title;
}

static void set(struct jm_doc *doc, const char **field, const char *s)
{
    jm_doc_set_meta(doc, field, s, strlen(s));
}

void jm_meta_decide(struct jm_doc *doc)
{
    jm_meta_find_layout(doc);
    if (doc->role == JM_ROLE_POSTING)
        jm_meta_find_prose(doc);
    if (doc->meta == NULL)
        return;
    count_mentions(doc);
    const struct jm_meta_cand *company = best(doc, JM_META_COMPANY, NULL, false);
    company = employer_in_text(doc, company);
    const struct jm_meta_cand *location =
        fullest_place(doc, best(doc, JM_META_LOCATION, NULL, false));
    set(doc, &doc->company, company ? company->text : "");
    set(doc, &doc->location, location ? location->text : "");
    const struct jm_meta_cand *title = best(doc, JM_META_TITLE, doc->company, false);
    if (title)
        set(doc, &doc->title,
            doc->role == JM_ROLE_POSTING ? final_title(doc, title, doc->company, doc->location)
                                         : title->text);
    if (doc->role == JM_ROLE_POSTING)
        place_title_block(doc, title);
}
