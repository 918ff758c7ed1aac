/*
 * json_out.c - the JSON the CLI writes itself: envelopes around the
 * library's reports. They are built with cJSON, never printed by hand, so
 * that every string in them (a path with a quote, a backslash, a control
 * character) is escaped; a report's own JSON goes in as a raw item, byte for
 * byte, so that it reads exactly as the library wrote it.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Marks where streamed elements go: a raw byte that no cJSON output holds,
 * since cJSON escapes control characters inside strings. */
#define HOLE "\x01"

bool capture_start(struct capture *c)
{
    c->text = NULL;
    c->len = 0;
    c->f = open_memstream(&c->text, &c->len);
    return c->f != NULL;
}

cJSON *capture_end(struct capture *c, bool keep)
{
    bool ok = fclose(c->f) == 0 && keep;
    cJSON *raw = ok ? cJSON_CreateRaw(c->text) : NULL;
    free(c->text);
    return raw;
}

cJSON *json_hole(void)
{
    return cJSON_CreateRaw(HOLE);
}

/* The text of `root` (freed), or NULL after reporting that memory ran out. */
static char *print(cJSON *root)
{
    char *s = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (s == NULL)
        errorf("out of memory");
    return s;
}

int json_print(cJSON *root)
{
    char *s = print(root);
    if (s == NULL)
        return EXIT_INTERNAL;
    puts(s);
    cJSON_free(s);
    return EXIT_OK;
}

int json_print_filled(cJSON *root, void (*fill)(void *ctx), void *ctx)
{
    char *s = print(root);
    if (s == NULL)
        return EXIT_INTERNAL;
    char *hole = strchr(s, HOLE[0]);
    if (hole == NULL) { /* json_hole() ran out of memory */
        cJSON_free(s);
        return errorf("out of memory"), EXIT_INTERNAL;
    }
    fwrite(s, 1, (size_t)(hole - s), stdout);
    fill(ctx);
    puts(hole + 1);
    cJSON_free(s);
    return EXIT_OK;
}
