/*
 * rules.c - phrasing rules: loading the .rules files, inflecting their verbs,
 * compiling their classes.
 *
 * The words live in editable .rules files (dictionaries/phrasing.rules, format
 * in dictionaries/README.md); phrasing.c knows what each class means. Each
 * pattern class compiles to one PCRE2 alternation; verb classes list base
 * forms, inflected here ("reduce" -> reduced, reducing, reduces) into one
 * hash table that the judge looks words up in.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <errno.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base.h"
#include "dict.h"
#include "rules.h"

enum shape { SHAPE_PATTERN, SHAPE_VERB, SHAPE_MAP };

static const struct {
    const char *name;
    enum shape shape;
} class_info[JM_RC_COUNT] = {
    [JM_RC_DEFINE] = {"define", SHAPE_MAP},
    [JM_RC_WEAK_OPENER] = {"weak-opener", SHAPE_PATTERN},
    [JM_RC_RESPONSIBILITY] = {"responsibility", SHAPE_PATTERN},
    [JM_RC_OUTCOME_VERB] = {"outcome-verb", SHAPE_VERB},
    [JM_RC_NOT_OUTCOME] = {"not-outcome", SHAPE_PATTERN},
    [JM_RC_MULTIPLIER_VERB] = {"multiplier-verb", SHAPE_VERB},
    [JM_RC_BENEFIT] = {"benefit", SHAPE_PATTERN},
    [JM_RC_PURPOSE] = {"purpose", SHAPE_PATTERN},
    [JM_RC_RECOGNITION] = {"recognition", SHAPE_PATTERN},
    [JM_RC_MILESTONE] = {"milestone", SHAPE_PATTERN},
    [JM_RC_MEASURED] = {"measured-outcome", SHAPE_PATTERN},
    [JM_RC_USAGE] = {"usage", SHAPE_PATTERN},
    [JM_RC_METRIC] = {"metric", SHAPE_MAP},
    [JM_RC_SCOPE] = {"scope", SHAPE_PATTERN},
    [JM_RC_OUTPUT_COUNT] = {"output-count", SHAPE_PATTERN},
    [JM_RC_FIRST_PERSON] = {"first-person", SHAPE_PATTERN},
    [JM_RC_ACTION_VERB] = {"action-verb", SHAPE_VERB},
    [JM_RC_IRREGULAR] = {"irregular", SHAPE_MAP},
    [JM_RC_NOMINAL] = {"nominal", SHAPE_MAP},
    [JM_RC_CURRENT_ROLE] = {"current-role", SHAPE_PATTERN},
    [JM_RC_MEASURE_HINT] = {"measure-hint", SHAPE_MAP},
    [JM_RC_REQUIREMENT] = {"requirement", SHAPE_MAP},
    [JM_RC_REQUIREMENT_CUE] = {"requirement-cue", SHAPE_MAP},
};

/* ---- loading ------------------------------------------------------------ */

static jm_status add_entry(jm_rules *r, enum jm_rule_class c, const char *key, const char *value,
                           const char *file, long line, jm_error *err)
{
    struct jm_rule_list *l = &r->lists[c];
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 32;
        struct jm_rule_entry *v = realloc(l->v, cap * sizeof *v);
        if (v == NULL)
            return jm_fail(err, JM_ERR_NOMEM, file, line, "out of memory");
        l->v = v;
        l->cap = cap;
    }
    struct jm_rule_entry *e = &l->v[l->n++];
    e->key = jm_arena_strndup(&r->arena, key, strlen(key));
    e->value = value ? jm_arena_strndup(&r->arena, value, strlen(value)) : NULL;
    e->file = file;
    e->line = line;
    if (e->key == NULL || (value && e->value == NULL))
        return jm_fail(err, JM_ERR_NOMEM, file, line, "out of memory");
    return JM_OK;
}

static jm_status parse_rule_line(jm_rules *r, char *s, const char *file, long line, int *cls,
                                 jm_error *err)
{
    char *body = jm_trim(s);
    if (*body == '\0' || *body == '#')
        return JM_OK;
    /* "[name]" names a class; an entry may start with '[' too: "[0-9]+%". */
    size_t name = strspn(body + 1, "abcdefghijklmnopqrstuvwxyz-");
    if (*body == '[' && name > 0 && body[1 + name] == ']' && body[2 + name] == '\0') {
        char *close = body + 1 + name;
        *close = '\0';
        for (int c = 0; c < JM_RC_COUNT; c++) {
            if (strcmp(class_info[c].name, body + 1) == 0) {
                *cls = c;
                return JM_OK;
            }
        }
        return jm_fail(err, JM_ERR_DICT, file, line, "unknown class '[%s]'", body + 1);
    }
    if (*cls < 0)
        return jm_fail(err, JM_ERR_DICT, file, line, "'%s' comes before any [class]", body);
    char *arrow = strstr(body, " => ");
    bool map = class_info[*cls].shape == SHAPE_MAP;
    if (map != (arrow != NULL))
        return jm_fail(err, JM_ERR_DICT, file, line,
                       map ? "[%s] entries are 'key => value'" : "[%s] entries have no '=>'",
                       class_info[*cls].name);
    if (arrow != NULL) {
        *arrow = '\0';
        return add_entry(r, (enum jm_rule_class) * cls, jm_trim(body), jm_trim(arrow + 4), file,
                         line, err);
    }
    if (class_info[*cls].shape == SHAPE_VERB) {
        for (const char *p = body; *p; p++)
            if (!isalpha((unsigned char)*p) && *p != ' ' && *p != '-')
                return jm_fail(err, JM_ERR_DICT, file, line,
                               "[%s] lists plain verbs, not patterns: '%s'", class_info[*cls].name,
                               body);
    }
    return add_entry(r, (enum jm_rule_class) * cls, body, NULL, file, line, err);
}

static jm_status parse_rules_file(jm_rules *r, const char *path, jm_error *err)
{
    const char *file = jm_arena_strndup(&r->arena, path, strlen(path));
    if (file == NULL)
        return jm_fail(err, JM_ERR_NOMEM, path, 0, "out of memory");
    struct jm_arena scratch = {0};
    char *text = NULL;
    size_t len = 0;
    jm_status st = jm_read_text_file(file, &scratch, JM_ERR_DICT, &text, &len, err);
    int cls = -1;
    long lineno = 0;
    for (char *line = text; st == JM_OK && line < text + len;) {
        char *end = memchr(line, '\n', (size_t)(text + len - line));
        if (end == NULL)
            end = text + len;
        *end = '\0';
        st = parse_rule_line(r, line, file, ++lineno, &cls, err);
        line = end + 1;
    }
    jm_arena_free(&scratch);
    return st;
}

/* A directory's *.rules files in name order, or one .rules file. */
static jm_status parse_rules_path(jm_rules *r, const char *path, jm_error *err)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return jm_fail(err, JM_ERR_DICT, path, 0, "cannot open: %s", strerror(errno));
    if (!S_ISDIR(sb.st_mode)) /* a keyword dictionary is not ours */
        return jm_has_suffix(path, ".rules") ? parse_rules_file(r, path, err) : JM_OK;
    char **names;
    size_t n;
    jm_status st = jm_list_dir(path, ".rules", JM_ERR_DICT, &names, &n, err);
    for (size_t i = 0; i < n && st == JM_OK; i++)
        st = parse_rules_file(r, names[i], err);
    jm_free_names(names, n);
    return st;
}

/* ---- verbs -------------------------------------------------------------- */

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* plan -> planned, ship -> shipping: a short verb ending consonant-vowel-consonant. */
static bool doubles_final(const char *w, size_t n)
{
    return (n == 3 || (n == 4 && !is_vowel(w[0]))) && !is_vowel(w[n - 1]) &&
           strchr("wxy", w[n - 1]) == NULL && is_vowel(w[n - 2]) && !is_vowel(w[n - 3]);
}

/* The first word of `base` inflected by `form`, then the rest: "speed up" -> "sped up". */
static char *inflect(jm_rules *r, const char *base, enum jm_verb_form form)
{
    const char *space = strchr(base, ' ');
    int n = (int)(space ? (size_t)(space - base) : strlen(base));
    const char *rest = space ? space : "", *w = base;
    char out[128];
    int len = -1;
    const struct jm_rule_list *irr = &r->lists[JM_RC_IRREGULAR];
    for (size_t i = 0; form == JM_VERB_PAST && i < irr->n && len < 0; i++) {
        if (strcmp(irr->v[i].key, base) == 0) /* "speed up => sped up" */
            len = snprintf(out, sizeof out, "%s", irr->v[i].value);
        else if ((int)strlen(irr->v[i].key) == n && strncmp(irr->v[i].key, base, (size_t)n) == 0)
            len = snprintf(out, sizeof out, "%s%s", irr->v[i].value, rest);
    }
    if (len < 0 && n > 0) {
        char last = w[n - 1], before = n > 1 ? w[n - 2] : 'a';
        bool past = form == JM_VERB_PAST;
        if (form == JM_VERB_BASE)
            len = snprintf(out, sizeof out, "%s", base);
        else if (past && last == 'e')
            len = snprintf(out, sizeof out, "%.*sd%s", n, w, rest);
        else if ((past || form == JM_VERB_THIRD) && last == 'y' && !is_vowel(before))
            len = snprintf(out, sizeof out, "%.*s%s%s", n - 1, w, past ? "ied" : "ies", rest);
        else if (form == JM_VERB_THIRD)
            len = snprintf(
                out, sizeof out, "%.*s%s%s", n, w,
                strchr("sxz", last) || (last == 'h' && strchr("cs", before)) ? "es" : "s", rest);
        else if (!past && last == 'e' && before == 'i')
            len = snprintf(out, sizeof out, "%.*sying%s", n - 2, w, rest);
        else if (!past && last == 'e' && !strchr("eoy", before))
            len = snprintf(out, sizeof out, "%.*sing%s", n - 1, w, rest);
        else if (doubles_final(w, (size_t)n))
            len = snprintf(out, sizeof out, "%.*s%c%s%s", n, w, last, past ? "ed" : "ing", rest);
        else
            len = snprintf(out, sizeof out, "%.*s%s%s", n, w, past ? "ed" : "ing", rest);
    }
    if (len < 0 || (size_t)len >= sizeof out)
        return NULL;
    return jm_arena_strndup(&r->arena, out, (size_t)len);
}

static jm_status add_verbs(jm_rules *r, enum jm_rule_class c, bool outcome, jm_error *err)
{
    const struct jm_rule_list *l = &r->lists[c];
    for (size_t i = 0; i < l->n; i++) {
        if (r->nverbs == r->capverbs) {
            size_t cap = r->capverbs ? 2 * r->capverbs : 256;
            struct jm_verb *v = realloc(r->verbs, cap * sizeof *v);
            if (v == NULL)
                return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
            r->verbs = v;
            r->capverbs = cap;
        }
        struct jm_verb *v = &r->verbs[r->nverbs++];
        v->outcome = outcome;
        v->multiplier = c == JM_RC_MULTIPLIER_VERB;
        for (int f = 0; f < JM_VERB_FORMS; f++)
            if ((v->form[f] = inflect(r, l->v[i].key, (enum jm_verb_form)f)) == NULL)
                return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    }
    return JM_OK;
}

/*
 * Every form of every verb in one open-addressing table. Where two verbs or two forms
 * share a spelling, the past wins ("cut", "set", "led"): a finished role reads as past.
 */
static jm_status index_verbs(jm_rules *r, jm_error *err)
{
    size_t cap = 64;
    while (cap < 3 * r->nverbs * JM_VERB_FORMS)
        cap *= 2;
    r->forms = calloc(cap, sizeof *r->forms);
    if (r->forms == NULL)
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    r->form_mask = cap - 1;
    static const enum jm_verb_form order[] = {JM_VERB_PAST, JM_VERB_BASE, JM_VERB_THIRD,
                                              JM_VERB_GERUND};
    for (size_t k = 0; k < JM_VERB_FORMS; k++) {
        for (size_t i = 0; i < r->nverbs; i++) {
            const char *text = r->verbs[i].form[order[k]];
            size_t n = strlen(text), h = jm_hash_ci(text, n) & r->form_mask;
            for (; r->forms[h].text != NULL; h = (h + 1) & r->form_mask)
                if (strcmp(r->forms[h].text, text) == 0)
                    break;
            if (r->forms[h].text == NULL)
                r->forms[h] = (struct jm_verb_spelling){text, (uint32_t)i, order[k]};
        }
    }
    return JM_OK;
}

const struct jm_verb *jm_rules_verb(const jm_rules *r, const char *word, size_t n,
                                    enum jm_verb_form *form)
{
    if (n == 0)
        return NULL;
    for (size_t h = jm_hash_ci(word, n) & r->form_mask; r->forms[h].text != NULL;
         h = (h + 1) & r->form_mask) {
        const char *t = r->forms[h].text;
        if (strncasecmp(t, word, n) == 0 && t[n] == '\0') {
            *form = r->forms[h].form;
            return &r->verbs[r->forms[h].verb];
        }
    }
    return NULL;
}

/* ---- compiling ---------------------------------------------------------- */

static void put_define(struct jm_buf *b, const jm_rules *r)
{
    const struct jm_rule_list *l = &r->lists[JM_RC_DEFINE];
    if (l->n == 0)
        return;
    jm_buf_puts(b, "(?(DEFINE)");
    for (size_t i = 0; i < l->n; i++)
        jm_buf_printf(b, "(?<%s>%s)", l->v[i].key, l->v[i].value);
    jm_buf_puts(b, ")");
}

/* The pattern of an entry: the value of a 'key => pattern' class, else the entry. */
static const char *entry_pattern(enum jm_rule_class c, const struct jm_rule_entry *e)
{
    return class_info[c].shape == SHAPE_MAP && c != JM_RC_MEASURE_HINT ? e->value : e->key;
}

/* `b` compiled, or NULL with PCRE2's error code in *rc. */
static pcre2_code *compile_pattern(const struct jm_buf *b, uint32_t options, int *rc)
{
    PCRE2_SIZE off;
    return pcre2_compile((PCRE2_SPTR)b->data, b->len, PCRE2_UTF | PCRE2_UCP | options, rc, &off,
                         NULL);
}

/* Compiles `b`; on failure, finds the entry of class `c` at fault to name its file and line. */
static jm_status compile(jm_rules *r, struct jm_buf *b, uint32_t options, pcre2_code **out,
                         enum jm_rule_class c, jm_error *err)
{
    int rc;
    if (b->failed)
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    *out = compile_pattern(b, options, &rc);
    /* Interpreted: JIT compiling costs more than a resume of a few bullets saves; a copy is
     * JIT-compiled once a run matches often (jm_rules_match). */
    if (*out != NULL)
        return JM_OK;
    PCRE2_UCHAR msg[160];
    pcre2_get_error_message(rc, msg, sizeof msg);
    const struct jm_rule_list *blame = &r->lists[c < JM_RC_COUNT ? c : JM_RC_DEFINE];
    for (size_t i = 0; c < JM_RC_COUNT && i < blame->n; i++) {
        struct jm_buf one = {0};
        put_define(&one, r);
        jm_buf_puts(&one, entry_pattern(c, &blame->v[i]));
        pcre2_code *alone = one.failed ? NULL : compile_pattern(&one, options, &rc);
        jm_buf_free(&one);
        if (alone == NULL)
            return jm_fail(err, JM_ERR_DICT, blame->v[i].file, blame->v[i].line,
                           "pattern does not compile: %s", (char *)msg);
        pcre2_code_free(alone);
    }
    return jm_fail(err, JM_ERR_DICT, blame->n ? blame->v[0].file : "",
                   blame->n ? blame->v[0].line : 0, "rules do not compile: %s", (char *)msg);
}

/* The define called at `p` ("(?&name)"), or NULL. */
static const struct jm_rule_entry *define_at(const jm_rules *r, const char *p, size_t *len)
{
    const struct jm_rule_list *l = &r->lists[JM_RC_DEFINE];
    for (size_t i = 0; i < l->n; i++) {
        size_t k = strlen(l->v[i].key);
        if (strncmp(p + 3, l->v[i].key, k) == 0 && p[3 + k] == ')') {
            *len = k + 4;
            return &l->v[i];
        }
    }
    return NULL;
}

enum { INLINE_DEPTH = 8, INLINE_MAX = 1 << 20 };

/* `p` with each call of a define replaced by the define's pattern, to INLINE_DEPTH calls
 * deep (a define may call itself); "\\(?&" is a literal parenthesis, not a call. False
 * when the result would pass INLINE_MAX bytes (defines calling each other many times). */
static bool inline_calls(struct jm_buf *out, const jm_rules *r, const char *p, int depth)
{
    while (*p) {
        const char *call = strstr(p, "(?&");
        size_t len = 0;
        const struct jm_rule_entry *d =
            call && depth < INLINE_DEPTH && (call == p || call[-1] != '\\')
                ? define_at(r, call, &len)
                : NULL;
        size_t upto = call ? (size_t)(call - p) + (d ? 0 : 3) : strlen(p);
        jm_buf_put(out, p, upto);
        p += upto;
        if (d) {
            jm_buf_puts(out, "(?:");
            if (!inline_calls(out, r, d->value, depth + 1))
                return false;
            jm_buf_puts(out, ")");
            p += len;
        }
        if (out->len > INLINE_MAX)
            return false;
    }
    return true;
}

/*
 * `body` with each number call, (?&num) or (?&numword), turned into the number token:
 * the judge replaces numbers by it before matching (phrasing.c), so that the classes
 * match one character where they would call a subroutine at every position. With
 * `inlined`, other calls are replaced by the groups they call (inline_calls), so that
 * PCRE2 optimizes across them: the knock-out classes match about 1.5 times faster. The
 * [define] groups are prefixed when a call remains.
 */
static void with_defines(struct jm_buf *out, const jm_rules *r, const struct jm_buf *body,
                         bool inlined)
{
    struct jm_buf t = {0};
    static const char *const calls[] = {"(?&num)", "(?&numword)"};
    for (const char *p = body->data ? body->data : ""; *p;) {
        const char *call = strstr(p, "(?&num");
        size_t k = 0;
        while (call && k < 2 && strncmp(call, calls[k], strlen(calls[k])) != 0)
            k++;
        size_t upto = call ? (size_t)(call - p) + (k < 2 ? 0 : 6) : strlen(p);
        jm_buf_put(&t, p, upto);
        p += upto;
        if (call && k < 2) {
            jm_buf_puts(&t, JM_NUMBER_TOKEN);
            p += strlen(calls[k]);
        }
    }
    struct jm_buf in = {0};
    const struct jm_buf *use = inlined && inline_calls(&in, r, t.data ? t.data : "", 0) ? &in : &t;
    if (use->data != NULL && strstr(use->data, "(?&") != NULL)
        put_define(out, r);
    jm_buf_put(out, use->data ? use->data : "", use->len);
    out->failed |= in.failed;
    jm_buf_free(&in);
    out->failed |= t.failed || body->failed;
    jm_buf_free(&t);
}

/*
 * One alternation of a class's entries between `pre` and `post`, but those labelled
 * `without` (or all, when NULL). With `marks`, each entry is tagged (*MARK:i), i its index
 * in the class, so that a match tells which entry matched.
 */
static jm_status compile_some(jm_rules *r, enum jm_rule_class c, const char *pre, const char *post,
                              uint32_t options, bool marks, const char *without, pcre2_code **out,
                              jm_error *err)
{
    const struct jm_rule_list *l = &r->lists[c];
    struct jm_buf body = {0}, b = {0};
    jm_buf_printf(&body, "%s(?:", pre);
    size_t kept = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (without != NULL && strcmp(l->v[i].key, without) == 0)
            continue;
        jm_buf_puts(&body, kept++ ? "|" : "");
        if (marks)
            jm_buf_printf(&body, "(*MARK:%zu)", i);
        jm_buf_printf(&body, "(?:%s)", entry_pattern(c, &l->v[i]));
    }
    if (kept == 0)
        jm_buf_puts(&body, "(*FAIL)");
    jm_buf_printf(&body, ")%s", post);
    /* Inlined when it compiles: PCRE2 caps a compiled pattern at 64 KB, which many calls
     * of long defines can pass; the subroutine calls are the way that always fits. */
    with_defines(&b, r, &body, true);
    int rc;
    *out = b.failed ? NULL : compile_pattern(&b, options, &rc);
    jm_status st = JM_OK;
    if (*out == NULL) {
        jm_buf_clear(&b);
        with_defines(&b, r, &body, false);
        st = compile(r, &b, options, out, c, err);
    }
    jm_buf_free(&body);
    jm_buf_free(&b);
    return st;
}

/* All of a class's entries in one alternation (compile_some). */
static jm_status compile_class(jm_rules *r, enum jm_rule_class c, const char *pre, const char *post,
                               uint32_t options, bool marks, pcre2_code **out, jm_error *err)
{
    return compile_some(r, c, pre, post, options, marks, NULL, out, err);
}

#define WORD_START "(?<![\\w'])(?:"
/* A match may end in a number glued to its unit ("3min"), not inside a word ("tests"+"ing"). */
#define WORD_END ")(?!(?<=\\p{L})[\\w'])"
/* Where an entry that starts at a word may start: a word boundary before a word character,
 * the latter written as a class of its first bytes (\\w, any non-ASCII letter) rather than as
 * \\w, so that PCRE2 can tell the bytes a match may start with, and skip the others at once:
 * (*MARK) and (?&define) in the entries hide them, and a large alternation then costs its
 * size at every position of every line (8 us a line, without this). The class is matched
 * case-sensitively, which changes nothing it accepts: caseless, PCRE2 folds each of its
 * million code points at compile time, 3.6 ms a pattern, most of a command's start-up. */
#define AT_WORD "\\b(?=(?-i:[A-Za-z0-9_\\x{80}-\\x{10ffff}]))"

static jm_status compile_all(jm_rules *r, jm_error *err)
{
    jm_status st = add_verbs(r, JM_RC_OUTCOME_VERB, true, err);
    if (st == JM_OK)
        st = add_verbs(r, JM_RC_MULTIPLIER_VERB, true, err);
    if (st == JM_OK)
        st = add_verbs(r, JM_RC_ACTION_VERB, false, err);
    if (st == JM_OK)
        st = index_verbs(r, err);
    const uint32_t ci = PCRE2_CASELESS;
    /* The opener may follow a bullet glyph, a bold lead-in ("Latency: …") or "I". */
    const char *opener = "^[\\W_]*(?:I\\s+)?(?:";
    if (st == JM_OK)
        st = compile_class(r, JM_RC_WEAK_OPENER, opener, WORD_END, ci, false, &r->re[JM_RE_OPENER],
                           err);
    if (st == JM_OK)
        st = compile_class(r, JM_RC_RESPONSIBILITY, opener, WORD_END, ci, false,
                           &r->re[JM_RE_FRAME], err);
    static const struct {
        enum jm_rule_class c;
        enum jm_regex re;
        uint32_t options;
    } plain[] = {
        {JM_RC_BENEFIT, JM_RE_BENEFIT, PCRE2_CASELESS},
        {JM_RC_PURPOSE, JM_RE_PURPOSE, PCRE2_CASELESS},
        {JM_RC_RECOGNITION, JM_RE_RECOGNITION, PCRE2_CASELESS},
        {JM_RC_MILESTONE, JM_RE_MILESTONE, PCRE2_CASELESS},
        {JM_RC_MEASURED, JM_RE_MEASURED, PCRE2_CASELESS},
        {JM_RC_USAGE, JM_RE_USAGE, PCRE2_CASELESS},
        {JM_RC_SCOPE, JM_RE_SCOPE, PCRE2_CASELESS},
        {JM_RC_OUTPUT_COUNT, JM_RE_OUTPUT, PCRE2_CASELESS},
        {JM_RC_FIRST_PERSON, JM_RE_FIRST_PERSON, 0},
        {JM_RC_NOT_OUTCOME, JM_RE_NOT_OUTCOME, PCRE2_CASELESS},
    };
    for (size_t i = 0; i < sizeof plain / sizeof *plain && st == JM_OK; i++)
        st = compile_class(r, plain[i].c, WORD_START, WORD_END, plain[i].options, false,
                           &r->re[plain[i].re], err);
    if (st == JM_OK) /* "2018 – present": a role still held */
        st = compile_class(r, JM_RC_CURRENT_ROLE,
                           "\\b(?:(?:19|20)\\d\\d\\s*(?:[-–—]+|to|until|till)|since)\\s*(?:",
                           WORD_END, ci, false, &r->re[JM_RE_CURRENT_ROLE], err);
    if (st == JM_OK) { /* the numbers themselves, which the judge turns into tokens */
        struct jm_buf b = {0};
        put_define(&b, r);
        jm_buf_puts(&b, "(?&num)");
        st = compile(r, &b, ci, &r->re[JM_RE_NUMBER], JM_RC_DEFINE, err);
        jm_buf_free(&b);
    }
    if (st == JM_OK) { /* "2016 – 2018", "Jun 2018 – Feb 2021", "03/2019 - 05/2021" */
        struct jm_buf b = {0};
        jm_buf_puts(&b, "\\b(?:\\d{1,2}/)?(?:19|20)\\d\\d\\s*(?:[-–—]+|to|until|till)\\s*"
                        "(?:[A-Za-z]+\\.?\\s+|\\d{1,2}/)?(?:19|20)\\d\\d\\b");
        st = compile(r, &b, ci, &r->re[JM_RE_PAST_ROLE], JM_RC_COUNT, err);
        jm_buf_free(&b);
    }
    if (st == JM_OK)
        st = compile_class(r, JM_RC_METRIC, "(?<!\\w)", "", ci, true, &r->re[JM_RE_METRIC], err);
        /* The requirements a resume states of itself: years of experience are counted from its
         * roles, and their patterns, which try every number, cost most. */
#define FACT_WITHOUT "experience"

    /* Knock-out requirements of a posting and what qualifies them: EEO text, internships
     * excluded (knockout.c). Every entry starts at a word: the \b up front turns most
     * positions down at once, before the entries are tried. */
    if (st == JM_OK)
        st = compile_class(r, JM_RC_REQUIREMENT, AT_WORD, "", ci, true, &r->re[JM_RE_REQUIREMENT],
                           err);
    if (st == JM_OK)
        st = compile_class(r, JM_RC_REQUIREMENT_CUE, AT_WORD, "", ci, true,
                           &r->re[JM_RE_REQUIREMENT_CUE], err);
    if (st == JM_OK)
        st = compile_some(r, JM_RC_REQUIREMENT, AT_WORD, "", ci, true, FACT_WITHOUT,
                          &r->re[JM_RE_FACT], err);
    if (st == JM_OK) /* topics are word beginnings: "latenc" */
        st = compile_class(r, JM_RC_MEASURE_HINT, AT_WORD, "", ci, true, &r->re[JM_RE_HINT], err);
    return st;
}

jm_status jm_rules_load(const char *const *paths, size_t npaths, jm_rules **out, jm_error *err)
{
    *out = NULL;
    jm_rules *r = calloc(1, sizeof *r);
    if (r == NULL)
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    jm_status st = JM_OK;
    for (size_t i = 0; i < npaths && st == JM_OK; i++)
        st = parse_rules_path(r, paths[i], err);
    if (st == JM_OK && r->lists[JM_RC_OUTCOME_VERB].n == 0)
        st = jm_fail(err, JM_ERR_DICT, npaths ? paths[0] : "", 0,
                     "no phrasing rules found (*.rules files)");
    if (st == JM_OK)
        st = compile_all(r, err);
    if (st == JM_OK && (r->mctx = pcre2_match_context_create(NULL)) == NULL)
        st = jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    if (st == JM_OK)
        pcre2_set_match_limit(r->mctx, (uint32_t)jm_limit()->rule_steps);
    if (st != JM_OK) {
        jm_rules_free(r);
        return st;
    }
    *out = r;
    return JM_OK;
}

void jm_rules_free(jm_rules *r)
{
    if (r == NULL)
        return;
    for (int i = 0; i < JM_RE_COUNT; i++) {
        pcre2_code_free(r->re[i]);
        pcre2_code_free(atomic_load(&r->jit[i]));
    }
    for (int c = 0; c < JM_RC_COUNT; c++)
        free(r->lists[c].v);
    free(r->verbs);
    free(r->forms);
    pcre2_match_context_free(r->mctx);
    jm_arena_free(&r->arena);
    free(r);
}

enum jm_role_time jm_rules_role_time(const jm_rules *r, const char *text, size_t n)
{
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    enum jm_role_time t = JM_TIME_UNKNOWN;
    if (md && jm_rules_match(r, JM_RE_CURRENT_ROLE, text, n, 0, 0, md) >= 0)
        t = JM_TIME_CURRENT;
    else if (md && jm_rules_match(r, JM_RE_PAST_ROLE, text, n, 0, 0, md) >= 0)
        t = JM_TIME_PAST;
    pcre2_match_data_free(md);
    return t;
}

/*
 * The knock-out patterns run over every block of both documents, unanchored, through
 * subroutine calls ((?&yspan), (?&lang)) at each word: JIT pays for itself many times over
 * there, but only where they run. A JIT-compiled copy is made on first use; two threads may
 * both make one, and the loser frees its own. Without JIT support, the copy interprets.
 */
/* Matches before JIT compiling pays for itself: 15 patterns cost about 40 ms to compile,
 * which a resume of a thousand bullets saves; one of thirty never should pay it. */
enum { JIT_AFTER = 20000 };

static const pcre2_code *jitted(const jm_rules *r, int i)
{
    pcre2_code *_Atomic *slot = (pcre2_code * _Atomic *)&r->jit[i];
    pcre2_code *code = atomic_load(slot);
    if (code != NULL)
        return code;
    pcre2_code *copy = pcre2_code_copy(r->re[i]);
    if (copy == NULL)
        return r->re[i];
    pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE);
    pcre2_code *none = NULL;
    if (atomic_compare_exchange_strong(slot, &none, copy))
        return copy;
    pcre2_code_free(copy);
    return none;
}

int jm_rules_match(const jm_rules *r, enum jm_regex re, const char *text, size_t n, size_t from,
                   uint32_t options, pcre2_match_data *md)
{
    /* Relaxed: which call crosses the threshold does not matter, only that one does. */
    bool hot = atomic_fetch_add_explicit((atomic_ulong *)&r->matches, 1, memory_order_relaxed) >=
               JIT_AFTER;
    const pcre2_code *code = hot ? jitted(r, re) : r->re[re];
    int rc = pcre2_match(code, (PCRE2_SPTR)text, n, from, options, md, r->mctx);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT) /* the interpreter has a heap */
        rc = pcre2_match(code, (PCRE2_SPTR)text, n, from, options | PCRE2_NO_JIT, md, r->mctx);
    return rc;
}

int jm_rules_next_hit(const jm_rules *r, enum jm_label_class c, const char *text, size_t n,
                      size_t from, struct jm_rule_hit *hit)
{
    enum jm_rule_class cls = c == JM_LABELS_CUE ? JM_RC_REQUIREMENT_CUE : JM_RC_REQUIREMENT;
    const pcre2_code *re = jitted(r, c == JM_LABELS_CUE    ? JM_RE_REQUIREMENT_CUE
                                     : c == JM_LABELS_FACT ? JM_RE_FACT
                                                           : JM_RE_REQUIREMENT);
    n = jm_utf8_cut(text, n, jm_limit()->line); /* a longer one is a paragraph, not a line */
    if (from >= n)
        return 0;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    if (md == NULL)
        return -1;
    /* Never empty, or a caller resuming at the end of a hit would not move on. */
    int rc = pcre2_match(re, (PCRE2_SPTR)text, n, from, PCRE2_NOTEMPTY, md, r->mctx);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT) /* the interpreter has a heap */
        rc = pcre2_match(re, (PCRE2_SPTR)text, n, from, PCRE2_NOTEMPTY | PCRE2_NO_JIT, md, r->mctx);
    int found = rc >= 0;
    if (found) {
        /* The alternation marks each entry with its index in the class. */
        PCRE2_SPTR mark = pcre2_get_mark(md);
        const struct jm_rule_list *labels = &r->lists[cls];
        size_t k = mark ? strtoul((const char *)mark, NULL, 10) : labels->n;
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        *hit = (struct jm_rule_hit){k < labels->n ? labels->v[k].key : "requirement", ov[0], ov[1]};
    }
    pcre2_match_data_free(md);
    return found;
}
