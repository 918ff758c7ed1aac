/*
 * meta.c - a document's title, company and location: every rule about them,
 * and the one table of the labels that announce them.
 *
 * Sources are tried in a fixed order and the first to give a field keeps it:
 * the format's own metadata (front matter, "Company:" lines, JSON Resume's
 * name, a JSON-LD JobPosting), then "Title:" / "Company:" labels laid out
 * as a heading and a value, then a page's og:site_name and <title>, then a
 * hiring-board line "Acme | Engineer | Berlin", then the title block.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

/* The labels documents write before a title, company or location, lower case. */
static const struct {
    const char *label;
    enum jm_meta field;
} labels[] = {
    {"title", JM_META_TITLE},
    {"job title", JM_META_TITLE},
    {"position", JM_META_TITLE},
    {"position title", JM_META_TITLE},
    {"role", JM_META_TITLE},
    {"company", JM_META_COMPANY},
    {"employer", JM_META_COMPANY},
    {"company name", JM_META_COMPANY},
    {"organization", JM_META_COMPANY},
    {"location", JM_META_LOCATION},
    {"job location", JM_META_LOCATION},
};

enum jm_meta jm_meta_label(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strlen(labels[i].label) == n && strncasecmp(s, labels[i].label, n) == 0)
            return labels[i].field;
    return JM_META_NONE;
}

static const char **field_of(struct jm_doc *doc, enum jm_meta field)
{
    switch (field) {
    case JM_META_TITLE:
        return &doc->title;
    case JM_META_COMPANY:
        return &doc->company;
    default:
        return &doc->location;
    }
}

void jm_meta_set(struct jm_doc *doc, enum jm_meta field, const char *s, size_t n)
{
    if (field != JM_META_NONE)
        jm_doc_set_meta(doc, field_of(doc, field), s, n);
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
    jm_meta_set(doc, JM_META_COMPANY, seg[0], len[0]);
    jm_meta_set(doc, JM_META_TITLE, seg[1], len[1]);
    jm_meta_set(doc, JM_META_LOCATION, seg[2], len[2]);
    b->kind = JM_BLOCK_TITLE;
    return true;
}

void jm_meta_ensure_title(struct jm_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        if (doc->blocks[i].kind == JM_BLOCK_TITLE) {
            jm_meta_set(doc, JM_META_TITLE, doc->blocks[i].text, doc->blocks[i].len);
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

/* The field a heading "Label:" announces, or JM_META_NONE. */
static enum jm_meta heading_label(const struct jm_block *b)
{
    if (b->len < 2 || b->text[b->len - 1] != ':')
        return JM_META_NONE;
    return jm_meta_label(b->text, b->len - 1);
}

void jm_meta_from_labels(struct jm_doc *doc)
{
    for (size_t i = 0; i + 1 < doc->nblocks; i++) {
        struct jm_block *value = &doc->blocks[i + 1];
        if (doc->blocks[i].kind != JM_BLOCK_HEADING || value->kind != JM_BLOCK_PARAGRAPH ||
            value->len > 120)
            continue;
        enum jm_meta field = heading_label(&doc->blocks[i]);
        if (field != JM_META_TITLE) {
            jm_meta_set(doc, field, value->text, value->len);
        } else if (doc->role == JM_ROLE_POSTING) {
            /* An explicit "Title:" beats a heading (often the board's "Job Overview"). */
            for (size_t k = 0; k < doc->nblocks; k++)
                if (doc->blocks[k].kind == JM_BLOCK_TITLE)
                    doc->blocks[k].kind = JM_BLOCK_HEADING;
            value->kind = JM_BLOCK_TITLE;
            doc->title = "";
            jm_meta_set(doc, JM_META_TITLE, value->text, value->len);
        }
    }
}

struct span {
    const char *s;
    size_t n;
};

/* "Job Application for X at Acme", "X - Acme", "X | Acme Careers": X and Acme. */
static void split_page_title(const char *t, struct span *title, struct span *company)
{
    static const char *const prefixes[] = {"Job Application for ", "Job application for ",
                                           "Apply for "};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncmp(t, prefixes[i], strlen(prefixes[i])) == 0)
            t += strlen(prefixes[i]);
    static const char *const seps[] = {" | ",  " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                       " at ", " @ "};
    const char *cut = NULL;
    size_t seplen = 0;
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        const char *p = strstr(t, seps[i]);
        if (p && (cut == NULL || p < cut)) {
            cut = p;
            seplen = strlen(seps[i]);
        }
    }
    *title = (struct span){t, cut ? (size_t)(cut - t) : strlen(t)};
    *company = (struct span){"", 0};
    if (cut == NULL)
        return;
    const char *c = cut + seplen;
    const char *end = strchr(c, '|');
    size_t n = end ? (size_t)(end - c) : strlen(c);
    static const char *const suffixes[] = {" Careers", " careers", " Jobs", " jobs"};
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t k = strlen(suffixes[i]);
        if (n > k && strncmp(c + n - k, suffixes[i], k) == 0)
            n -= k;
    }
    *company = (struct span){c, n};
}

void jm_meta_page(struct jm_doc *doc, const struct jm_html_page *page)
{
    if (page->og_site.len > 0 && doc->role == JM_ROLE_POSTING)
        jm_meta_set(doc, JM_META_COMPANY, page->og_site.data, page->og_site.len);
    const char *page_title = page->og_title.len > 0 ? page->og_title.data : page->title.data;
    if (page_title == NULL)
        return;
    struct span title, company;
    split_page_title(page_title, &title, &company);
    /* An <h1> names the job better than the page title, which often adds the site. */
    if (!page->saw_h1)
        jm_meta_set(doc, JM_META_TITLE, title.s, title.n);
    if (doc->role == JM_ROLE_POSTING) /* a resume's page title names no employer */
        jm_meta_set(doc, JM_META_COMPANY, company.s, company.n);
}

bool jm_meta_line(struct jm_doc *doc, const char *s, size_t n, const char *seps)
{
    size_t k = 0;
    while (k < n && k < 20 && s[k] != ':' && s[k] != '=')
        k++;
    size_t key = k;
    while (key > 0 && s[key - 1] == ' ')
        key--;
    if (k >= n || strchr(seps, s[k]) == NULL)
        return false;
    enum jm_meta field = jm_meta_label(s, key);
    if (field == JM_META_NONE)
        return false;
    const char *v = s + k + 1, *end = s + n;
    while (v < end && (isspace((unsigned char)*v) || *v == '"' || *v == '\''))
        v++;
    while (end > v && (isspace((unsigned char)end[-1]) || end[-1] == '"' || end[-1] == '\''))
        end--;
    if (end > v)
        jm_meta_set(doc, field, v, (size_t)(end - v));
    return true;
}
