/*
 * Unit tests for the positions of a resume: which headings open one (read/positions.c),
 * how a heading or line is read into title, employer and dates (position.c), and how the
 * bullets are grouped under them (bullets.c).
 */
#include "unit.h"

static jm_rules *rules;

static int setup(void **state)
{
    jm_error err = {0};
    const char *paths[] = {"dictionaries"};
    assert_int_equal(jm_rules_load(paths, 1, &rules, &err), JM_OK);
    return 0;
}

static int teardown(void **state)
{
    jm_rules_free(rules);
    return 0;
}

/* The block whose text starts with `text`; fails the test when there is none. */
static const struct jm_block *block(const jm_doc *doc, const char *text)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (strncmp(doc->blocks[i].text, text, strlen(text)) == 0)
            return &doc->blocks[i];
    fail_msg("no block '%s'", text);
    return NULL;
}

static bool words_only(const char *heading)
{
    struct jm_arena a = {0};
    char *norm;
    size_t n;
    uint32_t *map;
    jm_normalize(heading, strlen(heading), &a, &norm, &n, &map);
    bool only = jm_section_words_only(norm, n);
    jm_arena_free(&a);
    return only;
}

static void test_section_words(void **state)
{
    assert_true(words_only("Work Experience"));
    assert_true(words_only("Skills & Tools"));
    assert_true(words_only("Relevant Projects"));
    assert_true(words_only("Education and Certifications"));
    assert_true(words_only("Languages and Frameworks"));
    /* a section word among others decides nothing */
    assert_false(words_only("Senior Engineer \xE2\x80\x94 Dell Technologies"));
    assert_false(words_only("Acme Skills Inc"));
    assert_false(words_only("Education First"));
    assert_false(words_only("Contact Energy"));
    assert_false(words_only("Tools for Humanity"));
}

static void test_dated(void **state)
{
    assert_true(jm_text_dated("2019 \xE2\x80\x93 Present", 13));
    assert_true(jm_text_dated("2024- ACME", 10));
    assert_true(jm_text_dated("~2023.09:", 9));
    assert_true(jm_text_dated("Mar 2016", 8));
    assert_false(jm_text_dated("Python 3.11", 11));
    assert_false(jm_text_dated("12000 users", 11));
    assert_false(jm_text_dated("v3000", 5));
}

static void test_headings_that_open_positions(void **state)
{
    jm_doc *doc =
        parse_doc("# Dana Whitfield\n\n## Experience\n\n"
                  "### Senior Engineer \xE2\x80\x94 Dell Technologies\n\n- Cut costs.\n\n"
                  "### Acme Skills Inc\n\n- Built a service.\n\n"
                  "### Tools for Humanity\nSRE, 2011 \xE2\x80\x93 2012\n\n- Ran on-call.\n\n"
                  "#### Key Accomplishments\n\n- Won the bid.\n\n"
                  "#### Technologies Used\n\n- Go, Kafka\n\n"
                  "## Core Strengths\n\n- Distributed systems\n\n"
                  "## Certifications & Licenses\n\n### AWS Developer Associate\n\n"
                  "## Education\n\n### BSc Physics, Leeds (2010)\n",
                  "cv.md", JM_ROLE_RESUME);
    const char *opens[] = {"Senior Engineer", "Acme Skills Inc", "Tools for Humanity",
                           "BSc Physics"};
    const char * not [] = {"Experience",     "Key Accomplishments", "Technologies Used",
                           "Core Strengths", "Certifications",      "AWS Developer"};
    for (size_t i = 0; i < sizeof opens / sizeof opens[0]; i++)
        if (!block(doc, opens[i])->position)
            fail_msg("'%s' opens no position", opens[i]);
    for (size_t i = 0; i < sizeof not / sizeof not [0]; i++)
        if (block(doc, not [i])->position)
            fail_msg("'%s' opens a position", not [i]);
    /* a position's words make no section: the bullets stay in experience */
    assert_int_equal(block(doc, "Cut costs")->section, JM_SEC_EXPERIENCE);
    assert_int_equal(block(doc, "Built a service")->section, JM_SEC_EXPERIENCE);
    assert_int_equal(block(doc, "Ran on-call")->section, JM_SEC_EXPERIENCE);
    assert_int_equal(block(doc, "Won the bid")->section, JM_SEC_EXPERIENCE);
    assert_int_equal(block(doc, "Go, Kafka")->section, JM_SEC_SKILLS);
    assert_int_equal(block(doc, "Distributed systems")->section, JM_SEC_SKILLS);
    assert_int_equal(block(doc, "BSc Physics")->section, JM_SEC_EDUCATION);
    jm_doc_free(doc);
}

static void test_a_flat_resume(void **state)
{
    /* every heading at one level, no "Experience" heading: positions open experience */
    jm_doc *doc = parse_doc("## Skills\n\n- Go, Kafka\n\n"
                            "## Data Analyst | Contact Energy | 2012 - 2014\n\n- Built reports.\n\n"
                            "## Sales Experience\n\n- Sold things to people.\n",
                            "cv.md", JM_ROLE_RESUME);
    assert_true(block(doc, "Data Analyst")->position);
    assert_int_equal(block(doc, "Built reports")->section, JM_SEC_EXPERIENCE);
    assert_false(block(doc, "Sales Experience")->position);
    assert_int_equal(block(doc, "Sold things")->section, JM_SEC_EXPERIENCE);
    jm_doc_free(doc);
}

static void test_json_resume_work_is_positions(void **state)
{
    jm_doc *doc = parse_doc("{\"work\": [{\"name\": \"Skills Inc\", \"position\": \"Tutor\","
                            " \"summary\": \"Tutoring for 200 schools.\","
                            " \"highlights\": [\"Wrote the maths course.\"]}]}",
                            "cv.json", JM_ROLE_RESUME);
    assert_true(block(doc, "Tutor")->position);
    assert_true(block(doc, "Tutoring for")->context);
    assert_int_equal(block(doc, "Wrote the maths")->section, JM_SEC_EXPERIENCE);
    jm_doc_free(doc);
}

static void read_position(const char *line, const char *title, const char *employer,
                          const char *dates)
{
    struct jm_arena a = {0};
    jm_position p = {line, "", "", "", 0};
    jm_position_read(&p, line, strlen(line), &a);
    if (strcmp(p.title, title) != 0 || strcmp(p.employer, employer) != 0 ||
        strcmp(p.dates, dates) != 0)
        fail_msg("'%s': got '%s' / '%s' / '%s'", line, p.title, p.employer, p.dates);
    jm_arena_free(&a);
}

static void test_reading_a_position(void **state)
{
    read_position("Senior Engineer \xE2\x80\x94 Dell Technologies", "Senior Engineer",
                  "Dell Technologies", "");
    read_position("Contact Energy | Data Analyst | 2012 - 2014", "Data Analyst", "Contact Energy",
                  "2012 - 2014");
    read_position("Education First \xE2\x80\x94 Software Engineer (2014\xE2\x80\x93"
                  "2016)",
                  "Software Engineer", "Education First",
                  "2014\xE2\x80\x93"
                  "2016");
    read_position("Account Executive at Northwind (2018 \xE2\x80\x93 2021)", "Account Executive",
                  "Northwind", "2018 \xE2\x80\x93 2021");
    read_position("2024- ACME Senior SE ------ Somerville MA", "", "ACME Senior SE", "2024-");
    /* the dates are one run: a year later in the line is no part of them */
    read_position("Jun 2018 \xE2\x80\x93 Feb 2021 \xC2\xB7 Remote (Berlin office from 2020)", "",
                  "", "Jun 2018 \xE2\x80\x93 Feb 2021");
    read_position("Mar 2021 \xE2\x80\x93 present", "", "", "Mar 2021 \xE2\x80\x93 present");
    read_position("Engineer (Contract) \xE2\x80\x94 Acme", "Engineer", "Acme", "");
    read_position("Cleveland State University (Associate College Lecturer, 2016/08 - 2023/05)",
                  "Associate College Lecturer", "Cleveland State University", "2016/08 - 2023/05");
    read_position("**Dates:** June 2023 - Present", "", "", "June 2023 - Present");
    read_position("Software Engineer I - II | Sidenis, SwissRe | 2018 - 2020",
                  "Software Engineer I", "Sidenis", "2018 - 2020");
    read_position("**Venmo / PayPal** \xE2\x80\x94 Senior SRE, Remote", "Senior SRE",
                  "Venmo / PayPal", "");
}

static void test_position_lines(void **state)
{
    static const char *const lines[] = {
        "Venmo / PayPal \xE2\x80\x94 Senior SRE", "2024- ACME Senior SE ------ Somerville MA",
        "Site Reliability Engineer, 2011 \xE2\x80\x93 2012", "Acme Cloud, SRE, 2019 - 2023"};
    static const char *const bullets[] = {
        "Built the billing API \xE2\x80\x94 used by 3 teams since 2021",
        "~2023.09: Created a service that moved 4,000 products to WordPress",
        "Cut the build time in 2022.", "Mentored engineers, two promoted to lead"};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        if (!jm_position_line(rules, lines[i], strlen(lines[i])))
            fail_msg("'%s' is no position line", lines[i]);
    for (size_t i = 0; i < sizeof bullets / sizeof bullets[0]; i++)
        if (jm_position_line(rules, bullets[i], strlen(bullets[i])))
            fail_msg("'%s' is a position line", bullets[i]);
    assert_true(jm_skill_duration(rules, "Java ~1 year", 12));
    assert_true(jm_skill_duration(rules, "Go (5+ years)", 13));
    assert_false(jm_skill_duration(rules, "Led a 2 year migration", 23));
    assert_false(jm_skill_duration(rules, "Python and Go", 13));
}

static void test_bullets_under_positions(void **state)
{
    jm_doc *doc = parse_doc("JORDAN PIKE\n\nEXPERIENCE\n\nVenmo / PayPal \xE2\x80\x94 Senior SRE\n"
                            "2019 - present\n  - Moved the ledger to a three-node cluster, which\n"
                            "    cut failover time from 20 minutes to 30 seconds.\n"
                            "  - Wrote the runbooks.\n\n#### Key Accomplishments\n"
                            "  - Trained the on-call team.\n\nSKILLS\nJava ~1 year\n",
                            "cv.txt", JM_ROLE_RESUME);
    jm_bullets *bs = NULL;
    jm_error err = {0};
    assert_int_equal(jm_bullets_analyze(rules, doc, &bs, &err), JM_OK);
    assert_int_equal(jm_bullets_count(bs), 3);
    const jm_bullet *first = jm_bullets_get(bs, 0);
    assert_non_null(first->position);
    assert_string_equal(first->position->title, "Senior SRE");
    assert_string_equal(first->position->employer, "Venmo / PayPal");
    assert_string_equal(first->position->dates, "2019 - present");
    assert_int_equal(first->line, 7);
    assert_non_null(strstr(first->text, "30 seconds")); /* the wrapped bullet, whole */
    for (size_t i = 1; i < 3; i++)
        assert_ptr_equal(jm_bullets_get(bs, i)->position, first->position);
    jm_bullets_free(bs);
    jm_doc_free(doc);
}

static void test_a_wrapped_pdf_export(void **state)
{
    jm_doc *doc =
        parse_doc("<p><b>Experience</b></p><p><b>Engineer \xE2\x80\x94 Acme</b></p>"
                  "<p>\xE2\x80\xA2 Rebuilt the deployment tooling in Go, which cut the</p>"
                  "<p>release time from two days to four hours.</p>"
                  "<p>\xE2\x80\xA2 Kept the Ansible roles.</p>"
                  "<p>The whole team moved to the Berlin office that spring.</p>",
                  "cv.html", JM_ROLE_RESUME);
    jm_bullets *bs = NULL;
    jm_error err = {0};
    assert_int_equal(jm_bullets_analyze(rules, doc, &bs, &err), JM_OK);
    assert_int_equal(jm_bullets_count(bs), 3);
    assert_non_null(strstr(jm_bullets_get(bs, 0)->text, "four hours"));
    /* a line after a short, finished bullet is a line of its own */
    assert_string_equal(jm_bullets_get(bs, 1)->text, "Kept the Ansible roles.");
    jm_bullets_free(bs);
    jm_doc_free(doc);
}

/* The bullets' texts of a resume, one per line. */
static char *bullet_texts(const char *text, const char *name)
{
    jm_doc *doc = parse_doc(text, name, JM_ROLE_RESUME);
    jm_bullets *bs = NULL;
    jm_error err = {0};
    assert_int_equal(jm_bullets_analyze(rules, doc, &bs, &err), JM_OK);
    struct jm_buf b = {0};
    for (size_t i = 0; i < jm_bullets_count(bs); i++)
        jm_buf_printf(&b, "%s\n", jm_bullets_get(bs, i)->text);
    jm_bullets_free(bs);
    jm_doc_free(doc);
    char *out = strdup(b.data ? b.data : "");
    jm_buf_free(&b);
    return out;
}

static void test_what_is_no_bullet(void **state)
{
    /* a resume with experience: lists elsewhere are no bullets, whatever their heading */
    char *got = bullet_texts("## Experience\n\n### Acme \xE2\x80\x94 Engineer (2019 - 2021)\n\n"
                             "Acme is a freight company with 40 staff. Moved the billing jobs "
                             "to Kafka within a quarter.\n\n"
                             "- Ulk \xE2\x80\x94 a framework of agents for code review\n"
                             "- Java ~1 year\n\n"
                             "## Code Management\n\n- Git, Mercurial, SVN\n\n"
                             "## Interests\n\n- Running marathons every spring with friends\n",
                             "cv.md");
    assert_string_equal(got, "Moved the billing jobs to Kafka within a quarter.\n"
                             "Ulk \xE2\x80\x94 a framework of agents for code review\n");
    free(got);
    /* without any experience jobmatch can tell, lists under any heading are judged */
    got = bullet_texts("## Things I did\n\n- Built the billing jobs in Go\n", "cv.md");
    assert_string_equal(got, "Built the billing jobs in Go\n");
    free(got);
    /* a dateless item that names a role opens a position over items of its own */
    got = bullet_texts("## Experience\n\n- Venmo \xE2\x80\x94 Senior SRE\n"
                       "  - Wrote the runbooks for the ledger.\n",
                       "cv.md");
    assert_string_equal(got, "Wrote the runbooks for the ledger.\n");
    free(got);
}

static void test_headings_in_other_languages(void **state)
{
    jm_doc *doc = parse_doc("# Marie Curie\n\n## Expériences\n\n### Régie Autonome\n"
                            "Lille \xE2\x80\x93 2021\n\n- Conçu le portail client.\n\n"
                            "## Compétences\n\n- Python, SQL\n\n## Formation\n\n- Master, 2015\n",
                            "cv.md", JM_ROLE_RESUME);
    assert_true(block(doc, "Régie Autonome")->position);
    assert_int_equal(block(doc, "Conçu")->section, JM_SEC_EXPERIENCE);
    assert_int_equal(block(doc, "Python, SQL")->section, JM_SEC_SKILLS);
    assert_int_equal(block(doc, "Master")->section, JM_SEC_EDUCATION);
    jm_doc_free(doc);
}

/* The first bullet's position of a resume, as "title / employer / dates". */
static char *first_position(const char *text, const char *name)
{
    jm_doc *doc = parse_doc(text, name, JM_ROLE_RESUME);
    jm_bullets *bs = NULL;
    jm_error err = {0};
    assert_int_equal(jm_bullets_analyze(rules, doc, &bs, &err), JM_OK);
    assert_true(jm_bullets_count(bs) > 0);
    const jm_position *p = jm_bullets_get(bs, 0)->position;
    assert_non_null(p);
    char buf[256];
    snprintf(buf, sizeof buf, "%s / %s / %s", p->title, p->employer, p->dates);
    jm_bullets_free(bs);
    jm_doc_free(doc);
    return strdup(buf);
}

static void test_a_position_told_over_several_lines(void **state)
{
    static const struct {
        const char *resume, *want;
    } cases[] = {
        /* employer, title and dates each a heading, deeper and deeper */
        {"## Experience\n\n### PingCAP\n\n#### Senior Database Engineer\n\n"
         "##### December 2018 \xE2\x80\x93 September 2021\n\n- Ran the storage team.\n",
         "Senior Database Engineer / PingCAP / December 2018 \xE2\x80\x93 September 2021"},
        /* a line under the heading tells the employer */
        {"## Experience\n\n### Data Scientist | May 2023 - Present\n\n"
         "> TrendPlus AB, Stockholm, Sweden _(Remote)_\n\n- Trained the forecasting models.\n",
         "Data Scientist / TrendPlus AB / May 2023 - Present"},
        /* a long dated line under the heading is still the position's, not a bullet */
        {"## Experience\n\n### regrets.app\n"
         "Lille / Paris / full remote \xE2\x80\x93 2025 Head of Product | 2025 \xE2\x80\x93 "
         "present | "
         "Company Link\n\n- Built the apps.\n",
         "Head of Product / regrets.app / 2025"},
        /* columns parted by wide gaps, as a plain-text or code-block resume writes them */
        {"EXPERIENCE\n\nSoftware Engineer II      Epam Systems      2020 - Current\n"
         "- Built the billing service in Go.\n",
         "Software Engineer II / Epam Systems / 2020 - Current"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = first_position(cases[i].resume, i == 3 ? "cv.txt" : "cv.md");
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("case %zu: got '%s'", i, got);
        free(got);
    }
}

static void test_a_promotion_keeps_the_employer(void **state)
{
    jm_doc *doc = parse_doc("## Experience\n\n### Acme (2016 - 2021)\n\n"
                            "#### Engineer, 2016 - 2018\n\n- Built the billing service.\n\n"
                            "#### Staff Engineer, 2018 - 2021\n\n- Led the storage team.\n\n"
                            "#### Key Accomplishments\n\n- Cut hosting costs by 30%.\n",
                            "cv.md", JM_ROLE_RESUME);
    jm_bullets *bs = NULL;
    jm_error err = {0};
    assert_int_equal(jm_bullets_analyze(rules, doc, &bs, &err), JM_OK);
    assert_int_equal(jm_bullets_count(bs), 3);
    const jm_position *a = jm_bullets_get(bs, 0)->position, *b = jm_bullets_get(bs, 1)->position;
    assert_string_equal(a->title, "Engineer");
    assert_string_equal(b->title, "Staff Engineer");
    assert_string_equal(b->employer, "Acme");
    assert_string_equal(b->dates, "2018 - 2021");
    assert_ptr_equal(jm_bullets_get(bs, 2)->position, b);
    jm_bullets_free(bs);
    jm_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_section_words),
        cmocka_unit_test(test_dated),
        cmocka_unit_test(test_headings_that_open_positions),
        cmocka_unit_test(test_a_flat_resume),
        cmocka_unit_test(test_json_resume_work_is_positions),
        cmocka_unit_test(test_reading_a_position),
        cmocka_unit_test(test_position_lines),
        cmocka_unit_test(test_bullets_under_positions),
        cmocka_unit_test(test_a_wrapped_pdf_export),
        cmocka_unit_test(test_what_is_no_bullet),
        cmocka_unit_test(test_headings_in_other_languages),
        cmocka_unit_test(test_a_position_told_over_several_lines),
        cmocka_unit_test(test_a_promotion_keeps_the_employer),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
