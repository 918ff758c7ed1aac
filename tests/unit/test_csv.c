/* Unit tests for csv.c: CSV as Excel and LibreOffice write it, read back whole, and refused
 * with its line when it is not CSV. */
#include "unit.h"

static struct jm_csv parse_ok(const char *s)
{
    struct jm_csv csv;
    jm_error err = {0};
    if (jm_csv_parse(s, strlen(s), "t.csv", &csv, &err) != JM_OK)
        fail_msg("parse: %s", err.msg);
    return csv;
}

static void test_plain_and_quoted(void **state)
{
    struct jm_csv c = parse_ok("title,notes\nEngineer,\"call Ann, then \"\"Bob\"\"\"\n");
    assert_int_equal(c.nrows, 2);
    assert_int_equal(c.sep, ',');
    assert_false(c.bom);
    assert_false(c.crlf);
    assert_string_equal(c.rows[1].cells[0], "Engineer");
    assert_string_equal(c.rows[1].cells[1], "call Ann, then \"Bob\"");
    jm_csv_free(&c);
}

static void test_excel_dialect(void **state)
{
    /* a European Excel: BOM, ';', CRLF, a note with a line break, an empty last cell */
    struct jm_csv c = parse_ok("\xEF\xBB\xBFtitle;score;notes\r\n"
                               "Engineer;6,5;\"first line\r\nsecond\"\r\n"
                               "Analyst;7;\r\n");
    assert_true(c.bom);
    assert_true(c.crlf);
    assert_int_equal(c.sep, ';');
    assert_int_equal(c.nrows, 3);
    assert_string_equal(c.rows[0].cells[0], "title"); /* no BOM left in the first cell */
    assert_string_equal(c.rows[1].cells[1], "6,5");
    assert_string_equal(c.rows[1].cells[2], "first line\r\nsecond");
    assert_int_equal(c.rows[2].line, 4); /* the note's line break counted */
    assert_int_equal(c.rows[2].n, 3);
    assert_string_equal(c.rows[2].cells[2], "");
    jm_csv_free(&c);
}

static void test_refused_with_line(void **state)
{
    struct jm_csv c;
    jm_error err = {0};
    const char *open = "a,b\n1,2\n3,\"never closed\n4,5\n";
    assert_int_equal(jm_csv_parse(open, strlen(open), "t.csv", &c, &err), JM_ERR_FORMAT);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.msg, "never closes"));
    assert_int_equal(c.nrows, 0);
    const char *after = "a,b\n\"x\"y,2\n";
    assert_int_equal(jm_csv_parse(after, strlen(after), "t.csv", &c, &err), JM_ERR_FORMAT);
    assert_int_equal(err.line, 2);
}

static void test_field_round_trip(void **state)
{
    const char *fields[] = {"plain", "a,b", "say \"hi\"", "two\nlines", " edge", "6;5", ""};
    for (int sep = 0; sep < 2; sep++) {
        char s = sep ? ';' : ',';
        struct jm_buf b = {0};
        for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
            if (i)
                jm_buf_putc(&b, s);
            jm_csv_put_field(&b, fields[i], s);
        }
        jm_buf_putc(&b, '\n');
        struct jm_csv c = parse_ok(b.data);
        assert_int_equal(c.sep, s);
        assert_int_equal(c.rows[0].n, sizeof fields / sizeof *fields);
        for (size_t i = 0; i < c.rows[0].n; i++)
            assert_string_equal(c.rows[0].cells[i], fields[i]);
        jm_csv_free(&c);
        jm_buf_free(&b);
    }
}

static void test_empty(void **state)
{
    struct jm_csv c = parse_ok("");
    assert_int_equal(c.nrows, 0);
    jm_csv_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_and_quoted),
        cmocka_unit_test(test_excel_dialect),
        cmocka_unit_test(test_refused_with_line),
        cmocka_unit_test(test_field_round_trip),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
