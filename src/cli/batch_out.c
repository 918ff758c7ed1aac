/*
 * batch_out.c - the ranked formats of `jobmatch batch`: the table, CSV
 * (RFC 4180), JSON and HTML, written once every posting is done, and the
 * market view after them.
 */
#include <errno.h>
#include <math.h>
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

/* Within --top: `rank` postings are shown before it. */
static bool shown(const struct batch *b, size_t rank)
{
    return b->cli->top <= 0 || rank < (size_t)b->cli->top;
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
        if (!shown(b, rank))
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
        if (!shown(b, rank) || r->score < 0)
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
    if (b->left_out > 0)
        printf("%s%zu posting%s left out by --min-score, --title or --keyword, here and in the "
               "market view%s\n",
               dim, b->left_out, b->left_out == 1 ? "" : "s", reset);
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
        if (!shown(b, rank))
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

/* ---- what if (--assume) ---------------------------------------------------------- */

static int by_rank_if(const void *pa, const void *pb)
{
    const struct row *a = pa, *b = pb;
    if (a->rank_if != b->rank_if)
        return a->rank_if < b->rank_if ? 1 : -1;
    return strcmp(a->path, b->path);
}

/* Those that move most first: by the score gained, then by the place they would take. */
static int by_move(const void *pa, const void *pb)
{
    const struct row *a = pa, *b = pb;
    int ga = a->score_if - a->score, gb = b->score_if - b->score;
    if (ga != gb)
        return gb - ga;
    if (a->place_if != b->place_if)
        return a->place_if < b->place_if ? -1 : 1;
    return strcmp(a->path, b->path);
}

/* The postings scored once each (no failure, no duplicate) to the front; their number. */
static size_t scored_first(struct batch *b)
{
    size_t k = 0;
    for (size_t i = 0; i < b->nrows; i++)
        if (b->rows[i].score >= 0 && b->rows[i].duplicate_of == NULL) {
            struct row r = b->rows[k];
            b->rows[k++] = b->rows[i];
            b->rows[i] = r;
        }
    return k;
}

/* What the what-if comes to: how many rise, by how much, how many reach `GOOD`. */
enum { GOOD = 70 };
struct what_if {
    size_t n, rise, good, good_if;
    int most;
    double mean; /* of the changes, over all n */
};

static struct what_if sum_up(const struct row *rows, size_t n)
{
    struct what_if w = {.n = n};
    long total = 0;
    for (size_t i = 0; i < n; i++) {
        int d = rows[i].score_if - rows[i].score;
        total += d;
        w.rise += d > 0;
        w.most = d > w.most ? d : w.most;
        w.good += rows[i].score >= GOOD;
        w.good_if += rows[i].score_if >= GOOD;
    }
    w.mean = n ? (double)total / (double)n : 0;
    return w;
}

static void assumed_names(const struct cli *cli, FILE *out)
{
    for (size_t i = 0; i < cli->assume.n; i++)
        fprintf(out, "%s%s",
                i == 0                   ? ""
                : i + 1 == cli->assume.n ? " and "
                                         : ", ",
                cli->assume.v[i]);
}

static void what_if_table(const struct batch *b, size_t n, const struct what_if *w, bool color)
{
    const char *bold = color ? "\033[1m" : "", *reset = color ? "\033[0m" : "";
    printf("%sWhat if the resume showed ", bold);
    assumed_names(b->cli, stdout);
    printf(" at work%s\n", reset);
    printf("The score rises for %zu of %zu postings, by %.1f points on average, %d at most; "
           "%zu would score %d or more (%zu now).\n\n",
           w->rise, w->n, w->mean, w->most, w->good_if, GOOD, w->good);
    printf("%sCHANGE  SCORE     PLACE        ", bold);
    cell("TITLE", 32), cell("COMPANY", 18);
    printf("PATH%s\n", reset);
    for (size_t i = 0; i < n; i++) {
        const struct row *r = &b->rows[i];
        if (b->cli->top > 0 && i >= (size_t)b->cli->top) {
            printf("… and %zu more (--top)\n", n - i);
            break;
        }
        char place[32];
        snprintf(place, sizeof place, "%zu \xE2\x86\x92 %zu", r->place, r->place_if);
        int d = r->score_if - r->score;
        printf(d ? "%+6d" : "%6d", d);
        printf("  %3d \xE2\x86\x92 %3d  ", r->score, r->score_if);
        cell(place, 12);
        cell(r->title, 32), cell(r->company, 18);
        printf("%s\n", r->path);
    }
}

static void what_if_csv(const struct batch *b, size_t n)
{
    fputs("path,title,company,score,score_if,change,place,place_if,url\r\n", stdout);
    for (size_t i = 0; i < n && (b->cli->top <= 0 || i < (size_t)b->cli->top); i++) {
        const struct row *r = &b->rows[i];
        char nums[5][24];
        snprintf(nums[0], sizeof nums[0], "%d", r->score);
        snprintf(nums[1], sizeof nums[1], "%d", r->score_if);
        snprintf(nums[2], sizeof nums[2], r->score_if != r->score ? "%+d" : "%d",
                 r->score_if - r->score);
        snprintf(nums[3], sizeof nums[3], "%zu", r->place);
        snprintf(nums[4], sizeof nums[4], "%zu", r->place_if);
        const char *fields[] = {r->path, r->title, r->company, nums[0], nums[1],
                                nums[2], nums[3],  nums[4],    r->url};
        for (size_t f = 0; f < sizeof fields / sizeof *fields; f++)
            csv_field(fields[f], f + 1 == sizeof fields / sizeof *fields);
    }
}

static int what_if_json(const struct batch *b, size_t n, const struct what_if *w)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", JM_SCHEMA_VERSION);
    cJSON *assume = cJSON_AddArrayToObject(root, "assume");
    for (size_t i = 0; i < b->cli->assume.n; i++)
        cJSON_AddItemToArray(assume, cJSON_CreateString(b->cli->assume.v[i]));
    cJSON *postings = cJSON_AddArrayToObject(root, "postings");
    for (size_t i = 0; i < n && (b->cli->top <= 0 || i < (size_t)b->cli->top); i++) {
        const struct row *r = &b->rows[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "path", r->path);
        cJSON_AddStringToObject(o, "title", r->title ? r->title : "");
        cJSON_AddStringToObject(o, "company", r->company ? r->company : "");
        cJSON_AddNumberToObject(o, "score", r->score);
        cJSON_AddNumberToObject(o, "score_if", r->score_if);
        cJSON_AddNumberToObject(o, "change", r->score_if - r->score);
        cJSON_AddNumberToObject(o, "place", (double)r->place);
        cJSON_AddNumberToObject(o, "place_if", (double)r->place_if);
        cJSON_AddStringToObject(o, "url", r->url ? r->url : "");
        cJSON_AddItemToArray(postings, o);
    }
    cJSON *s = cJSON_AddObjectToObject(root, "summary");
    cJSON_AddNumberToObject(s, "postings", (double)w->n);
    cJSON_AddNumberToObject(s, "rise", (double)w->rise);
    cJSON_AddNumberToObject(s, "mean_change", round(w->mean * 100) / 100);
    cJSON_AddNumberToObject(s, "most", w->most);
    cJSON_AddNumberToObject(s, "good", GOOD);
    cJSON_AddNumberToObject(s, "good_now", (double)w->good);
    cJSON_AddNumberToObject(s, "good_if", (double)w->good_if);
    return json_print(root);
}

int write_what_if(struct batch *b)
{
    size_t n = scored_first(b);
    if (n > 0) { /* the places in either ranking, then the order of the report */
        qsort(b->rows, n, sizeof *b->rows, by_rank);
        for (size_t i = 0; i < n; i++)
            b->rows[i].place = i + 1;
        qsort(b->rows, n, sizeof *b->rows, by_rank_if);
        for (size_t i = 0; i < n; i++)
            b->rows[i].place_if = i + 1;
        qsort(b->rows, n, sizeof *b->rows, by_move);
    }
    struct what_if w = sum_up(b->rows, n);
    if (b->format == BATCH_JSON)
        return what_if_json(b, n, &w);
    if (b->format == BATCH_CSV)
        what_if_csv(b, n);
    else
        what_if_table(b, n, &w, use_color(b->cli->color));
    return EXIT_OK;
}
