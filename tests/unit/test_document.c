/* Unit tests for src/document.c: shaping blocks and metadata the same way for every format. */
#include "unit.h"

static void test_pipe_separated_board_title(void **state)
{
    jm_doc *doc = parse_doc("<p>Brave | https://brave.example/ | Senior Backend Engineer (Go) | "
                            "San Francisco | Onsite</p><p>We build browsers.</p>",
                            "hn.html", JM_ROLE_POSTING);
    assert_string_equal(jm_doc_company(doc), "Brave");
    assert_string_equal(jm_doc_title(doc), "Senior Backend Engineer (Go)");
    assert_string_equal(jm_doc_location(doc), "San Francisco");
    assert_int_equal(block_at(doc, 0)->kind, JM_BLOCK_TITLE);
    jm_doc_free(doc);
    /* Two fields are not enough to read it that way. */
    doc = parse_doc("<p>Brave | Engineer</p>", "hn.html", JM_ROLE_POSTING);
    assert_string_equal(jm_doc_title(doc), "");
    jm_doc_free(doc);
}

static void test_labels_give_metadata(void **state)
{
    jm_doc *doc = parse_doc("<h1>Job Overview</h1><table><tr><td><b>Title:</b></td>"
                            "<td>Systems Engineer</td></tr><tr><td><b>Company:</b></td>"
                            "<td>Initech</td></tr><tr><td><b>Location:</b></td>"
                            "<td>Austin, TX</td></tr></table>",
                            "dice.html", JM_ROLE_POSTING);
    assert_string_equal(jm_doc_title(doc), "Systems Engineer");
    assert_string_equal(jm_doc_company(doc), "Initech");
    assert_string_equal(jm_doc_location(doc), "Austin, TX");
    assert_int_equal(find_block(doc, "Systems Engineer")->kind, JM_BLOCK_TITLE);
    assert_int_equal(find_block(doc, "Job Overview")->kind, JM_BLOCK_HEADING);
    jm_doc_free(doc);
}

static void test_nbsp_padded_bullets(void **state)
{
    jm_doc *doc = parse_doc("<p>Duties</p><p>\xC2\xB7\xC2\xA0\xC2\xA0\xC2\xA0 Review loans</p>"
                            "<p>\xC2\xA0</p>",
                            "x.html", JM_ROLE_POSTING);
    const struct jm_block *b = find_block(doc, "Review loans");
    assert_non_null(b);
    assert_int_equal(b->kind, JM_BLOCK_ITEM);
    assert_int_equal(doc->nblocks, 2); /* the nbsp-only paragraph is no block */
    jm_doc_free(doc);
}

static void test_pseudo_headings(void **state)
{
    jm_doc *doc = parse_doc("Job\n\nWe would be excited if you match the following:\n"
                            "- Kafka\n\nThis sentence is a plain paragraph that simply goes on "
                            "and on without any colon at all\n",
                            "x.txt", JM_ROLE_POSTING);
    const struct jm_block *h = find_block(doc, "We would be excited if you match the following:");
    assert_int_equal(h->kind, JM_BLOCK_HEADING);
    assert_int_equal(h->level, 7);
    assert_int_equal(find_block(doc, "Kafka")->importance, JM_IMPORTANCE_REQUIRED);
    jm_doc_free(doc);
}

static void test_resume_first_heading_may_be_a_section(void **state)
{
    jm_doc *doc = parse_doc("# Education\n\n- BSc Physics\n\n# Skills\n\n- Python\n", "cv.md",
                            JM_ROLE_RESUME);
    assert_int_equal(find_block(doc, "Education")->kind, JM_BLOCK_HEADING);
    assert_int_equal(find_block(doc, "BSc Physics")->section, JM_SEC_EDUCATION);
    assert_int_equal(find_block(doc, "Python")->section, JM_SEC_SKILLS);
    jm_doc_free(doc);
}

static void test_title_from_metadata_when_text_has_none(void **state)
{
    jm_doc *doc = parse_doc("<html><head><title>Data Engineer | Acme Careers</title></head>"
                            "<body><p>We move data.</p></body></html>",
                            "x.html", JM_ROLE_POSTING);
    assert_string_equal(jm_doc_title(doc), "Data Engineer");
    assert_string_equal(jm_doc_company(doc), "Acme");
    assert_int_equal(block_at(doc, 0)->kind, JM_BLOCK_TITLE);
    assert_string_equal(block_at(doc, 0)->text, "Data Engineer");
    jm_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pipe_separated_board_title),
        cmocka_unit_test(test_labels_give_metadata),
        cmocka_unit_test(test_nbsp_padded_bullets),
        cmocka_unit_test(test_pseudo_headings),
        cmocka_unit_test(test_resume_first_heading_may_be_a_section),
        cmocka_unit_test(test_title_from_metadata_when_text_has_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
