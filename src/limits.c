/*
 * limits.c - how much jobmatch reads and tries at most (jm_limits): one set per process,
 * read where each bound applies.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base.h"

#define DEFAULTS                                                                                   \
    {                                                                                              \
        .input = JM_MAX_INPUT, .html_depth = 512, .line = 4096, .pattern_steps = 100000,           \
        .rule_steps = 10000000, .dict_nodes = JM_MAX_NODES,                                        \
    }

static const jm_limits defaults = DEFAULTS;
static jm_limits current = DEFAULTS;

/* The range of each field: a field outside it is refused by jm_limits_set. */
static const struct {
    const char *name;
    size_t offset, size;
    unsigned long long low, high;
} ranges[] = {
#define RANGE(field, lo, hi)                                                                       \
    {                                                                                              \
#field, offsetof(jm_limits, field), sizeof(defaults.field), lo, hi                         \
    }
    RANGE(input, 1024, 1024ull << 20),   RANGE(html_depth, 16, 65536),
    RANGE(line, 64, 1024ull << 20),      RANGE(pattern_steps, 1, 4000000000ull),
    RANGE(rule_steps, 1, 4000000000ull), RANGE(dict_nodes, 1024, JM_MAX_NODES),
#undef RANGE
};

static unsigned long long field(const jm_limits *l, size_t i)
{
    const char *p = (const char *)l + ranges[i].offset;
    return ranges[i].size == sizeof(size_t) ? *(const size_t *)p : *(const unsigned long *)p;
}

jm_limits jm_limits_default(void)
{
    return defaults;
}

jm_limits jm_limits_get(void)
{
    return current;
}

const jm_limits *jm_limit(void)
{
    return &current;
}

struct jm_size_text jm_size_text(size_t n)
{
    struct jm_size_text t;
    size_t unit = n >= (1u << 20) ? 1u << 20 : n >= 1024 ? 1024 : 1;
    const char *name = unit == 1 ? "bytes" : unit == 1024 ? "KB" : "MB";
    if (n % unit == 0)
        snprintf(t.s, sizeof t.s, "%zu %s", n / unit, name);
    else
        snprintf(t.s, sizeof t.s, "%.1f %s", (double)n / (double)unit, name);
    return t;
}

jm_status jm_limits_set(const jm_limits *limits, jm_error *err)
{
    if (limits == NULL)
        return jm_fail(err, JM_ERR_ARG, "", 0, "no limits given");
    for (size_t i = 0; i < sizeof ranges / sizeof *ranges; i++) {
        unsigned long long v = field(limits, i);
        if (v != 0 && (v < ranges[i].low || v > ranges[i].high))
            return jm_fail(err, JM_ERR_ARG, "", 0, "limit %s: must be from %llu to %llu, not %llu",
                           ranges[i].name, ranges[i].low, ranges[i].high, v);
    }
    jm_limits next = current;
    for (size_t i = 0; i < sizeof ranges / sizeof *ranges; i++) {
        if (field(limits, i) == 0)
            continue;
        char *dst = (char *)&next + ranges[i].offset;
        memcpy(dst, (const char *)limits + ranges[i].offset, ranges[i].size);
    }
    current = next;
    return JM_OK;
}
