/*
 * read/read.h - the readers: bytes in any supported format to a jm_doc.
 *
 * read.c runs them: decode.c makes any input UTF-8 and names its format,
 * then the reader of that format appends blocks (html.c, markdown.c,
 * text.c, json.c; jsonld.c for schema.org JobPostings), and meta.c settles
 * title, company and location. Above this layer only jm_doc_parse and
 * jm_doc_read (jobmatch.h) are used.
 */
#ifndef JM_READ_H
#define JM_READ_H

#include "base.h"
#include "doc.h"

/* ---- decode.c: bytes -> UTF-8 text and a format ------------------------ */

struct jm_input {
    char *text; /* malloc'd UTF-8, NUL-terminated */
    size_t len;
    jm_format format;    /* never JM_FORMAT_AUTO */
    const char *warning; /* static; NULL when none */
};

jm_status jm_input_decode(const char *buf, size_t len, const char *name, jm_format hint,
                          struct jm_input *out, jm_error *err);

/* ---- html.c ------------------------------------------------------------- */

/* What a whole page says beside its visible text. */
struct jm_html_page {
    /* Set by the caller: does this JSON-LD script hold the whole posting? Then parsing
     * stops after it. NULL: never stop. */
    bool (*complete)(const char *json, size_t n);
    struct jm_buf jsonld; /* the JSON-LD scripts, separated by 0x1E */
    long jsonld_line;     /* where the last one starts */
    struct jm_buf title, og_title, og_site;
    bool saw_h1; /* an <h1> gave the title block */
};

/* Appends the visible text of `s` as blocks; `line0` offsets reported lines. With `page`
 * NULL the text is a fragment (an HTML block in Markdown, a JSON-LD description): no
 * title block, no scripts. */
jm_status jm_html_parse(struct jm_doc *doc, const char *s, size_t n, long line0,
                        struct jm_html_page *page, jm_error *err);
void jm_html_page_free(struct jm_html_page *page);

/* ---- jsonld.c: a schema.org JobPosting ------------------------------------ */

struct cJSON;
/* The first JobPosting object in `root`, searching arrays and @graph; NULL when none. */
const struct cJSON *jm_jsonld_find(const struct cJSON *root);
/* Appends the posting: its title, description and requirement fields. `need_body`: add
 * nothing and return false without a real description, so that a teaser does not
 * replace a page. */
bool jm_jsonld_build(struct jm_doc *doc, const struct cJSON *posting, long line, bool need_body,
                     jm_error *err);
/* Does this JSON-LD hold a JobPosting whose description will replace the page body? */
bool jm_jsonld_has_body(const char *s, size_t n);
/* Replaces the blocks from `body_start` on by the page's JSON-LD posting, when one of its
 * scripts carries a real description. */
void jm_jsonld_use(struct jm_doc *doc, const struct jm_html_page *page, size_t body_start,
                   jm_error *err);

/* ---- the other formats ---------------------------------------------------- */

jm_status jm_markdown_parse(struct jm_doc *doc, const char *s, size_t n, jm_error *err);
jm_status jm_text_parse(struct jm_doc *doc, const char *s, size_t n, jm_error *err);
/* JSON Resume, or a schema.org JobPosting, from a .json file. */
jm_status jm_json_parse(struct jm_doc *doc, const char *s, size_t n, jm_error *err);

/* ---- meta.c: title, company, location -------------------------------------- */

enum jm_meta { JM_META_TITLE, JM_META_COMPANY, JM_META_LOCATION, JM_META_NONE };

/* The field a label names ("Job title", "Employer", "Location"; any case, no colon). */
enum jm_meta jm_meta_label(const char *s, size_t n);
void jm_meta_set(struct jm_doc *doc, enum jm_meta field, const char *s, size_t n);
/* A "Label: value" line (front matter, a text header), the key ended by one of `seps`;
 * false when it names no field. */
bool jm_meta_line(struct jm_doc *doc, const char *s, size_t n, const char *seps);
/* A "Title:" heading followed by its value, as job boards lay them out. */
void jm_meta_from_labels(struct jm_doc *doc);
/* What a page's <title> and og: tags say, for the fields still unknown. */
void jm_meta_page(struct jm_doc *doc, const struct jm_html_page *page);
/* The title from the title block, a hiring-board line, or a title block from the title. */
void jm_meta_ensure_title(struct jm_doc *doc);

#endif
