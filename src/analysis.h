/*
 * analysis.h - what libjobmatch concludes from documents: the keywords found
 * (keywords.c), the match and its score (match.c), the judged bullets
 * (bullets.c), the tailoring suggestions (tailor.c, knockout.c) and the
 * market view (market.c). Analysis never renders: the reports (report/) read
 * what is declared here.
 */
#ifndef JM_ANALYSIS_H
#define JM_ANALYSIS_H

#include "base.h"
#include "dict.h"
#include "doc.h"

/* ---- keywords.c ------------------------------------------------------------ */

/* Where a keyword was found: its term, block, and byte range in the block's text. */
struct jm_occurrence {
    uint32_t term, block;
    size_t start, end;
};

const jm_keyword *jm_keywords_by_term(const jm_keywords *kw, uint32_t term);
const jm_dict *jm_keywords_dict(const jm_keywords *kw);
size_t jm_keywords_occurrences(const jm_keywords *kw, const struct jm_occurrence **out);
/* The occurrences in block `block`, as indexes into jm_keywords_occurrences, in its order. */
size_t jm_keywords_block_occurrences(const jm_keywords *kw, uint32_t block, const uint32_t **out);
/* The dictionary term of keyword i. */
uint32_t jm_keywords_term(const jm_keywords *kw, size_t i);
/* The index of the keyword of `term`, or -1 when the document does not name it. */
int32_t jm_keywords_index(const jm_keywords *kw, uint32_t term);

/* ---- groups.c ------------------------------------------------------------------ */

/*
 * The requirement groups of a posting: alternatives that one requirement offers ("Go or
 * Java", "e.g. React, Angular or Vue"). For each keyword i: group[i] is 0 when it is in no
 * group, else a number shared by the members of its group; only_in_group[i] is true when
 * its requirement is the group's, false when it is also asked for alone as strongly (then
 * it stands on its own, and also meets the group). False when out of memory.
 */
bool jm_requirement_groups(const jm_keywords *posting, uint32_t *group, bool *only_in_group);

/* ---- match.c -------------------------------------------------------------------- */

/* Where the resume shows a keyword best: its evidence, the line, and the bullet (an index
 * into the jm_bullets the result was matched with), or -1. */
struct jm_shown {
    jm_evidence evidence;
    long line;
    long bullet;
};
/* Where the resume of `r` shows `term` best; evidence NONE when it does not name it. */
const struct jm_shown *jm_result_shown(const jm_result *r, uint32_t term);
/* The item of dictionary term `term` (the posting names it), or NULL. */
const jm_match_item *jm_result_item_of(const jm_result *r, uint32_t term);

enum { JM_MAX_BULLET_KEYWORDS = 8 };
/* The posting keywords a bullet names, and what they weigh in the match. */
struct jm_carried {
    const jm_match_item *items[JM_MAX_BULLET_KEYWORDS];
    size_t n;
    double weight;
};
void jm_bullet_carried(const jm_bullets *bs, size_t i, const jm_result *r, struct jm_carried *c);

/* The choices of an item's requirement as a reader writes them: "React, Angular or Vue.js";
 * its name alone when it has no alternatives. */
void jm_item_choices(const jm_match_item *it, char *buf, size_t cap);

/* ---- position.c ------------------------------------------------------------- */

/* Reads a heading or line into the parts of a position; a part already known is kept, so a
 * dated line under a heading fills in what the heading left out. Strings go to `a`. */
void jm_position_read(jm_position *p, const char *s, size_t n, struct jm_arena *a);
/* A line that announces a position rather than states work: short, no verb first, and
 * dated or a role joined to a name ("Venmo / PayPal — Senior SRE", "2024- ACME Senior SE"). */
bool jm_position_line(const jm_rules *r, const char *s, size_t n);
/* "TrendPlus AB, Stockholm, Sweden (Remote)": a short line that states no work, which under a
 * position's heading, before its first bullet, tells more of the position. */
bool jm_position_header(const jm_rules *r, const char *s, size_t n);
/* "Java ~1 year", "Go (5+ years)": a skill with how long it was used, not a bullet. */
bool jm_skill_duration(const jm_rules *r, const char *s, size_t n);

/* ---- bullets.c -------------------------------------------------------------- */

const jm_doc *jm_bullets_doc(const jm_bullets *bs);
const jm_rules *jm_bullets_rules(const jm_bullets *bs);
/* Where bullet i stands: its block and its byte range in the block's text. */
size_t jm_bullets_block(const jm_bullets *bs, size_t i, size_t *start, size_t *end);

/* ---- tailor.c, knockout.c ------------------------------------------------------ */

/* How a report says where the resume shows a keyword: "measured result bullet". */
const char *jm_evidence_phrase(jm_evidence e);

/* A matched keyword's strongest evidence in the resume. */
struct jm_proof {
    const char *keyword;
    jm_evidence strength;
    long line;
};

/* Match items that get the same advice. */
struct jm_items {
    const jm_match_item **v;
    size_t n;
};

struct jm_tailoring {
    const jm_result *res;
    struct jm_arena arena;
    jm_suggestion *v;
    size_t n, cap;
    struct jm_proof *proofs;
    size_t nproofs;
    struct jm_items unrelated; /* gaps with nothing related shown at work */
    struct jm_items listed;    /* matched keywords only in a skills list */
    struct jm_items declared;  /* matched keywords the resume does not name (jm_declared) */
};

/* A dictionary group's slug in a person's words: "js-web-frameworks" is "JavaScript web
 * frameworks", "dotnet-languages" ".NET languages". */
void jm_group_words(const char *slug, char *out, size_t cap);

/* knockout.c: a knock-out requirement as a posting line states it. */
struct jm_knockout_line {
    const char *label;             /* as requirements.rules names it: "experience", "degree", ... */
    int years;                     /* experience: the minimum asked ("3-5 years": 3), else -1 */
    size_t start, end;             /* what the rule matched, in the line's text */
    size_t scope_start, scope_end; /* its clause: where the skill it asks years of is named */
    bool no_internships;           /* the line excludes internships from the years */
    bool professional;             /* the line asks for professional years: no side projects */
    int degree;                    /* degree: the lowest level named (1 associate to 4 doctorate) */
    bool equivalent;               /* degree: equivalent experience is accepted instead */
};
/* The knock-out requirements text[0, n) states, in order, at most `cap`: how many, or -1 when
 * out of memory. Each label once, but experience once per clause; none in EEO sentences
 * ("regardless of age, citizenship, ..."). */
int jm_knockout_lines(const jm_rules *r, const char *text, size_t n, struct jm_knockout_line *out,
                      size_t cap);

/* A knock-out requirement of a posting line, with what the resume shows for it. */
struct jm_knockout {
    const char *label;
    bool preferred; /* its block is a preference ("nice to have", "preferred") */
    jm_verdict verdict;
    int years_required, years_shown; /* experience, else -1 */
    long resume_line;                /* the resume's line that states it, or 0 */
    char quote[160];                 /* the posting line, clipped */
    char evidence[384];              /* "meets: Python in roles covering about 6 years …" */
};
/* The resume's side of the knock-out requirements, read once per tailoring: its dated roles,
 * where it names each keyword, its degree, language and authorization lines. `today` in
 * months since 1900. NULL when out of memory. */
struct jm_knockouts *jm_knockouts_new(const jm_result *res, const jm_rules *rules, int today);
void jm_knockouts_free(struct jm_knockouts *k);
/* The knock-out requirements of the posting's block i, at most `cap`, into `out`: how many,
 * or -1 when out of memory. */
int jm_knockouts_of(const struct jm_knockouts *k, size_t i, struct jm_knockout *out, size_t cap);

/* ---- market.c --------------------------------------------------------------- */

/* One keyword over the postings of a market view. */
struct jm_demand {
    char *name, *category;
    jm_kind kind;
    unsigned asked, required, missing, in_resume;
    double weight, missing_weight; /* summed over the postings that ask */
};

struct jm_market {
    struct jm_demand *v;
    size_t n, cap;
    struct jm_table names; /* keyword name -> index in v */
    size_t scored, failed, duplicates;
    char **hashes; /* content hashes of the JSON lines added: shards may overlap */
    size_t nhashes, caphashes;
    struct jm_table seen; /* content hash -> index in hashes */
};

/* The missing keywords, most wanted first, then the resume's keywords no posting asks
 * for, by name: a malloc'd array; NULL when out of memory. */
const struct jm_demand **jm_market_ranked(const jm_market *m, size_t *ngaps, size_t *nunasked);

#endif
