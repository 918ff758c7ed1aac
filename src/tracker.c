/*
 * tracker.c - the application pipeline as a spreadsheet (jobmatch track): one row per
 * posting, found again run after run by its key (the posting's URL, else its content hash).
 * jobmatch writes only its own columns; every other column and cell is the person's and is
 * written back as it was read, in their order, with their separator and line ends. A row
 * whose posting is no longer among the paths keeps everything, marked not found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"
#include "analysis.h"

/* jobmatch's columns, and the person's that a new file starts with, in a new file's order:
 * what a person reads first (role, score, their status) to the left. */
enum col {
    C_TITLE,
    C_COMPANY,
    C_LOCATION,
    C_SCORE,
    C_CHANGE,
    C_STATUS,
    C_APPLIED,
    C_CONTACT,
    C_NEXT,
    C_NOTES,
    C_GAPS,
    C_KNOCKOUTS,
    C_THIN,
    C_KEYWORDS,
    C_AT_WORK,
    C_URL,
    C_PATH,
    C_RESUME,
    C_RESUME_HASH,
    C_SCORED_ON,
    C_FOUND,
    C_KEY,
    C_COUNT
};

static const struct {
    const char *name;
    bool ours; /* written by jobmatch; else the person's, only ever created empty */
} columns[C_COUNT] = {
    [C_TITLE] = {"title", true},
    [C_COMPANY] = {"company", true},
    [C_LOCATION] = {"location", true},
    [C_SCORE] = {"score", true},
    [C_CHANGE] = {"change", true},
    [C_STATUS] = {"status", false},
    [C_APPLIED] = {"applied_on", false},
    [C_CONTACT] = {"contact", false},
    [C_NEXT] = {"next_action", false},
    [C_NOTES] = {"notes", false},
    [C_GAPS] = {"top_gaps", true},
    [C_KNOCKOUTS] = {"knockouts", true},
    [C_THIN] = {"thin", true},
    [C_KEYWORDS] = {"keywords", true},
    [C_AT_WORK] = {"shown_at_work", true},
    [C_URL] = {"url", true},
    [C_PATH] = {"path", true},
    [C_RESUME] = {"resume", true},
    [C_RESUME_HASH] = {"resume_hash", true},
    [C_SCORED_ON] = {"scored_on", true},
    [C_FOUND] = {"found", true},
    [C_KEY] = {"key", true},
};

struct jm_tracker {
    struct jm_csv csv; /* rows[0] is the header */
    size_t col[C_COUNT];
    struct jm_table keys; /* key -> row */
    bool *seen;           /* per row: updated by this run */
    size_t capseen;
    jm_tracker_counts counts;
    char *name;
};

static const char *row_key(const void *ctx, uint32_t i)
{
    const struct jm_tracker *t = ctx;
    return jm_csv_get(&t->csv.rows[i], t->col[C_KEY]);
}

/* The header's columns: each of ours found by name (any case), those missing appended. */
static bool map_columns(struct jm_tracker *t)
{
    struct jm_csv_row *head = &t->csv.rows[0];
    for (int c = 0; c < C_COUNT; c++) {
        t->col[c] = SIZE_MAX;
        for (size_t i = 0; i < head->n && t->col[c] == SIZE_MAX; i++) {
            char name[64];
            snprintf(name, sizeof name, "%s", head->cells[i]);
            if (strcasecmp(jm_trim(name), columns[c].name) == 0)
                t->col[c] = i;
        }
        if (t->col[c] == SIZE_MAX && columns[c].ours) { /* deleted, or a file of a new version */
            t->col[c] = head->n;
            if (!jm_csv_set(head, head->n, columns[c].name))
                return false;
        }
    }
    return true;
}

static jm_status start_new(struct jm_tracker *t)
{
    struct jm_csv_row *head = jm_csv_add_row(&t->csv, 1);
    for (int c = 0; head && c < C_COUNT; c++)
        if (!jm_csv_set(head, (size_t)c, columns[c].name))
            head = NULL;
    t->csv.sep = ',';
    t->csv.crlf = true; /* RFC 4180, and what spreadsheets on every system read */
    return head ? JM_OK : JM_ERR_NOMEM;
}

/* The rows by key; a key twice is a file edited by hand into an ambiguity: refused. */
static jm_status index_rows(struct jm_tracker *t, jm_error *err)
{
    if (!jm_table_init(&t->keys, t->csv.nrows, row_key, t))
        return jm_fail(err, JM_ERR_NOMEM, t->name, 0, "out of memory");
    for (size_t r = 1; r < t->csv.nrows; r++) {
        if (*row_key(t, (uint32_t)r) == '\0')
            continue; /* a row the person added by hand: kept as it is */
        uint32_t before = UINT32_MAX;
        if (!jm_table_add(&t->keys, (uint32_t)r, &before))
            return jm_fail(err, JM_ERR_NOMEM, t->name, 0, "out of memory");
        if (before != UINT32_MAX)
            return jm_fail(err, JM_ERR_FORMAT, t->name, t->csv.rows[r].line,
                           "the key of line %ld again: one posting, two rows",
                           t->csv.rows[before].line);
    }
    return JM_OK;
}

/* The file as UTF-8 text, as the text reader reads any file (UTF-8; UTF-16 by its BOM),
 * after a conversion from windows-1252 when it is neither UTF-8 nor marked by a BOM (Excel's
 * "CSV" on Windows); what the text reader refuses (binary, an archive) is refused so too. */
static jm_status decode(const char *buf, size_t len, const char *name, struct jm_input *in,
                        jm_error *err)
{
    bool bom = len >= 2 && (memcmp(buf, "\xFF\xFE", 2) == 0 || memcmp(buf, "\xFE\xFF", 2) == 0 ||
                            (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0));
    struct jm_input legacy = {0};
    if (!bom && !jm_utf8_valid(buf, len, NULL) && memchr(buf, '\0', len) == NULL) {
        jm_status st = jm_input_windows_1252(buf, len, &legacy);
        if (st != JM_OK)
            return jm_fail(err, st, name, 0,
                           st == JM_ERR_NOMEM ? "out of memory" : "neither UTF-8 nor windows-1252");
        buf = legacy.text, len = legacy.len;
    }
    jm_status st = jm_input_decode(buf, len, name, JM_FORMAT_TEXT, in, err);
    free(legacy.text);
    return st;
}

jm_status jm_tracker_parse(const char *buf, size_t len, const char *name, jm_tracker **out,
                           jm_error *err)
{
    *out = NULL;
    struct jm_tracker *t = calloc(1, sizeof *t);
    if (t == NULL || (t->name = strdup(name ? name : "tracker")) == NULL) {
        free(t);
        return jm_fail(err, JM_ERR_NOMEM, name, 0, "out of memory");
    }
    struct jm_input in = {0};
    jm_status st = len == 0 ? JM_ERR_EMPTY : decode(buf, len, t->name, &in, err);
    if (st == JM_ERR_EMPTY) /* no file yet, or one of blank lines: a new tracker */
        st = start_new(t), len = 0;
    if (st == JM_ERR_NOMEM)
        jm_fail(err, st, t->name, 0, "out of memory");
    if (st == JM_OK && len > 0) {
        size_t skip = 0; /* byte order marks, however many a tool stacked up */
        while (in.len - skip >= 3 && memcmp(in.text + skip, "\xEF\xBB\xBF", 3) == 0)
            skip += 3;
        st = jm_csv_parse(in.text + skip, in.len - skip, t->name, &t->csv, err);
        t->csv.bom |= len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0;
        if (st == JM_OK && t->csv.nrows == 0 && start_new(t) != JM_OK)
            st = jm_fail(err, JM_ERR_NOMEM, t->name, 0, "out of memory");
    }
    free(in.text);
    if (st == JM_OK && !map_columns(t))
        st = jm_fail(err, JM_ERR_NOMEM, t->name, 0, "out of memory");
    if (st == JM_OK)
        st = index_rows(t, err);
    if (st != JM_OK) {
        jm_tracker_free(t);
        return st;
    }
    *out = t;
    return JM_OK;
}

void jm_tracker_free(jm_tracker *t)
{
    if (t == NULL)
        return;
    jm_csv_free(&t->csv);
    jm_table_free(&t->keys);
    free(t->seen);
    free(t->name);
    free(t);
}

/* ---- a posting scored ------------------------------------------------------------ */

/* "Kafka; Amazon EKS; Amazon RDS": the heaviest technical gaps. */
static void top_gaps(const jm_result *r, struct jm_buf *b)
{
    const jm_match_item *gaps[3];
    for (size_t i = 0, n = jm_result_top_gaps(r, gaps, 3); i < n; i++)
        jm_buf_printf(b, "%s%s", i ? "; " : "", gaps[i]->posting->name);
}

/* "experience: short by 2 years; degree: not stated": what the knock-out lines say. */
static void knockouts(const jm_tailoring *tl, struct jm_buf *b)
{
    for (size_t i = 0, k = 0; tl && i < jm_tailoring_count(tl); i++) {
        const jm_suggestion *s = jm_tailoring_get(tl, i);
        if (s->kind != JM_SUGGESTION_KIND_REQUIREMENT)
            continue;
        jm_buf_printf(b, "%s%s: ", k++ ? "; " : "", s->label);
        if (s->verdict == JM_VERDICT_SHORT && s->years_required > s->years_shown &&
            s->years_shown >= 0)
            jm_buf_printf(b, "short by %d", s->years_required - s->years_shown);
        else
            jm_buf_puts(b, s->verdict == JM_VERDICT_NONE ? "check" : jm_verdict_name(s->verdict));
    }
}

/* The posting's key: where it lives, else what it says. */
static void key_of(const jm_doc *doc, char *key, size_t cap)
{
    if (*jm_doc_url(doc))
        snprintf(key, cap, "%s", jm_doc_url(doc));
    else
        snprintf(key, cap, "sha:%016llx", (unsigned long long)jm_doc_hash(doc));
}

/* Keeps `seen` as long as the rows. */
static bool room_for_seen(struct jm_tracker *t)
{
    if (t->csv.nrows <= t->capseen)
        return true;
    size_t cap = t->csv.nrows * 2;
    bool *p = realloc(t->seen, cap * sizeof *p);
    if (p == NULL)
        return false;
    memset(p + t->capseen, 0, (cap - t->capseen) * sizeof *p);
    t->seen = p, t->capseen = cap;
    return true;
}

/* The row of `key`, a new one when the tracker has none; NULL when out of memory. */
static struct jm_csv_row *row_for(struct jm_tracker *t, const char *key, bool *added)
{
    uint32_t r;
    *added = !jm_table_find(&t->keys, key, &r);
    if (*added) {
        r = (uint32_t)t->csv.nrows;
        struct jm_csv_row *row = jm_csv_add_row(&t->csv, 0);
        if (row == NULL || !jm_csv_set(row, t->col[C_KEY], key) || !jm_table_add(&t->keys, r, NULL))
            return NULL;
    }
    if (!room_for_seen(t))
        return NULL;
    return &t->csv.rows[r];
}

/* Sets jobmatch's cell `c` of `row`; false when out of memory. */
static bool put(struct jm_tracker *t, struct jm_csv_row *row, enum col c, const char *s)
{
    return jm_csv_set(row, t->col[c], s);
}

/* "+5", "-3", "0" against the score the row had; "new" for a new row. */
static void change(const char *old, int score, bool added, char *buf, size_t cap)
{
    char *end;
    long before = strtol(old, &end, 10);
    if (added || *old == '\0' || *end != '\0')
        snprintf(buf, cap, "%s", added ? "new" : "");
    else
        snprintf(buf, cap, "%+ld", score - before);
    if (strcmp(buf, "+0") == 0)
        snprintf(buf, cap, "0");
}

jm_status jm_tracker_update(jm_tracker *t, const jm_result *res, const jm_tailoring *tl,
                            const char *path, const char *date, jm_error *err)
{
    const jm_doc *doc = jm_keywords_doc(jm_result_posting(res));
    const jm_doc *resume = jm_keywords_doc(jm_result_resume(res));
    char key[JM_URL_MAX + 8], num[64];
    key_of(doc, key, sizeof key);
    bool added;
    struct jm_csv_row *row = row_for(t, key, &added);
    if (row == NULL)
        return jm_fail(err, JM_ERR_NOMEM, t->name, 0, "out of memory");
    size_t r = (size_t)(row - t->csv.rows);
    if (t->seen[r]) { /* the same posting twice in one run: the first path stays */
        t->counts.duplicates++;
        return JM_OK;
    }
    t->seen[r] = true;
    added ? t->counts.added++ : t->counts.updated++;
    int score = jm_result_score(res);
    change(jm_csv_get(row, t->col[C_SCORE]), score, added, num, sizeof num);
    struct jm_buf gaps = {0}, kos = {0};
    top_gaps(res, &gaps);
    knockouts(tl, &kos);
    bool ok = put(t, row, C_CHANGE, num) && put(t, row, C_TITLE, jm_doc_title(doc)) &&
              put(t, row, C_COMPANY, jm_doc_company(doc)) &&
              put(t, row, C_LOCATION, jm_doc_location(doc)) &&
              put(t, row, C_URL, jm_doc_url(doc)) &&
              put(t, row, C_PATH, path ? path : jm_doc_name(doc)) &&
              put(t, row, C_GAPS, gaps.data ? gaps.data : "") &&
              put(t, row, C_KNOCKOUTS, kos.data ? kos.data : "") &&
              put(t, row, C_THIN, jm_result_is_thin(res) ? "yes" : "no") &&
              put(t, row, C_RESUME, jm_doc_name(resume)) && put(t, row, C_SCORED_ON, date) &&
              put(t, row, C_FOUND, "yes") && !gaps.failed && !kos.failed;
    snprintf(num, sizeof num, "%d", score);
    ok = ok && put(t, row, C_SCORE, num);
    snprintf(num, sizeof num, "%zu", jm_result_count(res));
    ok = ok && put(t, row, C_KEYWORDS, num);
    snprintf(num, sizeof num, "%.0f%%", jm_result_shown_at_work(res));
    ok = ok && put(t, row, C_AT_WORK, num);
    snprintf(num, sizeof num, "%016llx", (unsigned long long)jm_doc_hash(resume));
    ok = ok && put(t, row, C_RESUME_HASH, num);
    jm_buf_free(&gaps);
    jm_buf_free(&kos);
    return ok ? JM_OK : jm_fail(err, JM_ERR_NOMEM, t->name, 0, "out of memory");
}

jm_tracker_counts jm_tracker_tally(const jm_tracker *t)
{
    jm_tracker_counts c = t->counts;
    c.not_found = 0;
    for (size_t r = 1; r < t->csv.nrows; r++)
        c.not_found += !(r < t->capseen && t->seen[r]) && *row_key(t, (uint32_t)r);
    return c;
}

jm_status jm_tracker_write(jm_tracker *t, bool bom, jm_write_fn write, void *ctx, jm_error *err)
{
    struct jm_buf b = {0};
    const char *eol = t->csv.crlf ? "\r\n" : "\n";
    if (bom || t->csv.bom)
        jm_buf_puts(&b, "\xEF\xBB\xBF");
    size_t width = t->csv.rows[0].n; /* every row as wide as the header */
    for (size_t r = 0; r < t->csv.nrows; r++) {
        struct jm_csv_row *row = &t->csv.rows[r];
        bool seen = r < t->capseen && t->seen[r];
        if (r > 0 && !seen && *row_key(t, (uint32_t)r) && !put(t, row, C_FOUND, "no"))
            b.failed = true;
        for (size_t c = 0; c < width || c < row->n; c++) {
            if (c > 0)
                jm_buf_putc(&b, t->csv.sep);
            jm_csv_put_field(&b, jm_csv_get(row, c), t->csv.sep);
        }
        jm_buf_puts(&b, eol);
    }
    if (b.failed) {
        jm_buf_free(&b);
        return jm_fail(err, JM_ERR_NOMEM, t->name, 0, "out of memory");
    }
    jm_status st = write(ctx, b.data, b.len) == 0
                       ? JM_OK
                       : jm_fail(err, JM_ERR_WRITE, t->name, 0, "cannot write the tracker");
    jm_buf_free(&b);
    return st;
}
