/*
 * keywords.c - finds a dictionary's terms in a document.
 *
 * Each block's normalized text is walked from every position that can start
 * a word, down the dictionary trie; the longest form that ends on a word
 * boundary and passes its guard wins. Guards of ambiguous forms check the
 * exact case in the original text, a reject pattern overlapping the hit, a
 * context pattern in the same block, or a companion term anywhere in the
 * document; companions are settled after the whole document is scanned.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "dict.h"
#include "doc.h"
#include "analysis.h"

enum { MAX_FORMS = 8, MAX_DEPTH_CANDIDATES = 32 };

struct entry {
    jm_keyword pub;
    uint32_t term;
    const char *forms[MAX_FORMS];
};

struct jm_keywords {
    const jm_dict *dict;
    const jm_doc *doc;
    struct jm_arena arena;
    struct entry *entries;
    size_t n;
    int32_t *by_term;          /* term id -> entry index, or -1 */
    struct jm_occurrence *occ; /* every accepted hit, in document order */
    size_t nocc;
    uint32_t *by_block;  /* occ indexes grouped by block, each group in occ order */
    size_t *block_first; /* block b's are by_block[block_first[b], block_first[b + 1]) */
};

/*
 * REJECT and ACCEPT are final. PENDING waits for a companion anywhere in the document.
 * LISTED and LISTED_CASE failed their guard (context; case, its reject pattern not yet
 * tried) but stand when the hit is a member of a list of technologies (settle_lists).
 */
enum verdict { REJECT, ACCEPT, PENDING, LISTED, LISTED_CASE };

struct hit {
    uint32_t term, block, start, end; /* normalized offsets in the block */
    enum verdict verdict;
    bool shared; /* a member of a list that shares the term's head: its text is no form */
};

/* The matches of one term's reject pattern in one block, in text order. */
struct rejects {
    uint32_t block; /* + 1; 0: none collected yet */
    size_t n, cap;
    uint32_t (*span)[2];
};

/* A guarded term's patterns, run once per block. A term's context pattern is tried once
 * per block: the block (+ 1) it was last tried in, and the answer; without this, a term
 * named n times in one long paragraph would search it n times. */
struct guarded {
    uint32_t term; /* + 1; 0: an empty slot */
    uint32_t context_block;
    bool context_found;
    struct rejects rejects; /* where its reject pattern matches, in one block */
};

struct scan {
    jm_dict *dict; /* terms' patterns compile on first use */
    const struct jm_doc *doc;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    struct hit *hits;
    size_t nhits, cap;
    bool nomem;
    bool bad_pattern; /* err is filled */
    jm_error *err;
    /* The guarded terms met so far, hashed by term: a table the size of the dictionary
     * would cost each document, however small, a pass over all the terms. */
    struct guarded *guarded;
    size_t guarded_mask, nguarded; /* capacity - 1 (a power of two, or 0: none yet) */
};

/* Glue that makes a compound of an ambiguous form: go-to-market, R&D, C-suite. */
static bool glue(char c)
{
    return c == '-' || c == '&' || c == '@' || c == '.';
}

static bool left_ok(const char *s, size_t i, bool guarded)
{
    if (i == 0)
        return true;
    if (jm_word_before(s, i))
        return false;
    char p = s[i - 1];
    /* "node.js": "js" continues a dotted name. */
    if (p == '.' && jm_word_before(s, i - 1))
        return false;
    return !(guarded && glue(p) && jm_word_before(s, i - 1));
}

static bool right_ok(const char *s, size_t n, size_t e, bool guarded, char last)
{
    if (e >= n)
        return true;
    char c = s[e];
    /* A form ending in punctuation ("c++", "c#") may take a version: C++17. */
    bool punct_end = !((last >= 'a' && last <= 'z') || (last >= '0' && last <= '9') ||
                       (unsigned char)last >= 0x80);
    if (!punct_end && jm_word_at(s, n, e))
        return false;
    if (c == '+' || c == '#')
        return false; /* "c" in "c++", "c#" */
    if (c == '.' && jm_word_at(s, n, e + 1))
        return false; /* "node" in "node.js" */
    return !(guarded && glue(c) && jm_word_at(s, n, e + 1));
}

/* Compares original text with a form, any separator run matching any other. */
static bool same_case(const char *orig, size_t olen, const char *form)
{
    size_t i = 0;
    for (const char *f = form; *f;) {
        bool fsep = *f == ' ' || *f == '-' || *f == '/';
        if (fsep) {
            while (*f == ' ' || *f == '-' || *f == '/')
                f++;
            size_t k = i;
            while (k < olen && (orig[k] == ' ' || orig[k] == '-' || orig[k] == '/'))
                k++;
            if (k == i)
                return false;
            i = k;
            continue;
        }
        if (i >= olen || orig[i] != *f)
            return false;
        i++;
        f++;
    }
    return i == olen;
}

/* Collects every match of `re` in block `b` into r; false when out of memory. */
static bool collect_rejects(struct scan *sc, const pcre2_code *re, const struct jm_block *b,
                            struct rejects *r)
{
    r->n = 0;
    JM_WORK(b->nlen); /* the block, once for the term */
    for (PCRE2_SIZE from = 0; from <= b->nlen;) {
        if (pcre2_match(re, (PCRE2_SPTR)b->norm, b->nlen, from, PCRE2_NO_UTF_CHECK, sc->md,
                        sc->mctx) < 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
        if (r->n == r->cap) {
            size_t cap = r->cap ? 2 * r->cap : 8;
            uint32_t(*p)[2] = realloc(r->span, cap * sizeof *p);
            if (p == NULL)
                return false;
            r->span = p;
            r->cap = cap;
        }
        r->span[r->n][0] = (uint32_t)ov[0];
        r->span[r->n++][1] = (uint32_t)ov[1];
        from = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        while (from < b->nlen && ((unsigned char)b->norm[from] & 0xC0) == 0x80)
            from++; /* never start inside a character: the UTF check is off */
    }
    return true;
}

/* The state of guarded term `term`, made on first use; NULL when out of memory. */
static struct guarded *guarded(struct scan *sc, uint32_t term)
{
    if (2 * (sc->nguarded + 1) > sc->guarded_mask + 1 || sc->guarded == NULL) {
        size_t cap = sc->guarded ? 2 * (sc->guarded_mask + 1) : 64;
        struct guarded *t = calloc(cap, sizeof *t);
        if (t == NULL) {
            sc->nomem = true;
            return NULL;
        }
        for (size_t i = 0; sc->guarded && i <= sc->guarded_mask; i++) {
            size_t h = sc->guarded[i].term * 2654435761u & (cap - 1);
            while (sc->guarded[i].term && t[h].term)
                h = (h + 1) & (cap - 1);
            if (sc->guarded[i].term)
                t[h] = sc->guarded[i];
        }
        free(sc->guarded);
        sc->guarded = t;
        sc->guarded_mask = cap - 1;
    }
    size_t h = (term + 1) * 2654435761u & sc->guarded_mask;
    while (sc->guarded[h].term != 0 && sc->guarded[h].term != term + 1)
        h = (h + 1) & sc->guarded_mask;
    if (sc->guarded[h].term == 0) {
        sc->guarded[h].term = term + 1;
        sc->nguarded++;
    }
    return &sc->guarded[h];
}

/*
 * Does a match of the term's reject pattern overlap [start, end)? The pattern runs once per
 * block and term, so that a term named many times in one long block costs linear time.
 */
static bool reject_overlaps(struct scan *sc, uint32_t term, const pcre2_code *re,
                            const struct jm_block *b, size_t start, size_t end)
{
    struct guarded *g = guarded(sc, term);
    if (g == NULL)
        return true; /* out of memory: said by sc->nomem */
    struct rejects *r = &g->rejects;
    uint32_t bi = (uint32_t)(b - sc->doc->blocks);
    if (r->block != bi + 1) {
        r->block = bi + 1;
        if (!collect_rejects(sc, re, b, r)) {
            sc->nomem = true;
            return true;
        }
    }
    /* Matches do not overlap each other, so their ends increase: the first one ending after
     * `start` is the only one that can overlap. */
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->span[mid][1] > start)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo < r->n && r->span[lo][0] < end;
}

static bool pattern_in(struct scan *sc, const pcre2_code *re, const struct jm_block *b)
{
    JM_WORK(b->nlen);
    return pcre2_match(re, (PCRE2_SPTR)b->norm, b->nlen, 0, PCRE2_NO_UTF_CHECK, sc->md, sc->mctx) >=
           0;
}

/* The compiled pattern, or NULL; a pattern that does not compile stops the scan. */
static const pcre2_code *pattern(struct scan *sc, struct jm_pattern *p)
{
    if (p->source == NULL)
        return NULL;
    const pcre2_code *code = jm_pattern_code(p, sc->err);
    if (code == NULL)
        sc->bad_pattern = true;
    return code;
}

static enum verdict judge(struct scan *sc, const struct jm_form *f, const struct jm_block *b,
                          size_t start, size_t end)
{
    struct jm_term *t = &sc->dict->terms[f->term];
    if (!f->guarded)
        return ACCEPT;
    if (t->case_exact && !same_case(b->text + b->map[start], b->map[end] - b->map[start], f->text))
        return LISTED_CASE;
    const pcre2_code *reject = pattern(sc, &t->reject);
    if (reject && reject_overlaps(sc, f->term, reject, b, start, end))
        return REJECT;
    const pcre2_code *context = pattern(sc, &t->context);
    if (sc->bad_pattern)
        return REJECT;
    if (context == NULL && t->companions.n == 0)
        return ACCEPT;
    uint32_t bi = (uint32_t)(b - sc->doc->blocks);
    struct guarded *g = context ? guarded(sc, f->term) : NULL;
    if (g && g->context_block != bi + 1) {
        g->context_block = bi + 1;
        g->context_found = pattern_in(sc, context, b);
    }
    if (g && g->context_found)
        return ACCEPT;
    return t->companions.n > 0 ? PENDING : LISTED;
}

static void add_hit(struct scan *sc, uint32_t term, uint32_t block, size_t start, size_t end,
                    enum verdict v)
{
    if (sc->nhits == sc->cap) {
        size_t cap = sc->cap ? sc->cap * 2 : 64;
        struct hit *p = realloc(sc->hits, cap * sizeof *p);
        if (p == NULL) {
            sc->nomem = true;
            return;
        }
        sc->hits = p;
        sc->cap = cap;
    }
    sc->hits[sc->nhits++] = (struct hit){term, block, (uint32_t)start, (uint32_t)end, v, false};
}

/*
 * A version glued to a name of three letters or more: "Python3", "HTML5", "SQL2019"
 * ("JS5" or "QA1" are codes more often than versions).
 * The end of the version when the word ends there, else 0.
 */
static size_t version_end(const char *s, size_t n, size_t e)
{
    char last = s[e - 1];
    if (!(last >= 'a' && last <= 'z') || e >= n || !(s[e] >= '0' && s[e] <= '9'))
        return 0;
    size_t k = e;
    while (k < n && ((s[k] >= '0' && s[k] <= '9') ||
                     (s[k] == '.' && k + 1 < n && s[k + 1] >= '0' && s[k + 1] <= '9')))
        k++;
    return right_ok(s, n, k, false, s[k - 1]) ? k : 0;
}

/* Tries the forms ending at `node` (text s[i..e)); returns the hit's end or 0. */
static size_t try_node(struct scan *sc, uint32_t bi, uint32_t node, size_t i, size_t e)
{
    const struct jm_dict *d = sc->dict;
    const struct jm_block *b = &sc->doc->blocks[bi];
    for (uint32_t fi = d->node_form[node]; fi != JM_NONE; fi = d->forms[fi].next) {
        const struct jm_form *f = &d->forms[fi];
        if (f->guarded && !left_ok(b->norm, i, true))
            continue;
        size_t end = e;
        char last = b->norm[e - 1];
        if (!right_ok(b->norm, b->nlen, e, f->guarded, last)) {
            bool plural = !f->guarded && d->terms[f->term].plural && e < b->nlen &&
                          b->norm[e] == 's' && right_ok(b->norm, b->nlen, e + 1, false, 's');
            size_t version = f->guarded || e - i < 3 ? 0 : version_end(b->norm, b->nlen, e);
            if (!plural && version == 0)
                continue;
            end = plural ? e + 1 : version;
        }
        enum verdict v = judge(sc, f, b, i, end);
        if (v == LISTED || v == LISTED_CASE)
            add_hit(sc, f->term, bi, i, end, v); /* a candidate: a shorter form may win */
        else if (v != REJECT) {
            add_hit(sc, f->term, bi, i, end, v);
            return end;
        }
    }
    return 0;
}

static bool is_sep(char c)
{
    return c == ' ' || c == '-' || c == '/';
}

/* The longest form starting at i that is accepted; returns its end or 0. */
static size_t match_at(struct scan *sc, uint32_t bi, size_t i)
{
    const struct jm_dict *d = sc->dict;
    const struct jm_block *b = &sc->doc->blocks[bi];
    uint32_t nodes[MAX_DEPTH_CANDIDATES];
    size_t ends[MAX_DEPTH_CANDIDATES];
    int nc = 0;
    uint32_t node = 0;
    size_t j = i;
    while (j < b->nlen) {
        if (is_sep(b->norm[j])) {
            size_t k = j;
            while (k < b->nlen && is_sep(b->norm[k]))
                k++;
            node = jm_trie_next(d, node, JM_SEP);
            j = k;
        } else {
            node = jm_trie_next(d, node, (unsigned char)b->norm[j++]);
        }
        if (node == 0)
            break;
        if (d->node_form[node] != JM_NONE && !is_sep(b->norm[j - 1])) {
            if (nc == MAX_DEPTH_CANDIDATES) { /* keep the longest ones */
                memmove(nodes, nodes + 1, (size_t)(nc - 1) * sizeof *nodes);
                memmove(ends, ends + 1, (size_t)(nc - 1) * sizeof *ends);
                nc--;
            }
            nodes[nc] = node;
            ends[nc++] = j;
        }
    }
    while (nc-- > 0) {
        size_t end = try_node(sc, bi, nodes[nc], i, ends[nc]);
        if (end > 0)
            return end;
    }
    return 0;
}

static void scan_block(struct scan *sc, uint32_t bi)
{
    const struct jm_block *b = &sc->doc->blocks[bi];
    size_t i = 0;
    while (i < b->nlen) {
        unsigned char c = (unsigned char)b->norm[i];
        if (sc->dict->starts[c] && left_ok(b->norm, i, false)) {
            size_t end = match_at(sc, bi, i);
            if (end > 0) {
                i = end;
                continue;
            }
        }
        /* Skip to the next character boundary. */
        i++;
        while (i < b->nlen && ((unsigned char)b->norm[i] & 0xC0) == 0x80)
            i++;
    }
}

/* A pending hit stands when one of its companions stands. */
static void settle_companions(struct scan *sc)
{
    size_t nterms = sc->dict->nterms;
    bool *found = calloc(nterms ? nterms : 1, sizeof *found);
    if (found == NULL) {
        sc->nomem = true;
        return;
    }
    for (size_t i = 0; i < sc->nhits; i++)
        if (sc->hits[i].verdict == ACCEPT)
            found[sc->hits[i].term] = true;
    bool changed = true;
    while (changed) {
        changed = false;
        for (size_t i = 0; i < sc->nhits; i++) {
            struct hit *h = &sc->hits[i];
            if (h->verdict != PENDING)
                continue;
            const struct jm_list *c = &sc->dict->terms[h->term].companions;
            for (size_t k = 0; k < c->n; k++) {
                if (found[c->ids[k]] && c->ids[k] != h->term) {
                    h->verdict = ACCEPT;
                    found[h->term] = changed = true;
                    break;
                }
            }
        }
    }
    free(found);
}

/* ---- shared heads ------------------------------------------------------------ */

/*
 * A list shares the first or last word of its named member with the others: "unit,
 * integration and end-to-end testing" names Unit testing and Integration testing too;
 * "data profiling, cleansing and enrichment" names Data cleansing. Each other member (one
 * to three words) is tried with the shared word; an unguarded term of that name stands.
 */
/* The marks that join members of a list sharing a head; ";" and "|" part clauses there. */
#define SHARED_MARKS ",/&"

/* Members tried per named member, so that a long list costs linear time. */
enum { MEMBER_WORDS = 3, SHARED_KEY = 128, SHARED_MEMBERS = 8 };

static bool word_byte(char c)
{
    return c != ' ' && strchr(",;:.()[]/&|", c) == NULL;
}

/* The unguarded term written key[0..n) (spaces and hyphens as the trie's separator). */
static uint32_t term_named(const jm_dict *d, const char *key, size_t n)
{
    uint32_t node = 0;
    for (size_t i = 0; i < n; i++) {
        bool sep = key[i] == ' ' || key[i] == '-';
        if (sep && i + 1 < n && (key[i + 1] == ' ' || key[i + 1] == '-'))
            continue;
        if ((node = jm_trie_next(d, node, sep ? JM_SEP : (unsigned char)key[i])) == 0)
            return JM_NONE;
    }
    for (uint32_t f = d->node_form[node]; f != JM_NONE; f = d->forms[f].next)
        if (!d->forms[f].guarded)
            return d->forms[f].term;
    return JM_NONE;
}

/* Skips a list separator (",", "/", "&", "and", "or", ", and") forward from i; i when none. */
static size_t skip_sep_forward(const char *s, size_t n, size_t i)
{
    size_t k = i;
    while (k < n && s[k] == ' ')
        k++;
    bool comma = k < n && strchr(SHARED_MARKS, s[k]) != NULL;
    k += comma;
    while (k < n && s[k] == ' ')
        k++;
    for (const char *w = "and\0or\0"; *w; w += strlen(w) + 1) {
        size_t len = strlen(w);
        if (k + len < n && memcmp(s + k, w, len) == 0 && s[k + len] == ' ')
            return k + len + 1;
    }
    return comma ? k : i;
}

/* The same backward from i (the first byte after the separator is at i). */
static size_t skip_sep_back(const char *s, size_t i)
{
    size_t k = i;
    while (k > 0 && s[k - 1] == ' ')
        k--;
    bool word = false;
    for (const char *w = "and\0or\0"; *w && !word; w += strlen(w) + 1) {
        size_t len = strlen(w);
        if (k > len && memcmp(s + k - len, w, len) == 0 && s[k - len - 1] == ' ') {
            k -= len;
            word = true;
        }
    }
    while (k > 0 && s[k - 1] == ' ')
        k--;
    bool comma = k > 0 && strchr(SHARED_MARKS, s[k - 1]) != NULL;
    k -= comma;
    while (k > 0 && s[k - 1] == ' ')
        k--;
    return word || comma ? k : i;
}

/* Adds the term `shared` + member (or member + `shared`) names, with the hit on the member. */
static bool try_member(struct scan *sc, uint32_t bi, const char *shared, size_t slen, size_t ms,
                       size_t me, bool shared_first)
{
    const struct jm_block *b = &sc->doc->blocks[bi];
    char key[SHARED_KEY];
    size_t mlen = me - ms;
    if (slen + mlen + 1 >= sizeof key)
        return false;
    const char *first = shared_first ? shared : b->norm + ms;
    size_t flen = shared_first ? slen : mlen;
    memcpy(key, first, flen);
    key[flen] = ' ';
    memcpy(key + flen + 1, shared_first ? b->norm + ms : shared, shared_first ? mlen : slen);
    uint32_t term = term_named(sc->dict, key, slen + mlen + 1);
    if (term == JM_NONE)
        return false;
    add_hit(sc, term, bi, ms, me, ACCEPT);
    if (!sc->nomem)
        sc->hits[sc->nhits - 1].shared = true;
    return true;
}

/* The members after a hit whose first word is shared: "data profiling, cleansing". */
static void share_first_word(struct scan *sc, uint32_t bi, size_t start, size_t end)
{
    const struct jm_block *b = &sc->doc->blocks[bi];
    const char *s = b->norm;
    size_t w = start;
    while (w < end && word_byte(s[w]) && s[w] != '-')
        w++;
    if (w >= end)
        return; /* one word: nothing shared */
    size_t members = 0;
    for (size_t at = end, next;
         members++ < SHARED_MEMBERS && (next = skip_sep_forward(s, b->nlen, at)) != at;) {
        size_t e = next, best = 0;
        for (int words = 0; words < MEMBER_WORDS && e < b->nlen && word_byte(s[e]); words++) {
            while (e < b->nlen && word_byte(s[e]))
                e++;
            if (try_member(sc, bi, s + start, w - start, next, e, true) && best == 0)
                best = e;
            if (e + 1 < b->nlen && s[e] == ' ' && word_byte(s[e + 1]) &&
                skip_sep_forward(s, b->nlen, e) == e)
                e++;
            else
                break;
        }
        if (best == 0)
            return;
        at = best;
    }
}

/* The members before a hit whose last word is shared: "unit, integration testing". */
static void share_last_word(struct scan *sc, uint32_t bi, size_t start, size_t end)
{
    const struct jm_block *b = &sc->doc->blocks[bi];
    const char *s = b->norm;
    size_t w = end;
    while (w > start && word_byte(s[w - 1]) && s[w - 1] != '-')
        w--;
    if (w <= start)
        return;
    size_t members = 0;
    for (size_t at = start, next;
         members++ < SHARED_MEMBERS && (next = skip_sep_back(s, at)) != at;) {
        size_t ms = next, best = 0;
        for (int words = 0; words < MEMBER_WORDS && ms > 0 && word_byte(s[ms - 1]); words++) {
            while (ms > 0 && word_byte(s[ms - 1]))
                ms--;
            if (try_member(sc, bi, s + w, end - w, ms, next, false))
                best = ms;
            if (ms > 1 && s[ms - 1] == ' ' && word_byte(s[ms - 2]) && skip_sep_back(s, ms) == ms)
                ms--;
            else
                break;
        }
        if (best == 0)
            return;
        at = best;
    }
}

static void settle_shared_heads(struct scan *sc)
{
    size_t n = sc->nhits; /* the hits added here are not expanded again */
    for (size_t i = 0; i < n && !sc->nomem; i++) {
        struct hit h = sc->hits[i]; /* add_hit may move the array */
        if (h.verdict != ACCEPT || sc->dict->terms[h.term].has_guard)
            continue;
        share_first_word(sc, h.block, h.start, h.end);
        share_last_word(sc, h.block, h.start, h.end);
    }
}

/* ---- the employer's own name ------------------------------------------------- */

/*
 * The employer's name is never a skill: a sales job at "Citus Data" does not ask for
 * Citus, nor a job at "Doctrine" for the PHP library. Hits lying wholly inside the
 * company's name, written in full or without its legal and generic suffix ("Brave
 * Software" -> "Brave"), are dropped.
 */
static size_t core_name(const char *s, size_t n)
{
    static const char *const suffixes[] = {
        " inc",     " inc.",         " incorporated", " llc",   " ltd",         " ltd.",
        " limited", " gmbh",         " corp",         " corp.", " corporation", " co",
        " co.",     " plc",          " sa",           " ag",    " bv",          " software",
        " systems", " technologies", " technology",   " labs",  " group",       " data"};
    for (bool cut = true; cut;) {
        cut = false;
        while (n > 0 && (s[n - 1] == ',' || s[n - 1] == ' '))
            n--;
        for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes && !cut; i++) {
            size_t k = strlen(suffixes[i]);
            if (n > k + 2 && memcmp(s + n - k, suffixes[i], k) == 0) {
                n -= k;
                cut = true;
            }
        }
    }
    return n;
}

/* Does the hit lie inside an occurrence of name[0..n) in its block? Only the n bytes around
 * the hit are searched, so that masking stays linear in the number of hits. */
static bool inside_name(const struct scan *sc, const struct hit *h, const char *name, size_t n)
{
    const struct jm_block *b = &sc->doc->blocks[h->block];
    if (n == 0 || h->end - h->start > n)
        return false;
    size_t lo = h->end >= n ? h->end - n : 0, hi = h->start + n < b->nlen ? h->start + n : b->nlen;
    for (const char *at = b->norm + lo;
         (at = memmem(at, hi - (size_t)(at - b->norm), name, n)) != NULL; at++) {
        size_t os = (size_t)(at - b->norm), oe = os + n;
        if (os <= h->start && oe >= h->end && !jm_word_before(b->norm, os) &&
            !jm_word_at(b->norm, b->nlen, oe))
            return true;
    }
    return false;
}

static void mask_employer(struct scan *sc, struct jm_arena *a)
{
    const char *company = sc->doc->company;
    if (sc->doc->role != JM_ROLE_POSTING || company == NULL || strlen(company) < 2)
        return;
    char *name;
    size_t n;
    jm_normalize(company, strlen(company), a, &name, &n, NULL);
    if (name == NULL) {
        sc->nomem = true;
        return;
    }
    size_t core = core_name(name, n);
    for (size_t i = 0; i < sc->nhits; i++) {
        struct hit *h = &sc->hits[i];
        if (h->verdict == ACCEPT && (inside_name(sc, h, name, n) || inside_name(sc, h, name, core)))
            h->verdict = REJECT;
    }
}

/* ---- the list principle ---------------------------------------------------- */

/*
 * An ambiguous name among unambiguous technologies is a technology: "Rails / React /
 * MySQL", "Docker, Kubernetes and helm", a tag line "java spring rest". Members of a list
 * are hits separated by one list separator; the whole block may also be a tag line, its
 * members separated by spaces alone. Soft skills and certifications never anchor a list.
 */
enum { MAX_SEP = 8 };

/* Is the text between two hits one list separator? `bare`: spaces alone will do. */
static bool list_gap(const char *s, size_t from, size_t to, bool bare)
{
    static const char *const seps[] = {
        ",",   "/",  "|",    ";",   "&",     "+", "\xC2\xB7", "\xE2\x80\xA2",
        "and", "or", ",and", ",or", "and/or"};
    char gap[MAX_SEP + 1];
    size_t k = 0;
    for (size_t i = from; i < to; i++) {
        if (s[i] == ' ')
            continue;
        if (k == MAX_SEP)
            return false;
        gap[k++] = s[i];
    }
    gap[k] = '\0';
    if (k == 0)
        return bare;
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++)
        if (strcmp(gap, seps[i]) == 0)
            return true;
    return false;
}

/* Is every character of the block outside the members a space or a list mark? */
static bool tag_line(const struct jm_block *b, const struct hit *const *m, size_t n)
{
    size_t at = 0;
    for (size_t i = 0; i <= n; i++) {
        size_t to = i < n ? m[i]->start : b->nlen;
        for (size_t k = at; k < to; k++)
            if (strchr(" ,/|;", b->norm[k]) == NULL)
                return false;
        if (i < n)
            at = m[i]->end;
    }
    return n >= 3;
}

static bool is_anchor(const struct scan *sc, const struct hit *h)
{
    return h->verdict == ACCEPT && jm_kind_is_technical(sc->dict->terms[h->term].kind);
}

static bool is_candidate(const struct hit *h)
{
    return h->verdict == LISTED || h->verdict == LISTED_CASE || h->verdict == PENDING;
}

/* Accepts the candidates of members m[from..to) when an anchor stands among them. */
static void settle_run(struct scan *sc, const struct jm_block *b, struct hit **m, size_t from,
                       size_t to)
{
    bool anchored = false;
    for (size_t i = from; i < to; i++)
        anchored |= is_anchor(sc, m[i]);
    if (!anchored || to - from < 2)
        return;
    for (size_t i = from; i < to; i++) {
        if (!is_candidate(m[i]))
            continue;
        const pcre2_code *reject =
            m[i]->verdict == LISTED_CASE ? pattern(sc, &sc->dict->terms[m[i]->term].reject) : NULL;
        if (reject == NULL || !reject_overlaps(sc, m[i]->term, reject, b, m[i]->start, m[i]->end))
            m[i]->verdict = ACCEPT;
    }
}

/* The list members of one block's hits h[0..n) (in scan order): no two overlap, and a
 * final hit beats a candidate. */
static size_t list_members(struct hit *h, size_t n, struct hit **m)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (h[i].verdict == REJECT)
            continue;
        if (k > 0 && h[i].start < m[k - 1]->end) {
            if (is_candidate(m[k - 1]) && !is_candidate(&h[i]))
                m[k - 1] = &h[i];
            continue;
        }
        m[k++] = &h[i];
    }
    return k;
}

static void settle_block(struct scan *sc, struct hit *h, size_t n, struct hit **m)
{
    const struct jm_block *b = &sc->doc->blocks[h[0].block];
    size_t k = list_members(h, n, m);
    bool bare = tag_line(b, (const struct hit *const *)m, k);
    size_t run = 0;
    for (size_t i = 1; i <= k; i++) {
        if (i < k && list_gap(b->norm, m[i - 1]->end, m[i]->start, bare))
            continue;
        settle_run(sc, b, m, run, i);
        run = i;
    }
}

static void settle_lists(struct scan *sc)
{
    struct hit **members = malloc((sc->nhits ? sc->nhits : 1) * sizeof *members);
    if (members == NULL) {
        sc->nomem = true;
        return;
    }
    for (size_t i = 0; i < sc->nhits && !sc->bad_pattern;) {
        size_t j = i;
        bool candidates = false;
        while (j < sc->nhits && sc->hits[j].block == sc->hits[i].block)
            candidates |= is_candidate(&sc->hits[j++]);
        if (candidates)
            settle_block(sc, sc->hits + i, j - i, members);
        i = j;
    }
    free(members);
}

static void add_form(struct jm_keywords *kw, struct entry *e, const char *s, size_t n)
{
    for (size_t i = 0; i < e->pub.nforms; i++)
        if (strlen(e->forms[i]) == n && memcmp(e->forms[i], s, n) == 0)
            return;
    if (e->pub.nforms == MAX_FORMS)
        return;
    const char *copy = jm_arena_strndup(&kw->arena, s, n);
    if (copy)
        e->forms[e->pub.nforms++] = copy;
}

/*
 * A posting asks for a soft skill only in its requirements, responsibilities or nice to
 * haves: "a collaborative culture" in the blurb or "team player" in the benefits is the
 * company describing itself.
 */
static bool counts_here(const struct jm_keywords *kw, const struct hit *h)
{
    if (kw->doc->role != JM_ROLE_POSTING)
        return true;
    const struct jm_block *b = &kw->doc->blocks[h->block];
    return jm_block_importance_at(b, b->map[h->start]) >= JM_IMPORTANCE_PREFERRED ||
           kw->dict->terms[h->term].kind != JM_KIND_SOFT_SKILL;
}

static void aggregate(struct jm_keywords *kw, const struct scan *sc)
{
    const struct jm_dict *d = kw->dict;
    for (size_t i = 0; i < sc->nhits; i++) {
        const struct hit *h = &sc->hits[i];
        if (h->verdict != ACCEPT || !counts_here(kw, h))
            continue;
        const struct jm_block *b = &kw->doc->blocks[h->block];
        jm_importance imp = jm_block_importance_at(b, b->map[h->start]);
        if (kw->by_term[h->term] < 0) {
            struct entry *e = &kw->entries[kw->n];
            memset(e, 0, sizeof *e);
            e->term = h->term;
            e->pub.name = d->terms[h->term].name;
            e->pub.category = d->terms[h->term].category;
            e->pub.kind = d->terms[h->term].kind;
            e->pub.importance = imp;
            e->pub.line = b->line;
            e->pub.quote = b->text;
            e->pub.forms = e->forms;
            kw->by_term[h->term] = (int32_t)kw->n++;
        }
        struct entry *e = &kw->entries[kw->by_term[h->term]];
        e->pub.count++;
        if (imp > e->pub.importance) {
            e->pub.importance = imp;
            e->pub.line = b->line;
            e->pub.quote = b->text;
        }
        if (!h->shared)
            add_form(kw, e, b->text + b->map[h->start], b->map[h->end] - b->map[h->start]);
        kw->occ[kw->nocc++] =
            (struct jm_occurrence){h->term, h->block, b->map[h->start], b->map[h->end]};
    }
}

static int by_importance(const void *pa, const void *pb)
{
    const struct entry *a = pa, *b = pb;
    if (a->pub.importance != b->pub.importance)
        return (int)b->pub.importance - (int)a->pub.importance;
    if (a->pub.count != b->pub.count)
        return a->pub.count < b->pub.count ? 1 : -1;
    return strcmp(a->pub.name, b->pub.name);
}

/* The occurrences of each block, in their order: a pass over one bullet's keywords then
 * reads its block's, not every occurrence of the document (which made a long list
 * quadratic). False when out of memory. */
static bool index_blocks(struct jm_keywords *kw)
{
    uint32_t *blocks = malloc((kw->nocc ? kw->nocc : 1) * sizeof *blocks);
    uint32_t *order = malloc((kw->nocc ? kw->nocc : 1) * sizeof *order);
    bool ok = blocks && order;
    for (size_t i = 0; ok && i < kw->nocc; i++)
        blocks[i] = kw->occ[i].block, order[i] = (uint32_t)i;
    ok = ok && jm_group(blocks, order, kw->nocc, kw->doc->nblocks, &kw->block_first, &kw->by_block);
    free(blocks);
    free(order);
    return ok;
}

static jm_status scan_doc(struct jm_keywords *kw, struct scan *sc)
{
    sc->md = pcre2_match_data_create(4, NULL);
    sc->mctx = pcre2_match_context_create(NULL);
    if (sc->md == NULL || sc->mctx == NULL)
        return JM_ERR_NOMEM;
    /* A pathological pattern fails the match rather than hanging the scan. */
    pcre2_set_match_limit(sc->mctx, (uint32_t)jm_limit()->pattern_steps);
    for (uint32_t bi = 0; bi < kw->doc->nblocks && !sc->nomem && !sc->bad_pattern; bi++)
        scan_block(sc, bi);
    if (sc->bad_pattern)
        return JM_ERR_DICT;
    if (!sc->nomem)
        settle_companions(sc);
    if (!sc->nomem)
        settle_lists(sc);
    if (!sc->nomem)
        settle_shared_heads(sc);
    if (!sc->nomem)
        mask_employer(sc, &kw->arena);
    if (sc->bad_pattern)
        return JM_ERR_DICT;
    if (sc->nomem)
        return JM_ERR_NOMEM;
    size_t distinct = 0;
    for (size_t i = 0; i < sc->nhits; i++)
        distinct += sc->hits[i].verdict == ACCEPT;
    kw->entries = malloc((distinct ? distinct : 1) * sizeof *kw->entries);
    kw->occ = malloc((distinct ? distinct : 1) * sizeof *kw->occ);
    if (kw->entries == NULL || kw->occ == NULL)
        return JM_ERR_NOMEM;
    aggregate(kw, sc);
    if (!index_blocks(kw))
        return JM_ERR_NOMEM;
    qsort(kw->entries, kw->n, sizeof *kw->entries, by_importance);
    for (size_t i = 0; i < kw->n; i++)
        kw->by_term[kw->entries[i].term] = (int32_t)i;
    for (size_t i = 0; i < kw->n; i++) /* qsort moved the entries */
        kw->entries[i].pub.forms = kw->entries[i].forms;
    return JM_OK;
}

jm_status jm_keywords_find(const jm_dict *dict, const jm_doc *doc, jm_keywords **out, jm_error *err)
{
    *out = NULL;
    if (dict == NULL || doc == NULL)
        return jm_fail(err, JM_ERR_ARG, "", 0, "no dictionary or document");
    struct jm_keywords *kw = calloc(1, sizeof *kw);
    if (kw == NULL)
        return jm_fail(err, JM_ERR_NOMEM, doc->name, 0, "out of memory");
    kw->dict = dict;
    kw->doc = doc;
    kw->by_term = malloc((dict->nterms ? dict->nterms : 1) * sizeof *kw->by_term);
    struct scan sc = {.dict = (jm_dict *)dict, .doc = doc, .err = err};
    jm_status st = kw->by_term ? JM_OK : JM_ERR_NOMEM;
    if (st == JM_OK) {
        memset(kw->by_term, 0xFF, dict->nterms * sizeof *kw->by_term);
        st = scan_doc(kw, &sc);
    }
    if (st == JM_OK && kw->arena.failed)
        st = JM_ERR_NOMEM;
    free(sc.hits);
    for (size_t i = 0; sc.guarded && i <= sc.guarded_mask; i++)
        free(sc.guarded[i].rejects.span);
    free(sc.guarded);
    pcre2_match_data_free(sc.md);
    pcre2_match_context_free(sc.mctx);
    if (st != JM_OK) {
        jm_keywords_free(kw);
        return st == JM_ERR_DICT ? st : jm_fail(err, st, doc->name, 0, "out of memory");
    }
    *out = kw;
    return JM_OK;
}

void jm_keywords_free(jm_keywords *kw)
{
    if (kw == NULL)
        return;
    jm_arena_free(&kw->arena);
    free(kw->entries);
    free(kw->by_term);
    free(kw->occ);
    free(kw->by_block);
    free(kw->block_first);
    free(kw);
}

size_t jm_keywords_count(const jm_keywords *kw)
{
    return kw->n;
}
const jm_doc *jm_keywords_doc(const jm_keywords *kw)
{
    return kw->doc;
}

const jm_keyword *jm_keywords_get(const jm_keywords *kw, size_t i)
{
    return i < kw->n ? &kw->entries[i].pub : NULL;
}

const jm_keyword *jm_keywords_by_term(const jm_keywords *kw, uint32_t term)
{
    return kw->by_term[term] < 0 ? NULL : &kw->entries[kw->by_term[term]].pub;
}

const jm_dict *jm_keywords_dict(const jm_keywords *kw)
{
    return kw->dict;
}

uint32_t jm_keywords_term(const jm_keywords *kw, size_t i)
{
    return kw->entries[i].term;
}

int32_t jm_keywords_index(const jm_keywords *kw, uint32_t term)
{
    return kw->by_term[term];
}

size_t jm_keywords_occurrences(const jm_keywords *kw, const struct jm_occurrence **out)
{
    *out = kw->occ;
    return kw->nocc;
}

size_t jm_keywords_block_occurrences(const jm_keywords *kw, uint32_t block, const uint32_t **out)
{
    *out = kw->by_block + kw->block_first[block];
    return kw->block_first[block + 1] - kw->block_first[block];
}
