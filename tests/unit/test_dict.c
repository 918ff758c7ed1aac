/* Unit tests for src/dict.c: the format, layering, and every load error. */
#include "unit.h"

static void expect_error(const char *text, long line, const char *fragment)
{
    jm_error err = {0};
    jm_dict *d = dict_from(text, &err);
    assert_null(d);
    assert_int_equal(err.code, JM_ERR_DICT);
    assert_int_equal(err.line, line);
    if (strstr(err.msg, fragment) == NULL)
        fail_msg("message '%s' lacks '%s'", err.msg, fragment);
    assert_null(strchr(err.msg, '\n'));
}

static void test_loads_terms_and_categories(void **state)
{
    jm_error err = {0};
    jm_dict *d = dict_from("# comment\n[database]\n\nPostgreSQL\n    aliases: Postgres, pgsql\n"
                           "    implies: SQL\n\nSQL\n    category: language\n",
                           &err);
    assert_non_null(d);
    assert_int_equal(jm_dict_size(d), 2);
    uint32_t pg = jm_dict_find(d, "postgresql"), sql = jm_dict_find(d, "SQL");
    assert_int_not_equal(pg, JM_NONE);
    assert_string_equal(d->terms[pg].category, "database");
    assert_string_equal(d->terms[sql].category, "language");
    assert_int_equal(d->terms[pg].implies.n, 1);
    assert_int_equal(d->terms[pg].implies.ids[0], sql);
    assert_int_equal(d->terms[pg].line, 4);
    jm_dict_free(d);
}

static void test_closure_is_transitive_and_survives_cycles(void **state)
{
    jm_error err = {0};
    jm_dict *d = dict_from("[x]\nA\n    implies: B\nB\n    implies: C\nC\n    implies: A\n", &err);
    assert_non_null(d);
    uint32_t a = jm_dict_find(d, "A"), c = jm_dict_find(d, "C");
    struct jm_walk w;
    assert_true(jm_walk_init(&w, d, false));
    assert_int_equal(jm_walk_from(&w, a), 2); /* B and C, never A itself */
    assert_true(jm_walk_reached(&w, c));
    assert_false(jm_walk_reached(&w, a));
    jm_walk_free(&w);
    jm_dict_free(d);
}

/* Back walks find what implies a term; owners are the first of several starts. */
static void test_walks_back_and_owners(void **state)
{
    jm_error err = {0};
    jm_dict *d = dict_from("[x]\nA\n    implies: C\nB\n    implies: C, D\nC\n    implies: E\n"
                           "D\nE\n",
                           &err);
    assert_non_null(d);
    uint32_t a = jm_dict_find(d, "A"), b = jm_dict_find(d, "B"), c = jm_dict_find(d, "C"),
             e = jm_dict_find(d, "E"), dd = jm_dict_find(d, "D");
    struct jm_walk w;
    assert_true(jm_walk_init(&w, d, true));
    assert_int_equal(jm_walk_from(&w, e), 3); /* C, then A and B */
    assert_true(jm_walk_reached(&w, a) && jm_walk_reached(&w, b) && jm_walk_reached(&w, c));
    jm_walk_free(&w);
    assert_true(jm_walk_init(&w, d, false));
    uint32_t owner[5], starts[] = {b, a};
    jm_walk_owners(&w, starts, 2, owner);
    assert_int_equal(owner[c], 0); /* B comes first, and implies C */
    assert_int_equal(owner[e], 0);
    assert_int_equal(owner[dd], 0);
    assert_int_equal(owner[a], JM_NONE);
    jm_walk_free(&w);
    jm_dict_free(d);
}

static void test_errors_name_the_line(void **state)
{
    expect_error("Python\n", 1, "no category");
    expect_error("[language]\n    aliases: py\n", 2, "before any term");
    expect_error("[language]\nPython\n    colour: blue\n", 3, "unknown key 'colour'");
    expect_error("[language]\nPython\n    aliases\n", 3, "expected 'key: value'");
    expect_error("[language]\naliases: py\n", 2, "indent it");
    expect_error("[language\nPython\n", 1, "malformed category");
    expect_error("[language]\nGo\n    case: upper\n", 3, "case must be");
    expect_error("[language]\nGo\n    plural: maybe\n", 3, "plural must be");
    expect_error("[language]\nGo\n    context: a\n    context: b\n", 4, "given twice");
    expect_error("[language]\nGo\n    aliases:\n", 3, "has no value");
}

static void test_reference_errors(void **state)
{
    expect_error("[x]\nDjango\n    implies: Pyhton\n", 2, "unknown term 'Pyhton' in implies");
    expect_error("[x]\nGo\n    companion: Kubernets\n", 2, "unknown term 'Kubernets'");
    expect_error("[x]\nGo\n    guarded: Golang\n", 2, "guarded form 'Golang' is not a form");
    expect_error("[x]\nPython\nPython\n", 3, "defined twice");
    expect_error("[x]\nPostgreSQL\n    aliases: pg\nPagerDuty\n    aliases: PG\n", 4,
                 "already a form of 'PostgreSQL'");
    /* Separators are equivalent, so these two forms collide. */
    expect_error("[x]\nCI/CD\nCI-CD pipelines\n    aliases: ci cd\n", 3, "already a form");
}

static void test_patterns_compile_when_checked_or_used(void **state)
{
    jm_error err = {0};
    jm_dict *d = dict_from("[language]\nGo\n    guarded: Go\n    context: (unclosed\n"
                           "Python\n",
                           &err);
    assert_non_null(d); /* loading does not compile patterns */
    assert_int_equal(jm_dict_compile_patterns(d, &err), JM_ERR_DICT);
    assert_int_equal(err.line, 4);
    assert_non_null(strstr(err.msg, "invalid pattern at offset"));
    /* A document that needs the pattern fails the same way; one that does not, works. */
    char *found = found_names(d, "Python\n");
    assert_string_equal(found, "Python");
    free(found);
    jm_doc *doc = parse_doc("Go\n", "x.txt", JM_ROLE_RESUME);
    jm_keywords *kw = NULL;
    memset(&err, 0, sizeof err);
    assert_int_equal(jm_keywords_find(d, doc, &kw, &err), JM_ERR_DICT);
    assert_null(kw);
    assert_int_equal(err.line, 4);
    jm_doc_free(doc);
    jm_dict_free(d);
}

struct seen {
    char text[2048];
    int errors, warnings;
};

static void collect(void *ctx, const jm_diagnostic *d)
{
    struct seen *s = ctx;
    char line[600];
    snprintf(line, sizeof line, "%ld:%s:%s\n", d->line, d->error ? "E" : "W", d->message);
    strncat(s->text, line, sizeof s->text - strlen(s->text) - 1);
    *(d->error ? &s->errors : &s->warnings) += 1;
}

static void test_lint_reports_each_problem(void **state)
{
    jm_error err = {0};
    jm_dict *d =
        dict_from("[x]\n"
                  "Slow\n    guarded: Slow\n    context: ^(\\w+\\s?)*$\n" /* 2, pattern on 4 */
                  "A\n    implies: B\nB\n    implies: A\n"                /* 5, 7 */
                  "Teapot\n"                                              /* 9 */
                  "Kettle\n    english: rare\n"                           /* 10 */
                  "Plinth\nPlinthstream\n    aliases: plinth stream\n"    /* 12, 13 */
                  "Lonely\n    related: one-of-a-kind\n"                  /* 15 */
                  "Guarded\n    guarded: Guarded\n    case: exact\n"
                  "Guarded Hive\n",
                  &err);
    assert_non_null(d);
    char *words = write_temp("Kettle\nkettle\nteapot\nguarded\n", ".txt");
    struct seen s = {0};
    size_t errors, warnings;
    assert_int_equal(jm_dict_diagnose(d, words, collect, &s, &errors, &warnings), JM_ERR_DICT);
    assert_int_equal(errors, 3);
    assert_int_equal(warnings, 3);
    assert_int_equal(s.errors, 3);
    assert_non_null(strstr(s.text, "4:E:pattern backtracks catastrophically"));
    assert_non_null(strstr(s.text, "5:E:'A' implies itself through 'B'"));
    assert_non_null(strstr(s.text, "7:E:'B' implies itself through 'A'"));
    assert_non_null(strstr(s.text, "9:W:'Teapot' of 'Teapot' is an English word"));
    assert_null(strstr(s.text, "Kettle")); /* english: rare */
    assert_non_null(strstr(s.text, "13:W:form 'plinth stream' of 'Plinthstream' hides 'Plinth'"));
    assert_non_null(strstr(s.text, "15:W:related group 'one-of-a-kind' has no other member"));
    assert_null(strstr(s.text, "Guarded Hive")); /* hiding a guarded form is the point */
    /* Without a word list, that check is skipped. */
    memset(&s, 0, sizeof s);
    jm_dict_diagnose(d, NULL, collect, &s, &errors, &warnings);
    assert_int_equal(warnings, 2);
    unlink(words);
    free(words);
    jm_dict_free(d);
}

static void test_term_views_and_lookup(void **state)
{
    jm_error err = {0};
    jm_dict *d = dict_from("[database]\nPostgreSQL\n    aliases: Postgres, pgsql\n"
                           "    implies: SQL\n    related: sql-dbs\n[language]\nSQL\n"
                           "Go\n    guarded: Go\n    case: exact\n    companion: SQL\n",
                           &err);
    assert_non_null(d);
    assert_int_equal(jm_dict_lookup(d, "postgres"), jm_dict_lookup(d, "PostgreSQL"));
    assert_int_equal(jm_dict_lookup(d, "nothing"), -1);
    jm_term_info t;
    assert_true(jm_dict_term(d, (size_t)jm_dict_lookup(d, "pgsql"), &t));
    assert_string_equal(t.name, "PostgreSQL");
    assert_int_equal(t.naliases, 2);
    assert_string_equal(t.aliases[1], "pgsql");
    assert_int_equal(t.nimplies, 1);
    assert_string_equal(t.implies[0], "SQL");
    assert_string_equal(t.related[0], "sql-dbs");
    assert_int_equal(t.line, 2);
    assert_true(jm_dict_term(d, (size_t)jm_dict_lookup(d, "Go"), &t));
    assert_true(t.has_guard && t.case_exact);
    assert_string_equal(t.guarded[0], "Go");
    assert_string_equal(t.companions[0], "SQL");
    assert_false(jm_dict_term(d, 99, &t));
    jm_dict_free(d);
}

static void test_kind_names(void **state)
{
    assert_string_equal(jm_kind_name(JM_KIND_SKILL), "skill");
    assert_string_equal(jm_kind_name(JM_KIND_PRACTICE), "practice");
    assert_string_equal(jm_kind_name(JM_KIND_SOFT_SKILL), "soft-skill");
    assert_string_equal(jm_kind_name(JM_KIND_CERTIFICATION), "certification");
    assert_string_equal(jm_kind_name((jm_kind)99), "unknown");
    assert_true(jm_kind_is_technical(JM_KIND_SKILL) && jm_kind_is_technical(JM_KIND_PRACTICE));
    assert_false(jm_kind_is_technical(JM_KIND_SOFT_SKILL));
    assert_false(jm_kind_is_technical(JM_KIND_CERTIFICATION));
}

static void test_invalid_utf8_is_an_error(void **state)
{
    expect_error("[x]\nCaf\xE9\n", 2, "invalid UTF-8");
}

static void test_missing_path(void **state)
{
    jm_dict *d = NULL;
    jm_error err = {0};
    const char *paths[] = {"/nonexistent/jobmatch.dict"};
    assert_int_equal(jm_dict_load(paths, 1, &d, &err), JM_ERR_DICT);
    assert_null(d);
    assert_string_equal(err.where, "/nonexistent/jobmatch.dict");
    assert_non_null(strstr(err.msg, "No such file"));
}

static void test_later_layer_overrides(void **state)
{
    char *base = write_temp("[x]\nGo\n    aliases: golang\nPython\n", ".dict");
    char *user = write_temp("[language]\ngo\n    aliases: go language\nRust\n", ".dict");
    const char *paths[] = {base, user};
    jm_dict *d = NULL;
    jm_error err = {0};
    assert_int_equal(jm_dict_load(paths, 2, &d, &err), JM_OK);
    assert_int_equal(jm_dict_size(d), 3); /* Go replaced, Python kept, Rust added */
    uint32_t go = jm_dict_find(d, "Go");
    assert_string_equal(d->terms[go].category, "language");
    /* The old alias went with the old definition; the new one works. */
    char *found = found_names(d, "golang\n");
    assert_string_equal(found, "");
    free(found);
    found = found_names(d, "Go-language\n");
    assert_string_equal(found, "go"); /* the overriding spelling is the name now */
    free(found);
    jm_dict_free(d);
    unlink(base);
    unlink(user);
    free(base);
    free(user);
}

static void test_directory_loads_dict_files_in_order(void **state)
{
    char dir[] = "/tmp/jm-dict-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char a[64], b[64], c[64];
    snprintf(a, sizeof a, "%s/a.dict", dir);
    snprintf(b, sizeof b, "%s/b.dict", dir);
    snprintf(c, sizeof c, "%s/notes.txt", dir);
    FILE *f = fopen(a, "w");
    fputs("[x]\nA\n", f);
    fclose(f);
    f = fopen(b, "w");
    fputs("[x]\nB\n    implies: A\n", f);
    fclose(f);
    f = fopen(c, "w");
    fputs("not a dictionary", f);
    fclose(f);
    const char *paths[] = {dir};
    jm_dict *d = NULL;
    jm_error err = {0};
    assert_int_equal(jm_dict_load(paths, 1, &d, &err), JM_OK);
    assert_int_equal(jm_dict_size(d), 2);
    jm_dict_free(d);
    unlink(a);
    unlink(b);
    unlink(c);
    rmdir(dir);
}

static void test_shipped_dictionaries_load(void **state)
{
    const char *paths[] = {"dictionaries"};
    jm_dict *d = NULL;
    jm_error err = {0};
    jm_status st = jm_dict_load(paths, 1, &d, &err);
    if (st == JM_OK)
        st = jm_dict_compile_patterns(d, &err); /* every guard pattern compiles */
    if (st != JM_OK)
        fail_msg("%s:%ld: %s", err.where, err.line, err.msg);
    assert_true(jm_dict_size(d) >= 300);
    jm_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loads_terms_and_categories),
        cmocka_unit_test(test_closure_is_transitive_and_survives_cycles),
        cmocka_unit_test(test_walks_back_and_owners),
        cmocka_unit_test(test_errors_name_the_line),
        cmocka_unit_test(test_reference_errors),
        cmocka_unit_test(test_patterns_compile_when_checked_or_used),
        cmocka_unit_test(test_lint_reports_each_problem),
        cmocka_unit_test(test_term_views_and_lookup),
        cmocka_unit_test(test_kind_names),
        cmocka_unit_test(test_invalid_utf8_is_an_error),
        cmocka_unit_test(test_missing_path),
        cmocka_unit_test(test_later_layer_overrides),
        cmocka_unit_test(test_directory_loads_dict_files_in_order),
        cmocka_unit_test(test_shipped_dictionaries_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
