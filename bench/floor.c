/*
 * floor.c - the parse floor of `make bench`: libxml2's HTML SAX parser over
 * the same files, keeping the text the cheapest way (every character
 * callback appended to one buffer; nothing skipped, nothing normalized).
 * No tool built on libxml2 can read pages faster than this.
 *
 *   floor DIR|FILE...    prints: files, bytes read, text bytes kept
 */
#include <dirent.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct text {
    char *data;
    size_t len, cap;
};

static void characters(void *ctx, const xmlChar *ch, int len)
{
    struct text *t = ctx;
    if (t->len + (size_t)len > t->cap) {
        t->cap = 2 * (t->len + (size_t)len);
        t->data = realloc(t->data, t->cap);
    }
    memcpy(t->data + t->len, ch, (size_t)len);
    t->len += (size_t)len;
}

static size_t nfiles, nbytes, ntext;

static void parse_file(const char *path, struct text *t)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    size_t n = fread(buf, 1, (size_t)size, f);
    fclose(f);
    htmlSAXHandler sax = {0};
    sax.characters = characters;
    sax.cdataBlock = characters;
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(buf, (int)n);
    if (ctxt != NULL) {
        *ctxt->sax = sax;
        ctxt->userData = t;
        htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                     HTML_PARSE_NONET);
        t->len = 0;
        htmlParseDocument(ctxt);
        htmlFreeParserCtxt(ctxt);
    }
    nfiles++;
    nbytes += n;
    ntext += t->len;
    free(buf);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void parse_dir(const char *dir, struct text *t)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    char **names = NULL;
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        names = realloc(names, (n + 1) * sizeof *names);
        names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2);
        sprintf(names[n++], "%s/%s", dir, e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    for (size_t i = 0; i < n; i++) {
        parse_file(names[i], t);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    struct text t = {0};
    xmlInitParser();
    for (int i = 1; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode))
            parse_dir(argv[i], &t);
        else
            parse_file(argv[i], &t);
    }
    printf("%zu files, %zu bytes read, %zu text bytes\n", nfiles, nbytes, ntext);
    free(t.data);
    xmlCleanupParser();
    return nfiles > 0 ? 0 : 1;
}
