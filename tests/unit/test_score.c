/* Unit tests for src/match.c: weights, coverage, implied credit, thin postings. */
#include <math.h>

#include "unit.h"

static const char *const DICT = "[language]\nPython\nSQL\nGo\n"
                                "[database]\nPostgreSQL\n    aliases: Postgres\n    implies: SQL\n"
                                "[messaging]\nKafka\nRabbitMQ\n"
                                "[container]\nDocker\nKubernetes\n"
                                "[practice]\nDatabase design\n"
                                "[soft-skill]\nMentoring\n"
                                "[certification]\nCKA\n";

static jm_dict *dict;

static int setup(void **state)
{
    jm_error err = {0};
    dict = dict_from(DICT, &err);
    return dict == NULL;
}

static int teardown(void **state)
{
    jm_dict_free(dict);
    return 0;
}

static void run(struct match_run *r, const char *cv, const char *job)
{
    match_texts(r, dict, cv, job);
}

static const char *const JOB =
    "# Python Engineer\n\n## Requirements\n\n- Kafka\n- PostgreSQL\n- SQL\n\n"
    "## Nice to have\n\n- Docker\n\n## About us\n\nWe love Kubernetes.\n";

static void test_weights_follow_importance(void **state)
{
    struct match_run r;
    run(&r, "Python and Kafka\n", JOB);
    assert_double_equal(match_item(r.res, "Python")->weight, 3.0, 1e-9);
    assert_double_equal(match_item(r.res, "Kafka")->weight, 2.0, 1e-9);
    assert_double_equal(match_item(r.res, "Docker")->weight, 1.0, 1e-9);
    /* Named only in "About us": the employer describing itself, not asking. */
    for (size_t i = 0; i < jm_result_count(r.res); i++)
        assert_string_not_equal(jm_result_get(r.res, i)->posting->name, "Kubernetes");
    assert_int_equal(match_item(r.res, "Python")->coverage, JM_COVERAGE_MATCHED);
    assert_int_equal(match_item(r.res, "Docker")->coverage, JM_COVERAGE_MISSING);
    match_free(&r);
}

static void test_score_is_covered_over_total(void **state)
{
    struct match_run r;
    run(&r, "Python and Kafka\n", JOB);
    /* total 3 + 2 + 2 + 2 + 1 = 10; covered 5, each named in running text: 5 x 0.6 */
    assert_double_equal(jm_result_total_weight(r.res), 10.0, 1e-9);
    assert_double_equal(jm_result_covered_weight(r.res), 5.0 * MENTION_CREDIT, 1e-9);
    assert_int_equal(jm_result_score(r.res), 30);
    /* Ranked as if three more required keywords were asked: 100 x 3 / (10 + 6). */
    assert_double_equal(jm_result_rank_score(r.res), 300.0 / 16.0, 1e-9);
    assert_false(jm_result_is_thin(r.res));
    /* Points add up to the score. */
    double sum = 0;
    for (size_t i = 0; i < jm_result_count(r.res); i++)
        if (jm_result_get(r.res, i)->coverage != JM_COVERAGE_MISSING)
            sum += jm_result_get(r.res, i)->points;
    assert_double_equal(sum, 100.0 * 3.0 / 10.0, 1e-9);
    match_free(&r);
}

static void test_implied_counts_half(void **state)
{
    struct match_run r;
    run(&r, "Python, Kafka and Postgres\n", JOB);
    const jm_match_item *sql = match_item(r.res, "SQL");
    assert_int_equal(sql->coverage, JM_COVERAGE_IMPLIED);
    assert_string_equal(sql->implied_by, "PostgreSQL");
    assert_null(sql->resume);
    assert_double_equal(jm_result_covered_weight(r.res), (3 + 2 + 2 + 1.0) * MENTION_CREDIT, 1e-9);
    match_free(&r);
}

static void test_items_are_ordered(void **state)
{
    struct match_run r;
    run(&r, "Python, Kafka and Postgres\n", JOB);
    jm_coverage last = JM_COVERAGE_MATCHED;
    double last_weight = 1e9;
    for (size_t i = 0; i < jm_result_count(r.res); i++) {
        const jm_match_item *it = jm_result_get(r.res, i);
        assert_true(it->coverage >= last);
        if (it->coverage != last)
            last_weight = 1e9;
        assert_true(it->weight <= last_weight);
        last = it->coverage;
        last_weight = it->weight;
    }
    match_free(&r);
}

static void test_repetition_has_diminishing_returns(void **state)
{
    struct match_run r;
    run(&r, "Go\n",
        "Job\n\nRequirements:\n- Kafka Kafka\n- Kafka Kafka\n"
        "- Go Go Go Go Go Go Go Go Go Go Go Go Go Go Go Go Go Go Go Go\n");
    assert_double_equal(match_item(r.res, "Kafka")->weight, 2.0 * 1.5, 1e-9); /* 4x: +50% */
    assert_double_equal(match_item(r.res, "Go")->weight, 2.0 * 2.0, 1e-9);    /* capped at 2x */
    match_free(&r);
}

/* A practice weighs 3/4 of a tool, a certification 1/2, a soft skill 1/4. */
static void test_weights_follow_kind(void **state)
{
    struct match_run r;
    run(&r, "Kafka\n", "Job\n\nRequirements:\n- Kafka\n- Database design\n- CKA\n- Mentoring\n");
    assert_double_equal(match_item(r.res, "Kafka")->weight, 2.0, 1e-9);
    assert_double_equal(match_item(r.res, "Database design")->weight, 1.5, 1e-9);
    assert_double_equal(match_item(r.res, "CKA")->weight, 1.0, 1e-9);
    assert_double_equal(match_item(r.res, "Mentoring")->weight, 0.5, 1e-9);
    assert_int_equal(match_item(r.res, "Database design")->posting->kind, JM_KIND_PRACTICE);
    /* Technical keywords, practices among them, come before the other kinds. */
    assert_true(jm_kind_is_technical(jm_result_get(r.res, 1)->posting->kind));
    assert_false(jm_kind_is_technical(jm_result_get(r.res, 2)->posting->kind));
    match_free(&r);
}

static void test_thin_posting_cannot_reach_100(void **state)
{
    struct match_run r;
    run(&r, "Kafka\n", "Job\n\nRequirements:\n- Kafka\n");
    assert_true(jm_result_is_thin(r.res));
    assert_int_equal(jm_result_score(r.res), (int)lround(100.0 * 2.0 * MENTION_CREDIT / 6.0));
    match_free(&r);
}

/* Three required keywords, all met, score 100 but rank below 20 keywords mostly met. */
static void test_rank_weighs_what_a_score_rests_on(void **state)
{
    struct match_run few, many;
    run(&few, "Kafka, Docker, Go\n", "Job\n\nRequirements:\n- Kafka\n- Docker\n- Go\n");
    run(&many, "Kafka, Docker, Go, Python, SQL\n",
        "Job\n\nRequirements:\n- Kafka\n- Docker\n- Go\n- Python\n- SQL\n- RabbitMQ\n");
    assert_int_equal(jm_result_score(few.res), (int)lround(100 * MENTION_CREDIT)); /* all met */
    assert_double_equal(jm_result_rank_score(few.res), 50.0 * MENTION_CREDIT, 1e-9);
    assert_true(jm_result_score(many.res) < 100 * MENTION_CREDIT);
    assert_true(jm_result_rank_score(many.res) > jm_result_rank_score(few.res));
    match_free(&few);
    match_free(&many);
}

/* Where the resume shows a keyword decides what it earns: a skills list half, running text
 * 0.6, a line of a role 0.8 (a task bullet, when no bullets were judged); a certification is
 * held, not shown, and earns all; an implied keyword half of its implier's credit. */
static void test_evidence_credits_work_over_lists(void **state)
{
    static const char *const job = "Job\n\nRequirements:\n- Kafka\n- Docker\n- CKA\n- SQL\n";
    struct match_run r;
    run(&r,
        "# A\n\n## Skills\n\nKafka, CKA\n\n## Experience\n\n### Acme\n\n"
        "- Ran Docker and Postgres in production.\n\n## Summary\n\nSome Kafka.\n",
        job);
    assert_int_equal(match_item(r.res, "Kafka")->evidence, JM_EVIDENCE_MENTION); /* best of two */
    assert_int_equal(match_item(r.res, "Docker")->evidence, JM_EVIDENCE_TASK);
    assert_int_equal(match_item(r.res, "CKA")->evidence, JM_EVIDENCE_SKILLS);
    assert_int_equal(match_item(r.res, "SQL")->evidence, JM_EVIDENCE_TASK); /* Postgres's */
    assert_true(match_item(r.res, "Docker")->evidence_line > 0);
    /* Kafka 2 x 0.6 + Docker 2 x 0.8 + CKA 1 x 1 + SQL 2 x 0.5 x 0.8 */
    assert_double_equal(jm_result_covered_weight(r.res), 1.2 + 1.6 + 1.0 + 0.8, 1e-9);
    /* shown at work: Docker and SQL, of all the points */
    assert_double_equal(jm_result_shown_at_work(r.res), 100.0 * 2.4 / 4.6, 1e-9);
    match_free(&r);
    run(&r, "# A\n\n## Skills\n\nKafka, Docker, CKA, SQL\n", job);
    assert_int_equal(jm_result_score(r.res), (int)lround(100.0 * (3 * 2 * 0.5 + 1.0) / 7.0));
    assert_double_equal(jm_result_shown_at_work(r.res), 0.0, 1e-9);
    match_free(&r);
}

static void test_empty_posting_scores_zero(void **state)
{
    struct match_run r;
    run(&r, "Kafka\n", "Barista wanted\n\nMake great coffee.\n");
    assert_int_equal(jm_result_count(r.res), 0);
    assert_int_equal(jm_result_score(r.res), 0);
    assert_true(jm_result_is_thin(r.res));
    match_free(&r);
}

/* Matches r's documents again with what the person declares; the result replaces r.res. */
static jm_status rematch(struct match_run *r, const jm_declared *d, jm_error *err)
{
    jm_result_free(r->res);
    r->res = NULL;
    return jm_match_declared(r->kc, r->kj, NULL, d, &r->res, err);
}

static void test_declared_have_counts_as_a_skills_list(void **state)
{
    struct match_run r;
    run(&r, "Python\n", JOB);
    assert_int_equal(match_item(r.res, "Kafka")->coverage, JM_COVERAGE_MISSING);
    const char *have[] = {"kafka", "Postgres"}; /* any case, aliases */
    assert_int_equal(rematch(&r, &(jm_declared){.have = have, .nhave = 2}, NULL), JM_OK);
    const jm_match_item *kafka = match_item(r.res, "Kafka");
    assert_int_equal(kafka->coverage, JM_COVERAGE_MATCHED);
    assert_int_equal(kafka->evidence, JM_EVIDENCE_DECLARED);
    assert_null(kafka->resume);
    assert_int_equal(kafka->evidence_line, 0);
    assert_double_equal(kafka->points, 100.0 * 2.0 * 0.5 / 10.0, 1e-9); /* a list's half */
    /* What a declared term implies is implied, at its credit. */
    const jm_match_item *sql = match_item(r.res, "SQL");
    assert_int_equal(sql->coverage, JM_COVERAGE_IMPLIED);
    assert_string_equal(sql->implied_by, "PostgreSQL");
    assert_int_equal(sql->evidence, JM_EVIDENCE_DECLARED);
    /* Never shown at work: the share of points from work does not grow. */
    assert_double_equal(jm_result_shown_at_work(r.res), 0.0, 1e-9);
    match_free(&r);
}

static void test_declared_have_never_weakens_the_resume(void **state)
{
    struct match_run r;
    run(&r,
        "# Jane\n\n## Experience\n\n### Engineer, Acme, 2019 - 2021\n\n"
        "- Cut checkout latency by 40% with Kafka consumers in Python\n",
        JOB);
    jm_evidence before = match_item(r.res, "Kafka")->evidence;
    assert_true(before > JM_EVIDENCE_DECLARED);
    const char *have[] = {"Kafka"};
    assert_int_equal(rematch(&r, &(jm_declared){.have = have, .nhave = 1}, NULL), JM_OK);
    assert_int_equal(match_item(r.res, "Kafka")->evidence, before);
    assert_non_null(match_item(r.res, "Kafka")->resume);
    match_free(&r);
}

static void test_declared_ignore_is_never_a_gap(void **state)
{
    struct match_run r;
    run(&r, "Python and Kafka\n", JOB);
    int before = jm_result_score(r.res);
    const char *ignore[] = {"Docker", "Kafka"};
    assert_int_equal(rematch(&r, &(jm_declared){.ignore = ignore, .nignore = 2}, NULL), JM_OK);
    const jm_match_item *docker = match_item(r.res, "Docker");
    assert_int_equal(docker->coverage, JM_COVERAGE_IGNORED);
    assert_double_equal(docker->weight, 0.0, 1e-9);
    assert_string_equal(jm_coverage_name(docker->coverage), "ignored");
    /* A keyword the resume covers is credited, ignored or not. */
    assert_int_equal(match_item(r.res, "Kafka")->coverage, JM_COVERAGE_MATCHED);
    /* Without Docker's weight (1 of 10) the score rises: 3 of 9 earned at 0.6. */
    assert_double_equal(jm_result_total_weight(r.res), 9.0, 1e-9);
    assert_true(jm_result_score(r.res) > before);
    const jm_match_item *gaps[8];
    size_t n = jm_result_top_gaps(r.res, gaps, 8);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(gaps[i]->posting->name, "Docker");
    match_free(&r);
}

static void test_declared_assume_is_a_result_bullet(void **state)
{
    struct match_run r;
    run(&r, "Python\n\n## Skills\n\nDocker\n", JOB);
    const char *assume[] = {"Kafka", "Docker"};
    assert_int_equal(rematch(&r, &(jm_declared){.assume = assume, .nassume = 2}, NULL), JM_OK);
    assert_int_equal(match_item(r.res, "Kafka")->evidence, JM_EVIDENCE_RESULT);
    assert_int_equal(match_item(r.res, "Docker")->evidence, JM_EVIDENCE_RESULT); /* was a list */
    assert_true(jm_result_shown_at_work(r.res) > 0);
    /* assume outranks have for the same term */
    const char *have[] = {"Kafka"};
    assert_int_equal(
        rematch(&r, &(jm_declared){.have = have, .nhave = 1, .assume = assume, .nassume = 1}, NULL),
        JM_OK);
    assert_int_equal(match_item(r.res, "Kafka")->evidence, JM_EVIDENCE_RESULT);
    match_free(&r);
}

static void test_declared_unknown_name_fails(void **state)
{
    struct match_run r;
    run(&r, "Python\n", JOB);
    const char *have[] = {"Kafak"};
    jm_error err = {0};
    assert_int_equal(rematch(&r, &(jm_declared){.have = have, .nhave = 1}, &err), JM_ERR_ARG);
    assert_null(r.res);
    assert_non_null(strstr(err.msg, "Kafak"));
    /* An empty declaration is jm_match_evidence. */
    assert_int_equal(rematch(&r, &(jm_declared){0}, NULL), JM_OK);
    assert_int_equal(match_item(r.res, "Kafka")->coverage, JM_COVERAGE_MISSING);
    match_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weights_follow_importance),
        cmocka_unit_test(test_score_is_covered_over_total),
        cmocka_unit_test(test_implied_counts_half),
        cmocka_unit_test(test_items_are_ordered),
        cmocka_unit_test(test_repetition_has_diminishing_returns),
        cmocka_unit_test(test_weights_follow_kind),
        cmocka_unit_test(test_thin_posting_cannot_reach_100),
        cmocka_unit_test(test_rank_weighs_what_a_score_rests_on),
        cmocka_unit_test(test_evidence_credits_work_over_lists),
        cmocka_unit_test(test_empty_posting_scores_zero),
        cmocka_unit_test(test_declared_have_counts_as_a_skills_list),
        cmocka_unit_test(test_declared_have_never_weakens_the_resume),
        cmocka_unit_test(test_declared_ignore_is_never_a_gap),
        cmocka_unit_test(test_declared_assume_is_a_result_bullet),
        cmocka_unit_test(test_declared_unknown_name_fails),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
