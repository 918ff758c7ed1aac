/*
 * front.c - front matter: the YAML (---) or TOML (+++) block at the top of a Markdown
 * file, and of an HTML file that a site generator (Jekyll, Hugo) renders, whose keys say
 * the title, the company or the place ("title:", "company:", "location:", "remote: true").
 */
#include <string.h>
#include <strings.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

/* The length of line s[i..] without its newline and trailing blanks. */
static size_t line_len(const char *s, size_t n, size_t i, size_t *eol)
{
    size_t e = i;
    while (e < n && s[e] != '\n')
        e++;
    *eol = e;
    while (e > i && (s[e - 1] == '\r' || s[e - 1] == ' '))
        e--;
    return e - i;
}

/* The offset of the closing fence line of front matter, or 0 when there is none. */
static size_t closing_fence(const char *s, size_t n, char fence)
{
    size_t i = 4, eol;
    while (i < n) {
        size_t len = line_len(s, n, i, &eol);
        bool three = len == 3 && s[i] == s[i + 1] && s[i + 1] == s[i + 2];
        if (three && (s[i] == fence || (fence == '-' && s[i] == '.')))
            return i;
        i = eol + 1;
    }
    return 0;
}

/* "url: https://…", "externalURL = …": where the posting lives. */
static bool url_line(struct jm_doc *doc, const char *s, size_t n)
{
    /* not "link": sites put the company's home page there */
    static const char *const keys[] = {"url", "externalurl", "external_url", "canonical_url",
                                       "source_url"};
    size_t k = strcspn(s, ":=");
    if (k >= n)
        return false;
    size_t key = k;
    while (key > 0 && s[key - 1] == ' ')
        key--;
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (key == strlen(keys[i]) && strncasecmp(s, keys[i], key) == 0) {
            jm_doc_set_url(doc, JM_URL_FRONT, s + k + 1, n - k - 1);
            return true;
        }
    return false;
}

size_t jm_front_matter_read(struct jm_doc *doc, const char *s, size_t n)
{
    if (n < 4 ||
        !((memcmp(s, "---", 3) == 0 || memcmp(s, "+++", 3) == 0) && (s[3] == '\n' || s[3] == '\r')))
        return 0;
    size_t close = closing_fence(s, n, s[0]);
    if (close == 0)
        return 0; /* no closing fence: not front matter after all */
    size_t eol;
    for (size_t i = 4; i < close; i = eol + 1) {
        size_t len = line_len(s, n, i, &eol), ind = 0;
        while (ind < len && s[i + ind] == ' ')
            ind++;
        if (len > ind + 2 && s[i + ind] == '-' && s[i + ind + 1] == ' ')
            jm_meta_tag(doc, s + i + ind + 2, len - ind - 2); /* an item of a list: a tag */
        else if (!url_line(doc, s + i, len))
            jm_meta_line(doc, s + i, len, ":=", JM_SRC_FRONT, -1);
    }
    line_len(s, n, close, &eol);
    return eol < n ? eol + 1 : n;
}
