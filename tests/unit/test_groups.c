/* Unit tests for src/groups.c and its use in src/match.c: "Go or Java" is one requirement. */
#include <math.h>

#include "unit.h"

static const char *const DICT =
    "[language]\nGo\nJava\nScala\nPython\nRust\nSQL\n"
    "[soft-skill]\nMentoring\n[messaging]\nKafka\n[data]\nSnowflake\n"
    "[frontend]\nReact\nAngular\nVue.js\n    aliases: Vue\n"
    "[cloud]\nAWS\nAzure\nGCP\n"
    "[container]\nDocker\nKubernetes\nNomad\n"
    "[vcs]\nGit\nPerforce\n"
    "[database]\nPostgreSQL\n    implies: SQL\nMySQL\n    implies: SQL\n";

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

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The groups of a one-line requirement, as "Go+Java;React+Vue.js": members and groups in
 * name order. */
static void groups_of(const char *line, char *out, size_t cap)
{
    char job[512];
    snprintf(job, sizeof job, "Engineer\n\n## Requirements\n\n- %s\n", line);
    jm_doc *doc = parse_doc(job, "job.md", JM_ROLE_POSTING);
    jm_keywords *kw;
    assert_int_equal(jm_keywords_find(dict, doc, &kw, NULL), JM_OK);
    size_t n = jm_keywords_count(kw), ngroups = 0;
    uint32_t group[32];
    bool only[32];
    char groups[32][128];
    const char *g_names[32];
    assert_true(n < 32);
    assert_true(jm_requirement_groups(kw, group, only));
    for (size_t g = 1; g <= n; g++) {
        const char *members[32];
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (group[i] == g)
                members[k++] = jm_keywords_get(kw, i)->name;
        if (k == 0)
            continue;
        qsort(members, k, sizeof *members, by_name);
        groups[ngroups][0] = '\0';
        for (size_t i = 0; i < k; i++) {
            size_t len = strlen(groups[ngroups]);
            snprintf(groups[ngroups] + len, sizeof groups[0] - len, "%s%s", i ? "+" : "",
                     members[i]);
        }
        g_names[ngroups] = groups[ngroups];
        ngroups++;
    }
    qsort(g_names, ngroups, sizeof *g_names, by_name);
    out[0] = '\0';
    for (size_t i = 0; i < ngroups; i++) {
        size_t len = strlen(out);
        snprintf(out + len, cap - len, "%s%s", i ? ";" : "", g_names[i]);
    }
    jm_keywords_free(kw);
    jm_doc_free(doc);
}

#define assert_groups(line, expected)                                                              \
    do {                                                                                           \
        char got_[256];                                                                            \
        groups_of(line, got_, sizeof got_);                                                        \
        if (strcmp(got_, expected) != 0)                                                           \
            fail_msg("\"%s\": groups \"%s\", expected \"%s\"", line, got_, expected);              \
    } while (0)

static void test_choices_are_one_group(void **state)
{
    assert_groups("Experience with either Go or Java", "Go+Java");
    assert_groups("Go or Java", "Go+Java");
    assert_groups("Go and/or Java", "Go+Java");
    assert_groups("A frontend framework (e.g. React, Angular or Vue)", "Angular+React+Vue.js");
    assert_groups("At least one of Java, Scala or Python", "Java+Python+Scala");
    assert_groups("Cloud platforms (AWS, Azure or GCP)", "AWS+Azure+GCP");
    assert_groups("Version control such as Git and Perforce", "Git+Perforce");
    assert_groups("Git, Perforce, etc.", "Git+Perforce");
    assert_groups("Go, Rust or similar", "Go+Rust");
    assert_groups("Tools like Docker and Kubernetes", "Docker+Kubernetes");
}

static void test_choices_in_other_languages(void **state)
{
    assert_groups("Java, Scala ou Python", "Java+Python+Scala");
    assert_groups("Erfahrung mit Go oder Java", "Go+Java");
    assert_groups("Kenntnisse in Sprachen wie Java, Scala und Python", "Java+Python+Scala");
    assert_groups("Lenguajes como Java, Scala y Python", "Java+Python+Scala");
    assert_groups("Frameworks zoals React, Angular en Vue", "Angular+React+Vue.js");
    assert_groups("Bases de datos PostgreSQL o MySQL", "MySQL+PostgreSQL");
}

static void test_lists_and_and_are_not_choices(void **state)
{
    assert_groups("Python, SQL and Rust", "");
    assert_groups("Go, Java, Rust", "");
    assert_groups("We would like Python and Rust", "");
    assert_groups("Go. Java.", "");
    assert_groups("Go experience required; Java is a plus", "");
    /* "Docker and Kubernetes or Nomad": Docker, and one of Kubernetes and Nomad. */
    assert_groups("Docker and Kubernetes or Nomad", "Kubernetes+Nomad");
    assert_groups("Python, Java, and Go or Rust", "Go+Rust");
    assert_groups("Java (e.g. Scala or Go)", "Go+Scala");
    /* A closing bracket ends the examples; another kind of keyword is no choice. */
    assert_groups("Languages (e.g. Go) and Rust", "");
    assert_groups("Go or Mentoring", "");
}

/* Partners named in the blurb are not choices of a requirement that shares a member. */
static void test_groups_join_where_each_member_matters_most(void **state)
{
    const char *job = "Engineer\n\nWe partner with vendors like Snowflake, Kafka and AWS.\n\n"
                      "## Requirements\n\n- AWS, Azure or GCP\n";
    jm_doc *doc = parse_doc(job, "job.md", JM_ROLE_POSTING);
    jm_keywords *kw;
    assert_int_equal(jm_keywords_find(dict, doc, &kw, NULL), JM_OK);
    size_t n = jm_keywords_count(kw);
    uint32_t group[16];
    bool only[16];
    assert_true(n <= 16);
    assert_true(jm_requirement_groups(kw, group, only));
    uint32_t aws = group[jm_keywords_index(kw, (uint32_t)jm_dict_lookup(dict, "AWS"))];
    uint32_t gcp = group[jm_keywords_index(kw, (uint32_t)jm_dict_lookup(dict, "GCP"))];
    uint32_t kafka = group[jm_keywords_index(kw, (uint32_t)jm_dict_lookup(dict, "Kafka"))];
    assert_true(aws != 0 && aws == gcp);
    assert_true(kafka != aws);
    jm_keywords_free(kw);
    jm_doc_free(doc);
}

static void test_a_group_is_one_requirement(void **state)
{
    struct match_run a, b;
    run(&a, "Go\n", "Engineer\n\n## Requirements\n\n- Go or Java\n- Docker\n");
    run(&b, "Go\n", "Engineer\n\n## Requirements\n\n- Go\n- Docker\n");
    assert_int_equal(jm_result_score(a.res), jm_result_score(b.res));
    assert_double_equal(jm_result_total_weight(a.res), jm_result_total_weight(b.res), 1e-9);
    const jm_match_item *java = match_item(a.res, "Java");
    assert_int_equal(java->coverage, JM_COVERAGE_ALTERNATIVE);
    assert_double_equal(java->weight, 0, 1e-9);
    assert_double_equal(java->points, 0, 1e-9);
    assert_string_equal(java->alternative_to, "Go");
    const jm_match_item *go = match_item(a.res, "Go");
    assert_int_equal(go->coverage, JM_COVERAGE_MATCHED);
    assert_int_equal(go->nalternatives, 1);
    assert_string_equal(go->alternatives[0], "Java");
    assert_null(go->alternative_to);
    assert_int_equal(match_item(a.res, "Docker")->nalternatives, 0);
    match_free(&a);
    match_free(&b);
}

static void test_unmet_group_is_one_gap(void **state)
{
    struct match_run r;
    run(&r, "Docker\n", "Engineer\n\n## Requirements\n\n- React, Angular or Vue\n- Docker\n");
    size_t missing = 0, alternatives = 0;
    for (size_t i = 0; i < jm_result_count(r.res); i++) {
        const jm_match_item *it = jm_result_get(r.res, i);
        missing += it->coverage == JM_COVERAGE_MISSING;
        alternatives += it->coverage == JM_COVERAGE_ALTERNATIVE;
    }
    assert_int_equal(missing, 1);
    assert_int_equal(alternatives, 2);
    /* Docker (2.0) and the group (2.0): half covered. */
    assert_double_equal(jm_result_total_weight(r.res), 4.0, 1e-9);
    assert_double_equal(jm_result_covered_weight(r.res), 2.0 * MENTION_CREDIT, 1e-9);
    match_free(&r);
}

static void test_implied_member_meets_half(void **state)
{
    struct match_run r;
    run(&r, "PostgreSQL\n", "Engineer\n\n## Requirements\n\n- SQL or Rust\n- Go\n");
    assert_int_equal(match_item(r.res, "SQL")->coverage, JM_COVERAGE_IMPLIED);
    assert_int_equal(match_item(r.res, "Rust")->coverage, JM_COVERAGE_ALTERNATIVE);
    assert_double_equal(jm_result_covered_weight(r.res), 1.0 * MENTION_CREDIT, 1e-9);
    match_free(&r);
}

/* The title's "Go" stands on its own; "Go or Java" below it is met by Go, or by Java. */
static void test_a_member_asked_alone_keeps_its_weight(void **state)
{
    const char *job = "# Backend Engineer (Go)\n\n## Requirements\n\n- Go or Java\n- Docker\n"
                      "- Python\n";
    struct match_run go, java;
    run(&go, "Go, Python and Docker\n", job);
    assert_int_equal(jm_result_score(go.res), (int)lround(100 * MENTION_CREDIT)); /* all met */
    assert_int_equal(match_item(go.res, "Java")->coverage, JM_COVERAGE_ALTERNATIVE);
    /* Go's own requirement, the title, has no alternative; Java's is "Java or Go". */
    assert_int_equal(match_item(go.res, "Go")->nalternatives, 0);
    assert_int_equal(match_item(go.res, "Java")->nalternatives, 1);
    assert_string_equal(match_item(go.res, "Java")->alternatives[0], "Go");
    run(&java, "Java, Python and Docker\n", job);
    assert_int_equal(match_item(java.res, "Java")->coverage, JM_COVERAGE_MATCHED);
    assert_double_equal(match_item(java.res, "Java")->weight, 2.0, 1e-9);
    assert_int_equal(match_item(java.res, "Go")->coverage, JM_COVERAGE_MISSING);
    assert_double_equal(match_item(java.res, "Go")->weight, 3.0 * 1.25, 1e-9); /* named twice */
    match_free(&go);
    match_free(&java);
}

/* The member that earns most meets the group: Python shown at work over Go in a skills list. */
static void test_the_member_shown_best_meets_the_group(void **state)
{
    struct match_run r;
    run(&r, "# A\n\n## Skills\n\nGo\n\n## Experience\n\n- Built billing in Python.\n",
        "Engineer\n\n## Requirements\n\n- Go or Python\n- Docker\n");
    assert_int_equal(match_item(r.res, "Python")->coverage, JM_COVERAGE_MATCHED);
    assert_int_equal(match_item(r.res, "Python")->evidence, JM_EVIDENCE_TASK);
    assert_int_equal(match_item(r.res, "Go")->coverage, JM_COVERAGE_ALTERNATIVE);
    assert_int_equal(match_item(r.res, "Go")->evidence, JM_EVIDENCE_NONE);
    match_free(&r);
}

/* Points and weights still add up: the score is covered over total. */
static void test_points_add_up_with_groups(void **state)
{
    struct match_run r;
    run(&r, "React and Go\n",
        "Engineer\n\n## Requirements\n\n- Go or Java\n- React, Angular, Vue, etc.\n- Docker\n");
    double covered = 0, total = 0;
    for (size_t i = 0; i < jm_result_count(r.res); i++) {
        const jm_match_item *it = jm_result_get(r.res, i);
        total += it->weight;
        if (it->coverage == JM_COVERAGE_MATCHED)
            covered += it->weight * MENTION_CREDIT;
    }
    assert_double_equal(total, jm_result_total_weight(r.res), 1e-9);
    assert_double_equal(covered, jm_result_covered_weight(r.res), 1e-9);
    assert_double_equal(total, 6.0, 1e-9);
    match_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_choices_are_one_group),
        cmocka_unit_test(test_choices_in_other_languages),
        cmocka_unit_test(test_lists_and_and_are_not_choices),
        cmocka_unit_test(test_groups_join_where_each_member_matters_most),
        cmocka_unit_test(test_a_group_is_one_requirement),
        cmocka_unit_test(test_unmet_group_is_one_gap),
        cmocka_unit_test(test_implied_member_meets_half),
        cmocka_unit_test(test_a_member_asked_alone_keeps_its_weight),
        cmocka_unit_test(test_the_member_shown_best_meets_the_group),
        cmocka_unit_test(test_points_add_up_with_groups),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
