/*
 * dict.h - the dictionaries (dict*.c) and the phrasing rules (rules.c,
 * phrasing.c): loaded from files, compiled, then read-only and shared by
 * threads. The analysis walks the dictionary's trie (keywords.c) and asks the
 * rules to judge bullets; how the rules are stored is private to this layer
 * (rules.h).
 */
#ifndef JM_DICT_H
#define JM_DICT_H

#include <stdatomic.h>

#include "base.h"

/* ---- dictionaries ----------------------------------------------------------- */

#define JM_NONE UINT32_MAX
/* Stands in the trie for a run of spaces, hyphens or slashes in a form. */
#define JM_SEP '\x01'

struct pcre2_real_code_8;

/*
 * A guard pattern, compiled on first use: most guards never run in a given
 * document, and compiling them all took most of a run. `code` is set once,
 * atomically, so a shared dictionary stays safe for threads.
 */
struct jm_pattern {
    const char *source; /* NULL: no pattern */
    const char *file;
    long line;
    struct pcre2_real_code_8 *_Atomic code;
    _Atomic bool failed;
};

/* The compiled pattern, or NULL with `err` filled when it does not compile. */
struct pcre2_real_code_8 *jm_pattern_code(struct jm_pattern *p, jm_error *err);

struct jm_list {
    uint32_t *ids;
    size_t n;
};

struct jm_term {
    const char *name, *category;
    const char *file; /* where it is defined */
    long line;
    bool plural;
    bool english_rare; /* an English word whose English sense postings rarely use */
    jm_kind kind;      /* from the category: skill, soft skill or certification */
    /* The guard; has_guard is false for unambiguous terms. */
    bool has_guard, case_exact;
    struct jm_pattern context, reject;
    struct jm_list companions;
    struct jm_list implies; /* direct; what they imply in turn: jm_walk */
    const char **related;
    size_t nrelated;
    /* As written, for jm_dict_term. */
    const char **aliases, **guarded, **companion_names, **implies_names;
    size_t naliases, nguarded;
};

/* A trie terminal: one way of writing one term. */
struct jm_form {
    uint32_t term;
    uint32_t next; /* the next form ending at the same node, or JM_NONE */
    bool guarded;
    bool glued;       /* the two words of `text` written as one (insert_glued) */
    const char *text; /* as written in the dictionary, for case: exact */
};

/* 8 bytes, so that the whole table stays small and cache-friendly. */
struct jm_edge {
    uint32_t key; /* parent node << 8 | byte */
    uint32_t to;  /* 0: an empty slot (the root is nobody's child) */
};

struct jm_dict {
    struct jm_arena arena;
    struct jm_term *terms;
    size_t nterms;
    struct jm_form *forms;
    size_t nforms;
    uint32_t *node_form; /* first form ending at each node, or JM_NONE */
    size_t nnodes;
    struct jm_edge *edges;
    size_t edge_mask;
    bool starts[256];      /* bytes that can begin a form */
    struct jm_table names; /* canonical name -> term id */
    /* The compiled image (dict_image.c) that node_form, edges, names' slots and the id
     * lists point into, or NULL when they are allocated one by one. */
    void *image;
};

static inline uint32_t jm_edge_key(uint32_t node, unsigned char byte)
{
    return node << 8 | byte;
}

/* Where the edge with `key` lives or would live in the edge table. */
static inline size_t jm_edge_slot(const struct jm_dict *d, uint32_t key)
{
    return (size_t)((key * 0x9E3779B97F4A7C15u) >> 32) & d->edge_mask;
}

/* The child of `node` by `byte`, or 0. */
static inline uint32_t jm_trie_next(const struct jm_dict *d, uint32_t node, unsigned char byte)
{
    uint32_t key = jm_edge_key(node, byte);
    for (size_t h = jm_edge_slot(d, key);; h = (h + 1) & d->edge_mask) {
        const struct jm_edge *e = &d->edges[h];
        if (e->to == 0 || e->key == key)
            return e->to;
    }
}

/* A form normalized as text is, separator runs as JM_SEP; NULL on no memory. */
char *jm_form_key(struct jm_arena *a, const char *text, size_t *len);

/* The id of the term with this canonical name (any case), or JM_NONE. */
uint32_t jm_dict_find(const jm_dict *d, const char *name);

/* What dict.c derives from terms, shared with dict_image.c so that a dictionary loaded from
 * an image is the one loaded from its files. */
/* The kind of keyword a term of `category` is. */
jm_kind jm_kind_of(const char *category);
/* The names table's key_of: the canonical name of term `i` of the jm_dict `ctx`. */
const char *jm_dict_term_name(const void *ctx, uint32_t i);

/* ---- walks of the `implies` graph (dict.c) ------------------------------------ */

/* Scratch for walks of one dictionary's implications, forward (what a term implies) or
 * back (what implies it); one per thread. */
struct jm_walk {
    const jm_dict *d;
    size_t *first; /* back: back[first[t], first[t + 1]) directly imply t; else NULL */
    uint32_t *back;
    uint32_t *stamp, *stack, mark;
    uint32_t root;  /* where the last jm_walk_from started */
    uint32_t *seen; /* seen[0, n): what the last walk reached, in the order found */
    size_t n;
};

/* False when out of memory (then nothing is to be freed). */
bool jm_walk_init(struct jm_walk *w, const jm_dict *d, bool back);
void jm_walk_free(struct jm_walk *w);
/* Every term `term` implies (or, walking back, that implies it), transitively, never
 * `term` itself, into w->seen: their number. Costs what it finds. */
size_t jm_walk_from(struct jm_walk *w, uint32_t term);
/* Whether the last jm_walk_from reached `term`. */
bool jm_walk_reached(const struct jm_walk *w, uint32_t term);
/* For each term of the dictionary, owner[t]: the first i whose terms[i] implies t,
 * transitively, or JM_NONE (owner has a slot per term). The terms[i] themselves are not
 * answered for. Linear in the dictionary, whatever n. */
void jm_walk_owners(struct jm_walk *w, const uint32_t *terms, size_t n, uint32_t *owner);

/* Stores the checksum of an image file's content (`size` bytes) in its header: the writer
 * seals every image it makes; tests seal forged ones, to reach the checks behind it. */
void jm_dict_image_seal(char *image, size_t size);

/* ---- phrasing rules: judging one bullet (phrasing.c) --------------------------- */

enum jm_verb_form { JM_VERB_BASE, JM_VERB_PAST, JM_VERB_GERUND, JM_VERB_THIRD, JM_VERB_FORMS };

struct jm_verb {
    const char *form[JM_VERB_FORMS];
    bool outcome, multiplier;
};

enum { JM_MAX_REASONS = 8 };

/* The verdict on one bullet. Strings live in the arena given to jm_judge. */
struct jm_judgement {
    jm_phrasing phrasing;
    const char *reasons[JM_MAX_REASONS];
    size_t nreasons;
    const char *hint;            /* "" for a result */
    const struct jm_verb *verb;  /* the opening verb, or NULL */
    enum jm_verb_form verb_form; /* JM_VERB_FORMS: the opening word is no verb */
    size_t verb_start, verb_end;
    const char *first_person; /* the first pronoun found, or NULL */
};

/* The verb whose `*form` is word[0..n), any case; NULL when none. */
const struct jm_verb *jm_rules_verb(const jm_rules *r, const char *word, size_t n,
                                    enum jm_verb_form *form);

enum jm_role_time { JM_TIME_UNKNOWN, JM_TIME_CURRENT, JM_TIME_PAST };

/* Judges one bullet of a role whose time is `time`: a current role's hint keeps the
 * present tense, another's asks for the past. */
jm_status jm_judge(const jm_rules *r, const char *text, size_t n, enum jm_role_time time,
                   struct jm_arena *a, struct jm_judgement *out);
/* A role's time from a date range in `text`: "2021 – present", "2016 – 2018". */
enum jm_role_time jm_rules_role_time(const jm_rules *r, const char *text, size_t n);

/* The labelled classes of requirements.rules: the knock-out requirements ("experience",
 * "degree", "clearance", ...), the same but years of experience (what a resume states of
 * itself: its years are counted from its roles), and the cues that qualify them (EEO
 * text, internships excluded, ...). */
enum jm_label_class { JM_LABELS_REQUIREMENT, JM_LABELS_FACT, JM_LABELS_CUE };
/* What one entry matched: its label (the key, as written in the rules) and byte range. */
struct jm_rule_hit {
    const char *label;
    size_t start, end;
};
/* The first non-empty match of class `c` in text[from, n) (it may look behind `from`):
 * 1, and *hit filled; 0 when there is none; -1 when out of memory. */
int jm_rules_next_hit(const jm_rules *r, enum jm_label_class c, const char *text, size_t n,
                      size_t from, struct jm_rule_hit *hit);

#endif
