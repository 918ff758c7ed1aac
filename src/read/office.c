/*
 * office.c - Word (DOCX) and OpenDocument (ODT) files as blocks.
 *
 * Both are ZIP archives of XML. libzip opens the archive in memory; each part is
 * read by libxml2's streaming reader straight from the decompressor, so nothing is
 * unpacked to disk and no part is held whole. Every part's decompressed bytes count
 * against jm_limits.input, whatever its header claims: a ZIP bomb stops there.
 *
 * What a paragraph is, is told by its style as Word and LibreOffice tell it: an outline
 * level (a heading, in any language, or a custom style based on one), a list (bulleted or
 * numbered, with its level), or plain text; a paragraph whose text is all bold is a
 * heading candidate, as a bold line of Markdown is. Tables are read row by row, text boxes
 * and frames where they are anchored. Headers, footers, comments, footnotes and deleted
 * revisions are no resume text and are not read. Paragraphs are numbered in the order
 * they are read, and reports cite "paragraph N".
 */
#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

/* ---- reading one part of the archive ------------------------------------------ */

struct part {
    zip_file_t *f;
    size_t *budget; /* decompressed bytes left for the whole archive */
    bool over;      /* the budget ran out */
};

static int read_part(void *ctx, char *out, int len)
{
    struct part *p = ctx;
    if (*p->budget == 0) {
        p->over = true;
        return -1;
    }
    size_t want = (size_t)len < *p->budget ? (size_t)len : *p->budget;
    zip_int64_t got = zip_fread(p->f, out, want);
    if (got < 0)
        return -1;
    *p->budget -= (size_t)got;
    return (int)got;
}

static int close_part(void *ctx)
{
    (void)ctx;
    return 0;
}

/* libxml2 would print a part's errors; the library prints nothing, and says "damaged". */
static void quiet(void *ctx, xmlErrorPtr error)
{
    (void)ctx, (void)error;
}

/* The streaming reader of one part; NULL when the archive has no such part. No network,
 * no entity expansion: a part is data, never instructions. */
static xmlTextReaderPtr open_part(zip_t *z, const char *name, struct part *p)
{
    p->f = zip_fopen(z, name, 0);
    if (p->f == NULL)
        return NULL;
    xmlTextReaderPtr r = xmlReaderForIO(read_part, close_part, p, name, NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (r == NULL) {
        zip_fclose(p->f);
        p->f = NULL;
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(r, quiet, NULL);
    return r;
}

/* Does the part claim to unpack to more than jobmatch reads? (The budget catches a part
 * whose claim is a lie.) */
static bool too_big(zip_t *z, const char *name)
{
    zip_stat_t st;
    return zip_stat(z, name, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
           st.size > jm_limit()->input;
}

static void close_reader(xmlTextReaderPtr r, struct part *p)
{
    if (r != NULL)
        xmlFreeTextReader(r);
    if (p->f != NULL)
        zip_fclose(p->f);
    p->f = NULL;
}

/* ---- names ---------------------------------------------------------------------- */

static bool is(xmlTextReaderPtr r, const char *qname)
{
    const xmlChar *n = xmlTextReaderConstName(r);
    return n != NULL && strcmp((const char *)n, qname) == 0;
}

/* An attribute's value, or NULL; free it with xmlFree. */
static char *attr(xmlTextReaderPtr r, const char *qname)
{
    return (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)qname);
}

static bool start(xmlTextReaderPtr r)
{
    return xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT;
}

static bool end(xmlTextReaderPtr r)
{
    return xmlTextReaderNodeType(r) == XML_READER_TYPE_END_ELEMENT ||
           (start(r) && xmlTextReaderIsEmptyElement(r));
}

/* ---- styles ----------------------------------------------------------------------- */

enum { MAX_STYLES = 4096, NO_LEVEL = -1 };

struct style {
    char *id, *parent;
    int outline; /* 0-based heading level, NO_LEVEL */
    bool list;   /* a list paragraph style */
    bool bold;
    bool title;
};

struct styles {
    struct style *v;
    size_t n, cap;
};

static void styles_free(struct styles *s)
{
    for (size_t i = 0; i < s->n; i++) {
        xmlFree(s->v[i].id);
        xmlFree(s->v[i].parent);
    }
    free(s->v);
}

static struct style *style_add(struct styles *s, char *id)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        struct style *v = cap <= MAX_STYLES ? realloc(s->v, cap * sizeof *v) : NULL;
        if (v == NULL) {
            xmlFree(id);
            return NULL;
        }
        s->v = v;
        s->cap = cap;
    }
    struct style *st = &s->v[s->n++];
    *st = (struct style){.id = id, .outline = NO_LEVEL};
    return st;
}

static int by_id(const void *a, const void *b)
{
    return strcmp(((const struct style *)a)->id, ((const struct style *)b)->id);
}

/* The styles sorted by id, once all are read, so that each lookup is a binary search: a
 * document of many paragraphs and many styles stays linear. */
static void styles_sort(struct styles *s)
{
    if (s->n > 1)
        qsort(s->v, s->n, sizeof *s->v, by_id);
}

static const struct style *style_find(const struct styles *s, const char *id)
{
    if (id == NULL || s->n == 0)
        return NULL;
    struct style key = {.id = (char *)id};
    return bsearch(&key, s->v, s->n, sizeof *s->v, by_id);
}

/* What a style is, with what it inherits: its own settings, else its parent's, a few
 * generations up ("Résumé Heading" based on "Heading 2"). */
static struct style style_resolved(const struct styles *s, const char *id)
{
    struct style out = {.outline = NO_LEVEL};
    const struct style *st = style_find(s, id);
    for (int depth = 0; st != NULL && depth < 8; depth++, st = style_find(s, st->parent)) {
        if (out.outline == NO_LEVEL)
            out.outline = st->outline;
        out.list |= st->list;
        out.bold |= st->bold;
        out.title |= st->title;
    }
    return out;
}

static int int_attr(xmlTextReaderPtr r, const char *qname, int otherwise)
{
    char *v = attr(r, qname);
    int n = v != NULL ? atoi(v) : otherwise;
    xmlFree(v);
    return n;
}

/* <w:b/>, <w:b w:val="1"/>: bold; <w:b w:val="0"/> or "false": not. */
static bool on(xmlTextReaderPtr r, const char *val)
{
    char *v = attr(r, val);
    bool yes = v == NULL || (strcmp(v, "0") != 0 && strcmp(v, "false") != 0);
    xmlFree(v);
    return yes;
}

/* word/styles.xml: each paragraph style's outline level, list, bold and parent. */
static void docx_styles(zip_t *z, size_t *budget, struct styles *s)
{
    struct part p = {.budget = budget};
    xmlTextReaderPtr r = open_part(z, "word/styles.xml", &p);
    struct style *cur = NULL;
    while (r != NULL && xmlTextReaderRead(r) == 1) {
        if (!start(r))
            continue;
        if (is(r, "w:style")) {
            cur = style_add(s, attr(r, "w:styleId"));
            if (cur != NULL && cur->id == NULL)
                s->n--, cur = NULL;
        } else if (cur == NULL) {
            continue;
        } else if (is(r, "w:basedOn")) {
            xmlFree(cur->parent); /* named twice: the last one counts */
            cur->parent = attr(r, "w:val");
        } else if (is(r, "w:outlineLvl")) {
            cur->outline = int_attr(r, "w:val", NO_LEVEL);
        } else if (is(r, "w:numPr")) {
            cur->list = true;
        } else if (is(r, "w:b")) {
            cur->bold = on(r, "w:val");
        } else if (is(r, "w:name")) {
            char *name = attr(r, "w:val");
            cur->title = name != NULL && strcmp(name, "Title") == 0;
            xmlFree(name);
        }
    }
    close_reader(r, &p);
}

/* ---- paragraphs --------------------------------------------------------------------- */

enum { MAX_NESTING = 16 };

/* A paragraph being read; text boxes nest paragraphs inside runs. */
struct para {
    struct jm_buf text;
    size_t chars, bold_chars;
    char *style;
    int outline, list_level;
    bool list, bold_run;
};

struct reader {
    struct jm_doc *doc;
    const struct styles *styles;
    struct para stack[MAX_NESTING];
    int depth;   /* paragraphs open */
    int lists;   /* ODT: lists open */
    bool titled; /* a title or heading was read: a top heading is no longer the title */
    long count;  /* paragraphs emitted: the "line" of each block */
};

static void para_open(struct reader *rd)
{
    if (rd->depth < MAX_NESTING)
        rd->stack[rd->depth] = (struct para){.outline = NO_LEVEL};
    rd->depth++;
}

static struct para *para_top(struct reader *rd)
{
    return rd->depth > 0 && rd->depth <= MAX_NESTING ? &rd->stack[rd->depth - 1] : NULL;
}

static void put_text(struct reader *rd, const char *s, size_t n)
{
    struct para *p = para_top(rd);
    if (p == NULL)
        return;
    size_t visible = 0;
    for (size_t i = 0; i < n; i++)
        visible += (unsigned char)s[i] > ' ';
    p->chars += visible;
    if (p->bold_run)
        p->bold_chars += visible;
    jm_buf_put(&p->text, s, n);
}

/* Emits the paragraph as a block of its kind. */
static void para_close(struct reader *rd)
{
    struct para *p = para_top(rd);
    rd->depth--;
    if (p == NULL)
        return;
    struct style st = style_resolved(rd->styles, p->style);
    int outline = p->outline != NO_LEVEL ? p->outline : st.outline;
    enum jm_block_kind kind = JM_BLOCK_PARAGRAPH;
    int level = 0;
    if (st.title || (outline == 0 && !rd->titled)) { /* the first top heading, as in Markdown */
        kind = JM_BLOCK_TITLE, level = 1;
    } else if (outline >= 0 && outline < 9) {
        kind = JM_BLOCK_HEADING, level = outline + 1 < 6 ? outline + 1 : 6;
    } else if (p->list || st.list) {
        kind = JM_BLOCK_ITEM, level = p->list_level + 1;
    }
    if (p->chars > 0) {
        rd->titled |= kind == JM_BLOCK_TITLE || kind == JM_BLOCK_HEADING;
        struct jm_block *b =
            jm_doc_add_block(rd->doc, kind, level, ++rd->count, p->text.data, p->text.len);
        if (b != NULL)
            b->emphasized = st.bold || p->bold_chars == p->chars;
    }
    if (p->text.failed)
        rd->doc->nomem = true;
    jm_buf_free(&p->text);
    xmlFree(p->style);
}

/* One element of word/document.xml. */
static void docx_element(struct reader *rd, xmlTextReaderPtr r)
{
    struct para *p = para_top(rd);
    if (is(r, "w:p")) {
        para_open(rd);
    } else if (p == NULL) {
        return;
    } else if (is(r, "w:pStyle")) {
        xmlFree(p->style);
        p->style = attr(r, "w:val");
    } else if (is(r, "w:numPr")) {
        p->list = true;
    } else if (is(r, "w:ilvl")) {
        p->list_level = int_attr(r, "w:val", 0);
    } else if (is(r, "w:outlineLvl")) {
        p->outline = int_attr(r, "w:val", NO_LEVEL);
    } else if (is(r, "w:r")) {
        p->bold_run = style_resolved(rd->styles, p->style).bold;
    } else if (is(r, "w:b")) {
        p->bold_run = on(r, "w:val");
    } else if (is(r, "w:tab")) {
        put_text(rd, "   ", 3); /* a column gap, as in "Engineer<tab>Acme<tab>2019" */
    } else if (is(r, "w:br") || is(r, "w:cr")) {
        put_text(rd, " ", 1);
    }
}

/* Elements whose text is no resume text, skipped whole: deleted revisions, the fallback
 * copy of a text box, field codes. */
static bool docx_skipped(xmlTextReaderPtr r)
{
    return is(r, "w:del") || is(r, "mc:Fallback") || is(r, "w:instrText") || is(r, "w:delText") ||
           is(r, "w:moveFrom");
}

/* Reads a content part to its end: each element to `element`, text into the open
 * paragraph; elements `skipped` says are passed over whole. False when the XML is broken. */
static bool read_content(struct reader *rd, xmlTextReaderPtr r,
                         void (*element)(struct reader *, xmlTextReaderPtr),
                         void (*closing)(struct reader *, xmlTextReaderPtr),
                         bool (*skipped)(xmlTextReaderPtr))
{
    int ret = xmlTextReaderRead(r);
    while (ret == 1) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_ELEMENT && skipped(r)) {
            ret = xmlTextReaderNext(r);
            continue;
        }
        if (type == XML_READER_TYPE_ELEMENT)
            element(rd, r);
        if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
            const char *t = (const char *)xmlTextReaderConstValue(r);
            if (t != NULL)
                put_text(rd, t, strlen(t));
        }
        if (end(r))
            closing(rd, r);
        ret = xmlTextReaderRead(r);
    }
    while (rd->depth > 0)
        para_close(rd);
    return ret == 0;
}

static void docx_closing(struct reader *rd, xmlTextReaderPtr r)
{
    if (is(r, "w:p"))
        para_close(rd);
}

/* ---- ODT -------------------------------------------------------------------------- */

/* A paragraph or text style of content.xml or styles.xml. */
static void odt_style(xmlTextReaderPtr r, struct styles *s, struct style **cur)
{
    if (is(r, "style:style")) {
        *cur = style_add(s, attr(r, "style:name"));
        if (*cur != NULL && (*cur)->id == NULL)
            s->n--, *cur = NULL;
        if (*cur != NULL) {
            (*cur)->parent = attr(r, "style:parent-style-name");
            (*cur)->outline = int_attr(r, "style:default-outline-level", 0) - 1;
            char *name = attr(r, "style:name");
            (*cur)->title = name != NULL && strcmp(name, "Title") == 0;
            xmlFree(name);
        }
    } else if (*cur != NULL && is(r, "style:text-properties")) {
        char *w = attr(r, "fo:font-weight");
        (*cur)->bold = w != NULL && (strcmp(w, "bold") == 0 || atoi(w) >= 600);
        xmlFree(w);
    }
}

static void odt_styles(zip_t *z, const char *name, size_t *budget, struct styles *s)
{
    struct part p = {.budget = budget};
    xmlTextReaderPtr r = open_part(z, name, &p);
    struct style *cur = NULL;
    while (r != NULL && xmlTextReaderRead(r) == 1) {
        if (start(r))
            odt_style(r, s, &cur);
        if (is(r, "office:body"))
            break; /* content.xml: the styles come first */
    }
    close_reader(r, &p);
}

static void odt_element(struct reader *rd, xmlTextReaderPtr r)
{
    struct para *p = para_top(rd);
    if (is(r, "text:list")) {
        rd->lists++;
    } else if (is(r, "text:p") || is(r, "text:h")) {
        para_open(rd);
        p = para_top(rd);
        if (p == NULL)
            return;
        p->style = attr(r, "text:style-name");
        p->bold_run = style_resolved(rd->styles, p->style).bold;
        if (is(r, "text:h"))
            p->outline = int_attr(r, "text:outline-level", 1) - 1;
        p->list = rd->lists > 0;
        p->list_level = rd->lists > 0 ? rd->lists - 1 : 0;
        if (xmlTextReaderIsEmptyElement(r))
            para_close(rd);
    } else if (p == NULL) {
        return;
    } else if (is(r, "text:span")) {
        char *style = attr(r, "text:style-name");
        p->bold_run =
            style_resolved(rd->styles, style).bold || style_resolved(rd->styles, p->style).bold;
        xmlFree(style);
    } else if (is(r, "text:s")) {
        int n = int_attr(r, "text:c", 1);
        put_text(rd, "   ", n >= 3 ? 3 : (size_t)(n > 0 ? n : 1));
    } else if (is(r, "text:tab")) {
        put_text(rd, "   ", 3);
    } else if (is(r, "text:line-break")) {
        put_text(rd, " ", 1);
    }
}

static void odt_closing(struct reader *rd, xmlTextReaderPtr r)
{
    struct para *p = para_top(rd);
    if (xmlTextReaderNodeType(r) != XML_READER_TYPE_END_ELEMENT)
        return; /* empty elements were handled where they started */
    if (is(r, "text:p") || is(r, "text:h"))
        para_close(rd);
    else if (is(r, "text:list") && rd->lists > 0)
        rd->lists--;
    else if (is(r, "text:span") && p != NULL)
        p->bold_run = style_resolved(rd->styles, p->style).bold;
}

/* Annotations, tracked deletions, footnotes and the styles before the body are no text. */
static bool odt_skipped(xmlTextReaderPtr r)
{
    return is(r, "office:annotation") || is(r, "text:tracked-changes") || is(r, "text:note") ||
           is(r, "office:automatic-styles") || is(r, "office:font-face-decls") ||
           is(r, "text:sequence-decls");
}

/* ---- the archive ---------------------------------------------------------------------- */

/* The first bytes of the archive's "mimetype" member, as OpenDocument requires. */
static bool is_odt(zip_t *z)
{
    char buf[64] = {0};
    zip_file_t *f = zip_fopen(z, "mimetype", 0);
    if (f == NULL)
        return false;
    zip_int64_t n = zip_fread(f, buf, sizeof buf - 1);
    zip_fclose(f);
    return n > 0 && strncmp(buf, "application/vnd.oasis.opendocument.text", 39) == 0;
}

jm_status jm_office_parse(struct jm_doc *doc, const char *buf, size_t n, jm_error *err)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(buf, n, 0, &ze);
    zip_t *z = src != NULL ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (z == NULL) {
        if (src != NULL)
            zip_source_free(src);
        zip_error_fini(&ze);
        return jm_fail(err, JM_ERR_FORMAT, doc->name, 0,
                       "a damaged or truncated ZIP archive (not a readable DOCX or ODT file)");
    }
    zip_error_fini(&ze);
    bool odt = is_odt(z);
    const char *content = odt ? "content.xml" : "word/document.xml";
    if (zip_name_locate(z, content, 0) < 0) {
        zip_discard(z);
        return jm_fail(err, JM_ERR_FORMAT, doc->name, 0,
                       "a ZIP archive that is neither a Word (DOCX) nor an OpenDocument (ODT) "
                       "text document");
    }
    if (too_big(z, content)) {
        zip_discard(z);
        return jm_fail(err, JM_ERR_TOO_BIG, doc->name, 0, "the document unpacks to more than %s",
                       jm_size_text(jm_limit()->input).s);
    }
    size_t budget = jm_limit()->input;
    struct styles styles = {0};
    if (odt) {
        odt_styles(z, "styles.xml", &budget, &styles);
        odt_styles(z, "content.xml", &budget, &styles);
    } else {
        docx_styles(z, &budget, &styles);
    }
    styles_sort(&styles);
    struct reader rd = {.doc = doc, .styles = &styles};
    struct part p = {.budget = &budget};
    xmlTextReaderPtr r = open_part(z, content, &p);
    bool broken = r == NULL ||
                  !read_content(&rd, r, odt ? odt_element : docx_element,
                                odt ? odt_closing : docx_closing, odt ? odt_skipped : docx_skipped);
    close_reader(r, &p);
    styles_free(&styles);
    zip_discard(z);
    if (budget == 0 || p.over)
        return jm_fail(err, JM_ERR_TOO_BIG, doc->name, 0, "the document unpacks to more than %s",
                       jm_size_text(jm_limit()->input).s);
    if (broken && doc->nblocks == 0)
        return jm_fail(err, JM_ERR_FORMAT, doc->name, 0, "damaged XML inside the %s file",
                       odt ? "ODT" : "DOCX");
    doc->format = odt ? JM_FORMAT_ODT : JM_FORMAT_DOCX;
    return JM_OK;
}
