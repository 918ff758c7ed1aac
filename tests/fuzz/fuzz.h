/*
 * fuzz.h - what the libFuzzer targets of tests/fuzz share: the built-in dictionaries and
 * phrasing rules, loaded once as the CLI loads them; a sink for reports; a scratch file
 * for the readers that take paths; and the options a target reads from its input's last
 * byte (its first bytes are the document's, so the seeds stay plain files).
 *
 * Each target calls the public API (include/jobmatch.h) as src/cli does. A failure status
 * is a normal answer to a hostile input: only what ASan, UBSan, LeakSanitizer or
 * libFuzzer's timeout flag is a finding.
 */
#ifndef JM_FUZZ_H
#define JM_FUZZ_H

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jobmatch.h>

/* The source tree's dictionaries/ (the Makefile passes its absolute path). */
#ifndef FUZZ_DICT_DIR
#define FUZZ_DICT_DIR "dictionaries"
#endif

static jm_dict *fuzz_dict;
static jm_rules *fuzz_rules;

/* Loads the built-in dictionaries and rules once; a target cannot run without them. */
static inline void fuzz_load_builtin(void)
{
    const char *paths[] = {FUZZ_DICT_DIR};
    if (jm_dict_load(paths, 1, &fuzz_dict, NULL) != JM_OK ||
        jm_rules_load(paths, 1, &fuzz_rules, NULL) != JM_OK)
        __builtin_trap(); /* a wrong FUZZ_DICT_DIR, not a finding */
}

/* Receives a report and touches every byte, so that ASan sees a bad length. */
static inline int fuzz_sink(void *ctx, const char *data, size_t len)
{
    unsigned sum = 0;
    for (size_t i = 0; i < len; i++)
        sum += (unsigned char)data[i];
    *(volatile unsigned *)ctx += sum;
    return 0;
}

/* The options byte: the input's last, or 0 for an empty input. */
static inline unsigned fuzz_options(const uint8_t *data, size_t size)
{
    return size > 0 ? data[size - 1] : 0;
}

/* Every getter of a parsed document, read whole (a dangling string shows up here). */
static inline void fuzz_touch_doc(const jm_doc *doc)
{
    volatile size_t n = strlen(jm_doc_name(doc)) + strlen(jm_doc_title(doc)) +
                        strlen(jm_doc_company(doc)) + strlen(jm_doc_location(doc)) +
                        strlen(jm_doc_url(doc));
    volatile uint64_t h = jm_doc_hash(doc);
    (void)n, (void)h;
}

/* Parses `data` as `format` in the role bit 0 of the options chooses (or sniffed, as
 * standard input is, when bit 7 is set: never for a seed ending in ASCII), finds its
 * keywords and reports them (JSON when bit 2 is set), as `jobmatch keywords` does. */
/* A document read: every field touched, its keywords found and reported; then freed. */
static inline void fuzz_use_doc(jm_doc *doc, jm_report_format format)
{
    fuzz_touch_doc(doc);
    jm_keywords *kw = NULL;
    volatile unsigned sum = 0;
    if (jm_keywords_find(fuzz_dict, doc, &kw, NULL) == JM_OK) {
        jm_report_options ro = {.format = format};
        jm_report_keywords(kw, &ro, fuzz_sink, (void *)&sum, NULL);
    }
    jm_keywords_free(kw);
    jm_doc_free(doc);
}

static inline void fuzz_read(const uint8_t *data, size_t size, jm_format format, const char *name)
{
    unsigned opt = fuzz_options(data, size);
    jm_role role = opt & 1 ? JM_ROLE_RESUME : JM_ROLE_POSTING;
    if (opt & 0x80)
        format = JM_FORMAT_AUTO, name = "-";
    jm_doc *doc = NULL;
    if (jm_doc_parse((const char *)data, size, name, role, format, &doc, NULL) == JM_OK)
        fuzz_use_doc(doc, opt & 4 ? JM_REPORT_FORMAT_JSON : JM_REPORT_FORMAT_TEXT);
}

static char *fuzz_scratch_path, *fuzz_scratch_dir;

/* Removes the scratch file and its directory when the fuzzer exits normally. */
static inline void fuzz_scratch_remove(void)
{
    unlink(fuzz_scratch_path);
    rmdir(fuzz_scratch_dir);
}

/* A scratch file named `base` (its extension matters to the loaders) in a fresh directory
 * of $TMPDIR; its path. */
static inline const char *fuzz_scratch(const char *base)
{
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    size_t n = strlen(tmp) + strlen(base) + 32;
    char *dir = malloc(n), *path = malloc(n);
    if (dir == NULL || path == NULL)
        __builtin_trap();
    strcpy(dir, tmp);
    strcat(dir, "/jm-fuzz-XXXXXX");
    if (mkdtemp(dir) == NULL)
        __builtin_trap();
    strcpy(path, dir);
    strcat(path, "/");
    strcat(path, base);
    fuzz_scratch_dir = dir, fuzz_scratch_path = path;
    atexit(fuzz_scratch_remove);
    return path;
}

/* Writes the input to the scratch file, replacing what it held. */
static inline void fuzz_write(const char *path, const uint8_t *data, size_t size)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        __builtin_trap();
    for (size_t off = 0; off < size;) {
        ssize_t w = write(fd, data + off, size - off);
        if (w <= 0)
            __builtin_trap();
        off += (size_t)w;
    }
    close(fd);
}

#endif
