/*
 * fuzz_rules.c - libFuzzer target: a phrasing rules file (src/rules.c, phrasing.c), as
 * `--dict FILE.rules` loads one: parsed, its word lists inflected and compiled into
 * patterns, then applied to the bullets of a small resume and to the knock-out lines of a
 * posting (jm_bullets_analyze, jm_tailor), as `jobmatch lint` and `tailor` do.
 */
#include "fuzz.h"

static const char *path;
static jm_doc *resume_doc, *posting_doc;
static jm_keywords *has, *wants;

static const char resume[] =
    "# Jane Doe\n\n## Experience\n\n### Senior Engineer, Acme (2019 - Present)\n\n"
    "- Responsible for the billing service\n- Reduced p99 latency by 40% across 12 services\n"
    "- I built a Go service on PostgreSQL and mentor two engineers\n"
    "- Migrated CI to GitHub Actions, cutting build time from 30 to 8 minutes\n\n"
    "### Engineer, Initech (2015 - 2019)\n\n- Manages the Kubernetes clusters\n\n"
    "## Education\n\nBSc Computer Science, 2015\n";
static const char posting[] =
    "# Backend Engineer\n\n## Requirements\n\n- 5+ years of experience with Go or Python\n"
    "- Bachelor's degree in Computer Science or equivalent\n- Fluent English; German a plus\n"
    "- Must be authorized to work in the EU; no visa sponsorship\n- Security clearance\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_load_builtin();
    path = fuzz_scratch("fuzz.rules");
    if (jm_doc_parse(resume, sizeof resume - 1, "resume.md", JM_ROLE_RESUME, JM_FORMAT_MARKDOWN,
                     &resume_doc, NULL) != JM_OK ||
        jm_doc_parse(posting, sizeof posting - 1, "posting.md", JM_ROLE_POSTING, JM_FORMAT_MARKDOWN,
                     &posting_doc, NULL) != JM_OK ||
        jm_keywords_find(fuzz_dict, resume_doc, &has, NULL) != JM_OK ||
        jm_keywords_find(fuzz_dict, posting_doc, &wants, NULL) != JM_OK)
        __builtin_trap();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(path, data, size);
    const char *paths[] = {path};
    jm_rules *rules = NULL;
    if (jm_rules_load(paths, 1, &rules, NULL) != JM_OK)
        return 0;
    jm_bullets *bullets = NULL;
    jm_result *res = NULL;
    jm_tailoring *t = NULL;
    volatile unsigned sum = 0;
    jm_tailor_options today = {2026, 12};
    if (jm_bullets_analyze(rules, resume_doc, &bullets, NULL) == JM_OK) {
        jm_report_bullets(bullets, NULL, fuzz_sink, (void *)&sum, NULL);
        if (jm_match_evidence(has, wants, bullets, &res, NULL) == JM_OK &&
            jm_tailor(res, bullets, &today, &t, NULL) == JM_OK)
            jm_report_tailoring(t, NULL, fuzz_sink, (void *)&sum, NULL);
    }
    jm_tailoring_free(t);
    jm_result_free(res);
    jm_bullets_free(bullets);
    jm_rules_free(rules);
    return 0;
}
