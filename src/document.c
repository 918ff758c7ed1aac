/*
 * document.c - the document model: a jm_doc is a list of blocks (title,
 * headings, paragraphs, list items) with their source lines, the readers
 * append to it (read/), and the analysis reads it. Text is stored collapsed
 * and trimmed, in the document's own arena.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base.h"
#include "doc.h"

static const char *doc_strdup(struct jm_doc *doc, const char *s, size_t n)
{
    char *p = jm_arena_strndup(&doc->arena, s, n);
    if (p == NULL)
        doc->nomem = true;
    return p ? p : "";
}

enum { COLUMN_GAP = 3 }; /* blanks in a row that part two columns of a line */

/* The bytes of a control character at s[i] (C0 but whitespace, DEL, C1 as UTF-8), or 0.
 * Text never needs them, and printed raw they drive the reader's terminal: ESC starts
 * sequences that move the cursor, clear the screen or (OSC 52) write the clipboard. */
static size_t control_at(const char *s, size_t i, size_t n)
{
    unsigned char c = (unsigned char)s[i];
    if ((c < 0x20 && !isspace(c)) || c == 0x7F)
        return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
        (unsigned char)s[i + 1] <= 0x9F)
        return 2;
    return 0;
}

/* Copies s to dst with each run of whitespace made one space, and control characters
 * counted as whitespace (the one place document text is cleaned); with `columns`, a wide gap
 * ("Software Engineer II      Epam Systems      2020 - Current") becomes " | ", the
 * separator the parts of a resume's position line are read by. Never longer than s. */
static size_t collapse(char *dst, const char *s, size_t n, bool columns)
{
    size_t k = 0, run = 0;
    bool newline = false; /* a page's indentation is no gap: it spans lines */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool nbsp = c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0;
        size_t control = control_at(s, i, n);
        if (control > 0) {
            i += control - 1;
            run++;
            continue;
        }
        if (isspace(c) || nbsp) {
            i += nbsp;
            run += 1 + nbsp;
            newline |= c == '\n' || c == '\r';
            continue;
        }
        if (run > 0 && k > 0) {
            bool gap = columns && run >= COLUMN_GAP && !newline;
            memcpy(dst + k, gap ? " | " : " ", gap ? 3 : 1);
            k += gap ? 3 : 1;
        }
        run = 0;
        newline = false;
        dst[k++] = (char)c;
    }
    return k;
}

/*
 * The text itself when it is UTF-8, else a copy in the arena with each byte that is not
 * made U+FFFD (NULL when out of memory). The text readers reject such input, but libxml2's
 * readers (DOCX, ODT, a PDF's layout) hand on what they cannot decode; the matchers run
 * PCRE2 without its UTF check, which on bad UTF-8 reads out of bounds.
 */
static const char *utf8_or_replaced(struct jm_doc *doc, const char *s, size_t *n)
{
    size_t bad;
    if (jm_utf8_valid(s, *n, &bad))
        return s;
    char *out = jm_arena_alloc(&doc->arena, 3 * *n + 1);
    if (out == NULL) {
        doc->nomem = true;
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < *n; i += bad + 1) {
        if (jm_utf8_valid(s + i, *n - i, &bad))
            bad = *n - i;
        memcpy(out + k, s + i, bad);
        k += bad;
        if (i + bad < *n)
            memcpy(out + k, "\xEF\xBF\xBD", 3), k += 3;
    }
    *n = k;
    return out;
}

struct jm_doc *jm_doc_new(const char *name, jm_role role, jm_format format)
{
    struct jm_doc *doc = calloc(1, sizeof *doc);
    if (doc == NULL)
        return NULL;
    doc->role = role;
    doc->format = format;
    doc->title = doc->company = doc->location = doc->url = "";
    doc->url_rank = JM_URL_NONE;
    doc->name = jm_printable(name); /* shown in every report: a hostile file name too */
    if (doc->name == NULL) {
        free(doc);
        return NULL;
    }
    return doc;
}

struct jm_block *jm_doc_add_block(struct jm_doc *doc, enum jm_block_kind kind, int level, long line,
                                  const char *text, size_t len)
{
    text = utf8_or_replaced(doc, text, &len);
    char *copy = text != NULL ? jm_arena_alloc(&doc->arena, len + 1) : NULL;
    if (copy == NULL) {
        doc->nomem = true;
        return NULL;
    }
    size_t k = collapse(copy, text, len, doc->role == JM_ROLE_RESUME);
    if (k == 0)
        return NULL;
    copy[k] = '\0';
    if (doc->nblocks == doc->cap) {
        size_t cap = doc->cap ? doc->cap * 2 : 64;
        struct jm_block *p = realloc(doc->blocks, cap * sizeof *p);
        if (p == NULL) {
            doc->nomem = true;
            return NULL;
        }
        doc->blocks = p;
        doc->cap = cap;
    }
    struct jm_block *b = &doc->blocks[doc->nblocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->level = level;
    b->line = line;
    b->text = copy;
    b->len = k;
    return b;
}

const char *jm_doc_unit(const struct jm_doc *doc)
{
    bool lines = doc->format != JM_FORMAT_DOCX && doc->format != JM_FORMAT_ODT &&
                 doc->format != JM_FORMAT_PDF;
    return lines ? "line" : "paragraph";
}

jm_importance jm_block_importance_at(const struct jm_block *b, size_t at)
{
    bool waived = at >= b->waived_start && at < b->waived_end;
    return waived && b->importance != JM_IMPORTANCE_BOILERPLATE ? b->waived_importance
                                                                : b->importance;
}

void jm_doc_warn(struct jm_doc *doc, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (doc->nwarnings == doc->capwarnings) {
        size_t cap = doc->capwarnings ? doc->capwarnings * 2 : 4;
        const char **p = realloc(doc->warnings, cap * sizeof *p);
        if (p == NULL) {
            doc->nomem = true;
            return;
        }
        doc->warnings = p;
        doc->capwarnings = cap;
    }
    doc->warnings[doc->nwarnings++] = doc_strdup(doc, msg, strlen(msg));
}

void jm_doc_set_meta(struct jm_doc *doc, const char **field, const char *s, size_t n)
{
    if (**field != '\0' || s == NULL || (s = utf8_or_replaced(doc, s, &n)) == NULL)
        return;
    char *copy = jm_arena_alloc(&doc->arena, n + 1);
    if (copy == NULL) {
        doc->nomem = true;
        return;
    }
    copy[collapse(copy, s, n, false)] = '\0';
    *field = copy;
}

void jm_doc_free(jm_doc *doc)
{
    if (doc == NULL)
        return;
    jm_arena_free(&doc->arena);
    free(doc->blocks);
    free(doc->warnings);
    free(doc->name);
    free(doc);
}

const char *jm_doc_name(const jm_doc *doc)
{
    return doc->name;
}
const char *jm_doc_title(const jm_doc *doc)
{
    return doc->title;
}
const char *jm_doc_company(const jm_doc *doc)
{
    return doc->company;
}
const char *jm_doc_location(const jm_doc *doc)
{
    return doc->location;
}

const char *jm_doc_url(const jm_doc *doc)
{
    return doc->url;
}

void jm_doc_set_url(struct jm_doc *doc, int rank, const char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '"' || *s == '\''))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == '\''))
        n--;
    size_t scheme = n > 8 && strncasecmp(s, "https://", 8) == 0  ? 8
                    : n > 7 && strncasecmp(s, "http://", 7) == 0 ? 7
                                                                 : 0;
    bool web = scheme > 0;
    for (size_t i = 0; web && i < n; i++)
        web = (unsigned char)s[i] > ' ' && s[i] != 0x7f; /* one token: no space, no control */
    /* a site's home page is no posting's address: a path must follow the host */
    const char *path = web ? memchr(s + scheme, '/', n - scheme) : NULL;
    web = path != NULL && path + 1 < s + n;
    if (!web || rank >= doc->url_rank || n > JM_URL_MAX)
        return;
    char *copy = jm_arena_strndup(&doc->arena, s, n);
    if (copy == NULL) {
        doc->nomem = true;
        return;
    }
    doc->url = copy;
    doc->url_rank = rank;
}

uint64_t jm_doc_hash(const jm_doc *doc)
{
    /* Over the normalized blocks: the same posting saved twice, with other markup,
     * whitespace or case, hashes the same. */
    uint64_t h = JM_FNV_BASIS;
    for (size_t i = 0; i < doc->nblocks; i++) {
        h = jm_hash_bytes(h, doc->blocks[i].norm, doc->blocks[i].nlen);
        h = jm_hash_bytes(h, "\n", 1);
    }
    return h;
}
jm_format jm_doc_format(const jm_doc *doc)
{
    return doc->format;
}
size_t jm_doc_warning_count(const jm_doc *doc)
{
    return doc->nwarnings;
}

const char *jm_doc_warning(const jm_doc *doc, size_t i)
{
    return i < doc->nwarnings ? doc->warnings[i] : NULL;
}
