/*
 * dict_lint.c - what `jobmatch dict check` reports about a loaded
 * dictionary, beyond the errors that stop loading (syntax, an alias claimed
 * twice, an unknown implies or companion target):
 *
 *   errors    a pattern that does not compile or backtracks catastrophically;
 *             a cycle of implies;
 *   warnings  an alias that swallows another term it does not imply (the
 *             longest form wins, so "django rest" would hide Django); an
 *             unguarded form that is a common English word; a related group
 *             with a single member (a typo, usually).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "dict.h"

enum { PROBE_LEN = 4000, PROBE_LIMIT = 1000000 };

struct lint {
    jm_dict *dict;
    jm_diagnostic_fn report;
    void *ctx;
    size_t errors, warnings;
    struct jm_walk walk; /* from the last term asked whether it implies another */
    bool walked;
};

static void diag(struct lint *l, bool error, const char *file, long line, const char *fmt, ...)
    JM_PRINTF(5, 6);

static void diag(struct lint *l, bool error, const char *file, long line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    jm_diagnostic d = {error, file, line, msg};
    l->report(l->ctx, &d);
    *(error ? &l->errors : &l->warnings) += 1;
}

/* Lines a guard may meet: long runs where nested quantifiers explode. */
static bool backtracks(const pcre2_code *code)
{
    static const char *const units[] = {"a", "a ", "a-", "0", "aa.", " "};
    char subject[PROBE_LEN + 2];
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    bool bad = md == NULL || mc == NULL;
    if (!bad)
        pcre2_set_match_limit(mc, PROBE_LIMIT);
    for (size_t u = 0; !bad && u < sizeof units / sizeof units[0]; u++) {
        size_t k = strlen(units[u]), n = 0;
        while (n + k <= PROBE_LEN)
            memcpy(subject + n, units[u], k), n += k;
        subject[n++] = '!';
        int rc = pcre2_match(code, (PCRE2_SPTR)subject, n, 0, 0, md, mc);
        bad = rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
              rc == PCRE2_ERROR_HEAPLIMIT;
    }
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
    return bad;
}

static void check_pattern(struct lint *l, struct jm_pattern *p)
{
    if (p->source == NULL)
        return;
    jm_error err = {0};
    const pcre2_code *code = jm_pattern_code(p, &err);
    if (code == NULL)
        diag(l, true, p->file, p->line, "%s", err.msg);
    else if (backtracks(code))
        diag(l, true, p->file, p->line,
             "pattern backtracks catastrophically on a long line (nested quantifiers?)");
}

/*
 * The strongly connected components of the implies graph, comp[t] for each term; their
 * number. Tarjan's algorithm, with an explicit stack (a long chain would overflow the C
 * one): linear, where walking each term's implications was quadratic in a chain. False when
 * out of memory.
 */
static bool components(const jm_dict *d, uint32_t *comp)
{
    size_t n = d->nterms ? d->nterms : 1, top = 0, depth = 0;
    uint32_t *index = calloc(n, sizeof *index), *low = malloc(n * sizeof *low);
    uint32_t *stack = malloc(n * sizeof *stack), *path = malloc(n * sizeof *path);
    size_t *edge = malloc(n * sizeof *edge);
    bool *on = calloc(n, sizeof *on);
    bool ok = index && low && stack && path && edge && on;
    uint32_t next = 1, ncomp = 0;
    for (uint32_t s = 0; ok && s < d->nterms; s++) {
        if (index[s] != 0)
            continue;
        index[s] = low[s] = next++, stack[top++] = s, on[s] = true;
        path[0] = s, edge[0] = 0, depth = 1;
        while (depth > 0) {
            uint32_t v = path[depth - 1];
            const struct jm_list *out = &d->terms[v].implies;
            JM_WORK(1); /* a step: an edge, or a term done */
            if (edge[depth - 1] < out->n) {
                uint32_t w = out->ids[edge[depth - 1]++];
                if (index[w] == 0) {
                    index[w] = low[w] = next++, stack[top++] = w, on[w] = true;
                    path[depth] = w, edge[depth] = 0, depth++;
                } else if (on[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            if (low[v] == index[v]) { /* v is the root of a component: pop it */
                uint32_t w;
                do {
                    w = stack[--top];
                    on[w] = false;
                    comp[w] = ncomp;
                } while (w != v);
                ncomp++;
            }
            if (--depth > 0 && low[v] < low[path[depth - 1]])
                low[path[depth - 1]] = low[v];
        }
    }
    free(index), free(low), free(stack), free(path), free(edge), free(on);
    return ok;
}

/* A term that reaches itself through implies: one in a component of two terms or more. It
 * is named with the first term (in dictionary order) of its component that implies it.
 * False when out of memory. */
static bool check_cycles(struct lint *l)
{
    const jm_dict *d = l->dict;
    size_t n = d->nterms ? d->nterms : 1;
    uint32_t *comp = malloc(n * sizeof *comp), *size = calloc(n, sizeof *size);
    uint32_t *through = malloc(n * sizeof *through);
    if (comp == NULL || size == NULL || through == NULL || !components(d, comp)) {
        free(comp), free(size), free(through);
        return false;
    }
    for (size_t i = 0; i < d->nterms; i++)
        size[comp[i]]++, through[i] = JM_NONE;
    for (uint32_t i = 0; i < d->nterms; i++)
        for (size_t k = 0; k < d->terms[i].implies.n; k++) {
            uint32_t v = d->terms[i].implies.ids[k];
            if (v != i && comp[v] == comp[i] && through[v] == JM_NONE)
                through[v] = i;
        }
    for (size_t i = 0; i < d->nterms; i++)
        if (size[comp[i]] > 1)
            diag(l, true, d->terms[i].file, d->terms[i].line, "'%s' implies itself through '%s'",
                 d->terms[i].name, d->terms[through[i]].name);
    free(comp), free(size), free(through);
    return true;
}

/* Whether `owner` implies `other`, transitively: one walk per owner asked about. */
static bool implies_term(struct lint *l, uint32_t owner, uint32_t other)
{
    if (!l->walked || l->walk.root != owner) {
        jm_walk_from(&l->walk, owner);
        l->walked = true;
    }
    return jm_walk_reached(&l->walk, other);
}

static void check_swallowing(struct lint *l, uint32_t owner, const char *text, const char *key,
                             size_t n)
{
    const jm_dict *d = l->dict;
    for (size_t start = 0; start < n; start++) {
        if (start > 0 && key[start - 1] != JM_SEP)
            continue;
        uint32_t node = 0;
        for (size_t j = start; j < n && (node = jm_trie_next(d, node, (unsigned char)key[j]));
             j++) {
            bool boundary = j + 1 == n || key[j + 1] == JM_SEP;
            if (!boundary || (start == 0 && j + 1 == n))
                continue;
            for (uint32_t f = d->node_form[node]; f != JM_NONE; f = d->forms[f].next) {
                uint32_t other = d->forms[f].term;
                /* A longer name hiding an ambiguous (guarded) form is the point:
                 * "Apache Hive" is not the Apache web server. */
                if (other != owner && !d->forms[f].guarded && !implies_term(l, owner, other))
                    diag(l, false, d->terms[owner].file, d->terms[owner].line,
                         "form '%s' of '%s' hides '%s' (%s:%ld): add 'implies: %s' or drop "
                         "the form",
                         text, d->terms[owner].name, d->terms[other].name, d->terms[other].file,
                         d->terms[other].line, d->terms[other].name);
            }
        }
    }
}

struct words {
    char **list;
    size_t n;
};

static int cmp_word(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The all-lower-case entries of a word list: proper nouns are not "words". */
static bool load_words(const char *path, struct words *w)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return false;
    char line[128];
    size_t cap = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        bool lower = line[0] != '\0';
        for (const char *p = line; *p; p++)
            lower &= islower((unsigned char)*p) != 0;
        if (!lower)
            continue;
        if (w->n == cap) {
            cap = cap ? cap * 2 : 4096;
            char **p = realloc(w->list, cap * sizeof *p);
            if (p == NULL)
                break;
            w->list = p;
        }
        w->list[w->n] = strdup(line);
        if (w->list[w->n] != NULL)
            w->n++;
    }
    fclose(f);
    qsort(w->list, w->n, sizeof *w->list, cmp_word);
    return true;
}

static void free_words(struct words *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->list[i]);
    free(w->list);
}

static bool is_word(const struct words *w, const char *key)
{
    return w->n > 0 && bsearch(&key, w->list, w->n, sizeof *w->list, cmp_word) != NULL;
}

static void check_forms(struct lint *l, const struct words *words)
{
    jm_dict *d = l->dict;
    struct jm_arena scratch = {0};
    for (size_t f = 0; f < d->nforms; f++) {
        const struct jm_form *form = &d->forms[f];
        if (form->glued)
            continue; /* its written form is checked already */
        size_t n;
        char *key = jm_form_key(&scratch, form->text, &n);
        if (key == NULL)
            break;
        check_swallowing(l, form->term, form->text, key, n);
        const struct jm_term *t = &d->terms[form->term];
        if (!form->guarded && !t->english_rare && is_word(words, key))
            diag(l, false, t->file, t->line,
                 "'%s' of '%s' is an English word: guard it, or say 'english: rare'", form->text,
                 t->name);
    }
    jm_arena_free(&scratch);
}

/* A related group named by one term only is usually a misspelt group. */
static int cmp_group(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A related group named by one term only. The names are sorted once, and each looked up:
 * counting each group's members over all terms was quadratic. False when out of memory. */
static bool check_groups(struct lint *l)
{
    const jm_dict *d = l->dict;
    size_t n = 0;
    for (size_t i = 0; i < d->nterms; i++)
        n += d->terms[i].nrelated;
    const char **all = malloc((n ? n : 1) * sizeof *all);
    if (all == NULL)
        return false;
    n = 0;
    for (size_t i = 0; i < d->nterms; i++)
        for (size_t g = 0; g < d->terms[i].nrelated; g++)
            all[n++] = d->terms[i].related[g];
    qsort(all, n, sizeof *all, cmp_group);
    for (size_t i = 0; i < d->nterms; i++) {
        for (size_t g = 0; g < d->terms[i].nrelated; g++) {
            const char *group = d->terms[i].related[g];
            const char **at = bsearch(&group, all, n, sizeof *all, cmp_group);
            JM_WORK(1);
            bool other = (at > all && strcmp(at[-1], group) == 0) ||
                         (at + 1 < all + n && strcmp(at[1], group) == 0);
            if (!other)
                diag(l, false, d->terms[i].file, d->terms[i].line,
                     "related group '%s' has no other member", group);
        }
    }
    free(all);
    return true;
}

jm_status jm_dict_diagnose(const jm_dict *dict, const char *wordlist, jm_diagnostic_fn report,
                           void *ctx, size_t *errors, size_t *warnings)
{
    /* Compiling patterns caches them: const in meaning, not in memory. */
    struct lint l = {.dict = (jm_dict *)dict, .report = report, .ctx = ctx};
    if (!jm_walk_init(&l.walk, dict, false))
        return JM_ERR_NOMEM;
    for (size_t i = 0; i < dict->nterms; i++) {
        check_pattern(&l, &l.dict->terms[i].context);
        check_pattern(&l, &l.dict->terms[i].reject);
    }
    bool ok = check_cycles(&l);
    struct words words = {0};
    if (wordlist != NULL)
        load_words(wordlist, &words);
    if (ok)
        check_forms(&l, &words);
    free_words(&words);
    ok = ok && check_groups(&l);
    jm_walk_free(&l.walk);
    *errors = l.errors;
    *warnings = l.warnings;
    if (!ok)
        return JM_ERR_NOMEM;
    return l.errors > 0 ? JM_ERR_DICT : JM_OK;
}
