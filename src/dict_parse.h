/*
 * dict_parse.h - the raw terms of dictionary files, as dict_parse.c reads and
 * layers them and dict.c compiles them. Private to the dictionaries.
 */
#ifndef JM_DICT_PARSE_H
#define JM_DICT_PARSE_H

#include "base.h"
#include "dict.h"

/* One item of a comma-separated list value. */
struct jm_item {
    struct jm_item *next;
    const char *text; /* in the dictionary's arena: it outlives loading */
};

struct jm_item_list {
    struct jm_item *head, *last;
    size_t n;
};

/* A term as read from a file, before names are resolved. */
struct jm_raw_term {
    const char *name, *category, *file;
    long line;
    int layer;
    bool dead; /* overridden by a later layer */
    bool plural, case_exact, has_guard, english_rare;
    const char *context, *reject;
    long context_line, reject_line;
    struct jm_item_list aliases, guarded, companions, implies, related;
    char **guarded_keys; /* `guarded` normalized, filled by collect_forms */
};

struct jm_dict_loader {
    struct jm_arena *arena;   /* the dictionary's: what outlives loading */
    struct jm_arena scratch;  /* file texts, list items, form keys: freed after loading */
    struct jm_raw_term **raw; /* in the scratch arena; the array of pointers grows */
    size_t nraw, cap;
    jm_error *err;
};

/* Reads every path (a .dict file or a directory of them) as one layer each, then
 * applies the layers: a replaced term is marked dead. */
jm_status jm_dict_parse(struct jm_dict_loader *ld, const char *const *paths, size_t npaths);
/* The files a dictionary path stands for, as malloc'd paths in load order (free them with
 * jm_free_names): a directory's *.dict files in name order, a *.rules file none (the rules
 * loader reads it), any other file itself. The parser and the image's fingerprint
 * (dict_image.c) both expand paths here, so that they never disagree. */
jm_status jm_dict_layer_files(const char *path, char ***files, size_t *n, jm_error *err);
/* Fills ld->err for a problem in a dictionary file and returns JM_ERR_DICT. */
jm_status jm_dict_file_error(struct jm_dict_loader *ld, const char *file, long line,
                             const char *fmt, ...) JM_PRINTF(4, 5);

#endif
