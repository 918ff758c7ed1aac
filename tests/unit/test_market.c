/*
 * Unit tests for src/market.c and the batch pieces of the library: the market
 * view from JSON lines (shards, duplicates by content hash, failures), from
 * match results, the per-posting JSON line, and the content hash.
 */
#include <cJSON.h>

#include "unit.h"

static int collect(void *ctx, const char *data, size_t len)
{
    jm_buf_put(ctx, data, len);
    return 0;
}

/* The market view as parsed JSON; the caller deletes it. */
static cJSON *view(const jm_market *m)
{
    struct jm_buf b = {0};
    jm_report_options opt = {.format = JM_REPORT_FORMAT_JSON};
    assert_int_equal(jm_report_market(m, &opt, collect, &b, NULL), JM_OK);
    cJSON *root = cJSON_ParseWithLength(b.data, b.len);
    jm_buf_free(&b);
    assert_non_null(root);
    return root;
}

static double num(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    assert_true(cJSON_IsNumber(v));
    return v->valuedouble;
}

static const char *str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    assert_true(cJSON_IsString(v));
    return v->valuestring;
}

static void add(jm_market *m, const char *line)
{
    jm_error err = {0};
    if (jm_market_add_json(m, line, strlen(line), &err) != JM_OK)
        fail_msg("%s: %s", line, err.msg);
}

#define KW(name, imp, w, status)                                                                   \
    "{\"name\":\"" name "\",\"category\":\"x\",\"kind\":\"skill\",\"importance\":\"" imp           \
    "\",\"weight\":" #w ",\"status\":\"" status "\"}"

static void test_gaps_ranked_by_weight_with_shares(void **state)
{
    (void)state;
    jm_market *m = NULL;
    assert_int_equal(jm_market_new(&m, NULL), JM_OK);
    add(m,
        "{\"path\":\"a\",\"error\":null,\"content_hash\":\"1\",\"keywords\":[" KW(
            "Kafka", "required", 2.5,
            "missing") "," KW("Go", "preferred", 1,
                              "missing") "," KW("Python", "title", 3,
                                                "matched") "],\"resume\":{\"keywords\":["
                                                           "{\"name\":\"Python\",\"category\":"
                                                           "\"language\",\"kind\":\"skill\"},"
                                                           "{\"name\":\"COBOL\",\"category\":"
                                                           "\"language\",\"kind\":\"skill\"}]}}");
    add(m, "{\"path\":\"b\",\"error\":null,\"content_hash\":\"2\",\"keywords\":[" KW(
               "Go", "mentioned", 0.75, "missing") "," KW("Kafka", "preferred", 1, "missing") "]}");
    add(m, "{\"path\":\"c\",\"error\":\"empty file\",\"duplicate_of\":null}");
    cJSON *v = view(m);
    assert_int_equal(num(v, "scored"), 2);
    assert_int_equal(num(v, "failed"), 1);
    const cJSON *gaps = cJSON_GetObjectItemCaseSensitive(v, "gaps");
    assert_int_equal(cJSON_GetArraySize(gaps), 2);
    const cJSON *first = cJSON_GetArrayItem(gaps, 0);
    assert_string_equal(str(first, "name"), "Kafka"); /* 3.5 of weight against Go's 1.75 */
    assert_int_equal(num(first, "asked"), 2);
    assert_int_equal(num(first, "required"), 1);
    assert_double_equal(num(first, "asked_share"), 1.0, 1e-9);
    assert_double_equal(num(first, "required_share"), 0.5, 1e-9);
    assert_string_equal(str(cJSON_GetArrayItem(gaps, 1), "name"), "Go");
    const cJSON *unasked = cJSON_GetObjectItemCaseSensitive(v, "unasked");
    assert_int_equal(cJSON_GetArraySize(unasked), 1); /* Python is asked for; COBOL is not */
    assert_string_equal(cJSON_GetArrayItem(unasked, 0)->valuestring, "COBOL");
    cJSON_Delete(v);
    jm_market_free(m);
}

/* Two shards that both scored the same posting: it counts once. */
static void test_the_same_posting_in_two_shards_counts_once(void **state)
{
    (void)state;
    jm_market *m = NULL;
    assert_int_equal(jm_market_new(&m, NULL), JM_OK);
    const char *line = "{\"path\":\"a\",\"error\":null,\"content_hash\":\"ab\",\"keywords\":[" KW(
        "Kafka", "required", 2, "missing") "]}";
    add(m, line);
    add(m, line);
    add(m, "{\"path\":\"b\",\"error\":null,\"duplicate_of\":\"a\"}");
    cJSON *v = view(m);
    assert_int_equal(num(v, "scored"), 1);
    assert_int_equal(num(v, "duplicates"), 2);
    assert_int_equal(
        num(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(v, "gaps"), 0), "asked"), 1);
    cJSON_Delete(v);
    jm_market_free(m);
}

static void test_bad_lines_are_errors(void **state)
{
    (void)state;
    jm_market *m = NULL;
    jm_error err = {0};
    assert_int_equal(jm_market_new(&m, NULL), JM_OK);
    assert_int_equal(jm_market_add_json(m, "[1]", 3, &err), JM_ERR_FORMAT);
    const char *no_weight =
        "{\"error\":null,\"keywords\":[{\"name\":\"Go\",\"status\":\"missing\"}]}";
    assert_int_equal(jm_market_add_json(m, no_weight, strlen(no_weight), &err), JM_ERR_FORMAT);
    jm_market_free(m);
}

/* From results, as batch feeds it, the view and the JSON line agree. */
static void test_results_and_their_json_lines_give_one_view(void **state)
{
    (void)state;
    jm_error err = {0};
    jm_dict *d = dict_from("[language]\nPython\nGo\n[messaging]\nKafka\n", &err);
    jm_doc *cv = parse_doc("## Skills\n\n- Python\n", "cv.md", JM_ROLE_RESUME);
    jm_doc *job = parse_doc("# Backend Engineer\n\n## Requirements\n\n- Python, Go and Kafka\n",
                            "job.md", JM_ROLE_POSTING);
    jm_keywords *kc, *kj;
    jm_result *res;
    assert_int_equal(jm_keywords_find(d, cv, &kc, &err), JM_OK);
    assert_int_equal(jm_keywords_find(d, job, &kj, &err), JM_OK);
    assert_int_equal(jm_match(kc, kj, &res, &err), JM_OK);
    struct jm_buf line = {0};
    assert_int_equal(jm_report_posting(res, "job.md", NULL, NULL, collect, &line, &err), JM_OK);
    assert_int_equal(line.data[line.len - 1], '\n');
    cJSON *rec = cJSON_ParseWithLength(line.data, line.len);
    assert_string_equal(str(rec, "path"), "job.md");
    assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(rec, "error")));
    assert_int_equal(num(rec, "score"), jm_result_score(res));
    cJSON_Delete(rec);
    jm_market *from_results = NULL, *from_lines = NULL;
    assert_int_equal(jm_market_new(&from_results, NULL), JM_OK);
    assert_int_equal(jm_market_new(&from_lines, NULL), JM_OK);
    assert_int_equal(jm_market_add(from_results, res, &err), JM_OK);
    assert_int_equal(jm_market_add_json(from_lines, line.data, line.len, &err), JM_OK);
    cJSON *a = view(from_results), *b = view(from_lines);
    char *ta = cJSON_PrintUnformatted(a), *tb = cJSON_PrintUnformatted(b);
    assert_string_equal(ta, tb);
    assert_non_null(strstr(ta, "\"name\":\"Kafka\""));
    cJSON_free(ta), cJSON_free(tb), cJSON_Delete(a), cJSON_Delete(b);
    jm_market_free(from_results), jm_market_free(from_lines);
    jm_buf_free(&line);
    jm_result_free(res), jm_keywords_free(kj), jm_keywords_free(kc);
    jm_doc_free(job), jm_doc_free(cv), jm_dict_free(d);
}

static void test_content_hash_ignores_markup_and_case(void **state)
{
    (void)state;
    jm_doc *a = parse_doc("<html><body><nav>Menu</nav><h1>Go Developer</h1><p>Kafka</p>"
                          "</body></html>",
                          "a.html", JM_ROLE_POSTING);
    jm_doc *b = parse_doc("<html><body><h1>GO DEVELOPER</h1>\n\n<p>  Kafka </p></body></html>",
                          "b.html", JM_ROLE_POSTING);
    jm_doc *c = parse_doc("<html><body><h1>Go Developer</h1><p>Kafka, Redis</p></body></html>",
                          "c.html", JM_ROLE_POSTING);
    assert_true(jm_doc_hash(a) == jm_doc_hash(b));
    assert_true(jm_doc_hash(a) != jm_doc_hash(c));
    jm_doc_free(a), jm_doc_free(b), jm_doc_free(c);
}

static void test_a_failed_posting_line(void **state)
{
    (void)state;
    struct jm_buf line = {0};
    assert_int_equal(jm_report_posting(NULL, "x.pdf", "a PDF document", NULL, collect, &line, NULL),
                     JM_OK);
    assert_string_equal(line.data, "{\"schema_version\":1,\"path\":\"x.pdf\",\"error\":\"a PDF "
                                   "document\",\"duplicate_of\":null}\n");
    jm_buf_free(&line);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gaps_ranked_by_weight_with_shares),
        cmocka_unit_test(test_the_same_posting_in_two_shards_counts_once),
        cmocka_unit_test(test_bad_lines_are_errors),
        cmocka_unit_test(test_results_and_their_json_lines_give_one_view),
        cmocka_unit_test(test_content_hash_ignores_markup_and_case),
        cmocka_unit_test(test_a_failed_posting_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
