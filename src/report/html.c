/*
 * report/html.c - what the HTML reports share: the one escaping function every text from a
 * document, a dictionary or a file name goes through; JSON made safe inside a <script>; and
 * the page around a report, whose stylesheet (and script) are compiled in from
 * src/report/assets/ and allowed by their hashes in a Content-Security-Policy that fetches
 * nothing. Pages are polyglot: HTML5 that is also well-formed XML (void elements closed,
 * no "<" or "&" in the assets), so that a test can parse them back strictly.
 *
 * The rule of the HTML reports: markup is written with jm_buf_puts and jm_buf_printf whose
 * arguments are numbers or the library's own names (jm_importance_name, ...); every other
 * string goes through jm_html_put or jm_html_puts.
 */
#include <stdio.h>
#include <string.h>

#include "base.h"
#include "report/report.h"

/* The compiled-in assets (build/gen/assets.c, written by src/report/assets/embed.sh). */
extern const char jm_asset_report_css[], jm_asset_report_css_csp[];
extern const char jm_asset_report_js[], jm_asset_report_js_csp[];

/* A control character: shown raw it would be a terminal escape or invalid HTML. */
static bool is_control(int32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F);
}

void jm_html_put(struct jm_buf *b, const char *s, size_t n)
{
    size_t run = 0; /* the start of the bytes not yet written */
    for (size_t i = 0, next; i < n; i = next) {
        int32_t cp = jm_utf8_at(s, n, i, &next);
        const char *esc = cp == '&'                       ? "&amp;"
                          : cp == '<'                     ? "&lt;"
                          : cp == '>'                     ? "&gt;"
                          : cp == '"'                     ? "&quot;"
                          : cp == '\''                    ? "&#39;"
                          : cp == 0xFFFD && next - i == 1 ? "\xEF\xBF\xBD" /* an invalid byte */
                          : is_control(cp)                ? ""
                                                          : NULL;
        if (esc == NULL)
            continue;
        jm_buf_put(b, s + run, i - run);
        jm_buf_puts(b, esc);
        run = next;
    }
    jm_buf_put(b, s + run, n - run);
}

void jm_html_puts(struct jm_buf *b, const char *s)
{
    jm_html_put(b, s, strlen(s));
}

void jm_html_json(struct jm_buf *b, const char *json)
{
    /* "<" never appears raw, so neither "</script>" nor "<!--" survives ("&" neither, for
     * the XML reading of the page); the line separators
     * end a JavaScript string literal in older engines. */
    for (const char *p = json; *p; p++) {
        if (*p == '<' || *p == '&')
            jm_buf_puts(b, *p == '<' ? "\\u003c" : "\\u0026");
        else if (strncmp(p, "\xE2\x80\xA8", 3) == 0 || strncmp(p, "\xE2\x80\xA9", 3) == 0)
            jm_buf_puts(b, p[2] == '\xA8' ? "\\u2028" : "\\u2029"), p += 2;
        else
            jm_buf_putc(b, *p);
    }
}

void jm_html_begin(struct jm_buf *b, const char *title, bool script)
{
    jm_buf_puts(b, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
                   "<head>\n<meta charset=\"utf-8\"/>\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                   "<meta name=\"color-scheme\" content=\"light dark\"/>\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "base-uri 'none'; form-action 'none'; style-src ");
    jm_buf_puts(b, jm_asset_report_css_csp);
    jm_buf_puts(b, "; script-src ");
    jm_buf_puts(b, script ? jm_asset_report_js_csp : "'none'");
    jm_buf_printf(b, "\"/>\n<meta name=\"generator\" content=\"jobmatch %s\"/>\n<title>",
                  jm_version());
    jm_html_puts(b, title);
    jm_buf_puts(b, "</title>\n<style>");
    jm_buf_puts(b, jm_asset_report_css);
    jm_buf_puts(b, "</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the "
                   "report</a>\n");
}

void jm_html_end(struct jm_buf *b, bool script)
{
    jm_buf_printf(b,
                  "<footer><p>Made by jobmatch %s on this computer: nothing was uploaded, "
                  "and this page fetches nothing.</p></footer>\n",
                  jm_version());
    if (script) {
        jm_buf_puts(b, "<script>");
        jm_buf_puts(b, jm_asset_report_js);
        jm_buf_puts(b, "</script>\n");
    }
    jm_buf_puts(b, "</body>\n</html>\n");
}
