/*
 * cmd_batch.c - `jobmatch batch RESUME PATH...`: one resume against many
 * postings, on all cores, in flat memory.
 *
 * Workers take postings one at a time (paths walked up front, or lines of
 * standard input read as they come: paths, or JSON records {"id", "html"}),
 * parse and score each, render its JSON line or HTML row, and hand the result
 * to the main thread, which alone writes: it flags duplicates (re-rendering
 * their rows), feeds the market view, prints jsonl at once or keeps a small row
 * per posting for the ranked formats (json lines and HTML rows wait in a
 * temporary file), and draws the progress bar. Results are released in
 * input order (jsonl without --ordered: as they come), so the output does
 * not depend on thread timing. Ctrl-C or SIGTERM stops taking postings, even
 * while standard input is idle; what is done is still written, well formed,
 * and so is the --summary. A failed write (a closed pipe) stops it too.
 */
#include <cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base.h"
#include "batch.h"

enum { GAPS_SHOWN = 3, PENDING_PER_WORKER = 4 };

/* One posting, from the moment a worker takes it until the main thread writes it. */
struct outcome {
    size_t index;
    char *path;   /* or the record's id */
    char *record; /* a JSON record of standard input, until a worker reads it */
    jm_doc *doc;
    jm_keywords *kw;
    jm_result *res;
    jm_tailoring *knockouts; /* track: its knock-out verdicts, found by the worker */
    jm_result *what_if;      /* --assume: the match as if the resume showed them */
    struct jm_buf row;       /* its JSON line or HTML row, rendered ahead by the worker */
    jm_error err;            /* when res is NULL */
    struct outcome *next;    /* in the list of pending outcomes */
};

/* The signal that stopped the batch (SIGINT, SIGTERM), or 0. Atomic, not just
 * sig_atomic_t: the workers read it too (lock-free, so a handler may write it). */
static atomic_int interrupted;
/* A pipe the handler writes to: it wakes a worker waiting on standard input. */
static int wake_pipe[2] = {-1, -1};

/* Ends a worker's wait on standard input (async-signal-safe). */
static void wake_input(void)
{
    int saved = errno;
    if (wake_pipe[1] >= 0)
        (void)!write(wake_pipe[1], "", 1);
    errno = saved;
}

static void on_interrupt(int sig)
{
    interrupted = sig;
    wake_input();
}

/* Ctrl-C and SIGTERM stop the batch gently, until the process exits: a signal sent twice
 * (timeout(1) sends it to the process group too) must not cut short the output, the
 * --summary or the rename of -o that follow the work. */
static void catch_signals(void)
{
    if (pipe(wake_pipe) == 0) {
        fcntl(wake_pipe[0], F_SETFD, FD_CLOEXEC);
        fcntl(wake_pipe[1], F_SETFD, FD_CLOEXEC);
        fcntl(wake_pipe[1], F_SETFL, O_NONBLOCK); /* a full pipe wakes just as well */
    }
    struct sigaction sa = {.sa_handler = on_interrupt};
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

/* ---- input: the next posting ------------------------------------------- */

/* A posting that fails before it is read: `path` with the error `msg`. */
static struct outcome *failed_entry(size_t index, const char *path, jm_status code, const char *msg)
{
    struct outcome *o = calloc(1, sizeof *o);
    if (o == NULL)
        return NULL;
    o->index = index;
    o->path = strdup(path);
    o->err = (jm_error){.code = code};
    snprintf(o->err.msg, sizeof o->err.msg, "%s", msg);
    snprintf(o->err.where, sizeof o->err.where, "%s", path);
    return o;
}

/* A line of standard input: a path, or a JSON record {"id": …, "html": …}, kept as it is
 * for a worker to parse (read_record): parsing under the input lock would serialize it. */
static struct outcome *from_line(char *line, size_t index)
{
    struct outcome *o = calloc(1, sizeof *o);
    if (o == NULL)
        return NULL;
    o->index = index;
    line[strcspn(line, "\r")] = '\0';
    if (line[0] == '{')
        o->record = strdup(line);
    else
        o->path = strdup(line);
    return o;
}

/* The record's id as the posting's name and its page as the posting; or the error. */
static void read_record(struct outcome *o)
{
    cJSON *rec = cJSON_Parse(o->record);
    free(o->record);
    o->record = NULL;
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(rec, "id");
    const cJSON *html = cJSON_GetObjectItemCaseSensitive(rec, "html");
    char name[64];
    snprintf(name, sizeof name, "<stdin record %zu>", o->index + 1);
    o->path = strdup(cJSON_IsString(id) ? id->valuestring : name);
    if (o->path != NULL && !cJSON_IsString(html)) {
        o->err = (jm_error){.code = JM_ERR_FORMAT};
        snprintf(o->err.msg, sizeof o->err.msg, "%s",
                 rec == NULL ? "not valid JSON (a record is {\"id\": …, \"html\": …} on one line)"
                             : "a record without an \"html\" string");
        snprintf(o->err.where, sizeof o->err.where, "%s", o->path);
    } else if (o->path != NULL) { /* a parse failure leaves doc NULL and err filled */
        jm_doc_parse(html->valuestring, strlen(html->valuestring), o->path, JM_ROLE_POSTING,
                     JM_FORMAT_HTML, &o->doc, &o->err);
    }
    cJSON_Delete(rec);
}

/* The next posting to score, or NULL when there is none (or Ctrl-C). Holds input_lock. */
static struct outcome *take(struct batch *b)
{
    if (interrupted || atomic_load(&b->stop) || b->input_done)
        return NULL;
    if (b->next_path < b->walked.n) {
        const struct walk_item *it = &b->walked.items[b->next_path++];
        if (it->error != NULL)
            return failed_entry(b->taken++, it->path, JM_ERR_IO, it->error);
        struct outcome *o = calloc(1, sizeof *o);
        if (o != NULL) {
            o->index = b->taken++;
            o->path = strdup(it->path);
        }
        return o;
    }
    char *line;
    size_t len;
    enum line_status st = LINE_EOF;
    while (b->read_stdin && (st = line_next(&b->input, &line, &len)) != LINE_EOF) {
        char name[64], msg[96];
        snprintf(name, sizeof name, "<stdin record %zu>", b->taken + 1);
        snprintf(msg, sizeof msg, "a line over %s (skipped; the input goes on)",
                 jm_size_text(b->input.max).s);
        if (st == LINE_TOO_LONG)
            return failed_entry(b->taken++, name, JM_ERR_TOO_BIG, msg);
        if (st != LINE_OK)
            break; /* woken by a signal, or a read error said below */
        if (strspn(line, " \t\r") == len)
            continue; /* a blank line */
        return from_line(line, b->taken++);
    }
    if (st == LINE_NOMEM || st == LINE_ERROR)
        b->input_error = st == LINE_NOMEM ? ENOMEM : errno;
    b->input_done = true;
    return NULL;
}

/* ---- workers ------------------------------------------------------------ */

/* Does the output hold a row per posting that jm_report_* renders (a JSON line, a row of the
 * HTML page), rather than a table, CSV or tracker the writer builds from a few fields? */
static bool renders_rows(const struct batch *b)
{
    return b->tracker == NULL && (b->format == BATCH_JSONL || b->spill != NULL);
}

static int to_buf(void *ctx, const char *data, size_t len)
{
    struct jm_buf *buf = ctx;
    jm_buf_put(buf, data, len);
    return buf->failed ? -1 : 0;
}

/* The posting's row, saying the posting it duplicates, if any. */
static jm_status put_row(const struct batch *b, const struct outcome *o, const char *dup,
                         jm_write_fn write, void *ctx)
{
    jm_error err = {0};
    /* a file name or a message may hold any bytes: JSON and HTML take UTF-8 only */
    char *path = jm_printable(o->path ? o->path : "");
    char *error = o->res ? NULL : jm_printable(o->err.msg);
    jm_status st = path == NULL || (o->res == NULL && error == NULL) ? JM_ERR_NOMEM
                   : b->format == BATCH_HTML
                       ? jm_report_batch_row(o->res, path, error, dup, write, ctx, &err)
                       : jm_report_posting(o->res, path, error, dup, write, ctx, &err);
    free(error);
    free(path);
    return st;
}

/* Writes the posting's row: the one its worker rendered, unless it is a duplicate (which
 * its worker could not know) or was not rendered (a failure, or out of memory then). */
static bool write_row(const struct batch *b, const struct outcome *o, const char *dup,
                      jm_write_fn write, void *ctx)
{
    if (dup == NULL && o->row.len > 0 && !o->row.failed)
        return write(ctx, o->row.data, o->row.len) == 0;
    return put_row(b, o, dup, write, ctx) == JM_OK;
}

static void score(struct batch *b, struct outcome *o)
{
    if (o->doc == NULL && o->err.code == JM_OK &&
        jm_doc_read(o->path, JM_ROLE_POSTING, &o->doc, &o->err) != JM_OK)
        o->doc = NULL;
    jm_declared declared = declared_of(b->cli, false), assumed = declared_of(b->cli, true);
    if (o->doc != NULL && jm_keywords_find(b->dict, o->doc, &o->kw, &o->err) == JM_OK &&
        jm_match_declared(b->resume, o->kw, b->bullets, &declared, &o->res, &o->err) == JM_OK &&
        b->cli->assume.n > 0 && /* what if: the same posting, as if they were shown at work */
        jm_match_declared(b->resume, o->kw, b->bullets, &assumed, &o->what_if, &o->err) != JM_OK) {
        jm_result_free(o->res);
        o->res = NULL;
    }
    if (o->res != NULL &&
        b->tracker != NULL) { /* costly (the knock-out patterns): here, in parallel */
        jm_tailor_options as_of = cli_as_of(b->date);
        jm_tailor(o->res, b->bullets, &as_of, &o->knockouts, NULL);
    }
}

static void *worker(void *arg)
{
    struct batch *b = arg;
    size_t limit = PENDING_PER_WORKER * (size_t)b->jobs;
    for (;;) {
        pthread_mutex_lock(&b->lock);
        while (b->npending >= limit && !interrupted)
            pthread_cond_wait(&b->room, &b->lock); /* the writer is behind */
        pthread_mutex_unlock(&b->lock);
        /* Input has its own lock: a slow standard input must not stall the writer. */
        pthread_mutex_lock(&b->input_lock);
        struct outcome *o = take(b);
        pthread_mutex_unlock(&b->input_lock);
        if (o == NULL)
            break;
        if (o->record != NULL)
            read_record(o);
        if (o->path == NULL)
            o->err = (jm_error){.code = JM_ERR_NOMEM, .msg = "out of memory"};
        else
            score(b, o);
        if (o->res != NULL && renders_rows(b)) /* the writer's longest step, done in parallel */
            put_row(b, o, NULL, to_buf, &o->row);
        pthread_mutex_lock(&b->lock);
        o->next = b->pending;
        b->pending = o;
        b->npending++;
        pthread_cond_signal(&b->ready);
        pthread_mutex_unlock(&b->lock);
    }
    pthread_mutex_lock(&b->lock);
    b->workers_left--;
    pthread_cond_signal(&b->ready);
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

/* ---- the main thread: release, flag, record ------------------------------ */

/* Where `hash` is in the open-addressed table of seen postings, or would go. */
static size_t *seen_slot(const struct batch *b, uint64_t hash)
{
    size_t h = (size_t)hash & b->seen_mask;
    JM_WORK(1);
    while (b->seen_slot[h] != 0 && b->seen[b->seen_slot[h] - 1].hash != hash) {
        JM_WORK(1);
        h = (h + 1) & b->seen_mask;
    }
    return &b->seen_slot[h];
}

/* Doubles the table when it would be over half full; false when out of memory. */
static bool grow_seen(struct batch *b)
{
    if (b->seen_slot != NULL && 2 * (b->nseen + 1) <= b->seen_mask + 1)
        return true;
    size_t cap = b->seen_slot ? 2 * (b->seen_mask + 1) : 256;
    size_t *slots = calloc(cap, sizeof *slots);
    if (slots == NULL)
        return false;
    free(b->seen_slot);
    b->seen_slot = slots;
    b->seen_mask = cap - 1;
    for (size_t i = 0; i < b->nseen; i++)
        *seen_slot(b, b->seen[i].hash) = i + 1;
    return true;
}

/* The first posting with the same text, looked up by hash: comparing with every posting
 * seen made a batch of many postings quadratic. */
static const char *duplicate_of(struct batch *b, const struct outcome *o, uint64_t hash)
{
    if (!grow_seen(b))
        return NULL;
    size_t *slot = seen_slot(b, hash);
    if (*slot != 0)
        return b->seen[*slot - 1].path;
    if (!grow_array(&b->seen, &b->capseen, b->nseen, sizeof *b->seen))
        return NULL;
    b->seen[b->nseen++] = (struct seen){hash, strdup(o->path)};
    *slot = b->nseen;
    return NULL;
}

/* The heaviest missing skills, "Kafka; Amazon EKS; Amazon RDS". */
static char *top_gaps(const jm_result *r)
{
    const jm_match_item *gaps[GAPS_SHOWN];
    char buf[512] = "";
    for (size_t i = 0, n = jm_result_top_gaps(r, gaps, GAPS_SHOWN); i < n; i++) {
        size_t len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, "%s%s", i ? "; " : "", gaps[i]->posting->name);
    }
    return strdup(buf);
}

static bool keep_row(struct batch *b, const struct outcome *o, const char *dup, uint64_t hash)
{
    if (!grow_array(&b->rows, &b->caprows, b->nrows, sizeof *b->rows))
        return false;
    struct row *w = &b->rows[b->nrows++];
    /* a file name may be any bytes: the table goes to a terminal, the csv to a spreadsheet */
    *w = (struct row){.path = jm_printable(o->path), .score = -1, .hash = hash, .spill_at = -1};
    if (o->res != NULL) {
        w->score = jm_result_score(o->res);
        w->rank = jm_result_rank_score(o->res);
        w->thin = jm_result_is_thin(o->res);
        w->keywords = jm_result_count(o->res);
        w->title = strdup(jm_doc_title(o->doc));
        w->company = strdup(jm_doc_company(o->doc));
        w->location = strdup(jm_doc_location(o->doc));
        w->url = strdup(jm_doc_url(o->doc));
        w->gaps = top_gaps(o->res);
        if (o->what_if != NULL) {
            w->score_if = jm_result_score(o->what_if);
            w->rank_if = jm_result_rank_score(o->what_if);
        }
        for (size_t i = 0; i < jm_result_count(o->res); i++) {
            jm_coverage c = jm_result_get(o->res, i)->coverage;
            w->missing += c == JM_COVERAGE_MISSING; /* an alternative is neither */
            w->matched += c == JM_COVERAGE_MATCHED || c == JM_COVERAGE_IMPLIED;
        }
    } else {
        w->error = jm_printable(o->err.msg);
    }
    w->duplicate_of = dup ? jm_printable(dup) : NULL;
    if (b->spill != NULL) { /* json, html: written in rank order at the end */
        w->spill_at = ftell(b->spill);
        if (!write_row(b, o, dup, write_file, b->spill))
            b->write_failed = true;
        w->spill_len = (size_t)(ftell(b->spill) - w->spill_at);
    }
    return true;
}

/* `track`: the posting into the tracker, with its knock-out verdicts. */
static void track(struct batch *b, const struct outcome *o, const char *dup)
{
    if (o->res != NULL && dup == NULL &&
        jm_tracker_update(b->tracker, o->res, o->knockouts, o->path, b->date, NULL) != JM_OK)
        b->write_failed = true;
}

/* A posting in scope to the market view and the output (or the tracker). */
static void write_outcome(struct batch *b, struct outcome *o)
{
    const char *dup = NULL;
    uint64_t hash = 0;
    if (o->res == NULL) {
        if (!o->err.where[0] && o->path != NULL)
            snprintf(o->err.where, sizeof o->err.where, "%s", o->path);
        report_error(&o->err);
        b->failed++;
        jm_market_skip(b->market, false);
    } else {
        hash = jm_doc_hash(o->doc);
        dup = duplicate_of(b, o, hash);
        if (dup != NULL) {
            b->duplicates++;
            jm_market_skip(b->market, true);
        } else if (jm_market_add(b->market, o->res, &(jm_error){0}) != JM_OK) {
            b->write_failed = true;
        }
    }
    if (b->tracker != NULL) {
        track(b, o, dup);
    } else if (b->format == BATCH_JSONL) {
        if (!write_row(b, o, dup, write_stdout, NULL)) {
            b->write_failed = true;
            b->write_errno = errno;
        }
        b->unflushed = true;
    } else if (!keep_row(b, o, dup, hash)) {
        b->write_failed = true;
    }
}

/* Is the posting one the person targets: scored --min-score or more, its title holding a
 * --title, asking for a --keyword (any one of those given)? A failure always counts, and so
 * does every posting of a tracker, whose rows would otherwise read "not found". */
static bool in_scope(const struct batch *b, const struct outcome *o)
{
    const struct cli *cli = b->cli;
    if (o->res == NULL || b->tracker != NULL)
        return true;
    if (cli->min_score >= 0 && jm_result_score(o->res) < cli->min_score)
        return false;
    bool title = cli->titles.n == 0, keyword = b->nscope_terms == 0;
    for (size_t i = 0; !title && i < cli->titles.n; i++)
        title = strcasestr(jm_doc_title(o->doc), cli->titles.v[i]) != NULL;
    for (size_t i = 0; !keyword && i < jm_result_count(o->res); i++)
        for (size_t k = 0; !keyword && k < b->nscope_terms; k++)
            keyword = strcmp(jm_result_get(o->res, i)->posting->name, b->scope_terms[k]) == 0;
    return title && keyword;
}

/* A write failed (a closed pipe): the workers take no more postings. */
static void stop_if_failed(struct batch *b)
{
    if (b->write_failed && !atomic_exchange(&b->stop, true))
        wake_input();
}

static void release(struct batch *b, struct outcome *o)
{
    if (in_scope(b, o))
        write_outcome(b, o);
    else
        b->left_out++;
    b->written++;
    stop_if_failed(b);
    jm_tailoring_free(o->knockouts);
    jm_result_free(o->what_if);
    jm_result_free(o->res);
    jm_keywords_free(o->kw);
    jm_doc_free(o->doc);
    jm_buf_free(&o->row);
    free(o->path);
    free(o->record);
    free(o);
}

/* The next outcome to write: the next in input order (or any, for jsonl as done). */
static struct outcome *next_ready(struct batch *b)
{
    bool any = b->format == BATCH_JSONL && !b->cli->ordered;
    for (struct outcome **p = &b->pending; *p; p = &(*p)->next) {
        if (any || (*p)->index == b->written) {
            struct outcome *o = *p;
            *p = o->next;
            b->npending--;
            return o;
        }
    }
    return NULL;
}

static double seconds_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void progress(struct batch *b, bool last)
{
    if (b->cli->quiet || !isatty(STDERR_FILENO))
        return;
    if (!last && seconds_since(&b->last_progress) < 0.1)
        return;
    clock_gettime(CLOCK_MONOTONIC, &b->last_progress);
    double secs = seconds_since(&b->start);
    size_t total = b->read_stdin ? 0 : b->walked.n;
    fputs("\r\033[K", stderr);
    if (total > 0) {
        int filled = (int)(30 * b->written / total);
        fputc('[', stderr);
        for (int i = 0; i < 30; i++)
            fputs(i < filled ? "#" : "-", stderr);
        fprintf(stderr, "] %zu/%zu", b->written, total);
    } else {
        fprintf(stderr, "%zu", b->written);
    }
    fprintf(stderr, " postings, %.0f/s, %zu error%s", secs > 0 ? b->written / secs : 0.0, b->failed,
            b->failed == 1 ? "" : "s");
    if (last)
        fputs("\r\033[K", stderr);
}

/* Hands the JSON lines written so far to their reader: whenever the writer would wait, so
 * that they stream, but not after every line, which made writing them the slow part. */
static void flush_lines(struct batch *b)
{
    if (b->unflushed && fflush(stdout) != 0) {
        b->write_failed = true;
        b->write_errno = errno;
        stop_if_failed(b);
    }
    b->unflushed = false;
}

static void drain(struct batch *b)
{
    pthread_mutex_lock(&b->lock);
    for (;;) {
        struct outcome *o = next_ready(b);
        if (o == NULL && b->workers_left == 0 && b->npending == 0)
            break;
        if (o == NULL && b->unflushed) {
            pthread_mutex_unlock(&b->lock); /* a slow reader must not stall the workers */
            flush_lines(b);
            pthread_mutex_lock(&b->lock);
            continue;
        }
        if (o == NULL) {
            pthread_cond_wait(&b->ready, &b->lock);
            continue;
        }
        pthread_cond_broadcast(&b->room); /* for the workers waiting for it, if any */
        pthread_mutex_unlock(&b->lock);
        release(b, o);
        progress(b, false);
        pthread_mutex_lock(&b->lock);
    }
    pthread_mutex_unlock(&b->lock);
    flush_lines(b);
    progress(b, true);
}

/* ---- the command -------------------------------------------------------- */

/* The resume's keywords and judged bullets, read once for every posting. */
static int read_resume(struct batch *b, const char *path, jm_doc **doc, jm_keywords **kw,
                       jm_bullets **bullets)
{
    jm_error err = {0};
    jm_rules *rules = NULL;
    int rc = load_rules(b->cli, &rules);
    if (rc != EXIT_OK)
        return rc;
    jm_status st = jm_doc_read(path, JM_ROLE_RESUME, doc, &err);
    if (st == JM_OK)
        st = jm_keywords_find(b->dict, *doc, kw, &err);
    if (st == JM_OK)
        st = jm_bullets_analyze(rules, *doc, bullets, &err);
    if (st == JM_OK)
        b->rules = rules;
    else
        jm_rules_free(rules);
    if (st != JM_OK)
        report_error(&err);
    return exit_code_for(st);
}

static void free_rows(struct batch *b)
{
    for (size_t i = 0; i < b->nrows; i++) {
        struct row *r = &b->rows[i];
        free(r->path), free(r->title), free(r->company), free(r->location), free(r->url);
        free(r->gaps), free(r->error), free(r->duplicate_of);
    }
    free(b->rows);
    for (size_t i = 0; i < b->nseen; i++)
        free(b->seen[i].path);
    free(b->seen);
    free(b->seen_slot);
}

static int run(struct batch *b, int jobs)
{
    pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
    if (threads == NULL)
        return EXIT_INTERNAL;
    b->workers_left = (size_t)jobs;
    clock_gettime(CLOCK_MONOTONIC, &b->start);
    int started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, b) != 0)
            break;
    pthread_mutex_lock(&b->lock);
    b->workers_left -= (size_t)(jobs - started); /* those the system refused to start */
    pthread_mutex_unlock(&b->lock);
    if (started == 0) {
        free(threads);
        errorf("cannot start a thread");
        return EXIT_INTERNAL;
    }
    drain(b);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    free(threads);
    return EXIT_OK;
}

/* The --summary file: the market view as JSON, whole or not at all. */
static int write_summary(const struct batch *b, const char *path)
{
    struct atomic_file a;
    if (atomic_open(&a, path) == NULL)
        return EXIT_WRITE;
    int rc = market_to(b, a.f, JM_REPORT_FORMAT_JSON, false);
    if (rc != EXIT_OK) {
        atomic_abort(&a);
        return rc;
    }
    return atomic_commit(&a);
}

/* Scores every posting, then writes the ranked formats and the summary (interrupted too). */
static int run_and_write(struct batch *b, int jobs)
{
    pthread_mutex_init(&b->lock, NULL);
    pthread_mutex_init(&b->input_lock, NULL);
    pthread_cond_init(&b->room, NULL);
    pthread_cond_init(&b->ready, NULL);
    catch_signals();
    b->input = (struct line_reader){.fd = STDIN_FILENO,
                                    .wake_fd = wake_pipe[0],
                                    .max = b->cli->record ? b->cli->record : jm_limits_get().input};
    b->jobs = jobs;
    int rc = run(b, jobs);
    line_reader_free(&b->input);
    if (rc == EXIT_OK && b->cli->assume.n > 0 && !b->write_failed)
        rc = write_what_if(b);
    else if (rc == EXIT_OK && b->format != BATCH_JSONL && b->format != BATCH_TRACK &&
             !b->write_failed)
        rc = write_ranked(b);
    if (rc == EXIT_OK && b->cli->summary != NULL)
        rc = write_summary(b, b->cli->summary);
    pthread_cond_destroy(&b->room);
    pthread_cond_destroy(&b->ready);
    pthread_mutex_destroy(&b->lock);
    pthread_mutex_destroy(&b->input_lock);
    return rc;
}

/* --keyword's names as the dictionary spells them, as the results name their keywords. */
static bool scope_terms(struct batch *b)
{
    const struct name_list *l = &b->cli->keywords;
    if (l->n == 0)
        return true;
    if ((b->scope_terms = calloc(l->n, sizeof *b->scope_terms)) == NULL)
        return false;
    for (size_t i = 0; i < l->n; i++) {
        jm_term_info info;
        if (jm_dict_term(b->dict, (size_t)jm_dict_lookup(b->dict, l->v[i]), &info))
            b->scope_terms[b->nscope_terms++] = info.name;
    }
    return true;
}

int cmd_batch(const struct cli *cli)
{
    return batch_main(cli, cli->batch_format, NULL);
}

int batch_main(const struct cli *cli, enum batch_format format, jm_tracker *tracker)
{
    struct batch b = {.cli = cli, .format = format, .tracker = tracker};
    cli_today(b.date, sizeof b.date);
    if (b.format == BATCH_AUTO) /* a what-if is a table: only its rows would not say more */
        b.format = isatty(STDOUT_FILENO) || cli->assume.n > 0 ? BATCH_TABLE : BATCH_JSONL;
    if (cli->assume.n > 0 && b.format != BATCH_TABLE && b.format != BATCH_CSV &&
        b.format != BATCH_JSON)
        return errorf("--assume: the what-if is a table, csv or json, not %s",
                      b.format == BATCH_TRACK   ? "a tracker"
                      : b.format == BATCH_JSONL ? "jsonl"
                                                : "html"),
               EXIT_USAGE;
    int jobs = cli->jobs > 0 ? cli->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
    jobs = jobs > 0 ? jobs : 1;
    jm_doc *rdoc = NULL;
    jm_keywords *rkw = NULL;
    jm_bullets *rbullets = NULL;
    int rc = load_dictionaries(cli, &b.dict);
    if (rc == EXIT_OK)
        rc = check_names(cli, b.dict);
    if (rc == EXIT_OK && !scope_terms(&b))
        rc = (errorf("out of memory"), EXIT_INTERNAL);
    if (rc == EXIT_OK)
        rc = read_resume(&b, cli->args[0], &rdoc, &rkw, &rbullets);
    for (int i = 1; rc == EXIT_OK && i < cli->nargs; i++) {
        if (strcmp(cli->args[i], "-") == 0)
            b.read_stdin = true;
        else if (!walk_path(&b.walked, cli->args[i]))
            rc = EXIT_INTERNAL;
    }
    if (rc == EXIT_OK && jm_market_new(&b.market, &(jm_error){0}) != JM_OK)
        rc = EXIT_INTERNAL;
    if (rc == EXIT_OK && (b.format == BATCH_JSON || b.format == BATCH_HTML) && cli->assume.n == 0 &&
        (b.spill = tmpfile()) == NULL) {
        errorf("cannot create a temporary file: %s", strerror(errno));
        rc = EXIT_INTERNAL;
    }
    if (rc == EXIT_OK) {
        b.resume = rkw;
        b.bullets = rbullets;
        rc = run_and_write(&b, jobs);
    }
    if (rc == EXIT_OK && b.write_failed) {
        errorf("cannot write the output: %s", b.write_errno == EPIPE ? "the reader closed the pipe"
                                              : b.write_errno        ? strerror(b.write_errno)
                                                                     : "write error");
        rc = EXIT_WRITE;
    }
    if (rc == EXIT_OK && b.input_error) {
        errorf("<stdin>: cannot read: %s (the postings before it are done)",
               strerror(b.input_error));
        rc = EXIT_PARTIAL;
    }
    if (rc == EXIT_OK && b.written == 0) {
        /* Every file skipped (images, archives): nothing was done, and that is an error. */
        errorf("no posting found in the paths given%s",
               b.walked.skipped ? ": the files there are not HTML, Markdown, text, PDF or Word"
                                : "");
        if (b.walked.skipped)
            rc = EXIT_UNSUPPORTED;
    }
    if (rc == EXIT_OK && interrupted)
        rc = interrupted == SIGTERM ? EXIT_TERMINATED : EXIT_INTERRUPTED;
    else if (rc == EXIT_OK && b.failed > 0)
        rc = EXIT_PARTIAL;
    if (b.spill)
        fclose(b.spill);
    free_rows(&b);
    walk_free(&b.walked);
    jm_market_free(b.market);
    free(b.scope_terms);
    jm_bullets_free(rbullets);
    jm_keywords_free(rkw);
    jm_doc_free(rdoc);
    jm_rules_free(b.rules);
    jm_dict_free(b.dict);
    return rc;
}
