/*
 * read.c - the one place that builds a jm_doc from bytes.
 *
 * Decodes the input (decode.c), hands it to the reader of its format, then
 * finishes the block list the same way for every format: bullet markers in
 * plain lines become list items, short bold or colon-terminated lines become
 * headings, title, company and location are settled (meta.c), every block is
 * normalized, and sections are assigned.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

/* Length of a leading bullet marker ("- ", "• ", "1. "), or 0. */
static size_t bullet_marker(const char *s, size_t n)
{
    static const char *const marks[] = {"- ",
                                        "* ",
                                        "+ ",
                                        "\xE2\x80\xA2 ",
                                        "\xC2\xB7 ",
                                        "\xE2\x97\xA6 ",
                                        "\xE2\x96\xAA ",
                                        "\xE2\x80\xA3 ",
                                        "\xE2\x80\x93 ",
                                        "\xE2\x80\x94 ",
                                        "\xE2\x97\x8F ",
                                        "\xE2\x9C\x93 ",
                                        "\xE2\x9C\x94 ",
                                        "\xE2\x86\x92 "};
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

enum { WRAPPED_LINE = 50 }; /* bytes: a line this long that ends mid-sentence was wrapped */

/* Is paragraph p the next line of the item before it, wrapped by the page (a PDF export's
 * one element per line)? It goes on in lower case, or follows a long line that ends
 * mid-sentence, and is no heading, no bullet and no dated line. */
static bool continues(const struct jm_block *item, const struct jm_block *p)
{
    if (item->kind != JM_BLOCK_ITEM || p->kind != JM_BLOCK_PARAGRAPH || p->emphasized ||
        jm_text_dated(p->text, p->len))
        return false;
    if (islower((unsigned char)p->text[0]))
        return true;
    return item->len >= WRAPPED_LINE && strchr(".!?:;)", item->text[item->len - 1]) == NULL;
}

/* Joins each hard-wrapped bullet of a resume's page or text into one item, in one pass. */
static void rejoin_wrapped(struct jm_doc *doc)
{
    size_t kept = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        struct jm_block *b = &doc->blocks[i], *last = kept ? &doc->blocks[kept - 1] : NULL;
        if (last != NULL && continues(last, b)) {
            char *t = jm_arena_alloc(&doc->arena, last->len + 1 + b->len + 1);
            if (t == NULL) {
                doc->nomem = true;
                return;
            }
            memcpy(t, last->text, last->len);
            t[last->len] = ' ';
            memcpy(t + last->len + 1, b->text, b->len);
            last->len += 1 + b->len;
            t[last->len] = '\0';
            last->text = t;
            last->norm = NULL;
            continue;
        }
        doc->blocks[kept++] = *b;
    }
    doc->nblocks = kept;
}

static void finish(struct jm_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        shape_block(doc, &doc->blocks[i]);
    if (doc->role == JM_ROLE_RESUME &&
        (doc->format == JM_FORMAT_HTML || doc->format == JM_FORMAT_TEXT))
        rejoin_wrapped(doc);
    jm_meta_decide(doc);
    for (size_t i = 0; i < doc->nblocks; i++)
        if (!normalize_block(doc, &doc->blocks[i]))
            return;
    if (doc->role == JM_ROLE_RESUME)
        jm_mark_positions(doc);
    jm_sections_assign(doc);
}

/* A whole page: its text, replaced by its JSON-LD posting when one carries the
 * description, then what its <title> and og: tags say. A site generator's source page
 * opens with front matter, read as such. */
static jm_status read_page(struct jm_doc *doc, const char *s, size_t n, jm_error *err)
{
    struct jm_html_page page = {0};
    /* A posting's JSON-LD with a real description makes the rest of the page moot. */
    if (doc->role == JM_ROLE_POSTING)
        page.complete = jm_jsonld_has_body;
    size_t front = jm_front_matter_read(doc, s, n);
    long lines = 0;
    for (size_t i = 0; i < front; i++)
        lines += s[i] == '\n';
    jm_status st = jm_html_parse(doc, s + front, n - front, lines, &page, err);
    if (st == JM_OK && page.jsonld.len > 0)
        jm_jsonld_use(doc, &page, 0, err);
    if (st == JM_OK)
        jm_meta_page(doc, &page);
    jm_html_page_free(&page);
    return st;
}

static jm_status parse_format(struct jm_doc *doc, const struct jm_input *in, jm_error *err)
{
    switch (in->format) {
    case JM_FORMAT_HTML:
        return read_page(doc, in->text, in->len, err);
    case JM_FORMAT_MARKDOWN:
        return jm_markdown_parse(doc, in->text, in->len, err);
    case JM_FORMAT_JSON:
        return jm_json_parse(doc, in->text, in->len, err);
    default:
        return jm_text_parse(doc, in->text, in->len, err);
    }
}

/* The format of a document that is not text: a ZIP archive (DOCX, ODT) or a PDF; AUTO for
 * text. */
static jm_format packed(const char *buf, size_t len, jm_format format)
{
    if (format == JM_FORMAT_DOCX || format == JM_FORMAT_ODT || format == JM_FORMAT_PDF)
        return format;
    if (format == JM_FORMAT_AUTO && len >= 4 && memcmp(buf, "PK\x03\x04", 4) == 0)
        return JM_FORMAT_DOCX;
    if (format == JM_FORMAT_AUTO && len >= 5 && memcmp(buf, "%PDF-", 5) == 0)
        return JM_FORMAT_PDF;
    return JM_FORMAT_AUTO;
}

/* Reads the bytes into `doc`: a container by its reader, text decoded first. */
static jm_status parse_bytes(struct jm_doc *doc, const char *buf, size_t len, jm_format format,
                             jm_error *err)
{
    jm_format container = packed(buf, len, format);
    if (container != JM_FORMAT_AUTO && len > jm_limit()->input) /* text: checked as decoded */
        return jm_fail(err, JM_ERR_TOO_BIG, doc->name, 0, "file too large (%s; the limit is %s)",
                       jm_size_text(len).s, jm_size_text(jm_limit()->input).s);
    if (container == JM_FORMAT_PDF)
        return jm_pdf_parse(doc, buf, len, err);
    if (container != JM_FORMAT_AUTO)
        return jm_office_parse(doc, buf, len, err);
    struct jm_input in;
    jm_status st = jm_input_decode(buf, len, doc->name, format, &in, err);
    if (st != JM_OK)
        return st;
    doc->format = in.format;
    if (in.warning)
        jm_doc_warn(doc, "%s", in.warning);
    st = parse_format(doc, &in, err);
    free(in.text);
    return st;
}

/* A -bbox-layout answer read as jm_pdf_parse reads pdftotext's. */
static jm_status parse_layout(struct jm_doc *doc, const char *buf, size_t len, jm_format format,
                              jm_error *err)
{
    return jm_pdf_layout(doc, buf, len, err);
}

typedef jm_status (*reader_fn)(struct jm_doc *doc, const char *buf, size_t len, jm_format format,
                               jm_error *err);

/* A document read by `read`, then finished the same way whatever read it. */
static jm_status parse_with(reader_fn read, const char *buf, size_t len, const char *name,
                            jm_role role, jm_format format, jm_doc **out, jm_error *err)
{
    *out = NULL;
    if (buf == NULL && len > 0)
        return jm_fail(err, JM_ERR_ARG, name, 0, "no buffer");
    const char *where = name == NULL || strcmp(name, "-") == 0 ? "<stdin>" : name;
    struct jm_doc *doc = jm_doc_new(where, role, format);
    if (doc == NULL)
        return jm_fail(err, JM_ERR_NOMEM, where, 0, "out of memory");
    jm_status st = read(doc, buf ? buf : "", len, format, err);
    if (st == JM_OK && doc->nblocks == 0 && !doc->nomem)
        st = jm_fail(err, JM_ERR_EMPTY, where, 0, "no visible text");
    if (st == JM_OK)
        finish(doc);
    if (st == JM_OK && (doc->nomem || doc->arena.failed))
        st = jm_fail(err, JM_ERR_NOMEM, where, 0, "out of memory");
    if (st != JM_OK) {
        jm_doc_free(doc);
        return st;
    }
    *out = doc;
    return JM_OK;
}

jm_status jm_doc_parse(const char *buf, size_t len, const char *name, jm_role role,
                       jm_format format, jm_doc **out, jm_error *err)
{
    return parse_with(parse_bytes, buf, len, name, role, format, out, err);
}

jm_status jm_doc_parse_pdf_layout(const char *xml, size_t n, const char *name, jm_role role,
                                  jm_doc **out, jm_error *err)
{
    return parse_with(parse_layout, xml, n, name, role, JM_FORMAT_PDF, out, err);
}

jm_status jm_doc_read(const char *path, jm_role role, jm_doc **out, jm_error *err)
{
    *out = NULL;
    char *data;
    size_t len;
    jm_status st = jm_read_input(path, &data, &len, err);
    if (st == JM_OK)
        st = jm_doc_parse(data, len, path, role, JM_FORMAT_AUTO, out, err);
    free(data);
    return st;
}
