/*
 * msg.c - messages on standard error, exit codes for library statuses, and
 * the colour decision (a terminal, NO_COLOR, TERM=dumb).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* One line on standard error; the file names in it may be any bytes, so it is printed
 * through jm_printable. */
void errorf(const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    char *shown = jm_printable(line);
    fprintf(stderr, "jobmatch: %s\n", shown ? shown : "(a message that could not be shown)");
    free(shown);
}

/* "jobmatch: FILE:LINE: message", the line only where it is known. */
void report_error(const jm_error *err)
{
    if (err->where[0] && err->line > 0)
        errorf("%s:%ld: %s", err->where, err->line, err->msg);
    else if (err->where[0])
        errorf("%s: %s", err->where, err->msg);
    else
        errorf("%s", err->msg);
}

int exit_code_for(jm_status st)
{
    switch (st) {
    case JM_OK:
        return EXIT_OK;
    case JM_ERR_IO:
        return EXIT_UNREADABLE;
    case JM_ERR_EMPTY:
    case JM_ERR_BINARY:
    case JM_ERR_TOO_BIG:
    case JM_ERR_UTF8:
    case JM_ERR_FORMAT:
        return EXIT_UNSUPPORTED;
    case JM_ERR_DICT:
        return EXIT_DICT;
    case JM_ERR_ARG:
        return EXIT_USAGE;
    case JM_ERR_WRITE:
        return EXIT_WRITE;
    default:
        return EXIT_INTERNAL;
    }
}

static const struct {
    int code;
    const char *text;
} exit_codes[] = {
#define EXIT_CODE(code, name, text) {code, text},
#include "exit_codes.def"
#undef EXIT_CODE
};

enum { HELP_WIDTH = 80, TEXT_COL = 5 };

/* Columns of a word as shown: exit_codes.def's `backquotes` are left out. */
static int shown_width(const char *word, size_t len)
{
    int w = 0;
    for (size_t i = 0; i < len; i++)
        w += word[i] != '`';
    return w;
}

/* `text` from column TEXT_COL (where the cursor is), in words wrapped before
 * HELP_WIDTH, continuation lines under the first. */
static void put_wrapped(FILE *out, const char *text)
{
    int at = TEXT_COL;
    for (text += strspn(text, " "); *text; text += strspn(text, " ")) {
        size_t len = strcspn(text, " ");
        int w = shown_width(text, len);
        if (at > TEXT_COL && at + 1 + w > HELP_WIDTH)
            at = fprintf(out, "\n%*s", TEXT_COL, "") - 1;
        else if (at > TEXT_COL)
            at += fprintf(out, " ");
        for (size_t i = 0; i < len; i++)
            if (text[i] != '`')
                fputc(text[i], out);
        at += w;
        text += len;
    }
    fputc('\n', out);
}

void help_exit_status(FILE *out)
{
    for (size_t i = 0; i < sizeof exit_codes / sizeof *exit_codes; i++) {
        fprintf(out, "%3d  ", exit_codes[i].code);
        put_wrapped(out, exit_codes[i].text);
    }
}

bool use_color(enum color_mode mode)
{
    if (mode != COLOR_AUTO)
        return mode == COLOR_ALWAYS;
    const char *no_color = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    if (no_color && *no_color)
        return false;
    if (term && strcmp(term, "dumb") == 0)
        return false;
    return isatty(STDOUT_FILENO);
}

int write_stdout(void *ctx, const char *data, size_t len)
{
    (void)ctx;
    return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

int write_file(void *ctx, const char *data, size_t len)
{
    return fwrite(data, 1, len, ctx) == len ? 0 : -1;
}

bool grow_array(void *array, size_t *cap, size_t n, size_t size)
{
    void **v = array;
    if (n < *cap)
        return true;
    size_t more = *cap ? 2 * *cap : 64;
    void *p = realloc(*v, more * size);
    if (p == NULL)
        return false;
    *v = p;
    *cap = more;
    return true;
}

void cli_today(char *date, size_t cap)
{
    const char *fixed = getenv("JOBMATCH_TODAY");
    time_t now = time(NULL);
    struct tm tm;
    if (fixed && *fixed)
        snprintf(date, cap, "%s", fixed);
    else if (localtime_r(&now, &tm) == NULL || strftime(date, cap, "%Y-%m-%d", &tm) == 0)
        snprintf(date, cap, "unknown");
}

jm_tailor_options cli_as_of(const char *date)
{
    jm_tailor_options o = {0};
    if (sscanf(date, "%d-%d", &o.today_year, &o.today_month) != 2)
        o = (jm_tailor_options){0}; /* the library's own clock */
    return o;
}
