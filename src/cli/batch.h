/*
 * batch.h - what the two halves of `jobmatch batch` share: cmd_batch.c (the
 * workers, the release of results in order) and batch_out.c (the ranked
 * formats: table, csv, json, html).
 */
#ifndef JM_BATCH_H
#define JM_BATCH_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>

#include "cli.h"

struct outcome; /* a posting between a worker and the writer (cmd_batch.c) */

/* What the ranked formats keep of a posting. */
struct row {
    char *path, *title, *company, *location, *url, *gaps, *error, *duplicate_of;
    int score;   /* -1: not scored */
    double rank; /* jm_result_rank_score: the order of the ranked formats */
    /* --assume: the score and rank score as if the resume showed those keywords at work,
     * and the places (1: first) the posting takes in the two rankings */
    int score_if;
    double rank_if;
    size_t place, place_if;
    bool thin;
    size_t keywords, matched, missing;
    uint64_t hash;
    long spill_at; /* json and html: where its part starts in the spill file */
    size_t spill_len;
};

struct batch {
    const struct cli *cli;
    jm_tracker *tracker; /* track: the postings go to it, not to a ranked format */
    char date[16];       /* track: when they were scored */
    int jobs;            /* worker threads */
    jm_dict *dict;
    jm_rules *rules;
    const jm_keywords *resume;
    const jm_bullets *bullets; /* the resume's, judged: the evidence every score credits */
    enum batch_format format;
    /* input: the walked paths, then standard input when '-' was given */
    struct walk_list walked;
    size_t next_path;
    bool read_stdin;
    struct line_reader input; /* standard input's lines */
    size_t taken;             /* postings handed to workers so far */
    bool input_done;
    int input_error;  /* errno of a failed read of standard input, or 0 */
    atomic_bool stop; /* the output cannot be written: take no more postings */
    pthread_mutex_t input_lock;
    /* results */
    pthread_mutex_t lock;
    pthread_cond_t room;  /* the writer took a result: workers may add theirs */
    pthread_cond_t ready; /* a worker added a result, or finished: for the writer */
    struct outcome *pending;
    size_t npending, workers_left;
    /* main thread only */
    size_t written, failed, duplicates;
    size_t left_out;          /* postings out of scope: --min-score, --title, --keyword */
    const char **scope_terms; /* --keyword's names as the dictionary spells them */
    size_t nscope_terms;
    jm_market *market;
    struct seen {
        uint64_t hash;
        char *path;
    } * seen;
    size_t nseen, capseen;
    size_t *seen_slot; /* by hash: index + 1 in seen, 0 for none; at most half full */
    size_t seen_mask;
    struct row *rows;
    size_t nrows, caprows;
    FILE *spill;
    bool unflushed; /* jsonl: lines written to stdout since its last fflush */
    bool write_failed;
    int write_errno; /* why, when known */
    struct timespec start, last_progress;
};

/* cmd_batch.c: scores the postings of cli's paths in `format`; for BATCH_TRACK, into
 * `tracker`. The exit status. */
int batch_main(const struct cli *cli, enum batch_format format, jm_tracker *tracker);

/* batch_out.c */
int market_to(const struct batch *b, FILE *out, jm_report_format format, bool color);
int write_ranked(struct batch *b);
/* --assume: each posting's score and place now and as if, those that move most first. */
int write_what_if(struct batch *b);

#endif
