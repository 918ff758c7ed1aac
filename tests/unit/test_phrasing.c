/*
 * Unit tests for src/phrasing.c and src/bullets.c: loading rules, inflecting
 * verbs, finding the bullets of a resume, flags and hints, then every case of
 * tests/bullets/cases.test against the shipped rules.
 */
#include "unit.h"

static jm_rules *rules;

static int setup(void **state)
{
    (void)state;
    const char *paths[] = {"dictionaries"};
    jm_error err = {0};
    if (jm_rules_load(paths, 1, &rules, &err) != JM_OK)
        fprintf(stderr, "%s:%ld: %s\n", err.where, err.line, err.msg);
    return rules == NULL;
}

static int teardown(void **state)
{
    (void)state;
    jm_rules_free(rules);
    return 0;
}

/* ---- loading ------------------------------------------------------------ */

static void expect_load_error(const char *text, long line, const char *msg)
{
    char *path = write_temp(text, ".rules");
    const char *paths[] = {path};
    jm_rules *r = NULL;
    jm_error err = {0};
    assert_int_equal(jm_rules_load(paths, 1, &r, &err), JM_ERR_DICT);
    assert_null(r);
    assert_int_equal(err.line, line);
    if (strstr(err.msg, msg) == NULL)
        fail_msg("message '%s' lacks '%s'", err.msg, msg);
    assert_string_equal(err.where, path);
    unlink(path);
    free(path);
}

static void test_bad_rules_name_file_and_line(void **state)
{
    (void)state;
    expect_load_error("[outcome-verb]\nreduce\n[no-such-class]\nx\n", 3, "unknown class");
    expect_load_error("reduce\n", 1, "before any [class]");
    expect_load_error("[metric]\n%\n", 2, "'key => value'");
    expect_load_error("[weak-opener]\nworked on => x\n", 2, "no '=>'");
    expect_load_error("[outcome-verb]\nreduc(e|ed)\n", 2, "plain verbs");
    expect_load_error("[outcome-verb]\nreduce\n[benefit]\nenabling\n(unclosed\n", 5,
                      "does not compile");
    expect_load_error("[outcome-verb]\nr\xE9"
                      "duire\n",
                      2, "invalid UTF-8");
}

static void test_no_rules_is_an_error(void **state)
{
    (void)state;
    char *path = write_temp("[weak-opener]\nworked on\n", ".rules");
    const char *paths[] = {path};
    jm_rules *r = NULL;
    jm_error err = {0};
    assert_int_equal(jm_rules_load(paths, 1, &r, &err), JM_ERR_DICT);
    assert_non_null(strstr(err.msg, "no phrasing rules"));
    unlink(path);
    free(path);
}

/* A later file adds entries to a class: a user's weak opener counts. */
static void test_user_rules_extend_the_shipped_ones(void **state)
{
    (void)state;
    char *path = write_temp("[weak-opener]\nsat in on\n", ".rules");
    const char *paths[] = {"dictionaries", path};
    jm_rules *r = NULL;
    jm_error err = {0};
    assert_int_equal(jm_rules_load(paths, 2, &r, &err), JM_OK);
    struct jm_arena a = {0};
    struct jm_judgement j;
    const char *text = "Sat in on design reviews for the platform team.";
    assert_int_equal(jm_judge(r, text, strlen(text), JM_TIME_PAST, &a, &j), JM_OK);
    assert_int_equal(j.phrasing, JM_PHRASING_TASK);
    assert_string_equal(j.reasons[0], "weak-opener:sat in on");
    jm_arena_free(&a);
    jm_rules_free(r);
    unlink(path);
    free(path);
}

/* A keyword dictionary given among the paths is not read as rules, and the other way. */
static void test_rules_and_dicts_share_paths(void **state)
{
    (void)state;
    char *dict = write_temp("[language]\nPython\n", ".dict");
    char *extra = write_temp("[benefit]\nunlocking\n", ".rules");
    const char *paths[] = {"dictionaries", dict, extra};
    jm_rules *r = NULL;
    jm_dict *d = NULL;
    jm_error err = {0};
    assert_int_equal(jm_rules_load(paths, 3, &r, &err), JM_OK);
    assert_int_equal(jm_dict_load(paths, 3, &d, &err), JM_OK);
    jm_dict_free(d);
    jm_rules_free(r);
    unlink(dict);
    unlink(extra);
    free(dict);
    free(extra);
}

/* Defines are inlined into the classes that call them; one that calls itself (or calls
 * another many times) still compiles and matches, through PCRE2's own subroutine call. */
static void test_defines_calling_themselves(void **state)
{
    (void)state;
    char *extra = write_temp("[define]\n"
                             "nest => \\((?:[a-z]+|(?&nest))\\)\n"
                             "pair => (?&nest)(?&nest)(?&nest)(?&nest)\n"
                             "quad => (?&pair)(?&pair)(?&pair)(?&pair)\n"
                             "[requirement]\n"
                             "travel => nested\\s+(?&nest)\n"
                             "travel => many\\s+(?&quad)(?&quad)(?&quad)(?&quad)\n",
                             ".rules");
    const char *paths[] = {"dictionaries", extra};
    jm_rules *r = NULL;
    jm_error err = {0};
    assert_int_equal(jm_rules_load(paths, 2, &r, &err), JM_OK);
    struct jm_rule_hit h;
    const char *text = "Travel: nested ((((((((((((deep))))))))))))";
    assert_int_equal(jm_rules_next_hit(r, JM_LABELS_REQUIREMENT, text, strlen(text), 0, &h), 1);
    assert_string_equal(h.label, "travel");
    assert_int_equal(h.end, strlen(text));
    jm_rules_free(r);
    unlink(extra);
    free(extra);
}

/* ---- verbs -------------------------------------------------------------- */

static void expect_forms(const char *base, const char *past, const char *gerund, const char *third)
{
    enum jm_verb_form f;
    const struct jm_verb *v = jm_rules_verb(rules, base, strlen(base), &f);
    if (v == NULL)
        fail_msg("'%s' is not a known verb", base);
    assert_string_equal(v->form[JM_VERB_PAST], past);
    assert_string_equal(v->form[JM_VERB_GERUND], gerund);
    assert_string_equal(v->form[JM_VERB_THIRD], third);
}

static void test_verbs_are_inflected(void **state)
{
    (void)state;
    expect_forms("reduce", "reduced", "reducing", "reduces");
    expect_forms("plan", "planned", "planning", "plans");
    expect_forms("ship", "shipped", "shipping", "ships");
    expect_forms("edit", "edited", "editing", "edits");
    expect_forms("deploy", "deployed", "deploying", "deploys");
    expect_forms("simplify", "simplified", "simplifying", "simplifies");
    expect_forms("build", "built", "building", "builds");
    expect_forms("speed up", "sped up", "speeding up", "speeds up");
    expect_forms("fix", "fixed", "fixing", "fixes");
    expect_forms("lead", "led", "leading", "leads");
}

static void test_verb_lookup_prefers_the_past(void **state)
{
    (void)state;
    enum jm_verb_form f;
    assert_non_null(jm_rules_verb(rules, "Cut", 3, &f));
    assert_int_equal(f, JM_VERB_PAST);
    assert_non_null(jm_rules_verb(rules, "Optimize", 8, &f));
    assert_int_equal(f, JM_VERB_BASE);
    assert_null(jm_rules_verb(rules, "Kubernetes", 10, &f));
}

/* ---- bullets of a resume ------------------------------------------------ */

static const char *const RESUME =
    "# Jane Roe\n"
    "\n"
    "## Skills\n"
    "\n"
    "- Python, Go, PostgreSQL, Kubernetes\n"
    "\n"
    "## Experience\n"
    "\n"
    "### Acme — Staff Engineer\n"
    "\n"
    "*2021 – present*\n"
    "\n"
    "- Built a billing service in Go.\n"
    "  - Cut invoice errors by 40% with property-based tests.\n"
    "- Built the event bus on Kafka.\n"
    "- Built the admin console.\n"
    "\n"
    "### Beta Corp — Engineer\n"
    "\n"
    "*2016 – 2020*\n"
    "\n"
    "- Develop internal tools for finance.\n"
    "- I reduced our deploy time from 30 to 5 minutes.\n"
    "- Responsible for on-call, incident reviews, dashboards, alert tuning, capacity "
    "planning, vendor escalations, budget reports, hiring loops, onboarding documents, "
    "runbooks, quarterly planning, architecture reviews, security questionnaires, "
    "license audits, office moves, laptop refreshes and every other operational chore "
    "that came up.\n"
    "\n"
    "Also ran the release train for the mobile apps. Launched the Android app in "
    "twelve countries.\n"
    "\n"
    "## Education\n"
    "\n"
    "- BSc Computer Science, University of Somewhere, 2016\n";

static jm_bullets *analyze(const char *text)
{
    jm_doc *doc = parse_doc(text, "resume.md", JM_ROLE_RESUME);
    jm_bullets *b = NULL;
    jm_error err = {0};
    assert_int_equal(jm_bullets_analyze(rules, doc, &b, &err), JM_OK);
    return b;
}

static bool has_flag(const jm_bullet *b, const char *flag)
{
    for (size_t i = 0; i < b->nflags; i++)
        if (strcmp(b->flags[i], flag) == 0)
            return true;
    return false;
}

static void test_bullets_outside_skills_and_education(void **state)
{
    (void)state;
    jm_bullets *b = analyze(RESUME);
    /* 4 under Acme (one nested), 3 under Beta, 2 sentences of the paragraph */
    assert_int_equal(jm_bullets_count(b), 9);
    assert_string_equal(jm_bullets_get(b, 0)->text, "Built a billing service in Go.");
    assert_int_equal(jm_bullets_get(b, 0)->line, 13);
    assert_string_equal(jm_bullets_get(b, 0)->section, "Acme — Staff Engineer");
    assert_string_equal(jm_bullets_get(b, 1)->text,
                        "Cut invoice errors by 40% with property-based tests.");
    assert_int_equal(jm_bullets_get(b, 1)->phrasing, JM_PHRASING_RESULT);
    assert_string_equal(jm_bullets_get(b, 4)->section, "Beta Corp — Engineer");
    assert_string_equal(jm_bullets_get(b, 7)->text,
                        "Also ran the release train for the mobile apps.");
    assert_string_equal(jm_bullets_get(b, 8)->text,
                        "Launched the Android app in twelve countries.");
    assert_int_equal(jm_bullets_get(b, 8)->phrasing, JM_PHRASING_PARTIAL);
    assert_int_equal(jm_bullets_tally(b, JM_PHRASING_RESULT), 2);
    assert_int_equal(jm_bullets_tally(b, JM_PHRASING_PARTIAL), 1);
    assert_int_equal(jm_bullets_tally(b, JM_PHRASING_TASK), 6);
    jm_doc_free((jm_doc *)jm_bullets_doc(b));
    jm_bullets_free(b);
}

static void test_reviewer_flags(void **state)
{
    (void)state;
    jm_bullets *b = analyze(RESUME);
    /* "Built" opens three bullets of one role */
    assert_true(has_flag(jm_bullets_get(b, 0), "repeated-verb:built"));
    assert_true(has_flag(jm_bullets_get(b, 3), "repeated-verb:built"));
    assert_false(has_flag(jm_bullets_get(b, 1), "repeated-verb:built"));
    /* present tense in a role that ended in 2020, not in the current one */
    assert_true(has_flag(jm_bullets_get(b, 4), "present-tense-in-past-role"));
    assert_true(has_flag(jm_bullets_get(b, 5), "first-person:I"));
    assert_true(has_flag(jm_bullets_get(b, 6), "too-long"));
    assert_true(has_flag(jm_bullets_get(b, 3), "too-short"));
    assert_int_equal(jm_bullets_get(b, 5)->phrasing, JM_PHRASING_RESULT);
    jm_doc_free((jm_doc *)jm_bullets_doc(b));
    jm_bullets_free(b);
}

static void test_hints_use_the_bullets_words(void **state)
{
    (void)state;
    jm_bullets *b = analyze("## Experience\n\n"
                            "- Responsible for maintaining the internal admin API.\n"
                            "- Helped with the migration of document storage to S3.\n"
                            "- Improved reliability of the billing pipeline.\n"
                            "- Cut p95 latency from 800 ms to 120 ms.\n");
    const char *h0 = jm_bullets_get(b, 0)->hint, *h1 = jm_bullets_get(b, 1)->hint;
    const char *h2 = jm_bullets_get(b, 2)->hint;
    if (!strstr(h0, "\"Maintained the internal admin API\""))
        fail_msg("hint: %s", h0);
    if (!strstr(h1, "\"Migrated document storage to S3\""))
        fail_msg("hint: %s", h1);
    if (!strstr(h2, "uptime"))
        fail_msg("hint: %s", h2);
    assert_string_equal(jm_bullets_get(b, 3)->hint, "");
    jm_doc_free((jm_doc *)jm_bullets_doc(b));
    jm_bullets_free(b);
}

/* The role's time reaches the hint: present tense in a role still held, the past in one
 * that ended, every coordinated verb changed. */
static void test_hints_follow_the_roles_time(void **state)
{
    (void)state;
    jm_bullets *b = analyze("## Experience\n\n"
                            "### Acme — Engineer\n\n*2022 – present*\n\n"
                            "- Develop and maintain the billing API for partners.\n\n"
                            "### Beta — Engineer\n\n*2016 – 2020*\n\n"
                            "- Develop and maintain the billing API for partners.\n");
    const jm_bullet *now = jm_bullets_get(b, 0), *then = jm_bullets_get(b, 1);
    if (!strstr(now->hint, "The present tense suits a current role: keep \"Develop and "
                           "maintain the billing API"))
        fail_msg("hint: %s", now->hint);
    if (!strstr(then->hint, "Use the past tense, \"Developed and maintained the billing API"))
        fail_msg("hint: %s", then->hint);
    for (size_t i = 0; i < now->nreasons; i++)
        assert_string_not_equal(now->reasons[i], "present-tense");
    bool past_reason = false;
    for (size_t i = 0; i < then->nreasons; i++)
        past_reason |= strcmp(then->reasons[i], "present-tense") == 0;
    assert_true(past_reason);
    assert_int_equal(now->phrasing, JM_PHRASING_TASK);
    assert_int_equal(then->phrasing, JM_PHRASING_TASK);
    jm_doc_free((jm_doc *)jm_bullets_doc(b));
    jm_bullets_free(b);
}

static void test_short_items_without_a_verb_are_not_bullets(void **state)
{
    (void)state;
    jm_bullets *b = analyze("## Languages\n\n- Polish (native)\n- Hiking\n\n"
                            "## Experience\n\n- Led hiring.\n");
    assert_int_equal(jm_bullets_count(b), 1);
    assert_string_equal(jm_bullets_get(b, 0)->text, "Led hiring.");
    jm_doc_free((jm_doc *)jm_bullets_doc(b));
    jm_bullets_free(b);
}

/* ---- tests/bullets/cases.test ------------------------------------------- */

static bool has_reason(const struct jm_judgement *j, const char *r)
{
    for (size_t i = 0; i < j->nreasons; i++)
        if (strcmp(j->reasons[i], r) == 0)
            return true;
    return false;
}

/* A bullet in French, German, Dutch or Spanish gets no English rewrite; an English one with
 * a foreign word or two ("de facto", "y-axis") is judged as usual. */
static void test_other_languages_get_no_rewrite(void **state)
{
    static const char *const other[] = {
        "Entwicklung von Microservices mit Go und Kafka f\xC3\xBCr die Logistik",
        "Mise en place des pipelines CI/CD pour les \xC3\xA9quipes produit",
        "Desarrollo de APIs para los clientes del banco con Java y Spring",
        "Ontwikkeling van een betaalplatform voor het team met Go"};
    static const char *const english[] = {
        "Built the de facto standard library for the y-axis plots of the team.",
        "Moved the billing service from Python to Go, cutting costs by 30%."};
    for (size_t i = 0; i < sizeof other / sizeof *other; i++) {
        struct jm_arena a = {0};
        struct jm_judgement j;
        assert_int_equal(jm_judge(rules, other[i], strlen(other[i]), JM_TIME_PAST, &a, &j), JM_OK);
        if (!has_reason(&j, "language-not-covered") || strstr(j.hint, "not in English") == NULL)
            fail_msg("judged as English: %s", other[i]);
        jm_arena_free(&a);
    }
    for (size_t i = 0; i < sizeof english / sizeof *english; i++) {
        struct jm_arena a = {0};
        struct jm_judgement j;
        assert_int_equal(jm_judge(rules, english[i], strlen(english[i]), JM_TIME_PAST, &a, &j),
                         JM_OK);
        if (has_reason(&j, "language-not-covered"))
            fail_msg("judged as another language: %s", english[i]);
        jm_arena_free(&a);
    }
}

/* Checks one case; returns false and prints why when it fails. */
static bool check_case(const char *file, int line, const char *text, char *expect)
{
    struct jm_arena a = {0};
    struct jm_judgement j;
    assert_int_equal(jm_judge(rules, text, strlen(text), JM_TIME_PAST, &a, &j), JM_OK);
    char wanted[1024];
    snprintf(wanted, sizeof wanted, "%s", expect);
    char *colon = strchr(expect, ':');
    if (colon)
        *colon = '\0';
    bool ok = strcmp(jm_phrasing_name(j.phrasing), expect) == 0;
    for (char *r = colon ? strtok(colon + 1, ",") : NULL; r; r = strtok(NULL, ",")) {
        while (*r == ' ')
            r++;
        ok &= has_reason(&j, r);
    }
    if (!ok) {
        fprintf(stderr, "%s:%d: \"%s\"\n    got %s:", file, line, text,
                jm_phrasing_name(j.phrasing));
        for (size_t i = 0; i < j.nreasons; i++)
            fprintf(stderr, "%s %s", i ? "," : "", j.reasons[i]);
        fprintf(stderr, "\n    expected %s\n", wanted);
    }
    jm_arena_free(&a);
    return ok;
}

static void test_case_file(void **state)
{
    (void)state;
    const char *path = "tests/bullets/cases.test";
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[1024], text[1024] = "";
    int lineno = 0, cases = 0, failures = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        if (strncmp(line, "=> ", 3) != 0) {
            snprintf(text, sizeof text, "%s", line);
            continue;
        }
        if (text[0] == '\0')
            fail_msg("%s:%d: a verdict with no bullet", path, lineno);
        cases++;
        failures += !check_case(path, lineno, text, line + 3);
        text[0] = '\0';
    }
    fclose(f);
    fprintf(stderr, "tests/bullets: %d cases, %d failed\n", cases, failures);
    assert_true(cases >= 60);
    assert_int_equal(failures, 0);
}

/* Checks the hint of one case: every "=> TEXT" in it, no "!> TEXT". */
static bool check_hint(const char *file, int line, const char *text, enum jm_role_time time,
                       char checks[][1024], size_t nchecks)
{
    struct jm_arena a = {0};
    struct jm_judgement j;
    assert_int_equal(jm_judge(rules, text, strlen(text), time, &a, &j), JM_OK);
    bool ok = true;
    for (size_t i = 0; i < nchecks; i++) {
        bool want = checks[i][0] == '=';
        if ((strstr(j.hint, checks[i] + 3) != NULL) != want) {
            fprintf(stderr, "%s:%d: \"%s\"\n    hint: %s\n    expected %s\n", file, line, text,
                    j.hint, checks[i]);
            ok = false;
        }
    }
    jm_arena_free(&a);
    return ok;
}

static void test_hint_file(void **state)
{
    (void)state;
    const char *path = "tests/bullets/hints.test";
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[1024], text[1024] = "", checks[8][1024];
    size_t nchecks = 0;
    enum jm_role_time time = JM_TIME_UNKNOWN;
    int lineno = 0, at = 0, cases = 0, failures = 0;
    for (bool more = true; more;) {
        more = fgets(line, sizeof line, f) != NULL;
        lineno += more;
        line[more ? strcspn(line, "\n") : 0] = '\0';
        bool check = strncmp(line, "=> ", 3) == 0 || strncmp(line, "!> ", 3) == 0;
        if (!check && nchecks > 0) { /* the end of a case */
            cases++;
            failures += !check_hint(path, at, text, time, checks, nchecks);
            nchecks = 0;
            text[0] = '\0';
            time = JM_TIME_UNKNOWN;
        }
        if (line[0] == '#' || line[0] == '\0')
            continue;
        if (check) {
            if (text[0] == '\0' || nchecks == 8)
                fail_msg("%s:%d: a check with no bullet, or too many", path, lineno);
            snprintf(checks[nchecks++], sizeof checks[0], "%s", line);
        } else if (line[0] == '@') {
            time = strcmp(line, "@past") == 0      ? JM_TIME_PAST
                   : strcmp(line, "@current") == 0 ? JM_TIME_CURRENT
                                                   : JM_TIME_UNKNOWN;
        } else {
            snprintf(text, sizeof text, "%s", line);
            at = lineno;
        }
    }
    fclose(f);
    fprintf(stderr, "tests/bullets hints: %d cases, %d failed\n", cases, failures);
    assert_true(cases >= 20);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_rules_name_file_and_line),
        cmocka_unit_test(test_no_rules_is_an_error),
        cmocka_unit_test(test_user_rules_extend_the_shipped_ones),
        cmocka_unit_test(test_rules_and_dicts_share_paths),
        cmocka_unit_test(test_defines_calling_themselves),
        cmocka_unit_test(test_verbs_are_inflected),
        cmocka_unit_test(test_verb_lookup_prefers_the_past),
        cmocka_unit_test(test_bullets_outside_skills_and_education),
        cmocka_unit_test(test_reviewer_flags),
        cmocka_unit_test(test_hints_use_the_bullets_words),
        cmocka_unit_test(test_hints_follow_the_roles_time),
        cmocka_unit_test(test_short_items_without_a_verb_are_not_bullets),
        cmocka_unit_test(test_other_languages_get_no_rewrite),
        cmocka_unit_test(test_case_file),
        cmocka_unit_test(test_hint_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
