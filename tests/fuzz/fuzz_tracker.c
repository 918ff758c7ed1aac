/*
 * fuzz_tracker.c - libFuzzer target: a tracker spreadsheet as `jobmatch track --file` reads
 * it (jm_tracker_parse: any encoding, separator and line ends a spreadsheet writes), then
 * written back and read again: what jobmatch writes, it must read, as the same file (else
 * the next run would refuse or scramble the person's own file). The last byte's bit 0 asks
 * for a BOM.
 */
#include "fuzz.h"

/* Collects a written tracker. */
struct copy {
    char *s;
    size_t n;
};

static int keep(void *ctx, const char *data, size_t len)
{
    struct copy *c = ctx;
    free(c->s);
    c->s = malloc(len ? len : 1);
    if (c->s == NULL)
        return -1;
    memcpy(c->s, data, len);
    c->n = len;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jm_tracker *t = NULL;
    if (jm_tracker_parse((const char *)data, size, "pipeline.csv", &t, NULL) != JM_OK)
        return 0;
    volatile jm_tracker_counts c = jm_tracker_tally(t);
    (void)c;
    struct copy out = {0};
    bool bom = fuzz_options(data, size) & 1;
    if (jm_tracker_write(t, bom, keep, &out, NULL) == JM_OK) {
        jm_tracker *again = NULL;
        jm_status st = jm_tracker_parse(out.s, out.n, "pipeline.csv", &again, NULL);
        /* the CSV reader cannot read back what the writer wrote: a finding (the text
         * reader's refusals stand: a header that opens like a GIF's is not worth a quote) */
        if (st == JM_ERR_FORMAT)
            __builtin_trap();
        struct copy twice = {0};
        if (st == JM_OK && jm_tracker_write(again, bom, keep, &twice, NULL) == JM_OK &&
            (twice.n != out.n || memcmp(twice.s, out.s, out.n) != 0))
            __builtin_trap(); /* read back, it means something else: a finding */
        free(twice.s);
        jm_tracker_free(again);
    }
    free(out.s);
    jm_tracker_free(t);
    return 0;
}
