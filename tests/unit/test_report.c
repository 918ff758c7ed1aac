/* Unit tests for the reports (report*.c) and the support modules (buf.c, arena.c). */
#include <cJSON.h>
#include <float.h>
#include <math.h>

#include "unit.h"

static int collect(void *ctx, const char *data, size_t len)
{
    jm_buf_put(ctx, data, len);
    return 0;
}

static int refuse(void *ctx, const char *data, size_t len)
{
    return -1;
}

struct fixture {
    jm_dict *dict;
    jm_doc *cv, *job;
    jm_keywords *kc, *kj;
    jm_result *res;
};

static int setup(void **state)
{
    static struct fixture f;
    jm_error err = {0};
    f.dict = dict_from("[language]\nPython\nSQL\n[database]\nPostgreSQL\n    aliases: Postgres\n"
                       "    implies: SQL\n[messaging]\nKafka\n",
                       &err);
    f.cv = parse_doc("Python and Postgres\n", "cv.txt", JM_ROLE_RESUME);
    f.job = parse_doc("# Python Engineer\n\n## Requirements\n\n- Kafka and SQL\n", "job.md",
                      JM_ROLE_POSTING);
    jm_keywords_find(f.dict, f.cv, &f.kc, NULL);
    jm_keywords_find(f.dict, f.job, &f.kj, NULL);
    jm_match(f.kc, f.kj, &f.res, NULL);
    *state = &f;
    return f.res == NULL;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    jm_result_free(f->res);
    jm_keywords_free(f->kj);
    jm_keywords_free(f->kc);
    jm_doc_free(f->job);
    jm_doc_free(f->cv);
    jm_dict_free(f->dict);
    return 0;
}

static void test_match_json_shape(void **state)
{
    struct fixture *f = *state;
    struct jm_buf b = {0};
    jm_report_options opt = {JM_REPORT_FORMAT_JSON, false};
    assert_int_equal(jm_report_match(f->res, &opt, collect, &b, NULL), JM_OK);
    cJSON *root = cJSON_Parse(b.data);
    assert_non_null(root);
    assert_int_equal(cJSON_GetObjectItem(root, "schema_version")->valueint, JM_SCHEMA_VERSION);
    assert_int_equal(cJSON_GetObjectItem(root, "score")->valueint, jm_result_score(f->res));
    cJSON *posting = cJSON_GetObjectItem(root, "posting");
    assert_string_equal(cJSON_GetObjectItem(posting, "title")->valuestring, "Python Engineer");
    assert_string_equal(cJSON_GetObjectItem(posting, "path")->valuestring, "job.md");
    cJSON *kws = cJSON_GetObjectItem(root, "keywords");
    assert_int_equal(cJSON_GetArraySize(kws), 3);
    cJSON *sql = NULL, *k;
    cJSON_ArrayForEach(k, kws) if (strcmp(cJSON_GetObjectItem(k, "name")->valuestring, "SQL") == 0)
        sql = k;
    assert_non_null(sql);
    assert_string_equal(cJSON_GetObjectItem(sql, "status")->valuestring, "implied");
    assert_string_equal(cJSON_GetObjectItem(sql, "implied_by")->valuestring, "PostgreSQL");
    assert_string_equal(cJSON_GetObjectItem(sql, "importance")->valuestring, "required");
    static const char *const fields[] = {"category",     "weight", "points", "posting_count",
                                         "resume_count", "forms",  "line",   "quote"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        assert_non_null(cJSON_GetObjectItem(sql, fields[i]));
    cJSON_Delete(root);
    jm_buf_free(&b);
}

static void test_text_colour_only_when_asked(void **state)
{
    struct fixture *f = *state;
    struct jm_buf plain = {0}, color = {0};
    jm_report_options opt = {JM_REPORT_FORMAT_TEXT, false};
    jm_report_match(f->res, &opt, collect, &plain, NULL);
    opt.color = true;
    jm_report_match(f->res, &opt, collect, &color, NULL);
    assert_null(strchr(plain.data, '\033'));
    assert_non_null(strchr(color.data, '\033'));
    assert_non_null(strstr(plain.data, "Kafka"));
    assert_non_null(strstr(plain.data, "via PostgreSQL"));
    jm_buf_free(&plain);
    jm_buf_free(&color);
}

static void test_write_failure_is_reported(void **state)
{
    struct fixture *f = *state;
    jm_error err = {0};
    jm_report_options opt = {JM_REPORT_FORMAT_TEXT, false};
    assert_int_equal(jm_report_keywords(f->kj, &opt, refuse, NULL, &err), JM_ERR_WRITE);
    assert_non_null(strstr(err.msg, "cannot write"));
}

static int accept_all(void *ctx, const char *data, size_t len)
{
    (void)ctx, (void)data, (void)len;
    return 0;
}

/* A report past the cap is too big, said so, and not "out of memory". */
static void test_report_over_cap(void **state)
{
    (void)state;
    struct jm_buf b = {0};
    jm_buf_puts(&b, "start");
    jm_buf_put(&b, "x", JM_BUF_MAX); /* never read: the cap is checked first */
    assert_true(b.failed && b.full);
    jm_error err = {0};
    assert_int_equal(jm_emit(&b, accept_all, NULL, &err), JM_ERR_TOO_BIG);
    assert_non_null(strstr(err.msg, "128 MB"));
}

static void test_buf_clipping_respects_utf8(void **state)
{
    struct jm_buf b = {0};
    jm_buf_put_clipped(&b, "short", 10);
    assert_string_equal(b.data, "short");
    jm_buf_clear(&b);
    jm_buf_put_clipped(&b, "one two three four", 12);
    assert_string_equal(b.data, "one two\xE2\x80\xA6");
    jm_buf_clear(&b);
    jm_buf_put_clipped(&b, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 5); /* no space to cut at */
    assert_string_equal(b.data, "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
    jm_buf_free(&b);
}

static void test_buf_printf_long(void **state)
{
    struct jm_buf b = {0};
    char big[1000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    jm_buf_printf(&b, "<%s>", big);
    assert_int_equal(b.len, 1001);
    assert_false(b.failed);
    jm_buf_free(&b);
}

static void test_arena_big_and_small(void **state)
{
    struct jm_arena a = {0};
    char *small = jm_arena_alloc(&a, 10);
    char *big = jm_arena_alloc(&a, 1 << 20);
    char *small2 = jm_arena_alloc(&a, 10);
    assert_non_null(small);
    assert_non_null(big);
    assert_non_null(small2);
    memset(small, 7, 10);
    memset(small2, 9, 10);
    memset(big, 1, 1 << 20); /* the big block overlaps neither small one */
    assert_int_equal(small[9], 7);
    assert_int_equal(small2[0], 9);
    assert_string_equal(jm_arena_strndup(&a, "abcdef", 3), "abc");
    jm_arena_free(&a);
}

/* ---- json.c: prints what cJSON_PrintUnformatted prints -------------------------- */

/* Compares the two printers on `root` (freed). */
static void assert_prints_as_cjson(cJSON *root)
{
    char *want = cJSON_PrintUnformatted(root);
    assert_non_null(want);
    struct jm_buf b = {0};
    jm_put_json(&b, root);
    assert_false(b.failed);
    assert_true(b.len > 0 && b.data[b.len - 1] == '\n');
    b.data[--b.len] = '\0';
    assert_string_equal(b.data, want);
    cJSON_free(want);
    jm_buf_free(&b);
}

static void test_json_numbers_print_as_cjson(void **state)
{
    static const double special[] = {0.0,           -0.0,
                                     0.005,         0.01,
                                     -0.01,         0.1 + 0.2,
                                     1e-7,          12.5,
                                     -2.5,          11.11,
                                     1e13,          1e13 - 0.01,
                                     1e15,          1e16,
                                     3e9,           2147483648.0,
                                     -2147483649.0, 1e300,
                                     -1e-300,       DBL_MAX,
                                     DBL_MIN,       5e-324,
                                     NAN,           INFINITY,
                                     -INFINITY,     999999999999999.9,
                                     0.125};
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < sizeof special / sizeof *special; i++)
        cJSON_AddItemToArray(arr, cJSON_CreateNumber(special[i]));
    for (long k = -30000; k <= 30000; k += 7) /* hundredths, as jm_round2 makes them */
        cJSON_AddItemToArray(arr, cJSON_CreateNumber((double)k / 100));
    for (double k = 1e14 - 50; k < 1e14 + 50; k++) /* where 15 digits run out */
        cJSON_AddItemToArray(arr, cJSON_CreateNumber(k / 100));
    uint64_t x = 88172645463325252u; /* any bit pattern: xorshift64 */
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double d;
        memcpy(&d, &x, sizeof d);
        cJSON_AddItemToArray(arr, cJSON_CreateNumber(d));
        cJSON_AddItemToArray(arr, cJSON_CreateNumber((double)(x % 2000001) / 1000 - 1000));
    }
    assert_prints_as_cjson(arr);
}

static void test_json_strings_and_shapes_print_as_cjson(void **state)
{
    char every[256];
    for (int c = 1; c < 256; c++)
        every[c - 1] = (char)c;
    every[255] = '\0';
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, every, every); /* keys are escaped too */
    cJSON_AddStringToObject(root, "", "");
    cJSON_AddStringToObject(root, "utf8", "caf\xc3\xa9 \xe2\x80\xa8 \xff\xfe");
    cJSON_AddItemToObject(root, "empty object", cJSON_CreateObject());
    cJSON_AddItemToObject(root, "empty array", cJSON_CreateArray());
    cJSON *nested = cJSON_AddArrayToObject(root, "nested");
    cJSON *inner = cJSON_CreateObject();
    cJSON_AddNullToObject(inner, "null");
    cJSON_AddTrueToObject(inner, "true");
    cJSON_AddFalseToObject(inner, "false");
    cJSON_AddItemToObject(inner, "raw", cJSON_CreateRaw("{\"as\": [\"is\"]}"));
    cJSON_AddItemToArray(nested, inner);
    cJSON_AddItemToArray(nested, cJSON_CreateArray());
    cJSON_AddItemToArray(nested, cJSON_CreateString("tab\there, quote\" and \\"));
    cJSON *no_text = cJSON_CreateString("");
    cJSON_free(no_text->valuestring);
    no_text->valuestring = NULL; /* cJSON prints "" */
    cJSON_AddItemToArray(nested, no_text);
    assert_prints_as_cjson(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_match_json_shape),
        cmocka_unit_test(test_text_colour_only_when_asked),
        cmocka_unit_test(test_write_failure_is_reported),
        cmocka_unit_test(test_buf_clipping_respects_utf8),
        cmocka_unit_test(test_report_over_cap),
        cmocka_unit_test(test_buf_printf_long),
        cmocka_unit_test(test_arena_big_and_small),
        cmocka_unit_test(test_json_numbers_print_as_cjson),
        cmocka_unit_test(test_json_strings_and_shapes_print_as_cjson),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
