/*
 * pdf.c - a PDF as blocks, through poppler's pdftotext.
 *
 * poppler is GPL; jobmatch is MIT. Running poppler-utils' pdftotext as a separate
 * program keeps the two apart, costs one process (a few milliseconds against a text
 * layout that takes as long), and leaves the PDF parser, the part most exposed to
 * hostile input, in its own address space. The bytes go to pdftotext through an
 * unlinked temporary file (a PDF is read from its end, so a pipe would not do); it
 * answers with every word and line and their boxes (-bbox-layout), in poppler's
 * reading order, which already reads a sidebar and the main column one after the other.
 *
 * A resume is a layout, not a text stream: the lines are joined back into paragraphs
 * (a wrapped line ends near the right edge; a hyphen at its end joins the halves), a
 * line that opens with a bullet glyph or a number starts a list item, and a short line
 * set larger than the text around it is a heading. Paragraphs are numbered in reading
 * order, and reports cite "paragraph N". pdftotext gets PDF_SECONDS to answer.
 */
#include <errno.h>
#include <fcntl.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

extern char **environ;

enum { PDF_SECONDS = 30 };

/* ---- running pdftotext -------------------------------------------------------------- */

struct run {
    struct jm_buf out, err;
    int status;    /* the exit status; -1 when it did not exit */
    bool missing;  /* no pdftotext on the PATH */
    bool too_long; /* killed: it took more than PDF_SECONDS or said too much */
};

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reads what the child writes to its two pipes until both close or time runs out. */
static void collect(struct run *run, int out_fd, int err_fd, pid_t pid)
{
    struct pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    struct jm_buf *bufs[2] = {&run->out, &run->err};
    long deadline = now_ms() + PDF_SECONDS * 1000L;
    int open = 2;
    char chunk[65536];
    while (open > 0) {
        long left = deadline - now_ms();
        if (left <= 0 || run->out.len > jm_limit()->input || run->out.failed) {
            kill(pid, SIGKILL);
            run->too_long = true;
            return;
        }
        if (poll(fds, 2, (int)left) < 0 && errno != EINTR)
            return;
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            ssize_t n = read(fds[i].fd, chunk, sizeof chunk);
            if (n > 0) {
                jm_buf_put(bufs[i], chunk, (size_t)n);
            } else if (n == 0 || errno != EINTR) {
                fds[i].fd = -1;
                open--;
            }
        }
    }
}

/* Runs `pdftotext -bbox-layout` on the bytes; false when it could not be started. */
static bool run_pdftotext(const char *buf, size_t n, struct run *run)
{
    FILE *tmp = tmpfile(); /* unlinked already: nothing is left behind */
    int out[2] = {-1, -1}, err[2] = {-1, -1};
    bool ok = tmp != NULL && fwrite(buf, 1, n, tmp) == n && fflush(tmp) == 0 &&
              pipe2(out, O_CLOEXEC) == 0 && pipe2(err, O_CLOEXEC) == 0;
    pid_t pid = -1;
    if (ok) {
        char path[32];
        snprintf(path, sizeof path, "/dev/fd/%d", fileno(tmp));
        char *argv[] = {"pdftotext", "-bbox-layout", "-enc", "UTF-8", path, "-", NULL};
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_adddup2(&fa, out[1], 1);
        posix_spawn_file_actions_adddup2(&fa, err[1], 2);
        int rc = posix_spawnp(&pid, "pdftotext", &fa, NULL, argv, environ);
        posix_spawn_file_actions_destroy(&fa);
        run->missing = rc == ENOENT;
        ok = rc == 0;
    }
    for (int i = 1; i < 2; i++) { /* the child's ends */
        if (out[i] >= 0)
            close(out[i]);
        if (err[i] >= 0)
            close(err[i]);
    }
    if (ok) {
        collect(run, out[0], err[0], pid);
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
        run->status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    if (out[0] >= 0)
        close(out[0]);
    if (err[0] >= 0)
        close(err[0]);
    if (tmp != NULL)
        fclose(tmp);
    return ok;
}

/* ---- the layout ----------------------------------------------------------------------- */

struct line {
    double x0, x1, y0, y1;
    size_t start, len; /* its words' text in lines->text */
    long flow;         /* poppler's flow (a column of a page), counted over the document */
    long page;
};

struct lines {
    struct line *v;
    size_t n, cap;
    struct jm_buf text;
    long flows, pages;
    size_t words;
};

/* Far beyond any page (PDF caps one at 14,400 points a side), near enough that the layout's
 * conversions of coordinates to integers cannot overflow. */
#define COORD_MAX 1e6

/* A coordinate of a box: 0 when it is not a number, clamped to +-COORD_MAX. */
static double num(xmlTextReaderPtr r, const char *name)
{
    xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
    double d = v != NULL ? strtod((const char *)v, NULL) : 0;
    xmlFree(v);
    if (isnan(d))
        return 0;
    return d < -COORD_MAX ? -COORD_MAX : d > COORD_MAX ? COORD_MAX : d;
}

static bool named(xmlTextReaderPtr r, const char *name)
{
    const xmlChar *n = xmlTextReaderConstLocalName(r);
    return xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT && n != NULL &&
           strcmp((const char *)n, name) == 0;
}

static bool add_line(struct lines *ls, xmlTextReaderPtr r)
{
    if (ls->n == ls->cap) {
        size_t cap = ls->cap ? 2 * ls->cap : 256;
        struct line *v = realloc(ls->v, cap * sizeof *v);
        if (v == NULL)
            return false;
        ls->v = v;
        ls->cap = cap;
    }
    ls->v[ls->n++] = (struct line){.x0 = num(r, "xMin"),
                                   .x1 = num(r, "xMax"),
                                   .y0 = num(r, "yMin"),
                                   .y1 = num(r, "yMax"),
                                   .start = ls->text.len,
                                   .flow = ls->flows,
                                   .page = ls->pages};
    return true;
}

/* The lines of pdftotext's answer, each with its box and its words' text. */
static bool read_lines(const char *xhtml, size_t n, struct lines *ls)
{
    xmlTextReaderPtr r = xmlReaderForMemory(xhtml, (int)n, "pdftotext", "UTF-8",
                                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                XML_PARSE_NOWARNING | XML_PARSE_RECOVER);
    bool ok = r != NULL;
    int ret;
    while (ok && (ret = xmlTextReaderRead(r)) == 1) {
        if (named(r, "page")) {
            ls->pages++;
        } else if (named(r, "flow")) {
            ls->flows++;
        } else if (named(r, "line")) {
            ok = add_line(ls, r);
        } else if (named(r, "word") && ls->n > 0) {
            struct line *l = &ls->v[ls->n - 1];
            xmlChar *w = xmlTextReaderReadString(r);
            if (w != NULL && *w) {
                if (l->len > 0)
                    jm_buf_putc(&ls->text, ' ');
                jm_buf_puts(&ls->text, (const char *)w);
                l->len = ls->text.len - l->start;
                ls->words++;
            }
            xmlFree(w);
        }
    }
    if (r != NULL)
        xmlFreeTextReader(r);
    return ok && !ls->text.failed;
}

/* ---- columns ---------------------------------------------------------------------- */

enum { COVER_STEP = 2, COVER_MAX = 2048, MIN_GAP = 6, MIN_SIDE = 3 };

/* The middle of the widest band of the page that no line covers, between text on its left
 * and on its right, or 0 when there is none at least MIN_GAP wide. */
static double column_gap(const struct line *v, size_t n)
{
    bool covered[COVER_MAX] = {false}; /* on the stack: batch reads PDFs in parallel */
    size_t lo = COVER_MAX, hi = 0;
    for (size_t i = 0; i < n; i++) {
        size_t a = v[i].x0 <= 0 ? 0 : (size_t)(v[i].x0 / COVER_STEP);
        size_t b = v[i].x1 <= 0 ? 0 : (size_t)(v[i].x1 / COVER_STEP);
        for (size_t x = a; x <= b && x < COVER_MAX; x++)
            covered[x] = true;
        lo = a < lo ? a : lo;
        hi = b > hi ? b : hi;
    }
    size_t best = 0, best_at = 0;
    for (size_t x = lo; x < hi && x < COVER_MAX;) {
        size_t run = 0;
        while (x + run < hi && x + run < COVER_MAX && !covered[x + run])
            run++;
        if (run > best)
            best = run, best_at = x;
        x += run + 1;
    }
    return best * COVER_STEP >= MIN_GAP ? (best_at + best / 2.0) * COVER_STEP : 0;
}

static int by_top(const void *a, const void *b)
{
    const struct line *x = a, *y = b;
    if (x->y0 != y->y0)
        return (x->y0 > y->y0) - (x->y0 < y->y0);
    return (x->x0 > y->x0) - (x->x0 < y->x0);
}

/*
 * A page of two columns (a sidebar beside the main text) is read column by column, each
 * from the top: poppler's order follows the lines across both when their headings align.
 * The columns are parted by a band no line crosses, with text on both sides. Each column
 * becomes a flow of its own; a page of one column is one flow, in poppler's order.
 */
static void order_columns(struct lines *ls, size_t from, size_t to, struct line *tmp)
{
    double gap = column_gap(ls->v + from, to - from);
    size_t left = 0, right = 0;
    for (size_t i = from; i < to && gap > 0; i++)
        ls->v[i].x1 < gap ? left++ : right++;
    if (left < MIN_SIDE || right < MIN_SIDE) { /* one column: the page is one flow */
        ls->flows++;
        for (size_t i = from; i < to; i++)
            ls->v[i].flow = ls->flows;
        return;
    }
    size_t k = 0;
    for (int side = 0; side < 2; side++) {
        size_t first = k;
        for (size_t i = from; i < to; i++)
            if ((ls->v[i].x1 < gap) == (side == 0))
                tmp[k++] = ls->v[i];
        qsort(tmp + first, k - first, sizeof *tmp, by_top);
        ls->flows++;
        for (size_t i = first; i < k; i++)
            tmp[i].flow = ls->flows;
    }
    memcpy(ls->v + from, tmp, (to - from) * sizeof *tmp);
}

static bool read_columns(struct lines *ls)
{
    struct line *tmp = malloc((ls->n + 1) * sizeof *tmp);
    if (tmp == NULL)
        return false;
    ls->flows = 0;
    for (size_t i = 0, j; i < ls->n; i = j) {
        for (j = i; j < ls->n && ls->v[j].page == ls->v[i].page;)
            j++;
        order_columns(ls, i, j, tmp);
    }
    free(tmp);
    return true;
}

/* The height most lines have: the body text's size. */
static double body_height(const struct lines *ls)
{
    enum { HEIGHTS = 64 };
    size_t count[HEIGHTS] = {0};
    for (size_t i = 0; i < ls->n; i++) {
        double h = ls->v[i].y1 - ls->v[i].y0;
        size_t b = h < 0 ? 0 : h >= HEIGHTS ? HEIGHTS - 1 : (size_t)h;
        count[b]++;
    }
    size_t best = 0;
    for (size_t b = 1; b < HEIGHTS; b++)
        if (count[b] > count[best])
            best = b;
    return best + 0.5;
}

static const char *const glyphs[] = {"\xE2\x80\xA2",
                                     "\xE2\x96\xAA",
                                     "\xE2\x97\xA6",
                                     "\xE2\x80\x93",
                                     "\xE2\x80\xA3",
                                     "\xE2\x97\x8F",
                                     "\xE2\x96\xA0",
                                     "\xC2\xB7",
                                     "\xEF\x82\xB7",
                                     "\xE2\x9E\xA2",
                                     "-",
                                     "*"};

/* The length of the bullet glyph opening s[0, n) before a space, or 0. */
static size_t bullet_glyph(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof glyphs / sizeof glyphs[0]; i++) {
        size_t k = strlen(glyphs[i]);
        if (n > k && memcmp(s, glyphs[i], k) == 0 && s[k] == ' ')
            return k;
    }
    return 0;
}

/* A line that is a bullet glyph alone, set apart from its item's text. */
static bool glyph_alone(const struct lines *ls, const struct line *l)
{
    for (size_t i = 0; i < sizeof glyphs / sizeof glyphs[0]; i++)
        if (l->len == strlen(glyphs[i]) && memcmp(ls->text.data + l->start, glyphs[i], l->len) == 0)
            return true;
    return false;
}

struct para {
    struct jm_buf text;
    bool item;
    int heading;             /* its level, 0 for none */
    const struct line *last; /* its last line */
    double last_right;       /* the right edge of its last line's column */
    bool titled;             /* the title block was emitted */
};

static void emit(struct jm_doc *doc, struct para *p, long *count)
{
    if (p->text.len > 0) {
        enum jm_block_kind kind = p->heading ? JM_BLOCK_HEADING
                                  : p->item  ? JM_BLOCK_ITEM
                                             : JM_BLOCK_PARAGRAPH;
        if (p->heading == 1 && !p->titled) /* the name or the job title, as in Markdown */
            kind = JM_BLOCK_TITLE;
        p->titled |= p->heading == 1;
        jm_doc_add_block(doc, kind, p->heading ? p->heading : 1, ++*count, p->text.data,
                         p->text.len);
    }
    if (p->text.failed)
        doc->nomem = true;
    jm_buf_clear(&p->text);
    p->item = false;
    p->heading = 0;
}

/* What the layout tells of each line, worked out page by page in one pass. */
struct shape {
    double left, right; /* its column's left margin and right edge */
    bool marked;        /* a bullet glyph stands alone to its left (LibreOffice, Word): an item */
};

static int by_y(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Marks the lines [from, to) of one page that a lone bullet glyph stands beside. `ys` has
 * room for them. */
static void mark_page(const struct lines *ls, size_t from, size_t to, struct shape *sh, double *ys)
{
    size_t nys = 0;
    for (size_t i = from; i < to; i++)
        if (glyph_alone(ls, &ls->v[i]))
            ys[nys++] = ls->v[i].y0;
    qsort(ys, nys, sizeof *ys, by_y);
    for (size_t i = from; i < to; i++) {
        const struct line *l = &ls->v[i];
        size_t lo = 0, hi = nys; /* the first glyph at or below the line's top, less 2 pt */
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            ys[mid] < l->y0 - 2 ? (lo = mid + 1) : (hi = mid);
        }
        sh[i].marked = lo < nys && ys[lo] <= l->y0 + 2;
    }
}

/* Each line's shape, or NULL when out of memory. */
static struct shape *shape_lines(const struct lines *ls)
{
    struct shape *sh = malloc((ls->n + 1) * sizeof *sh);
    double *ys = malloc((ls->n + 1) * sizeof *ys);
    struct shape *col = malloc(((size_t)ls->flows + 1) * sizeof *col);
    if (sh != NULL && ys != NULL && col != NULL) {
        for (long f = 0; f <= ls->flows; f++)
            col[f] = (struct shape){1e9, 0, false};
        for (size_t i = 0; i < ls->n; i++) {
            const struct line *l = &ls->v[i];
            struct shape *c = &col[l->flow];
            if (!glyph_alone(ls, l))
                c->left = l->x0 < c->left ? l->x0 : c->left;
            c->right = l->x1 > c->right ? l->x1 : c->right;
        }
        for (size_t i = 0; i < ls->n; i++)
            sh[i] = col[ls->v[i].flow];
        for (size_t i = 0, j; i < ls->n; i = j) {
            for (j = i; j < ls->n && ls->v[j].page == ls->v[i].page;)
                j++;
            mark_page(ls, i, j, sh, ys);
        }
    }
    free(ys);
    free(col);
    if (col == NULL || ys == NULL) {
        free(sh);
        return NULL;
    }
    return sh;
}

/*
 * Does line l go on the paragraph before it? The paragraph's last line ran to its column's
 * right edge (the text was wrapped) mid-sentence, l sits right under it at the same left
 * edge (or further in, under a bullet's text), or opens the next page or column, and l is
 * no bullet and no heading.
 */
static bool continues(const struct para *p, const struct line *l, const char *s, double body,
                      bool bullet, bool heading)
{
    const struct line *prev = p->last;
    if (p->text.len == 0 || prev == NULL || bullet || heading || p->heading)
        return false;
    bool full = prev->x1 >= p->last_right - 0.15 * (p->last_right - prev->x0);
    /* a sentence that ends where the next one starts, in a list whose bullets are drawn:
     * two items, as often as two lines of one paragraph */
    char last = p->text.data[p->text.len - 1];
    bool ended = (last == '.' || last == '!' || last == '?') && !(s[0] >= 'a' && s[0] <= 'z');
    if (!full || ended)
        return false;
    if (l->page != prev->page || l->y0 < prev->y0)
        return true; /* the next page or column goes on */
    bool under = l->y0 - prev->y1 < 0.8 * body;
    bool aligned = l->x0 > prev->x0 - 0.5 * body && l->x0 < prev->x0 + 2 * body;
    return under && aligned;
}

static void join(struct para *p, const char *s, size_t n)
{
    struct jm_buf *t = &p->text;
    bool hyphen = t->len > 1 && t->data[t->len - 1] == '-' && t->data[t->len - 2] != ' ' && n > 0 &&
                  s[0] >= 'a' && s[0] <= 'z';
    if (hyphen)
        t->len--; /* "develop-" + "ment" */
    else if (t->len > 0)
        jm_buf_putc(t, ' ');
    jm_buf_put(t, s, n);
}

enum { SIZES = 6 };

/* A short line set larger than the body text: a heading. */
static bool big(const struct line *l, const char *s, double body)
{
    return l->y1 - l->y0 > 1.15 * body && jm_meta_words(s, l->len) <= 8;
}

/* The heights headings are set in, largest first (to the half point), at most SIZES. */
static size_t heading_sizes(const struct lines *ls, double body, double *sizes)
{
    size_t n = 0;
    for (size_t i = 0; i < ls->n; i++) {
        const struct line *l = &ls->v[i];
        double h = (double)(long)((l->y1 - l->y0) * 2) / 2;
        if (l->len == 0 || !big(l, ls->text.data + l->start, body))
            continue;
        size_t k = 0;
        while (k < n && sizes[k] > h)
            k++;
        if ((k < n && sizes[k] == h) || k == SIZES)
            continue;
        memmove(sizes + k + 1, sizes + k, (n - k - (n == SIZES)) * sizeof *sizes);
        sizes[k] = h;
        n += n < SIZES;
    }
    return n;
}

/* A heading's level: the rank of its size among the headings' (1 the largest). */
static int heading_level(const struct line *l, const double *sizes, size_t n)
{
    double h = (double)(long)((l->y1 - l->y0) * 2) / 2;
    size_t k = 0;
    while (k + 1 < n && sizes[k] > h)
        k++;
    return (int)k + 1;
}

static bool lay_out(struct jm_doc *doc, const struct lines *ls)
{
    double body = body_height(ls), sizes[SIZES];
    size_t nsizes = heading_sizes(ls, body, sizes);
    struct shape *sh = shape_lines(ls);
    if (sh == NULL)
        return false;
    struct para p = {0};
    long count = 0;
    for (size_t i = 0; i < ls->n; i++) {
        const struct line *l = &ls->v[i];
        if (l->len == 0 || glyph_alone(ls, l))
            continue;
        const char *s = ls->text.data + l->start;
        size_t n = l->len, glyph = bullet_glyph(s, n);
        bool heading = big(l, s, body), bullet = glyph > 0 || sh[i].marked;
        if (continues(&p, l, s, body, bullet, heading)) {
            join(&p, s, n);
        } else {
            emit(doc, &p, &count);
            /* a list item: a bullet glyph, or a line set in from its flow's margin (a list
             * whose bullets are drawn, not written) */
            p.item = bullet || l->x0 > sh[i].left + 0.8 * body;
            p.heading = heading ? heading_level(l, sizes, nsizes) : 0;
            s += glyph, n -= glyph;
            while (n > 0 && *s == ' ')
                s++, n--;
            jm_buf_put(&p.text, s, n);
        }
        p.last = l;
        p.last_right = sh[i].right;
    }
    emit(doc, &p, &count);
    jm_buf_free(&p.text);
    free(sh);
    return true;
}

/* ---- the reader ------------------------------------------------------------------------- */

jm_status jm_pdf_parse(struct jm_doc *doc, const char *buf, size_t n, jm_error *err)
{
    struct run run = {.status = -1};
    if (!run_pdftotext(buf, n, &run)) {
        jm_buf_free(&run.out), jm_buf_free(&run.err);
        return run.missing ? jm_fail(err, JM_ERR_FORMAT, doc->name, 0,
                                     "reading a PDF needs pdftotext (Debian: apt-get install "
                                     "poppler-utils)")
                           : jm_fail(err, JM_ERR_IO, doc->name, 0, "cannot run pdftotext");
    }
    const char *e = run.err.data ? run.err.data : "";
    jm_status st = JM_OK;
    if (run.too_long)
        st = jm_fail(err, JM_ERR_TOO_BIG, doc->name, 0,
                     "pdftotext took more than %d seconds or wrote too much", PDF_SECONDS);
    else if (strstr(e, "password") != NULL || run.status == 3)
        st = jm_fail(err, JM_ERR_FORMAT, doc->name, 0,
                     "an encrypted PDF: save an unprotected copy and read that");
    else if (run.status != 0)
        st = jm_fail(err, JM_ERR_FORMAT, doc->name, 0, "a damaged PDF (pdftotext cannot read it)");
    if (st == JM_OK)
        st = jm_pdf_layout(doc, run.out.data ? run.out.data : "", run.out.len, err);
    doc->format = JM_FORMAT_PDF;
    jm_buf_free(&run.out);
    jm_buf_free(&run.err);
    return st;
}

jm_status jm_pdf_layout(struct jm_doc *doc, const char *xml, size_t n, jm_error *err)
{
    struct lines ls = {0};
    jm_status st = JM_OK;
    if (!read_lines(xml, n, &ls) || !read_columns(&ls))
        st = jm_fail(err, JM_ERR_NOMEM, doc->name, 0, "out of memory");
    if (st == JM_OK && ls.words == 0)
        st = jm_fail(err, JM_ERR_EMPTY, doc->name, 0,
                     "a PDF with no text layer (a scan?): run it through OCR first");
    if (st == JM_OK && !lay_out(doc, &ls))
        st = jm_fail(err, JM_ERR_NOMEM, doc->name, 0, "out of memory");
    doc->format = JM_FORMAT_PDF;
    free(ls.v);
    jm_buf_free(&ls.text);
    return st;
}
