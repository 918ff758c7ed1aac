/*
 * doc.h - the document model: what the readers (read/) build and the
 * analysis reads. A jm_doc is a list of blocks with their source lines and
 * sections, and its title, company and location.
 */
#ifndef JM_DOC_H
#define JM_DOC_H

#include "base.h"

enum jm_block_kind { JM_BLOCK_TITLE, JM_BLOCK_HEADING, JM_BLOCK_PARAGRAPH, JM_BLOCK_ITEM };

/* Section kinds, for postings and resumes alike. */
enum jm_section {
    JM_SEC_NONE,
    JM_SEC_GENERAL, /* a known heading that carries no weight: "About the job" */
    /* posting */
    JM_SEC_TITLE,
    JM_SEC_REQUIRED,
    JM_SEC_PREFERRED,
    JM_SEC_RESPONSIBILITY,
    JM_SEC_BOILERPLATE,
    /* resume */
    JM_SEC_SUMMARY,
    JM_SEC_SKILLS,
    JM_SEC_EXPERIENCE,
    JM_SEC_PROJECTS,
    JM_SEC_EDUCATION,
    JM_SEC_CONTACT,
    JM_SEC_OTHER
};

struct jm_block {
    enum jm_block_kind kind;
    int level;       /* heading level 1-6, 7 for a pseudo heading; list depth */
    bool emphasized; /* the whole block was bold: a heading candidate */
    /* A resume's heading that opens a position held or a project ("Senior Engineer — Dell
     * Technologies, 2019–"), told by its shape (read/positions.c) or set by a reader that
     * knows (JSON Resume work[]): whatever words it holds, it opens no section of its own. */
    bool position;
    bool context;     /* describes a position (a JSON Resume summary): never a bullet */
    long line;        /* 1-based line in the source, 0 when unknown */
    const char *text; /* decoded UTF-8, whitespace collapsed */
    size_t len;
    const char *norm; /* normalized text (jm_normalize) */
    size_t nlen;
    const uint32_t *map;
    enum jm_section section;
    jm_importance importance;
    /* A sentence of a posting's block that waives what it names ("No Kafka experience
     * required."): text[waived_start, waived_end) counts at waived_importance, the rest of
     * the block at `importance`. An empty range when there is none. */
    size_t waived_start, waived_end;
    jm_importance waived_importance;
};

/* The importance of what the block names at text offset `at`. */
jm_importance jm_block_importance_at(const struct jm_block *b, size_t at);

struct jm_meta_list;

struct jm_doc {
    struct jm_arena arena;
    char *name;
    jm_role role;
    jm_format format;
    const char *title, *company, *location;
    const char *url;           /* where the posting lives, "" when not told */
    int url_rank;              /* of the source that gave it (jm_doc_set_url) */
    struct jm_meta_list *meta; /* the readers' candidates for those three (read/meta.c) */
    struct jm_block *blocks;
    size_t nblocks, cap;
    const char **warnings;
    size_t nwarnings, capwarnings;
    bool nomem; /* an allocation failed while building */
};

/* ---- document.c: building -------------------------------------------------- */

/* An empty document; NULL when out of memory. */
struct jm_doc *jm_doc_new(const char *name, jm_role role, jm_format format);
/* Appends a block; its text is copied, whitespace collapsed and trimmed. NULL when the
 * text is blank or memory ran out (then doc->nomem is set). */
struct jm_block *jm_doc_add_block(struct jm_doc *doc, enum jm_block_kind kind, int level, long line,
                                  const char *text, size_t len);
void jm_doc_warn(struct jm_doc *doc, const char *fmt, ...) JM_PRINTF(2, 3);
/* Where the document lives, from the source of `rank` (lower is surer: the page's canonical
 * link, then og:url, then a JSON posting's "url", then front matter): s[0..n), kept when it
 * is an absolute http(s) URL with a path (a home page is no posting's address) and no
 * surer source gave one. */
enum { JM_URL_CANONICAL, JM_URL_OG, JM_URL_POSTING, JM_URL_FRONT, JM_URL_NONE, JM_URL_MAX = 2048 };
void jm_doc_set_url(struct jm_doc *doc, int rank, const char *s, size_t n);
/* What a block's `line` counts in this document: "line", or "paragraph" in a format that
 * has no lines of its own (DOCX, ODT, PDF). */
const char *jm_doc_unit(const struct jm_doc *doc);
/* Sets a metadata field (title, company, location) when not yet known. */
void jm_doc_set_meta(struct jm_doc *doc, const char **field, const char *s, size_t n);

/* ---- section.c: what a heading or a lead-in announces ------------------ */

enum jm_section jm_section_classify(const char *norm, size_t n, jm_role role);
/* Is a resume heading made of section words only ("Work Experience", "Skills & Tools")? */
bool jm_section_words_only(const char *norm, size_t n);
/* Does the text hold a year as a resume dates a position: "2019 – present", "2024-",
 * "(2021)", "Mar 2016"? */
bool jm_text_dated(const char *s, size_t n);
/* Gives every block its section and importance, from the headings above it. */
void jm_sections_assign(struct jm_doc *doc);

#endif
