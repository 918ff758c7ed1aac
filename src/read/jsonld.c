/*
 * jsonld.c - a schema.org JobPosting (JSON-LD in a page, or a .json file)
 * as blocks: title, description (itself HTML, parsed by html.c), and the
 * skills, qualifications and responsibilities fields under headings that
 * section.c understands. Also the posting's company and location. And the
 * same from a job board's API object saved as a .json file ({"title",
 * "company", "location", "description"} in the spellings boards use).
 */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

/* A description long enough to stand for the posting, not a teaser. */
enum { MIN_DESCRIPTION = 200, MAX_SEARCH_DEPTH = 8 };

static const char *str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) && v->valuestring[0] ? v->valuestring : NULL;
}

static bool is_type(const cJSON *obj, const char *type)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(obj, "@type");
    if (cJSON_IsString(t))
        return strcasecmp(t->valuestring, type) == 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, t) if (cJSON_IsString(e) &&
                                 strcasecmp(e->valuestring, type) == 0) return true;
    return false;
}

/* The first JobPosting object, searching arrays and @graph. */
static const cJSON *find_posting(const cJSON *node, int depth)
{
    if (node == NULL || depth > MAX_SEARCH_DEPTH)
        return NULL;
    if (cJSON_IsObject(node) && is_type(node, "JobPosting"))
        return node;
    if (cJSON_IsObject(node))
        return find_posting(cJSON_GetObjectItemCaseSensitive(node, "@graph"), depth + 1);
    const cJSON *e;
    cJSON_ArrayForEach(e, node)
    {
        const cJSON *found = find_posting(e, depth + 1);
        if (found)
            return found;
    }
    return NULL;
}

/* The node of `root` whose "@id" is `id`, searching arrays, objects and @graph. */
static const cJSON *find_id(const cJSON *node, const char *id, int depth)
{
    if (node == NULL || depth > MAX_SEARCH_DEPTH)
        return NULL;
    const char *own = cJSON_IsObject(node) ? str(node, "@id") : NULL;
    if (own && strcmp(own, id) == 0 && cJSON_GetArraySize(node) > 1)
        return node;
    const cJSON *e;
    cJSON_ArrayForEach(e, node)
    {
        if (!cJSON_IsObject(e) && !cJSON_IsArray(e))
            continue;
        const cJSON *found = find_id(e, id, depth + 1);
        if (found)
            return found;
    }
    return NULL;
}

/* {"@id": "https://acme.example/#org"}: a reference to a node of the graph, which holds
 * what it names (Yoast and other site generators write the employer so). */
static const cJSON *deref(const cJSON *root, const cJSON *node)
{
    const char *id =
        cJSON_IsObject(node) && cJSON_GetArraySize(node) == 1 ? str(node, "@id") : NULL;
    const cJSON *target = id ? find_id(root, id, 0) : NULL;
    return target ? target : node;
}

/* A posting's own address: schema.org's "url", or what a board's API calls it. */
static void set_url(struct jm_doc *doc, const cJSON *posting)
{
    static const char *const keys[] = {"url",     "absolute_url", "hostedUrl",   "jobUrl",
                                       "job_url", "html_url",     "redirect_url"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        const char *s = str(posting, keys[i]);
        if (s)
            jm_doc_set_url(doc, JM_URL_POSTING, s, strlen(s));
    }
}

static void set_company(struct jm_doc *doc, const cJSON *org)
{
    const char *name = cJSON_IsString(org) ? org->valuestring : str(org, "name");
    if (name)
        jm_meta_add(doc, JM_META_COMPANY, JM_SRC_JSONLD, -1, name, strlen(name));
}

static void set_location(struct jm_doc *doc, const cJSON *root, const cJSON *posting)
{
    const cJSON *loc = cJSON_GetObjectItemCaseSensitive(posting, "jobLocation");
    if (cJSON_IsArray(loc))
        loc = cJSON_GetArrayItem(loc, 0);
    loc = deref(root, loc);
    const cJSON *addr = deref(root, cJSON_GetObjectItemCaseSensitive(loc, "address"));
    struct jm_buf b = {0};
    if (cJSON_IsString(addr)) {
        jm_buf_puts(&b, addr->valuestring);
    } else {
        static const char *const parts[] = {"addressLocality", "addressRegion", "addressCountry"};
        for (size_t i = 0; i < 3; i++) {
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(addr, parts[i]);
            const char *s = cJSON_IsString(v) ? v->valuestring : str(v, "name");
            if (s == NULL || *s == '\0')
                continue;
            if (b.len > 0)
                jm_buf_puts(&b, ", ");
            jm_buf_puts(&b, s);
        }
    }
    const char *type = str(posting, "jobLocationType");
    if (b.len == 0 && type && strcasecmp(type, "TELECOMMUTE") == 0)
        jm_buf_puts(&b, "Remote");
    if (b.len > 0)
        jm_meta_add(doc, JM_META_LOCATION, JM_SRC_JSONLD, -1, b.data, b.len);
    jm_buf_free(&b);
}

/* Some sites escape the description's HTML twice: "&lt;p&gt;...". */
static char *unescape_markup(const char *s)
{
    struct jm_buf b = {0};
    static const struct {
        const char *ent, *ch;
    } ents[] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
    while (*s) {
        size_t i = 0;
        for (; i < sizeof ents / sizeof ents[0]; i++)
            if (strncmp(s, ents[i].ent, strlen(ents[i].ent)) == 0)
                break;
        if (i < sizeof ents / sizeof ents[0]) {
            jm_buf_puts(&b, ents[i].ch);
            s += strlen(ents[i].ent);
        } else {
            jm_buf_putc(&b, *s++);
        }
    }
    return b.data;
}

static jm_status add_html(struct jm_doc *doc, const char *html, long line, jm_error *err)
{
    char *unescaped = NULL;
    if (strchr(html, '<') == NULL && strstr(html, "&lt;") != NULL)
        unescaped = unescape_markup(html);
    const char *s = unescaped ? unescaped : html;
    jm_status st = jm_html_parse(doc, s, strlen(s), line, NULL, err);
    free(unescaped);
    return st;
}

/* A field that may be a string or an array of strings, under a heading. */
static void add_field(struct jm_doc *doc, const cJSON *posting, const char *key,
                      const char *heading, long line, jm_error *err)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(posting, key);
    if (!cJSON_IsString(v) && !cJSON_IsArray(v))
        return;
    jm_doc_add_block(doc, JM_BLOCK_HEADING, 2, line, heading, strlen(heading));
    if (cJSON_IsString(v)) {
        add_html(doc, v->valuestring, line, err);
        return;
    }
    const cJSON *e;
    cJSON_ArrayForEach(e, v)
    {
        const char *s = cJSON_IsString(e) ? e->valuestring : str(e, "name");
        if (s != NULL)
            jm_doc_add_block(doc, JM_BLOCK_ITEM, 1, line, s, strlen(s));
    }
}

const cJSON *jm_jsonld_find(const cJSON *root)
{
    return find_posting(root, 0);
}

bool jm_jsonld_build(struct jm_doc *doc, const cJSON *root, const cJSON *posting, long line,
                     bool need_body, jm_error *err)
{
    const char *title = str(posting, "title");
    if (title == NULL)
        title = str(posting, "name");
    if (title)
        jm_meta_add(doc, JM_META_TITLE, JM_SRC_JSONLD, -1, title, strlen(title));
    set_company(doc, deref(root, cJSON_GetObjectItemCaseSensitive(posting, "hiringOrganization")));
    set_location(doc, root, posting);
    set_url(doc, posting);
    const char *desc = str(posting, "description");
    if (need_body && (desc == NULL || strlen(desc) < MIN_DESCRIPTION))
        return false;
    if (title)
        jm_doc_add_block(doc, JM_BLOCK_TITLE, 1, line, title, strlen(title));
    if (desc && add_html(doc, desc, line, err) != JM_OK)
        return false;
    add_field(doc, posting, "responsibilities", "Responsibilities", line, err);
    add_field(doc, posting, "skills", "Skills", line, err);
    add_field(doc, posting, "qualifications", "Qualifications", line, err);
    add_field(doc, posting, "experienceRequirements", "Experience requirements", line, err);
    add_field(doc, posting, "educationRequirements", "Education requirements", line, err);
    return true;
}

bool jm_jsonld_has_body(const char *s, size_t n)
{
    cJSON *root = cJSON_ParseWithLength(s, n);
    const cJSON *posting = root ? find_posting(root, 0) : NULL;
    const cJSON *desc = cJSON_GetObjectItemCaseSensitive(posting, "description");
    bool yes = cJSON_IsString(desc) && strlen(desc->valuestring) >= MIN_DESCRIPTION;
    cJSON_Delete(root);
    return yes;
}

static bool read_posting(struct jm_doc *doc, const char *s, size_t n, long line, jm_error *err)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(s, n, &end, false);
    if (root == NULL) {
        jm_doc_warn(doc, "line %ld: malformed JSON-LD ignored", line);
        return false;
    }
    const cJSON *posting = find_posting(root, 0);
    bool used = posting != NULL && jm_jsonld_build(doc, root, posting, line, true, err);
    cJSON_Delete(root);
    return used;
}

void jm_jsonld_use(struct jm_doc *doc, const struct jm_html_page *page, size_t body_start,
                   jm_error *err)
{
    size_t body_end = doc->nblocks;
    const char *p = page->jsonld.data, *end = p + page->jsonld.len;
    while (p < end) {
        const char *sep = memchr(p, '\x1e', (size_t)(end - p));
        size_t n = sep ? (size_t)(sep - p) : (size_t)(end - p);
        if (read_posting(doc, p, n, page->jsonld_line, err)) {
            /* The posting's own description replaces the page around it,
             * which on job boards is mostly other jobs and navigation. */
            if (doc->nblocks > body_end) {
                memmove(doc->blocks + body_start, doc->blocks + body_end,
                        (doc->nblocks - body_end) * sizeof *doc->blocks);
                doc->nblocks -= body_end - body_start;
            }
            return;
        }
        p += n + 1;
    }
}

/* ---- a job board's API object ----------------------------------------------------- */

/* The keys boards name each field by (GitHub Jobs, Greenhouse, Lever, Remotive, Adzuna, …),
 * in the order tried. "name" names too many things to say "job" alone: see job_object. */
static const char *const title_keys[] = {"title",        "jobTitle",      "job_title", "position",
                                         "positionName", "position_name", "text",      NULL};
static const char *const company_keys[] = {
    "company",  "company_name",  "companyName",  "hiringOrganization",
    "employer", "employer_name", "employerName", "organization",
    NULL};
static const char *const location_keys[] = {
    "location", "locations", "job_location", "location_name", "candidate_required_location",
    "city",     NULL};
static const char *const description_keys[] = {"description",
                                               "descriptionHtml",
                                               "description_html",
                                               "content",
                                               "job_description",
                                               "jobDescription",
                                               "descriptionPlain",
                                               "body",
                                               NULL};

/* A field's text: a string; an object's "name" (or "display_name", "city"); an array's
 * first such. */
static const char *field_text(const cJSON *v)
{
    if (cJSON_IsArray(v))
        v = cJSON_GetArrayItem(v, 0);
    if (cJSON_IsString(v))
        return v->valuestring[0] ? v->valuestring : NULL;
    static const char *const names[] = {"name", "display_name", "city", "location"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        const char *s = str(v, names[i]);
        if (s)
            return s;
    }
    return NULL;
}

static const char *first_field(const cJSON *obj, const char *const *keys)
{
    for (size_t i = 0; keys[i]; i++) {
        const char *s = field_text(cJSON_GetObjectItemCaseSensitive(obj, keys[i]));
        if (s)
            return s;
    }
    return NULL;
}

/* A job: a real description, and a title by a key that says job, or a "name" beside an
 * employer or a place ({"name", "description"} alone is a package, a product, …). */
static bool job_object(const cJSON *o)
{
    const char *desc = first_field(o, description_keys);
    if (!cJSON_IsObject(o) || desc == NULL || strlen(desc) < MIN_DESCRIPTION)
        return false;
    return first_field(o, title_keys) != NULL ||
           (str(o, "name") && (first_field(o, company_keys) || first_field(o, location_keys)));
}

const cJSON *jm_job_object_find(const cJSON *root)
{
    if (cJSON_IsArray(root) && cJSON_GetArraySize(root) == 1)
        root = cJSON_GetArrayItem(root, 0);
    return job_object(root) ? root : NULL;
}

void jm_job_object_build(struct jm_doc *doc, const cJSON *job, jm_error *err)
{
    const char *title = first_field(job, title_keys);
    title = title ? title : str(job, "name");
    const char *company = first_field(job, company_keys);
    const char *location = first_field(job, location_keys);
    if (location == NULL) /* Lever: {"categories": {"location": …}} */
        location = str(cJSON_GetObjectItemCaseSensitive(job, "categories"), "location");
    set_url(doc, job);
    if (company)
        jm_meta_add(doc, JM_META_COMPANY, JM_SRC_JSONLD, -1, company, strlen(company));
    if (location)
        jm_meta_add(doc, JM_META_LOCATION, JM_SRC_JSONLD, -1, location, strlen(location));
    jm_meta_add(doc, JM_META_TITLE, JM_SRC_JSONLD, -1, title, strlen(title));
    jm_doc_add_block(doc, JM_BLOCK_TITLE, 1, 1, title, strlen(title));
    add_html(doc, first_field(job, description_keys), 1, err);
}
