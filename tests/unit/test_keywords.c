/*
 * Unit tests for src/keywords.c: whole-term semantics and guards on a small
 * dictionary written here, then every case of tests/cases/keywords.test
 * against the shipped dictionaries.
 */
#include <glob.h>

#include "unit.h"

static const char *const DICT =
    "[language]\n"
    "Java\nJavaScript\n    aliases: js\nC\n    guarded: C\n    case: exact\n"
    "    context: \\bc\\+\\+|\\b(?:languages?|embedded)\\b\n"
    "C++\nC#\n    aliases: csharp\nPython\n"
    "Go\n    aliases: golang\n    guarded: Go\n    case: exact\n"
    "    reject: \\bgo (?:ahead|further)\\b\n    companion: Kubernetes\n"
    "Rust\n    guarded: Rust\n    case: exact\n    companion: Go\n"
    "SQL\n"
    "[backend-framework]\nDjango\n    implies: Python\nNode.js\n    aliases: nodejs\n"
    "Spring\n    guarded: Spring\n    case: exact\n    reject: \\bspring \\d{4}\\b\n"
    "    context: \\b(?:java|boot)\\b\n"
    ".NET\n    aliases: dotnet\nASP.NET\n"
    "[practice]\nCI/CD\n    aliases: cicd\nMicroservices\n    aliases: microservice\n"
    "REST\n    aliases: rest api, restful\n"
    "[cloud]\nAmazon Web Services\n    aliases: aws\nAmazon SQS\n    aliases: sqs\n"
    "[container]\nKubernetes\n    aliases: k8s\n"
    "[database]\nPostgreSQL\n    aliases: postgres\n    implies: SQL\nCitus\n"
    "[soft-skill]\nCommunication\n";

static jm_dict *dict;

static int setup(void **state)
{
    jm_error err = {0};
    dict = dict_from(DICT, &err);
    if (dict == NULL)
        fprintf(stderr, "dict: line %ld: %s\n", err.line, err.msg);
    return dict == NULL;
}

static int teardown(void **state)
{
    jm_dict_free(dict);
    return 0;
}

static void expect(const char *text, const char *names)
{
    char *found = found_names(dict, text);
    if (strcmp(found, names) != 0)
        fail_msg("in \"%s\": found [%s], expected [%s]", text, found, names);
    free(found);
}

static void test_whole_words_only(void **state)
{
    expect("JavaScript and TypeScript\n", "JavaScript");
    expect("Java, not JavaScript\n", "Java, JavaScript");
    expect("Django developers\n", "Django"); /* not Go */
    expect("javascripting\n", "");
}

static void test_punctuated_terms(void **state)
{
    expect("Languages: C++, C#, C\n", "C, C#, C++");
    expect("modern C++17 and C++20\n", "C++");
    expect("Node.js services\n", "Node.js");
    expect("ASP.NET Core on .NET 8\n", ".NET, ASP.NET");
    expect("node.js is not node\n", "Node.js");
}

static void test_separator_variants(void **state)
{
    expect("CI/CD\n", "CI/CD");
    expect("CI-CD\n", "CI/CD");
    expect("CI / CD\n", "CI/CD");
    expect("cicd\n", "CI/CD");
    expect("Amazon-Web-Services\n", "Amazon Web Services");
}

static void test_plurals_and_possessives(void **state)
{
    expect("microservices\n", "Microservices");
    expect("REST APIs\n", "REST");
    expect("Postgres\xE2\x80\x99s planner and Python's GIL\n", "PostgreSQL, Python");
    /* Guarded forms take no plural: "Springs" is a place. */
    expect("Palm Springs Java office\n", "Java");
}

static void test_longest_form_wins(void **state)
{
    expect("Amazon Web Services\n", "Amazon Web Services");
    expect("Amazon SQS queues\n", "Amazon SQS");
}

static void test_case_exact_guard(void **state)
{
    expect("We use Go and Kubernetes\n", "Go, Kubernetes");
    expect("we go and use Kubernetes\n", "Kubernetes");
    expect("GOLANG\n", "Go"); /* an unguarded alias matches any case */
}

static void test_compounds_never_match_guarded_forms(void **state)
{
    expect("Go-to-market with Kubernetes\n", "Kubernetes");
    expect("R&D in C-suite; embedded C\n", "C");
    expect("C-level embedded work\n", "");
}

static void test_reject_overlapping_hit(void **state)
{
    expect("Go ahead with Kubernetes\n", "Kubernetes");
    expect("Spring 2026 intake, Java\n", "Java");
    expect("Spring Boot and Java\n", "Java, Spring");
}

static void test_context_in_the_same_block(void **state)
{
    expect("Spring framework\n", "");
    expect("Spring with Java\n", "Java, Spring");
    expect("C and C++\n", "C, C++");
    expect("C\n", "");
}

static void test_companion_anywhere_in_the_document(void **state)
{
    expect("Go\nKubernetes\n", "Go, Kubernetes");
    expect("Go\n", "");
    /* Companions chain: Rust needs Go, which needs Kubernetes. */
    expect("Rust\nGo\nk8s\n", "Go, Kubernetes, Rust");
    expect("Rust\nGo\n", "");
}

static void test_counts_forms_and_lines(void **state)
{
    const char *text = "Senior Engineer\n\nRequirements:\n- Postgres and PostgreSQL\n"
                       "- postgres\n\nNice to have:\n- k8s\n";
    jm_doc *doc = parse_doc(text, "p.txt", JM_ROLE_POSTING);
    jm_keywords *kw = NULL;
    assert_int_equal(jm_keywords_find(dict, doc, &kw, NULL), JM_OK);
    assert_int_equal(jm_keywords_count(kw), 2);
    const jm_keyword *pg = jm_keywords_get(kw, 0);
    assert_string_equal(pg->name, "PostgreSQL");
    assert_int_equal(pg->count, 3);
    assert_int_equal(pg->importance, JM_IMPORTANCE_REQUIRED);
    assert_int_equal(pg->line, 4);
    assert_int_equal(pg->nforms, 3);
    assert_string_equal(pg->forms[0], "Postgres");
    assert_string_equal(pg->forms[1], "PostgreSQL");
    assert_string_equal(pg->forms[2], "postgres");
    const jm_keyword *k8s = jm_keywords_get(kw, 1);
    assert_string_equal(k8s->name, "Kubernetes");
    assert_int_equal(k8s->importance, JM_IMPORTANCE_PREFERRED);
    assert_string_equal(k8s->forms[0], "k8s");
    jm_keywords_free(kw);
    jm_doc_free(doc);
}

/* The names found in a Markdown posting (role posting: its sections count). */
static char *posting_names(const char *text)
{
    jm_doc *doc = NULL;
    jm_keywords *kw = NULL;
    jm_error err = {0};
    assert_int_equal(
        jm_doc_parse(text, strlen(text), "job.md", JM_ROLE_POSTING, JM_FORMAT_MARKDOWN, &doc, &err),
        JM_OK);
    assert_int_equal(jm_keywords_find(dict, doc, &kw, &err), JM_OK);
    struct jm_buf b = {0};
    jm_buf_puts(&b, "");
    const char *names[64];
    size_t n = jm_keywords_count(kw);
    for (size_t i = 0; i < n && i < 64; i++)
        names[i] = jm_keywords_get(kw, i)->name;
    qsort(names, n, sizeof *names, cmp_cstr);
    for (size_t i = 0; i < n; i++)
        jm_buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
    jm_keywords_free(kw);
    jm_doc_free(doc);
    return b.data;
}

static void expect_posting(const char *text, const char *names)
{
    char *found = posting_names(text);
    if (strcmp(found, names) != 0)
        fail_msg("in posting \"%s\": found [%s], expected [%s]", text, found, names);
    free(found);
}

static void test_employer_name_is_no_skill(void **state)
{
    const char *sales = "## Requirements\n\n- Sell Citus to PostgreSQL users at Citus Data\n";
    expect("Sell Citus to PostgreSQL users at Citus Data\n", "Citus, PostgreSQL");
    expect_posting(sales, "Citus, PostgreSQL");
    char text[256];
    snprintf(text, sizeof text, "---\ncompany: Citus Data, Inc.\n---\n%s", sales);
    expect_posting(text, "PostgreSQL"); /* "Citus" alone is the core of the name */
    snprintf(text, sizeof text, "---\ncompany: Acme\n---\n%s", sales);
    expect_posting(text, "Citus, PostgreSQL");
    /* a name that only begins like a term masks nothing else */
    expect_posting("---\ncompany: Go Fast Ltd\n---\n## Requirements\n\n- Go and Kubernetes\n",
                   "Go, Kubernetes");
}

static void test_soft_skills_only_where_asked(void **state)
{
    expect_posting("## About us\n\nWe value communication.\n\n## Requirements\n\n- Python\n",
                   "Python");
    expect_posting("## Requirements\n\n- Python and strong communication\n",
                   "Communication, Python");
    expect("We value communication and Python\n", "Communication, Python"); /* a resume */
}

/* ---- tests/cases/keywords.test ------------------------------------------ */

static int run_case(const jm_dict *shipped, const char *input, const char *expected_line,
                    const char *file, long line)
{
    /* Expected names: split, trim, sort, join, as found_names does. */
    char *copy = strdup(expected_line);
    const char *names[256];
    size_t n = 0;
    for (char *t = strtok(copy, ","); t && n < 256; t = strtok(NULL, ",")) {
        while (*t == ' ')
            t++;
        char *e = t + strlen(t);
        while (e > t && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\r'))
            *--e = '\0';
        if (*t)
            names[n++] = t;
    }
    qsort(names, n, sizeof *names, cmp_cstr);
    struct jm_buf want = {0};
    jm_buf_puts(&want, "");
    for (size_t i = 0; i < n; i++)
        jm_buf_printf(&want, "%s%s", i ? ", " : "", names[i]);
    char *got = found_names(shipped, input);
    int bad = strcmp(got, want.data) != 0;
    if (bad)
        fprintf(stderr, "%s:%ld: found [%s], expected [%s]\n  input: %s", file, line, got,
                want.data, input);
    free(got);
    jm_buf_free(&want);
    free(copy);
    return bad;
}

/* Runs one case file; returns its number of cases, adds to *failures. */
static int run_file(const jm_dict *shipped, const char *path, int *failures)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    struct jm_buf input = {0};
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    int cases = 0;
    while (getline(&line, &cap, f) >= 0) {
        lineno++;
        if (strncmp(line, "=>", 2) == 0) {
            *failures += run_case(shipped, input.data ? input.data : "", line + 2, path, lineno);
            cases++;
            jm_buf_clear(&input);
        } else if (line[0] != '#' && line[0] != '\n') {
            jm_buf_puts(&input, line);
        }
    }
    free(line);
    fclose(f);
    jm_buf_free(&input);
    return cases;
}

static void test_case_files(void **state)
{
    const char *paths[] = {"dictionaries"};
    jm_dict *shipped = NULL;
    jm_error err = {0};
    if (jm_dict_load(paths, 1, &shipped, &err) != JM_OK)
        fail_msg("%s:%ld: %s", err.where, err.line, err.msg);
    glob_t g;
    assert_int_equal(glob("tests/cases/*.test", 0, NULL, &g), 0);
    int cases = 0, failures = 0;
    for (size_t i = 0; i < g.gl_pathc; i++)
        cases += run_file(shipped, g.gl_pathv[i], &failures);
    globfree(&g);
    jm_dict_free(shipped);
    fprintf(stderr, "tests/cases: %d cases, %d failed\n", cases, failures);
    assert_true(cases >= 100);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_words_only),
        cmocka_unit_test(test_punctuated_terms),
        cmocka_unit_test(test_separator_variants),
        cmocka_unit_test(test_plurals_and_possessives),
        cmocka_unit_test(test_longest_form_wins),
        cmocka_unit_test(test_case_exact_guard),
        cmocka_unit_test(test_compounds_never_match_guarded_forms),
        cmocka_unit_test(test_reject_overlapping_hit),
        cmocka_unit_test(test_context_in_the_same_block),
        cmocka_unit_test(test_companion_anywhere_in_the_document),
        cmocka_unit_test(test_counts_forms_and_lines),
        cmocka_unit_test(test_employer_name_is_no_skill),
        cmocka_unit_test(test_soft_skills_only_where_asked),
        cmocka_unit_test(test_case_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
