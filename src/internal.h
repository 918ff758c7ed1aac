/*
 * internal.h - private structures shared by the modules of libjobmatch.
 *
 * The pipeline runs one way: input -> html/markdown/text/json -> document
 * (blocks, sections) -> normalize -> keywords (dictionary lookup, guards) ->
 * score -> report. A module calls modules to its left, never to its right.
 */
#ifndef JM_INTERNAL_H
#define JM_INTERNAL_H

#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>

#include "jobmatch.h"

#define JM_HIDDEN __attribute__((visibility("hidden")))
#define JM_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* ---- arena.c: bump allocation for objects freed all at once ------------ */

struct jm_arena_chunk;
struct jm_arena {
    struct jm_arena_chunk *head;
};

JM_HIDDEN void *jm_arena_alloc(struct jm_arena *a, size_t size);
JM_HIDDEN char *jm_arena_strndup(struct jm_arena *a, const char *s, size_t n);
JM_HIDDEN void jm_arena_free(struct jm_arena *a);

/* ---- buf.c: the one growable byte buffer, capped --------------------- */

struct jm_buf {
    char *data;
    size_t len, cap;
    bool failed;  /* an allocation failed or the cap was hit; content is partial */
};

#define JM_BUF_MAX ((size_t)4 * JM_MAX_INPUT)

JM_HIDDEN void jm_buf_put(struct jm_buf *b, const char *s, size_t n);
JM_HIDDEN void jm_buf_putc(struct jm_buf *b, char c);
JM_HIDDEN void jm_buf_puts(struct jm_buf *b, const char *s);
JM_HIDDEN void jm_buf_printf(struct jm_buf *b, const char *fmt, ...) JM_PRINTF(2, 3);
JM_HIDDEN void jm_buf_clear(struct jm_buf *b);
/* Appends at most `max` bytes of `s`, cut at a word and marked with an ellipsis. */
JM_HIDDEN void jm_buf_put_clipped(struct jm_buf *b, const char *s, size_t max);
JM_HIDDEN void jm_buf_free(struct jm_buf *b);

/* ---- error.c ------------------------------------------------------------ */

/* Fills `err` (may be NULL) and returns `code`. `msg` is one line. */
JM_HIDDEN jm_status jm_fail(jm_error *err, jm_status code, const char *where,
                            long line, const char *fmt, ...) JM_PRINTF(5, 6);
JM_HIDDEN jm_status jm_failv(jm_error *err, jm_status code, const char *where, long line,
                             const char *fmt, va_list ap) JM_PRINTF(5, 0);

/* ---- input.c: bytes -> UTF-8 text and a format ------------------------ */

struct jm_input {
    char *text;       /* malloc'd UTF-8, NUL-terminated */
    size_t len;
    jm_format format; /* never JM_FORMAT_AUTO */
    const char *warning; /* static; NULL when none */
};

JM_HIDDEN jm_status jm_input_decode(const char *buf, size_t len, const char *name,
                                    jm_format hint, struct jm_input *out,
                                    jm_error *err);
JM_HIDDEN bool jm_utf8_valid(const char *s, size_t n, size_t *bad_offset);
/* A whole UTF-8 text file (dictionaries, rules) into `a`, NUL-terminated; failures are
 * reported with `code`, invalid UTF-8 with its line. */
JM_HIDDEN jm_status jm_read_text_file(const char *path, struct jm_arena *a, jm_status code,
                                      char **text, size_t *len, jm_error *err);
/* The files of `dir` whose names end in `suffix`, hidden ones left out, as sorted paths
 * (free them with jm_free_names); failures are reported with `code`. */
JM_HIDDEN jm_status jm_list_dir(const char *dir, const char *suffix, jm_status code,
                                char ***names, size_t *n, jm_error *err);
JM_HIDDEN void jm_free_names(char **names, size_t n);
JM_HIDDEN bool jm_has_suffix(const char *s, const char *suffix);

/* ---- normalize.c -------------------------------------------------------- */

/*
 * NFKC + case fold, with an ASCII fast path. `map` gets nlen + 1 entries:
 * map[i] is the offset in `s` of the character that produced norm byte i.
 * A NULL `map` skips the offsets (dictionary forms need none).
 */
JM_HIDDEN void jm_normalize(const char *s, size_t n, struct jm_arena *a,
                            char **norm, size_t *nlen, uint32_t **map);
/* Is this code point part of a word (letter, mark, digit, underscore)? */
JM_HIDDEN bool jm_is_word_cp(int32_t cp);
/* Decodes the code point at s[i] (valid UTF-8 assumed); sets *next. */
JM_HIDDEN int32_t jm_utf8_at(const char *s, size_t n, size_t i, size_t *next);
/* Decodes the code point ending just before s[i]. */
JM_HIDDEN int32_t jm_utf8_before(const char *s, size_t i);

/* ---- the document model (document.c builds it) ------------------------- */

enum jm_block_kind { JM_BLOCK_TITLE, JM_BLOCK_HEADING, JM_BLOCK_PARAGRAPH, JM_BLOCK_ITEM };

/* Section kinds, for postings and resumes alike. */
enum jm_section {
    JM_SEC_NONE,
    JM_SEC_GENERAL,  /* a known heading that carries no weight: "About the job" */
    /* posting */
    JM_SEC_TITLE, JM_SEC_REQUIRED, JM_SEC_PREFERRED, JM_SEC_RESPONSIBILITY,
    JM_SEC_BOILERPLATE,
    /* resume */
    JM_SEC_SUMMARY, JM_SEC_SKILLS, JM_SEC_EXPERIENCE, JM_SEC_PROJECTS,
    JM_SEC_EDUCATION, JM_SEC_CONTACT, JM_SEC_OTHER
};

struct jm_block {
    enum jm_block_kind kind;
    int level;          /* heading level 1-6, 7 for a pseudo heading; list depth */
    bool emphasized;    /* the whole block was bold: a heading candidate */
    long line;          /* 1-based line in the source, 0 when unknown */
    const char *text;   /* decoded UTF-8, whitespace collapsed */
    size_t len;
    const char *norm;   /* normalized text (normalize.c) */
    size_t nlen;
    const uint32_t *map;
    enum jm_section section;
    jm_importance importance;
};

struct jm_doc {
    struct jm_arena arena;
    char *name;
    jm_role role;
    jm_format format;
    const char *title, *company, *location;
    struct jm_block *blocks;
    size_t nblocks, cap;
    const char **warnings;
    size_t nwarnings, capwarnings;
    bool nomem;         /* an allocation failed while building */
};

/* Builders, used by the format parsers. Text is copied and trimmed. */
JM_HIDDEN struct jm_block *jm_doc_add_block(struct jm_doc *doc, enum jm_block_kind kind,
                                            int level, long line, const char *text,
                                            size_t len);
JM_HIDDEN void jm_doc_warn(struct jm_doc *doc, const char *fmt, ...) JM_PRINTF(2, 3);
/* Sets title/company/location when not yet known. */
JM_HIDDEN void jm_doc_set_meta(struct jm_doc *doc, const char **field, const char *s,
                               size_t n);

/* Format parsers: append blocks to `doc`. `line0` offsets reported lines. */
JM_HIDDEN jm_status jm_html_parse(struct jm_doc *doc, const char *s, size_t n,
                                  long line0, bool fragment, jm_error *err);
JM_HIDDEN jm_status jm_markdown_parse(struct jm_doc *doc, const char *s, size_t n,
                                      jm_error *err);
JM_HIDDEN jm_status jm_text_parse(struct jm_doc *doc, const char *s, size_t n,
                                  jm_error *err);
/* JSON Resume or schema.org JobPosting, from a .json file. */
JM_HIDDEN jm_status jm_json_parse(struct jm_doc *doc, const char *s, size_t n,
                                  jm_error *err);
/* jsonld.c: a schema.org JobPosting. `need_body`: fail without a real
 * description, so that a teaser does not replace the page. */
struct cJSON;
JM_HIDDEN const struct cJSON *jm_jsonld_find(const struct cJSON *root);
JM_HIDDEN bool jm_jsonld_build(struct jm_doc *doc, const struct cJSON *posting, long line,
                               bool need_body, jm_error *err);
/* Does this JSON-LD hold a JobPosting whose description will replace the page body? */
JM_HIDDEN bool jm_jsonld_has_body(const char *s, size_t n);
/* Reads a JobPosting from JSON-LD found in a page; false when there is none. */
JM_HIDDEN bool jm_jsonld_posting(struct jm_doc *doc, const char *s, size_t n,
                                 long line, jm_error *err);

/* ---- section.c: what a heading or a lead-in announces ------------------ */

JM_HIDDEN enum jm_section jm_section_classify(const char *norm, size_t n, jm_role role);
JM_HIDDEN void jm_sections_assign(struct jm_doc *doc);

/* ---- phrasing.c: the rules that judge resume bullets ------------------- */

enum rule_class {
    RC_DEFINE, RC_WEAK_OPENER, RC_RESPONSIBILITY, RC_OUTCOME_VERB, RC_NOT_OUTCOME, RC_MULTIPLIER_VERB,
    RC_BENEFIT, RC_PURPOSE, RC_RECOGNITION, RC_MILESTONE, RC_MEASURED, RC_USAGE, RC_METRIC,
    RC_SCOPE, RC_OUTPUT_COUNT, RC_FIRST_PERSON, RC_ACTION_VERB, RC_IRREGULAR, RC_NOMINAL,
    RC_CURRENT_ROLE, RC_MEASURE_HINT, RC_REQUIREMENT, RC_COUNT
};

/* The compiled alternations, one per use. */
enum regex {
    RE_OPENER, RE_FRAME,
    RE_BENEFIT, RE_PURPOSE, RE_RECOGNITION, RE_MILESTONE, RE_MEASURED, RE_USAGE, RE_SCOPE,
    RE_OUTPUT, RE_FIRST_PERSON, RE_CURRENT_ROLE, RE_PAST_ROLE, RE_METRIC, RE_HINT, RE_NUMBER,
    RE_NOT_OUTCOME, RE_REQUIREMENT, RE_COUNT
};

enum verb_form { VERB_BASE, VERB_PAST, VERB_GERUND, VERB_THIRD, VERB_FORMS };

/* Stands for a number in the text the classes match (U+E000, private use): see rules.c. */
#define JM_NUMBER_TOKEN "\xEE\x80\x80"

struct rule_entry {
    const char *key, *value;  /* value: NULL except in 'key => value' classes */
    const char *file;
    long line;
};

struct rule_list {
    struct rule_entry *v;
    size_t n, cap;
};

struct jm_verb {
    const char *form[VERB_FORMS];
    bool outcome, multiplier;
};

/* One spelling in the verb index: which verb, which form. */
struct jm_verb_form {
    const char *text;  /* NULL: an empty slot */
    uint32_t verb;
    enum verb_form form;
};

struct jm_rules {
    struct jm_arena arena;
    struct rule_list lists[RC_COUNT];
    struct pcre2_real_code_8 *re[RE_COUNT];
    const uint8_t *first[RE_COUNT];  /* the bytes a match can start with, or NULL */
    struct jm_verb *verbs;
    size_t nverbs, capverbs;
    struct jm_verb_form *forms;  /* every spelling of every verb, hashed */
    size_t form_mask;
};

enum { JM_MAX_REASONS = 8 };

/* The verdict on one bullet. Strings live in the arena given to jm_judge. */
struct judgement {
    jm_phrasing phrasing;
    const char *reasons[JM_MAX_REASONS];
    size_t nreasons;
    const char *hint;               /* "" for a result */
    const struct jm_verb *verb;     /* the opening verb, or NULL */
    enum verb_form verb_form;       /* VERB_FORMS: the opening word is no verb */
    size_t verb_start, verb_end;
    const char *first_person;       /* the first pronoun found, or NULL */
};

JM_HIDDEN jm_status jm_judge(const jm_rules *r, const char *text, size_t n,
                             struct jm_arena *a, struct judgement *out);
enum role_time { ROLE_UNKNOWN, ROLE_CURRENT, ROLE_PAST };
/* A role's time from a date range in `text`: "2021 – present", "2016 – 2018". */
JM_HIDDEN enum role_time jm_rules_role_time(const jm_rules *r, const char *text, size_t n);

/* The verb whose `*form` is word[0..n), any case; NULL when none. */
JM_HIDDEN const struct jm_verb *jm_rules_verb(const jm_rules *r, const char *word, size_t n,
                                              enum verb_form *form);

/* ---- dict.c ------------------------------------------------------------ */

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
    const char *source;  /* NULL: no pattern */
    const char *file;
    long line;
    struct pcre2_real_code_8 *_Atomic code;
    _Atomic bool failed;
};

/* The compiled pattern, or NULL with `err` filled when it does not compile. */
JM_HIDDEN struct pcre2_real_code_8 *jm_pattern_code(struct jm_pattern *p, jm_error *err);

struct jm_list {
    uint32_t *ids;
    size_t n;
};

struct jm_term {
    const char *name, *category;
    const char *file;  /* where it is defined */
    long line;
    bool plural;
    bool english_rare;  /* an English word whose English sense postings rarely use */
    /* The guard; has_guard is false for unambiguous terms. */
    bool has_guard, case_exact;
    struct jm_pattern context, reject;
    struct jm_list companions;
    struct jm_list implies;  /* direct */
    struct jm_list closure;  /* everything implied, transitively */
    const char **related;
    size_t nrelated;
    /* As written, for jm_dict_term. */
    const char **aliases, **guarded, **companion_names, **implies_names;
    size_t naliases, nguarded;
};

/* A trie terminal: one way of writing one term. */
struct jm_form {
    uint32_t term;
    uint32_t next;      /* the next form ending at the same node, or JM_NONE */
    bool guarded;
    const char *text;   /* as written in the dictionary, for case: exact */
};

/* 8 bytes, so that the whole table stays small and cache-friendly. */
struct jm_edge {
    uint32_t key;  /* parent node << 8 | byte */
    uint32_t to;   /* 0: an empty slot (the root is nobody's child) */
};

enum { JM_MAX_NODES = 1u << 24 };  /* a node number must fit in 24 bits of the key */

struct jm_dict {
    struct jm_arena arena;
    struct jm_term *terms;
    size_t nterms;
    struct jm_form *forms;
    size_t nforms;
    uint32_t *node_form;  /* first form ending at each node, or JM_NONE */
    size_t nnodes;
    struct jm_edge *edges;
    size_t edge_mask;
    bool starts[256];     /* bytes that can begin a form */
    uint32_t *name_slots; /* canonical name -> id + 1 (dict.c) */
    size_t name_mask;
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
JM_HIDDEN char *jm_form_key(struct jm_arena *a, const char *text, size_t *len);

/* The id of the term with this canonical name (any case), or JM_NONE. */
JM_HIDDEN uint32_t jm_dict_find(const jm_dict *d, const char *name);

/* ---- keywords.c: lookups for score.c ---------------------------------- */

JM_HIDDEN jm_kind jm_kind_of(const char *category);

JM_HIDDEN const jm_keyword *jm_keywords_by_term(const jm_keywords *kw, uint32_t term);
JM_HIDDEN const jm_dict *jm_keywords_dict(const jm_keywords *kw);
/* Where a keyword was found: its term, block, and byte range in the block's text. */
struct jm_occurrence {
    uint32_t term, block;
    size_t start, end;
};
JM_HIDDEN size_t jm_keywords_occurrences(const jm_keywords *kw, const struct jm_occurrence **out);
JM_HIDDEN uint32_t jm_keywords_term(const jm_keywords *kw, size_t i);

/* ---- reports ----------------------------------------------------------- */

struct jm_text_style {
    const char *bold, *green, *yellow, *red, *dim, *reset;
};
JM_HIDDEN const struct jm_text_style *jm_text_style(bool color);
JM_HIDDEN void jm_text_match(struct jm_buf *b, const jm_result *r, const jm_bullets *bs,
                            bool color);
/* report_bullets.c */
enum { MAX_BULLET_KEYWORDS = 8 };
/* The posting keywords bullet i names, and what they weigh in the match. */
struct carried {
    const jm_match_item *items[MAX_BULLET_KEYWORDS];
    size_t n;
    double weight;
};
JM_HIDDEN void jm_bullet_carried(const jm_bullets *bs, size_t i, const jm_result *r,
                                 struct carried *c);
JM_HIDDEN void jm_text_bullet_summary(struct jm_buf *b, const jm_bullets *bs);
JM_HIDDEN void jm_text_bullets(struct jm_buf *b, const jm_bullets *bs, const jm_doc *resume,
                               bool color);
JM_HIDDEN void jm_text_match_bullets(struct jm_buf *b, const jm_bullets *bs, const jm_result *r,
                                     const struct jm_text_style *st);
JM_HIDDEN struct cJSON *jm_json_bullet_summary(const jm_bullets *bs);
JM_HIDDEN struct cJSON *jm_json_bullets(const jm_bullets *bs, const jm_doc *resume);
JM_HIDDEN void jm_json_match_bullets(struct cJSON *root, const jm_bullets *bs,
                                     const jm_result *r);
JM_HIDDEN const jm_doc *jm_bullets_doc(const jm_bullets *bs);
JM_HIDDEN const jm_rules *jm_bullets_rules(const jm_bullets *bs);
/* Where bullet i stands: its block and its byte range in the block's text. */
JM_HIDDEN size_t jm_bullets_block(const jm_bullets *bs, size_t i, size_t *start, size_t *end);
JM_HIDDEN void jm_text_keywords(struct jm_buf *b, const jm_keywords *kw, bool color);
JM_HIDDEN struct cJSON *jm_json_match(const jm_result *r, const jm_bullets *bs);
/* report.c: a JSON document as one line into `b` (freeing it), and handing `b` to `write`. */
JM_HIDDEN void jm_put_json(struct jm_buf *b, struct cJSON *root);
JM_HIDDEN jm_status jm_emit(struct jm_buf *b, jm_write_fn write, void *ctx, jm_error *err);
JM_HIDDEN struct cJSON *jm_json_keywords(const jm_keywords *kw);

#endif
