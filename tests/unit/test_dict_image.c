/*
 * Unit tests for src/dict_image.c (jm_dict_load_cached): an image loads the
 * dictionary its files load; it goes stale when a file or the list of paths
 * changes; a damaged, truncated or forged image is never followed: the files
 * are parsed instead and the image rewritten, and a forged image that passes
 * every check still cannot make anything crash (run under ASan by make asan).
 */
#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <time.h>

#include "unit.h"

/* ---- helpers ------------------------------------------------------------- */

/* Sets a file's modification time `ago` seconds back: images are written only for
 * sources that have settled (see jm_dict_load_cached). */
static void set_age(const char *path, long ago)
{
    struct timespec t[2] = {{time(NULL) - ago, 0}, {time(NULL) - ago, 0}};
    assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
}

static void put_file(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

/* dir/name, malloc'd. */
static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    assert_non_null(path);
    snprintf(path, n, "%s/%s", dir, name);
    return path;
}

/* A block of n bytes (checked). */
static char *alloc(size_t n)
{
    char *p = malloc(n);
    assert_non_null(p);
    return p;
}

/* Writes `text` to dir/name, an hour old; returns the path (malloc'd). */
static char *put_dict(const char *dir, const char *name, const char *text)
{
    char *path = join(dir, name);
    put_file(path, text, strlen(text));
    set_age(path, 3600);
    return path;
}

static char *slurp(const char *path, size_t *n)
{
    char *data = NULL;
    jm_error err = {0};
    assert_int_equal(jm_read_input(path, &data, n, &err), JM_OK);
    return data;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    return remove(path);
}

struct tmp {
    char dir[64];
    char *image;
};

static struct tmp *tmp_open(void)
{
    struct tmp *t = calloc(1, sizeof *t);
    assert_non_null(t);
    strcpy(t->dir, "/tmp/jm-image-XXXXXX");
    assert_non_null(mkdtemp(t->dir));
    t->image = join(t->dir, "dict.img");
    return t;
}

static void tmp_close(struct tmp *t)
{
    nftw(t->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(t->image);
    free(t);
}

/* Copies the shipped *.dict files into dir/shipped, an hour old; returns that path. */
static char *copy_shipped(const char *dir)
{
    char *to = join(dir, "shipped");
    assert_int_equal(mkdir(to, 0700), 0);
    char **names;
    size_t n;
    jm_error err = {0};
    assert_int_equal(jm_list_dir("dictionaries", ".dict", JM_ERR_IO, &names, &n, &err), JM_OK);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        char *text = slurp(names[i], &len), *path = join(to, strrchr(names[i], '/') + 1);
        put_file(path, text, len);
        set_age(path, 3600);
        free(text);
        free(path);
    }
    jm_free_names(names, n);
    return to;
}

/* Loads through the image; *from_image says whether the image was used. */
static jm_dict *load(const char *const *paths, size_t n, const char *image, unsigned flags,
                     bool *from_image)
{
    jm_dict *d = NULL;
    jm_error err = {0};
    if (jm_dict_load_cached(paths, n, image, flags, &d, &err) != JM_OK)
        fail_msg("load: %s:%ld: %s", err.where, err.line, err.msg);
    *from_image = d->image != NULL;
    return d;
}

static void assert_same_strings(const char *const *a, const char *const *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        assert_string_equal(a[i], b[i]);
}

static void assert_same_list(const struct jm_list *a, const struct jm_list *b)
{
    assert_int_equal(a->n, b->n);
    if (a->n > 0)
        assert_memory_equal(a->ids, b->ids, a->n * sizeof *a->ids);
}

static void assert_same_pattern(const struct jm_pattern *a, const struct jm_pattern *b)
{
    assert_int_equal(a->source == NULL, b->source == NULL);
    if (a->source != NULL)
        assert_string_equal(a->source, b->source);
    assert_string_equal(a->file, b->file);
    assert_int_equal(a->line, b->line);
}

static void assert_same_term(const struct jm_term *a, const struct jm_term *b)
{
    assert_string_equal(a->name, b->name);
    assert_string_equal(a->category, b->category);
    assert_string_equal(a->file, b->file);
    assert_int_equal(a->line, b->line);
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->plural, b->plural);
    assert_int_equal(a->english_rare, b->english_rare);
    assert_int_equal(a->has_guard, b->has_guard);
    assert_int_equal(a->case_exact, b->case_exact);
    assert_same_pattern(&a->context, &b->context);
    assert_same_pattern(&a->reject, &b->reject);
    assert_same_list(&a->companions, &b->companions);
    assert_same_list(&a->implies, &b->implies);
    assert_int_equal(a->nrelated, b->nrelated);
    assert_same_strings(a->related, b->related, a->nrelated);
    assert_int_equal(a->naliases, b->naliases);
    assert_same_strings(a->aliases, b->aliases, a->naliases);
    assert_int_equal(a->nguarded, b->nguarded);
    assert_same_strings(a->guarded, b->guarded, a->nguarded);
    assert_same_strings(a->companion_names, b->companion_names, a->companions.n);
    assert_same_strings(a->implies_names, b->implies_names, a->implies.n);
}

/* Everything a dictionary holds, and every lookup of every form, are the same. */
static void assert_same_dict(const jm_dict *a, const jm_dict *b)
{
    assert_int_equal(a->nterms, b->nterms);
    for (size_t i = 0; i < a->nterms; i++)
        assert_same_term(&a->terms[i], &b->terms[i]);
    assert_int_equal(a->nforms, b->nforms);
    for (size_t f = 0; f < a->nforms; f++) {
        const struct jm_form *x = &a->forms[f], *y = &b->forms[f];
        assert_int_equal(x->term, y->term);
        assert_int_equal(x->next, y->next);
        assert_int_equal(x->guarded, y->guarded);
        assert_int_equal(x->glued, y->glued);
        assert_string_equal(x->text, y->text);
        assert_int_equal(jm_dict_lookup(a, x->text), jm_dict_lookup(b, x->text));
    }
    assert_int_equal(a->nnodes, b->nnodes);
    assert_memory_equal(a->node_form, b->node_form, a->nnodes * sizeof *a->node_form);
    assert_int_equal(a->edge_mask, b->edge_mask);
    assert_memory_equal(a->edges, b->edges, (a->edge_mask + 1) * sizeof *a->edges);
    assert_memory_equal(a->starts, b->starts, sizeof a->starts);
    for (size_t i = 0; i < a->nterms; i++)
        assert_int_equal(jm_dict_find(b, a->terms[i].name), i);
    assert_int_equal(jm_dict_lookup(b, "no such term"), -1);
}

static int collect(void *ctx, const char *data, size_t len)
{
    jm_buf_put(ctx, data, len);
    return 0;
}

/* The keywords report of `path` with `d`, as `jobmatch keywords --format json` prints it. */
static char *keywords_json(const jm_dict *d, const char *path, jm_role role)
{
    jm_doc *doc = NULL;
    jm_keywords *kw = NULL;
    jm_error err = {0};
    struct jm_buf out = {0};
    jm_report_options opt = {.format = JM_REPORT_FORMAT_JSON};
    assert_int_equal(jm_doc_read(path, role, &doc, &err), JM_OK);
    assert_int_equal(jm_keywords_find(d, doc, &kw, &err), JM_OK);
    assert_int_equal(jm_report_keywords(kw, &opt, collect, &out, &err), JM_OK);
    jm_keywords_free(kw);
    jm_doc_free(doc);
    return out.data;
}

static void diagnostic_line(void *ctx, const jm_diagnostic *d)
{
    jm_buf_printf(ctx, "%s:%ld: %s: %s\n", d->file, d->line, d->error ? "error" : "warning",
                  d->message);
}

#define WORDS "/usr/share/dict/words"

/* What `jobmatch dict check` would print about `d`, checking English words when asked. */
static char *diagnostics(const jm_dict *d, bool english)
{
    struct jm_buf out = {0};
    size_t errors, warnings;
    const char *words = english && access(WORDS, R_OK) == 0 ? WORDS : NULL;
    jm_dict_diagnose(d, words, diagnostic_line, &out, &errors, &warnings);
    jm_buf_printf(&out, "%zu errors, %zu warnings\n", errors, warnings);
    return out.data;
}

static const char *const SAMPLES[] = {"samples/posting-greenhouse.html",
                                      "samples/posting-jsonld.html",
                                      "samples/posting-legacy-cp1252.html", "samples/resume.md"};

/* ---- an image loads the dictionary its files load ----------------------- */

static void round_trip(const char *const *paths, size_t n, const char *image)
{
    jm_dict *parsed = NULL;
    jm_error err = {0};
    bool from_image;
    assert_int_equal(jm_dict_load(paths, n, &parsed, &err), JM_OK);
    jm_dict *cold = load(paths, n, image, 0, &from_image);
    assert_false(from_image); /* none yet: made from the files, and written */
    jm_dict *warm = load(paths, n, image, 0, &from_image);
    assert_true(from_image);
    assert_same_dict(parsed, cold);
    assert_same_dict(parsed, warm);
    for (size_t i = 0; i < sizeof SAMPLES / sizeof *SAMPLES; i++) {
        jm_role role = strstr(SAMPLES[i], "resume") ? JM_ROLE_RESUME : JM_ROLE_POSTING;
        char *a = keywords_json(parsed, SAMPLES[i], role),
             *b = keywords_json(warm, SAMPLES[i], role);
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
    char *a = diagnostics(parsed, true), *b = diagnostics(warm, true);
    assert_string_equal(a, b);
    free(a);
    free(b);
    jm_dict_free(parsed);
    jm_dict_free(cold);
    jm_dict_free(warm);
}

static void test_round_trip_shipped(void **state)
{
    struct tmp *t = tmp_open();
    char *shipped = copy_shipped(t->dir);
    const char *paths[] = {shipped};
    round_trip(paths, 1, t->image);
    free(shipped);
    tmp_close(t);
}

/* A user layer over the shipped one: replaced terms, guards, patterns, implies, related. */
static void test_round_trip_layers(void **state)
{
    struct tmp *t = tmp_open();
    char *shipped = copy_shipped(t->dir);
    char *user = put_dict(t->dir, "user.dict",
                          "[language]\nGo\n    aliases: golang\n    guarded: Go\n    case: exact\n"
                          "    context: \\b(?:rust|python)\\b\n    reject: \\bgo live\\b\n"
                          "    companion: Rust\n    related: systems-languages\n\n"
                          "[framework]\nFrobnicator Pro\n    aliases: frobpro, frob-pro\n"
                          "    implies: Python, Django\n    related: frob-tools\n"
                          "    plural: no\n    english: rare\n");
    const char *paths[] = {shipped, user};
    round_trip(paths, 2, t->image);
    free(shipped);
    free(user);
    tmp_close(t);
}

static void test_null_image_path_parses(void **state)
{
    const char *paths[] = {"dictionaries"};
    bool from_image;
    jm_dict *d = load(paths, 1, NULL, 0, &from_image);
    assert_false(from_image);
    assert_int_not_equal(jm_dict_lookup(d, "golang"), -1);
    jm_dict_free(d);
}

/* ---- an image goes stale ------------------------------------------------- */

static const char SMALL[] = "[language]\nPython\n    aliases: py3\nRust\n";

/* Loads `paths`: expects the files when `fresh`, else the image; returns whether `name`
 * is a term of what was loaded. */
static bool loads(const char *const *paths, size_t n, const char *image, bool fresh,
                  const char *name)
{
    bool from_image;
    jm_dict *d = load(paths, n, image, 0, &from_image);
    assert_int_equal(from_image, !fresh);
    bool has = jm_dict_lookup(d, name) >= 0;
    jm_dict_free(d);
    return has;
}

static void test_changed_file_rebuilds(void **state)
{
    struct tmp *t = tmp_open();
    char *a = put_dict(t->dir, "a.dict", SMALL);
    const char *paths[] = {a};
    assert_true(loads(paths, 1, t->image, true, "Rust"));
    assert_true(loads(paths, 1, t->image, false, "Rust"));
    /* New content of another size. */
    free(put_dict(t->dir, "a.dict", "[language]\nPython\nZig\n"));
    assert_true(loads(paths, 1, t->image, true, "Zig"));
    assert_true(loads(paths, 1, t->image, false, "Zig"));
    /* The same size, another time. */
    put_file(a, "[language]\nPython\nNim\n", strlen("[language]\nPython\nNim\n"));
    set_age(a, 1800);
    assert_true(loads(paths, 1, t->image, true, "Nim"));
    assert_true(loads(paths, 1, t->image, false, "Nim"));
    /* Only touched: the image cannot know, so it is rebuilt. */
    set_age(a, 900);
    assert_true(loads(paths, 1, t->image, true, "Nim"));
    free(a);
    tmp_close(t);
}

static void test_replaced_file_rebuilds(void **state)
{
    struct tmp *t = tmp_open();
    char *a = put_dict(t->dir, "a.dict", "[language]\nPython\nZig\n");
    char *b = put_dict(t->dir, "b.dict", "[language]\nPython\nNim\n");
    struct stat sa;
    assert_int_equal(stat(a, &sa), 0);
    const char *paths[] = {a};
    assert_true(loads(paths, 1, t->image, true, "Zig"));
    assert_true(loads(paths, 1, t->image, false, "Zig"));
    /* Renamed over it: same path, size and time, another inode. */
    struct timespec times[2] = {sa.st_mtim, sa.st_mtim};
    assert_int_equal(utimensat(AT_FDCWD, b, times, 0), 0);
    assert_int_equal(rename(b, a), 0);
    assert_true(loads(paths, 1, t->image, true, "Nim"));
    free(a);
    free(b);
    tmp_close(t);
}

static void test_changed_path_list_rebuilds(void **state)
{
    struct tmp *t = tmp_open();
    char *a = put_dict(t->dir, "a.dict", SMALL);
    char *b = put_dict(t->dir, "b.dict", "[language]\nZig\n");
    const char *one[] = {a}, *two[] = {a, b}, *swapped[] = {b, a};
    assert_false(loads(one, 1, t->image, true, "Zig"));
    assert_false(loads(one, 1, t->image, false, "Zig"));
    assert_true(loads(two, 2, t->image, true, "Zig"));
    assert_true(loads(two, 2, t->image, false, "Zig"));
    assert_true(loads(swapped, 2, t->image, true, "Zig"));
    assert_true(loads(swapped, 2, t->image, false, "Zig"));
    /* A directory stands for its *.dict files: one more is another list. */
    char sub[128];
    snprintf(sub, sizeof sub, "%s/layer", t->dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    free(put_dict(sub, "1.dict", SMALL));
    const char *dir[] = {sub};
    assert_false(loads(dir, 1, t->image, true, "Zig"));
    assert_false(loads(dir, 1, t->image, false, "Zig"));
    free(put_dict(sub, "2.dict", "[language]\nZig\n"));
    assert_true(loads(dir, 1, t->image, true, "Zig"));
    assert_true(loads(dir, 1, t->image, false, "Zig"));
    free(put_dict(sub, "2.rules", "# the rules loader's, not the dictionaries'\n"));
    assert_true(loads(dir, 1, t->image, false, "Zig"));
    free(a);
    free(b);
    tmp_close(t);
}

static void test_unsettled_file_is_not_cached(void **state)
{
    struct tmp *t = tmp_open();
    char *a = put_dict(t->dir, "a.dict", SMALL);
    set_age(a, 0);
    const char *paths[] = {a};
    assert_true(loads(paths, 1, t->image, true, "Rust"));
    assert_int_equal(access(t->image, F_OK), -1);
    assert_true(loads(paths, 1, t->image, true, "Rust"));
    set_age(a, 60);
    assert_true(loads(paths, 1, t->image, true, "Rust"));
    assert_true(loads(paths, 1, t->image, false, "Rust"));
    free(a);
    tmp_close(t);
}

/* ---- a damaged image is never used ----------------------------------------- */

/* Writes `n` bytes of `data` as the image, then loads: the files must be parsed, and the
 * image rewritten as it was. */
static void damaged_loads_files(const char *const *paths, const char *image, const char *data,
                                size_t n, const char *good, size_t good_len)
{
    put_file(image, data, n);
    bool from_image;
    jm_dict *d = load(paths, 1, image, 0, &from_image);
    if (from_image)
        fail_msg("a damaged image of %zu bytes was used", n);
    assert_int_not_equal(jm_dict_lookup(d, "py3"), -1);
    jm_dict_free(d);
    size_t len;
    char *now = slurp(image, &len);
    assert_int_equal(len, good_len);
    assert_memory_equal(now, good, len);
    free(now);
}

static void test_damaged_images_are_rebuilt(void **state)
{
    struct tmp *t = tmp_open();
    char *a = put_dict(t->dir, "a.dict", SMALL);
    const char *paths[] = {a};
    assert_true(loads(paths, 1, t->image, true, "Rust"));
    size_t n;
    char *good = slurp(t->image, &n), *bad = alloc(n + 1);
    /* Empty, and truncated anywhere: in the header, in a section, by one byte. */
    size_t cuts[] = {0, 1, 8, 40, 87, 88, n / 2, n - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++)
        damaged_loads_files(paths, t->image, good, cuts[i], good, n);
    /* One byte more. */
    memcpy(bad, good, n);
    bad[n] = '\0';
    damaged_loads_files(paths, t->image, bad, n + 1, good, n);
    /* A bit flipped anywhere (not resealed: the checksum or the header catches it). */
    for (size_t i = 0; i < n; i += 1 + i / 16) {
        memcpy(bad, good, n);
        bad[i] ^= (char)(1 << (i % 8));
        damaged_loads_files(paths, t->image, bad, n, good, n);
    }
    /* Garbage of the same size, with and without the right header. */
    srand(7);
    for (size_t i = 0; i < n; i++)
        bad[i] = (char)rand();
    damaged_loads_files(paths, t->image, bad, n, good, n);
    memcpy(bad, good, 88);
    damaged_loads_files(paths, t->image, bad, n, good, n);
    jm_dict_image_seal(bad, n);
    damaged_loads_files(paths, t->image, bad, n, good, n);
    /* Another byte order (its mark swapped), sealed so that only the header tells. */
    memcpy(bad, good, n);
    for (int k = 0; k < 2; k++) {
        char c = bad[12 + k];
        bad[12 + k] = bad[15 - k];
        bad[15 - k] = c;
    }
    jm_dict_image_seal(bad, n);
    damaged_loads_files(paths, t->image, bad, n, good, n);
    /* Another word size. */
    memcpy(bad, good, n);
    bad[16] = 4;
    jm_dict_image_seal(bad, n);
    damaged_loads_files(paths, t->image, bad, n, good, n);
    free(good);
    free(bad);
    free(a);
    tmp_close(t);
}

/* Uses a dictionary every way the program does. */
static void exercise(const jm_dict *d)
{
    jm_doc *doc = parse_doc("Skills: Go, Rust, golang, Python 3, py3, frob-pro, Kafka, SQL.\n\n"
                            "We go live with FrobPro and pgsql on Postgres.\n",
                            "forged.txt", JM_ROLE_POSTING);
    jm_keywords *kw = NULL;
    jm_error err = {0};
    if (jm_keywords_find(d, doc, &kw, &err) == JM_OK) {
        struct jm_buf out = {0};
        jm_report_options opt = {.format = JM_REPORT_FORMAT_JSON};
        jm_report_keywords(kw, &opt, collect, &out, &err);
        jm_buf_free(&out);
        jm_keywords_free(kw);
    }
    jm_doc_free(doc);
    for (size_t i = 0; i < jm_dict_size(d); i++) {
        jm_term_info info;
        assert_true(jm_dict_term(d, i, &info));
        jm_dict_lookup(d, info.name);
    }
    free(diagnostics(d, false));
}

static const char FEATURES[] =
    "[language]\nGo\n    aliases: golang\n    guarded: Go\n    case: exact\n"
    "    context: \\b(?:rust|python)\\b\n    reject: \\bgo live\\b\n    companion: Rust\n"
    "    related: systems\nRust\n    related: systems\nPython\n    aliases: py3, python 3\n"
    "    english: rare\nSQL\n\n[database]\nPostgreSQL\n    aliases: postgres, pgsql\n"
    "    implies: SQL\n\n[framework]\nFrob Pro\n    aliases: frob-pro\n    implies: Python, Go\n"
    "    plural: no\n";

/*
 * Every single-bit change of an image, sealed again as a forger would: the checks behind the
 * checksum reject it, or what they let through still loads a dictionary that every use
 * survives (an image from a hostile hand may say anything, but must break nothing).
 */
static void test_forged_images_are_checked(void **state)
{
    struct tmp *t = tmp_open();
    char *a = put_dict(t->dir, "a.dict", FEATURES);
    const char *paths[] = {a};
    bool from_image;
    jm_dict_free(load(paths, 1, t->image, 0, &from_image));
    size_t n, rejected = 0, used = 0;
    char *good = slurp(t->image, &n), *bad = alloc(n);
    for (size_t i = 88; i < n; i++) {
        memcpy(bad, good, n);
        bad[i] ^= (char)(1 << (i * 5 % 8));
        jm_dict_image_seal(bad, n);
        put_file(t->image, bad, n);
        jm_dict *d = load(paths, 1, t->image, 0, &from_image);
        exercise(d);
        jm_dict_free(d);
        *(from_image ? &used : &rejected) += 1;
    }
    /* Counts, offsets, ids and flags are checked; the bytes of strings cannot be. */
    assert_true(rejected > n / 4);
    assert_true(used > 0);
    free(good);
    free(bad);
    free(a);
    tmp_close(t);
}

/* ---- no cache, no error ------------------------------------------------------ */

static void test_unusable_image_path_still_loads(void **state)
{
    struct tmp *t = tmp_open();
    char *a = put_dict(t->dir, "a.dict", SMALL);
    const char *paths[] = {a};
    char missing[128];
    snprintf(missing, sizeof missing, "%s/no/such/dir/dict.img", t->dir);
    assert_true(loads(paths, 1, missing, true, "Rust"));
    assert_true(loads(paths, 1, missing, true, "Rust"));
    /* What is no image is never replaced by one: a directory, a FIFO, a link. */
    assert_true(loads(paths, 1, t->dir, true, "Rust"));
    char fifo[128], link[128];
    snprintf(fifo, sizeof fifo, "%s/fifo.img", t->dir);
    snprintf(link, sizeof link, "%s/link.img", t->dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(symlink(a, link), 0);
    assert_true(loads(paths, 1, fifo, true, "Rust"));
    assert_true(loads(paths, 1, link, true, "Rust"));
    struct stat sb;
    assert_int_equal(lstat(fifo, &sb), 0);
    assert_true(S_ISFIFO(sb.st_mode));
    assert_int_equal(lstat(link, &sb), 0);
    assert_true(S_ISLNK(sb.st_mode));
    assert_true(loads(paths, 1, t->dir, true, "Rust"));
    free(a);
    tmp_close(t);
}

static void test_load_errors_are_the_files(void **state)
{
    struct tmp *t = tmp_open();
    char *a = put_dict(t->dir, "a.dict", "[language]\nPython\n    colour: blue\n");
    const char *paths[] = {a}, *missing[] = {"/no/such.dict"};
    jm_dict *d = NULL;
    jm_error err = {0};
    assert_int_equal(jm_dict_load_cached(paths, 1, t->image, 0, &d, &err), JM_ERR_DICT);
    assert_null(d);
    assert_int_equal(err.line, 3);
    assert_string_equal(err.where, a);
    assert_int_equal(jm_dict_load_cached(missing, 1, t->image, 0, &d, &err), JM_ERR_DICT);
    assert_non_null(strstr(err.msg, "cannot open"));
    assert_int_equal(access(t->image, F_OK), -1);
    free(a);
    tmp_close(t);
}

/* JM_DICT_FLAG_CHECK_PATTERNS: a bad pattern fails the load; an image records the check. */
static void test_checked_patterns(void **state)
{
    struct tmp *t = tmp_open();
    char *bad = put_dict(t->dir, "bad.dict",
                         "[language]\nGo\n    guarded: Go\n"
                         "    context: (unclosed\n");
    const char *bad_paths[] = {bad};
    jm_dict *d = NULL;
    jm_error err = {0};
    assert_int_equal(
        jm_dict_load_cached(bad_paths, 1, t->image, JM_DICT_FLAG_CHECK_PATTERNS, &d, &err),
        JM_ERR_DICT);
    assert_null(d);
    assert_int_equal(err.line, 4);
    assert_int_equal(access(t->image, F_OK), -1);
    assert_int_equal(jm_dict_load_cached(bad_paths, 1, NULL, JM_DICT_FLAG_CHECK_PATTERNS, &d, &err),
                     JM_ERR_DICT);

    char *a = put_dict(t->dir, "a.dict", FEATURES);
    const char *paths[] = {a};
    bool from_image;
    jm_dict_free(load(paths, 1, t->image, 0, &from_image));
    jm_dict_free(load(paths, 1, t->image, 0, &from_image));
    assert_true(from_image);
    /* Written without the check: a checked load makes it again, checked. */
    jm_dict_free(load(paths, 1, t->image, JM_DICT_FLAG_CHECK_PATTERNS, &from_image));
    assert_false(from_image);
    jm_dict_free(load(paths, 1, t->image, JM_DICT_FLAG_CHECK_PATTERNS, &from_image));
    assert_true(from_image);
    jm_dict_free(load(paths, 1, t->image, 0, &from_image));
    assert_true(from_image);
    free(a);
    free(bad);
    tmp_close(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip_shipped),
        cmocka_unit_test(test_round_trip_layers),
        cmocka_unit_test(test_null_image_path_parses),
        cmocka_unit_test(test_changed_file_rebuilds),
        cmocka_unit_test(test_replaced_file_rebuilds),
        cmocka_unit_test(test_changed_path_list_rebuilds),
        cmocka_unit_test(test_unsettled_file_is_not_cached),
        cmocka_unit_test(test_damaged_images_are_rebuilt),
        cmocka_unit_test(test_forged_images_are_checked),
        cmocka_unit_test(test_unusable_image_path_still_loads),
        cmocka_unit_test(test_load_errors_are_the_files),
        cmocka_unit_test(test_checked_patterns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
