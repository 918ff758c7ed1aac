/*
 * cmd_dict.c - `jobmatch dict check|list|show`: the dictionaries' own tools.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"

#define WORDLIST "/usr/share/dict/words"

struct check {
    char *const *only; /* report only for files under these paths; none: all */
    int nonly;
    size_t errors, warnings;
};

static bool wanted(const struct check *c, const char *file)
{
    for (int i = 0; i < c->nonly; i++)
        if (strncmp(file, c->only[i], strlen(c->only[i])) == 0)
            return true;
    return c->nonly == 0;
}

static void print_diagnostic(void *ctx, const jm_diagnostic *d)
{
    struct check *c = ctx;
    if (!wanted(c, d->file))
        return;
    printf("%s:%ld: %s: %s\n", d->file, d->line, d->error ? "error" : "warning", d->message);
    *(d->error ? &c->errors : &c->warnings) += 1;
}

/* Loading stops at the first error, which is the one to fix first. */
static int loading_failed(jm_status st, const jm_error *err)
{
    printf("%s:%ld: error: %s\n", err->where, err->line, err->msg);
    printf("1 error (loading stopped there)\n");
    return exit_code_for(st) == EXIT_INTERNAL ? EXIT_INTERNAL : EXIT_DICT;
}

int cmd_dict_check(const struct cli *cli)
{
    struct check c = {cli->args, cli->nargs, 0, 0};
    jm_dict *dict = NULL;
    jm_rules *rules = NULL;
    jm_error err = {0};
    /* From the files, never an image: the check is about them. The .rules files too:
     * a pattern that does not compile there would fail every later match. */
    jm_status st = open_dictionaries(cli, c.only, c.nonly, false, &dict, &err);
    if (st == JM_OK && (st = open_rules(cli, c.only, c.nonly, &rules, &err)) != JM_OK)
        jm_dict_free(dict);
    jm_rules_free(rules);
    if (st != JM_OK)
        return loading_failed(st, &err);
    bool words = access(WORDLIST, R_OK) == 0;
    if (!words)
        printf("note: no word list at %s (Debian: wamerican); English words not checked\n",
               WORDLIST);
    size_t errors, warnings;
    jm_dict_diagnose(dict, words ? WORDLIST : NULL, print_diagnostic, &c, &errors, &warnings);
    printf("%zu terms: %zu errors, %zu warnings\n", jm_dict_size(dict), c.errors, c.warnings);
    jm_dict_free(dict);
    return c.errors > 0 ? EXIT_DICT : EXIT_OK;
}

static int by_category(const void *a, const void *b)
{
    const jm_term_info *x = a, *y = b;
    int c = strcmp(x->category, y->category);
    return c ? c : strcasecmp(x->name, y->name);
}

static void print_list(const char *label, const char *const *items, size_t n)
{
    if (n == 0)
        return;
    printf("  %-12s", label);
    for (size_t i = 0; i < n; i++)
        printf("%s%s", i ? ", " : "", items[i]);
    putchar('\n');
}

static cJSON *string_array(const char *const *items, size_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(items[i]));
    return a;
}

static int dict_list(const struct cli *cli, const jm_dict *dict)
{
    size_t n = jm_dict_size(dict), k = 0;
    jm_term_info *terms = calloc(n ? n : 1, sizeof *terms);
    if (terms == NULL)
        return errorf("out of memory"), EXIT_INTERNAL;
    for (size_t i = 0; i < n; i++) {
        jm_dict_term(dict, i, &terms[k]);
        k += cli->category == NULL || strcmp(terms[k].category, cli->category) == 0;
    }
    qsort(terms, k, sizeof *terms, by_category);
    int rc = EXIT_OK;
    if (cli->format == JM_REPORT_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject(), *arr = cJSON_AddArrayToObject(root, "terms");
        cJSON_AddNumberToObject(root, "schema_version", JM_SCHEMA_VERSION);
        for (size_t i = 0; i < k; i++) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "name", terms[i].name);
            cJSON_AddStringToObject(o, "category", terms[i].category);
            cJSON_AddItemToObject(o, "aliases", string_array(terms[i].aliases, terms[i].naliases));
            cJSON_AddBoolToObject(o, "guarded", terms[i].has_guard);
            cJSON_AddItemToArray(arr, o);
        }
        rc = json_print(root);
    } else {
        for (size_t i = 0; i < k; i++) {
            printf("%-18s %-28s", terms[i].category, terms[i].name);
            for (size_t a = 0; a < terms[i].naliases; a++)
                printf("%s%s", a ? ", " : "", terms[i].aliases[a]);
            putchar('\n');
        }
    }
    if (k == 0 && cli->category != NULL) {
        errorf("no term in category '%s'", cli->category);
        rc = EXIT_BELOW;
    }
    free(terms);
    return rc;
}

/* The names of the terms that imply `name`, or share one of its groups. */
static void print_relations(const jm_dict *dict, const jm_term_info *t)
{
    printf("  %-12s", "implied by");
    bool any = false;
    for (size_t i = 0; i < jm_dict_size(dict); i++) {
        jm_term_info o;
        jm_dict_term(dict, i, &o);
        for (size_t k = 0; k < o.nimplies; k++)
            if (strcasecmp(o.implies[k], t->name) == 0) {
                printf("%s%s", any ? ", " : "", o.name);
                any = true;
            }
    }
    puts(any ? "" : "-");
    for (size_t g = 0; g < t->nrelated; g++) {
        printf("  %-12s%s: ", "related", t->related[g]);
        any = false;
        for (size_t i = 0; i < jm_dict_size(dict); i++) {
            jm_term_info o;
            jm_dict_term(dict, i, &o);
            for (size_t h = 0; h < o.nrelated; h++)
                if (strcmp(o.related[h], t->related[g]) == 0 && strcmp(o.name, t->name) != 0) {
                    printf("%s%s", any ? ", " : "", o.name);
                    any = true;
                }
        }
        putchar('\n');
    }
}

static int dict_show(const struct cli *cli, const jm_dict *dict)
{
    long i = jm_dict_lookup(dict, cli->args[0]);
    if (i < 0) {
        errorf("no term or alias '%s' in the dictionaries", cli->args[0]);
        return EXIT_BELOW;
    }
    jm_term_info t;
    jm_dict_term(dict, (size_t)i, &t);
    printf("%s (%s)\n  %-12s%s:%ld\n", t.name, t.category, "defined at", t.file, t.line);
    print_list("aliases", t.aliases, t.naliases);
    if (t.has_guard) {
        printf("  %-12s", "guarded");
        if (t.nguarded == 0)
            printf("every form");
        for (size_t k = 0; k < t.nguarded; k++)
            printf("%s%s", k ? ", " : "", t.guarded[k]);
        puts(t.case_exact ? " (exact case)" : "");
    }
    if (t.context)
        printf("  %-12s%s\n", "context", t.context);
    if (t.reject)
        printf("  %-12s%s\n", "reject", t.reject);
    print_list("companions", t.companions, t.ncompanions);
    print_list("implies", t.implies, t.nimplies);
    print_relations(dict, &t);
    return EXIT_OK;
}

/* `dict list` and `dict show`: over the dictionaries loaded as for any other command. */
static int with_dictionaries(const struct cli *cli,
                             int (*use)(const struct cli *cli, const jm_dict *dict))
{
    jm_dict *dict = NULL;
    int rc = load_dictionaries(cli, &dict);
    if (rc == EXIT_OK)
        rc = use(cli, dict);
    jm_dict_free(dict);
    return rc; /* a failed write is caught once for every command (output_finish) */
}

int cmd_dict_list(const struct cli *cli)
{
    return with_dictionaries(cli, dict_list);
}

int cmd_dict_show(const struct cli *cli)
{
    return with_dictionaries(cli, dict_show);
}
