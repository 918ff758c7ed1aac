/* Unit tests for src/section.c: headings, lead-ins and cues of postings and resumes. */
#include "unit.h"

static enum jm_section classify(const char *heading, jm_role role)
{
    struct jm_arena a = {0};
    char *norm;
    size_t n;
    uint32_t *map;
    jm_normalize(heading, strlen(heading), &a, &norm, &n, &map);
    enum jm_section s = jm_section_classify(norm, n, role);
    jm_arena_free(&a);
    return s;
}

static void test_posting_headings(void **state)
{
    static const struct {
        const char *h;
        enum jm_section s;
    } cases[] = {
        {"Requirements", JM_SEC_REQUIRED},
        {"What you\xE2\x80\x99ll need", JM_SEC_REQUIRED},
        {"Must have:", JM_SEC_REQUIRED},
        {"Who you are", JM_SEC_REQUIRED},
        {"Minimum Qualifications", JM_SEC_REQUIRED},
        {"What you will need", JM_SEC_REQUIRED},
        {"Preferred Qualifications", JM_SEC_PREFERRED},
        {"Nice to have", JM_SEC_PREFERRED},
        {"Bonus points", JM_SEC_PREFERRED},
        {"Pluses", JM_SEC_PREFERRED},
        {"What you'll do", JM_SEC_RESPONSIBILITY},
        {"Responsibilities", JM_SEC_RESPONSIBILITY},
        {"About us", JM_SEC_BOILERPLATE},
        {"Benefits & Perks", JM_SEC_BOILERPLATE},
        {"About Northwind", JM_SEC_BOILERPLATE},
        {"Equal Opportunity", JM_SEC_BOILERPLATE},
        {"About the role", JM_SEC_GENERAL},
        {"About the job", JM_SEC_GENERAL},
        {"Vos missions", JM_SEC_RESPONSIBILITY},
        {"Wat vragen wij?", JM_SEC_REQUIRED},
        {"Ihr Profil", JM_SEC_REQUIRED},
        {"What We Need To See", JM_SEC_REQUIRED},
        {"Ways To Stand Out From The Crowd", JM_SEC_PREFERRED},
        {"What you bring", JM_SEC_REQUIRED},
        {"Basic Qualifications", JM_SEC_REQUIRED},
        {"Your profile", JM_SEC_REQUIRED},
        {"Requisitos", JM_SEC_REQUIRED},
        {"Se valorar\xC3\xA1", JM_SEC_PREFERRED},
        {"Responsabilidades", JM_SEC_RESPONSIBILITY},
        {"W\xC3\xBCnschenswert", JM_SEC_PREFERRED},
        {"Von Vorteil", JM_SEC_PREFERRED},
        {"\xC3\x9C"
         "ber uns",
         JM_SEC_BOILERPLATE},
        {"Un plus", JM_SEC_PREFERRED},
        {"Profil recherch\xC3\xA9", JM_SEC_REQUIRED},
        {"Wat wij vragen", JM_SEC_REQUIRED},
        {"Backend Team", JM_SEC_NONE},
        {"We need to talk about the weather", JM_SEC_NONE},
        {"What work here offers:", JM_SEC_BOILERPLATE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (classify(cases[i].h, JM_ROLE_POSTING) != cases[i].s)
            fail_msg("'%s': got %d, expected %d", cases[i].h, classify(cases[i].h, JM_ROLE_POSTING),
                     cases[i].s);
}

static void test_resume_headings(void **state)
{
    assert_int_equal(classify("Technical Skills", JM_ROLE_RESUME), JM_SEC_SKILLS);
    assert_int_equal(classify("Professional Experience", JM_ROLE_RESUME), JM_SEC_EXPERIENCE);
    assert_int_equal(classify("Education", JM_ROLE_RESUME), JM_SEC_EDUCATION);
    assert_int_equal(classify("Side Projects", JM_ROLE_RESUME), JM_SEC_PROJECTS);
    assert_int_equal(classify("Summary", JM_ROLE_RESUME), JM_SEC_SUMMARY);
    assert_int_equal(classify("Acme Corp", JM_ROLE_RESUME), JM_SEC_NONE);
}

static jm_importance importance_of(const jm_doc *doc, const char *text)
{
    return get(doc, text)->importance;
}

static void test_sections_flow_through_the_document(void **state)
{
    jm_doc *doc = parse_doc("# Backend Engineer\n\nIntro text.\n\n## Requirements\n\n"
                            "### Core\n\n- Core skill\n- Nice: this one is a plus\n\n"
                            "## Benefits\n\n- Free lunch\n\n## Team\n\n- Team item\n\n"
                            "Preferred: a lead-in line\n",
                            "job.md", JM_ROLE_POSTING);
    assert_int_equal(importance_of(doc, "Backend Engineer"), JM_IMPORTANCE_TITLE);
    assert_int_equal(importance_of(doc, "Intro text."), JM_IMPORTANCE_MENTIONED);
    /* A sub-heading it cannot read continues its parent's section. */
    assert_int_equal(importance_of(doc, "Core skill"), JM_IMPORTANCE_REQUIRED);
    assert_int_equal(importance_of(doc, "Nice: this one is a plus"), JM_IMPORTANCE_PREFERRED);
    assert_int_equal(importance_of(doc, "Free lunch"), JM_IMPORTANCE_BOILERPLATE);
    /* A sibling heading it cannot read ends the section. */
    assert_int_equal(importance_of(doc, "Team item"), JM_IMPORTANCE_MENTIONED);
    assert_int_equal(importance_of(doc, "Preferred: a lead-in line"), JM_IMPORTANCE_PREFERRED);
    jm_doc_free(doc);
}

static void test_cues_in_unsectioned_text(void **state)
{
    jm_doc *doc = parse_doc("Engineer\nWe are an equal opportunity employer.\n"
                            "5+ years of experience with Go required.\nWe ship daily.\n",
                            "job.txt", JM_ROLE_POSTING);
    assert_int_equal(importance_of(doc, "We are an equal opportunity employer."),
                     JM_IMPORTANCE_BOILERPLATE);
    assert_int_equal(importance_of(doc, "5+ years of experience with Go required."),
                     JM_IMPORTANCE_REQUIRED);
    assert_int_equal(importance_of(doc, "We ship daily."), JM_IMPORTANCE_MENTIONED);
    jm_doc_free(doc);
}

/* A hedge or a waiver never makes a requirement, even under "Requirements". */
static void test_waivers_are_not_requirements(void **state)
{
    jm_doc *doc = parse_doc("# Engineer\n\n## Requirements\n\n- Strong Python\n"
                            "- No Kubernetes experience required\n"
                            "- You do not need to be a DevOps engineer\n"
                            "- Go is not required but nice\n- Scala not needed\n",
                            "job.md", JM_ROLE_POSTING);
    assert_int_equal(importance_of(doc, "Strong Python"), JM_IMPORTANCE_REQUIRED);
    assert_int_equal(importance_of(doc, "No Kubernetes experience required"),
                     JM_IMPORTANCE_MENTIONED);
    assert_int_equal(importance_of(doc, "You do not need to be a DevOps engineer"),
                     JM_IMPORTANCE_MENTIONED);
    assert_int_equal(importance_of(doc, "Go is not required but nice"), JM_IMPORTANCE_PREFERRED);
    assert_int_equal(importance_of(doc, "Scala not needed"), JM_IMPORTANCE_MENTIONED);
    jm_doc_free(doc);
    /* "no" with no "required" or "needed" after it waives nothing. */
    doc = parse_doc("# Engineer\n\n## Requirements\n\n- No less than 5 years with Go\n"
                    "- Experience with Kafka; no fear of production\n",
                    "job.md", JM_ROLE_POSTING);
    assert_int_equal(importance_of(doc, "No less than 5 years with Go"), JM_IMPORTANCE_REQUIRED);
    assert_int_equal(importance_of(doc, "Experience with Kafka; no fear of production"),
                     JM_IMPORTANCE_REQUIRED);
    jm_doc_free(doc);
}

/* In a block of several sentences, a waiver waives its own sentence, not the block:
 * "5+ years of Python. No Kafka experience required." still asks Python. */
static void test_waiver_waives_its_sentence(void **state)
{
    static const char one[] = "5+ years of Python. No Kafka experience required. Strong SQL.";
    static const char nice[] = "Strong SQL. Go is not required but nice.";
    static const char two[] = "Strong SQL. You do not need Rust; no Kafka experience required.";
    jm_doc *doc = parse_doc("# Engineer\n\n## Requirements\n\n5+ years of Python. No Kafka "
                            "experience required. Strong SQL.\n\nStrong SQL. Go is not required "
                            "but nice.\n\nStrong SQL. You do not need Rust; no Kafka experience "
                            "required.\n",
                            "job.md", JM_ROLE_POSTING);
    const struct jm_block *b = get(doc, one);
    assert_int_equal(b->importance, JM_IMPORTANCE_REQUIRED);
    assert_int_equal(jm_block_importance_at(b, (size_t)(strstr(one, "Python") - one)),
                     JM_IMPORTANCE_REQUIRED);
    assert_int_equal(jm_block_importance_at(b, (size_t)(strstr(one, "Kafka") - one)),
                     JM_IMPORTANCE_MENTIONED);
    assert_int_equal(jm_block_importance_at(b, (size_t)(strstr(one, "SQL") - one)),
                     JM_IMPORTANCE_REQUIRED);
    b = get(doc, nice);
    assert_int_equal(jm_block_importance_at(b, (size_t)(strstr(nice, "SQL") - nice)),
                     JM_IMPORTANCE_REQUIRED);
    assert_int_equal(jm_block_importance_at(b, (size_t)(strstr(nice, "Go") - nice)),
                     JM_IMPORTANCE_PREFERRED);
    /* two waiving sentences: the block is judged whole, as before */
    b = get(doc, two);
    assert_int_equal(b->importance, JM_IMPORTANCE_MENTIONED);
    assert_int_equal(jm_block_importance_at(b, 0), JM_IMPORTANCE_MENTIONED);
    jm_doc_free(doc);
}

/* Before the first heading that says what a posting asks, its prose describes the team. */
static void test_the_opening_paragraph_describes(void **state)
{
    jm_doc *doc = parse_doc("# Engineer\n\nWe have deep experience in Kafka and Rust.\n\n"
                            "## Requirements\n\n- Go\n",
                            "job.md", JM_ROLE_POSTING);
    assert_int_equal(importance_of(doc, "We have deep experience in Kafka and Rust."),
                     JM_IMPORTANCE_MENTIONED);
    jm_doc_free(doc);
    /* Without such a heading, the same cue is all there is to go by. */
    doc = parse_doc("Engineer\n\nWe need deep experience in Kafka and Rust.\n", "job.txt",
                    JM_ROLE_POSTING);
    assert_int_equal(importance_of(doc, "We need deep experience in Kafka and Rust."),
                     JM_IMPORTANCE_REQUIRED);
    jm_doc_free(doc);
}

/* Does `text`, read in `role`, carry a warning that contains `needle`? */
static bool warns(const char *text, jm_role role, const char *needle)
{
    jm_doc *doc = parse_doc(text, "doc.md", role);
    bool found = false;
    for (size_t i = 0; i < jm_doc_warning_count(doc); i++)
        found |= strstr(jm_doc_warning(doc, i), needle) != NULL;
    jm_doc_free(doc);
    return found;
}

static bool warns_of_language(const char *text, jm_role role)
{
    return warns(text, role, "not in a language");
}

/* A posting in a language the headings are not read in says so. */
static void test_unread_language_is_reported(void **state)
{
    const char *italian =
        "# Sviluppatore Backend\n\n## Requisiti\n\n"
        "- Cerchiamo uno sviluppatore backend con esperienza in Java e Python per il nostro "
        "team a Milano, che lavori in modo autonomo.\n"
        "- Conoscenza approfondita di Kubernetes e Docker, capacita di scrivere codice pulito "
        "e testato ogni giorno.\n"
        "- Esperienza con database relazionali come PostgreSQL e con sistemi di messaggistica "
        "come Kafka.\n";
    const char *english =
        "# Backend Engineer\n\n## Requirements\n\n"
        "- You will build the services that plan our routes, with Python and Kafka.\n"
        "- You have shipped and run backend systems in production for several years.\n"
        "- We are a small team that values writing things down and reviewing code.\n";
    const char *tools = "# Engineer\n\n## Stack\n\n"
                        "- Python, Go, Rust, Kafka, Docker, Kubernetes, Terraform, Redis\n"
                        "- PostgreSQL, MySQL, MongoDB, Cassandra, Elasticsearch, Spark, Flink\n";
    assert_true(warns_of_language(italian, JM_ROLE_POSTING));
    assert_true(warns_of_language(italian, JM_ROLE_RESUME));
    assert_false(warns_of_language(english, JM_ROLE_POSTING));
    assert_false(warns_of_language(tools, JM_ROLE_POSTING));
}

static bool warns_of_role(const char *text, jm_role role)
{
    return warns(text, role, "this looks like a");
}

/* `jobmatch POSTING RESUME` says the two are swapped. */
static void test_swapped_documents_are_reported(void **state)
{
    const char *resume = "# Ana Lima\n\n## Skills\n\nGo, Kafka\n\n## Experience\n\n"
                         "### Acme — Engineer\n\nMar 2019 – present\n\n- Built things.\n\n"
                         "### Initech — Developer\n\n2016 to 2019\n\n## Education\n\n"
                         "BSc Computer Science, 2012-2016\n";
    const char *posting = "# Backend Engineer\n\n## Responsibilities\n\n- Build services\n\n"
                          "## Requirements\n\n- Go\n\n## Nice to have\n\n- Kafka\n";
    assert_true(warns_of_role(resume, JM_ROLE_POSTING));
    assert_true(warns_of_role(posting, JM_ROLE_RESUME));
    assert_false(warns_of_role(resume, JM_ROLE_RESUME));
    assert_false(warns_of_role(posting, JM_ROLE_POSTING));
    /* "Experience" and "Skills" head requirements too: alone they prove nothing. */
    assert_false(warns_of_role("# Engineer\n\n## Experience\n\n- Go\n\n## Skills\n\n- Kafka\n",
                               JM_ROLE_POSTING));
}

static void test_every_status_has_a_message(void **state)
{
    for (int s = 0; s < JM_STATUS_COUNT; s++)
        assert_string_not_equal(jm_strerror((jm_status)s), "unknown error");
    assert_string_equal(jm_strerror(JM_STATUS_COUNT), "unknown error");
    for (int i = 0; i < JM_IMPORTANCE_COUNT; i++)
        assert_string_not_equal(jm_importance_name((jm_importance)i), "unknown");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_posting_headings),
        cmocka_unit_test(test_resume_headings),
        cmocka_unit_test(test_sections_flow_through_the_document),
        cmocka_unit_test(test_cues_in_unsectioned_text),
        cmocka_unit_test(test_waivers_are_not_requirements),
        cmocka_unit_test(test_waiver_waives_its_sentence),
        cmocka_unit_test(test_the_opening_paragraph_describes),
        cmocka_unit_test(test_unread_language_is_reported),
        cmocka_unit_test(test_swapped_documents_are_reported),
        cmocka_unit_test(test_every_status_has_a_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
