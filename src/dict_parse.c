/*
 * dict_parse.c - the dictionary file format (dictionaries/README.md): each
 * file is read into raw terms, with errors naming file and line, and the
 * layers are applied (a term defined again in a later path replaces the
 * earlier definition; twice in one layer is an error). dict.c compiles them.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base.h"
#include "dict.h"
#include "dict_parse.h"

jm_status jm_dict_file_error(struct jm_dict_loader *ld, const char *file, long line,
                             const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jm_failv(ld->err, JM_ERR_DICT, file, line, fmt, ap);
    va_end(ap);
    return JM_ERR_DICT;
}

/* Appends each comma-separated item of `value` to `list`. */
static jm_status add_items(struct jm_dict_loader *ld, struct jm_item_list *list, char *value)
{
    char *save;
    for (char *text = strtok_r(value, ",", &save); text; text = strtok_r(NULL, ",", &save)) {
        text = jm_trim(text);
        if (*text == '\0')
            continue;
        struct jm_item *it = jm_arena_alloc(&ld->scratch, sizeof *it);
        if (it == NULL || (it->text = jm_arena_strndup(ld->arena, text, strlen(text))) == NULL)
            return jm_fail(ld->err, JM_ERR_NOMEM, "", 0, "out of memory");
        it->next = NULL;
        if (list->last != NULL)
            list->last->next = it;
        else
            list->head = it;
        list->last = it;
        list->n++;
    }
    return JM_OK;
}

static struct jm_raw_term *new_raw(struct jm_dict_loader *ld)
{
    if (ld->nraw == ld->cap) {
        size_t cap = ld->cap ? ld->cap * 2 : 256;
        struct jm_raw_term **p = realloc(ld->raw, cap * sizeof *p);
        if (p == NULL)
            return NULL;
        ld->raw = p;
        ld->cap = cap;
    }
    struct jm_raw_term *t = jm_arena_alloc(&ld->scratch, sizeof *t);
    if (t == NULL)
        return NULL;
    ld->raw[ld->nraw++] = t;
    memset(t, 0, sizeof *t);
    t->plural = true;
    return t;
}

static jm_status set_pattern(struct jm_dict_loader *ld, struct jm_raw_term *t, const char **slot,
                             long *slot_line, const char *value, long line, const char *key)
{
    if (*slot != NULL)
        return jm_dict_file_error(ld, t->file, line, "'%s' given twice for one term", key);
    *slot = jm_arena_strndup(ld->arena, value, strlen(value));
    *slot_line = line;
    t->has_guard = true;
    return *slot ? JM_OK : JM_ERR_NOMEM;
}

/* One "key: value" line of the current term. */
static jm_status term_attr(struct jm_dict_loader *ld, struct jm_raw_term *t, char *key, char *value,
                           long line)
{
    if (*value == '\0')
        return jm_dict_file_error(ld, t->file, line, "'%s' has no value", key);
    if (!strcmp(key, "category")) {
        t->category = jm_arena_strndup(ld->arena, value, strlen(value));
    } else if (!strcmp(key, "aliases") || !strcmp(key, "alias")) {
        return add_items(ld, &t->aliases, value);
    } else if (!strcmp(key, "guarded")) {
        t->has_guard = true;
        return add_items(ld, &t->guarded, value);
    } else if (!strcmp(key, "case")) {
        if (strcmp(value, "exact") != 0 && strcmp(value, "any") != 0)
            return jm_dict_file_error(ld, t->file, line, "case must be 'exact' or 'any', not '%s'",
                                      value);
        t->case_exact = strcmp(value, "exact") == 0;
        t->has_guard |= t->case_exact;
    } else if (!strcmp(key, "context")) {
        return set_pattern(ld, t, &t->context, &t->context_line, value, line, key);
    } else if (!strcmp(key, "reject")) {
        return set_pattern(ld, t, &t->reject, &t->reject_line, value, line, key);
    } else if (!strcmp(key, "companion") || !strcmp(key, "companions")) {
        t->has_guard = true;
        return add_items(ld, &t->companions, value);
    } else if (!strcmp(key, "implies")) {
        return add_items(ld, &t->implies, value);
    } else if (!strcmp(key, "related")) {
        return add_items(ld, &t->related, value);
    } else if (!strcmp(key, "english")) {
        if (strcmp(value, "rare") != 0)
            return jm_dict_file_error(ld, t->file, line, "english must be 'rare', not '%s'", value);
        t->english_rare = true;
    } else if (!strcmp(key, "plural")) {
        if (strcmp(value, "yes") != 0 && strcmp(value, "no") != 0)
            return jm_dict_file_error(ld, t->file, line, "plural must be 'yes' or 'no', not '%s'",
                                      value);
        t->plural = strcmp(value, "yes") == 0;
    } else {
        return jm_dict_file_error(ld, t->file, line, "unknown key '%s'", key);
    }
    return JM_OK;
}

static jm_status end_term(struct jm_dict_loader *ld, struct jm_raw_term *t)
{
    if (t != NULL && t->category == NULL)
        return jm_dict_file_error(ld, t->file, t->line, "term '%s' has no category", t->name);
    return JM_OK;
}

static jm_status parse_line(struct jm_dict_loader *ld, char *s, const char *file, long line,
                            int layer, const char **category, struct jm_raw_term **cur)
{
    char *body = jm_trim(s);
    if (*body == '\0' || *body == '#')
        return JM_OK;
    if (!isspace((unsigned char)s[0]) && s[0] == '[') {
        char *close = strchr(body, ']');
        if (close == NULL || close == body + 1 || *jm_trim(close + 1) != '\0')
            return jm_dict_file_error(ld, file, line, "malformed category line '%s'", body);
        *close = '\0';
        jm_status st = end_term(ld, *cur);
        *cur = NULL;
        *category = jm_arena_strndup(ld->arena, jm_trim(body + 1), strlen(jm_trim(body + 1)));
        return st;
    }
    if (!isspace((unsigned char)s[0])) {
        if (strstr(body, ": ") != NULL || body[strlen(body) - 1] == ':')
            return jm_dict_file_error(ld, file, line,
                                      "'%s' looks like a key: indent it under a term", body);
        jm_status st = end_term(ld, *cur);
        if (st != JM_OK)
            return st;
        struct jm_raw_term *t = new_raw(ld);
        if (t == NULL)
            return jm_fail(ld->err, JM_ERR_NOMEM, file, line, "out of memory");
        t->name = jm_arena_strndup(ld->arena, body, strlen(body));
        t->category = *category;
        t->file = file;
        t->line = line;
        t->layer = layer;
        *cur = t;
        return JM_OK;
    }
    if (*cur == NULL)
        return jm_dict_file_error(ld, file, line, "'%s' comes before any term", body);
    char *colon = strchr(body, ':');
    if (colon == NULL)
        return jm_dict_file_error(ld, file, line, "expected 'key: value', got '%s'", body);
    *colon = '\0';
    return term_attr(ld, *cur, jm_trim(body), jm_trim(colon + 1), line);
}

static jm_status parse_file(struct jm_dict_loader *ld, const char *path, int layer)
{
    const char *file = jm_arena_strndup(ld->arena, path, strlen(path));
    char *text = NULL;
    size_t len = 0;
    if (file == NULL)
        return jm_fail(ld->err, JM_ERR_NOMEM, path, 0, "out of memory");
    /* The text lives only while its file is parsed: the next file reuses its memory. */
    struct jm_arena text_arena = {0};
    jm_status st = jm_read_text_file(file, &text_arena, JM_ERR_DICT, &text, &len, ld->err);
    const char *category = NULL;
    struct jm_raw_term *cur = NULL;
    long lineno = 0;
    for (char *line = text; st == JM_OK && line < text + len;) {
        char *end = memchr(line, '\n', (size_t)(text + len - line));
        if (end == NULL)
            end = text + len;
        *end = '\0';
        st = parse_line(ld, line, file, ++lineno, layer, &category, &cur);
        line = end + 1;
    }
    if (st == JM_OK)
        st = end_term(ld, cur);
    jm_arena_free(&text_arena);
    return st;
}

jm_status jm_dict_layer_files(const char *path, char ***files, size_t *n, jm_error *err)
{
    *files = NULL;
    *n = 0;
    struct stat sb;
    if (stat(path, &sb) != 0)
        return jm_fail(err, JM_ERR_DICT, path, 0, "cannot open: %s", strerror(errno));
    if (S_ISDIR(sb.st_mode))
        return jm_list_dir(path, ".dict", JM_ERR_DICT, files, n, err);
    /* Phrasing rules share the dictionary paths; their loader reads them. */
    if (jm_has_suffix(path, ".rules"))
        return JM_OK;
    if ((*files = malloc(sizeof **files)) == NULL || ((*files)[0] = strdup(path)) == NULL) {
        free(*files);
        *files = NULL;
        return jm_fail(err, JM_ERR_NOMEM, path, 0, "out of memory");
    }
    *n = 1;
    return JM_OK;
}

/* One path: its files, in order, make one layer. */
static jm_status parse_path(struct jm_dict_loader *ld, const char *path, int layer)
{
    char **files;
    size_t n;
    jm_status st = jm_dict_layer_files(path, &files, &n, ld->err);
    for (size_t i = 0; i < n && st == JM_OK; i++)
        st = parse_file(ld, files[i], layer);
    jm_free_names(files, n);
    return st;
}

static const char *raw_name(const void *ctx, uint32_t i)
{
    return ((const struct jm_dict_loader *)ctx)->raw[i]->name;
}

/* A later layer replaces a term of the same name; the same layer may not. */
static jm_status apply_layers(struct jm_dict_loader *ld)
{
    struct jm_table names;
    if (!jm_table_init(&names, ld->nraw, raw_name, ld))
        return jm_fail(ld->err, JM_ERR_NOMEM, "", 0, "out of memory");
    jm_status st = JM_OK;
    for (uint32_t i = 0; i < ld->nraw && st == JM_OK; i++) {
        struct jm_raw_term *b = ld->raw[i];
        uint32_t before = i;
        jm_table_add(&names, i, &before); /* sized for all: never grows, never fails */
        if (before != i) {
            struct jm_raw_term *a = ld->raw[before];
            if (a->layer == b->layer)
                st = jm_dict_file_error(ld, b->file, b->line,
                                        "term '%s' is defined twice (first at %s:%ld)", b->name,
                                        a->file, a->line);
            a->dead = true;
        }
    }
    jm_table_free(&names);
    return st;
}

jm_status jm_dict_parse(struct jm_dict_loader *ld, const char *const *paths, size_t npaths)
{
    jm_status st = JM_OK;
    for (size_t i = 0; i < npaths && st == JM_OK; i++)
        st = parse_path(ld, paths[i], (int)i);
    return st == JM_OK ? apply_layers(ld) : st;
}
