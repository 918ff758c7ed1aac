/*
 * knockout.c - the posting lines that can rule an applicant out (years of
 * experience, degree, certification, clearance, work authorization,
 * location, travel: requirements.rules names them), each with what the
 * resume shows for it, such as the years its dated roles cover.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "dict.h"
#include "doc.h"
#include "analysis.h"

/* Months covered by the resume's dated roles ("Mar 2021 – present", "2016 - 2018"), overlaps
 * counted once; the first year seen goes to *first. */
static int role_months(const jm_doc *resume, int today, int *first)
{
    static const char *const pattern =
        "(?i)\\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+)?"
        "((?:19|20)\\d\\d)\\s*(?:[-–—]+|to|until|till)\\s*"
        "(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+)?"
        "((?:19|20)\\d\\d|present|current|now|today)";
    static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    int rc;
    PCRE2_SIZE off;
    pcre2_code *re =
        pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &rc, &off, NULL);
    pcre2_match_data *md = re ? pcre2_match_data_create_from_pattern(re, NULL) : NULL;
    char covered[200 * 12] = {0}; /* months since 1900 */
    *first = 0;
    for (size_t i = 0; md && i < resume->nblocks; i++) {
        const struct jm_block *b = &resume->blocks[i];
        if (pcre2_match(re, (PCRE2_SPTR)b->text, b->len, 0, 0, md, NULL) < 0)
            continue;
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        int m[5] = {0};
        for (int g = 1; g <= 4; g++) {
            if (ov[2 * g] == PCRE2_UNSET)
                continue;
            const char *t = b->text + ov[2 * g];
            if (g % 2 == 1) { /* a month name */
                char mon[4] = {(char)tolower((unsigned char)t[0]),
                               (char)tolower((unsigned char)t[1]),
                               (char)tolower((unsigned char)t[2]), 0};
                const char *at = strstr(months, mon);
                m[g] = at ? (int)(at - months) / 3 : 0;
            } else {
                m[g] = isdigit((unsigned char)t[0]) ? atoi(t) : -1;
            }
        }
        int start = (m[2] - 1900) * 12 + m[1];
        int end = m[4] < 0 ? today : (m[4] - 1900) * 12 + (m[3] ? m[3] : 11);
        for (int k = start; k <= end && k >= 0 && k < (int)sizeof covered; k++)
            covered[k] = 1;
        if (*first == 0 || m[2] < *first)
            *first = m[2];
    }
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    int n = 0;
    for (size_t k = 0; k < sizeof covered; k++)
        n += covered[k];
    return n;
}

/* The first block of `section` in the resume that states a requirement (a degree). */
static const struct jm_block *resume_block(const jm_doc *resume, enum jm_section section,
                                           const jm_rules *rules)
{
    for (size_t i = 0; i < resume->nblocks; i++) {
        const struct jm_block *b = &resume->blocks[i];
        if (b->section == section && jm_rules_requirement(rules, b->text, b->len) != NULL)
            return b;
    }
    return NULL;
}

void jm_knockout_evidence(const jm_result *res, const jm_bullets *bs, const char *label, int today,
                          char *out, size_t cap)
{
    const jm_doc *resume = jm_keywords_doc(jm_result_resume(res));
    const jm_rules *rules = jm_bullets_rules(bs);
    const struct jm_block *b;
    int first;
    if (strcmp(label, "experience") == 0) {
        int months = role_months(resume, today, &first);
        if (months > 0)
            snprintf(out, cap, "The resume's dated roles cover about %d year%s, from %d.",
                     (months + 6) / 12, (months + 6) / 12 == 1 ? "" : "s", first);
        else
            snprintf(out, cap, "The resume's roles carry no dates to count years from: add them.");
    } else if (strcmp(label, "degree") == 0) {
        b = resume_block(resume, JM_SEC_EDUCATION, rules);
        if (b != NULL)
            snprintf(out, cap, "The resume lists \"%.80s\" (line %ld).", b->text, b->line);
        else
            snprintf(out, cap, "The resume names no degree: if you hold one, list it.");
    } else if (strcmp(label, "certification") == 0) {
        const jm_keywords *kr = jm_result_resume(res);
        size_t k = 0;
        snprintf(out, cap, "The resume names no certification.");
        for (size_t i = 0; i < jm_keywords_count(kr); i++) {
            const jm_keyword *kw = jm_keywords_get(kr, i);
            if (kw->kind != JM_KIND_CERTIFICATION)
                continue;
            size_t len = k ? strlen(out) - 1 : 0; /* drop the period to append */
            snprintf(out + len, cap - len, "%s%s.", k++ ? ", " : "The resume names ", kw->name);
        }
    } else if (strcmp(label, "location") == 0 && *jm_doc_location(resume)) {
        snprintf(out, cap, "The resume gives your location as %s.", jm_doc_location(resume));
    } else {
        snprintf(out, cap, "The resume says nothing about it: check it against your situation.");
    }
}
