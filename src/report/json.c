/*
 * report/json.c - JSON reports printed: cJSON builds each document, this prints it, byte for
 * byte as cJSON_PrintUnformatted would (tests/unit/test_report.c compares the two).
 *
 * Why not cJSON's printer: it prints every number with sprintf("%1.15g") and reads it back
 * with sscanf to check that 15 digits suffice, and builds the text in a buffer of its own
 * that is then copied. Our numbers are counts or rounded to two decimals (jm_round2), whose
 * shortest form is known without either; printing was half of what `batch --format jsonl`
 * spent on a posting. Other numbers take cJSON's own path.
 */
#include <cJSON.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "report/report.h"

void jm_json_string(struct jm_buf *b, const char *s)
{
    static const char short_escape[] = {['"'] = '"',  ['\\'] = '\\', ['\b'] = 'b', ['\f'] = 'f',
                                        ['\n'] = 'n', ['\r'] = 'r',  ['\t'] = 't'};
    jm_buf_putc(b, '"');
    const char *run = s ? s : "", *p = run;
    for (; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 32 && c != '"' && c != '\\')
            continue; /* UTF-8 and the rest of ASCII go as they are */
        jm_buf_put(b, run, (size_t)(p - run));
        run = p + 1;
        if (c < sizeof short_escape && short_escape[c])
            jm_buf_put(b, (const char[]){'\\', short_escape[c]}, 2);
        else
            jm_buf_printf(b, "\\u%04x", c);
    }
    jm_buf_put(b, run, (size_t)(p - run));
    jm_buf_putc(b, '"');
}

/* d as "%1.15g" prints it when d is a whole number of hundredths under 10^13 (so that its
 * 15 significant digits hold every digit): sign, units, and the hundredths without trailing
 * zeros. False for any other number. */
static bool put_hundredths(struct jm_buf *b, double d)
{
    double k = round(d * 100);
    if (!(fabs(k) < 1e15) || k / 100 != d)
        return false;
    unsigned long long v = (unsigned long long)fabs(k);
    char s[32];
    int n = snprintf(s, sizeof s, "%s%llu", signbit(d) ? "-" : "", v / 100);
    unsigned cents = (unsigned)(v % 100);
    if (cents % 10 != 0)
        n += snprintf(s + n, sizeof s - (size_t)n, ".%02u", cents);
    else if (cents != 0)
        n += snprintf(s + n, sizeof s - (size_t)n, ".%u", cents / 10);
    jm_buf_put(b, s, (size_t)n);
    return true;
}

/* cJSON's own way: 15 significant digits when they read back as d, else 17. */
static void put_number(struct jm_buf *b, double d)
{
    if (isnan(d) || isinf(d)) {
        jm_buf_puts(b, "null");
        return;
    }
    if (put_hundredths(b, d))
        return;
    char s[32];
    snprintf(s, sizeof s, "%1.15g", d);
    double back = strtod(s, NULL), most = fmax(fabs(back), fabs(d));
    if (!(fabs(back - d) <= most * DBL_EPSILON))
        snprintf(s, sizeof s, "%1.17g", d);
    /* The locale's decimal point (whatever is not a digit, sign or exponent) becomes '.':
     * not looked up, since localeconv() may not be called from several threads at once. */
    for (const char *p = s; *p;) {
        size_t keep = strspn(p, "0123456789+-eE");
        jm_buf_put(b, p, keep);
        p += keep;
        if (*p) {
            jm_buf_putc(b, '.');
            p += strcspn(p, "0123456789+-eE");
        }
    }
}

static void put_value(struct jm_buf *b, const cJSON *item)
{
    switch (item->type & 0xFF) {
    case cJSON_NULL:
        jm_buf_puts(b, "null");
        break;
    case cJSON_False:
        jm_buf_puts(b, "false");
        break;
    case cJSON_True:
        jm_buf_puts(b, "true");
        break;
    case cJSON_Number:
        put_number(b, item->valuedouble);
        break;
    case cJSON_String:
        jm_json_string(b, item->valuestring);
        break;
    case cJSON_Raw:
        if (item->valuestring == NULL)
            b->failed = true; /* as cJSON fails */
        else
            jm_buf_puts(b, item->valuestring);
        break;
    case cJSON_Array:
    case cJSON_Object:
        jm_buf_putc(b, cJSON_IsArray(item) ? '[' : '{');
        for (const cJSON *c = item->child; c; c = c->next) {
            if (cJSON_IsObject(item)) {
                jm_json_string(b, c->string);
                jm_buf_putc(b, ':');
            }
            put_value(b, c);
            if (c->next)
                jm_buf_putc(b, ',');
        }
        jm_buf_putc(b, cJSON_IsArray(item) ? ']' : '}');
        break;
    default: /* cJSON_Invalid: cJSON prints nothing at all */
        b->failed = true;
    }
}

cJSON *jm_json_failed(void)
{
    cJSON *item = cJSON_CreateNull();
    if (item != NULL)
        item->type = cJSON_Invalid;
    return item;
}

void jm_put_json(struct jm_buf *b, cJSON *root)
{
    if (root == NULL)
        b->failed = true;
    else
        put_value(b, root);
    jm_buf_putc(b, '\n');
    cJSON_Delete(root);
}
