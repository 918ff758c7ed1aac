/*
 * html.c - visible text of an HTML page as blocks, through libxml2's SAX
 * parser (recover mode, no network, errors swallowed).
 *
 * Only what a reader sees counts: script, style, svg, head metadata,
 * navigation, footers, asides and hidden elements are skipped. Block
 * elements and <br> end a block; the innermost heading or list item decides
 * its kind. The first <h1> is the title. What the page says beside its text
 * (<title>, og: tags, JSON-LD scripts) is handed back to the caller in a
 * jm_html_page: html.c knows HTML, not what a job page means (read.c and
 * jsonld.c decide that).
 *
 * The input is already UTF-8 (decode.c); the parser is told so and told to
 * ignore <meta charset>, so it never converts twice.
 */
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

enum tag_kind {
    T_INLINE,
    T_BLOCK,
    T_BREAK,
    T_BOLD,
    T_HEADING,
    T_ITEM,
    T_SKIP,
    T_ASIDE, /* a posting's sidebar (other jobs, share links); a resume's (contact, skills) */
    T_HEAD,
    T_TITLE,
    T_SCRIPT,
    T_META
};

struct tag {
    const char *name;
    enum tag_kind kind;
};

/* Sorted by name for bsearch. */
static const struct tag tags[] = {
    {"address", T_BLOCK},    {"article", T_BLOCK},    {"aside", T_ASIDE},   {"b", T_BOLD},
    {"blockquote", T_BLOCK}, {"body", T_BLOCK},       {"br", T_BREAK},      {"button", T_SKIP},
    {"canvas", T_SKIP},      {"caption", T_BLOCK},    {"center", T_BLOCK},  {"dd", T_BLOCK},
    {"details", T_BLOCK},    {"div", T_BLOCK},        {"dl", T_BLOCK},      {"dt", T_BLOCK},
    {"fieldset", T_BLOCK},   {"figcaption", T_BLOCK}, {"figure", T_BLOCK},  {"footer", T_SKIP},
    {"form", T_BLOCK},       {"h1", T_HEADING},       {"h2", T_HEADING},    {"h3", T_HEADING},
    {"h4", T_HEADING},       {"h5", T_HEADING},       {"h6", T_HEADING},    {"head", T_HEAD},
    {"header", T_BLOCK},     {"hr", T_BREAK},         {"iframe", T_SKIP},   {"input", T_SKIP},
    {"li", T_ITEM},          {"link", T_META},        {"main", T_BLOCK},    {"math", T_SKIP},
    {"meta", T_META},        {"nav", T_SKIP},         {"noscript", T_SKIP}, {"object", T_SKIP},
    {"ol", T_BLOCK},         {"option", T_SKIP},      {"p", T_BLOCK},       {"pre", T_BLOCK},
    {"script", T_SCRIPT},    {"section", T_BLOCK},    {"select", T_SKIP},   {"strong", T_BOLD},
    {"style", T_SKIP},       {"summary", T_BLOCK},    {"svg", T_SKIP},      {"table", T_BLOCK},
    {"tbody", T_BLOCK},      {"td", T_BLOCK},         {"template", T_SKIP}, {"textarea", T_SKIP},
    {"tfoot", T_BLOCK},      {"th", T_BLOCK},         {"thead", T_BLOCK},   {"title", T_TITLE},
    {"tr", T_BLOCK},         {"ul", T_BLOCK},
};

static int tag_cmp(const void *key, const void *elem)
{
    return strcasecmp(key, ((const struct tag *)elem)->name);
}

static const struct tag *tag_of(const char *name)
{
    return bsearch(name, tags, sizeof tags / sizeof tags[0], sizeof tags[0], tag_cmp);
}

struct open_elem {
    const struct tag *tag; /* NULL for unknown elements */
    uint64_t name_hash;    /* jm_hash_ci of the name */
    bool skipping;         /* this element started a skipped subtree */
};

struct state {
    struct jm_doc *doc;
    htmlParserCtxtPtr ctxt;
    long line0;
    bool fragment;
    bool nomem;              /* libxml2 ran out of memory: the parse was stopped */
    struct open_elem *stack; /* jm_limits.html_depth of them */
    size_t depth, max_depth, overflow;
    int skip, head, bold, heading, item;
    bool in_title, in_jsonld;
    size_t jsonld_from; /* where the current JSON-LD script starts in page->jsonld */
    struct jm_buf text; /* the block being collected */
    size_t chars, bold_chars;
    long block_line;
    struct jm_html_page *page; /* the caller's, or a scratch one for a fragment */
};

static long line_now(struct state *st)
{
    return st->line0 + xmlSAX2GetLineNumber(st->ctxt);
}

static void flush(struct state *st)
{
    if (st->text.len > 0 && st->chars > 0) {
        enum jm_block_kind kind = JM_BLOCK_PARAGRAPH;
        int level = 0;
        if (st->heading) {
            kind = JM_BLOCK_HEADING;
            level = st->heading;
            if (level == 1 && !st->page->saw_h1 && !st->fragment) {
                kind = JM_BLOCK_TITLE;
                st->page->saw_h1 = true;
            }
        } else if (st->item) {
            kind = JM_BLOCK_ITEM;
            level = st->item;
        }
        struct jm_block *b =
            jm_doc_add_block(st->doc, kind, level, st->block_line, st->text.data, st->text.len);
        if (b != NULL)
            b->emphasized = st->bold_chars == st->chars;
    }
    jm_buf_clear(&st->text);
    st->chars = st->bold_chars = 0;
}

static const char *attr(const xmlChar **atts, const char *name)
{
    for (size_t i = 0; atts && atts[i]; i += 2)
        if (strcasecmp((const char *)atts[i], name) == 0)
            return atts[i + 1] ? (const char *)atts[i + 1] : "";
    return NULL;
}

static bool hidden(const xmlChar **atts)
{
    const char *v;
    if (attr(atts, "hidden") != NULL)
        return true;
    if ((v = attr(atts, "aria-hidden")) && strcasecmp(v, "true") == 0)
        return true;
    if ((v = attr(atts, "role")) &&
        (strcasecmp(v, "navigation") == 0 || strcasecmp(v, "contentinfo") == 0))
        return true;
    if ((v = attr(atts, "style"))) {
        char compact[128];
        size_t k = 0;
        for (; *v && k + 1 < sizeof compact; v++)
            if (*v != ' ')
                compact[k++] = *v;
        compact[k] = '\0';
        if (strcasestr(compact, "display:none") || strcasestr(compact, "visibility:hidden"))
            return true;
    }
    return false;
}

/* <meta> and <link>: the page's title, site name and address. */
static void on_meta(struct state *st, const xmlChar **atts)
{
    const char *rel = attr(atts, "rel"), *href = attr(atts, "href");
    if (rel && href && strcasecmp(rel, "canonical") == 0)
        jm_doc_set_url(st->doc, JM_URL_CANONICAL, href, strlen(href));
    const char *prop = attr(atts, "property");
    if (prop == NULL)
        prop = attr(atts, "name");
    const char *content = attr(atts, "content");
    if (prop == NULL || content == NULL)
        return;
    if (strcasecmp(prop, "og:title") == 0 && st->page->og_title.len == 0)
        jm_buf_puts(&st->page->og_title, content);
    else if (strcasecmp(prop, "og:site_name") == 0 && st->page->og_site.len == 0)
        jm_buf_puts(&st->page->og_site, content);
    else if (strcasecmp(prop, "og:url") == 0)
        jm_doc_set_url(st->doc, JM_URL_OG, content, strlen(content));
}

/* Applies a tag's effect on entering it; returns whether it starts a skip. */
static bool enter(struct state *st, const struct tag *t, const xmlChar **atts)
{
    if (t == NULL)
        return st->skip == 0 && hidden(atts);
    switch (t->kind) {
    case T_SKIP:
        return true;
    case T_ASIDE:
        if (st->doc->role == JM_ROLE_POSTING)
            return true;
        break;
    case T_SCRIPT: {
        const char *type = attr(atts, "type");
        if (type && strcasestr(type, "ld+json") && !st->fragment) {
            st->in_jsonld = true;
            st->page->jsonld_line = line_now(st);
            if (st->page->jsonld.len > 0)
                jm_buf_putc(&st->page->jsonld, '\x1e'); /* separates scripts */
            st->jsonld_from = st->page->jsonld.len;
        }
        return true;
    }
    case T_HEAD:
        st->head++;
        break;
    case T_TITLE:
        st->in_title = true;
        break;
    case T_META:
        on_meta(st, atts);
        break;
    case T_BOLD:
        st->bold++;
        break;
    case T_HEADING:
        flush(st);
        st->heading = t->name[1] - '0';
        break;
    case T_ITEM:
        flush(st);
        st->item++;
        break;
    case T_BLOCK:
    case T_BREAK:
        flush(st);
        break;
    default:
        break;
    }
    return st->skip == 0 && hidden(atts);
}

static void leave(struct state *st, const struct tag *t)
{
    if (t == NULL)
        return;
    switch (t->kind) {
    case T_SCRIPT:
        st->in_jsonld = false;
        break;
    case T_HEAD:
        st->head--;
        break;
    case T_TITLE:
        st->in_title = false;
        break;
    case T_BOLD:
        st->bold--;
        break;
    case T_HEADING:
        flush(st);
        st->heading = 0;
        break;
    case T_ITEM:
        flush(st);
        st->item--;
        break;
    case T_BLOCK:
        flush(st);
        break;
    default:
        break;
    }
}

/* An element past the tracked depth still ends the block before it, if it is a block. */
static void break_if_block(struct state *st, const xmlChar *name)
{
    const struct tag *t = tag_of((const char *)name);
    if (st->skip == 0 && t != NULL &&
        (t->kind == T_HEADING || t->kind == T_ITEM || t->kind == T_BLOCK || t->kind == T_BREAK))
        flush(st);
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    struct state *st = ctx;
    if (st->depth == st->max_depth) {
        /* Too deep to track (jm_limits.html_depth): keep the text, parted as blocks. */
        st->overflow++;
        break_if_block(st, name);
        return;
    }
    const struct tag *t = tag_of((const char *)name);
    bool skipping = false;
    if (st->skip == 0)
        skipping = enter(st, t, atts);
    else if (t && t->kind == T_META)
        on_meta(st, atts);
    if (skipping)
        st->skip++;
    uint64_t h = jm_hash_ci((const char *)name, strlen((const char *)name));
    st->stack[st->depth++] = (struct open_elem){t, h, skipping};
}

/* The caller may know that a JSON-LD script holds the whole posting: then the rest of the
 * page need not be parsed at all. Only the script just read is looked at, from where it
 * starts: looking back for its separator would read every earlier script again. */
static void stop_if_complete(struct state *st)
{
    if (st->page->complete == NULL || st->page->jsonld.len == 0)
        return;
    const char *start = st->page->jsonld.data + st->jsonld_from;
    JM_WORK(st->page->jsonld.len - st->jsonld_from);
    if (st->page->complete(start, st->page->jsonld.len - st->jsonld_from))
        xmlStopParser(st->ctxt);
}

static void on_end(void *ctx, const xmlChar *name)
{
    struct state *st = ctx;
    if (st->overflow > 0) {
        st->overflow--;
        break_if_block(st, name);
        return;
    }
    uint64_t h = jm_hash_ci((const char *)name, strlen((const char *)name));
    size_t at = st->depth;
    while (at > 0 && st->stack[at - 1].name_hash != h)
        at--;
    if (at == 0)
        return; /* a stray end tag */
    while (st->depth >= at) {
        struct open_elem *e = &st->stack[--st->depth];
        if (e->skipping)
            st->skip--;
        else if (st->skip == 0)
            leave(st, e->tag);
        if (e->tag && e->tag->kind == T_SCRIPT && st->in_jsonld) {
            st->in_jsonld = false;
            stop_if_complete(st);
        }
    }
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
    struct state *st = ctx;
    if (st->in_title && st->head >= 0) {
        jm_buf_put(&st->page->title, (const char *)ch, (size_t)len);
        return;
    }
    if (st->skip > 0 || st->head > 0)
        return;
    size_t visible = 0;
    int first = -1;
    for (int i = 0; i < len; i++) {
        if (ch[i] > ' ' && first < 0)
            first = i;
        visible += ch[i] > ' ';
    }
    if (visible > 0 && st->chars == 0) {
        /* The parser stands at the chunk's end: count back to its first letter. */
        long newlines = 0;
        for (int i = first; i < len; i++)
            newlines += ch[i] == '\n';
        st->block_line = line_now(st) - newlines;
    }
    st->chars += visible;
    if (st->bold > 0)
        st->bold_chars += visible;
    jm_buf_put(&st->text, (const char *)ch, (size_t)len);
}

static void on_cdata(void *ctx, const xmlChar *ch, int len)
{
    struct state *st = ctx;
    if (st->in_jsonld)
        jm_buf_put(&st->page->jsonld, (const char *)ch, (size_t)len);
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* Parse errors are swallowed (recover mode), except running out of memory: libxml2
 * 2.9 may then loop for ever on the input, so the parse is stopped and fails. */
static void silent_structured(void *ctx, xmlErrorPtr error)
{
    struct state *st = ctx;
    if (error != NULL && error->code == XML_ERR_NO_MEMORY && st != NULL && st->ctxt != NULL) {
        st->nomem = true;
        xmlStopParser(st->ctxt);
    }
}

/* The first '<' of a case-insensitive match of `lit` (lower case) in [s, end), or NULL; a
 * comment's "-->" (no '<') matched exactly. */
static const char *find_ci(const char *s, const char *end, const char *lit)
{
    size_t k = strlen(lit);
    if (lit[0] != '<')
        return memmem(s, (size_t)(end - s), lit, k);
    for (const char *p = s; (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++)
        if ((size_t)(end - p) >= k && strncasecmp(p, lit, k) == 0)
            return p;
    return NULL;
}

/*
 * The next match of one literal at or after a point, remembered: the scan asks again from
 * later and later points, and the answer holds until the point passes it. Without this, a
 * page of unclosed "<script>" tags (or tags with no '>') searched to its end from each one.
 * Each byte is then searched at most once for each literal: the scan stays linear.
 */
struct next_match {
    const char *lit;
    const char *from, *at; /* searched from `from`: found at `at`, NULL for nowhere */
};

static const char *next_match(struct next_match *m, const char *s, const char *end)
{
    if (m->from == NULL || s < m->from || (m->at != NULL && m->at < s)) {
        m->from = s;
        m->at = m->lit[0] == '>' ? memchr(s, '>', (size_t)(end - s)) : find_ci(s, end, m->lit);
        JM_WORK((size_t)((m->at ? m->at : end) - s)); /* the bytes searched */
    }
    return m->at;
}

/*
 * A copy of the page without the bodies of script, style and svg elements and of comments,
 * keeping their line breaks so that line numbers stay right, and keeping JSON-LD. Saved
 * pages are mostly such bytes, which libxml2 would tokenize only for us to skip them: this
 * one memchr pass makes parsing them nearly free.
 */
static char *strip_invisible(const char *s, size_t *n)
{
    static const struct {
        const char *open, *close;
    } skip[] = {{"<script", "</script"}, {"<style", "</style"}, {"<svg", "</svg"}, {"<!--", "-->"}};
    enum { NSKIP = sizeof skip / sizeof *skip };
    struct next_match close_of[NSKIP], gt = {">", NULL, NULL}, ldjson = {"ld+json", NULL, NULL};
    for (size_t k = 0; k < NSKIP; k++)
        close_of[k] = (struct next_match){skip[k].close, NULL, NULL};
    const char *end = s + *n, *p = s;
    char *out = malloc(*n + 1), *o = out;
    if (out == NULL)
        return NULL;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (lt == NULL)
            break;
        size_t k = 0;
        while (k < NSKIP && !((size_t)(end - lt) > strlen(skip[k].open) &&
                              strncasecmp(lt, skip[k].open, strlen(skip[k].open)) == 0 &&
                              (k == 3 || !isalnum((unsigned char)lt[strlen(skip[k].open)]))))
            k++;
        const char *tag_end = k < NSKIP ? next_match(&gt, lt, end) : NULL;
        const char *close =
            tag_end ? next_match(&close_of[k], k == 3 ? lt + 4 : tag_end, end) : NULL;
        const char *ld = k == 0 && tag_end ? next_match(&ldjson, lt, end) : NULL;
        bool keep = ld != NULL && ld < tag_end;
        if (k == NSKIP || close == NULL || keep) {
            memcpy(o, p, (size_t)(lt + 1 - p)); /* up to and with this '<' */
            o += lt + 1 - p;
            p = lt + 1;
            continue;
        }
        const char *body = k == 3 ? lt : tag_end + 1;
        memcpy(o, p, (size_t)(body - p)); /* the opening tag stays */
        o += body - p;
        for (const char *q = body; q < close; q++)
            if (*q == '\n')
                *o++ = '\n';
        p = k == 3 ? close + 3 : close;
    }
    memcpy(o, p, (size_t)(end - p));
    o += end - p;
    *o = '\0';
    *n = (size_t)(o - out);
    return out;
}

jm_status jm_html_parse(struct jm_doc *doc, const char *s, size_t n, long line0,
                        struct jm_html_page *page, jm_error *err)
{
    struct state *st = calloc(1, sizeof *st);
    struct jm_html_page scratch = {0};
    if (st != NULL) {
        st->max_depth = jm_limit()->html_depth;
        st->stack = malloc(st->max_depth * sizeof *st->stack);
    }
    if (st == NULL || st->stack == NULL) {
        free(st);
        return jm_fail(err, JM_ERR_NOMEM, doc->name, 0, "out of memory");
    }
    st->doc = doc;
    st->line0 = line0;
    st->fragment = page == NULL;
    st->page = page ? page : &scratch;

    /* libxml2 must be initialised once before threads parse: its lazy first-use
     * initialisation races and can deadlock (seen in batch runs). */
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, xmlInitParser);
    char *light = strip_invisible(s, &n);
    /* libxml2 prints what it cannot report through the parser (running out of memory
     * while making one): the library never prints, so its thread's printer is silenced
     * for the parse. */
    xmlGenericErrorFunc old_printer = xmlGenericError;
    void *old_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, silent);
    htmlParserCtxtPtr ctxt = light ? htmlCreateMemoryParserCtxt(light, (int)n) : NULL;
    if (ctxt == NULL) {
        xmlSetGenericErrorFunc(old_ctx, old_printer);
        free(light);
        free(st->stack);
        free(st);
        return jm_fail(err, JM_ERR_NOMEM, doc->name, 0, "out of memory");
    }
    st->ctxt = ctxt;
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_text;
    sax.ignorableWhitespace = on_text;
    sax.cdataBlock = on_cdata;
    sax.warning = silent;
    sax.error = silent;
    sax.fatalError = silent;
    sax.serror = silent_structured;
    sax.initialized = XML_SAX2_MAGIC;
    memcpy(ctxt->sax, &sax, sizeof sax);
    ctxt->userData = st;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(ctxt);
    flush(st);
    htmlFreeParserCtxt(ctxt);
    xmlSetGenericErrorFunc(old_ctx, old_printer);
    free(light);

    bool failed = st->nomem || st->text.failed || st->page->title.failed || st->page->jsonld.failed;
    jm_buf_free(&st->text);
    jm_html_page_free(&scratch);
    free(st->stack);
    free(st);
    if (failed)
        return jm_fail(err, JM_ERR_NOMEM, doc->name, 0, "out of memory");
    return JM_OK;
}

void jm_html_page_free(struct jm_html_page *page)
{
    jm_buf_free(&page->title);
    jm_buf_free(&page->jsonld);
    jm_buf_free(&page->og_title);
    jm_buf_free(&page->og_site);
}
