/* Unit tests for tracker.c: a tracker read, updated and written back through the public API,
 * the person's cells untouched. */
#include "unit.h"

static int collect(void *ctx, const char *data, size_t len)
{
    jm_buf_put(ctx, data, len);
    return 0;
}

struct fx {
    jm_dict *dict;
    jm_doc *cv, *job, *job2;
    jm_keywords *kc, *kj, *kj2;
    jm_result *res, *res2;
};

static int setup(void **state)
{
    static struct fx f;
    jm_error err = {0};
    f.dict = dict_from("[language]\nPython\nGo\n[messaging]\nKafka\n", &err);
    f.cv = parse_doc("Python and Go\n", "cv.txt", JM_ROLE_RESUME);
    f.job = parse_doc("<html><head><link rel=\"canonical\" href=\"https://jobs.example/42\">"
                      "</head><body><h1>Go Engineer</h1><p>Go and Kafka.</p></body></html>",
                      "job.html", JM_ROLE_POSTING);
    f.job2 = parse_doc("Python Developer\n\nPython and Kafka.\n", "job2.txt", JM_ROLE_POSTING);
    jm_keywords_find(f.dict, f.cv, &f.kc, NULL);
    jm_keywords_find(f.dict, f.job, &f.kj, NULL);
    jm_keywords_find(f.dict, f.job2, &f.kj2, NULL);
    jm_match(f.kc, f.kj, &f.res, NULL);
    jm_match(f.kc, f.kj2, &f.res2, NULL);
    *state = &f;
    return f.res2 == NULL;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    jm_result_free(f->res2);
    jm_result_free(f->res);
    jm_keywords_free(f->kj2);
    jm_keywords_free(f->kj);
    jm_keywords_free(f->kc);
    jm_doc_free(f->job2);
    jm_doc_free(f->job);
    jm_doc_free(f->cv);
    jm_dict_free(f->dict);
    return 0;
}

/* Writes `t` and reads it back as CSV. */
static struct jm_csv written(jm_tracker *t, struct jm_buf *b)
{
    assert_int_equal(jm_tracker_write(t, false, collect, b, NULL), JM_OK);
    struct jm_csv csv;
    assert_int_equal(jm_csv_parse(b->data, b->len, "t.csv", &csv, NULL), JM_OK);
    return csv;
}

static size_t column(const struct jm_csv *csv, const char *name)
{
    for (size_t i = 0; i < csv->rows[0].n; i++)
        if (strcmp(csv->rows[0].cells[i], name) == 0)
            return i;
    fail_msg("no column %s", name);
    return 0;
}

static void test_new_then_again(void **state)
{
    struct fx *f = *state;
    jm_tracker *t = NULL;
    assert_int_equal(jm_tracker_parse("", 0, "t.csv", &t, NULL), JM_OK);
    assert_int_equal(jm_tracker_update(t, f->res, NULL, "job.html", "2026-12-07", NULL), JM_OK);
    assert_int_equal(jm_tracker_update(t, f->res2, NULL, "job2.txt", "2026-12-07", NULL), JM_OK);
    assert_int_equal(jm_tracker_update(t, f->res, NULL, "copy.html", "2026-12-07", NULL), JM_OK);
    jm_tracker_counts c = jm_tracker_tally(t);
    assert_int_equal(c.added, 2);
    assert_int_equal(c.duplicates, 1);
    struct jm_buf b = {0};
    struct jm_csv csv = written(t, &b);
    assert_int_equal(csv.nrows, 3);
    assert_true(csv.crlf);
    size_t key = column(&csv, "key"), path = column(&csv, "path"), status = column(&csv, "status");
    assert_string_equal(csv.rows[1].cells[key], "https://jobs.example/42");
    assert_string_equal(csv.rows[1].cells[path], "job.html"); /* the first path stays */
    assert_memory_equal(csv.rows[2].cells[key], "sha:", 4);
    jm_tracker_free(t);

    /* a person sets a status; the next run keeps it and meets only one posting */
    assert_true(jm_csv_set(&csv.rows[1], status, "applied"));
    struct jm_buf edited = {0};
    for (size_t r = 0; r < csv.nrows; r++) {
        for (size_t i = 0; i < csv.rows[r].n; i++) {
            if (i)
                jm_buf_putc(&edited, ',');
            jm_csv_put_field(&edited, csv.rows[r].cells[i], ',');
        }
        jm_buf_puts(&edited, "\n");
    }
    assert_int_equal(jm_tracker_parse(edited.data, edited.len, "t.csv", &t, NULL), JM_OK);
    assert_int_equal(jm_tracker_update(t, f->res, NULL, "job.html", "2026-12-08", NULL), JM_OK);
    c = jm_tracker_tally(t);
    assert_int_equal(c.updated, 1);
    assert_int_equal(c.not_found, 1);
    struct jm_buf b2 = {0};
    struct jm_csv again = written(t, &b2);
    assert_false(again.crlf); /* the file's own line ends */
    assert_string_equal(again.rows[1].cells[status], "applied");
    assert_string_equal(again.rows[1].cells[column(&again, "change")], "0");
    assert_string_equal(again.rows[2].cells[column(&again, "found")], "no");
    jm_csv_free(&again);
    jm_csv_free(&csv);
    jm_tracker_free(t);
    jm_buf_free(&b);
    jm_buf_free(&b2);
    jm_buf_free(&edited);
}

static void test_windows_1252_file(void **state)
{
    /* Excel's "CSV (Comma delimited)" on Windows: the system's code page, not UTF-8 */
    const char cp1252[] =
        "title,notes,key\r\nEngineer,Caf\xe9 with Ren\xe9,sha:0000000000000001\r\n";
    jm_tracker *t = NULL;
    assert_int_equal(jm_tracker_parse(cp1252, sizeof cp1252 - 1, "t.csv", &t, NULL), JM_OK);
    struct jm_buf b = {0};
    struct jm_csv csv = written(t, &b);
    assert_string_equal(csv.rows[1].cells[1], "Caf\xc3\xa9 with Ren\xc3\xa9");
    jm_csv_free(&csv);
    jm_buf_free(&b);
    jm_tracker_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_then_again),
        cmocka_unit_test(test_windows_1252_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
