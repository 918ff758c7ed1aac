/*
 * decode.c - raw bytes to UTF-8 text plus a format.
 *
 * Decides, before any parser runs, whether the bytes are a document at all
 * (empty, binary, too big), which format they are in (from the extension and
 * the content), and which charset they use (BOM, then for HTML the declared
 * <meta> charset, as browsers do). Everything leaves here as valid UTF-8, so
 * the parsers never see another encoding.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base.h"
#include "read/read.h"

static const char *extension(const char *name)
{
    if (name == NULL)
        return "";
    const char *slash = strrchr(name, '/');
    const char *dot = strrchr(slash ? slash : name, '.');
    return dot ? dot + 1 : "";
}

/* Known binary formats by their magic bytes, for a precise message. */
static const char *binary_kind(const unsigned char *p, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *kind;
    } sigs[] = {
        {"%PDF-", 5, "a PDF file"},
        {"PK\x03\x04", 4, "a ZIP archive (DOCX/ODT?)"},
        {"\x89PNG", 4, "a PNG image"},
        {"\xFF\xD8\xFF", 3, "a JPEG image"},
        {"GIF8", 4, "a GIF image"},
        {"\x1F\x8B", 2, "a gzip file"},
        {"\xD0\xCF\x11\xE0", 4, "an old Office document (DOC)"},
        {"\x7F"
         "ELF",
         4, "an executable"},
        {"{\\rtf", 5, "an RTF document"},
    };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (n >= sigs[i].len && memcmp(p, sigs[i].magic, sigs[i].len) == 0)
            return sigs[i].kind;
    size_t scan = n < 8192 ? n : 8192;
    if (memchr(p, '\0', scan) != NULL)
        return "binary data (NUL bytes)";
    return NULL;
}

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]))
            return false;
    return true;
}

static bool prefix_ci(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && strncasecmp(s, lit, k) == 0;
}

static const char *memmem_ci(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    for (size_t i = 0; i + k <= n; i++)
        if (strncasecmp(s + i, lit, k) == 0)
            return s + i;
    return NULL;
}

/* A whole page: strong enough to override a .md or .txt name. */
static bool looks_like_page(const char *s, size_t n)
{
    while (n > 0 && isspace((unsigned char)*s))
        s++, n--;
    return prefix_ci(s, n, "<!doctype html") || prefix_ci(s, n, "<html") ||
           prefix_ci(s, n, "<head") || prefix_ci(s, n, "<body");
}

static bool looks_like_html(const char *s, size_t n)
{
    while (n > 0 && isspace((unsigned char)*s))
        s++, n--;
    if (looks_like_page(s, n) || prefix_ci(s, n, "<!--"))
        return true;
    /* A fragment: starts with a tag and has block markup early on. */
    if (n > 0 && s[0] == '<') {
        size_t scan = n < 4096 ? n : 4096;
        static const char *const tags[] = {"<div", "<p>", "<p ", "<ul",    "<li", "<span",
                                           "<h1",  "<h2", "<h3", "<table", "<br", "<section"};
        for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
            if (memmem_ci(s, scan, tags[i]))
                return true;
    }
    return false;
}

static bool looks_like_markdown(const char *s, size_t n)
{
    size_t scan = n < 16384 ? n : 16384;
    if (prefix_ci(s, n, "---\n") || prefix_ci(s, n, "+++\n"))
        return true;
    for (size_t i = 0; i < scan; i++) {
        bool bol = i == 0 || s[i - 1] == '\n';
        if (bol && s[i] == '#' && i + 1 < scan && (s[i + 1] == '#' || s[i + 1] == ' '))
            return true;
        if (s[i] == '*' && i + 1 < scan && s[i + 1] == '*')
            return true;
        if (s[i] == ']' && i + 1 < scan && s[i + 1] == '(')
            return true;
    }
    return false;
}

static jm_format detect_format(const char *name, const char *s, size_t n, jm_format hint)
{
    if (hint != JM_FORMAT_AUTO)
        return hint;
    const char *ext = extension(name);
    size_t k = 0;
    while (k < n && isspace((unsigned char)s[k]))
        k++;
    if (!strcasecmp(ext, "html") || !strcasecmp(ext, "htm") || !strcasecmp(ext, "xhtml"))
        return JM_FORMAT_HTML;
    if (!strcasecmp(ext, "json"))
        return JM_FORMAT_JSON;
    /* A whole HTML page wins over a .md or .txt name; a fragment does not,
     * since Markdown may start with raw HTML. */
    if (looks_like_page(s, n))
        return JM_FORMAT_HTML;
    if (!strcasecmp(ext, "md") || !strcasecmp(ext, "markdown") || !strcasecmp(ext, "mdown"))
        return JM_FORMAT_MARKDOWN;
    if (!strcasecmp(ext, "txt") || !strcasecmp(ext, "text"))
        return JM_FORMAT_TEXT;
    if (k < n && (s[k] == '{' || s[k] == '['))
        return JM_FORMAT_JSON;
    if (looks_like_html(s, n))
        return JM_FORMAT_HTML;
    return looks_like_markdown(s, n) ? JM_FORMAT_MARKDOWN : JM_FORMAT_TEXT;
}

/*
 * The charset a page declares in its first 4 KB: <meta charset=X> or
 * <meta http-equiv=Content-Type content="...; charset=X">.
 */
static bool declared_charset(const char *s, size_t n, char *out, size_t outsz)
{
    size_t scan = n < 4096 ? n : 4096;
    const char *p = s, *end = s + scan;
    while ((p = memmem_ci(p, (size_t)(end - p), "charset")) != NULL) {
        p += 7;
        while (p < end && (*p == ' ' || *p == '='))
            p++;
        while (p < end && (*p == '"' || *p == '\''))
            p++;
        size_t k = 0;
        while (p < end && k + 1 < outsz && (isalnum((unsigned char)*p) || *p == '-' || *p == '_'))
            out[k++] = *p++;
        out[k] = '\0';
        if (k > 0)
            return true;
    }
    return false;
}

/* WHATWG: labels for Latin-1 and ASCII mean windows-1252 on the web. */
static const char *iconv_name(const char *label)
{
    static const char *const cp1252[] = {"iso-8859-1", "iso8859-1", "latin1", "l1",
                                         "us-ascii",   "ascii",     "cp1252", "windows-1252",
                                         "x-cp1252",   "iso_8859-1"};
    for (size_t i = 0; i < sizeof cp1252 / sizeof cp1252[0]; i++)
        if (!strcasecmp(label, cp1252[i]))
            return "WINDOWS-1252";
    return label;
}

static bool is_utf8_label(const char *label)
{
    return !strcasecmp(label, "utf-8") || !strcasecmp(label, "utf8");
}

/*
 * Converts with iconv, replacing bytes the charset does not define with
 * U+FFFD (as browsers do) instead of failing the whole document.
 */
static jm_status convert(const char *from, const char *s, size_t n, struct jm_input *out)
{
    /* An undecodable unit is two bytes in UTF-16, one in the legacy charsets. */
    size_t unit = strncmp(from, "UTF-16", 6) == 0 ? 2 : 1;
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return JM_ERR_FORMAT;
    struct jm_buf b = {0};
    char chunk[4096];
    char *in = (char *)s;
    size_t inleft = n;
    while (inleft > 0 && !b.failed) {
        char *o = chunk;
        size_t oleft = sizeof chunk;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        jm_buf_put(&b, chunk, sizeof chunk - oleft);
        if (r == (size_t)-1 && errno != E2BIG) {
            jm_buf_puts(&b, "\xEF\xBF\xBD");
            size_t skip = inleft < unit ? inleft : unit;
            in += skip;
            inleft -= skip;
        }
    }
    iconv_close(cd);
    if (b.failed) {
        jm_buf_free(&b);
        return JM_ERR_NOMEM;
    }
    out->text = b.data ? b.data : strdup("");
    out->len = b.len;
    return out->text ? JM_OK : JM_ERR_NOMEM;
}

/* Valid UTF-8 with every invalid byte replaced by U+FFFD. */
static jm_status repair_utf8(const char *s, size_t n, struct jm_input *out)
{
    struct jm_buf b = {0};
    size_t i = 0, bad;
    while (i < n && !jm_utf8_valid(s + i, n - i, &bad)) {
        jm_buf_put(&b, s + i, bad);
        jm_buf_puts(&b, "\xEF\xBF\xBD");
        i += bad + 1;
    }
    jm_buf_put(&b, s + i, n - i);
    if (b.failed || b.data == NULL) {
        jm_buf_free(&b);
        return JM_ERR_NOMEM;
    }
    out->text = b.data;
    out->len = b.len;
    return JM_OK;
}

static jm_status copy_text(const char *s, size_t n, struct jm_input *out)
{
    out->text = malloc(n + 1);
    if (out->text == NULL)
        return JM_ERR_NOMEM;
    memcpy(out->text, s, n);
    out->text[n] = '\0';
    out->len = n;
    return JM_OK;
}

static long line_of(const char *s, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        line += s[i] == '\n';
    return line;
}

/*
 * Picks the charset of an HTML page and converts it to UTF-8. After a BOM
 * (`unicode`), the text is UTF-8 already and a declaration is ignored, as
 * browsers do.
 */
static jm_status decode_html(const char *s, size_t n, bool unicode, struct jm_input *out)
{
    char label[64];
    bool declared = !unicode && declared_charset(s, n, label, sizeof label);
    if (declared && !is_utf8_label(label)) {
        jm_status st = convert(iconv_name(label), s, n, out);
        if (st != JM_ERR_FORMAT)
            return st;
        out->warning = "unknown declared charset; read as UTF-8";
    }
    if (jm_utf8_valid(s, n, NULL))
        return copy_text(s, n, out);
    if (!declared && !unicode) {
        /* No declaration and not UTF-8: the web's default legacy charset. */
        out->warning = "no charset declared and not UTF-8; read as windows-1252";
        return convert("WINDOWS-1252", s, n, out);
    }
    out->warning = "invalid UTF-8 bytes replaced";
    return repair_utf8(s, n, out);
}

jm_status jm_input_windows_1252(const char *s, size_t n, struct jm_input *out)
{
    *out = (struct jm_input){.format = JM_FORMAT_TEXT};
    return convert("WINDOWS-1252", s, n, out);
}

static jm_status decode(const char *buf, size_t len, const char *name, jm_format hint, bool unicode,
                        struct jm_input *out, jm_error *err)
{
    memset(out, 0, sizeof *out);
    const char *where = name ? name : "<stdin>";
    if (len > jm_limit()->input)
        return jm_fail(err, JM_ERR_TOO_BIG, where, 0, "file too large (%s; the limit is %s)",
                       jm_size_text(len).s, jm_size_text(jm_limit()->input).s);
    const unsigned char *p = (const unsigned char *)buf;
    const char *utf16 = NULL;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3;
        len -= 3;
        unicode = true;
    } else if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        utf16 = "UTF-16LE";
    } else if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        utf16 = "UTF-16BE";
    }
    if (utf16 != NULL) {
        struct jm_input tmp = {0};
        jm_status st = convert(utf16, buf + 2, len - 2, &tmp);
        if (st != JM_OK)
            return jm_fail(err, st, where, 0, "cannot decode %s text", utf16);
        st = decode(tmp.text, tmp.len, name, hint, true, out, err);
        free(tmp.text);
        return st;
    }
    if (is_blank(buf, len))
        return jm_fail(err, JM_ERR_EMPTY, where, 0, "empty file");
    const char *kind = binary_kind((const unsigned char *)buf, len);
    if (kind != NULL)
        return jm_fail(err, JM_ERR_BINARY, where, 0,
                       "%s, not a text document (save it as HTML, Markdown or text)", kind);
    out->format = detect_format(name, buf, len, hint);
    jm_status st;
    if (out->format == JM_FORMAT_HTML) {
        st = decode_html(buf, len, unicode, out);
    } else {
        size_t bad;
        if (!jm_utf8_valid(buf, len, &bad))
            return jm_fail(err, JM_ERR_UTF8, where, line_of(buf, bad),
                           "invalid UTF-8 at byte %zu (save the file as UTF-8)", bad);
        st = copy_text(buf, len, out);
    }
    if (st != JM_OK)
        return jm_fail(err, st, where, 0, "%s", jm_strerror(st));
    return JM_OK;
}

jm_status jm_input_decode(const char *buf, size_t len, const char *name, jm_format hint,
                          struct jm_input *out, jm_error *err)
{
    return decode(buf, len, name, hint, false, out, err);
}
