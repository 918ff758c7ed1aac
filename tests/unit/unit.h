/*
 * unit.h - shared helpers for the cmocka unit tests. Tests link against
 * libjobmatch.a and may use the private headers of every layer (src/LAYERS).
 */
#ifndef JM_UNIT_H
#define JM_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"
#include "dict.h"
#include "rules.h"
#include "analysis.h"
#include "report/report.h"

/* cmocka 1.1 has no floating-point assertion. */
#define assert_double_equal(a, b, eps)                                                             \
    do {                                                                                           \
        double a_ = (a), b_ = (b);                                                                 \
        if (!(a_ - b_ < (eps) && b_ - a_ < (eps)))                                                 \
            fail_msg("%s = %.6f, expected %.6f", #a, a_, b_);                                      \
    } while (0)

/* Parses a string as a document; fails the test on error. */
static inline jm_doc *parse_doc(const char *text, const char *name, jm_role role)
{
    jm_doc *doc = NULL;
    jm_error err = {0};
    jm_status st = jm_doc_parse(text, strlen(text), name, role, JM_FORMAT_AUTO, &doc, &err);
    if (st != JM_OK)
        fail_msg("parse %s: %s", name, err.msg);
    return doc;
}

/* Writes `text` to a fresh temporary *.dict file; returns its malloc'd path. */
static inline char *write_temp(const char *text, const char *suffix)
{
    char tmpl[] = "/tmp/jm-unit-XXXXXX";
    int fd = mkstemp(tmpl);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    char path[64];
    snprintf(path, sizeof path, "%s%s", tmpl, suffix);
    assert_int_equal(rename(tmpl, path), 0);
    return strdup(path);
}

/* Loads a dictionary from text; returns NULL and fills err on failure. */
static inline jm_dict *dict_from(const char *text, jm_error *err)
{
    char *path = write_temp(text, ".dict");
    jm_dict *d = NULL;
    const char *paths[] = {path};
    jm_dict_load(paths, 1, &d, err);
    unlink(path);
    free(path);
    return d;
}

/* The block of `doc` at index i (asserts it exists). */
static inline const struct jm_block *block_at(const jm_doc *doc, size_t i)
{
    assert_true(i < doc->nblocks);
    return &doc->blocks[i];
}

/* The first block whose text equals `text`, or NULL. */
static inline const struct jm_block *find_block(const jm_doc *doc, const char *text)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (strcmp(doc->blocks[i].text, text) == 0)
            return &doc->blocks[i];
    return NULL;
}

/* The first block whose text equals `text`; fails the test when there is none. */
static inline const struct jm_block *get(const jm_doc *doc, const char *text)
{
    const struct jm_block *b = find_block(doc, text);
    if (b == NULL)
        fail_msg("no block \"%s\"", text);
    return b;
}

/* Whether any block contains `needle`. */
static inline bool doc_contains(const jm_doc *doc, const char *needle)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (strstr(doc->blocks[i].text, needle))
            return true;
    return false;
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The canonical names found in `text` (a plain-text resume), sorted, joined
 * by ", "; malloc'd. */
static inline char *found_names(const jm_dict *d, const char *text)
{
    jm_doc *doc = NULL;
    jm_error err = {0};
    if (jm_doc_parse(text, strlen(text), "case.txt", JM_ROLE_RESUME, JM_FORMAT_TEXT, &doc, &err) !=
        JM_OK)
        return strdup("<parse error>");
    jm_keywords *kw = NULL;
    assert_int_equal(jm_keywords_find(d, doc, &kw, &err), JM_OK);
    size_t n = jm_keywords_count(kw);
    const char **names = calloc(n + 1, sizeof *names);
    for (size_t i = 0; i < n; i++)
        names[i] = jm_keywords_get(kw, i)->name;
    qsort(names, n, sizeof *names, cmp_cstr);
    struct jm_buf b = {0};
    jm_buf_puts(&b, "");
    for (size_t i = 0; i < n; i++)
        jm_buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
    free(names);
    jm_keywords_free(kw);
    jm_doc_free(doc);
    return b.data;
}

/* What a keyword named in a resume's running text earns, not in a skills list or a bullet
 * (match.c, evidence_credit): the credit of every keyword of the plain-text resumes below. */
#define MENTION_CREDIT 0.6

/* A resume matched against a posting, both parsed from text with one dictionary. */
struct match_run {
    jm_doc *cv, *job;
    jm_keywords *kc, *kj;
    jm_result *res;
};

static inline void match_texts(struct match_run *r, const jm_dict *d, const char *cv,
                               const char *job)
{
    r->cv = parse_doc(cv, "cv.md", JM_ROLE_RESUME);
    r->job = parse_doc(job, "job.md", JM_ROLE_POSTING);
    assert_int_equal(jm_keywords_find(d, r->cv, &r->kc, NULL), JM_OK);
    assert_int_equal(jm_keywords_find(d, r->job, &r->kj, NULL), JM_OK);
    assert_int_equal(jm_match(r->kc, r->kj, &r->res, NULL), JM_OK);
}

static inline void match_free(struct match_run *r)
{
    jm_result_free(r->res);
    jm_keywords_free(r->kj);
    jm_keywords_free(r->kc);
    jm_doc_free(r->job);
    jm_doc_free(r->cv);
}

/* The match item of the posting keyword `name`; fails the test when there is none. */
static inline const jm_match_item *match_item(const jm_result *res, const char *name)
{
    for (size_t i = 0; i < jm_result_count(res); i++)
        if (strcmp(jm_result_get(res, i)->posting->name, name) == 0)
            return jm_result_get(res, i);
    fail_msg("no item %s", name);
    return NULL;
}

#endif
