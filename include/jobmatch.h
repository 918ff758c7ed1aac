/*
 * jobmatch.h - the whole public API of libjobmatch.
 *
 * libjobmatch reads a resume and a job posting (HTML, Markdown, plain text or
 * JSON), finds the technology keywords of a dictionary in both, and scores how
 * well the resume covers what the posting asks for, keeping the reason for
 * every point. It also judges the phrasing of a resume's bullets, suggests how
 * to tailor a resume to a posting, and sums up what many postings ask for.
 *
 * The simplest complete program: two paths in, the score and the text report
 * out. tests/example.sh compiles and runs the lines between the two markers,
 * as they are, against the built library.
 *
 * ---- example.c ----
 *     #include <stdio.h>
 *
 *     #include <jobmatch.h>
 *
 *     static int write_file(void *ctx, const char *data, size_t len)
 *     {
 *         return fwrite(data, 1, len, ctx) == len && fflush(ctx) == 0 ? 0 : -1;
 *     }
 *
 *     int main(int argc, char **argv)
 *     {
 *         if (argc != 4) {
 *             fprintf(stderr, "usage: %s RESUME POSTING DICTIONARY-DIR\n", argv[0]);
 *             return 2;
 *         }
 *         const char *dict_paths[] = {argv[3]};
 *         jm_dict *dict = NULL;
 *         jm_rules *rules = NULL;
 *         jm_doc *resume = NULL, *posting = NULL;
 *         jm_keywords *has = NULL, *wants = NULL;
 *         jm_bullets *bullets = NULL;
 *         jm_result *res = NULL;
 *         jm_error err = {0};
 *
 *         // Each step runs only when every step before it succeeded.
 *         jm_status st = jm_dict_load(dict_paths, 1, &dict, &err);
 *         if (st == JM_OK) // the phrasing rules judge the bullets: the score credits them
 *             st = jm_rules_load(dict_paths, 1, &rules, &err);
 *         if (st == JM_OK)
 *             st = jm_doc_read(argv[1], JM_ROLE_RESUME, &resume, &err);
 *         if (st == JM_OK)
 *             st = jm_doc_read(argv[2], JM_ROLE_POSTING, &posting, &err);
 *         if (st == JM_OK)
 *             st = jm_keywords_find(dict, resume, &has, &err);
 *         if (st == JM_OK)
 *             st = jm_keywords_find(dict, posting, &wants, &err);
 *         if (st == JM_OK)
 *             st = jm_bullets_analyze(rules, resume, &bullets, &err);
 *         if (st == JM_OK)
 *             st = jm_match_evidence(has, wants, bullets, &res, &err);
 *         if (st == JM_OK) {
 *             printf("score: %d\n", jm_result_score(res));
 *             // NULL options: the text report, no colour.
 *             st = jm_report_match(res, NULL, write_file, stdout, &err);
 *         }
 *         if (st != JM_OK)
 *             fprintf(stderr, "%s: %s\n", err.where[0] ? err.where : argv[0], err.msg);
 *
 *         // Free in the reverse order of creation; every _free accepts NULL.
 *         jm_result_free(res);
 *         jm_bullets_free(bullets);
 *         jm_keywords_free(wants);
 *         jm_keywords_free(has);
 *         jm_doc_free(posting);
 *         jm_doc_free(resume);
 *         jm_rules_free(rules);
 *         jm_dict_free(dict);
 *         return st == JM_OK ? 0 : 1;
 *     }
 * ---- end of example.c ----
 *
 * Build it with `cc example.c $(pkg-config --cflags --libs --static jobmatch)`
 * and run it as `./a.out resume.md job.html DIR`, DIR being the dictionaries/
 * directory of the source tree or $(PREFIX)/share/jobmatch/dictionaries once
 * installed. To judge the resume's bullets too, load DIR's phrasing rules with
 * jm_rules_load, analyze the resume with jm_bullets_analyze and pass the
 * result in jm_report_options.bullets.
 *
 * Ownership. An object returned through an `out` parameter belongs to the
 * caller, who frees it with the matching _free function; every _free accepts
 * NULL, and on failure `*out` is set to NULL. Some objects borrow others,
 * which must outlive them: a jm_keywords borrows its jm_dict and jm_doc, a
 * jm_result its two jm_keywords, a jm_bullets its jm_rules and jm_doc, a
 * jm_tailoring its jm_result and jm_bullets. Free in the reverse order of
 * creation. Every pointer a function returns (a string, a jm_keyword, ...) is
 * borrowed from the object it came from and valid until that object is freed;
 * never free it. A getter taking an index returns NULL when the index is out
 * of range. Beyond the borrowing above, the library keeps no pointer to what
 * you pass in: buffers, paths and strings are copied.
 *
 * Errors. The library never prints and never exits. Every call that can fail
 * returns a jm_status, JM_OK (0) on success, and on failure fills the
 * jm_error passed last (file, line, one-line message), which may be NULL.
 *
 * Options. A pointer to an options struct (jm_report_options,
 * jm_tailor_options) may be NULL: it means the defaults, the same as a zeroed
 * struct (text, no colour, no bullets; today's date).
 *
 * Names. Every name declared here starts with jm_ or JM_. An enum value is
 * JM_<TYPE>_<VALUE>, TYPE being its type's name without jm_ (a jm_coverage is
 * JM_COVERAGE_MATCHED, _IMPLIED or _MISSING), except jm_status's JM_OK and
 * JM_ERR_*, short as error codes usually are (curl's CURLE_*). Names replaced
 * in this release still work until the next one (see the end of this file);
 * define JM_NO_DEPRECATED before including this header to make sure you use
 * none.
 *
 * Threads. Any function may run in any thread, on objects no other thread is
 * changing. A loaded jm_dict or jm_rules is read-only and may be shared by any
 * number of threads, and so may a jm_keywords once built (jm_match only reads
 * it). Every other object belongs to one thread at a time.
 */
#ifndef JOBMATCH_H
#define JOBMATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Marks the functions the library exports (it is built with -fvisibility=hidden). */
#define JM_EXPORT __attribute__((visibility("default")))

/* The library version; jm_version() returns the one linked in. */
#define JM_VERSION "0.1.0"
/* The version of the JSON reports' shape; bumped on any incompatible change. */
#define JM_SCHEMA_VERSION 1

/* ---- Errors ------------------------------------------------------------ */

/* What a fallible call returns: JM_OK, or why it failed. */
typedef enum jm_status {
    JM_OK = 0,
    JM_ERR_NOMEM,   /* out of memory */
    JM_ERR_IO,      /* the input cannot be read (missing, directory, permission) */
    JM_ERR_EMPTY,   /* the input has no text */
    JM_ERR_BINARY,  /* the input is binary (PDF, image, archive, NUL bytes) */
    JM_ERR_TOO_BIG, /* the input exceeds its limit (jm_limits.input) */
    JM_ERR_UTF8,    /* text that is not valid UTF-8 and declares no charset */
    JM_ERR_FORMAT,  /* a format jobmatch cannot read (e.g. JSON of unknown shape) */
    JM_ERR_DICT,    /* a dictionary or rules file is malformed */
    JM_ERR_ARG,     /* an invalid argument was passed to the library */
    JM_ERR_WRITE,   /* a report's write callback failed */
    JM_STATUS_COUNT
} jm_status;

/* The largest input accepted by default, in bytes (jm_limits.input). */
#define JM_MAX_INPUT (32u * 1024u * 1024u)

/* The details of a failure, filled by the call that failed. */
typedef struct jm_error {
    jm_status code;
    char where[512]; /* the file (or "<stdin>"); "" when no file is involved */
    long line;       /* 1-based; 0 when unknown */
    char msg[256];   /* one line, no newline */
} jm_error;

/* A static, one-line description of a status code. */
JM_EXPORT const char *jm_strerror(jm_status code);
/* The version of the library linked in, JM_VERSION when it matches this header. */
JM_EXPORT const char *jm_version(void);
/* A copy of `s` (a file name, a message) safe to print on a terminal and to put in JSON:
 * each byte of invalid UTF-8 and each control character (C0, DEL, C1; tab and newline
 * too) becomes U+FFFD. Document text needs no such care: the readers remove control
 * characters. malloc'd (free it); NULL when out of memory. */
JM_EXPORT char *jm_printable(const char *s);

/* ---- Limits ------------------------------------------------------------ */

/*
 * How much jobmatch reads and tries at most, so that hostile input costs bounded time and
 * memory (README "Limits and errors"). Process-wide: set them before reading anything,
 * never while another thread calls the library. In jm_limits_set, a field of 0 keeps
 * its current value.
 */
typedef struct jm_limits {
    size_t input;                /* bytes of a file, of standard input, of a DOCX or ODT once
                                    unpacked: JM_MAX_INPUT (32 MB), at most 1 GB */
    size_t html_depth;           /* HTML element nesting tracked; deeper elements keep their
                                    text: 512, at most 65,536 */
    size_t line;                 /* bytes of a bullet or posting line judged for phrasing and
                                    knock-out requirements (keywords use all): 4,096 */
    unsigned long pattern_steps; /* PCRE2 match steps per try of a dictionary term's
                                    pattern: 100,000 */
    unsigned long rule_steps;    /* PCRE2 match steps per call of a .rules pattern:
                                    10,000,000 */
    size_t dict_nodes;           /* trie nodes of the dictionaries: 16,777,216, the most */
} jm_limits;

/* The limits jobmatch starts with. */
JM_EXPORT jm_limits jm_limits_default(void);
/* The limits in force. */
JM_EXPORT jm_limits jm_limits_get(void);
/* Sets the non-zero fields of `limits`; JM_ERR_ARG, naming the field, and nothing changed
 * when one is out of its range. */
JM_EXPORT jm_status jm_limits_set(const jm_limits *limits, jm_error *err);

/* ---- Dictionaries ------------------------------------------------------ */

/* The terms to look for: names, aliases, guards and relations. Read-only once loaded. */
typedef struct jm_dict jm_dict;

/*
 * Loads dictionaries from `paths`, each a *.dict file or a directory whose
 * *.dict files are read in name order. Each path is a layer: a term defined
 * again in a later layer replaces the earlier definition; defining a term
 * twice within one layer is an error (JM_ERR_DICT, with file and line). See
 * dictionaries/README.md for the file format.
 */
JM_EXPORT jm_status jm_dict_load(const char *const *paths, size_t npaths, jm_dict **out,
                                 jm_error *err);
JM_EXPORT void jm_dict_free(jm_dict *dict);

/* Flags of jm_dict_load_cached. */
typedef enum jm_dict_flag {
    /* Also compile every guard pattern and fail, as jm_dict_compile_patterns does, when one
     * does not compile. An image records that they all compiled: loading it skips that. */
    JM_DICT_FLAG_CHECK_PATTERNS = 1
} jm_dict_flag;

/*
 * jm_dict_load through a compiled image of the dictionary, kept in the file `image_path`:
 * a single run then loads thousands of terms in a fraction of the time parsing takes.
 * The image is used when it is current: written by this version of the library (with the
 * same PCRE2 and utf8proc) from the same `paths`, each file they stand for unchanged in
 * path, size, modification time, inode and device. Otherwise the files are loaded as
 * jm_dict_load loads them and the image is (re)written, atomically: a temporary file in
 * its directory is renamed over it. An image that is missing, unreadable, damaged,
 * truncated or made on another kind of machine is never used and never an error, nor is
 * an image that cannot be written: the files are loaded instead, and errors are those of
 * jm_dict_load. A file changed within the last two seconds is not cached yet: a second
 * change within the same tick of its clock would leave its timestamp as it was. `flags`
 * is 0 or JM_DICT_FLAG_CHECK_PATTERNS. A NULL `image_path` loads the files without an
 * image (with the flag, jm_dict_load then jm_dict_compile_patterns). The library never
 * chooses where images live: the caller does (jobmatch keeps them in
 * $XDG_CACHE_HOME/jobmatch).
 */
JM_EXPORT jm_status jm_dict_load_cached(const char *const *paths, size_t npaths,
                                        const char *image_path, unsigned flags, jm_dict **out,
                                        jm_error *err);
/*
 * Compiles every guard pattern and reports the first that does not compile
 * (JM_ERR_DICT). Loading does not: a pattern is compiled when first needed (a
 * bad one then fails jm_keywords_find with JM_ERR_DICT), which keeps a run
 * fast. Call it after loading a dictionary you did not write. Safe to call
 * while other threads use the dictionary.
 */
JM_EXPORT jm_status jm_dict_compile_patterns(const jm_dict *dict, jm_error *err);
/* The number of canonical terms. */
JM_EXPORT size_t jm_dict_size(const jm_dict *dict);

/* One term of a dictionary, as written in its file. Its pointers are borrowed
 * from the jm_dict. */
typedef struct jm_term_info {
    const char *name, *category;
    const char *file; /* where it is defined */
    long line;
    const char *const *aliases;
    size_t naliases;
    bool has_guard, case_exact;
    const char *const *guarded; /* forms the guard applies to; none listed: all */
    size_t nguarded;
    const char *context, *reject; /* PCRE2 sources, or NULL */
    const char *const *companions;
    size_t ncompanions;
    const char *const *implies; /* direct */
    size_t nimplies;
    const char *const *related; /* group names */
    size_t nrelated;
} jm_term_info;

/* Fills `out` for term `i` (0 <= i < jm_dict_size); false when out of range. */
JM_EXPORT bool jm_dict_term(const jm_dict *dict, size_t i, jm_term_info *out);
/* The index of the term with this canonical name or alias (any case), or -1. */
JM_EXPORT long jm_dict_lookup(const jm_dict *dict, const char *name_or_alias);

/* A problem found by jm_dict_diagnose. Borrowed for the duration of the callback. */
typedef struct jm_diagnostic {
    bool error; /* false: a warning */
    const char *file;
    long line;
    const char *message;
} jm_diagnostic;

/* Receives each problem jm_dict_diagnose finds, with the `ctx` given to it. */
typedef void (*jm_diagnostic_fn)(void *ctx, const jm_diagnostic *d);

/*
 * Runs the quality checks `jobmatch dict check` prints, beyond what loading
 * enforces: every pattern compiles and cannot backtrack catastrophically
 * (errors), `implies` has no cycle (an error), no alias swallows another term
 * it does not imply, no unguarded form is a common English word of `wordlist`
 * (one word per line, e.g. /usr/share/dict/words; NULL or an unreadable file
 * skips this check) and no `related` group has a single member (warnings).
 * Calls `report` for each problem, and sets *errors and *warnings to their
 * counts (`report`, `errors` and `warnings` must not be NULL). Returns
 * JM_ERR_DICT when there is an error, else JM_OK.
 */
JM_EXPORT jm_status jm_dict_diagnose(const jm_dict *dict, const char *wordlist,
                                     jm_diagnostic_fn report, void *ctx, size_t *errors,
                                     size_t *warnings);

/* ---- Documents --------------------------------------------------------- */

/* A resume or a posting, parsed into blocks of text with their sections. */
typedef struct jm_doc jm_doc;

/* What a document is; a posting's sections decide how much it cares about a keyword. */
typedef enum jm_role { JM_ROLE_POSTING, JM_ROLE_RESUME } jm_role;

/* The format of an input. */
typedef enum jm_format {
    JM_FORMAT_AUTO, /* decide from the name's extension and the content */
    JM_FORMAT_HTML,
    JM_FORMAT_MARKDOWN,
    JM_FORMAT_TEXT,
    JM_FORMAT_JSON, /* JSON Resume, or a schema.org JobPosting */
    JM_FORMAT_DOCX, /* Word; its blocks are numbered by paragraph, not by line */
    JM_FORMAT_ODT,  /* OpenDocument text (LibreOffice); numbered by paragraph */
    JM_FORMAT_PDF   /* read through poppler's pdftotext; numbered by paragraph */
} jm_format;

/*
 * Parses `len` bytes as a document. `name` is used in messages and, with
 * JM_FORMAT_AUTO, to guess the format from its extension ("-" or NULL:
 * "<stdin>"). Any declared charset is converted to UTF-8. The bytes are
 * copied; `buf` is not kept.
 */
JM_EXPORT jm_status jm_doc_parse(const char *buf, size_t len, const char *name, jm_role role,
                                 jm_format format, jm_doc **out, jm_error *err);
/* Reads and parses a file, guessing its format (JM_FORMAT_AUTO); "-" reads
 * standard input. */
JM_EXPORT jm_status jm_doc_read(const char *path, jm_role role, jm_doc **out, jm_error *err);
JM_EXPORT void jm_doc_free(jm_doc *doc);

/* The name it was read under ("<stdin>" for standard input). */
JM_EXPORT const char *jm_doc_name(const jm_doc *doc);
/* Metadata found in the document (title, company, location); "" when unknown. */
JM_EXPORT const char *jm_doc_title(const jm_doc *doc);
JM_EXPORT const char *jm_doc_company(const jm_doc *doc);
JM_EXPORT const char *jm_doc_location(const jm_doc *doc);
/* Where the posting lives, as the document says (a page's canonical link or og:url, a JSON
 * posting's "url", front matter's url); "" when it does not. */
JM_EXPORT const char *jm_doc_url(const jm_doc *doc);
/* The format it was read as. */
JM_EXPORT jm_format jm_doc_format(const jm_doc *doc);
/* A hash of the normalized text: the same posting saved twice hashes the same. */
JM_EXPORT uint64_t jm_doc_hash(const jm_doc *doc);
/* Problems that did not stop parsing (unknown charset, broken JSON-LD), one line each. */
JM_EXPORT size_t jm_doc_warning_count(const jm_doc *doc);
JM_EXPORT const char *jm_doc_warning(const jm_doc *doc, size_t i);

/* ---- Keywords found in one document ------------------------------------ */

/* How much a posting cares about a keyword, from where it stands; in increasing order. */
typedef enum jm_importance {
    JM_IMPORTANCE_BOILERPLATE, /* only in about-us, benefits, EEO text */
    JM_IMPORTANCE_MENTIONED,
    JM_IMPORTANCE_PREFERRED,      /* nice to have, bonus, preferred */
    JM_IMPORTANCE_RESPONSIBILITY, /* what you will do */
    JM_IMPORTANCE_REQUIRED,       /* requirements, qualifications, must have */
    JM_IMPORTANCE_TITLE,          /* the posting's title */
    JM_IMPORTANCE_COUNT
} jm_importance;

/* "boilerplate", "mentioned", "preferred", "responsibility", "required", "title". */
JM_EXPORT const char *jm_importance_name(jm_importance imp);

/*
 * What kind of keyword a term is, from its category: named practices and
 * methods (category "practice": "database design", CI/CD, TDD) weigh a little
 * less than tools and languages; soft skills ("soft-skill") and certifications
 * ("certification") are reported apart from the technical keywords and weigh
 * less still, as applicant tracking systems do. Values may be added.
 */
typedef enum jm_kind {
    JM_KIND_SKILL,
    JM_KIND_SOFT_SKILL,
    JM_KIND_CERTIFICATION,
    JM_KIND_PRACTICE,
} jm_kind;

/* "skill", "soft-skill", "certification", "practice". */
JM_EXPORT const char *jm_kind_name(jm_kind kind);
/* Skills and practices: what a posting's technical requirements are made of. */
JM_EXPORT bool jm_kind_is_technical(jm_kind kind);

/* A keyword found in a document. Borrowed from its jm_keywords. */
typedef struct jm_keyword {
    const char *name; /* canonical name */
    const char *category;
    jm_kind kind;
    jm_importance importance; /* highest over its occurrences */
    unsigned count;           /* occurrences */
    const char *const *forms; /* distinct surface forms, as written */
    size_t nforms;
    long line;         /* source line of its most important occurrence */
    const char *quote; /* the text of that block, one line */
} jm_keyword;

/* The keywords of one document. Borrows its jm_dict and jm_doc. */
typedef struct jm_keywords jm_keywords;

/* Finds the dictionary's keywords in `doc`. */
JM_EXPORT jm_status jm_keywords_find(const jm_dict *dict, const jm_doc *doc, jm_keywords **out,
                                     jm_error *err);
JM_EXPORT void jm_keywords_free(jm_keywords *kw);
/* The keywords, most important first. */
JM_EXPORT size_t jm_keywords_count(const jm_keywords *kw);
JM_EXPORT const jm_keyword *jm_keywords_get(const jm_keywords *kw, size_t i);
/* The document they were found in. */
JM_EXPORT const jm_doc *jm_keywords_doc(const jm_keywords *kw);

/* ---- Matching a resume against a posting ------------------------------- */

/* How a resume covers a posting keyword. */
typedef enum jm_coverage {
    JM_COVERAGE_MATCHED,     /* the resume names the keyword */
    JM_COVERAGE_IMPLIED,     /* the resume names a term that implies it (PostgreSQL -> SQL) */
    JM_COVERAGE_MISSING,     /* a gap */
    JM_COVERAGE_ALTERNATIVE, /* one of a requirement's choices ("Go or Java") that another
                                member meets, or stands for when none does: no gap, no weight */
    JM_COVERAGE_IGNORED      /* a gap the person said to ignore (jm_declared): no weight */
} jm_coverage;

/* "matched", "implied", "missing", "alternative", "ignored". */
JM_EXPORT const char *jm_coverage_name(jm_coverage c);

/* Where the resume shows a keyword, weakest first: the score credits a keyword by its
 * strongest evidence (README, "How the score works"), so that a skills list alone earns less
 * than work shown in a role's bullets. */
typedef enum jm_evidence {
    JM_EVIDENCE_NONE,     /* not shown: a gap, or an alternative */
    JM_EVIDENCE_DECLARED, /* not in the resume: the person says they have it (jm_declared) */
    JM_EVIDENCE_SKILLS,   /* only in a skills list */
    JM_EVIDENCE_MENTION,  /* named elsewhere, not in a bullet: a summary, a headline, education */
    JM_EVIDENCE_TASK,     /* in a bullet of a role or project phrased as a task */
    JM_EVIDENCE_PARTIAL,  /* ... phrased as a partial result */
    JM_EVIDENCE_RESULT,   /* ... phrased as a result */
    JM_EVIDENCE_COUNT
} jm_evidence;

/* "none", "declared", "skills", "mentioned", "task", "partial", "result". */
JM_EXPORT const char *jm_evidence_name(jm_evidence e);

/* One posting keyword and what it is worth. Borrowed from its jm_result. */
typedef struct jm_match_item {
    const jm_keyword *posting; /* the keyword as found in the posting */
    const jm_keyword *resume;  /* as found in the resume; NULL unless MATCHED (and NULL for a
                                  keyword matched only by a jm_declared list) */
    jm_coverage coverage;
    const char *implied_by; /* canonical name of the resume term; IMPLIED only */
    double weight;          /* importance weight x repetition factor */
    double points;          /* score points earned (matched, implied) or
                               lost (missing) */
    /* Its requirement group, when the posting offers choices ("Go or Java", "e.g. React or
     * Vue"): the other members, any of which meets the requirement (at most 8 named), and for
     * an ALTERNATIVE the member that meets or stands for the group. See README, "How the
     * score works". */
    const char *const *alternatives;
    size_t nalternatives;
    const char *alternative_to;
    /* MATCHED: the resume keyword's strongest evidence; IMPLIED: its implier's; else NONE.
     * The resume line that shows it, or 0. */
    jm_evidence evidence;
    long evidence_line;
} jm_match_item;

/* A resume matched against a posting. Borrows its two jm_keywords. */
typedef struct jm_result jm_result;

typedef struct jm_bullets jm_bullets;

/* Matches the keywords of a resume against those of a posting, found with the same jm_dict
 * (else JM_ERR_ARG), crediting each by its evidence among `bullets`, the resume's judged
 * bullets (jm_bullets_analyze of the document `resume` was found in). With bullets NULL, the
 * lines of roles and projects count as task bullets. */
JM_EXPORT jm_status jm_match_evidence(const jm_keywords *resume, const jm_keywords *posting,
                                      const jm_bullets *bullets, jm_result **out, jm_error *err);
/* What a person says of their skills beyond what the resume shows: dictionary terms, each
 * by its canonical name or an alias (jm_dict_lookup), in the dictionary of the keywords. */
typedef struct jm_declared {
    /* "I have this": a posting keyword among them (or implied by one) the resume does not show
     * is matched, with evidence JM_EVIDENCE_DECLARED, which earns what a skills list does. */
    const char *const *have;
    size_t nhave;
    /* Never a gap: a posting keyword among them the resume does not cover is IGNORED, and
     * weighs nothing in the score. */
    const char *const *ignore;
    size_t nignore;
    /* What if: as if a result bullet of a role showed them (evidence JM_EVIDENCE_RESULT). */
    const char *const *assume;
    size_t nassume;
} jm_declared;

/* jm_match_evidence, with what the person declares (NULL: nothing). A name the dictionary
 * does not know fails with JM_ERR_ARG, naming it. */
JM_EXPORT jm_status jm_match_declared(const jm_keywords *resume, const jm_keywords *posting,
                                      const jm_bullets *bullets, const jm_declared *declared,
                                      jm_result **out, jm_error *err);
/* jm_match_evidence(resume, posting, NULL, out, err). */
JM_EXPORT jm_status jm_match(const jm_keywords *resume, const jm_keywords *posting, jm_result **out,
                             jm_error *err);
JM_EXPORT void jm_result_free(jm_result *res);
/* 0-100: covered weight / total weight, see README "How the score works". */
JM_EXPORT int jm_result_score(const jm_result *res);
/* One item per posting keyword, except those named only in the company blurb or the
 * benefits (importance "boilerplate": not asked for): technical keywords first, then soft skills
 * and certifications; within each, matched, implied, missing, then alternatives, each by weight. */
JM_EXPORT size_t jm_result_count(const jm_result *res);
JM_EXPORT const jm_match_item *jm_result_get(const jm_result *res, size_t i);
/* The share (0-100) of the score's points earned by keywords shown in the bullets of roles
 * and projects, rather than only listed; 0 when the score is 0. */
JM_EXPORT double jm_result_shown_at_work(const jm_result *res);
/* The sum of every item's weight, and the part of it the resume covers (an implied
 * keyword counts half, each credited by its evidence). */
JM_EXPORT double jm_result_total_weight(const jm_result *res);
JM_EXPORT double jm_result_covered_weight(const jm_result *res);
/* The two keyword sets the result was computed from. */
JM_EXPORT const jm_keywords *jm_result_resume(const jm_result *res);
JM_EXPORT const jm_keywords *jm_result_posting(const jm_result *res);
/* The heaviest technical gaps (skills and practices, not soft skills), at most `max`, into
 * out[]: what a ranked list shows ("Kafka; Amazon EKS; Amazon RDS"). Their number. */
JM_EXPORT size_t jm_result_top_gaps(const jm_result *res, const jm_match_item **out, size_t max);
/* True when the posting names too few keywords for a confident score. */
JM_EXPORT bool jm_result_is_thin(const jm_result *res);
/* The score adjusted for how much it rests on, to rank postings by: covered weight over
 * total weight plus 6.0 (as if the posting also asked for three required keywords it did
 * not name), 0-100. A posting scoring 100 on three keywords ranks at 50. */
JM_EXPORT double jm_result_rank_score(const jm_result *res);

/* ---- Phrasing of resume bullets ---------------------------------------- */

/*
 * Phrasing rules: the word lists of dictionaries/phrasing.rules (and of any
 * other .rules file), compiled. Read-only once loaded, like a jm_dict.
 */
typedef struct jm_rules jm_rules;
/* Loads rules from `paths`, each a *.rules file or a directory whose *.rules
 * files are read in name order; later files add entries to the same classes. */
JM_EXPORT jm_status jm_rules_load(const char *const *paths, size_t npaths, jm_rules **out,
                                  jm_error *err);
JM_EXPORT void jm_rules_free(jm_rules *rules);

/* How a bullet is phrased: see README "How bullets are judged". */
typedef enum jm_phrasing {
    JM_PHRASING_TASK,    /* no outcome stated as having happened */
    JM_PHRASING_PARTIAL, /* an outcome, not measured */
    JM_PHRASING_RESULT   /* an outcome with a measure tied to it */
} jm_phrasing;
/* "task", "partial", "result". */
JM_EXPORT const char *jm_phrasing_name(jm_phrasing p);

/* A position held or a project, as its heading and the line under it give it:
 * "Senior Engineer — Dell Technologies" over "2019 – Present". Borrowed from its jm_bullets. */
typedef struct jm_position {
    const char *heading;  /* the heading or line as written */
    const char *title;    /* "Senior Engineer"; "" when not told */
    const char *employer; /* "Dell Technologies", or the project's name; "" when not told */
    const char *dates;    /* "2019 – Present"; "" when not told */
    long line;            /* of the heading; 0 when unknown */
} jm_position;

/* One bullet of a resume. Borrowed from its jm_bullets. */
typedef struct jm_bullet {
    const char *text;
    long line;
    const char *section;         /* the job or project heading above it; "" */
    const jm_position *position; /* the job or project it belongs to; NULL when none */
    jm_phrasing phrasing;
    const char *const *reasons; /* the rules that decided: "weak-opener:responsible for",
                                   "outcome:reduced", "metric:%", "no-outcome" */
    size_t nreasons;
    const char *hint;         /* how to make it a result; "" for a result */
    const char *const *flags; /* what reviewers flag: "repeated-verb:built",
                                 "too-long", "too-short", "first-person:I",
                                 "present-tense-in-past-role" */
    size_t nflags;
} jm_bullet;

/* The judged bullets of one resume (declared above). Borrows its jm_rules and jm_doc. */
/*
 * Finds the bullets of a resume (list items outside contact, skills and
 * education; the sentences of paragraphs under experience and projects) and
 * judges each.
 */
JM_EXPORT jm_status jm_bullets_analyze(const jm_rules *rules, const jm_doc *resume,
                                       jm_bullets **out, jm_error *err);
JM_EXPORT void jm_bullets_free(jm_bullets *bullets);
/* The bullets, in document order. */
JM_EXPORT size_t jm_bullets_count(const jm_bullets *bullets);
JM_EXPORT const jm_bullet *jm_bullets_get(const jm_bullets *bullets, size_t i);
/* How many bullets have phrasing `p`. */
JM_EXPORT size_t jm_bullets_tally(const jm_bullets *bullets, jm_phrasing p);

/* ---- The market view over many postings -------------------------------- */

/*
 * What the targeted postings ask for that the resume lacks: each keyword's
 * share of postings asking for it and requiring it, ranked by the weight the
 * postings give it; and the resume's keywords no posting asks for. Feed it
 * the match results of one resume, or the JSON lines of jm_report_posting (to
 * merge the output of several runs); it keeps copies, so each result may be
 * freed once added. Report it with jm_report_market.
 */
typedef struct jm_market jm_market;
/* An empty market view. */
JM_EXPORT jm_status jm_market_new(jm_market **out, jm_error *err);
JM_EXPORT void jm_market_free(jm_market *market);
/* Adds one scored posting. */
JM_EXPORT jm_status jm_market_add(jm_market *market, const jm_result *res, jm_error *err);
/* Counts a posting that was not scored: a duplicate of another, or one that failed. */
JM_EXPORT void jm_market_skip(jm_market *market, bool duplicate);
/* Adds one JSON line of jm_report_posting (a failed or duplicate one is counted as such). */
JM_EXPORT jm_status jm_market_add_json(jm_market *market, const char *json, size_t len,
                                       jm_error *err);

/* ---- Tailoring a resume to a posting ----------------------------------- */

/* What a suggestion is about; suggestions come in this order, heaviest first within (the
 * knock-out requirements in the posting's order). */
typedef enum jm_suggestion_kind {
    JM_SUGGESTION_KIND_REQUIREMENT, /* a knock-out line (years, degree, clearance, visa, …) */
    JM_SUGGESTION_KIND_TITLE,       /* the resume's headline and the posting's title differ */
    JM_SUGGESTION_KIND_SPELLING,    /* the resume names the term otherwise: use the
                                       posting's form */
    JM_SUGGESTION_KIND_EXPLICIT,    /* the resume implies the term (PostgreSQL -> SQL):
                                       name it */
    JM_SUGGESTION_KIND_GAP,         /* missing: "if you have used it", with related evidence */
    JM_SUGGESTION_KIND_DEMONSTRATE, /* matched only in a skills list: show it in a result
                                       bullet */
    JM_SUGGESTION_KIND_REWRITE      /* a task or partial bullet that names posting keywords */
} jm_suggestion_kind;
/* "requirement", "title", "spelling", "make-explicit", "gap", "demonstrate", "rewrite". */
JM_EXPORT const char *jm_suggestion_kind_name(jm_suggestion_kind kind);

/* What the resume shows against a knock-out requirement. */
typedef enum jm_verdict {
    JM_VERDICT_NONE,      /* no verdict: the resume cannot tell, or it is yours to check */
    JM_VERDICT_MEETS,     /* enough years in the roles that show the skill */
    JM_VERDICT_SHORT,     /* fewer years than asked */
    JM_VERDICT_NOT_STATED /* the resume does not say: no dates, no degree, ... */
} jm_verdict;
/* "none", "meets", "short", "not_stated". */
JM_EXPORT const char *jm_verdict_name(jm_verdict verdict);

/* One suggestion. Borrowed from its jm_tailoring. */
typedef struct jm_suggestion {
    jm_suggestion_kind kind;
    const char *keyword; /* the posting keyword it is about, or NULL */
    /* When the advice is the same for several keywords ("add each to your skills …"), all of
     * them, heaviest first (keyword is the first); else NULL and 0. */
    const char *const *keywords;
    size_t nkeywords;
    double weight; /* what it would gain in the score: its keywords' weight */
    const char *message;
    long resume_line, posting_line; /* 0 when none applies */
    /* A knock-out requirement's (JM_SUGGESTION_KIND_REQUIREMENT); NULL, JM_VERDICT_NONE, -1
     * and false in the others. */
    const char *label;               /* "experience", "degree", "language", ... */
    jm_verdict verdict;              /* what the resume shows against it */
    int years_required, years_shown; /* experience: the years asked and shown, or -1 */
    bool preferred;                  /* the posting prefers it, rather than requires it */
} jm_suggestion;

/* Options of jm_tailor; NULL or zeroed: the defaults. */
typedef struct jm_tailor_options {
    int today_year, today_month; /* what "present" in the resume's dates means; 0: today */
} jm_tailor_options;

/* The suggestions for one match. Borrows its jm_result and jm_bullets. */
typedef struct jm_tailoring jm_tailoring;
/*
 * Suggests how to tailor the resume of `res` to its posting. `bullets`
 * (jm_bullets_analyze of the same resume, or NULL) grounds the suggestions
 * in the resume's bullets, and its rules find the posting's knock-out lines.
 */
JM_EXPORT jm_status jm_tailor(const jm_result *res, const jm_bullets *bullets,
                              const jm_tailor_options *opt, jm_tailoring **out, jm_error *err);
JM_EXPORT void jm_tailoring_free(jm_tailoring *t);
/* The suggestions, in the order of jm_suggestion_kind. */
JM_EXPORT size_t jm_tailoring_count(const jm_tailoring *t);
JM_EXPORT const jm_suggestion *jm_tailoring_get(const jm_tailoring *t, size_t i);

/* ---- Reports ----------------------------------------------------------- */

/*
 * A report renders an object above for people (text, optionally coloured),
 * for programs (JSON: one object on one line, with "schema_version" =
 * JM_SCHEMA_VERSION except in jm_report_change's) or for notes (Markdown).
 * It is built whole, then handed to `write` in one call with `ctx`; when
 * `write` returns non-zero the report fails with JM_ERR_WRITE. Every report
 * accepts text and JSON; jm_report_tailoring and jm_report_change accept
 * Markdown too, and the others write text when asked for Markdown. jm_report_match and
 * jm_report_tailoring accept HTML too: one self-contained page (its stylesheet inline,
 * allowed by a Content-Security-Policy that fetches nothing), every text from the documents
 * escaped; the others fail with JM_ERR_ARG when asked for HTML.
 * jm_report_posting always writes one JSON line and takes no options.
 * `opt` may be NULL: text, no colour, no bullets.
 */

/* Receives a report; returns 0 on success, non-zero on failure. */
typedef int (*jm_write_fn)(void *ctx, const char *data, size_t len);

/* The format of a report. */
typedef enum jm_report_format {
    JM_REPORT_FORMAT_TEXT,
    JM_REPORT_FORMAT_JSON,
    JM_REPORT_FORMAT_MARKDOWN, /* jm_report_tailoring and jm_report_change; others: text */
    JM_REPORT_FORMAT_HTML      /* jm_report_match and jm_report_tailoring */
} jm_report_format;

/* Options of the reports; NULL or zeroed: the defaults. */
typedef struct jm_report_options {
    jm_report_format format;
    bool color; /* ANSI colour in the text format */
    /* jm_report_match only: the resume's bullets, judged (jm_bullets_analyze), to
     * report with the posting keywords each carries; NULL leaves them out. */
    const struct jm_bullets *bullets;
    /* jm_report_match in HTML only: the tailoring of the same result (jm_tailor), whose
     * knock-out requirements are marked on their posting lines with their verdicts; NULL
     * leaves them out. */
    const struct jm_tailoring *tailoring;
    /* jm_report_tailoring: at most this many suggestions, those that would gain the most
     * (the knock-out requirements are always listed); jm_report_match: at most this many gaps
     * and bullets to rewrite. 0: all. */
    size_t top;
} jm_report_options;

/* A match: the score and each posting keyword, covered or missing, with why. */
JM_EXPORT jm_status jm_report_match(const jm_result *res, const jm_report_options *opt,
                                    jm_write_fn write, void *ctx, jm_error *err);
/* The keywords of one document, as `jobmatch keywords` prints them. */
JM_EXPORT jm_status jm_report_keywords(const jm_keywords *kw, const jm_report_options *opt,
                                       jm_write_fn write, void *ctx, jm_error *err);
/* The bullet analysis alone, as `jobmatch lint` prints it. */
JM_EXPORT jm_status jm_report_bullets(const jm_bullets *bullets, const jm_report_options *opt,
                                      jm_write_fn write, void *ctx, jm_error *err);
/*
 * One posting of a batch as one JSON line: "path", "error" (a message, or null),
 * "duplicate_of" (the path of an earlier posting with the same text, or null), then,
 * when `res` is not NULL, the fields of jm_report_match's JSON. `path`, `error` and
 * `duplicate_of` may be NULL.
 */
JM_EXPORT jm_status jm_report_posting(const jm_result *res, const char *path, const char *error,
                                      const char *duplicate_of, jm_write_fn write, void *ctx,
                                      jm_error *err);
/*
 * A batch as one HTML page: jm_report_batch_open, then jm_report_batch_row for each posting
 * in the order to show (best first), then jm_report_batch_close with the market view. Each
 * call writes its part of the page. The table sorts and filters with a small inline script
 * and reads without it; each row folds in its posting's report (score, gaps with their
 * lines, matched keywords). `resume` names the resume file; a row's `res` is NULL for a
 * posting that failed (`error` says why); `path`, `error` and `duplicate_of` may be NULL.
 */
JM_EXPORT jm_status jm_report_batch_open(const char *resume, jm_write_fn write, void *ctx,
                                         jm_error *err);
JM_EXPORT jm_status jm_report_batch_row(const jm_result *res, const char *path, const char *error,
                                        const char *duplicate_of, jm_write_fn write, void *ctx,
                                        jm_error *err);
JM_EXPORT jm_status jm_report_batch_close(const jm_market *market, jm_write_fn write, void *ctx,
                                          jm_error *err);
/* The market view, as `jobmatch summarize` prints it. */
JM_EXPORT jm_status jm_report_market(const jm_market *market, const jm_report_options *opt,
                                     jm_write_fn write, void *ctx, jm_error *err);
/* The suggestions, grouped by kind, as `jobmatch tailor` prints them. */
JM_EXPORT jm_status jm_report_tailoring(const jm_tailoring *t, const jm_report_options *opt,
                                        jm_write_fn write, void *ctx, jm_error *err);
/*
 * How a posting's match changed between two versions of a resume (`before` and `after`
 * share the posting): the two scores, the gaps the new version closed and those it
 * opened. In JSON, one object {"posting", "title", "before", "after", "closed",
 * "opened"} per call.
 */
JM_EXPORT jm_status jm_report_change(const jm_result *before, const jm_result *after,
                                     const jm_report_options *opt, jm_write_fn write, void *ctx,
                                     jm_error *err);

/* ---- The application pipeline: a tracker spreadsheet ------------------- */

/*
 * A CSV file a person keeps their applications in, which jobmatch keeps scored (jobmatch
 * track): one row per posting, found again by its key (jm_doc_url, else the content hash).
 * jobmatch writes only its own columns (title, company, location, score, change, top_gaps,
 * knockouts, thin, keywords, shown_at_work, url, path, resume, resume_hash, scored_on,
 * found, key: README "The application pipeline"); every other column and cell is written
 * back as read, in its order, with the file's separator (',' or ';'), line ends and BOM.
 */
typedef struct jm_tracker jm_tracker;
typedef struct jm_tracker_counts {
    size_t added, updated; /* postings new to the file, and those it had */
    size_t duplicates;     /* a posting met again in the same run: its first path stays */
    size_t not_found;      /* rows whose posting this run did not meet: kept, found = "no" */
} jm_tracker_counts;
/* Reads a tracker's bytes (any of UTF-8 with or without BOM, UTF-16, windows-1252; CRLF or
 * LF; ',' or ';'); an empty buffer starts a new one. JM_ERR_FORMAT naming the line when it
 * is not CSV, or two rows have one key: such a file must not be written over. */
JM_EXPORT jm_status jm_tracker_parse(const char *buf, size_t len, const char *name,
                                     jm_tracker **out, jm_error *err);
JM_EXPORT void jm_tracker_free(jm_tracker *t);
/* Adds the posting of `res`, or re-scores its row; `knockouts` (jm_tailor of `res`, or
 * NULL) gives the knock-out verdicts; `path` is shown as given; `date` ("2026-12-07") is
 * when it was scored. */
JM_EXPORT jm_status jm_tracker_update(jm_tracker *t, const jm_result *res,
                                      const jm_tailoring *knockouts, const char *path,
                                      const char *date, jm_error *err);
/* What the updates so far did. */
JM_EXPORT jm_tracker_counts jm_tracker_tally(const jm_tracker *t);
/* The file, whole, in one call of `write`: rows not updated are marked found = "no"; `bom`
 * adds a UTF-8 BOM (Excel on Windows reads UTF-8 by it), kept anyway when the file had one. */
JM_EXPORT jm_status jm_tracker_write(jm_tracker *t, bool bom, jm_write_fn write, void *ctx,
                                     jm_error *err);

/* ---- Deprecated names, removed in the next release ---------------------- */

/* Define JM_NO_DEPRECATED to hide them. */
#ifndef JM_NO_DEPRECATED
/* The enum values' names before every value took its type's name as prefix. */
#define JM_IMP_BOILERPLATE JM_IMPORTANCE_BOILERPLATE
#define JM_IMP_MENTIONED JM_IMPORTANCE_MENTIONED
#define JM_IMP_PREFERRED JM_IMPORTANCE_PREFERRED
#define JM_IMP_RESPONSIBILITY JM_IMPORTANCE_RESPONSIBILITY
#define JM_IMP_REQUIRED JM_IMPORTANCE_REQUIRED
#define JM_IMP_TITLE JM_IMPORTANCE_TITLE
#define JM_IMP_COUNT JM_IMPORTANCE_COUNT
#define JM_MATCHED JM_COVERAGE_MATCHED
#define JM_IMPLIED JM_COVERAGE_IMPLIED
#define JM_MISSING JM_COVERAGE_MISSING
#define JM_TASK JM_PHRASING_TASK
#define JM_PARTIAL JM_PHRASING_PARTIAL
#define JM_RESULT JM_PHRASING_RESULT
#define JM_SUGGEST_REQUIREMENT JM_SUGGESTION_KIND_REQUIREMENT
#define JM_SUGGEST_TITLE JM_SUGGESTION_KIND_TITLE
#define JM_SUGGEST_SPELLING JM_SUGGESTION_KIND_SPELLING
#define JM_SUGGEST_EXPLICIT JM_SUGGESTION_KIND_EXPLICIT
#define JM_SUGGEST_GAP JM_SUGGESTION_KIND_GAP
#define JM_SUGGEST_DEMONSTRATE JM_SUGGESTION_KIND_DEMONSTRATE
#define JM_SUGGEST_REWRITE JM_SUGGESTION_KIND_REWRITE
#define JM_REPORT_TEXT JM_REPORT_FORMAT_TEXT
#define JM_REPORT_JSON JM_REPORT_FORMAT_JSON
#define JM_REPORT_MARKDOWN JM_REPORT_FORMAT_MARKDOWN

/* jm_dict_check did not say it only compiles the patterns, nor jm_dict_lint
 * that it runs every quality check. */
__attribute__((deprecated("use jm_dict_compile_patterns"))) static inline jm_status
jm_dict_check(const jm_dict *dict, jm_error *err)
{
    return jm_dict_compile_patterns(dict, err);
}
__attribute__((deprecated("use jm_dict_diagnose"))) static inline jm_status
jm_dict_lint(const jm_dict *dict, const char *wordlist, jm_diagnostic_fn report, void *ctx,
             size_t *errors, size_t *warnings)
{
    return jm_dict_diagnose(dict, wordlist, report, ctx, errors, warnings);
}
#endif /* JM_NO_DEPRECATED */

#ifdef __cplusplus
}
#endif

#endif
