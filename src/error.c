/*
 * error.c - status codes and the caller's jm_error. Messages are one line
 * with no newline; the caller decides whether and how to print them. Also the
 * work counter of test builds (base.h, JM_WORK).
 */
#include <stdio.h>
#include <string.h>

#include "base.h"

static const char *const messages[JM_STATUS_COUNT] = {
    [JM_OK] = "success",
    [JM_ERR_NOMEM] = "out of memory",
    [JM_ERR_IO] = "cannot read input",
    [JM_ERR_EMPTY] = "empty input",
    [JM_ERR_BINARY] = "binary input",
    [JM_ERR_TOO_BIG] = "input too large",
    [JM_ERR_UTF8] = "invalid UTF-8",
    [JM_ERR_FORMAT] = "unsupported format",
    [JM_ERR_DICT] = "invalid dictionary",
    [JM_ERR_ARG] = "invalid argument",
    [JM_ERR_WRITE] = "cannot write the output",
};

const char *jm_strerror(jm_status code)
{
    if ((unsigned)code >= JM_STATUS_COUNT || messages[code] == NULL)
        return "unknown error";
    return messages[code];
}

const char *jm_version(void)
{
    return JM_VERSION;
}

jm_status jm_fail(jm_error *err, jm_status code, const char *where, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jm_failv(err, code, where, line, fmt, ap);
    va_end(ap);
    return code;
}

jm_status jm_failv(jm_error *err, jm_status code, const char *where, long line, const char *fmt,
                   va_list ap)
{
    if (err == NULL)
        return code;
    err->code = code;
    err->line = line;
    snprintf(err->where, sizeof err->where, "%s", where ? where : "");
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    /* One line, always: a newline from a library message would break it. */
    for (char *p = err->msg; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    return code;
}

#ifdef JM_TEST_HOOKS
#include <stdatomic.h>

static _Atomic size_t work;

void jm_work_add(size_t n)
{
    atomic_fetch_add_explicit(&work, n, memory_order_relaxed);
}

size_t jm_work_done(void)
{
    return atomic_load(&work);
}
#endif
