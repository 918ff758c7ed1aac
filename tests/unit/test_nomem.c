/*
 * test_nomem.c - every allocation of a whole run may fail, and the run then
 * fails cleanly: JM_ERR_NOMEM (never a crash, never a wrong JM_OK), and,
 * under `make asan`, no leak.
 *
 * Linked with -Wl,--wrap for malloc, calloc, realloc, strdup and strndup
 * (see the Makefile), so that every allocation the library makes, and cmark's
 * through the library's allocator, comes here; libxml2's and cJSON's come here
 * through their allocator hooks. A run is counted once, then repeated with
 * allocation N failing, for every N.
 */
#include <cJSON.h>
#include <libxml/xmlmemory.h>

#include "unit.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);

static unsigned long count;   /* allocations so far */
static unsigned long fail_at; /* the one to fail (1-based); 0: none */
enum origin { NONE, OWN, XML, CJSON };
static enum origin failed_in; /* who made the allocation that failed */
static jm_format scenario;    /* the resume's format, for a debugger's condition */

static bool fails_in(enum origin o)
{
    if (++count != fail_at)
        return false;
    failed_in = o;
    return true;
}

static bool fails(void)
{
    return fails_in(OWN);
}

void *__wrap_malloc(size_t n)
{
    return fails() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return fails() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
    return fails() ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
    return fails() ? NULL : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
    return fails() ? NULL : __real_strndup(s, n);
}

static void *xml_malloc(size_t n)
{
    return fails_in(XML) ? NULL : __real_malloc(n);
}

static void *xml_realloc(void *p, size_t n)
{
    return fails_in(XML) ? NULL : __real_realloc(p, n);
}

static char *xml_strdup(const char *s)
{
    return fails_in(XML) ? NULL : __real_strdup(s);
}

static void *cjson_malloc(size_t n)
{
    return fails_in(CJSON) ? NULL : __real_malloc(n);
}

static const char posting_html[] =
    "<html><head><title>Platform Engineer - Acme</title>"
    "<script type=\"application/ld+json\">{\"@type\": \"JobPosting\", \"title\": \"Platform "
    "Engineer\", \"hiringOrganization\": {\"name\": \"Acme Freight\"}, \"description\": "
    "\"&lt;p&gt;Run Kubernetes and Terraform.&lt;/p&gt;\"}</script></head><body>"
    "<h1>Platform Engineer</h1><h2>Requirements</h2><ul><li>5+ years of Go or Java</li>"
    "<li>Kubernetes, Terraform and AWS (EKS, RDS)</li><li>We are unable to sponsor visas</li>"
    "</ul><h2>Nice to have</h2><ul><li>Kafka, Prometheus</li></ul></body></html>";

static const char resume_md[] =
    "# Jane Doe\n\nPlatform engineer.\n\n## Skills\n\nGo, Python, Docker, AWS\n\n"
    "## Experience\n\n### Site Reliability Engineer | Initech\n2019 - 2023\n\n"
    "- Built a Go service on Kubernetes that cut deploy time from 40 to 8 minutes\n"
    "- Managed Terraform modules for 30 teams\n"
    "- Responsible for on-call\n\n```\ncode block\n```\n\n"
    "## Education\n\nBSc Computer Science, 2015\n";

static const char resume_json[] =
    "{\"basics\": {\"name\": \"Jo\", \"label\": \"Data Engineer\"}, \"work\": [{\"name\": "
    "\"Globex\", \"position\": \"Data Engineer\", \"startDate\": \"2020-01\", \"highlights\": "
    "[\"Moved 40 Airflow DAGs to Spark, halving cost\"]}], \"skills\": [{\"keywords\": "
    "[\"SQL\", \"Kafka\"]}]}";

/* libxml2 2.9 leaks its half-made parser when an allocation fails inside htmlNewParserCtxt:
 * its bug, not ours, and not one the library can free (it never returns the context). */
const char *__lsan_default_suppressions(void);
__attribute__((visibility("default"))) const char *__lsan_default_suppressions(void)
{
    return "leak:htmlNewParserCtxt\n";
}

static int discard(void *ctx, const char *data, size_t len)
{
    (void)ctx, (void)data, (void)len;
    return 0;
}

struct fixture {
    jm_dict *dict;
    jm_rules *rules;
};

/* One whole run: read both documents, find keywords, judge bullets, match, tailor, report in
 * every format, a batch page, a tracker. The first failure is the run's status. */
static jm_status run(const struct fixture *f, const char *resume, jm_format resume_format)
{
    jm_doc *posting = NULL, *cv = NULL;
    jm_keywords *kp = NULL, *kr = NULL;
    jm_bullets *bullets = NULL;
    jm_result *res = NULL;
    jm_tailoring *t = NULL;
    jm_error err = {0};
    jm_status st = jm_doc_parse(posting_html, sizeof posting_html - 1, "job.html", JM_ROLE_POSTING,
                                JM_FORMAT_HTML, &posting, &err);
    if (st == JM_OK)
        st = jm_doc_parse(resume, strlen(resume), "cv", JM_ROLE_RESUME, resume_format, &cv, &err);
    if (st == JM_OK)
        st = jm_keywords_find(f->dict, posting, &kp, &err);
    if (st == JM_OK)
        st = jm_keywords_find(f->dict, cv, &kr, &err);
    if (st == JM_OK)
        st = jm_bullets_analyze(f->rules, cv, &bullets, &err);
    if (st == JM_OK)
        st = jm_match_evidence(kr, kp, bullets, &res, &err);
    if (st == JM_OK)
        st = jm_tailor(res, bullets, NULL, &t, &err);
    for (int fmt = JM_REPORT_FORMAT_TEXT; st == JM_OK && fmt <= JM_REPORT_FORMAT_HTML; fmt++) {
        jm_report_options opt = {
            .format = (jm_report_format)fmt, .bullets = bullets, .tailoring = t};
        st = jm_report_match(res, &opt, discard, NULL, &err);
        if (st == JM_OK)
            st = jm_report_tailoring(t, &opt, discard, NULL, &err);
        if (st == JM_OK && fmt != JM_REPORT_FORMAT_HTML)
            st = jm_report_keywords(kp, &opt, discard, NULL, &err);
    }
    if (st == JM_OK) /* the batch page of this one posting */
        st = jm_report_batch_open("cv", discard, NULL, &err);
    if (st == JM_OK)
        st = jm_report_batch_row(res, "job.html", NULL, NULL, discard, NULL, &err);
    if (st == JM_OK)
        st = jm_report_batch_close(NULL, discard, NULL, &err);
    jm_tracker *tracker = NULL; /* and the tracker, new, then read back */
    if (st == JM_OK)
        st = jm_tracker_parse("", 0, "pipeline.csv", &tracker, &err);
    if (st == JM_OK)
        st = jm_tracker_update(tracker, res, t, "job.html", "2026-12-07", &err);
    if (st == JM_OK)
        st = jm_tracker_write(tracker, false, discard, NULL, &err);
    jm_tracker_free(tracker);
    if (st != JM_OK && st != JM_ERR_NOMEM && !(failed_in == CJSON && st == JM_ERR_FORMAT))
        fail_msg("allocation %lu: %s (%s)", fail_at, err.msg, jm_strerror(st));
    if (st == JM_ERR_NOMEM && err.msg[0] == '\0')
        fail_msg("allocation %lu: JM_ERR_NOMEM without a message", fail_at);
    jm_tailoring_free(t);
    jm_result_free(res);
    jm_bullets_free(bullets);
    jm_keywords_free(kr);
    jm_keywords_free(kp);
    jm_doc_free(cv);
    jm_doc_free(posting);
    return st;
}

/* The run with each of its allocations failing in turn. */
static void fail_each(const struct fixture *f, const char *resume, jm_format format)
{
    count = 0, fail_at = 0, scenario = format;
    assert_int_equal(run(f, resume, format), JM_OK);
    unsigned long total = count;
    assert_true(total > 100);
    unsigned long absorbed[4] = {0}, all[4] = {0};
    /* the first run also made what later runs reuse (patterns compiled on first use) */
    for (fail_at = 1; fail_at <= total; fail_at++) {
        count = 0;
        failed_in = NONE;
        jm_status st = run(f, resume, format);
        if (failed_in == NONE)
            break; /* the run needs fewer allocations than fail_at: all were tried */
        all[failed_in]++;
        absorbed[failed_in] += st == JM_OK;
        /* Ours must say so: JM_OK would be a report with parts missing. libxml2 recovers
         * from some (an error message it cannot allocate); cJSON drops the item it cannot
         * allocate, and a parse that fails for memory reads as malformed JSON. */
        if (failed_in == OWN && st != JM_ERR_NOMEM)
            fail_msg("allocation %lu of %lu (jobmatch's) failed, yet the run returned %s", fail_at,
                     total, jm_strerror(st));
        if (failed_in == XML && st != JM_ERR_NOMEM && st != JM_OK)
            fail_msg("allocation %lu (libxml2's) failed: %s", fail_at, jm_strerror(st));
    }
    print_message("%lu allocations, each failed in turn: jobmatch's %lu (all JM_ERR_NOMEM), "
                  "libxml2's %lu (%lu recovered), cJSON's %lu (%lu dropped an item)\n",
                  total, all[OWN], all[XML], absorbed[XML], all[CJSON], absorbed[CJSON]);
    fail_at = 0;
}

static void test_markdown_resume(void **state)
{
    fail_each(*state, resume_md, JM_FORMAT_MARKDOWN);
}

static void test_json_resume(void **state)
{
    fail_each(*state, resume_json, JM_FORMAT_JSON);
}

static int setup(void **state)
{
    /* libxml2 and cJSON allocate through these hooks; set before either is used */
    xmlMemSetup(free, xml_malloc, xml_realloc, xml_strdup);
    cJSON_Hooks hooks = {cjson_malloc, free};
    cJSON_InitHooks(&hooks);
    static struct fixture f;
    const char *paths[] = {"dictionaries"};
    jm_error err = {0};
    if (jm_dict_load(paths, 1, &f.dict, &err) != JM_OK ||
        jm_rules_load(paths, 1, &f.rules, &err) != JM_OK)
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    jm_rules_free(f->rules);
    jm_dict_free(f->dict);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markdown_resume),
        cmocka_unit_test(test_json_resume),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
