/*
 * Unit tests for src/tailor.c: each kind of suggestion on a small dictionary,
 * and the promise that a keyword the resume never names is only ever
 * suggested conditionally ("if you have used it").
 */
#include <cJSON.h>

#include "unit.h"

static const char *const DICT = "[language]\nPython\nSQL\nGo\n    guarded: Go\n    case: exact\n"
                                "[database]\nPostgreSQL\n    aliases: Postgres\n    implies: SQL\n"
                                "    related: relational-databases\n"
                                "MySQL\n    implies: SQL\n    related: relational-databases\n"
                                "[messaging]\nKafka\n    related: message-brokers\n"
                                "RabbitMQ\n    related: message-brokers\n"
                                "Redis\n";

static const char *const RESUME =
    "## Skills\n\n- Python, Redis, Go\n\n"
    "## Experience\n\n### Acme — Engineer\n\n*Jan 2019 – Dec 2022*\n\n"
    "- Cut query latency by 40% on Postgres.\n"
    "- Worked on the billing service with RabbitMQ.\n";

static const char *const POSTING =
    "# Backend Engineer\n\n## Requirements\n\n"
    "- Python and PostgreSQL, SQL\n- Kafka\n- Redis caching\n- MySQL\n- Go\n"
    "- 3+ years of experience with Python\n- You must be authorized to work in the EU\n";

struct fixture {
    jm_dict *dict;
    jm_rules *rules;
    jm_doc *cv, *job;
    jm_keywords *kc, *kj;
    jm_result *res;
    jm_bullets *bullets;
    jm_tailoring *t;
};

static int setup(void **state)
{
    static struct fixture f;
    jm_error err = {0};
    const char *paths[] = {"dictionaries"};
    f.dict = dict_from(DICT, &err);
    assert_int_equal(jm_rules_load(paths, 1, &f.rules, &err), JM_OK);
    f.cv = parse_doc(RESUME, "cv.md", JM_ROLE_RESUME);
    f.job = parse_doc(POSTING, "job.md", JM_ROLE_POSTING);
    assert_int_equal(jm_keywords_find(f.dict, f.cv, &f.kc, &err), JM_OK);
    assert_int_equal(jm_keywords_find(f.dict, f.job, &f.kj, &err), JM_OK);
    assert_int_equal(jm_bullets_analyze(f.rules, f.cv, &f.bullets, &err), JM_OK);
    assert_int_equal(jm_match_evidence(f.kc, f.kj, f.bullets, &f.res, &err), JM_OK);
    assert_int_equal(jm_tailor(f.res, f.bullets, NULL, &f.t, &err), JM_OK);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    jm_tailoring_free(f->t);
    jm_bullets_free(f->bullets);
    jm_result_free(f->res);
    jm_keywords_free(f->kj), jm_keywords_free(f->kc);
    jm_doc_free(f->job), jm_doc_free(f->cv);
    jm_rules_free(f->rules);
    jm_dict_free(f->dict);
    return 0;
}

/* The suggestion of this kind about `keyword`, alone or among the keywords that share it. */
static const jm_suggestion *find(const jm_tailoring *t, jm_suggestion_kind kind,
                                 const char *keyword)
{
    for (size_t i = 0; i < jm_tailoring_count(t); i++) {
        const jm_suggestion *s = jm_tailoring_get(t, i);
        if (s->kind != kind)
            continue;
        if (s->keyword && strcmp(s->keyword, keyword) == 0)
            return s;
        for (size_t k = 0; k < s->nkeywords; k++)
            if (strcmp(s->keywords[k], keyword) == 0)
                return s;
    }
    return NULL;
}

static void test_spelling_follows_the_posting(void **state)
{
    struct fixture *f = *state;
    const jm_suggestion *s = find(f->t, JM_SUGGESTION_KIND_SPELLING, "PostgreSQL");
    assert_non_null(s);
    /* the posting's spelling next to the resume's, never instead of it */
    assert_non_null(strstr(s->message, "\"Postgres (PostgreSQL)\""));
    assert_int_equal(s->resume_line, 11);
    assert_true(s->posting_line > 0);
}

static void test_implied_and_related_gaps_cite_the_evidence(void **state)
{
    struct fixture *f = *state;
    const jm_suggestion *sql = find(f->t, JM_SUGGESTION_KIND_EXPLICIT, "SQL");
    assert_non_null(sql);
    assert_non_null(strstr(sql->message, "PostgreSQL"));
    const jm_suggestion *kafka = find(f->t, JM_SUGGESTION_KIND_GAP, "Kafka");
    assert_non_null(kafka);
    assert_non_null(strstr(kafka->message, "RabbitMQ work as message brokers experience"));
    assert_int_equal(kafka->resume_line, 12); /* the bullet that shows RabbitMQ */
}

/* MySQL is related to PostgreSQL too: still "if you have used it". */
static void test_a_keyword_never_named_is_only_suggested_conditionally(void **state)
{
    struct fixture *f = *state;
    size_t gaps = 0;
    for (size_t i = 0; i < jm_tailoring_count(f->t); i++) {
        const jm_suggestion *s = jm_tailoring_get(f->t, i);
        if (s->kind != JM_SUGGESTION_KIND_GAP)
            continue;
        gaps++;
        if (strncmp(s->message, "If you have used ", 17) != 0)
            fail_msg("unconditional: %s", s->message);
    }
    assert_true(gaps >= 2);
    assert_non_null(find(f->t, JM_SUGGESTION_KIND_GAP, "MySQL"));
}

static void test_claimed_only_in_skills_and_bullets_to_rewrite(void **state)
{
    struct fixture *f = *state;
    /* the same advice for the three, said once, heaviest first */
    const jm_suggestion *listed = find(f->t, JM_SUGGESTION_KIND_DEMONSTRATE, "Redis");
    assert_non_null(listed);
    assert_int_equal(listed->nkeywords, 3);
    assert_string_equal(listed->keywords[0], "Python");
    assert_string_equal(listed->keyword, "Python");
    assert_non_null(find(f->t, JM_SUGGESTION_KIND_DEMONSTRATE, "Go"));
    assert_non_null(strstr(listed->message, "show each at work"));
    double sum = 0;
    for (size_t i = 0; i < jm_result_count(f->res); i++) {
        const jm_match_item *it = jm_result_get(f->res, i);
        if (it->evidence == JM_EVIDENCE_SKILLS && it->coverage == JM_COVERAGE_MATCHED)
            sum += it->weight;
    }
    assert_double_equal(listed->weight, sum, 1e-9);
    assert_null(find(f->t, JM_SUGGESTION_KIND_DEMONSTRATE, "PostgreSQL")); /* a measured bullet */
    assert_null(find(f->t, JM_SUGGESTION_KIND_REWRITE, "PostgreSQL"));     /* already a result */
}

/* A group's slug as a person says it. */
static void test_group_words(void **state)
{
    (void)state;
    char w[64];
    jm_group_words("js-web-frameworks", w, sizeof w);
    assert_string_equal(w, "JavaScript web frameworks");
    jm_group_words("dotnet-languages", w, sizeof w);
    assert_string_equal(w, ".NET languages");
    jm_group_words("clouds", w, sizeof w);
    assert_string_equal(w, "cloud platforms");
    jm_group_words("message-brokers", w, sizeof w);
    assert_string_equal(w, "message brokers");
    jm_group_words("api-styles", w, 8); /* clipped, still a string */
    assert_string_equal(w, "API sty");
}

static void test_knock_outs_are_listed_with_the_resume_evidence(void **state)
{
    struct fixture *f = *state;
    const jm_suggestion *years = NULL, *visa = NULL;
    for (size_t i = 0; i < jm_tailoring_count(f->t); i++) {
        const jm_suggestion *s = jm_tailoring_get(f->t, i);
        if (s->kind != JM_SUGGESTION_KIND_REQUIREMENT)
            continue;
        if (strncmp(s->message, "experience:", 11) == 0)
            years = s;
        if (strncmp(s->message, "authorization:", 14) == 0)
            visa = s;
    }
    assert_non_null(years);
    assert_non_null(visa);
    /* Python is in the skills list only: no role shows it. */
    if (!strstr(years->message, "not stated: Python is in none of your dated roles"))
        fail_msg("%s", years->message);
    assert_int_equal(years->verdict, JM_VERDICT_NOT_STATED);
    assert_int_equal(years->years_required, 3);
    assert_int_equal(years->years_shown, 0);
    assert_string_equal(visa->label, "authorization");
    assert_non_null(strstr(visa->message, "does not mention your work authorization"));
    assert_int_equal(years->posting_line, 10);
}

/* ---- tests/requirements/cases.test ---------------------------------------- */

/* What a line states, as the case file writes it: "degree bachelor or-equivalent,
 * experience 5 professional". */
static void describe(const struct jm_knockout_line *k, int n, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < n && len < cap; i++) {
        bool years = strcmp(k[i].label, "experience") == 0;
        char num[12] = "?";
        if (k[i].years >= 0)
            snprintf(num, sizeof num, "%d", k[i].years);
        static const char *const levels[] = {"", " associate", " bachelor", " master",
                                             " doctorate"};
        snprintf(out + len, cap - len, "%s%s%s%s%s%s%s%s", i ? ", " : "", k[i].label,
                 years ? " " : "", years ? num : "", k[i].professional ? " professional" : "",
                 k[i].no_internships ? " no-internships" : "", levels[k[i].degree],
                 k[i].equivalent ? " or-equivalent" : "");
        len = strlen(out);
    }
}

static void test_requirement_cases(void **state)
{
    struct fixture *f = *state;
    const char *path = "tests/requirements/cases.test";
    FILE *in = fopen(path, "r");
    assert_non_null(in);
    char line[1024], text[1024] = "", got[512];
    int lineno = 0, cases = 0, failures = 0;
    while (fgets(line, sizeof line, in)) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        if (strncmp(line, "=>", 2) != 0) {
            snprintf(text, sizeof text, "%s", line);
            continue;
        }
        if (text[0] == '\0')
            fail_msg("%s:%d: an expectation with no line", path, lineno);
        struct jm_knockout_line k[8];
        int n = jm_knockout_lines(f->rules, text, strlen(text), k, 8);
        assert_true(n >= 0);
        describe(k, n, got, sizeof got);
        const char *want = line[2] == ' ' ? line + 3 : line + 2;
        cases++;
        if (strcmp(got, want) != 0) {
            failures++;
            fprintf(stderr, "%s:%d: \"%s\"\n    got      %s\n    expected %s\n", path, lineno, text,
                    got, want);
        }
        text[0] = '\0';
    }
    fclose(in);
    fprintf(stderr, "tests/requirements: %d cases, %d failed\n", cases, failures);
    assert_true(cases >= 80);
    assert_int_equal(failures, 0);
}

/* ---- verdicts: years from the roles that show the skill -------------------------- */

static const char *const ROLES_DICT = "[language]\nPython\nGo\n    guarded: Go\n    case: exact\n"
                                      "Rust\n[backend-framework]\nDjango\n    implies: Python\n"
                                      "[iac]\nTerraform\n";

/* Python in one job, Django (hence Python) in the internship, Python in a side project; Go
 * only in the latest job. Months: 48 + 36 + 7 + 24 = 115, Python's 36 + 7 + 24 = 67. */
static const char *const ROLES_RESUME =
    "# Jana Novak\n\nBackend Engineer\n\n## Experience\n\n"
    "### Brightline — Senior Engineer\n\n*Jan 2021 – Dec 2024*\n\n"
    "- Cut checkout latency by 30% by moving the cart service to Go.\n\n"
    "### Tidewater — Engineer\n\n*Jan 2018 – Dec 2020*\n\n"
    "- Built the Python billing service that invoices 40,000 customers a month.\n\n"
    "### Acme Labs — Software Engineering Intern\n\n*Jun 2017 – Dec 2017*\n\n"
    "- Wrote Django views for the admin pages.\n\n"
    "## Projects\n\n### Tally, a budgeting app\n\n*2015 – 2016*\n\n"
    "- A Python budgeting app with 300 monthly users.\n\n"
    "## Education\n\nB.Sc. Computer Science, 2017\n";

struct tailored {
    jm_dict *dict;
    jm_rules *rules;
    jm_doc *cv, *job;
    jm_keywords *kc, *kj;
    jm_result *res;
    jm_bullets *bullets;
    jm_tailoring *t;
};

static void tailor_docs(struct tailored *x, const char *resume, const char *posting)
{
    jm_error err = {0};
    const char *paths[] = {"dictionaries"};
    jm_tailor_options opt = {.today_year = 2026, .today_month = 11};
    x->dict = dict_from(ROLES_DICT, &err);
    assert_non_null(x->dict);
    assert_int_equal(jm_rules_load(paths, 1, &x->rules, &err), JM_OK);
    x->cv = parse_doc(resume, "cv.md", JM_ROLE_RESUME);
    x->job = parse_doc(posting, "job.md", JM_ROLE_POSTING);
    assert_int_equal(jm_keywords_find(x->dict, x->cv, &x->kc, &err), JM_OK);
    assert_int_equal(jm_keywords_find(x->dict, x->job, &x->kj, &err), JM_OK);
    assert_int_equal(jm_bullets_analyze(x->rules, x->cv, &x->bullets, &err), JM_OK);
    assert_int_equal(jm_match_evidence(x->kc, x->kj, x->bullets, &x->res, &err), JM_OK);
    assert_int_equal(jm_tailor(x->res, x->bullets, &opt, &x->t, &err), JM_OK);
}

static void untailor(struct tailored *x)
{
    jm_tailoring_free(x->t);
    jm_bullets_free(x->bullets);
    jm_result_free(x->res);
    jm_keywords_free(x->kj), jm_keywords_free(x->kc);
    jm_doc_free(x->job), jm_doc_free(x->cv);
    jm_rules_free(x->rules);
    jm_dict_free(x->dict);
}

/* The knock-out suggestion whose quoted line starts with `line`. */
static const jm_suggestion *knockout(const jm_tailoring *t, const char *line)
{
    for (size_t i = 0; i < jm_tailoring_count(t); i++) {
        const jm_suggestion *s = jm_tailoring_get(t, i);
        const char *q = s->kind == JM_SUGGESTION_KIND_REQUIREMENT ? strchr(s->message, '"') : NULL;
        if (q && strncmp(q + 1, line, strlen(line)) == 0)
            return s;
    }
    return NULL;
}

static void expect(const jm_suggestion *s, jm_verdict v, int required, int shown, const char *says)
{
    assert_non_null(s);
    if (s->verdict != v || s->years_required != required || s->years_shown != shown ||
        strstr(s->message, says) == NULL)
        fail_msg("%s\n    %s %d %d, expected %s %d %d \"%s\"", s->message,
                 jm_verdict_name(s->verdict), s->years_required, s->years_shown, jm_verdict_name(v),
                 required, shown, says);
}

static void test_years_come_from_the_roles_that_show_the_skill(void **state)
{
    (void)state;
    struct tailored x = {0};
    tailor_docs(&x, ROLES_RESUME,
                "# Platform Engineer\n\n## Requirements\n\n"
                "- 5+ years of Python experience\n- 3-5 years working with Go\n"
                "- 6+ years of Go experience\n- At least two years in Rust\n"
                "- Seven years of experience\n- Eleven years of experience\n");
    expect(knockout(x.t, "5+ years of Python"), JM_VERDICT_MEETS, 5, 6,
           "meets: Python in roles covering about 6 years (2015\xE2\x80\x93"
           "2020).");
    expect(knockout(x.t, "3-5 years"), JM_VERDICT_MEETS, 3, 4, "Go in roles covering about 4");
    expect(knockout(x.t, "6+ years of Go"), JM_VERDICT_SHORT, 6, 4,
           "short by 2 years: Go shows in roles covering about 4 years (2021");
    expect(knockout(x.t, "At least two years in Rust"), JM_VERDICT_NOT_STATED, 2, 0,
           "not stated: Rust is in none of your dated roles");
    /* no skill named: the whole career, every dated role once */
    expect(knockout(x.t, "Seven years"), JM_VERDICT_MEETS, 7, 10,
           "meets: your dated roles cover about 10 years (2015");
    expect(knockout(x.t, "Eleven years"), JM_VERDICT_SHORT, 11, 10, "short by 1 year: ");
    untailor(&x);
}

static int collect(void *ctx, const char *data, size_t len);

/* The JSON carries the verdict beside the message; the other suggestions do not. */
/* A degree line that names a level meets or falls short of the highest level the resume's
 * education names; "MS Office" in the skills names no degree. */
static void test_degree_levels(void **state)
{
    (void)state;
    static const char *const posting = "# Data Scientist\n\n## Requirements\n\n"
                                       "- Master's degree in Statistics or equivalent experience\n"
                                       "- Bachelor's degree in a quantitative field\n"
                                       "- A university degree\n";
    struct tailored x = {0};
    tailor_docs(&x,
                "# A\n\n## Skills\n\nMS Office, Python\n\n## Education\n\n"
                "B.Sc. Mathematics, Charles University, 2019\n",
                posting);
    expect(knockout(x.t, "Master's degree"), JM_VERDICT_SHORT, -1, -1,
           "short: the posting asks a master's or equivalent experience; the resume lists a "
           "bachelor's (\"B.Sc. Mathematics");
    expect(knockout(x.t, "Bachelor's degree"), JM_VERDICT_MEETS, -1, -1,
           "meets: the resume lists a bachelor's");
    expect(knockout(x.t, "A university degree"), JM_VERDICT_NONE, -1, -1, "the resume lists");
    untailor(&x);
    tailor_docs(&x, "# A\n\n## Education\n\nPhD in Statistics, 2020\n", posting);
    expect(knockout(x.t, "Master's degree"), JM_VERDICT_MEETS, -1, -1,
           "meets: the resume lists a doctorate");
    untailor(&x);
    tailor_docs(&x, "# A\n\n## Skills\n\nMS Office\n", posting);
    expect(knockout(x.t, "Master's degree"), JM_VERDICT_NOT_STATED, -1, -1, "names no degree");
    untailor(&x);
}

static void test_verdicts_in_json(void **state)
{
    (void)state;
    struct tailored x = {0};
    jm_error err = {0};
    tailor_docs(&x, ROLES_RESUME,
                "# Platform Engineer\n\n## Requirements\n\n- 6+ years of Go experience\n"
                "- Must be eligible to work in the EU\n- Rust\n");
    struct jm_buf b = {0};
    jm_report_options opt = {.format = JM_REPORT_FORMAT_JSON};
    assert_int_equal(jm_report_tailoring(x.t, &opt, collect, &b, &err), JM_OK);
    cJSON *o = cJSON_ParseWithLength(b.data, b.len);
    assert_non_null(o);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "suggestions");
    const cJSON *go = cJSON_GetArrayItem(v, 0), *visa = cJSON_GetArrayItem(v, 1);
    const cJSON *gap = cJSON_GetArrayItem(v, 2);
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(go, "label")->valuestring, "experience");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(go, "verdict")->valuestring, "short");
    assert_int_equal(cJSON_GetObjectItemCaseSensitive(go, "years_required")->valueint, 6);
    assert_int_equal(cJSON_GetObjectItemCaseSensitive(go, "years_shown")->valueint, 4);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(go, "preferred")));
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(visa, "verdict")->valuestring,
                        "not_stated");
    assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(visa, "years_required")));
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(gap, "kind")->valuestring, "gap");
    assert_null(cJSON_GetObjectItemCaseSensitive(gap, "verdict"));
    cJSON_Delete(o);
    jm_buf_free(&b);
    untailor(&x);
}

static void test_internships_and_side_projects_count_unless_excluded(void **state)
{
    (void)state;
    struct tailored x = {0};
    tailor_docs(&x, ROLES_RESUME,
                "# Platform Engineer\n\n## Requirements\n\n"
                "- 4+ years of Python experience (internship experience does not apply)\n"
                "- 5+ years of professional Python experience\n"
                "- 4+ years of professional Python experience, not counting internships\n");
    /* 67 months less the 7 of the internship */
    expect(knockout(x.t, "4+ years of Python"), JM_VERDICT_MEETS, 4, 5, "internships aside)");
    /* less the 24 of the side project */
    expect(knockout(x.t, "5+ years of professional"), JM_VERDICT_SHORT, 5, 4,
           "short by 1 year: Python shows in roles covering about 4 years (2017");
    expect(knockout(x.t, "4+ years of professional"), JM_VERDICT_SHORT, 4, 3,
           "(2018\xE2\x80\x93"
           "2020, internships and side projects aside)");
    untailor(&x);
}

static void test_undated_roles_state_no_years(void **state)
{
    (void)state;
    struct tailored x = {0};
    tailor_docs(&x,
                "# Sam Roe\n\n## Experience\n\n### Acme — Engineer\n\n"
                "- Built the Python billing service.\n",
                "# Engineer\n\n## Requirements\n\n- 3+ years of Python experience\n");
    expect(knockout(x.t, "3+ years"), JM_VERDICT_NOT_STATED, 3, -1,
           "not stated: the resume's roles carry no dates");
    untailor(&x);
}

/* Dates as resumes write them: ISO, year/month, month.year, a month name. */
static void test_date_formats(void **state)
{
    (void)state;
    struct tailored x = {0};
    tailor_docs(&x,
                "# Sam Roe\n\n## Experience\n\n### Acme — Engineer\n\n2019-04-01 – 2020-03-31\n\n"
                "- Built the Python billing service.\n\n### Birch — Engineer\n\n"
                "2020/06 - 2021/05\n\n- Ported the Python reports to Go.\n\n"
                "### Cedar — Engineer\n\n06.2021 – 05.2022\n\n- Wrote Python tools.\n\n"
                "### Dune — Engineer\n\nJune 2022 to May 2023\n\n- Ran Python services.\n",
                "# Engineer\n\n## Requirements\n\n- 4+ years of Python experience\n"
                "- 2+ years of Go experience\n");
    expect(knockout(x.t, "4+ years"), JM_VERDICT_MEETS, 4, 4,
           "meets: Python in roles covering about 4 years (2019\xE2\x80\x93"
           "2023).");
    expect(knockout(x.t, "2+ years"), JM_VERDICT_SHORT, 2, 1, "about 1 year (2020\xE2\x80\x93");
    untailor(&x);
}

/* A preference is said to be one; EEO text and a company's history state no requirement. */
static void test_preferred_lines_and_what_is_no_requirement(void **state)
{
    (void)state;
    struct tailored x = {0};
    tailor_docs(&x, ROLES_RESUME,
                "# Platform Engineer\n\nFor 20 years we have moved freight across Europe.\n\n"
                "## Requirements\n\n- Master the right tools for the job\n"
                "- Fluent English required\n\n"
                "## Nice to have\n\n- 8+ years of Go experience\n\n"
                "## About us\n\nWe consider all applicants regardless of age, disability, "
                "citizenship or religion.\n");
    const jm_suggestion *go = knockout(x.t, "8+ years");
    expect(go, JM_VERDICT_SHORT, 8, 4, "experience (preferred): ");
    assert_true(go->preferred);
    const jm_suggestion *english = knockout(x.t, "Fluent English");
    expect(english, JM_VERDICT_NOT_STATED, -1, -1, "language: ");
    assert_false(english->preferred);
    size_t n = 0;
    for (size_t i = 0; i < jm_tailoring_count(x.t); i++)
        n += jm_tailoring_get(x.t, i)->kind == JM_SUGGESTION_KIND_REQUIREMENT;
    assert_int_equal(n, 2); /* not the verb "Master", the history or the EEO line */
    untailor(&x);
}

static int collect(void *ctx, const char *data, size_t len)
{
    jm_buf_put(ctx, data, len);
    return 0;
}

/* A second version naming Kafka closes that gap; dropping Redis opens one. */
/* The title suggestion for a resume `text` against the fixture's posting; NULL when none. */
static char *title_advice(const struct fixture *f, const char *text)
{
    jm_error err = {0};
    jm_doc *cv = parse_doc(text, "cv.md", JM_ROLE_RESUME);
    jm_keywords *k;
    jm_result *r;
    jm_tailoring *t;
    assert_int_equal(jm_keywords_find(f->dict, cv, &k, &err), JM_OK);
    assert_int_equal(jm_match(k, f->kj, &r, &err), JM_OK);
    assert_int_equal(jm_tailor(r, NULL, NULL, &t, &err), JM_OK);
    char *advice = NULL;
    for (size_t i = 0; i < jm_tailoring_count(t); i++)
        if (jm_tailoring_get(t, i)->kind == JM_SUGGESTION_KIND_TITLE)
            advice = strdup(jm_tailoring_get(t, i)->message);
    jm_tailoring_free(t);
    jm_result_free(r);
    jm_keywords_free(k);
    jm_doc_free(cv);
    return advice;
}

static void test_the_headline_names_a_role(void **state)
{
    /* a name or a contact line is no headline */
    assert_null(title_advice(*state, "Ron Adams\n\nSomerville MA | github.com/ron\n\n"
                                     "## Experience\n\n- Built things.\n"));
    char *advice = title_advice(*state, "# Ron Adams\n\nData Analyst\n\n## Experience\n\n"
                                        "- Built things.\n");
    assert_non_null(advice);
    assert_non_null(strstr(advice, "your headline reads \"Data Analyst\""));
    free(advice);
}

static void test_two_versions_compared(void **state)
{
    struct fixture *f = *state;
    jm_error err = {0};
    jm_doc *v2 = parse_doc("## Skills\n\n- Python, Go\n\n## Experience\n\n"
                           "- Moved billing events to Kafka and PostgreSQL.\n",
                           "cv2.md", JM_ROLE_RESUME);
    jm_keywords *k2;
    jm_result *r2;
    assert_int_equal(jm_keywords_find(f->dict, v2, &k2, &err), JM_OK);
    assert_int_equal(jm_match(k2, f->kj, &r2, &err), JM_OK);
    struct jm_buf b = {0};
    jm_report_options opt = {.format = JM_REPORT_FORMAT_JSON};
    assert_int_equal(jm_report_change(f->res, r2, &opt, collect, &b, &err), JM_OK);
    cJSON *o = cJSON_ParseWithLength(b.data, b.len);
    assert_non_null(o);
    const cJSON *closed = cJSON_GetObjectItemCaseSensitive(o, "closed");
    const cJSON *opened = cJSON_GetObjectItemCaseSensitive(o, "opened");
    assert_int_equal(cJSON_GetArraySize(closed), 1);
    assert_string_equal(cJSON_GetArrayItem(closed, 0)->valuestring, "Kafka");
    assert_int_equal(cJSON_GetArraySize(opened), 1);
    assert_string_equal(cJSON_GetArrayItem(opened, 0)->valuestring, "Redis");
    assert_int_equal(cJSON_GetObjectItemCaseSensitive(o, "before")->valueint,
                     jm_result_score(f->res));
    cJSON_Delete(o);
    jm_buf_free(&b);
    jm_result_free(r2);
    jm_keywords_free(k2);
    jm_doc_free(v2);
}

static void test_ordered_by_kind_then_weight(void **state)
{
    struct fixture *f = *state;
    for (size_t i = 1; i < jm_tailoring_count(f->t); i++) {
        const jm_suggestion *a = jm_tailoring_get(f->t, i - 1), *b = jm_tailoring_get(f->t, i);
        assert_true(a->kind < b->kind || (a->kind == b->kind && a->weight >= b->weight));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spelling_follows_the_posting),
        cmocka_unit_test(test_implied_and_related_gaps_cite_the_evidence),
        cmocka_unit_test(test_a_keyword_never_named_is_only_suggested_conditionally),
        cmocka_unit_test(test_claimed_only_in_skills_and_bullets_to_rewrite),
        cmocka_unit_test(test_group_words),
        cmocka_unit_test(test_knock_outs_are_listed_with_the_resume_evidence),
        cmocka_unit_test(test_requirement_cases),
        cmocka_unit_test(test_years_come_from_the_roles_that_show_the_skill),
        cmocka_unit_test(test_internships_and_side_projects_count_unless_excluded),
        cmocka_unit_test(test_undated_roles_state_no_years),
        cmocka_unit_test(test_date_formats),
        cmocka_unit_test(test_degree_levels),
        cmocka_unit_test(test_verdicts_in_json),
        cmocka_unit_test(test_preferred_lines_and_what_is_no_requirement),
        cmocka_unit_test(test_the_headline_names_a_role),
        cmocka_unit_test(test_two_versions_compared),
        cmocka_unit_test(test_ordered_by_kind_then_weight),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
