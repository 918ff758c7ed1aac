/*
 * dict_image.c - a loaded dictionary saved as a compiled image and loaded
 * back without parsing: jm_dict_load_cached.
 *
 * Loading parses every file, normalizes every form and builds the trie:
 * most of a single run once users add thousands of terms. The image is the
 * result of that work. Its trie (edge table and node_form), names table and
 * id lists are used where they lie in the block read from the file; terms
 * and forms, which hold pointers, are made from fixed-width records whose
 * strings are offsets into one pool. PCRE2 patterns stay sources, compiled
 * when first needed as ever.
 *
 *   header       magic, format version, byte order, word sizes, file size,
 *                checksum, flags, and the element count of each section
 *   fingerprint  the inputs: versions, and each source file's path, size,
 *                mtime, inode and device in load order
 *   strings      NUL-terminated
 *   terms, ids, refs, forms, node_form, edges, names, starts
 *
 * Sections follow the header in that order, each padded with zeros to 8
 * bytes, so that their offsets follow from the counts (image_layout) and are
 * never read from the file. An image is trusted for nothing: a fingerprint
 * unlike the current one, a wrong checksum, and any count, offset, id or flag
 * out of bounds rejects it, and the sources are parsed instead. Loading checks
 * each element once, in O(size), and does no parsing or normalizing. The file
 * is read(), not mapped: what was checked must stay what is used, and a
 * mapping would show whatever another process wrote into the file later.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <errno.h>
#include <fcntl.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utf8proc.h>

#include "base.h"
#include "dict.h"
#include "dict_parse.h"

/* Bumped on any change of the layout or of what a section means. */
enum { IMAGE_VERSION = 2 }; /* 2: no closures */
static const char IMAGE_MAGIC[8] = {'j', 'm', 'd', 'i', 'c', 't', '\x1a', '\n'};
#define BYTE_ORDER_MARK 0x01020304u
/* Hundreds of times the image of a large set (4.5 MB for 10,000 terms); a larger one is
 * neither written nor read. */
#define IMAGE_MAX ((size_t)1 << 30)
#define NO_STRING UINT32_MAX
/* A source changed this recently may change again within its clock's tick, its timestamp
 * unchanged: it is not cached until it has settled. */
enum { SETTLE_SECONDS = 2 };

enum section {
    S_FINGERPRINT,
    S_STRINGS,
    S_TERMS,
    S_IDS,  /* companions and implies of each term in turn (term ids) */
    S_REFS, /* related, aliases, guarded, companion and implies names of each term (strings) */
    S_FORMS,
    S_NODE_FORM,
    S_EDGES,
    S_NAMES, /* the slots of the names table */
    S_STARTS,
    NSECTIONS
};

struct image_head {
    char magic[8];
    uint32_t version;
    uint32_t byte_order;       /* BYTE_ORDER_MARK as the writer stored it */
    uint8_t word[8];           /* sizeof (void *), (size_t), (long); then zeros */
    uint64_t size;             /* of the whole file */
    uint64_t checksum;         /* image_checksum: of the rest of the header and each section */
    uint32_t flags;            /* the jm_dict_flag bits that held when it was written */
    uint32_t count[NSECTIONS]; /* elements of each section */
    uint32_t zero;
};

struct image_term {
    uint32_t name, category, file, context, reject; /* NO_STRING: no pattern */
    uint32_t line, context_line, reject_line;
    /* The lengths of the term's lists, which follow those of the term before in S_IDS
     * and S_REFS. */
    uint32_t ncompanions, nimplies, nrelated, naliases, nguarded;
    uint8_t plural, english_rare, has_guard, case_exact;
};

struct image_form {
    uint32_t term, next, text;
    uint8_t guarded, glued, zero[2];
};

_Static_assert(sizeof(struct image_head) == 88, "the header has no padding");
_Static_assert(sizeof(struct image_term) == 56, "a term record has no padding");
_Static_assert(sizeof(struct image_form) == 16, "a form record has no padding");
_Static_assert(sizeof(struct jm_edge) == 8, "edges are stored as they are");

static const size_t elem_size[NSECTIONS] = {
    [S_FINGERPRINT] = 1, [S_STRINGS] = 1, [S_TERMS] = sizeof(struct image_term),
    [S_IDS] = 4,         [S_REFS] = 4,    [S_FORMS] = sizeof(struct image_form),
    [S_NODE_FORM] = 4,   [S_EDGES] = 8,   [S_NAMES] = 4,
    [S_STARTS] = 1,
};

/* Where each section starts, by its counts; the file's size in *size. */
static void image_layout(const uint32_t count[NSECTIONS], size_t off[NSECTIONS], uint64_t *size)
{
    uint64_t at = sizeof(struct image_head);
    for (int s = 0; s < NSECTIONS; s++) {
        off[s] = (size_t)at; /* counts are 32-bit and elements small: no overflow */
        at += ((uint64_t)count[s] * elem_size[s] + 7) & ~(uint64_t)7;
    }
    *size = at;
}

static inline uint64_t rotl(uint64_t x, int r)
{
    return x << r | x >> (64 - r);
}

/* A 64-bit checksum: four multiply-rotate lanes over 8-byte words (xxHash's round), fast
 * enough to check megabytes on every load. It catches damage, not forgery: the bounds
 * checks make a forged image harmless. */
static uint64_t checksum(const unsigned char *p, size_t n)
{
    const uint64_t p1 = 0x9E3779B185EBCA87u, p2 = 0xC2B2AE3D27D4EB4Fu;
    uint64_t lane[4] = {p1 + p2, p2, 0, -p1};
    size_t i = 0;
    for (; n - i >= 32; i += 32) {
        for (int k = 0; k < 4; k++) {
            uint64_t w;
            memcpy(&w, p + i + 8 * k, 8);
            lane[k] = rotl(lane[k] + w * p2, 31) * p1;
        }
    }
    uint64_t h = n;
    for (int k = 0; k < 4; k++)
        h = (h ^ lane[k]) * p1 + rotl(h, 27);
    for (; i < n; i++)
        h = (h ^ p[i]) * JM_FNV_PRIME;
    return h ^ h >> 29;
}

/* Where the header's checksummed part starts: right after the checksum's own field. */
static const size_t CHECKED_FROM = offsetof(struct image_head, checksum) + sizeof(uint64_t);

/* The checksum of an image: of its header after the checksum field, then of each section
 * (its padding is checked to be zero instead). Section by section, so that the writer
 * sums each where it lies, the large ones in the dictionary itself, without assembling
 * the file in memory. */
static uint64_t image_checksum(const struct image_head *h, const void *const sec[NSECTIONS])
{
    uint64_t sum = checksum((const unsigned char *)h + CHECKED_FROM, sizeof *h - CHECKED_FROM);
    for (int s = 0; s < NSECTIONS; s++)
        sum = rotl(sum, 23) * 0x9E3779B185EBCA87u ^
              checksum(sec[s], (size_t)h->count[s] * elem_size[s]);
    return sum;
}

/* The sections of a whole image in memory, when its counts fill exactly `size` bytes. */
static bool image_sections(const char *img, size_t size, const void *sec[NSECTIONS])
{
    const struct image_head *h = (const struct image_head *)img;
    size_t off[NSECTIONS];
    uint64_t total;
    image_layout(h->count, off, &total);
    for (int s = 0; s < NSECTIONS; s++)
        sec[s] = img + off[s];
    return total == size;
}

void jm_dict_image_seal(char *image, size_t size)
{
    const void *sec[NSECTIONS];
    if (size >= sizeof(struct image_head) && image_sections(image, size, sec)) {
        uint64_t sum = image_checksum((const struct image_head *)image, sec);
        memcpy(image + offsetof(struct image_head, checksum), &sum, sizeof sum);
    }
}

/* ---- the fingerprint of the inputs -------------------------------------- */

/* What identifies a source file's content without reading it. */
struct file_id {
    uint64_t size, ino, dev;
    int64_t mtime_sec, mtime_nsec;
};

/* One path: a layer mark, then each file it stands for (jm_dict_layer_files) with its
 * identity. *settled turns false for a file changed in the last SETTLE_SECONDS. */
static bool fingerprint_path(struct jm_buf *fp, const char *path, time_t now, bool *settled)
{
    char **files;
    size_t n;
    if (jm_dict_layer_files(path, &files, &n, NULL) != JM_OK)
        return false;
    jm_buf_putc(fp, 'L');
    jm_buf_put(fp, path, strlen(path) + 1);
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        struct stat sb;
        if (!(ok = stat(files[i], &sb) == 0))
            break;
        struct file_id id = {(uint64_t)sb.st_size, (uint64_t)sb.st_ino, (uint64_t)sb.st_dev,
                             sb.st_mtim.tv_sec, sb.st_mtim.tv_nsec};
        jm_buf_putc(fp, 'F');
        jm_buf_put(fp, files[i], strlen(files[i]) + 1);
        jm_buf_put(fp, (const char *)&id, sizeof id);
        *settled &= sb.st_mtim.tv_sec < now - SETTLE_SECONDS;
    }
    jm_free_names(files, n);
    return ok;
}

/* The inputs of a load of `paths`: the versions of what builds the image, then every source
 * file in load order. False when a path cannot be listed (loading it will say why). */
static bool fingerprint(const char *const *paths, size_t npaths, struct jm_buf *fp, bool *settled)
{
    char pcre[64] = "";
    pcre2_config(PCRE2_CONFIG_VERSION, pcre);
    jm_buf_printf(fp, "jobmatch %s, image %d, PCRE2 %s, utf8proc %s", jm_version(), IMAGE_VERSION,
                  pcre, utf8proc_version());
    jm_buf_putc(fp, '\0');
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    *settled = true;
    bool ok = true;
    for (size_t i = 0; i < npaths && ok; i++)
        ok = fingerprint_path(fp, paths[i], now.tv_sec, settled);
    return ok && !fp->failed && fp->len <= UINT32_MAX;
}

/* ---- writing ------------------------------------------------------------ */

/*
 * An image to write: its header, and each section where it lies. The trie, the names'
 * slots and the fingerprint are written from where they are; terms, forms, the lists
 * and the strings are made here. Strings are stored once each where the dictionary shares
 * them: a run of terms shares its file and category, and each form's text is its term's
 * name or one of its aliases.
 */
struct image_out {
    struct image_head head;
    const void *sec[NSECTIONS];
    struct jm_buf strings;
    struct image_term *terms;
    struct image_form *forms;
    uint32_t *ids, *refs;
    uint32_t *alias_at; /* where each term's aliases are in refs */
    uint8_t starts[256];
};

static uint32_t add_string(struct jm_buf *b, const char *s)
{
    if (s == NULL)
        return NO_STRING;
    uint32_t off = (uint32_t)b->len;
    jm_buf_put(b, s, strlen(s) + 1);
    b->failed |= b->len >= NO_STRING;
    return off;
}

/* `s`, stored once for a run of equal pointers. */
static uint32_t add_shared(struct jm_buf *b, const char *s, const char **last, uint32_t *off)
{
    if (s != *last) {
        *last = s;
        *off = add_string(b, s);
    }
    return *off;
}

static uint32_t *put_ids(uint32_t *at, const struct jm_list *list)
{
    if (list->n > 0)
        memcpy(at, list->ids, list->n * sizeof *at);
    return at + list->n;
}

static uint32_t *put_strings(struct jm_buf *b, uint32_t *at, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        *at++ = add_string(b, list[i]);
    return at;
}

/* Allocates the term records and lists of `d`; false when out of memory or too large. */
static bool alloc_terms(struct image_out *o, const jm_dict *d)
{
    uint64_t ids = 0, refs = 0;
    for (size_t i = 0; i < d->nterms; i++) {
        const struct jm_term *t = &d->terms[i];
        ids += t->companions.n + t->implies.n;
        refs += t->nrelated + t->naliases + t->nguarded + t->companions.n + t->implies.n;
    }
    if (ids > UINT32_MAX || refs > UINT32_MAX)
        return false;
    o->head.count[S_TERMS] = (uint32_t)d->nterms;
    o->head.count[S_IDS] = (uint32_t)ids;
    o->head.count[S_REFS] = (uint32_t)refs;
    o->terms = malloc((d->nterms ? d->nterms : 1) * sizeof *o->terms);
    o->alias_at = malloc((d->nterms ? d->nterms : 1) * sizeof *o->alias_at);
    o->ids = malloc((ids ? ids : 1) * sizeof *o->ids);
    o->refs = malloc((refs ? refs : 1) * sizeof *o->refs);
    return o->terms && o->alias_at && o->ids && o->refs;
}

static bool put_terms(struct image_out *o, const jm_dict *d)
{
    if (!alloc_terms(o, d))
        return false;
    uint32_t *ids = o->ids, *refs = o->refs, file_off = 0, category_off = 0;
    const char *file = NULL, *category = NULL;
    for (size_t i = 0; i < d->nterms; i++) {
        const struct jm_term *t = &d->terms[i];
        o->terms[i] = (struct image_term){
            .name = add_string(&o->strings, t->name),
            .category = add_shared(&o->strings, t->category, &category, &category_off),
            .file = add_shared(&o->strings, t->file, &file, &file_off),
            .context = add_string(&o->strings, t->context.source),
            .reject = add_string(&o->strings, t->reject.source),
            .line = (uint32_t)t->line, /* lines of files under 1 GB (jm_limits) */
            .context_line = (uint32_t)t->context.line,
            .reject_line = (uint32_t)t->reject.line,
            .ncompanions = (uint32_t)t->companions.n,
            .nimplies = (uint32_t)t->implies.n,
            .nrelated = (uint32_t)t->nrelated,
            .naliases = (uint32_t)t->naliases,
            .nguarded = (uint32_t)t->nguarded,
            .plural = t->plural,
            .english_rare = t->english_rare,
            .has_guard = t->has_guard,
            .case_exact = t->case_exact,
        };
        ids = put_ids(put_ids(ids, &t->companions), &t->implies);
        refs = put_strings(&o->strings, refs, t->related, t->nrelated);
        o->alias_at[i] = (uint32_t)(refs - o->refs);
        refs = put_strings(&o->strings, refs, t->aliases, t->naliases);
        refs = put_strings(&o->strings, refs, t->guarded, t->nguarded);
        refs = put_strings(&o->strings, refs, t->companion_names, t->companions.n);
        refs = put_strings(&o->strings, refs, t->implies_names, t->implies.n);
    }
    return true;
}

/* Where the text of form `f` is stored: as its term's name or alias, else anew. */
static uint32_t form_text(struct image_out *o, const jm_dict *d, const struct jm_form *f)
{
    const struct jm_term *t = &d->terms[f->term];
    if (f->text == t->name)
        return o->terms[f->term].name;
    for (size_t i = 0; i < t->naliases; i++)
        if (f->text == t->aliases[i])
            return o->refs[o->alias_at[f->term] + i];
    return add_string(&o->strings, f->text);
}

static bool put_forms(struct image_out *o, const jm_dict *d)
{
    if ((o->forms = malloc((d->nforms ? d->nforms : 1) * sizeof *o->forms)) == NULL)
        return false;
    for (size_t f = 0; f < d->nforms; f++) {
        const struct jm_form *form = &d->forms[f];
        o->forms[f] = (struct image_form){form->term,    form->next,  form_text(o, d, form),
                                          form->guarded, form->glued, {0, 0}};
    }
    return true;
}

/* The image of `d` as parts to write; false when out of memory or too large. */
static bool make_image(struct image_out *o, const jm_dict *d, const struct jm_buf *fp,
                       unsigned flags)
{
    struct image_head *h = &o->head;
    if (d->nnodes > JM_MAX_NODES || !put_terms(o, d) || !put_forms(o, d) || o->strings.failed)
        return false;
    for (int c = 0; c < 256; c++)
        o->starts[c] = d->starts[c];
    const void *sec[NSECTIONS] = {fp->data, o->strings.data, o->terms, o->ids,         o->refs,
                                  o->forms, d->node_form,    d->edges, d->names.slots, o->starts};
    memcpy(o->sec, sec, sizeof sec);
    h->count[S_FINGERPRINT] = (uint32_t)fp->len;
    h->count[S_STRINGS] = (uint32_t)o->strings.len;
    h->count[S_FORMS] = (uint32_t)d->nforms;
    h->count[S_NODE_FORM] = (uint32_t)d->nnodes;
    h->count[S_EDGES] = (uint32_t)(d->edge_mask + 1);
    h->count[S_NAMES] = (uint32_t)(d->names.mask + 1);
    h->count[S_STARTS] = 256;
    size_t off[NSECTIONS];
    uint64_t total;
    image_layout(h->count, off, &total);
    memcpy(h->magic, IMAGE_MAGIC, sizeof h->magic);
    h->version = IMAGE_VERSION;
    h->byte_order = BYTE_ORDER_MARK;
    h->word[0] = sizeof(void *), h->word[1] = sizeof(size_t), h->word[2] = sizeof(long);
    h->size = total;
    h->flags = flags;
    h->checksum = image_checksum(h, o->sec);
    return total <= IMAGE_MAX;
}

static void free_image_out(struct image_out *o)
{
    jm_buf_free(&o->strings);
    free(o->terms);
    free(o->forms);
    free(o->ids);
    free(o->refs);
    free(o->alias_at);
}

static bool write_all(int fd, const void *data, size_t n)
{
    const char *p = data;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* The header, then each section padded with zeros to 8 bytes. */
static bool write_parts(int fd, const struct image_out *o)
{
    static const char zeros[8];
    bool ok = write_all(fd, &o->head, sizeof o->head);
    for (int s = 0; s < NSECTIONS && ok; s++) {
        size_t n = (size_t)o->head.count[s] * elem_size[s];
        ok = write_all(fd, o->sec[s], n) && write_all(fd, zeros, (8 - n % 8) % 8);
    }
    return ok;
}

/* May an image be written at `path`? Only over an image (a regular file) or nothing: never
 * over a device, a FIFO, a directory or a link that bears its name (/dev/null must stay). */
static bool replaceable(const char *path)
{
    struct stat sb;
    return lstat(path, &sb) == 0 ? S_ISREG(sb.st_mode) : errno == ENOENT;
}

/* Replaces `path` by the image at once: readers see the old file or the new one, never part
 * of one. No fsync: after a crash a torn image fails its size or checksum and is rebuilt. */
static bool write_atomically(const char *path, const struct image_out *o)
{
    size_t len = strlen(path);
    char *tmp = malloc(len + sizeof ".XXXXXX");
    if (tmp == NULL)
        return false;
    memcpy(tmp, path, len);
    memcpy(tmp + len, ".XXXXXX", sizeof ".XXXXXX");
    int fd = mkostemp(tmp, O_CLOEXEC); /* mode 0600: the image is its user's */
    bool ok = fd >= 0 && write_parts(fd, o);
    if (fd >= 0)
        ok = close(fd) == 0 && ok;
    if (fd >= 0 && !(ok && rename(tmp, path) == 0)) {
        unlink(tmp);
        ok = false;
    }
    free(tmp);
    return ok;
}

/* ---- loading ------------------------------------------------------------ */

static bool read_all(int fd, char *data, size_t n)
{
    while (n > 0) {
        ssize_t r = read(fd, data, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false; /* an error, or shorter than fstat said */
        data += r;
        n -= (size_t)r;
    }
    return true;
}

/* The whole file in one malloc'd block, or NULL. */
static char *read_image(const char *path, size_t *size)
{
    /* Non-blocking: a FIFO at `path` must not hang the load (it is no regular file). */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return NULL;
    struct stat sb;
    char *img = NULL;
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
        sb.st_size >= (off_t)sizeof(struct image_head) && (uint64_t)sb.st_size <= IMAGE_MAX) {
        *size = (size_t)sb.st_size;
        img = malloc(*size); /* malloc's alignment suits every section */
        if (img != NULL && !read_all(fd, img, *size)) {
            free(img);
            img = NULL;
        }
    }
    close(fd);
    return img;
}

/* A checked view of an image's sections. */
struct image {
    char *sec[NSECTIONS];
    uint32_t count[NSECTIONS];
};

/* Are the bytes that pad section `s` to 8 zero, as written? */
static bool padding_zero(const struct image *im, int s)
{
    size_t n = (size_t)im->count[s] * elem_size[s];
    for (size_t i = n; i % 8 != 0; i++)
        if (im->sec[s][i] != 0)
            return false;
    return true;
}

/* The header is this build's, the sections fill the file exactly, the inputs are those of
 * `fp`, and the checksum holds. */
static bool image_open(struct image *im, char *img, size_t size, const struct jm_buf *fp,
                       unsigned flags)
{
    const struct image_head *h = (const struct image_head *)img;
    const uint8_t word[8] = {sizeof(void *), sizeof(size_t), sizeof(long)};
    const void *sec[NSECTIONS];
    if (memcmp(h->magic, IMAGE_MAGIC, sizeof h->magic) != 0 || h->version != IMAGE_VERSION ||
        h->byte_order != BYTE_ORDER_MARK || memcmp(h->word, word, sizeof word) != 0 ||
        h->size != size || (flags & ~h->flags) != 0 || !image_sections(img, size, sec))
        return false;
    if (h->count[S_FINGERPRINT] != fp->len || memcmp(sec[S_FINGERPRINT], fp->data, fp->len) != 0)
        return false; /* stale: the common case, told before the checksum's work */
    if (image_checksum(h, sec) != h->checksum)
        return false;
    for (int s = 0; s < NSECTIONS; s++)
        im->sec[s] = (char *)sec[s], im->count[s] = h->count[s];
    for (int s = 0; s < NSECTIONS; s++)
        if (!padding_zero(im, s))
            return false;
    return true;
}

/* The string at offset `off` of the pool, or NULL when out of it (or NO_STRING). */
static const char *string_at(const struct image *im, uint32_t off)
{
    return off < im->count[S_STRINGS] ? im->sec[S_STRINGS] + off : NULL;
}

/* Every string ends in the pool (it ends in a NUL) and is UTF-8, as the files were. */
static bool strings_ok(const struct image *im)
{
    size_t n = im->count[S_STRINGS];
    return n > 0 && im->sec[S_STRINGS][n - 1] == '\0' &&
           jm_utf8_valid(im->sec[S_STRINGS], n, &(size_t){0});
}

/* Branch-free, so that the compiler vectorizes it: these loops run over megabytes. */
static bool all_below(const uint32_t *v, size_t n, uint32_t limit)
{
    bool bad = false;
    for (size_t i = 0; i < n; i++)
        bad |= v[i] >= limit;
    return !bad;
}

/* A list of `n` taken from a pool at *next; false when it overruns the pool. */
static bool take(uint64_t *next, uint32_t n, uint32_t pool, size_t *at)
{
    *at = (size_t)*next;
    *next += n;
    return *next <= pool;
}

static bool is_bool(uint8_t b)
{
    return b <= 1;
}

static bool set_pattern(struct jm_pattern *p, const struct image *im, uint32_t source,
                        const struct jm_term *t, uint32_t line)
{
    p->source = string_at(im, source);
    p->file = t->file;
    p->line = line;
    return p->source != NULL || source == NO_STRING;
}

/* Term `i` as the dictionary holds it, its lists taken from the pools at *nid and *nref. */
static bool make_term(jm_dict *d, const struct image *im, size_t i_term, const char **refs,
                      uint64_t *nid, uint64_t *nref)
{
    const struct image_term *r = &((const struct image_term *)im->sec[S_TERMS])[i_term];
    struct jm_term *t = &d->terms[i_term];
    uint32_t *ids = (uint32_t *)im->sec[S_IDS];
    size_t c = 0, i = 0, rel = 0, al = 0, gu = 0, cn = 0, in = 0;
    bool ok = take(nid, r->ncompanions, im->count[S_IDS], &c) &&
              take(nid, r->nimplies, im->count[S_IDS], &i) &&
              take(nref, r->nrelated, im->count[S_REFS], &rel) &&
              take(nref, r->naliases, im->count[S_REFS], &al) &&
              take(nref, r->nguarded, im->count[S_REFS], &gu) &&
              take(nref, r->ncompanions, im->count[S_REFS], &cn) &&
              take(nref, r->nimplies, im->count[S_REFS], &in);
    t->name = string_at(im, r->name);
    t->category = string_at(im, r->category);
    t->file = string_at(im, r->file);
    if (!ok || t->name == NULL || t->category == NULL || t->file == NULL || !is_bool(r->plural) ||
        !is_bool(r->english_rare) || !is_bool(r->has_guard) || !is_bool(r->case_exact))
        return false;
    t->line = r->line;
    t->kind = jm_kind_of(t->category);
    t->plural = r->plural, t->english_rare = r->english_rare;
    t->has_guard = r->has_guard, t->case_exact = r->case_exact;
    t->companions = (struct jm_list){ids + c, r->ncompanions};
    t->implies = (struct jm_list){ids + i, r->nimplies};
    t->related = refs + rel, t->nrelated = r->nrelated;
    t->aliases = refs + al, t->naliases = r->naliases;
    t->guarded = refs + gu, t->nguarded = r->nguarded;
    t->companion_names = refs + cn;
    t->implies_names = refs + in;
    return set_pattern(&t->context, im, r->context, t, r->context_line) &&
           set_pattern(&t->reject, im, r->reject, t, r->reject_line);
}

/* The terms, and the names table over them. */
static bool make_terms(jm_dict *d, const struct image *im)
{
    uint32_t nterms = im->count[S_TERMS], nrefs = im->count[S_REFS];
    const uint32_t *ref = (const uint32_t *)im->sec[S_REFS];
    const char **refs = jm_arena_alloc(&d->arena, (nrefs ? nrefs : 1) * sizeof *refs);
    d->terms = calloc(nterms ? nterms : 1, sizeof *d->terms);
    if (nterms == 0 || refs == NULL || d->terms == NULL ||
        !all_below((const uint32_t *)im->sec[S_IDS], im->count[S_IDS], nterms))
        return false;
    for (size_t i = 0; i < nrefs; i++)
        if ((refs[i] = string_at(im, ref[i])) == NULL)
            return false;
    d->nterms = nterms;
    uint64_t nid = 0, nref = 0;
    for (size_t i = 0; i < nterms; i++)
        if (!make_term(d, im, i, refs, &nid, &nref))
            return false;
    return nid == im->count[S_IDS] && nref == nrefs;
}

/* Is `n` a power of two, at least 2? */
static bool is_table_size(uint32_t n)
{
    return n >= 2 && (n & (n - 1)) == 0;
}

/* The names table, used in place: every term once, and a free slot to end each probe. */
static bool make_names(jm_dict *d, const struct image *im)
{
    uint32_t cap = im->count[S_NAMES], *slots = (uint32_t *)im->sec[S_NAMES];
    if (!is_table_size(cap) || !all_below(slots, cap, (uint32_t)d->nterms + 1))
        return false;
    size_t used = 0;
    for (uint32_t i = 0; i < cap; i++)
        used += slots[i] != 0;
    d->names = (struct jm_table){slots, cap - 1, used, jm_dict_term_name, d};
    return used == d->nterms && used < cap;
}

/* The forms: every chain of forms ending at a node runs to lower numbers, so it ends. */
static bool make_forms(jm_dict *d, const struct image *im)
{
    uint32_t n = im->count[S_FORMS];
    const struct image_form *rec = (const struct image_form *)im->sec[S_FORMS];
    if ((d->forms = malloc((n ? n : 1) * sizeof *d->forms)) == NULL)
        return false;
    for (uint32_t f = 0; f < n; f++) {
        const struct image_form *r = &rec[f];
        const char *text = string_at(im, r->text);
        if (r->term >= d->nterms || (r->next != JM_NONE && r->next >= f) || text == NULL ||
            !is_bool(r->guarded) || !is_bool(r->glued))
            return false;
        d->forms[f] = (struct jm_form){r->term, r->next, r->guarded, r->glued, text};
    }
    d->nforms = n;
    return true;
}

/* The trie, used in place: no form at the root, every edge to a node that exists, one edge
 * into each node but the root, and a free slot to end each probe. */
static bool make_trie(jm_dict *d, const struct image *im)
{
    uint32_t nnodes = im->count[S_NODE_FORM], cap = im->count[S_EDGES];
    uint32_t *node_form = (uint32_t *)im->sec[S_NODE_FORM];
    const struct jm_edge *edges = (const struct jm_edge *)im->sec[S_EDGES];
    if (nnodes == 0 || nnodes > JM_MAX_NODES || !is_table_size(cap) || node_form[0] != JM_NONE)
        return false;
    bool bad = false;
    for (uint32_t i = 1; i < nnodes; i++)
        bad |= node_form[i] != JM_NONE && node_form[i] >= d->nforms;
    size_t used = 0;
    for (uint32_t i = 0; i < cap; i++) {
        bad |= edges[i].to >= nnodes;
        used += edges[i].to != 0;
    }
    if (bad || used != nnodes - 1 || used >= cap || im->count[S_STARTS] != 256)
        return false;
    for (int c = 0; c < 256; c++) {
        if (!is_bool((uint8_t)im->sec[S_STARTS][c]))
            return false;
        d->starts[c] = im->sec[S_STARTS][c];
    }
    d->node_form = node_form;
    d->nnodes = nnodes;
    d->edges = (struct jm_edge *)edges;
    d->edge_mask = cap - 1;
    return true;
}

/* The dictionary of the image at `path` when it is current and sound, else NULL. */
static jm_dict *load_image(const char *path, const struct jm_buf *fp, unsigned flags)
{
    size_t size;
    char *img = read_image(path, &size);
    struct image im;
    if (img == NULL || !image_open(&im, img, size, fp, flags)) {
        free(img);
        return NULL;
    }
    jm_dict *d = calloc(1, sizeof *d);
    if (d == NULL) {
        free(img);
        return NULL;
    }
    d->image = img; /* from here on, jm_dict_free frees it */
    if (!strings_ok(&im) || !make_terms(d, &im) || !make_names(d, &im) || !make_forms(d, &im) ||
        !make_trie(d, &im)) {
        jm_dict_free(d);
        return NULL;
    }
    return d;
}

/* ---- jm_dict_load_cached ------------------------------------------------- */

static jm_status load_sources(const char *const *paths, size_t npaths, unsigned flags,
                              jm_dict **out, jm_error *err)
{
    jm_status st = jm_dict_load(paths, npaths, out, err);
    if (st == JM_OK && (flags & JM_DICT_FLAG_CHECK_PATTERNS) &&
        (st = jm_dict_compile_patterns(*out, err)) != JM_OK) {
        jm_dict_free(*out);
        *out = NULL;
    }
    return st;
}

jm_status jm_dict_load_cached(const char *const *paths, size_t npaths, const char *image_path,
                              unsigned flags, jm_dict **out, jm_error *err)
{
    *out = NULL;
    if (image_path == NULL || npaths == 0)
        return load_sources(paths, npaths, flags, out, err);
    struct jm_buf fp = {0};
    bool settled;
    /* The fingerprint is taken before the files are read: one changed meanwhile has a newer
     * timestamp than the image records, and the next load rebuilds it. */
    bool known = fingerprint(paths, npaths, &fp, &settled);
    if (known && (*out = load_image(image_path, &fp, flags)) != NULL) {
        jm_buf_free(&fp);
        return JM_OK;
    }
    jm_status st = load_sources(paths, npaths, flags, out, err);
    if (st == JM_OK && known && settled && replaceable(image_path)) {
        struct image_out o = {0};
        if (make_image(&o, *out, &fp, flags & JM_DICT_FLAG_CHECK_PATTERNS))
            write_atomically(image_path, &o); /* a cache: failing to keep it is no error */
        free_image_out(&o);
    }
    jm_buf_free(&fp);
    return st;
}
