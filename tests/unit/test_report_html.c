/*
 * Unit tests for the HTML reports (report/html.c, match_html.c, batch_html.c, tailor.c):
 * the one escaping function, JSON inside a <script>, and whole pages built from hostile
 * documents, parsed back with libxml2's XML parser (the pages are polyglot: HTML5 that is
 * well-formed XML), then walked: nothing a document says may become markup.
 */
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "unit.h"

static int collect(void *ctx, const char *data, size_t len)
{
    jm_buf_put(ctx, data, len);
    return 0;
}

static char *escaped(const char *s, size_t n)
{
    struct jm_buf b = {0};
    jm_html_put(&b, s, n);
    jm_buf_putc(&b, '\0');
    return b.data;
}

static void test_escape_markup_characters(void **state)
{
    const char *s = "<script>alert('x')</script> & \"q\"";
    char *e = escaped(s, strlen(s));
    assert_string_equal(e, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    free(e);
}

static void test_escape_drops_controls_keeps_text(void **state)
{
    /* ESC (a terminal's OSC 52), BEL, a C1 control, then a tab, a newline and UTF-8 kept;
     * an invalid byte becomes U+FFFD. */
    const char s[] = "a\x1b]52;c;ZXZpbA==\x07"
                     "b\xc2\x9b"
                     "c\td\n\xc3\xa9\xff";
    char *e = escaped(s, sizeof s - 1);
    assert_string_equal(e, "a]52;c;ZXZpbA==bc\td\n\xc3\xa9\xef\xbf\xbd");
    free(e);
}

static void test_json_in_script(void **state)
{
    struct jm_buf b = {0};
    jm_html_json(&b, "{\"q\":\"</script><!-- & \xe2\x80\xa8\"}");
    jm_buf_putc(&b, '\0');
    assert_null(strchr(b.data, '<'));
    assert_null(strchr(b.data, '&'));
    assert_non_null(strstr(b.data, "\\u003c/script>"));
    assert_non_null(strstr(b.data, "\\u2028"));
    jm_buf_free(&b);
}

/* ---- whole pages from hostile documents ------------------------------------------ */

/* Plain text keeps every character (the Markdown reader drops raw HTML tags itself). */
static const char hostile_posting[] =
    "Engineer <script>alert(1)</script>\n"
    "Company: Evil\" onmouseover=\"alert(2)\n\n"
    "Requirements:\n"
    "- Python and Kafka <img src=x onerror=alert(3)>\n"
    "- 5+ years of Python </style><style>body{display:none}</style>\n"
    "- <a href=\"javascript:alert(4)\">SQL</a> </textarea> \x1b]52;c;ZXZpbA==\x07\n";

static const char hostile_resume[] = "# Jane <b onclick=alert(5)>Doe</b>\n\n"
                                     "## Experience\n\n"
                                     "### Engineer, Acme <script>x</script>, 2019 - 2024\n\n"
                                     "- Built Python services </script><script>alert(6)</script>\n"
                                     "- Cut Postgres query time by 40% & more\n";

struct page {
    jm_dict *dict;
    jm_rules *rules;
    jm_doc *cv, *job;
    jm_keywords *kc, *kj;
    jm_bullets *bullets;
    jm_result *res;
    jm_tailoring *t;
};

static int setup(void **state)
{
    static struct page p;
    jm_error err = {0};
    p.dict = dict_from("[language]\nPython\nSQL\n[database]\nPostgreSQL\n    aliases: Postgres\n"
                       "    implies: SQL\n[messaging]\nKafka\n",
                       &err);
    const char *paths[] = {"dictionaries"};
    jm_rules_load(paths, 1, &p.rules, &err);
    p.cv = parse_doc(hostile_resume, "cv<x>.md", JM_ROLE_RESUME);
    p.job = parse_doc(hostile_posting, "job.txt", JM_ROLE_POSTING);
    jm_keywords_find(p.dict, p.cv, &p.kc, NULL);
    jm_keywords_find(p.dict, p.job, &p.kj, NULL);
    jm_bullets_analyze(p.rules, p.cv, &p.bullets, NULL);
    jm_match_evidence(p.kc, p.kj, p.bullets, &p.res, NULL);
    jm_tailor(p.res, p.bullets, NULL, &p.t, NULL);
    *state = &p;
    return p.t == NULL;
}

static int teardown(void **state)
{
    struct page *p = *state;
    jm_tailoring_free(p->t);
    jm_result_free(p->res);
    jm_bullets_free(p->bullets);
    jm_keywords_free(p->kj);
    jm_keywords_free(p->kc);
    jm_doc_free(p->job);
    jm_doc_free(p->cv);
    jm_rules_free(p->rules);
    jm_dict_free(p->dict);
    return 0;
}

struct count {
    int style, script, meta_csp, marks;
};

/* Walks the page: no event handler, no link leaving the page, no element a document
 * could have smuggled in; counts what the page itself is made of. */
static void walk(xmlNode *n, struct count *c)
{
    for (; n != NULL; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)n->name;
        assert_true(strcmp(name, "img") != 0 && strcmp(name, "b") != 0 &&
                    strcmp(name, "textarea") != 0 && strcmp(name, "iframe") != 0);
        c->style += strcmp(name, "style") == 0;
        c->script += strcmp(name, "script") == 0;
        c->marks += strcmp(name, "mark") == 0;
        for (xmlAttr *a = n->properties; a != NULL; a = a->next) {
            const char *an = (const char *)a->name;
            assert_false(strncasecmp(an, "on", 2) == 0 && strcmp(an, "optimum") != 0);
            xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
            if (strcmp(an, "href") == 0)
                assert_int_equal(v[0], '#');
            if (strcmp(an, "http-equiv") == 0)
                c->meta_csp++;
            assert_null(strstr((const char *)v, "javascript:"));
            xmlFree(v);
        }
        walk(n->children, c);
    }
}

/* Parses a page strictly and walks it. */
static struct count check_page(const struct jm_buf *b)
{
    xmlDoc *doc = xmlReadMemory(b->data, (int)b->len, "page.html", "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (doc == NULL)
        fail_msg("the page is not well-formed");
    struct count c = {0};
    walk(xmlDocGetRootElement(doc), &c);
    xmlFreeDoc(doc);
    assert_int_equal(c.style, 1);
    assert_int_equal(c.meta_csp, 1);
    assert_non_null(strstr(b->data, "default-src 'none'"));
    assert_null(strchr(b->data, '\x1b'));
    return c;
}

static void test_match_page_runs_nothing(void **state)
{
    struct page *p = *state;
    jm_report_options opt = {
        .format = JM_REPORT_FORMAT_HTML, .bullets = p->bullets, .tailoring = p->t};
    struct jm_buf b = {0};
    assert_int_equal(jm_report_match(p->res, &opt, collect, &b, NULL), JM_OK);
    struct count c = check_page(&b);
    assert_int_equal(c.script, 0);
    assert_true(c.marks >= 4); /* Python, Kafka, SQL in the posting; Python in the resume */
    assert_non_null(strstr(b.data, "script-src 'none'"));
    /* the hostile text is there, as text */
    assert_non_null(strstr(b.data, "Engineer &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_non_null(strstr(b.data, "&lt;/style&gt;&lt;style&gt;"));
    assert_non_null(strstr(b.data, "Evil&quot; onmouseover=&quot;alert(2)"));
    assert_non_null(strstr(b.data, "cv&lt;x&gt;.md"));
    assert_non_null(strstr(b.data, "knock-out"));
    jm_buf_free(&b);
}

static void test_tailor_page_links_lines(void **state)
{
    struct page *p = *state;
    jm_report_options opt = {.format = JM_REPORT_FORMAT_HTML, .bullets = p->bullets};
    struct jm_buf b = {0};
    assert_int_equal(jm_report_tailoring(p->t, &opt, collect, &b, NULL), JM_OK);
    struct count c = check_page(&b);
    assert_int_equal(c.script, 0);
    /* every link points at an anchor the page has */
    for (const char *h = b.data; (h = strstr(h, "href=\"#")) != NULL; h += 7) {
        char id[64];
        size_t n = strcspn(h + 7, "\"");
        assert_true(n < sizeof id - 6);
        snprintf(id, sizeof id, "id=\"%.*s\"", (int)n, h + 7);
        if (strcmp(id, "id=\"main\"") != 0)
            assert_non_null(strstr(b.data, id));
    }
    jm_buf_free(&b);
}

static void test_batch_page_has_one_script(void **state)
{
    struct page *p = *state;
    jm_market *m = NULL;
    assert_int_equal(jm_market_new(&m, NULL), JM_OK);
    jm_market_add(m, p->res, NULL);
    struct jm_buf b = {0};
    assert_int_equal(jm_report_batch_open("cv<x>.md", collect, &b, NULL), JM_OK);
    assert_int_equal(jm_report_batch_row(p->res, "a\"b<c>.html", NULL, NULL, collect, &b, NULL),
                     JM_OK);
    assert_int_equal(
        jm_report_batch_row(NULL, "bad.html", "<em>broken</em>", NULL, collect, &b, NULL), JM_OK);
    assert_int_equal(jm_report_batch_close(m, collect, &b, NULL), JM_OK);
    struct count c = check_page(&b);
    assert_int_equal(c.script, 1);
    assert_non_null(strstr(b.data, "a&quot;b&lt;c&gt;.html"));
    assert_non_null(strstr(b.data, "error: &lt;em&gt;broken&lt;/em&gt;"));
    assert_non_null(strstr(b.data, "<svg"));
    jm_buf_free(&b);
    jm_market_free(m);
}

static void test_html_refused_where_not_made(void **state)
{
    struct page *p = *state;
    jm_report_options opt = {.format = JM_REPORT_FORMAT_HTML};
    struct jm_buf b = {0};
    jm_error err = {0};
    assert_int_equal(jm_report_keywords(p->kj, &opt, collect, &b, &err), JM_ERR_ARG);
    assert_int_equal(b.len, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape_markup_characters),
        cmocka_unit_test(test_escape_drops_controls_keeps_text),
        cmocka_unit_test(test_json_in_script),
        cmocka_unit_test(test_match_page_runs_nothing),
        cmocka_unit_test(test_tailor_page_links_lines),
        cmocka_unit_test(test_batch_page_has_one_script),
        cmocka_unit_test(test_html_refused_where_not_made),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
