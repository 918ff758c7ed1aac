/*
 * fuzz_match.c - libFuzzer target: a whole match, as `jobmatch RESUME POSTING`, `tailor`,
 * `tailor --before`, `lint`, `keywords` and `batch`/`summarize` run one, every report in
 * every format.
 *
 * The input is an options byte, then the resume, the posting and, optionally, an earlier
 * version of the resume, parted by NUL bytes (which no text document may hold). Options:
 * bits 0-1 the resume's kind and bits 2-3 the posting's (the file name's extension: .md,
 * .txt, .html, .json; the format is then decided as for a file), bits 4-5 the report
 * format (text, JSON, Markdown, coloured text), bit 6 a --top of 3, bit 7 HTML instead (the
 * match and tailor pages, and a batch page of the one posting).
 */
#include "fuzz.h"

static const char *const resume_names[] = {"resume.md", "resume.txt", "resume.html", "resume.json"};
static const char *const posting_names[] = {"posting.md", "posting.txt", "posting.html",
                                            "posting.json"};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_load_builtin();
    return 0;
}

/* One document read, searched and (for a resume) its bullets judged: a match's side. */
struct side {
    jm_doc *doc;
    jm_keywords *kw;
    jm_bullets *bullets;
};

static bool side_read(struct side *s, const uint8_t *p, size_t n, const char *name, jm_role role)
{
    if (jm_doc_parse((const char *)p, n, name, role, JM_FORMAT_AUTO, &s->doc, NULL) != JM_OK ||
        jm_keywords_find(fuzz_dict, s->doc, &s->kw, NULL) != JM_OK)
        return false;
    return role == JM_ROLE_POSTING ||
           jm_bullets_analyze(fuzz_rules, s->doc, &s->bullets, NULL) == JM_OK;
}

static void side_free(struct side *s)
{
    jm_bullets_free(s->bullets);
    jm_keywords_free(s->kw);
    jm_doc_free(s->doc);
}

/* The next part of the input, up to a NUL or the end; false when there is none. */
static bool next_part(const uint8_t **p, const uint8_t *end, const uint8_t **part, size_t *n)
{
    if (*p > end)
        return false;
    const uint8_t *nul = memchr(*p, 0, (size_t)(end - *p));
    *part = *p;
    *n = nul ? (size_t)(nul - *p) : (size_t)(end - *p);
    *p += *n + 1;
    return true;
}

/* Keeps a copy of a report (one JSON line), for the market view to read back. */
struct copy {
    char *s;
    size_t n;
};

static int keep(void *ctx, const char *data, size_t len)
{
    struct copy *c = ctx;
    char *s = realloc(c->s, c->n + len);
    if (s == NULL)
        return -1;
    memcpy(s + c->n, data, len);
    c->s = s, c->n += len;
    return 0;
}

/* What `batch` and `summarize` do with one result: its JSON line, then a market view of
 * the result and of the line read back (as `summarize` merges batch output). */
static void market(const jm_result *res, const jm_report_options *ro, volatile unsigned *sum)
{
    jm_market *m = NULL;
    if (jm_market_new(&m, NULL) != JM_OK)
        return;
    struct copy line = {0};
    jm_market_add(m, res, NULL);
    jm_market_skip(m, true);
    if (jm_report_posting(res, "posting.html", NULL, NULL, keep, &line, NULL) == JM_OK)
        jm_market_add_json(m, line.s, line.n, NULL);
    jm_report_market(m, ro, fuzz_sink, (void *)sum, NULL);
    if (ro->format == JM_REPORT_FORMAT_HTML) {
        jm_report_batch_open("resume.md", fuzz_sink, (void *)sum, NULL);
        jm_report_batch_row(res, "posting.html", NULL, NULL, fuzz_sink, (void *)sum, NULL);
        jm_report_batch_close(m, fuzz_sink, (void *)sum, NULL);
    }
    free(line.s);
    jm_market_free(m);
}

static void reports(const struct side *cv, const struct side *job, const jm_result *res,
                    unsigned opt)
{
    static const jm_report_format formats[] = {JM_REPORT_FORMAT_TEXT, JM_REPORT_FORMAT_JSON,
                                               JM_REPORT_FORMAT_MARKDOWN, JM_REPORT_FORMAT_TEXT};
    unsigned f = (opt >> 4) & 3;
    jm_report_options ro = {.format = opt & 0x80 ? JM_REPORT_FORMAT_HTML : formats[f],
                            .color = f == 3,
                            .bullets = cv->bullets,
                            .top = opt & 0x40 ? 3 : 0};
    volatile unsigned sum = jm_result_score(res);
    jm_tailoring *t = NULL;
    jm_tailor_options today = {2026, 12};
    if (jm_tailor(res, cv->bullets, &today, &t, NULL) == JM_OK)
        jm_report_tailoring(t, &ro, fuzz_sink, (void *)&sum, NULL);
    ro.tailoring = t; /* the match page marks the knock-out lines */
    jm_report_match(res, &ro, fuzz_sink, (void *)&sum, NULL);
    jm_report_keywords(job->kw, &ro, fuzz_sink, (void *)&sum, NULL);
    jm_report_bullets(cv->bullets, &ro, fuzz_sink, (void *)&sum, NULL);
    jm_tailoring_free(t);
    market(res, &ro, &sum);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    unsigned opt = data[0];
    const uint8_t *p = data + 1, *end = data + size, *part[3];
    size_t n[3];
    size_t parts = 0;
    while (parts < 3 && next_part(&p, end, &part[parts], &n[parts]))
        parts++;
    if (parts < 2)
        return 0;
    struct side cv = {0}, job = {0}, old = {0};
    jm_result *res = NULL, *before = NULL;
    if (side_read(&cv, part[0], n[0], resume_names[opt & 3], JM_ROLE_RESUME) &&
        side_read(&job, part[1], n[1], posting_names[(opt >> 2) & 3], JM_ROLE_POSTING) &&
        jm_match_evidence(cv.kw, job.kw, cv.bullets, &res, NULL) == JM_OK) {
        reports(&cv, &job, res, opt);
        if (parts == 3 && side_read(&old, part[2], n[2], resume_names[opt & 3], JM_ROLE_RESUME) &&
            jm_match_evidence(old.kw, job.kw, old.bullets, &before, NULL) == JM_OK) {
            volatile unsigned sum = 0;
            jm_report_options ro = {.format = (opt >> 4) & 1 ? JM_REPORT_FORMAT_JSON
                                                             : JM_REPORT_FORMAT_MARKDOWN};
            jm_report_change(before, res, &ro, fuzz_sink, (void *)&sum, NULL);
        }
    }
    jm_result_free(before);
    jm_result_free(res);
    side_free(&old);
    side_free(&job);
    side_free(&cv);
    return 0;
}
