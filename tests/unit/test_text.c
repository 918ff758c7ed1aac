/*
 * test_text.c - src/text.c (and document.c's shaping of its lines) through
 * jm_doc_parse with a name ending in .txt.
 */
#include "unit.h"

/* The first block with this text; fails the test when there is none. */
static jm_doc *txt(const char *s, jm_role role)
{
    return parse_doc(s, "x.txt", role);
}

static void test_posting_first_line_is_title(void **state)
{
    (void)state;
    jm_doc *doc = txt("Senior Backend Engineer\nWe build storage systems.\n", JM_ROLE_POSTING);
    assert_int_equal(jm_doc_format(doc), JM_FORMAT_TEXT);
    const struct jm_block *b = block_at(doc, 0);
    assert_int_equal(b->kind, JM_BLOCK_TITLE);
    assert_string_equal(b->text, "Senior Backend Engineer");
    assert_int_equal(b->line, 1);
    assert_int_equal(b->importance, JM_IMPORTANCE_TITLE);
    assert_string_equal(jm_doc_title(doc), "Senior Backend Engineer");
    b = block_at(doc, 1);
    assert_int_equal(b->kind, JM_BLOCK_PARAGRAPH);
    assert_string_equal(b->text, "We build storage systems.");
    assert_int_equal(b->line, 2);
    assert_int_equal(doc->nblocks, 2);
    jm_doc_free(doc);
}

static void test_title_after_blank_lines(void **state)
{
    (void)state;
    jm_doc *doc = txt("\n   \n  Data Engineer  \nOther line\n", JM_ROLE_POSTING);
    const struct jm_block *b = block_at(doc, 0);
    assert_int_equal(b->kind, JM_BLOCK_TITLE);
    assert_string_equal(b->text, "Data Engineer");
    assert_int_equal(b->line, 3);
    assert_int_equal(get(doc, "Other line")->kind, JM_BLOCK_PARAGRAPH);
    jm_doc_free(doc);
}

static void test_long_first_line_not_title(void **state)
{
    (void)state;
    /* A first line of more than 120 bytes is the description, not a title. */
    const char *line = "We are a small team building storage systems for hospitals and "
                       "we need an engineer who likes Go, Postgres and reading long logs.";
    assert_true(strlen(line) > 120);
    char s[512];
    snprintf(s, sizeof s, "%s\nShort second line\n", line);
    jm_doc *doc = txt(s, JM_ROLE_POSTING);
    assert_int_equal(block_at(doc, 0)->kind, JM_BLOCK_PARAGRAPH);
    assert_string_equal(block_at(doc, 0)->text, line);
    assert_int_equal(get(doc, "Short second line")->kind, JM_BLOCK_PARAGRAPH);
    assert_string_equal(jm_doc_title(doc), "");
    jm_doc_free(doc);
}

static void test_resume_first_line_not_title(void **state)
{
    (void)state;
    jm_doc *doc = txt("Jane Doe\nBackend developer in Berlin, since 2015\n", JM_ROLE_RESUME);
    for (size_t i = 0; i < doc->nblocks; i++)
        assert_int_not_equal(doc->blocks[i].kind, JM_BLOCK_TITLE);
    assert_int_equal(get(doc, "Jane Doe")->line, 1);
    assert_string_equal(jm_doc_title(doc), "");
    jm_doc_free(doc);
}

static void test_company_location_metadata(void **state)
{
    (void)state;
    jm_doc *doc = txt("Backend Engineer\n"
                      "Company: Acme GmbH\n"
                      "LOCATION:   Berlin, Germany  \n"
                      "Company: Second Co\n",
                      JM_ROLE_POSTING);
    assert_string_equal(jm_doc_company(doc), "Acme GmbH");
    assert_string_equal(jm_doc_location(doc), "Berlin, Germany");
    /* The lines stay in the text. */
    assert_int_equal(get(doc, "Company: Acme GmbH")->line, 2);
    assert_non_null(find_block(doc, "LOCATION: Berlin, Germany"));
    jm_doc_free(doc);

    /* A label alone on its line takes its value from the next line. */
    doc = txt("Title\nCompany:\nInitech\n", JM_ROLE_POSTING);
    assert_string_equal(jm_doc_company(doc), "Initech");
    jm_doc_free(doc);
}

static void test_bullets_become_items(void **state)
{
    (void)state;
    jm_doc *doc = txt("Skills\n"
                      "\xE2\x80\xA2 Python 3\n"
                      "- Go\n"
                      "* Rust\n"
                      "+ Zig\n"
                      "1. Numbered one\n"
                      "12) Numbered twelve\n"
                      "-not a bullet\n",
                      JM_ROLE_RESUME);
    static const char *const items[] = {"Python 3", "Go",           "Rust",
                                        "Zig",      "Numbered one", "Numbered twelve"};
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
        const struct jm_block *b = get(doc, items[i]);
        assert_int_equal(b->kind, JM_BLOCK_ITEM);
        assert_int_equal(b->line, (long)i + 2);
    }
    assert_false(doc_contains(doc, "\xE2\x80\xA2"));
    assert_int_equal(get(doc, "-not a bullet")->kind, JM_BLOCK_PARAGRAPH);
    jm_doc_free(doc);
}

static void test_indented_continuation_joined(void **state)
{
    (void)state;
    jm_doc *doc = txt("Title\n"
                      "- Go and\n"
                      "  continued here\n"
                      "\tand more\n"
                      "- Next item\n"
                      "not indented\n",
                      JM_ROLE_POSTING);
    const struct jm_block *b = get(doc, "Go and continued here and more");
    assert_int_equal(b->kind, JM_BLOCK_ITEM);
    assert_int_equal(b->line, 2);
    assert_int_equal(get(doc, "Next item")->line, 5);
    b = get(doc, "not indented");
    assert_int_equal(b->kind, JM_BLOCK_PARAGRAPH);
    assert_int_equal(b->line, 6);
    assert_int_equal(doc->nblocks, 4);
    jm_doc_free(doc);
}

static void test_indented_bullet_not_joined(void **state)
{
    (void)state;
    jm_doc *doc = txt("Title\n- Parent item\n  - Child item\n  Child continued\n", JM_ROLE_POSTING);
    assert_int_equal(get(doc, "Parent item")->kind, JM_BLOCK_ITEM);
    const struct jm_block *b = get(doc, "Child item Child continued");
    assert_int_equal(b->kind, JM_BLOCK_ITEM);
    assert_int_equal(b->line, 3);
    jm_doc_free(doc);
}

static void test_indented_line_after_paragraph_not_joined(void **state)
{
    (void)state;
    jm_doc *doc = txt("Title\nA plain paragraph line\n    indented plain line\n", JM_ROLE_POSTING);
    assert_non_null(find_block(doc, "A plain paragraph line"));
    assert_int_equal(get(doc, "indented plain line")->line, 3);
    jm_doc_free(doc);
}

static void test_requirements_heading(void **state)
{
    (void)state;
    jm_doc *doc = txt("Backend Engineer\n"
                      "\n"
                      "Requirements:\n"
                      "- Kafka\n"
                      "Nice to have:\n"
                      "- Flink\n",
                      JM_ROLE_POSTING);
    const struct jm_block *b = get(doc, "Requirements:");
    assert_int_equal(b->kind, JM_BLOCK_HEADING);
    assert_int_equal(b->level, 7);
    assert_int_equal(b->line, 3);
    assert_int_equal(get(doc, "Kafka")->importance, JM_IMPORTANCE_REQUIRED);
    b = get(doc, "Nice to have:");
    assert_int_equal(b->kind, JM_BLOCK_HEADING);
    assert_int_equal(get(doc, "Flink")->importance, JM_IMPORTANCE_PREFERRED);
    jm_doc_free(doc);
}

static void test_blank_lines_separate_blocks(void **state)
{
    (void)state;
    jm_doc *doc = txt("Title\n"
                      "\n"
                      "- item\n"
                      "\n"
                      "  indented after blank\n"
                      "\n"
                      "\n"
                      "Last paragraph\n",
                      JM_ROLE_POSTING);
    assert_int_equal(doc->nblocks, 4);
    assert_int_equal(get(doc, "item")->line, 3);
    const struct jm_block *b = get(doc, "indented after blank");
    assert_int_equal(b->kind, JM_BLOCK_PARAGRAPH);
    assert_int_equal(b->line, 5);
    assert_int_equal(get(doc, "Last paragraph")->line, 8);
    jm_doc_free(doc);
}

static void test_crlf(void **state)
{
    (void)state;
    jm_doc *doc = txt("Title\r\nCompany: Acme\r\n\r\n\xE2\x80\xA2 Item one\r\n  more\r\nEnd",
                      JM_ROLE_POSTING);
    assert_string_equal(jm_doc_title(doc), "Title");
    assert_string_equal(jm_doc_company(doc), "Acme");
    const struct jm_block *b = get(doc, "Item one more");
    assert_int_equal(b->kind, JM_BLOCK_ITEM);
    assert_int_equal(b->line, 4);
    assert_int_equal(get(doc, "End")->line, 6);
    assert_false(doc_contains(doc, "\r"));
    jm_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_posting_first_line_is_title),
        cmocka_unit_test(test_title_after_blank_lines),
        cmocka_unit_test(test_long_first_line_not_title),
        cmocka_unit_test(test_resume_first_line_not_title),
        cmocka_unit_test(test_company_location_metadata),
        cmocka_unit_test(test_bullets_become_items),
        cmocka_unit_test(test_indented_continuation_joined),
        cmocka_unit_test(test_indented_bullet_not_joined),
        cmocka_unit_test(test_indented_line_after_paragraph_not_joined),
        cmocka_unit_test(test_requirements_heading),
        cmocka_unit_test(test_blank_lines_separate_blocks),
        cmocka_unit_test(test_crlf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
