/*
 * Unit tests for the readers of DOCX and ODT (src/read/office.c) and PDF (src/read/pdf.c),
 * on the fixtures of tests/formats (written by tests/formats/make.sh).
 */
#include "unit.h"

static jm_doc *read_doc(const char *path)
{
    jm_doc *doc = NULL;
    jm_error err = {0};
    if (jm_doc_read(path, JM_ROLE_RESUME, &doc, &err) != JM_OK)
        fail_msg("%s: %s", path, err.msg);
    return doc;
}

/* The block whose text starts with `text`, or NULL. */
static const struct jm_block *starting(const jm_doc *doc, const char *text)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (strncmp(doc->blocks[i].text, text, strlen(text)) == 0)
            return &doc->blocks[i];
    return NULL;
}

static const struct jm_block *must(const jm_doc *doc, const char *text)
{
    const struct jm_block *b = starting(doc, text);
    if (b == NULL)
        fail_msg("no block '%s'", text);
    return b;
}

/* Is `text` anywhere in the document? */
static bool holds(const jm_doc *doc, const char *text)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (strstr(doc->blocks[i].text, text) != NULL)
            return true;
    return false;
}

static void test_docx_structure(void **state)
{
    jm_doc *doc = read_doc("tests/formats/tables-textbox.docx");
    assert_int_equal(doc->format, JM_FORMAT_DOCX);
    assert_string_equal(jm_doc_unit(doc), "paragraph");
    assert_int_equal(must(doc, "Jordan Pike")->kind, JM_BLOCK_TITLE);
    /* German Word's heading style, and a custom style based on its second level */
    assert_int_equal(must(doc, "Experience")->kind, JM_BLOCK_HEADING);
    assert_int_equal(must(doc, "Experience")->level, 1);
    assert_int_equal(must(doc, "Senior SRE")->kind, JM_BLOCK_HEADING);
    assert_int_equal(must(doc, "Senior SRE")->level, 2);
    /* numbered paragraphs are items with their level; so is a list style */
    assert_int_equal(must(doc, "Moved the payment ledger")->kind, JM_BLOCK_ITEM);
    assert_int_equal(must(doc, "Moved the payment ledger")->level, 1);
    assert_int_equal(must(doc, "Trained four engineers")->level, 2);
    assert_int_equal(must(doc, "Automated the Terraform")->kind, JM_BLOCK_ITEM);
    /* a bold short line is a heading candidate; a tab parts a title from its employer */
    assert_true(must(doc, "Site Reliability Engineer")->emphasized);
    assert_non_null(strstr(must(doc, "Senior SRE")->text, "| Venmo"));
    /* a text box is read where it is anchored; its fallback copy is not */
    assert_true(must(doc, "jordan.pike@example.org") < must(doc, "Site Reliability Engineer"));
    /* a table row by row: the dates cell, then the role's */
    assert_true(must(doc, "2019 \xE2\x80\x93 present") < must(doc, "Senior SRE"));
    assert_true(must(doc, "Trained four engineers") < must(doc, "2015 \xE2\x80\x93 2019"));
    /* a hyperlink keeps its text; a deleted revision, a comment, a header and a footer are
     * no resume text */
    assert_string_equal(must(doc, "Go, Python")->text, "Go, Python, Kubernetes, Terraform");
    assert_string_equal(must(doc, "Kept the Kafka")->text,
                        "Kept the Kafka brokers patched and monitored.");
    assert_false(holds(doc, "NOT TEXT"));
    assert_false(holds(doc, "DELETED"));
    /* paragraphs are numbered in reading order */
    assert_true(must(doc, "Experience")->line < must(doc, "Skills")->line);
    assert_int_equal(must(doc, "Jordan Pike")->line, 1);
    jm_doc_free(doc);
}

static void test_odt_structure(void **state)
{
    jm_doc *doc = read_doc("tests/formats/resume.odt");
    assert_int_equal(doc->format, JM_FORMAT_ODT);
    assert_int_equal(must(doc, "Anna Kowalczyk")->kind, JM_BLOCK_TITLE);
    assert_int_equal(must(doc, "Experience")->kind, JM_BLOCK_HEADING);
    assert_int_equal(must(doc, "Parcelwise GmbH")->kind, JM_BLOCK_HEADING);
    assert_true(must(doc, "Parcelwise GmbH")->level > must(doc, "Experience")->level);
    assert_int_equal(must(doc, "Improved reliability")->kind, JM_BLOCK_ITEM);
    assert_int_equal(must(doc, "Experience")->section, JM_SEC_EXPERIENCE);
    jm_doc_free(doc);
}

static void test_pdf_layout(void **state)
{
    jm_doc *doc = read_doc("tests/formats/two-column.pdf");
    assert_int_equal(doc->format, JM_FORMAT_PDF);
    /* the sidebar and the main column are read one after the other, not line by line */
    assert_int_equal(must(doc, "Kotlin, Java, SQL")->kind, JM_BLOCK_ITEM);
    assert_int_equal(must(doc, "Kotlin, Java, SQL")->section, JM_SEC_SKILLS);
    /* a bullet wrapped over three lines is one item */
    const struct jm_block *b = must(doc, "Rebuilt the shipment-tracking service");
    assert_int_equal(b->kind, JM_BLOCK_ITEM);
    assert_non_null(strstr(b->text, "2 million daily lookups."));
    assert_int_equal(b->section, JM_SEC_EXPERIENCE);
    /* headings by their size; the name, first of the largest, is the title */
    assert_int_equal(must(doc, "Experience")->kind, JM_BLOCK_HEADING);
    assert_int_equal(must(doc, "Mara Lindqvist")->kind, JM_BLOCK_TITLE);
    /* a short line is not wrapped: the next line is a line of its own */
    assert_string_equal(must(doc, "Senior Backend Engineer")->text,
                        "Senior Backend Engineer \xE2\x80\x94 Nordfrakt AB");
    jm_doc_free(doc);
}

static void test_office_pdf_bullets(void **state)
{
    /* LibreOffice sets each bullet glyph apart from its text */
    jm_doc *doc = read_doc("tests/formats/resume-office.pdf");
    const struct jm_block *b = must(doc, "Introduced Prometheus metrics");
    assert_int_equal(b->kind, JM_BLOCK_ITEM);
    assert_non_null(strstr(b->text, "from 25 to 4 minutes."));
    assert_false(holds(doc, "\xE2\x80\xA2"));
    jm_doc_free(doc);
}

/* Every block's text is UTF-8, whatever libxml2 passed on. Fuzz finding: a PDF layout (the
 * input kept in tests/fuzz/regressions/pdf) whose last word held 0xFF bytes, which libxml2's
 * recover mode handed on as they were; PCRE2, matching without its UTF check, then read out
 * of bounds while the keywords were searched. */
static void test_pdf_layout_bad_utf8_is_replaced(void **state)
{
    char *xml;
    size_t n;
    jm_doc *doc = NULL;
    jm_keywords *kw = NULL;
    jm_dict *dict = NULL;
    jm_error err = {0};
    const char *paths[] = {"dictionaries"};
    assert_int_equal(
        jm_read_input("tests/fuzz/regressions/pdf/invalid-utf8-word.xml", &xml, &n, &err), JM_OK);
    assert_int_equal(jm_doc_parse_pdf_layout(xml, n, "cv.pdf", JM_ROLE_RESUME, &doc, &err), JM_OK);
    for (size_t i = 0; i < doc->nblocks; i++) {
        assert_true(jm_utf8_valid(doc->blocks[i].text, doc->blocks[i].len, NULL));
        assert_true(jm_utf8_valid(doc->blocks[i].norm, doc->blocks[i].nlen, NULL));
    }
    assert_true(holds(doc, "good R\xEF\xBF\xBD\xEF\xBF\xBD"));
    assert_int_equal(jm_dict_load(paths, 1, &dict, &err), JM_OK);
    assert_int_equal(jm_keywords_find(dict, doc, &kw, &err), JM_OK);
    jm_keywords_free(kw);
    jm_dict_free(dict);
    jm_doc_free(doc);
    free(xml);
}

/* Boxes no page has (not a number, infinite, 1e300) are clamped, and the lines read in
 * order. Fuzz finding: converting such a coordinate to an integer, undefined behaviour that
 * UBSan reports (the inputs are in tests/fuzz/regressions/pdf, which make fuzz-smoke replays
 * with UBSan aborting). */
static void test_pdf_layout_absurd_coordinates(void **state)
{
    static const char xml[] =
        "<doc><page><flow><block>"
        "<line xMin=\"72\" yMin=\"-1e300\" xMax=\"300\" yMax=\"1e300\"><word>Jane</word>"
        "<word>Doe</word></line>"
        "<line xMin=\"nan\" yMin=\"80\" xMax=\"inf\" yMax=\"92\"><word>Experience</word></line>"
        "<line xMin=\"72\" yMin=\"100\" xMax=\"300\" yMax=\"112\"><word>Built</word></line>"
        "</block></flow></page></doc>";
    jm_doc *doc = NULL;
    jm_error err = {0};
    assert_int_equal(
        jm_doc_parse_pdf_layout(xml, sizeof xml - 1, "cv.pdf", JM_ROLE_RESUME, &doc, &err), JM_OK);
    assert_int_equal(doc->nblocks, 3);
    assert_string_equal(block_at(doc, 0)->text, "Jane Doe");
    assert_string_equal(block_at(doc, 1)->text, "Experience");
    assert_string_equal(block_at(doc, 2)->text, "Built");
    jm_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_docx_structure),
        cmocka_unit_test(test_odt_structure),
        cmocka_unit_test(test_pdf_layout),
        cmocka_unit_test(test_office_pdf_bullets),
        cmocka_unit_test(test_pdf_layout_bad_utf8_is_replaced),
        cmocka_unit_test(test_pdf_layout_absurd_coordinates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
