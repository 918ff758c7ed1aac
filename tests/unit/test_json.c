/*
 * test_json.c - src/json.c and jsonld.c through jm_doc_parse with a name
 * ending in .json: JSON Resume, schema.org JobPosting, and the errors.
 */
#include "unit.h"

/* The first block with this text; fails the test when there is none. */
/* Index of the first block with this text; fails the test when there is none. */
static size_t index_of(const jm_doc *doc, const char *text)
{
    return (size_t)(get(doc, text) - doc->blocks);
}

static const char resume[] = "{\"basics\":{\"name\":\"Jane Doe\",\"label\":\"Backend Developer\","
                             "\"summary\":\"Builds reliable APIs.\"},"
                             "\"work\":[{\"name\":\"Acme\",\"position\":\"Senior Engineer\","
                             "\"summary\":\"Owned billing.\","
                             "\"highlights\":[\"Cut latency by 40%\",\"Led migration to Go\"]},"
                             "{\"company\":\"OldCo\",\"position\":\"Intern\"}],"
                             "\"projects\":[{\"name\":\"jobmatch\",\"description\":\"A matcher.\","
                             "\"highlights\":[\"Wrote a matcher in C\"]}],"
                             "\"skills\":[{\"name\":\"Backend\",\"keywords\":[\"Python\",\"Go\"]},"
                             "{\"keywords\":[\"Docker\",\"Podman\"]}],"
                             "\"education\":[{\"institution\":\"MIT\",\"studyType\":\"BSc\","
                             "\"area\":\"Computer Science\"}]}";

static const char posting[] =
    "{\"@context\":\"https://schema.org\",\"@type\":\"JobPosting\",\"title\":\"ML Engineer\","
    "\"hiringOrganization\":{\"@type\":\"Organization\",\"name\":\"Umbrella\"},"
    "\"description\":\"<p>Train models.</p><ul><li>PyTorch</li></ul>\","
    "\"jobLocation\":{\"address\":{\"addressLocality\":\"Paris\",\"addressRegion\":\"IDF\","
    "\"addressCountry\":\"FR\"}},"
    "\"skills\":[\"Kubernetes\",\"Airflow\"],\"qualifications\":\"<p>MSc or equivalent</p>\"}";

static jm_error parse_fail(const char *s, jm_status code)
{
    jm_doc *doc = (jm_doc *)1;
    jm_error err = {0};
    assert_int_equal(
        jm_doc_parse(s, strlen(s), "x.json", JM_ROLE_RESUME, JM_FORMAT_AUTO, &doc, &err), code);
    assert_null(doc);
    assert_int_equal(err.code, code);
    assert_string_equal(err.where, "x.json");
    assert_null(strchr(err.msg, '\n'));
    return err;
}

static void test_resume_title(void **state)
{
    (void)state;
    jm_doc *doc = parse_doc(resume, "x.json", JM_ROLE_RESUME);
    assert_int_equal(jm_doc_format(doc), JM_FORMAT_JSON);
    const struct jm_block *b = block_at(doc, 0);
    assert_int_equal(b->kind, JM_BLOCK_TITLE);
    assert_string_equal(b->text, "Jane Doe");
    assert_string_equal(jm_doc_title(doc), "Jane Doe");
    assert_string_equal(block_at(doc, 1)->text, "Backend Developer");
    assert_int_equal(get(doc, "Summary")->kind, JM_BLOCK_HEADING);
    assert_int_equal(index_of(doc, "Builds reliable APIs."), index_of(doc, "Summary") + 1);
    jm_doc_free(doc);
}

static void test_resume_skills(void **state)
{
    (void)state;
    jm_doc *doc = parse_doc(resume, "x.json", JM_ROLE_RESUME);
    size_t h = index_of(doc, "Skills");
    const struct jm_block *b = block_at(doc, h);
    assert_int_equal(b->kind, JM_BLOCK_HEADING);
    assert_int_equal(b->level, 2);
    b = block_at(doc, h + 1);
    assert_string_equal(b->text, "Backend: Python, Go");
    assert_int_equal(b->kind, JM_BLOCK_ITEM);
    assert_int_equal(b->section, JM_SEC_SKILLS);
    b = block_at(doc, h + 2);
    assert_string_equal(b->text, "Docker, Podman");
    assert_int_equal(b->kind, JM_BLOCK_ITEM);
    /* Skills come before the experience. */
    assert_true(h < index_of(doc, "Experience"));
    jm_doc_free(doc);
}

static void test_resume_skill_name_only(void **state)
{
    (void)state;
    /* BUG: json.c add_skills() prints "%s: " before the keywords even when a
     * skill has none, so {"name":"Kubernetes"} (common in JSON Resumes)
     * becomes the item "Kubernetes:" instead of "Kubernetes". */
    jm_doc *doc = parse_doc("{\"basics\":{\"name\":\"A B\"},\"skills\":[{\"name\":\"Kubernetes\","
                            "\"level\":\"Expert\"}]}",
                            "x.json", JM_ROLE_RESUME);
    bool plain = find_block(doc, "Kubernetes") != NULL;
    bool colon = find_block(doc, "Kubernetes:") != NULL;
    jm_doc_free(doc);
    assert_false(colon);
    assert_true(plain);
}

static void test_resume_experience(void **state)
{
    (void)state;
    jm_doc *doc = parse_doc(resume, "x.json", JM_ROLE_RESUME);
    size_t h = index_of(doc, "Experience");
    assert_int_equal(block_at(doc, h)->kind, JM_BLOCK_HEADING);
    assert_int_equal(block_at(doc, h)->level, 2);
    const struct jm_block *b = block_at(doc, h + 1);
    assert_string_equal(b->text, "Senior Engineer \xE2\x80\x94 Acme");
    assert_int_equal(b->kind, JM_BLOCK_HEADING);
    assert_int_equal(b->level, 3);
    assert_string_equal(block_at(doc, h + 2)->text, "Owned billing.");
    b = block_at(doc, h + 3);
    assert_string_equal(b->text, "Cut latency by 40%");
    assert_int_equal(b->kind, JM_BLOCK_ITEM);
    assert_int_equal(b->section, JM_SEC_EXPERIENCE);
    assert_int_equal(block_at(doc, h + 4)->kind, JM_BLOCK_ITEM);
    assert_string_equal(block_at(doc, h + 4)->text, "Led migration to Go");
    /* "company" is accepted for the older schema's "name". */
    b = block_at(doc, h + 5);
    assert_string_equal(b->text, "Intern \xE2\x80\x94 OldCo");
    assert_int_equal(b->kind, JM_BLOCK_HEADING);
    jm_doc_free(doc);
}

static void test_resume_projects_education(void **state)
{
    (void)state;
    jm_doc *doc = parse_doc(resume, "x.json", JM_ROLE_RESUME);
    size_t h = index_of(doc, "Projects");
    assert_int_equal(block_at(doc, h)->kind, JM_BLOCK_HEADING);
    assert_string_equal(block_at(doc, h + 1)->text, "jobmatch");
    assert_int_equal(block_at(doc, h + 1)->kind, JM_BLOCK_HEADING);
    assert_string_equal(block_at(doc, h + 2)->text, "A matcher.");
    const struct jm_block *b = block_at(doc, h + 3);
    assert_string_equal(b->text, "Wrote a matcher in C");
    assert_int_equal(b->kind, JM_BLOCK_ITEM);
    assert_int_equal(b->section, JM_SEC_PROJECTS);
    h = index_of(doc, "Education");
    b = block_at(doc, h + 1);
    assert_string_equal(b->text, "BSc Computer Science \xE2\x80\x94 MIT");
    assert_int_equal(b->section, JM_SEC_EDUCATION);
    assert_int_equal(doc->nblocks, h + 2);
    jm_doc_free(doc);
}

static void test_resume_work_only(void **state)
{
    (void)state;
    /* No "basics": a "work" array is enough; no name, no title. */
    jm_doc *doc = parse_doc("{\"work\":[{\"position\":\"SRE\",\"highlights\":[\"On call\"]}]}",
                            "cv.json", JM_ROLE_RESUME);
    assert_string_equal(jm_doc_title(doc), "");
    assert_string_equal(block_at(doc, 0)->text, "Experience");
    assert_string_equal(block_at(doc, 1)->text, "SRE");
    assert_int_equal(block_at(doc, 2)->kind, JM_BLOCK_ITEM);
    assert_int_equal(doc->nblocks, 3);
    jm_doc_free(doc);
}

/* Dates go into the role heading as a Markdown resume writes them, so that the years of
 * each role count; certificates and languages are read too. */
static void test_resume_dates_certificates_languages(void **state)
{
    (void)state;
    jm_doc *doc = parse_doc(
        "{\"work\":[{\"name\":\"Acme\",\"position\":\"SRE\",\"startDate\":\"2019-03-01\"},"
        "{\"name\":\"OldCo\",\"position\":\"Dev\",\"startDate\":\"2015\",\"endDate\":\"2019\"}],"
        "\"education\":[{\"institution\":\"MIT\",\"studyType\":\"BSc\",\"endDate\":\"2014\"}],"
        "\"certificates\":[{\"name\":\"CKA\",\"issuer\":\"CNCF\",\"date\":\"2021-05-01\"},"
        "{\"issuer\":\"nameless\"}],"
        "\"languages\":[{\"language\":\"German\",\"fluency\":\"C1\"},{\"language\":\"Czech\"},"
        "{\"fluency\":\"B2\"}]}",
        "cv.json", JM_ROLE_RESUME);
    assert_int_equal(get(doc, "SRE \xE2\x80\x94 Acme (2019-03-01 \xE2\x80\x93 present)")->kind,
                     JM_BLOCK_HEADING);
    get(doc, "Dev \xE2\x80\x94 OldCo (2015 \xE2\x80\x93 2019)");
    get(doc, "BSc \xE2\x80\x94 MIT (2014)");
    size_t h = index_of(doc, "Certifications");
    assert_string_equal(block_at(doc, h + 1)->text, "CKA \xE2\x80\x94 CNCF, 2021");
    assert_int_equal(block_at(doc, h + 1)->kind, JM_BLOCK_ITEM);
    assert_string_equal(block_at(doc, h + 2)->text, "Languages: German (C1), Czech");
    assert_int_equal(doc->nblocks, h + 3);
    jm_doc_free(doc);
}

static void test_posting(void **state)
{
    (void)state;
    jm_doc *doc = parse_doc(posting, "job.json", JM_ROLE_POSTING);
    assert_string_equal(jm_doc_title(doc), "ML Engineer");
    assert_string_equal(jm_doc_company(doc), "Umbrella");
    assert_string_equal(jm_doc_location(doc), "Paris, IDF, FR");
    const struct jm_block *b = block_at(doc, 0);
    assert_int_equal(b->kind, JM_BLOCK_TITLE);
    assert_string_equal(b->text, "ML Engineer");
    assert_int_equal(b->importance, JM_IMPORTANCE_TITLE);
    assert_int_equal(get(doc, "Train models.")->kind, JM_BLOCK_PARAGRAPH);
    assert_int_equal(get(doc, "PyTorch")->kind, JM_BLOCK_ITEM);
    jm_doc_free(doc);
}

static void test_posting_fields(void **state)
{
    (void)state;
    jm_doc *doc = parse_doc(posting, "job.json", JM_ROLE_POSTING);
    size_t h = index_of(doc, "Skills");
    assert_int_equal(block_at(doc, h)->kind, JM_BLOCK_HEADING);
    const struct jm_block *b = block_at(doc, h + 1);
    assert_string_equal(b->text, "Kubernetes");
    assert_int_equal(b->kind, JM_BLOCK_ITEM);
    assert_int_equal(b->importance, JM_IMPORTANCE_REQUIRED);
    assert_string_equal(block_at(doc, h + 2)->text, "Airflow");
    h = index_of(doc, "Qualifications");
    b = block_at(doc, h + 1);
    assert_string_equal(b->text, "MSc or equivalent");
    assert_int_equal(b->importance, JM_IMPORTANCE_REQUIRED);
    assert_false(doc_contains(doc, "<p>"));
    jm_doc_free(doc);
}

static void test_posting_in_graph_short_description(void **state)
{
    (void)state;
    /* In a .json file a short description is still the posting's body. */
    jm_doc *doc = parse_doc("{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Board\"},"
                            "{\"@type\":[\"Thing\",\"JobPosting\"],\"name\":\"Go Developer\","
                            "\"hiringOrganization\":\"Initech\",\"jobLocationType\":"
                            "\"TELECOMMUTE\",\"description\":\"Write Go.\"}]}",
                            "job.json", JM_ROLE_POSTING);
    assert_string_equal(jm_doc_title(doc), "Go Developer");
    assert_string_equal(jm_doc_company(doc), "Initech");
    assert_string_equal(jm_doc_location(doc), "Remote");
    assert_non_null(find_block(doc, "Write Go."));
    assert_false(doc_contains(doc, "Board"));
    jm_doc_free(doc);
}

static void test_other_shape(void **state)
{
    (void)state;
    jm_error err = parse_fail("{\"foo\": 1, \"bar\": [1, 2]}", JM_ERR_FORMAT);
    assert_non_null(strstr(err.msg, "JSON Resume"));
    assert_non_null(strstr(err.msg, "JobPosting"));
    err = parse_fail("[1, 2, {\"@type\": \"Person\"}]", JM_ERR_FORMAT);
    assert_non_null(strstr(err.msg, "JSON Resume"));
    /* "basics" must be an object, "work" an array. */
    parse_fail("{\"basics\": \"Jane\", \"work\": {}}", JM_ERR_FORMAT);
}

static void test_malformed(void **state)
{
    (void)state;
    jm_error err = parse_fail("{\n\"basics\": {\n\"name\": \"A\",,\n\"x\": 1}}", JM_ERR_FORMAT);
    assert_non_null(strstr(err.msg, "malformed JSON"));
    assert_int_equal(err.line, 3);
    err = parse_fail("{\"basics\": {\"name\": ", JM_ERR_FORMAT);
    assert_non_null(strstr(err.msg, "malformed"));
    assert_int_equal(err.line, 1);
}

static void test_detected_by_content(void **state)
{
    (void)state;
    /* No extension: a leading '{' means JSON. */
    jm_doc *doc = parse_doc("  \n{\"basics\":{\"name\":\"Sam Roe\"}}", "resume", JM_ROLE_RESUME);
    assert_int_equal(jm_doc_format(doc), JM_FORMAT_JSON);
    assert_string_equal(jm_doc_title(doc), "Sam Roe");
    jm_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resume_title),
        cmocka_unit_test(test_resume_skills),
        cmocka_unit_test(test_resume_skill_name_only),
        cmocka_unit_test(test_resume_experience),
        cmocka_unit_test(test_resume_projects_education),
        cmocka_unit_test(test_resume_work_only),
        cmocka_unit_test(test_resume_dates_certificates_languages),
        cmocka_unit_test(test_posting),
        cmocka_unit_test(test_posting_fields),
        cmocka_unit_test(test_posting_in_graph_short_description),
        cmocka_unit_test(test_other_shape),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_detected_by_content),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
