/*
 * csv.c - CSV as spreadsheets write it (RFC 4180 and what Excel and LibreOffice do beyond
 * it): a UTF-8 BOM, CRLF or LF line ends, quoted fields holding separators, quotes and line
 * breaks, and ';' as the separator where the decimal comma is (a European Excel). Read
 * whole into rows of cells; what was read (separator, BOM, line ends) is kept so that a file
 * is written back in its own dialect. A file that is not CSV is refused with its line, never
 * guessed at: a tracker the user keeps must not be rewritten from a misreading.
 */
#include <stdlib.h>
#include <string.h>

#include "base.h"

/* The separator of the first record: ';' when it has more of them than commas (outside
 * quotes), else ','. */
static char sniff_separator(const char *s, size_t n)
{
    size_t commas = 0, semicolons = 0;
    bool quoted = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        else if (!quoted && (s[i] == '\n' || s[i] == '\r'))
            break;
        else if (!quoted)
            commas += s[i] == ',', semicolons += s[i] == ';';
    }
    return semicolons > commas ? ';' : ',';
}

/* Makes room for one more element of `size` bytes in *v (n held, *cap allocated). */
static bool room(void **v, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return true;
    size_t c = *cap ? 2 * *cap : 8;
    void *p = realloc(*v, c * size);
    if (p == NULL)
        return false;
    *v = p, *cap = c;
    return true;
}

static bool add_cell(struct jm_csv_row *row, const char *s, size_t n)
{
    if (!room((void **)&row->cells, row->n, &row->cap, sizeof *row->cells))
        return false;
    char *copy = malloc(n + 1);
    if (copy == NULL)
        return false;
    memcpy(copy, s, n);
    copy[n] = '\0';
    row->cells[row->n++] = copy;
    return true;
}

struct jm_csv_row *jm_csv_add_row(struct jm_csv *csv, long line)
{
    if (!room((void **)&csv->rows, csv->nrows, &csv->cap, sizeof *csv->rows))
        return NULL;
    csv->rows[csv->nrows] = (struct jm_csv_row){.line = line};
    return &csv->rows[csv->nrows++];
}

bool jm_csv_set(struct jm_csv_row *row, size_t col, const char *s)
{
    while (row->n <= col)
        if (!add_cell(row, "", 0))
            return false;
    char *copy = strdup(s);
    if (copy == NULL)
        return false;
    free(row->cells[col]);
    row->cells[col] = copy;
    return true;
}

const char *jm_csv_get(const struct jm_csv_row *row, size_t col)
{
    return col < row->n ? row->cells[col] : "";
}

/* A quoted field from s[*i] (its opening quote) into `cell`: quotes doubled inside. Advances
 * *i past the closing quote and counts the line breaks it holds; false when it never
 * closes. */
static bool quoted_field(const char *s, size_t n, size_t *i, struct jm_buf *cell, long *line)
{
    for (size_t k = *i + 1; k < n; k++) {
        if (s[k] != '"') {
            *line += s[k] == '\n';
            jm_buf_putc(cell, s[k]);
        } else if (k + 1 < n && s[k + 1] == '"') {
            jm_buf_putc(cell, '"');
            k++;
        } else {
            *i = k + 1;
            return true;
        }
    }
    return false;
}

jm_status jm_csv_parse(const char *s, size_t n, const char *name, struct jm_csv *csv, jm_error *err)
{
    *csv = (struct jm_csv){.sep = ','};
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        csv->bom = true, s += 3, n -= 3;
    csv->sep = sniff_separator(s, n);
    struct jm_buf cell = {0};
    long line = 1;
    bool ok = true;
    for (size_t i = 0; ok && i < n;) {
        struct jm_csv_row *row = jm_csv_add_row(csv, line);
        ok = row != NULL;
        for (bool more = true; ok && more;) { /* the fields of one record */
            jm_buf_clear(&cell);
            long opened = line;
            if (i < n && s[i] == '"') {
                if (!quoted_field(s, n, &i, &cell, &line)) {
                    jm_buf_free(&cell);
                    jm_csv_free(csv);
                    return jm_fail(err, JM_ERR_FORMAT, name, opened,
                                   "a quoted field that never closes");
                }
                if (i < n && s[i] != csv->sep && s[i] != '\n' && s[i] != '\r') {
                    jm_buf_free(&cell);
                    jm_csv_free(csv);
                    return jm_fail(err, JM_ERR_FORMAT, name, line,
                                   "text after a closing quote (a quote inside a field is "
                                   "written twice)");
                }
            } else {
                size_t k = i;
                while (k < n && s[k] != csv->sep && s[k] != '\n' && s[k] != '\r')
                    k++;
                jm_buf_put(&cell, s + i, k - i);
                i = k;
            }
            ok = !cell.failed && add_cell(row, cell.data ? cell.data : "", cell.len);
            more = i < n && s[i] == csv->sep;
            i += more;
        }
        if (csv->nrows == 1) /* the file's line ends: the first record's, not a cell's */
            csv->crlf = i + 1 < n && s[i] == '\r' && s[i + 1] == '\n';
        if (i < n && s[i] == '\r')
            i++;
        if (i < n && s[i] == '\n')
            i++;
        line++;
    }
    jm_buf_free(&cell);
    if (!ok) {
        jm_csv_free(csv);
        return jm_fail(err, JM_ERR_NOMEM, name, 0, "out of memory");
    }
    return JM_OK;
}

void jm_csv_free(struct jm_csv *csv)
{
    for (size_t r = 0; r < csv->nrows; r++) {
        for (size_t c = 0; c < csv->rows[r].n; c++)
            free(csv->rows[r].cells[c]);
        free(csv->rows[r].cells);
    }
    free(csv->rows);
    *csv = (struct jm_csv){.sep = ','};
}

void jm_csv_put_field(struct jm_buf *b, const char *s, char sep)
{
    /* either separator quoted: a reader that guesses it from the first line guesses right;
     * a leading U+FEFF quoted: unquoted, a reader takes it for the file's byte order mark */
    bool quote = s[0] == ' ' || strpbrk(s, "\",;\n\r") || strchr(s, sep) ||
                 (*s && s[strlen(s) - 1] == ' ') || strncmp(s, "\xEF\xBB\xBF", 3) == 0;
    if (!quote) {
        jm_buf_puts(b, s);
        return;
    }
    jm_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            jm_buf_putc(b, '"');
        jm_buf_putc(b, *s);
    }
    jm_buf_putc(b, '"');
}
