/* Unit tests for where a posting lives (jm_doc_url): the page's canonical link, og:url, a
 * JSON posting's url, front matter; the surer source wins; a home page is no address. */
#include "unit.h"

static void expect_url(const char *text, const char *name, const char *url)
{
    jm_doc *doc = parse_doc(text, name, JM_ROLE_POSTING);
    assert_string_equal(jm_doc_url(doc), url);
    jm_doc_free(doc);
}

static void test_canonical_before_og(void **state)
{
    expect_url("<html><head><meta property=\"og:url\" content=\"https://a.example/jobs/og\">"
               "<link rel=\"canonical\" href=\"https://a.example/jobs/42\"></head>"
               "<body><h1>Engineer</h1><p>Go and Kafka.</p></body></html>",
               "p.html", "https://a.example/jobs/42");
    expect_url("<html><head><meta property=\"og:url\" content=\"https://a.example/jobs/7\">"
               "</head><body><h1>Engineer</h1></body></html>",
               "p.html", "https://a.example/jobs/7");
}

static void test_not_an_address(void **state)
{
    /* a home page, a relative path, a script, a value with spaces */
    expect_url("<html><head><link rel=\"canonical\" href=\"https://a.example/\"></head>"
               "<body><h1>Engineer</h1></body></html>",
               "p.html", "");
    expect_url("<html><head><link rel=\"canonical\" href=\"/jobs/42\"></head>"
               "<body><h1>Engineer</h1></body></html>",
               "p.html", "");
    expect_url("<html><head><meta property=\"og:url\" content=\"javascript:alert(1)\">"
               "</head><body><h1>Engineer</h1></body></html>",
               "p.html", "");
    expect_url("---\nurl: https://a.example/jobs/1 and more\n---\n# Engineer\n", "p.md", "");
}

static void test_front_matter(void **state)
{
    expect_url("---\ntitle: Engineer\nexternalURL: \"https://jobs.example.org/offre/12\"\n---\n"
               "# Engineer\n",
               "p.md", "https://jobs.example.org/offre/12");
    /* "link" is where sites put the company's home page: never the posting's address */
    expect_url("---\ntitle: Engineer\nlink: https://www.acme.example/about\n---\n# Engineer\n",
               "p.md", "");
}

static void test_json_posting(void **state)
{
    expect_url("{\"title\": \"Engineer\", \"company\": \"Acme\", \"url\": "
               "\"https://jobs.example.com/positions/9f2\", \"description\": \""
               "We build freight software and need an engineer who knows Go, PostgreSQL and "
               "Kubernetes well, writes clear code, reviews the code of others with care, and "
               "keeps our services running through the night without drama or heroics.\"}",
               "p.json", "https://jobs.example.com/positions/9f2");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_canonical_before_og),
        cmocka_unit_test(test_not_an_address),
        cmocka_unit_test(test_front_matter),
        cmocka_unit_test(test_json_posting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
