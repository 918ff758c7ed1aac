/*
 * text.c - a plain-text document as blocks: one block per line, since job
 * APIs and copied text put one requirement per line; a line indented under
 * a bullet continues it (hard-wrapped text). read.c then turns bullet
 * markers into items and "Requirements:" lines into headings. The first
 * line of a posting is its title block; "Company:" and "Location:" lines
 * stay blocks, which meta.c reads as metadata like any other format's.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

/* A line that opens an entry: a bullet, a number, a date ("2021 –", "~2023.09:"). */
static bool is_bullet_start(const char *s, size_t n)
{
    size_t d = n >= 2 && s[0] == '~'; /* an approximate date */
    return n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+' || (unsigned char)s[0] >= 0xE2 ||
                      isdigit((unsigned char)s[d]));
}

/* Longer than this, a first line is the description itself, not a title. */
enum { MAX_TITLE = 120 };

/* Adds the collected line(s) as a block; a posting's first is its title. */
static void emit(struct jm_doc *doc, struct jm_buf *cur, bool *titled, long line)
{
    if (cur->len == 0)
        return;
    bool title = !*titled && cur->len <= MAX_TITLE;
    jm_doc_add_block(doc, title ? JM_BLOCK_TITLE : JM_BLOCK_PARAGRAPH, 1, line, cur->data,
                     cur->len);
    *titled = true;
    jm_buf_clear(cur);
}

jm_status jm_text_parse(struct jm_doc *doc, const char *s, size_t n, jm_error *err)
{
    struct jm_buf cur = {0};
    long cur_line = 0, line = 0;
    bool cur_bullet = false, titled = doc->role != JM_ROLE_POSTING;
    size_t i = 0;
    while (i <= n) {
        size_t eol = i;
        while (eol < n && s[eol] != '\n')
            eol++;
        line++;
        size_t ind = i;
        while (ind < eol && (s[ind] == ' ' || s[ind] == '\t'))
            ind++;
        size_t len = eol - ind;
        while (len > 0 && isspace((unsigned char)s[ind + len - 1]))
            len--;
        bool continues = cur_bullet && len > 0 && ind > i && !is_bullet_start(s + ind, len);
        if (!continues)
            emit(doc, &cur, &titled, cur_line);
        if (len > 0) {
            if (cur.len == 0) {
                cur_line = line;
                cur_bullet = is_bullet_start(s + ind, len);
            }
            if (cur.len > 0)
                jm_buf_putc(&cur, ' ');
            jm_buf_put(&cur, s + ind, len);
        } else {
            cur_bullet = false;
        }
        i = eol + 1;
    }
    emit(doc, &cur, &titled, cur_line); /* a last line without a newline */
    bool failed = cur.failed;
    jm_buf_free(&cur);
    return failed ? jm_fail(err, JM_ERR_NOMEM, doc->name, 0, "out of memory") : JM_OK;
}
