/*
 * Unit tests for promises include/jobmatch.h makes across modules: a NULL
 * options pointer means the defaults (text, no colour, no bullets) for every
 * function that takes one, and the deprecated names still work.
 */
#include "unit.h"

static const char *const DICT = "[language]\nPython\nSQL\n"
                                "[database]\nPostgreSQL\n    aliases: Postgres\n    implies: SQL\n"
                                "[messaging]\nKafka\n";

struct fixture {
    jm_dict *dict;
    jm_rules *rules;
    jm_doc *cv, *cv2, *job;
    jm_keywords *kc, *kc2, *kj;
    jm_result *res, *res2;
    jm_bullets *bullets;
    jm_tailoring *t;
    jm_market *market;
};

static int setup(void **state)
{
    static struct fixture f;
    jm_error err = {0};
    const char *paths[] = {"dictionaries"};
    f.dict = dict_from(DICT, &err);
    assert_non_null(f.dict);
    assert_int_equal(jm_rules_load(paths, 1, &f.rules, &err), JM_OK);
    f.cv = parse_doc("## Experience\n\n- Cut query latency by 40% on Postgres.\n"
                     "- Worked on Python services.\n",
                     "cv.md", JM_ROLE_RESUME);
    f.cv2 =
        parse_doc("## Experience\n\n- Moved Python services to Kafka.\n", "cv2.md", JM_ROLE_RESUME);
    f.job = parse_doc("# Python Engineer\n\n## Requirements\n\n- Kafka and SQL\n", "job.md",
                      JM_ROLE_POSTING);
    assert_int_equal(jm_keywords_find(f.dict, f.cv, &f.kc, &err), JM_OK);
    assert_int_equal(jm_keywords_find(f.dict, f.cv2, &f.kc2, &err), JM_OK);
    assert_int_equal(jm_keywords_find(f.dict, f.job, &f.kj, &err), JM_OK);
    assert_int_equal(jm_match(f.kc, f.kj, &f.res, &err), JM_OK);
    assert_int_equal(jm_match(f.kc2, f.kj, &f.res2, &err), JM_OK);
    assert_int_equal(jm_bullets_analyze(f.rules, f.cv, &f.bullets, &err), JM_OK);
    assert_int_equal(jm_tailor(f.res, f.bullets, NULL, &f.t, &err), JM_OK);
    assert_int_equal(jm_market_new(&f.market, &err), JM_OK);
    assert_int_equal(jm_market_add(f.market, f.res, &err), JM_OK);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    jm_market_free(f->market);
    jm_tailoring_free(f->t);
    jm_bullets_free(f->bullets);
    jm_result_free(f->res2);
    jm_result_free(f->res);
    jm_keywords_free(f->kj);
    jm_keywords_free(f->kc2);
    jm_keywords_free(f->kc);
    jm_doc_free(f->job);
    jm_doc_free(f->cv2);
    jm_doc_free(f->cv);
    jm_rules_free(f->rules);
    jm_dict_free(f->dict);
    return 0;
}

static int collect(void *ctx, const char *data, size_t len)
{
    jm_buf_put(ctx, data, len);
    return 0;
}

/* Every report that takes options, called with `opt`, into `out[i]`. */
enum { NREPORTS = 6 };
static void run_reports(const struct fixture *f, const jm_report_options *opt,
                        struct jm_buf out[NREPORTS])
{
    jm_error err = {0};
    assert_int_equal(jm_report_match(f->res, opt, collect, &out[0], &err), JM_OK);
    assert_int_equal(jm_report_keywords(f->kj, opt, collect, &out[1], &err), JM_OK);
    assert_int_equal(jm_report_bullets(f->bullets, opt, collect, &out[2], &err), JM_OK);
    assert_int_equal(jm_report_market(f->market, opt, collect, &out[3], &err), JM_OK);
    assert_int_equal(jm_report_tailoring(f->t, opt, collect, &out[4], &err), JM_OK);
    assert_int_equal(jm_report_change(f->res, f->res2, opt, collect, &out[5], &err), JM_OK);
}

static void test_null_report_options_are_the_defaults(void **state)
{
    struct fixture *f = *state;
    struct jm_buf null_opt[NREPORTS] = {0}, zero_opt[NREPORTS] = {0};
    const jm_report_options zero = {0};
    run_reports(f, NULL, null_opt);
    run_reports(f, &zero, zero_opt);
    assert_int_equal(zero.format, JM_REPORT_FORMAT_TEXT);
    for (int i = 0; i < NREPORTS; i++) {
        assert_non_null(null_opt[i].data);
        assert_true(null_opt[i].len > 0);
        assert_int_not_equal(null_opt[i].data[0], '{'); /* text, not JSON */
        assert_null(strchr(null_opt[i].data, '\033'));  /* no colour */
        assert_string_equal(null_opt[i].data, zero_opt[i].data);
        jm_buf_free(&null_opt[i]);
        jm_buf_free(&zero_opt[i]);
    }
}

static void test_null_tailor_options_are_today(void **state)
{
    struct fixture *f = *state;
    jm_tailoring *with_null = NULL, *with_zero = NULL;
    const jm_tailor_options zero = {0};
    assert_int_equal(jm_tailor(f->res, f->bullets, NULL, &with_null, NULL), JM_OK);
    assert_int_equal(jm_tailor(f->res, f->bullets, &zero, &with_zero, NULL), JM_OK);
    assert_int_equal(jm_tailoring_count(with_null), jm_tailoring_count(with_zero));
    jm_tailoring_free(with_zero);
    jm_tailoring_free(with_null);
}

/* The aliases kept for one release name the same values. */
#define SAME(old, new_) _Static_assert((int)(old) == (int)(new_), #old)
SAME(JM_MATCHED, JM_COVERAGE_MATCHED);
SAME(JM_IMPLIED, JM_COVERAGE_IMPLIED);
SAME(JM_MISSING, JM_COVERAGE_MISSING);
SAME(JM_TASK, JM_PHRASING_TASK);
SAME(JM_PARTIAL, JM_PHRASING_PARTIAL);
SAME(JM_RESULT, JM_PHRASING_RESULT);
SAME(JM_IMP_BOILERPLATE, JM_IMPORTANCE_BOILERPLATE);
SAME(JM_IMP_MENTIONED, JM_IMPORTANCE_MENTIONED);
SAME(JM_IMP_PREFERRED, JM_IMPORTANCE_PREFERRED);
SAME(JM_IMP_RESPONSIBILITY, JM_IMPORTANCE_RESPONSIBILITY);
SAME(JM_IMP_REQUIRED, JM_IMPORTANCE_REQUIRED);
SAME(JM_IMP_TITLE, JM_IMPORTANCE_TITLE);
SAME(JM_IMP_COUNT, JM_IMPORTANCE_COUNT);
SAME(JM_SUGGEST_REQUIREMENT, JM_SUGGESTION_KIND_REQUIREMENT);
SAME(JM_SUGGEST_TITLE, JM_SUGGESTION_KIND_TITLE);
SAME(JM_SUGGEST_SPELLING, JM_SUGGESTION_KIND_SPELLING);
SAME(JM_SUGGEST_EXPLICIT, JM_SUGGESTION_KIND_EXPLICIT);
SAME(JM_SUGGEST_GAP, JM_SUGGESTION_KIND_GAP);
SAME(JM_SUGGEST_DEMONSTRATE, JM_SUGGESTION_KIND_DEMONSTRATE);
SAME(JM_SUGGEST_REWRITE, JM_SUGGESTION_KIND_REWRITE);
SAME(JM_REPORT_TEXT, JM_REPORT_FORMAT_TEXT);
SAME(JM_REPORT_JSON, JM_REPORT_FORMAT_JSON);
SAME(JM_REPORT_MARKDOWN, JM_REPORT_FORMAT_MARKDOWN);

static void count_diagnostic(void *ctx, const jm_diagnostic *d)
{
    ++*(size_t *)ctx;
}

static void test_deprecated_functions_still_work(void **state)
{
    struct fixture *f = *state;
    size_t calls = 0, errors = 0, warnings = 0;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    assert_int_equal(jm_dict_check(f->dict, NULL), jm_dict_compile_patterns(f->dict, NULL));
    assert_int_equal(jm_dict_lint(f->dict, NULL, count_diagnostic, &calls, &errors, &warnings),
                     JM_OK);
#pragma GCC diagnostic pop
    assert_int_equal(calls, errors + warnings);
}

/* Limits: the defaults, a field of 0 keeps its value, a value out of range changes
 * nothing, and each applies where it should (input size, HTML depth). */
static void test_limits(void **state)
{
    (void)state;
    jm_limits d = jm_limits_default();
    assert_int_equal(d.input, JM_MAX_INPUT);
    assert_int_equal(d.html_depth, 512);
    assert_int_equal(d.line, 4096);
    assert_int_equal(d.pattern_steps, 100000);
    assert_int_equal(d.rule_steps, 10000000);
    assert_int_equal(d.dict_nodes, 1u << 24);
    jm_error err = {0};
    assert_int_equal(jm_limits_set(&(jm_limits){.input = 2048}, &err), JM_OK);
    assert_int_equal(jm_limits_get().input, 2048);
    assert_int_equal(jm_limits_get().line, 4096); /* 0: kept */
    assert_int_equal(jm_limits_set(&(jm_limits){.line = 128, .html_depth = 3}, &err), JM_ERR_ARG);
    assert_non_null(strstr(err.msg, "html_depth"));
    assert_int_equal(jm_limits_get().line, 4096); /* nothing changed */
    assert_int_equal(jm_limits_set(NULL, &err), JM_ERR_ARG);

    char big[4096];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    jm_doc *doc = NULL;
    assert_int_equal(
        jm_doc_parse(big, strlen(big), "big.txt", JM_ROLE_POSTING, JM_FORMAT_TEXT, &doc, &err),
        JM_ERR_TOO_BIG);
    assert_non_null(strstr(err.msg, "the limit is 2 KB"));
    assert_int_equal(jm_limits_set(&d, &err), JM_OK);
    assert_int_equal(
        jm_doc_parse(big, strlen(big), "big.txt", JM_ROLE_POSTING, JM_FORMAT_TEXT, &doc, &err),
        JM_OK);
    jm_doc_free(doc);
    jm_limits now = jm_limits_get();
    assert_memory_equal(&now, &d, sizeof d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_null_report_options_are_the_defaults),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_null_tailor_options_are_today),
        cmocka_unit_test(test_deprecated_functions_still_work),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
