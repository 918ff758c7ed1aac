/*
 * fuzz_dict.c - libFuzzer target: a dictionary file (src/dict_parse.c, dict.c), as
 * `--dict FILE` loads one: parsed and compiled (forms, trie, implies closures), its guard
 * patterns compiled, then run over a small posting and resume as keywords are found. When
 * the last byte's bit 0 is set, the checks of `jobmatch dict check` run too
 * (jm_dict_diagnose, without a word list).
 */
#include "fuzz.h"

static const char *path;
static jm_doc *docs[2];

/* Text that names terms in most categories, with words the guards of the seeds look at. */
static const char posting[] =
    "# Senior Go Engineer\n\n## Requirements\n\n- 5+ years of Go, Python and PostgreSQL\n"
    "- Kubernetes, Docker, AWS, Terraform; Kafka or RabbitMQ\n- CI/CD with GitHub Actions\n\n"
    "## Nice to have\n\n- React, TypeScript, gRPC, Spring Boot, R, C++, C#, .NET\n";
static const char resume[] =
    "# Jane Doe\n\n## Experience\n\n### Engineer, Acme (2019 - Present)\n\n"
    "- Built a Go service on Postgres that cut latency by 40%\n"
    "- Ran Kubernetes and Terraform on AWS; go-to-market in Spring 2024\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    path = fuzz_scratch("fuzz.dict");
    if (jm_doc_parse(posting, sizeof posting - 1, "posting.md", JM_ROLE_POSTING, JM_FORMAT_MARKDOWN,
                     &docs[0], NULL) != JM_OK ||
        jm_doc_parse(resume, sizeof resume - 1, "resume.md", JM_ROLE_RESUME, JM_FORMAT_MARKDOWN,
                     &docs[1], NULL) != JM_OK)
        __builtin_trap();
    return 0;
}

static void count(void *ctx, const jm_diagnostic *d)
{
    (*(size_t *)ctx) += strlen(d->message) + strlen(d->file);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(path, data, size);
    const char *paths[] = {path};
    jm_dict *dict = NULL;
    if (jm_dict_load(paths, 1, &dict, NULL) != JM_OK)
        return 0;
    jm_term_info info;
    for (size_t i = 0; jm_dict_term(dict, i, &info); i++)
        jm_dict_lookup(dict, info.name);
    if (jm_dict_compile_patterns(dict, NULL) == JM_OK) {
        for (int d = 0; d < 2; d++) {
            jm_keywords *kw = NULL;
            volatile unsigned sum = 0;
            if (jm_keywords_find(dict, docs[d], &kw, NULL) == JM_OK)
                jm_report_keywords(kw, NULL, fuzz_sink, (void *)&sum, NULL);
            jm_keywords_free(kw);
        }
    }
    if (fuzz_options(data, size) & 1) {
        size_t errors, warnings, chars = 0;
        jm_dict_diagnose(dict, NULL, count, &chars, &errors, &warnings);
    }
    jm_dict_free(dict);
    return 0;
}
