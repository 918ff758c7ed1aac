/*
 * rules.h - how the phrasing rules are stored: their classes, as read from
 * the .rules files, and the regular expressions compiled from them. Private
 * to the rules (rules.c loads and compiles, phrasing.c applies): the layers
 * above ask through dict.h.
 */
#ifndef JM_RULES_H
#define JM_RULES_H

#include "base.h"
#include "dict.h"

enum jm_rule_class {
    JM_RC_DEFINE,
    JM_RC_WEAK_OPENER,
    JM_RC_RESPONSIBILITY,
    JM_RC_OUTCOME_VERB,
    JM_RC_NOT_OUTCOME,
    JM_RC_MULTIPLIER_VERB,
    JM_RC_BENEFIT,
    JM_RC_PURPOSE,
    JM_RC_RECOGNITION,
    JM_RC_MILESTONE,
    JM_RC_MEASURED,
    JM_RC_USAGE,
    JM_RC_METRIC,
    JM_RC_SCOPE,
    JM_RC_OUTPUT_COUNT,
    JM_RC_FIRST_PERSON,
    JM_RC_ACTION_VERB,
    JM_RC_IRREGULAR,
    JM_RC_NOMINAL,
    JM_RC_CURRENT_ROLE,
    JM_RC_MEASURE_HINT,
    JM_RC_REQUIREMENT,
    JM_RC_REQUIREMENT_CUE,
    JM_RC_COUNT
};

/* The compiled alternations, one per use. */
enum jm_regex {
    JM_RE_OPENER,
    JM_RE_FRAME,
    JM_RE_BENEFIT,
    JM_RE_PURPOSE,
    JM_RE_RECOGNITION,
    JM_RE_MILESTONE,
    JM_RE_MEASURED,
    JM_RE_USAGE,
    JM_RE_SCOPE,
    JM_RE_OUTPUT,
    JM_RE_FIRST_PERSON,
    JM_RE_CURRENT_ROLE,
    JM_RE_PAST_ROLE,
    JM_RE_METRIC,
    JM_RE_HINT,
    JM_RE_NUMBER,
    JM_RE_NOT_OUTCOME,
    JM_RE_REQUIREMENT,
    JM_RE_REQUIREMENT_CUE,
    JM_RE_FACT,
    JM_RE_COUNT
};

/* Stands for a number in the text the classes match (U+E000, private use): see rules.c. */
#define JM_NUMBER_TOKEN "\xEE\x80\x80"

struct jm_rule_entry {
    const char *key, *value; /* value: NULL except in 'key => value' classes */
    const char *file;
    long line;
};

struct jm_rule_list {
    struct jm_rule_entry *v;
    size_t n, cap;
};

/* One spelling in the verb index: which verb, which form. */
struct jm_verb_spelling {
    const char *text; /* NULL: an empty slot */
    uint32_t verb;
    enum jm_verb_form form;
};

struct pcre2_real_match_data_8;

struct jm_rules {
    struct jm_arena arena;
    struct jm_rule_list lists[JM_RC_COUNT];
    struct pcre2_real_code_8 *re[JM_RE_COUNT];
    /* JIT-compiled copies: the knock-out patterns' on first use (jm_rules_next_hit), the
     * others' once a run has matched them often (jm_rules_match). JIT compiling costs 3 ms
     * a pattern, which a run that matches a pattern a few times should not pay. Set once,
     * atomically, so that shared rules stay safe for threads. */
    struct pcre2_real_code_8 *_Atomic jit[JM_RE_COUNT];
    _Atomic unsigned long matches; /* jm_rules_match calls: JIT pays off after JIT_AFTER */
    struct pcre2_real_match_context_8 *mctx; /* jm_limits.rule_steps, as loaded */
    struct jm_verb *verbs;
    size_t nverbs, capverbs;
    struct jm_verb_spelling *forms; /* every spelling of every verb, hashed */
    size_t form_mask;
};

/* pcre2_match of class pattern `re` with the rules' match limit: interpreted, until the
 * run has matched JIT_AFTER times (a resume of thousands of bullets), then JIT-compiled. */
int jm_rules_match(const jm_rules *r, enum jm_regex re, const char *text, size_t n, size_t from,
                   uint32_t options, struct pcre2_real_match_data_8 *md);

#endif
