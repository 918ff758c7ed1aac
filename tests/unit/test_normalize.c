/* Unit tests for src/normalize.c: NFKC + case fold with an offset map. */
#include "unit.h"

struct norm {
    struct jm_arena arena;
    char *s;
    size_t n;
    uint32_t *map;
};

static void norm(struct norm *out, const char *text)
{
    memset(out, 0, sizeof *out);
    jm_normalize(text, strlen(text), &out->arena, &out->s, &out->n, &out->map);
    assert_non_null(out->s);
}

static void test_ascii_is_lowercased_one_to_one(void **state)
{
    struct norm r;
    norm(&r, "Hello PostgreSQL");
    assert_string_equal(r.s, "hello postgresql");
    for (size_t i = 0; i <= r.n; i++)
        assert_int_equal(r.map[i], i);
    jm_arena_free(&r.arena);
}

static void test_nfkc_fullwidth_and_ligature(void **state)
{
    struct norm r;
    norm(&r, "\xEF\xBC\xB0\xEF\xBD\x99 \xEF\xAC\x81le"); /* fullwidth "Py", ligature fi */
    assert_string_equal(r.s, "py file");
    jm_arena_free(&r.arena);
}

static void test_no_break_space_becomes_space(void **state)
{
    struct norm r;
    norm(&r, "Node\xC2\xA0JS");
    assert_string_equal(r.s, "node js");
    assert_int_equal(r.map[4], 4); /* the space maps to the nbsp */
    assert_int_equal(r.map[5], 6); /* "j" after the two-byte nbsp */
    jm_arena_free(&r.arena);
}

static void test_casefold_expands(void **state)
{
    struct norm r;
    norm(&r, "Stra\xC3\x9F"
             "e"); /* Straße */
    assert_string_equal(r.s, "strasse");
    assert_int_equal(r.map[4], 4);
    assert_int_equal(r.map[5], 4); /* both s of the ß map to it */
    assert_int_equal(r.map[6], 6);
    assert_int_equal(r.map[r.n], strlen("Stra\xC3\x9F"
                                        "e"));
    jm_arena_free(&r.arena);
}

static void test_combining_mark_composes_with_ascii(void **state)
{
    struct norm r;
    norm(&r, "Cafe\xCC\x81!"); /* e + combining acute */
    assert_string_equal(r.s, "caf\xC3\xA9!");
    assert_int_equal(r.map[5], 6); /* "!" */
    jm_arena_free(&r.arena);
}

static void test_soft_hyphen_is_ignored(void **state)
{
    struct norm r;
    norm(&r, "Kuber\xC2\xAD"
             "netes");
    assert_string_equal(r.s, "kubernetes");
    jm_arena_free(&r.arena);
}

static void test_curly_quote_kept_and_mapped(void **state)
{
    struct norm r;
    norm(&r, "Python\xE2\x80\x99s");
    assert_string_equal(r.s, "python\xE2\x80\x99s");
    assert_int_equal(r.map[6], 6);
    assert_int_equal(r.map[9], 9);
    jm_arena_free(&r.arena);
}

static void test_word_characters(void **state)
{
    assert_true(jm_is_word_cp('a'));
    assert_true(jm_is_word_cp('7'));
    assert_true(jm_is_word_cp('_'));
    assert_false(jm_is_word_cp('-'));
    assert_true(jm_is_word_cp(0xE9));    /* é */
    assert_false(jm_is_word_cp(0x2013)); /* en dash */
    assert_false(jm_is_word_cp(0x2019)); /* right quote */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_is_lowercased_one_to_one),
        cmocka_unit_test(test_nfkc_fullwidth_and_ligature),
        cmocka_unit_test(test_no_break_space_becomes_space),
        cmocka_unit_test(test_casefold_expands),
        cmocka_unit_test(test_combining_mark_composes_with_ascii),
        cmocka_unit_test(test_soft_hyphen_is_ignored),
        cmocka_unit_test(test_curly_quote_kept_and_mapped),
        cmocka_unit_test(test_word_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
