/*
 * utf8.c - UTF-8 text one code point at a time: validity, decoding forwards
 * and backwards, and what counts as a word character. Every module that asks
 * "is this a word boundary?" asks here, so that all agree.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base.h"

bool jm_utf8_valid(const char *s, size_t n, size_t *bad_offset)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        uint64_t word;
        if (n - i >= 8 && (memcpy(&word, p + i, 8), (word & 0x8080808080808080u) == 0)) {
            i += 8; /* eight ASCII bytes at once: most text is ASCII */
            continue;
        }
        unsigned c = p[i];
        size_t k;
        unsigned min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            k = 1, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            k = 2, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            k = 3, min = 0x10000;
        } else {
            goto bad;
        }
        if (n - i <= k) /* truncated sequence */
            goto bad;
        unsigned cp = c & (0x3F >> k);
        for (size_t j = 1; j <= k; j++) {
            if ((p[i + j] & 0xC0) != 0x80)
                goto bad;
            cp = (cp << 6) | (p[i + j] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            goto bad;
        i += k + 1;
    }
    return true;
bad:
    if (bad_offset)
        *bad_offset = i;
    return false;
}

int32_t jm_utf8_at(const char *s, size_t n, size_t i, size_t *next)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *next = i + 1;
        return c;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
        *next = i + 1;
        return 0xFFFD;
    }
    *next = i + (size_t)k;
    return cp;
}

size_t jm_utf8_cut(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

int32_t jm_utf8_before(const char *s, size_t i)
{
    size_t j = i;
    do {
        j--;
    } while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && i - j < 4);
    size_t next;
    return jm_utf8_at(s, i, j, &next);
}

bool jm_is_word_cp(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
               cp == '_';
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

bool jm_word_at(const char *s, size_t n, size_t i)
{
    size_t next;
    return i < n && jm_is_word_cp(jm_utf8_at(s, n, i, &next));
}

bool jm_word_before(const char *s, size_t i)
{
    return i > 0 && jm_is_word_cp(jm_utf8_before(s, i));
}

size_t jm_utf8_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

long jm_line_of(const char *s, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        line += s[i] == '\n';
    return line;
}

char *jm_trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

char *jm_printable(const char *s)
{
    static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
    size_t n = strlen(s), k = 0;
    char *out = malloc(3 * n + 1); /* at worst each byte is replaced */
    if (out == NULL)
        return NULL;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (len <= 0 || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            memcpy(out + k, replacement, 3);
            k += 3;
            i += len > 0 ? (size_t)len : 1;
        } else {
            memcpy(out + k, s + i, (size_t)len);
            k += (size_t)len;
            i += (size_t)len;
        }
    }
    out[k] = '\0';
    return out;
}
