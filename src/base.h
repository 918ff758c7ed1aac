/*
 * base.h - the bottom layer of libjobmatch: allocation, buffers, errors,
 * UTF-8, files, hashing and normalization. Each helper is written once,
 * here; nothing in this layer knows about documents or keywords.
 *
 * The layers, bottom up, each calling only those below it (src/LAYERS):
 * base <- doc <- read <- dict <- analysis <- report <- cli.
 */
#ifndef JM_BASE_H
#define JM_BASE_H

#include <stdarg.h>
#include <stdint.h>

#include "jobmatch.h"

#define JM_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* ---- error.c: test hooks ------------------------------------------------ */

/*
 * The work of the loops that once made an input path super-linear, counted for
 * tests/scaling (make scaling builds with -DJM_TEST_HOOKS): a count grows with the input
 * alone, where a time also grows with the machine's load. Any other build counts nothing
 * and pays nothing.
 */
#ifdef JM_TEST_HOOKS
void jm_work_add(size_t n);
size_t jm_work_done(void);
#define JM_WORK(n) jm_work_add(n)
#else
#define JM_WORK(n) ((void)sizeof(n)) /* n is not evaluated */
#endif

/* ---- arena.c: bump allocation for objects freed all at once ------------ */

struct jm_arena_chunk;
struct jm_arena {
    struct jm_arena_chunk *head;
    /* An allocation failed: what was built from the arena may lack parts. Sticky, so
     * that the object's constructor checks once, at its end, and fails JM_ERR_NOMEM. */
    bool failed;
};

void *jm_arena_alloc(struct jm_arena *a, size_t size);
char *jm_arena_strndup(struct jm_arena *a, const char *s, size_t n);
/* printf into the arena, cut at 511 bytes; "" when out of memory. */
const char *jm_arena_printf(struct jm_arena *a, const char *fmt, ...) JM_PRINTF(2, 3);
void jm_arena_free(struct jm_arena *a);

/* ---- buf.c: the one growable byte buffer, capped --------------------- */

struct jm_buf {
    char *data;
    size_t len, cap;
    bool failed; /* an allocation failed or the cap was hit; content is partial */
    bool full;   /* it was the cap (JM_BUF_MAX), not memory */
};

#define JM_BUF_MAX ((size_t)4 * JM_MAX_INPUT)

void jm_buf_put(struct jm_buf *b, const char *s, size_t n);
void jm_buf_putc(struct jm_buf *b, char c);
void jm_buf_puts(struct jm_buf *b, const char *s);
void jm_buf_printf(struct jm_buf *b, const char *fmt, ...) JM_PRINTF(2, 3);
void jm_buf_clear(struct jm_buf *b);
/* Appends at most `max` bytes of `s`, cut at a word and marked with an ellipsis. */
void jm_buf_put_clipped(struct jm_buf *b, const char *s, size_t max);
/* Appends `s` padded with spaces, or clipped with an ellipsis, to `width` columns. */
void jm_buf_put_cell(struct jm_buf *b, const char *s, size_t width);
void jm_buf_free(struct jm_buf *b);

/* ---- csv.c: CSV as spreadsheets write it ------------------------------- */

struct jm_csv_row {
    char **cells; /* UTF-8 as read, quotes undone */
    size_t n, cap;
    long line; /* where the record starts */
};

struct jm_csv {
    struct jm_csv_row *rows;
    size_t nrows, cap;
    char sep;       /* ',' or ';' (read from the first record) */
    bool bom, crlf; /* as read, to write the file back the same */
};

/* Reads s[0..n) whole: a BOM, CRLF or LF, quoted fields with separators, quotes and line
 * breaks. JM_ERR_FORMAT naming the line (of `name`) when a quoted field never closes or text
 * follows its closing quote; *csv is then empty. */
jm_status jm_csv_parse(const char *s, size_t n, const char *name, struct jm_csv *csv,
                       jm_error *err);
void jm_csv_free(struct jm_csv *csv);
/* A new empty record; NULL when out of memory. */
struct jm_csv_row *jm_csv_add_row(struct jm_csv *csv, long line);
/* Cell `col` of `row` ("" past its end), and set to a copy of `s` (the row padded with empty
 * cells up to it); false when out of memory. */
const char *jm_csv_get(const struct jm_csv_row *row, size_t col);
bool jm_csv_set(struct jm_csv_row *row, size_t col, const char *s);
/* One field, quoted when it holds `sep`, a comma or semicolon, a quote, a line break or
 * edge spaces. */
void jm_csv_put_field(struct jm_buf *b, const char *s, char sep);

/* ---- error.c ------------------------------------------------------------ */

/* Fills `err` (may be NULL) and returns `code`. `msg` is one line. */
jm_status jm_fail(jm_error *err, jm_status code, const char *where, long line, const char *fmt, ...)
    JM_PRINTF(5, 6);
jm_status jm_failv(jm_error *err, jm_status code, const char *where, long line, const char *fmt,
                   va_list ap) JM_PRINTF(5, 0);

/* ---- utf8.c ------------------------------------------------------------- */

bool jm_utf8_valid(const char *s, size_t n, size_t *bad_offset);
/* Decodes the code point at s[i] (valid UTF-8 assumed); sets *next. */
int32_t jm_utf8_at(const char *s, size_t n, size_t i, size_t *next);
/* The length of `s` (n bytes) cut to at most `max` bytes, at a character boundary. */
size_t jm_utf8_cut(const char *s, size_t n, size_t max);
/* Decodes the code point ending just before s[i]. */
int32_t jm_utf8_before(const char *s, size_t i);
/* Is this code point part of a word (letter, mark, digit, underscore)? */
bool jm_is_word_cp(int32_t cp);
/* Does a word character start at s[i] / end just before s[i]? (false at the edges) */
bool jm_word_at(const char *s, size_t n, size_t i);
bool jm_word_before(const char *s, size_t i);
/* Display columns of UTF-8 text: one per code point. */
size_t jm_utf8_width(const char *s);
/* The 1-based line of byte `off` of `s`. */
long jm_line_of(const char *s, size_t off);
/* `s` without leading and trailing ASCII whitespace, in place. */
char *jm_trim(char *s);

/* ---- limits.c ----------------------------------------------------------- */

/* A trie node's number must fit in 24 bits of an edge's key (dict.c): the most nodes. */
enum { JM_MAX_NODES = 1u << 24 };
/* The limits in force (jm_limits_set): read where each bound applies. */
const jm_limits *jm_limit(void);
/* A size for a message: "32 MB", "40.5 MB", "64 KB", "100 bytes". */
struct jm_size_text {
    char s[32];
};
struct jm_size_text jm_size_text(size_t n);

/* ---- file.c ------------------------------------------------------------- */

/* A whole file ("-": standard input), up to jm_limit()->input bytes, malloc'd. */
jm_status jm_read_input(const char *path, char **data, size_t *len, jm_error *err);
/* A whole UTF-8 text file (dictionaries, rules) into `a`, NUL-terminated; failures are
 * reported with `code`, invalid UTF-8 with its line. */
jm_status jm_read_text_file(const char *path, struct jm_arena *a, jm_status code, char **text,
                            size_t *len, jm_error *err);
/* The files of `dir` whose names end in `suffix`, hidden ones left out, as sorted paths
 * (free them with jm_free_names); failures are reported with `code`. */
jm_status jm_list_dir(const char *dir, const char *suffix, jm_status code, char ***names, size_t *n,
                      jm_error *err);
void jm_free_names(char **names, size_t n);
bool jm_has_suffix(const char *s, const char *suffix);

/* ---- hashing ------------------------------------------------------------ */

#define JM_FNV_BASIS 14695981039346656037u
#define JM_FNV_PRIME 1099511628211u

/* FNV-1a of n bytes, continuing from `h` (start with JM_FNV_BASIS). */
static inline uint64_t jm_hash_bytes(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * JM_FNV_PRIME;
    return h;
}

/* FNV-1a of n bytes with ASCII letters folded to lower case. */
static inline uint64_t jm_hash_ci(const char *s, size_t n)
{
    uint64_t h = JM_FNV_BASIS;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        h = (h ^ (c | (unsigned)((unsigned)(c - 'A') < 26u) << 5)) * JM_FNV_PRIME;
    }
    return h;
}

/* ---- table.c: strings to the index where their owner keeps them ------- */

typedef const char *(*jm_key_fn)(const void *ctx, uint32_t index);

struct jm_table {
    uint32_t *slots; /* index + 1; 0 is empty */
    size_t mask, count;
    jm_key_fn key_of; /* reads key `index` back from `ctx` */
    const void *ctx;
};

/* A table sized for `n` keys (it grows past them); false when out of memory. */
bool jm_table_init(struct jm_table *t, size_t n, jm_key_fn key_of, const void *ctx);
/* Adds the key at `index`, or re-points it when the table has it already (then
 * *replaced, when not NULL, gets the index it held); false when out of memory. */
bool jm_table_add(struct jm_table *t, uint32_t index, uint32_t *replaced);
/* The index of `key` (any ASCII case) in *index; false when absent. */
bool jm_table_find(const struct jm_table *t, const char *key, uint32_t *index);
/* The slot for `key`: empty, or holding the index + 1 of that key. */
uint32_t *jm_table_slot(const struct jm_table *t, const char *key);
void jm_table_free(struct jm_table *t);

/* Groups values[0, n) by their keys (< nkeys), keeping their order: those of key k are
 * (*out)[(*first)[k], (*first)[k + 1]). A counting sort: linear. Free both with free();
 * false when out of memory. */
bool jm_group(const uint32_t *keys, const uint32_t *values, size_t n, size_t nkeys, size_t **first,
              uint32_t **out);

/* ---- normalize.c -------------------------------------------------------- */

/*
 * NFKC + case fold, with an ASCII fast path. `map` gets nlen + 1 entries:
 * map[i] is the offset in `s` of the character that produced norm byte i.
 * A NULL `map` skips the offsets (dictionary forms need none).
 */
void jm_normalize(const char *s, size_t n, struct jm_arena *a, char **norm, size_t *nlen,
                  uint32_t **map);

#endif
