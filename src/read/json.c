/*
 * json.c - JSON documents: a JSON Resume (jsonresume.org schema) becomes
 * the same blocks a Markdown resume would give (headings for sections and
 * roles, highlights as list items, skills as a skills section); a
 * schema.org JobPosting, or a job board's API object, goes to jsonld.c.
 */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

/* Up to this many opening characters of a string find the line where it is written. */
enum { KEY_MAX = 24, KEY_MIN = 7 };

/* A string of the source, by its opening characters: where it is first written. */
struct src_string {
    const char *key; /* in the source, after the opening quote */
    size_t len;
    long line;
};

/* The JSON text being read, with its strings indexed by their opening characters. */
struct json_src {
    struct src_string *slots; /* open addressing, at most half full; key NULL is empty */
    size_t mask;
};

static bool plain(unsigned char c)
{
    return c >= 0x20 && c != '"' && c != '\\' && c != '/';
}

/* The length of the opening characters that stand for s: those needing no JSON escape. */
static size_t key_len(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && k < KEY_MAX && plain((unsigned char)s[k]))
        k++;
    return k;
}

static struct src_string *slot_of(const struct json_src *src, const char *key, size_t len)
{
    size_t h = jm_hash_bytes(JM_FNV_BASIS, key, len) & src->mask;
    while (src->slots[h].key &&
           (src->slots[h].len != len || memcmp(src->slots[h].key, key, len) != 0))
        h = (h + 1) & src->mask;
    return &src->slots[h];
}

/*
 * Indexes every string of the JSON text once, so that finding the line of one costs a
 * lookup: searching the text for each string from its start made a resume of many
 * highlights quadratic. False when out of memory.
 */
static bool index_strings(struct json_src *src, const char *s, size_t n)
{
    size_t quotes = 0, cap = 64;
    for (size_t i = 0; i < n; i++)
        quotes += s[i] == '"';
    while (cap < quotes) /* two quotes a string: at most half full */
        cap *= 2;
    src->slots = calloc(cap, sizeof *src->slots);
    src->mask = cap - 1;
    if (src->slots == NULL)
        return false;
    long line = 1;
    JM_WORK(n);
    for (size_t i = 0; i < n; i++) {
        line += s[i] == '\n';
        if (s[i] != '"')
            continue;
        struct src_string *e = slot_of(src, s + i + 1, key_len(s + i + 1, n - i - 1));
        if (e->key == NULL)
            *e = (struct src_string){s + i + 1, key_len(s + i + 1, n - i - 1), line};
        for (i++; i < n && s[i] != '"'; i++) { /* to the closing quote */
            line += s[i] == '\n';
            i += s[i] == '\\';
        }
    }
    return true;
}

static const char *str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) && v->valuestring[0] ? v->valuestring : NULL;
}

/*
 * The line of the source where string `s` is written, so that bullets of a JSON Resume
 * keep their place: the first string of the source that opens with the same characters,
 * up to the first that needs a JSON escape; 0 when it cannot be told.
 */
static long line_of_string(const struct json_src *src, const char *s)
{
    size_t n = strlen(s), k = key_len(s, n);
    JM_WORK(k);
    if (k < KEY_MIN && k < n)
        return 0; /* too short a prefix to be sure, or escaped at once */
    const struct src_string *e = slot_of(src, s, k);
    return e->key ? e->line : 0;
}

static void add(struct jm_doc *doc, const struct json_src *src, enum jm_block_kind kind, int level,
                const char *s)
{
    if (s != NULL)
        jm_doc_add_block(doc, kind, level, line_of_string(src, s), s, strlen(s));
}

/* An entry's summary: what the position or project was, for its keywords; no bullet. */
static void add_context(struct jm_doc *doc, const struct json_src *src, const char *s)
{
    struct jm_block *b =
        s ? jm_doc_add_block(doc, JM_BLOCK_PARAGRAPH, 0, line_of_string(src, s), s, strlen(s))
          : NULL;
    if (b != NULL)
        b->context = true;
}

static void add_list(struct jm_doc *doc, const struct json_src *src, const cJSON *obj,
                     const char *key)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(obj, key)) if (cJSON_IsString(e))
        add(doc, src, JM_BLOCK_ITEM, 1, e->valuestring);
}

/* The line built in `b` as a block, then `b` freed; a line that ran out of memory fails the
 * document rather than going missing from it. */
static struct jm_block *add_built(struct jm_doc *doc, enum jm_block_kind kind, int level, long line,
                                  struct jm_buf *b)
{
    doc->nomem |= b->failed;
    struct jm_block *blk =
        b->len > 0 && !b->failed ? jm_doc_add_block(doc, kind, level, line, b->data, b->len) : NULL;
    jm_buf_free(b);
    return blk;
}

/* "Senior Engineer — Acme (2019-01 – present)": a role heading from optional parts, with its
 * dates as a Markdown resume writes them, so that the years of each role can be counted. */
static void add_role_heading(struct jm_doc *doc, long line, const char *a, const char *b,
                             const char *start, const char *end)
{
    struct jm_buf h = {0};
    jm_buf_puts(&h, a ? a : "");
    if (a && b)
        jm_buf_puts(&h, " \xE2\x80\x94 ");
    jm_buf_puts(&h, b ? b : "");
    if (h.len > 0 && start)
        jm_buf_printf(&h, " (%s \xE2\x80\x93 %s)", start, end ? end : "present");
    else if (h.len > 0 && end)
        jm_buf_printf(&h, " (%s)", end); /* a degree's year */
    struct jm_block *blk = add_built(doc, JM_BLOCK_HEADING, 3, line, &h);
    if (blk != NULL) /* an entry of work[], whatever its company is called */
        blk->position = true;
}

static void add_entries(struct jm_doc *doc, const struct json_src *src, const cJSON *root,
                        const char *key, const char *heading, const char *title_key,
                        const char *org_key)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, key);
    if (cJSON_GetArraySize(arr) == 0)
        return;
    add(doc, src, JM_BLOCK_HEADING, 2, heading);
    const cJSON *e;
    cJSON_ArrayForEach(e, arr)
    {
        const char *org = str(e, org_key);
        struct jm_buf title = {0}; /* "B.Sc. Computer Science": a degree with its area */
        jm_buf_puts(&title, str(e, title_key) ? str(e, title_key) : "");
        if (str(e, "area"))
            jm_buf_printf(&title, "%s%s", title.len ? " " : "", str(e, "area"));
        const char *first = str(e, title_key) ? str(e, title_key) : org;
        add_role_heading(doc, first ? line_of_string(src, first) : 0, title.len ? title.data : NULL,
                         org ? org : str(e, "company"), str(e, "startDate"), str(e, "endDate"));
        doc->nomem |= title.failed;
        jm_buf_free(&title);
        add_context(doc, src, str(e, "summary"));
        add_context(doc, src, str(e, "description"));
        add_list(doc, src, e, "highlights");
    }
}

static void add_skills(struct jm_doc *doc, const struct json_src *src, const cJSON *root)
{
    const cJSON *skills = cJSON_GetObjectItemCaseSensitive(root, "skills");
    if (cJSON_GetArraySize(skills) == 0)
        return;
    add(doc, src, JM_BLOCK_HEADING, 2, "Skills");
    const cJSON *e;
    cJSON_ArrayForEach(e, skills)
    {
        struct jm_buf line = {0};
        const char *name = str(e, "name");
        const cJSON *keywords = cJSON_GetObjectItemCaseSensitive(e, "keywords");
        if (name)
            jm_buf_printf(&line, cJSON_GetArraySize(keywords) > 0 ? "%s: " : "%s", name);
        const cJSON *kw;
        bool first = true;
        cJSON_ArrayForEach(kw, keywords)
        {
            if (!cJSON_IsString(kw))
                continue;
            jm_buf_printf(&line, "%s%s", first ? "" : ", ", kw->valuestring);
            first = false;
        }
        add_built(doc, JM_BLOCK_ITEM, 1, 0, &line);
    }
}

/* "Languages: Czech (Native), English (C2)": one line, as a Markdown resume writes it. */
static void add_languages(struct jm_doc *doc, const cJSON *root)
{
    struct jm_buf line = {0};
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(root, "languages"))
    {
        const char *name = str(e, "language"), *level = str(e, "fluency");
        if (name == NULL)
            continue;
        jm_buf_printf(&line, "%s%s", line.len ? ", " : "Languages: ", name);
        if (level)
            jm_buf_printf(&line, " (%s)", level);
    }
    add_built(doc, JM_BLOCK_PARAGRAPH, 0, 0, &line);
}

/* Certificates: "AWS Certified Solutions Architect — Amazon Web Services, 2023". */
static void add_certificates(struct jm_doc *doc, const cJSON *root)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "certificates");
    if (cJSON_GetArraySize(arr) == 0)
        return;
    jm_doc_add_block(doc, JM_BLOCK_HEADING, 2, 0, "Certifications", 14);
    const cJSON *e;
    cJSON_ArrayForEach(e, arr)
    {
        const char *name = str(e, "name"), *issuer = str(e, "issuer"), *date = str(e, "date");
        if (name == NULL)
            continue;
        struct jm_buf line = {0};
        jm_buf_puts(&line, name);
        if (issuer)
            jm_buf_printf(&line, " \xE2\x80\x94 %s", issuer);
        if (date)
            jm_buf_printf(&line, ", %.4s", date);
        add_built(doc, JM_BLOCK_ITEM, 1, 0, &line);
    }
}

static void add_resume(struct jm_doc *doc, const struct json_src *src, const cJSON *root)
{
    const cJSON *basics = cJSON_GetObjectItemCaseSensitive(root, "basics");
    const char *name = str(basics, "name");
    if (name) {
        jm_meta_add(doc, JM_META_TITLE, JM_SRC_FRONT, -1, name, strlen(name));
        add(doc, src, JM_BLOCK_TITLE, 1, name);
    }
    add(doc, src, JM_BLOCK_PARAGRAPH, 0, str(basics, "label"));
    if (str(basics, "summary")) {
        add(doc, src, JM_BLOCK_HEADING, 2, "Summary");
        add(doc, src, JM_BLOCK_PARAGRAPH, 0, str(basics, "summary"));
    }
    add_skills(doc, src, root);
    add_entries(doc, src, root, "work", "Experience", "position", "name");
    add_entries(doc, src, root, "volunteer", "Volunteer experience", "position", "organization");
    add_entries(doc, src, root, "projects", "Projects", "name", "entity");
    add_entries(doc, src, root, "education", "Education", "studyType", "institution");
    add_certificates(doc, root);
    add_languages(doc, root);
}

jm_status jm_json_parse(struct jm_doc *doc, const char *s, size_t n, jm_error *err)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(s, n, &end, false);
    if (root == NULL) {
        long line = 1;
        for (const char *p = s; end && p < end; p++)
            line += *p == '\n';
        return jm_fail(err, JM_ERR_FORMAT, doc->name, end ? line : 0, "malformed JSON");
    }
    jm_status st = JM_OK;
    const cJSON *posting = jm_jsonld_find(root), *job = NULL;
    if (posting != NULL)
        jm_jsonld_build(doc, root, posting, 1, false, err);
    else if ((job = jm_job_object_find(root)) != NULL)
        jm_job_object_build(doc, job, err);
    else if (cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(root, "basics")) ||
             cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(root, "work"))) {
        struct json_src src = {0};
        if (index_strings(&src, s, n))
            add_resume(doc, &src, root);
        else
            st = jm_fail(err, JM_ERR_NOMEM, doc->name, 0, "out of memory");
        free(src.slots);
    } else
        st = jm_fail(err, JM_ERR_FORMAT, doc->name, 0,
                     "JSON that is neither a JSON Resume nor a job posting (schema.org "
                     "JobPosting, or an object with a title and a description)");
    cJSON_Delete(root);
    return st;
}
