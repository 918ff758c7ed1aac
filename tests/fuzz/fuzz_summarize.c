/*
 * fuzz_summarize.c - libFuzzer target: `jobmatch summarize`, which merges the JSON lines
 * of `batch --format jsonl` into a market view (jm_market_add_json), then reports it; the
 * input is such lines. The last byte's bit 2 asks for the JSON report, bit 0 for colour.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jm_market *m = NULL;
    if (jm_market_new(&m, NULL) != JM_OK)
        return 0;
    const char *s = (const char *)data, *end = s + size;
    while (s < end) {
        /* a line with its newline, as getline gives it to cmd_summarize.c */
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl + 1 - s) : (size_t)(end - s), blank = 0;
        while (blank < n && strchr(" \t\r\n", s[blank]) != NULL && s[blank] != '\0')
            blank++;
        if (blank < n && jm_market_add_json(m, s, n, NULL) != JM_OK)
            break; /* summarize stops at the first bad line */
        s += n;
    }
    unsigned opt = fuzz_options(data, size);
    jm_report_options ro = {.format = opt & 4 ? JM_REPORT_FORMAT_JSON : JM_REPORT_FORMAT_TEXT,
                            .color = opt & 1};
    volatile unsigned sum = 0;
    jm_report_market(m, &ro, fuzz_sink, (void *)&sum, NULL);
    jm_market_free(m);
    return 0;
}
