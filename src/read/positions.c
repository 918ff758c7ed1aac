/*
 * positions.c - which headings of a resume open a position held or a project.
 *
 * "Senior Engineer — Dell Technologies", "Acme Skills Inc", "Education First (2014–2016)":
 * a word that names a section decides nothing in a heading of that shape. A section heading
 * is made of section words only ("Work Experience", "Skills & Tools"). Any other heading
 * opens a position when its shape says so: a year; a role joined to a name ("Data Analyst |
 * Contact Energy"); a firm's legal form; or, for a heading that names no section, a place
 * among the positions under the experience heading, or a dated line right under it ("Tools
 * for Humanity" over "Site Reliability Engineer, 2011 – 2012").
 */
#include <string.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

enum { LINE_WORDS = 20 }; /* a dated line: "Lille / full remote – 2025 Head of Product | 2025" */

/* Does the heading join two parts: "Title — Employer", "Employer | Title", "Title at X"? */
static bool joined(const char *s, size_t n)
{
    static const char *const seps[] = {
        " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", " | ", " \xC2\xB7 ", ", ", " at ", " @ ", " / ",
        " \xE2\x80\xA2 "};
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++)
        if (memmem(s, n, seps[i], strlen(seps[i])) != NULL)
            return true;
    return false;
}

/* Headings inside a position, which open none: "Key Accomplishments", "Technologies used". */
static bool inside_position(const struct jm_block *h)
{
    static const char *const words[] = {"accomplishment", "achievement", "responsibilit",
                                        "highlight",      "impact",      "used",
                                        "environment",    "key projects"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (jm_meta_find_ci(h->text, h->len, words[i]) != NULL)
            return true;
    return false;
}

/* A short line right under the heading that dates it: "Site Reliability Engineer, 2011–2012". */
static bool dated_line_under(const struct jm_doc *doc, size_t i)
{
    if (i + 1 >= doc->nblocks)
        return false;
    const struct jm_block *b = &doc->blocks[i + 1];
    return b->kind == JM_BLOCK_PARAGRAPH && jm_meta_words(b->text, b->len) <= LINE_WORDS &&
           jm_text_dated(b->text, b->len);
}

/* Where the walk stands: the level of the experience or projects heading, 0 outside one,
 * and the level of its first position, 0 before it. */
struct walk {
    int entries, first;
};

static bool opens_position(const struct jm_doc *doc, size_t i, const struct walk *w,
                           enum jm_section named)
{
    const struct jm_block *h = &doc->blocks[i];
    if (jm_text_dated(h->text, h->len) ||
        (joined(h->text, h->len) && jm_meta_names_role(h->text, h->len)) ||
        jm_meta_firm_name(h->text, h->len))
        return true;
    if (inside_position(h))
        return false;
    bool among = w->entries > 0 && h->level > w->entries && (w->first == 0 || h->level <= w->first);
    if (named != JM_SEC_NONE) /* "Tools for Humanity": only where a position stands, dated */
        return among && dated_line_under(doc, i);
    return among || dated_line_under(doc, i);
}

/* A section heading: it opens the positions of experience or projects, or ends them. */
static void section_seen(struct walk *w, const struct jm_block *h, enum jm_section s)
{
    bool entries = s == JM_SEC_EXPERIENCE || s == JM_SEC_PROJECTS;
    if (entries || h->level <= w->entries)
        *w = (struct walk){entries ? h->level : 0, 0};
}

void jm_mark_positions(struct jm_doc *doc)
{
    struct walk w = {0, 0};
    for (size_t i = 0; i < doc->nblocks; i++) {
        struct jm_block *h = &doc->blocks[i];
        if (h->kind != JM_BLOCK_HEADING)
            continue;
        enum jm_section named = jm_section_classify(h->norm, h->nlen, JM_ROLE_RESUME);
        if (!h->position && jm_section_words_only(h->norm, h->nlen)) {
            section_seen(&w, h, named);
            continue;
        }
        h->position = h->position || opens_position(doc, i, &w, named);
        if (h->position && w.first == 0)
            w.first = h->level;
        else if (!h->position && named != JM_SEC_NONE)
            section_seen(&w, h, named);
    }
}
