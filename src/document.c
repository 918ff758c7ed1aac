/*
 * document.c - the one place that builds a jm_doc.
 *
 * Decodes the input (input.c), hands it to the parser of its format, then
 * finishes the block list the same way for every format: bullet markers in
 * plain lines become list items, short bold or colon-terminated lines become
 * headings, every block is normalized, and sections are assigned.
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

#include "internal.h"

static const char *doc_strdup(struct jm_doc *doc, const char *s, size_t n)
{
    char *p = jm_arena_strndup(&doc->arena, s, n);
    if (p == NULL)
        doc->nomem = true;
    return p ? p : "";
}

/*
 * Copies `s`, collapsing every run of whitespace to one space and trimming.
 * A no-break space counts: pages pad bullets and empty cells with them.
 */
static size_t collapse(char *dst, const char *s, size_t n)
{
    size_t k = 0;
    bool space = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool nbsp = c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0;
        if (isspace(c) || nbsp) {
            i += nbsp;
            space = true;
            continue;
        }
        if (space && k > 0)
            dst[k++] = ' ';
        space = false;
        dst[k++] = (char)c;
    }
    return k;
}

struct jm_block *jm_doc_add_block(struct jm_doc *doc, enum jm_block_kind kind, int level,
                                  long line, const char *text, size_t len)
{
    char *copy = jm_arena_alloc(&doc->arena, len + 1);
    if (copy == NULL) {
        doc->nomem = true;
        return NULL;
    }
    size_t k = collapse(copy, text, len);
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
    if (**field != '\0' || s == NULL)
        return;
    char *copy = jm_arena_alloc(&doc->arena, n + 1);
    if (copy == NULL) {
        doc->nomem = true;
        return;
    }
    copy[collapse(copy, s, n)] = '\0';
    *field = copy;
}

/* Length of a leading bullet marker ("- ", "• ", "1. "), or 0. */
static size_t bullet_marker(const char *s, size_t n)
{
    static const char *const marks[] = {"- ", "* ", "+ ", "\xE2\x80\xA2 ", "\xC2\xB7 ",
                                        "\xE2\x97\xA6 ", "\xE2\x96\xAA ", "\xE2\x80\xA3 ",
                                        "\xE2\x80\x93 ", "\xE2\x80\x94 ", "\xE2\x97\x8F ",
                                        "\xE2\x9C\x93 ", "\xE2\x9C\x94 ", "\xE2\x86\x92 "};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t k = strlen(marks[i]);
        if (n > k && memcmp(s, marks[i], k) == 0)
            return k;
    }
    size_t d = 0;
    while (d < n && d < 3 && isdigit((unsigned char)s[d]))
        d++;
    if (d > 0 && d + 2 < n && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ')
        return d + 2;
    return 0;
}

static bool all_caps(const char *s, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (islower((unsigned char)s[i]))
            return false;
        letters += isupper((unsigned char)s[i]) != 0;
    }
    return letters >= 4;
}

static size_t word_count(const char *s, size_t n)
{
    size_t words = 1;
    for (size_t i = 0; i < n; i++)
        words += s[i] == ' ';
    return words;
}

/* Normalizes a block once; false when out of memory. */
static bool normalize_block(struct jm_doc *doc, struct jm_block *b)
{
    if (b->norm != NULL)
        return true;
    char *norm;
    uint32_t *map;
    jm_normalize(b->text, b->len, &doc->arena, &norm, &b->nlen, &map);
    b->norm = norm;
    b->map = map;
    if (norm == NULL)
        doc->nomem = true;
    return norm != NULL;
}

/* Turns plain lines into list items and pseudo headings (any format). */
static void shape_block(struct jm_doc *doc, struct jm_block *b)
{
    if (b->kind != JM_BLOCK_PARAGRAPH)
        return;
    size_t m = bullet_marker(b->text, b->len);
    if (m > 0) {
        b->kind = JM_BLOCK_ITEM;
        b->text += m;
        b->len -= m;
        return;
    }
    if (b->len > 80 || word_count(b->text, b->len) > 10)
        return;
    bool colon = b->text[b->len - 1] == ':';
    bool known = false;
    if (!colon && !b->emphasized && !all_caps(b->text, b->len)) {
        known = normalize_block(doc, b) && word_count(b->text, b->len) <= 4 &&
                jm_section_classify(b->norm, b->nlen, doc->role) != JM_SEC_NONE;
        if (!known)
            return;
    }
    b->kind = JM_BLOCK_HEADING;
    b->level = 7;
}

/*
 * "Acme | Senior Engineer (Go, Postgres) | Berlin | Remote": the first line
 * of a post on a hiring board (Hacker News' "Who is hiring") names company,
 * role and place. Used only for a posting that has no title otherwise.
 */
static bool pipe_title(struct jm_doc *doc, struct jm_block *b)
{
    if (b->len > 300)
        return false;
    const char *seg[3];
    size_t len[3], n = 0;
    for (const char *p = b->text; p != NULL && n < 3;) {
        const char *bar = strstr(p, " | ");
        size_t k = bar ? (size_t)(bar - p) : strlen(p);
        /* "Acme | https://acme.example | Engineer": a link is not a field. */
        if (!(memmem(p, k, "://", 3) || (k > 4 && strncmp(p, "www.", 4) == 0))) {
            seg[n] = p;
            len[n++] = k;
        }
        p = bar ? bar + 3 : NULL;
    }
    if (n < 3)
        return false;
    jm_doc_set_meta(doc, &doc->company, seg[0], len[0]);
    jm_doc_set_meta(doc, &doc->title, seg[1], len[1]);
    jm_doc_set_meta(doc, &doc->location, seg[2], len[2]);
    b->kind = JM_BLOCK_TITLE;
    return true;
}

/* Adds a title block from the metadata when the text has none, and back. */
static void ensure_title(struct jm_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        if (doc->blocks[i].kind == JM_BLOCK_TITLE) {
            jm_doc_set_meta(doc, &doc->title, doc->blocks[i].text, doc->blocks[i].len);
            return;
        }
    }
    if (doc->role == JM_ROLE_POSTING && *doc->title == '\0' && doc->nblocks > 0 &&
        pipe_title(doc, &doc->blocks[0]))
        return;
    if (*doc->title == '\0' || doc->role != JM_ROLE_POSTING)
        return;
    size_t n = doc->nblocks;
    if (jm_doc_add_block(doc, JM_BLOCK_TITLE, 1, 1, doc->title, strlen(doc->title)) == NULL)
        return;
    struct jm_block title = doc->blocks[n];
    memmove(doc->blocks + 1, doc->blocks, n * sizeof title);
    doc->blocks[0] = title;
}

static bool is_label(const struct jm_block *b, const char *const *labels)
{
    for (; *labels; labels++)
        if (strcasecmp(b->text, *labels) == 0)
            return true;
    return false;
}

/*
 * Job boards lay metadata out as "Title:" / "Company:" / "Location:" labels
 * with the value in the next cell or line. An explicit "Title:" beats a
 * heading (often the board's "Job Overview").
 */
static void labelled_meta(struct jm_doc *doc)
{
    static const char *const title[] = {"title:", "job title:", "position:", "position title:",
                                        "role:", NULL};
    static const char *const company[] = {"company:", "employer:", "company name:", NULL};
    static const char *const location[] = {"location:", "job location:", NULL};
    for (size_t i = 0; i + 1 < doc->nblocks; i++) {
        const struct jm_block *label = &doc->blocks[i];
        struct jm_block *value = &doc->blocks[i + 1];
        if (label->kind != JM_BLOCK_HEADING || value->kind != JM_BLOCK_PARAGRAPH ||
            value->len > 120)
            continue;
        if (doc->role == JM_ROLE_POSTING && is_label(label, title)) {
            for (size_t k = 0; k < doc->nblocks; k++)
                if (doc->blocks[k].kind == JM_BLOCK_TITLE)
                    doc->blocks[k].kind = JM_BLOCK_HEADING;
            value->kind = JM_BLOCK_TITLE;
            doc->title = "";
            jm_doc_set_meta(doc, &doc->title, value->text, value->len);
        } else if (is_label(label, company)) {
            jm_doc_set_meta(doc, &doc->company, value->text, value->len);
        } else if (is_label(label, location)) {
            jm_doc_set_meta(doc, &doc->location, value->text, value->len);
        }
    }
}

static void finish(struct jm_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        shape_block(doc, &doc->blocks[i]);
    labelled_meta(doc);
    ensure_title(doc);
    for (size_t i = 0; i < doc->nblocks; i++)
        if (!normalize_block(doc, &doc->blocks[i]))
            return;
    jm_sections_assign(doc);
}

static jm_status parse_format(struct jm_doc *doc, const struct jm_input *in, jm_error *err)
{
    switch (in->format) {
    case JM_FORMAT_HTML:
        return jm_html_parse(doc, in->text, in->len, 0, false, err);
    case JM_FORMAT_MARKDOWN:
        return jm_markdown_parse(doc, in->text, in->len, err);
    case JM_FORMAT_JSON:
        return jm_json_parse(doc, in->text, in->len, err);
    default:
        return jm_text_parse(doc, in->text, in->len, err);
    }
}

jm_status jm_doc_parse(const char *buf, size_t len, const char *name, jm_role role,
                       jm_format format, jm_doc **out, jm_error *err)
{
    *out = NULL;
    if (buf == NULL && len > 0)
        return jm_fail(err, JM_ERR_ARG, name, 0, "no buffer");
    const char *where = name == NULL || strcmp(name, "-") == 0 ? "<stdin>" : name;
    struct jm_input in;
    jm_status st = jm_input_decode(buf ? buf : "", len, where, format, &in, err);
    if (st != JM_OK)
        return st;
    struct jm_doc *doc = calloc(1, sizeof *doc);
    if (doc == NULL) {
        free(in.text);
        return jm_fail(err, JM_ERR_NOMEM, where, 0, "out of memory");
    }
    doc->role = role;
    doc->format = in.format;
    doc->title = doc->company = doc->location = "";
    doc->name = strdup(where);
    if (in.warning)
        jm_doc_warn(doc, "%s", in.warning);
    st = parse_format(doc, &in, err);
    free(in.text);
    if (st == JM_OK && doc->nblocks == 0 && !doc->nomem)
        st = jm_fail(err, JM_ERR_EMPTY, where, 0, "no visible text");
    if (st == JM_OK)
        finish(doc);
    if (st == JM_OK && (doc->nomem || doc->name == NULL))
        st = jm_fail(err, JM_ERR_NOMEM, where, 0, "out of memory");
    if (st != JM_OK) {
        jm_doc_free(doc);
        return st;
    }
    *out = doc;
    return JM_OK;
}

/* Reads all of `fd`, refusing more than JM_MAX_INPUT bytes. */
static jm_status read_all(int fd, const char *where, char **data, size_t *len, jm_error *err)
{
    struct jm_buf b = {0};
    char chunk[65536];
    for (;;) {
        ssize_t r = read(fd, chunk, sizeof chunk);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            jm_buf_free(&b);
            return jm_fail(err, JM_ERR_IO, where, 0, "cannot read: %s", strerror(e));
        }
        if (r == 0)
            break;
        if (b.len + (size_t)r > JM_MAX_INPUT) {
            jm_buf_free(&b);
            return jm_fail(err, JM_ERR_TOO_BIG, where, 0,
                           "file too large (over %u MB)", JM_MAX_INPUT >> 20);
        }
        jm_buf_put(&b, chunk, (size_t)r);
        if (b.failed) {
            jm_buf_free(&b);
            return jm_fail(err, JM_ERR_NOMEM, where, 0, "out of memory");
        }
    }
    *data = b.data;
    *len = b.len;
    return JM_OK;
}

jm_status jm_doc_read(const char *path, jm_role role, jm_doc **out, jm_error *err)
{
    *out = NULL;
    if (path == NULL)
        return jm_fail(err, JM_ERR_ARG, "", 0, "no path");
    bool is_stdin = strcmp(path, "-") == 0;
    const char *where = is_stdin ? "<stdin>" : path;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return jm_fail(err, JM_ERR_IO, where, 0, "cannot open: %s", strerror(errno));
    struct stat st;
    jm_status rc = JM_OK;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
        rc = jm_fail(err, JM_ERR_IO, where, 0, "is a directory");
    else if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > (off_t)JM_MAX_INPUT)
        rc = jm_fail(err, JM_ERR_TOO_BIG, where, 0,
                     "file too large (%lld MB; the limit is %u MB)",
                     (long long)(st.st_size >> 20), JM_MAX_INPUT >> 20);
    char *data = NULL;
    size_t len = 0;
    if (rc == JM_OK)
        rc = read_all(fd, where, &data, &len, err);
    if (!is_stdin)
        close(fd);
    if (rc == JM_OK)
        rc = jm_doc_parse(data, len, where, role, JM_FORMAT_AUTO, out, err);
    free(data);
    return rc;
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

const char *jm_doc_name(const jm_doc *doc) { return doc->name; }
const char *jm_doc_title(const jm_doc *doc) { return doc->title; }
const char *jm_doc_company(const jm_doc *doc) { return doc->company; }
const char *jm_doc_location(const jm_doc *doc) { return doc->location; }

uint64_t jm_doc_hash(const jm_doc *doc)
{
    /* FNV-1a over the normalized blocks: the same posting saved twice, with other
     * markup, whitespace or case, hashes the same. */
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const struct jm_block *b = &doc->blocks[i];
        for (size_t k = 0; k < b->nlen; k++)
            h = (h ^ (unsigned char)b->norm[k]) * 1099511628211u;
        h = (h ^ '\n') * 1099511628211u;
    }
    return h;
}
jm_format jm_doc_format(const jm_doc *doc) { return doc->format; }
size_t jm_doc_warning_count(const jm_doc *doc) { return doc->nwarnings; }

const char *jm_doc_warning(const jm_doc *doc, size_t i)
{
    return i < doc->nwarnings ? doc->warnings[i] : NULL;
}
