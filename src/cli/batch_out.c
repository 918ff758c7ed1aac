/*
 * batch_out.c - the ranked formats of `jobmatch batch`: the table, CSV
 * (RFC 4180), JSON and HTML, written once every posting is done, and the
 * market view after them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "batch.h"

/* ---- the ranked formats ------------------------------------------------- */

/* Best first by the rank score, which weighs how much a score rests on; unscored rows
 * (failed) last; ties by path, so that output is stable. */
static int by_rank(const void *pa, const void *pb)
{
    const struct row *a = pa, *b = pb;
    if ((a->score < 0) != (b->score < 0))
        return a->score < 0 ? 1 : -1;
    if (a->rank != b->rank)
        return a->rank < b->rank ? 1 : -1;
    return strcmp(a->path, b->path);
}

static bool shown(const struct batch *b, const struct row *r, size_t rank)
{
    if (b->cli->top > 0 && rank >= (size_t)b->cli->top)
        return false;
    return b->cli->min_score < 0 || r->score < 0 || r->score >= b->cli->min_score;
}

/* RFC 4180 (jm_csv_put_field: quoted when it holds a comma, a quote or a line break). */
static void csv_field(const char *s, bool last)
{
    struct jm_buf b = {0};
    jm_csv_put_field(&b, s ? s : "", ',');
    jm_buf_puts(&b, last ? "\r\n" : ",");
    fwrite(b.data, 1, b.len, stdout);
    jm_buf_free(&b);
}

static void write_csv(const struct batch *b)
{
    /* Columns are only ever added at the end: spreadsheets and scripts address them. */
    fputs("path,title,company,location,score,matched,missing,top_gaps,content_hash,"
          "duplicate_of,error,keywords,thin,rank_score,url\r\n",
          stdout);
    for (size_t i = 0, rank = 0; i < b->nrows; i++) {
        const struct row *r = &b->rows[i];
        if (!shown(b, r, rank))
            continue;
        rank += r->score >= 0;
        char score[16] = "", matched[24] = "", missing[24] = "", hash[24] = "";
        char keywords[24] = "", rank_score[24] = "";
        if (r->score >= 0) {
            snprintf(score, sizeof score, "%d", r->score);
            snprintf(keywords, sizeof keywords, "%zu", r->keywords);
            snprintf(rank_score, sizeof rank_score, "%.1f", r->rank);
            snprintf(matched, sizeof matched, "%zu", r->matched);
            snprintf(missing, sizeof missing, "%zu", r->missing);
            snprintf(hash, sizeof hash, "%016llx", (unsigned long long)r->hash);
        }
        const char *thin = r->score < 0 ? "" : r->thin ? "true" : "false";
        const char *fields[] = {r->path,  r->title, r->company, r->location, score,
                                matched,  missing,  r->gaps,    hash,        r->duplicate_of,
                                r->error, keywords, thin,       rank_score,  r->url};
        for (size_t f = 0; f < sizeof fields / sizeof *fields; f++)
            csv_field(fields[f], f + 1 == sizeof fields / sizeof *fields);
    }
}

/* `s` ("-" when empty) in `w` display columns, padded or clipped, then a space. */
static void cell(const char *s, size_t w)
{
    struct jm_buf b = {0};
    jm_buf_put_cell(&b, s && *s ? s : "-", w);
    jm_buf_putc(&b, ' ');
    fwrite(b.data, 1, b.len, stdout);
    jm_buf_free(&b);
}

static void write_table(const struct batch *b, bool color)
{
    const char *bold = color ? "\033[1m" : "", *dim = color ? "\033[2m" : "",
               *reset = color ? "\033[0m" : "";
    printf("%sSCORE  KEYWORDS  ", bold);
    cell("TITLE", 32), cell("COMPANY", 18), cell("LOCATION", 16), cell("TOP GAPS", 34);
    printf("PATH%s\n", reset);
    size_t rank = 0;
    for (size_t i = 0; i < b->nrows; i++) {
        const struct row *r = &b->rows[i];
        if (!shown(b, r, rank) || r->score < 0)
            continue;
        rank++;
        printf("%5d  %3zu%-5s  ", r->score, r->keywords, r->thin ? " thin" : "");
        cell(r->title, 32), cell(r->company, 18), cell(r->location, 16), cell(r->gaps, 34);
        printf("%s", r->path);
        if (r->duplicate_of)
            printf("  %s(duplicate of %s)%s", dim, r->duplicate_of, reset);
        putchar('\n');
    }
    for (size_t i = 0; i < b->nrows; i++)
        if (b->rows[i].score < 0)
            printf("    -  %8s  %serror: %s%s  %s\n", "", dim, b->rows[i].error, reset,
                   b->rows[i].path);
    putchar('\n');
}

/* The parts of --format json and html, read back from the spill file in rank order: the
 * elements of the envelope's "postings" array, one per line, or the rows of the page's
 * table; `before` precedes the first and `between` the others; `trim` bytes of each are
 * left out. Streamed, never held whole. */
static bool copy_spilled(const struct batch *b, const char *before, const char *between,
                         size_t trim)
{
    char buf[65536];
    bool first = true;
    for (size_t i = 0, rank = 0; i < b->nrows; i++) {
        const struct row *r = &b->rows[i];
        if (!shown(b, r, rank))
            continue;
        rank += r->score >= 0;
        if (fseek(b->spill, r->spill_at, SEEK_SET) != 0)
            return false;
        fputs(first ? before : between, stdout);
        first = false;
        for (size_t left = r->spill_len - trim; left > 0;) {
            size_t n = fread(buf, 1, left < sizeof buf ? left : sizeof buf, b->spill);
            if (n == 0)
                return false;
            fwrite(buf, 1, n, stdout);
            left -= n;
        }
    }
    return true;
}

static bool copy_json_lines(const struct batch *b)
{
    bool ok = copy_spilled(b, "\n", ",\n", 1); /* each line without its newline */
    fputs("\n", stdout);                       /* the closing bracket on a line of its own */
    return ok;
}

static int write_html(const struct batch *b)
{
    jm_error err = {0};
    jm_status st = jm_report_batch_open(b->cli->args[0], write_file, stdout, &err);
    if (st == JM_OK && !copy_spilled(b, "", "", 0))
        return errorf("cannot read back the postings' rows: %s", strerror(errno)), EXIT_INTERNAL;
    if (st == JM_OK)
        st = jm_report_batch_close(b->market, write_file, stdout, &err);
    if (st != JM_OK)
        report_error(&err);
    return exit_code_for(st);
}

static void fill_postings(void *ctx)
{
    struct batch *b = ctx;
    if (!copy_json_lines(b))
        b->write_failed = true;
}

int market_to(const struct batch *b, FILE *out, jm_report_format format, bool color)
{
    jm_report_options opt = {.format = format, .color = color};
    jm_error err = {0};
    if (jm_report_market(b->market, &opt, write_file, out, &err) != JM_OK) {
        report_error(&err);
        return exit_code_for(err.code);
    }
    return EXIT_OK;
}

int write_ranked(struct batch *b)
{
    if (b->nrows > 0) /* no row at all when every file was skipped; qsort wants an array */
        qsort(b->rows, b->nrows, sizeof *b->rows, by_rank);
    bool color = use_color(b->cli->color);
    if (b->format == BATCH_HTML)
        return write_html(b);
    if (b->format == BATCH_CSV)
        write_csv(b);
    else if (b->format == BATCH_TABLE)
        write_table(b, color);
    if (b->format == BATCH_TABLE)
        return market_to(b, stdout, JM_REPORT_FORMAT_TEXT, color);
    if (b->format != BATCH_JSON)
        return EXIT_OK;
    /* The postings stay in the spill file (flat memory): the envelope is printed
     * around them, with the market view's JSON as the library writes it. */
    struct capture summary;
    if (!capture_start(&summary))
        return errorf("out of memory"), EXIT_INTERNAL;
    int rc = market_to(b, summary.f, JM_REPORT_FORMAT_JSON, false);
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", JM_SCHEMA_VERSION);
    cJSON_AddItemToArray(cJSON_AddArrayToObject(root, "postings"), json_hole());
    if (!cJSON_AddItemToObject(root, "summary", capture_end(&summary, rc == EXIT_OK))) {
        cJSON_Delete(root);
        return rc == EXIT_OK ? (errorf("out of memory"), EXIT_INTERNAL) : rc;
    }
    return json_print_filled(root, fill_postings, b);
}
