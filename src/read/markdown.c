/*
 * markdown.c - a CommonMark document (cmark) as blocks.
 *
 * Headings, paragraphs and list items become blocks with their source line;
 * raw HTML blocks go through html.c, code blocks are kept line by line (job
 * boards indent prose by accident), images are dropped. YAML or TOML front
 * matter is metadata, not text: its title, company and location are read
 * and the rest is blanked before cmark sees it, keeping line numbers.
 */
#include <cmark.h>
#include <ctype.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

struct state {
    struct jm_doc *doc;
    const char *src; /* the source, for what cmark does not tell */
    size_t srclen;
    long at_line;  /* a line of src and where it starts: nodes come in document order, */
    size_t at_off; /* so finding the next one's line goes on from here */
    struct jm_buf text;
    size_t chars, bold_chars;
    int bold, items, image;
    long line;
    bool saw_h1;
};

static void flush(struct state *st, enum jm_block_kind kind, int level)
{
    if (st->chars > 0) {
        if (kind == JM_BLOCK_HEADING && level == 1 && !st->saw_h1) {
            kind = JM_BLOCK_TITLE;
            st->saw_h1 = true;
        }
        struct jm_block *b =
            jm_doc_add_block(st->doc, kind, level, st->line, st->text.data, st->text.len);
        if (b != NULL)
            b->emphasized = st->bold_chars == st->chars;
    }
    jm_buf_clear(&st->text);
    st->chars = st->bold_chars = 0;
}

static void append(struct state *st, const char *s)
{
    if (st->image > 0 || s == NULL)
        return;
    size_t n = strlen(s), visible = 0;
    for (size_t i = 0; i < n; i++)
        visible += (unsigned char)s[i] > ' ';
    st->chars += visible;
    if (st->bold > 0)
        st->bold_chars += visible;
    jm_buf_put(&st->text, s, n);
}

/* Where source line `want` starts: on from the last line asked for, so that the code
 * blocks of a document cost one pass over it, not one pass each. */
static size_t line_start(struct state *st, long want)
{
    if (want < st->at_line) {
        st->at_line = 1;
        st->at_off = 0;
    }
    size_t from = st->at_off;
    while (st->at_off < st->srclen && st->at_line < want)
        st->at_line += st->src[st->at_off++] == '\n';
    JM_WORK(st->at_off - from);
    return st->at_off;
}

/* Whether the source line where a code block starts is a ``` or ~~~ fence. */
static bool is_fenced(struct state *st, cmark_node *node)
{
    size_t i = line_start(st, cmark_node_get_start_line(node));
    while (i < st->srclen && (st->src[i] == ' ' || st->src[i] == '\t'))
        i++;
    return i + 3 <= st->srclen &&
           (memcmp(st->src + i, "```", 3) == 0 || memcmp(st->src + i, "~~~", 3) == 0);
}

static void code_lines(struct state *st, cmark_node *node)
{
    const char *s = cmark_node_get_literal(node);
    /* A fenced block's text starts after its fence line; an indented one's at once. */
    long line = cmark_node_get_start_line(node) + (is_fenced(st, node) ? 1 : 0);
    while (s && *s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        jm_doc_add_block(st->doc, JM_BLOCK_PARAGRAPH, 0, line++, s, n);
        s += n + (nl != NULL);
    }
}

static jm_status on_enter(struct state *st, cmark_node *node, jm_error *err)
{
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_HEADING:
    case CMARK_NODE_PARAGRAPH:
        st->line = cmark_node_get_start_line(node);
        break;
    case CMARK_NODE_ITEM:
        st->items++;
        break;
    case CMARK_NODE_STRONG:
        st->bold++;
        break;
    case CMARK_NODE_IMAGE:
        st->image++;
        break;
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
        append(st, cmark_node_get_literal(node));
        break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
        /* "**Operations Lead**" over "Riverside Logistics, 2014 – 2016": a bold line atop a
         * paragraph is a line of its own, as a heading is */
        if (st->items == 0 && st->bold == 0 && st->chars > 0 && st->bold_chars == st->chars) {
            flush(st, JM_BLOCK_PARAGRAPH, 0);
            st->line++;
        } else {
            append(st, " ");
        }
        break;
    case CMARK_NODE_HTML_INLINE:
        if (strncasecmp(cmark_node_get_literal(node), "<br", 3) == 0)
            append(st, " ");
        break;
    case CMARK_NODE_CODE_BLOCK:
        code_lines(st, node);
        break;
    case CMARK_NODE_HTML_BLOCK: {
        const char *html = cmark_node_get_literal(node);
        return jm_html_parse(st->doc, html, strlen(html), cmark_node_get_start_line(node) - 1, NULL,
                             err);
    }
    default:
        break;
    }
    return JM_OK;
}

static void on_leave(struct state *st, cmark_node *node)
{
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_HEADING:
        flush(st, JM_BLOCK_HEADING, cmark_node_get_heading_level(node));
        break;
    case CMARK_NODE_PARAGRAPH:
        flush(st, st->items > 0 ? JM_BLOCK_ITEM : JM_BLOCK_PARAGRAPH, st->items);
        break;
    case CMARK_NODE_ITEM:
        st->items--;
        break;
    case CMARK_NODE_STRONG:
        st->bold--;
        break;
    case CMARK_NODE_IMAGE:
        st->image--;
        break;
    default:
        break;
    }
}

/* Blanks front matter in place, keeping its lines, once it is read. */
static void strip_front_matter(struct jm_doc *doc, char *s, size_t n)
{
    size_t end = jm_front_matter_read(doc, s, n);
    for (size_t j = 0; j < end; j++)
        if (s[j] != '\n')
            s[j] = ' ';
}

/* ---- cmark's memory --------------------------------------------------------
 * cmark aborts the process when an allocation fails, which would end a whole
 * batch. It takes an allocator, though: ours keeps every block of one parse on
 * a list and, when malloc fails, jumps back to jm_markdown_parse, which frees
 * the list and fails with JM_ERR_NOMEM. The jump only ever leaves cmark's
 * frames (an allocation is made only inside a cmark call), and the parse's
 * context is per thread, since cmark's allocator takes none. */
struct block {
    struct block *prev, *next;
    max_align_t align[]; /* what cmark gets */
};

struct guard {
    struct block head; /* a circular list of what cmark holds */
    jmp_buf out_of_memory;
};

static _Thread_local struct guard *current;

static void *track(struct block *b)
{
    if (b == NULL)
        longjmp(current->out_of_memory, 1);
    b->next = current->head.next;
    b->prev = &current->head;
    b->next->prev = b;
    current->head.next = b;
    return b->align;
}

static struct block *untrack(void *p)
{
    struct block *b = (struct block *)((char *)p - offsetof(struct block, align));
    b->prev->next = b->next;
    b->next->prev = b->prev;
    return b;
}

static void *guarded_calloc(size_t n, size_t size)
{
    if (size != 0 && n > (SIZE_MAX - sizeof(struct block)) / size)
        return track(NULL);
    return track(calloc(1, sizeof(struct block) + n * size));
}

static void *guarded_realloc(void *p, size_t size)
{
    if (p == NULL)
        return track(malloc(sizeof(struct block) + size));
    struct block *b = untrack(p);
    struct block *moved = size <= SIZE_MAX - sizeof *b ? realloc(b, sizeof *b + size) : NULL;
    if (moved == NULL)
        track(b); /* still cmark's, freed with the rest: this longjmps */
    return track(moved);
}

static void guarded_free(void *p)
{
    if (p != NULL)
        free(untrack(p));
}

static cmark_mem guarded = {guarded_calloc, guarded_realloc, guarded_free};

/* Everything cmark still holds, after an allocation failed. */
static void free_all(struct guard *g)
{
    for (struct block *b = g->head.next, *next; b != &g->head; b = next) {
        next = b->next;
        free(b);
    }
}

static cmark_node *parse_cmark(const char *s, size_t n)
{
    cmark_parser *p = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &guarded);
    cmark_parser_feed(p, s, n);
    cmark_node *root = cmark_parser_finish(p);
    cmark_parser_free(p);
    return root;
}

/* The blocks of the parsed tree; never called twice on one state. */
static jm_status walk(struct state *st, cmark_node *root, jm_error *err)
{
    cmark_iter *it = cmark_iter_new(root);
    jm_status rc = JM_OK;
    cmark_event_type ev;
    while (rc == JM_OK && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER)
            rc = on_enter(st, node, err);
        else
            on_leave(st, node);
    }
    cmark_iter_free(it);
    return rc;
}

jm_status jm_markdown_parse(struct jm_doc *doc, const char *s, size_t n, jm_error *err)
{
    char *copy = malloc(n + 1);
    if (copy == NULL)
        return jm_fail(err, JM_ERR_NOMEM, doc->name, 0, "out of memory");
    memcpy(copy, s, n);
    copy[n] = '\0';
    strip_front_matter(doc, copy, n);
    struct state st = {.doc = doc, .src = copy, .srclen = n, .at_line = 1};
    struct guard g;
    g.head.next = g.head.prev = &g.head;
    current = &g;
    jm_status rc = JM_ERR_NOMEM;
    if (setjmp(g.out_of_memory) == 0) {
        cmark_node *root = parse_cmark(copy, n);
        rc = walk(&st, root, err);
        cmark_node_free(root);
    } else {
        free_all(&g);
    }
    current = NULL;
    free(copy);
    if (rc == JM_ERR_NOMEM || (rc == JM_OK && st.text.failed))
        rc = jm_fail(err, JM_ERR_NOMEM, doc->name, 0, "out of memory");
    jm_buf_free(&st.text);
    return rc;
}
