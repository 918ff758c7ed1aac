/*
 * meta_find.c - title, company and location candidates read from where a
 * page puts them: the title block, "Label: value" lines and label cells,
 * the first line of a board post ("Acme | Engineer | Berlin"), the short
 * line under the title and a location badge ("🌎 Seattle, WA"). They are
 * only proposed here; meta.c decides.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

/* Longer than this, a block is text, not a label, a value or a header line. */
enum {
    MAX_VALUE = 120,
    MAX_HEADER = 300,
    MAX_SEGMENT = 80,
    BADGE_REACH = 4,
    HEADING_REACH = 40,
    MAX_LABEL_RUN = 600, /* label lines run together in one paragraph */
    NAV_REACH = 4,       /* navigation blocks skipped above a post */
    PLACE_REACH = 3,     /* blocks under the title where a board sets the place */
    LATER_HEADERS = 2    /* blocks after a post's introduction where its header may be */
};

static bool has_ci(const char *s, size_t n, const char *lit)
{
    return jm_meta_find_ci(s, n, lit) != NULL;
}

static void trim_span(const char **s, size_t *n)
{
    while (*n > 0 && isspace((unsigned char)**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && isspace((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

static long first_title_block(const struct jm_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].kind == JM_BLOCK_TITLE)
            return (long)i;
    return -1;
}

struct segment {
    const char *s;
    size_t n;
};

/* Are its words in lower case only the particles of place names ("Rio de Janeiro",
 * "Anywhere in the World"), not the "and" of a list ("Linux, Bash and Terraform") nor
 * a sentence's words? A remark in brackets may say what it likes ("Remote (US only)"). */
static bool place_words(const char *s, size_t n)
{
    static const char *const particles[] = {"de", "del", "da",  "do",  "di",  "du", "la", "le",
                                            "of", "in",  "the", "van", "von", "am", "an", "sur"};
    int depth = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        for (size_t k = i; k < j; k++)
            depth += s[k] == '(' ? 1 : s[k] == ')' && depth > 0 ? -1 : 0;
        bool ok = depth > 0 || (j > i && s[j - 1] == ')') || !islower((unsigned char)s[i]) ||
                  strncasecmp(s + i, "remote", 6) == 0;
        for (size_t p = 0; !ok && p < sizeof particles / sizeof particles[0]; p++)
            ok = j - i == strlen(particles[p]) && strncmp(s + i, particles[p], j - i) == 0;
        if (!ok)
            return false;
        i = j + 1;
    }
    return true;
}

/* "München", "Leeds", "San Luis Obispo": one to three capitalised words, naming no role. */
static bool short_name(struct segment s)
{
    unsigned char c = (unsigned char)s.s[0];
    return (isupper(c) || c >= 0xC0) && jm_meta_words(s.s, s.n) <= 3 &&
           !jm_meta_names_role(s.s, s.n) && place_words(s.s, s.n);
}

/* ---- labels ---------------------------------------------------------------------- */

/* "Job Title - Data Engineer", "Location – Remote": a label before a dash. */
static bool dash_label(struct jm_doc *doc, const struct jm_block *b, long i)
{
    static const char *const dashes[] = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
    for (size_t d = 0; d < sizeof dashes / sizeof dashes[0]; d++) {
        const char *at = strstr(b->text, dashes[d]);
        if (at == NULL || at - b->text > 24)
            continue;
        enum jm_meta field = jm_meta_label(b->text, (size_t)(at - b->text));
        size_t k = strlen(dashes[d]), rest = b->len - (size_t)(at + k - b->text);
        if (field == JM_META_NONE || rest == 0)
            return false;
        jm_meta_add(doc, field, jm_meta_label_source(b->text, (size_t)(at - b->text)), i, at + k,
                    rest);
        return true;
    }
    /* "Job Title-Python Developer": a bare hyphen only after a label of two words or more
     * and before a capital, never in a word such as "Role-based" */
    const char *hy = memchr(b->text, '-', b->len < 24 ? b->len : 24);
    size_t key = hy ? (size_t)(hy - b->text) : 0;
    if (key == 0 || !memchr(b->text, ' ', key) || key + 1 >= b->len ||
        !isupper((unsigned char)hy[1]))
        return false;
    enum jm_meta field = jm_meta_label(b->text, key);
    if (field == JM_META_NONE)
        return false;
    jm_meta_add(doc, field, jm_meta_label_source(b->text, key), i, hy + 1, b->len - key - 1);
    return true;
}

/* Where the key that ends at the colon s[c] starts: its last words, up to three, the
 * longest that is a label ("Job Title:"), else its last word when capitalised ("Salary:");
 * c when it has none. */
static size_t key_start(const char *s, size_t c)
{
    size_t e = c > 0 && s[c - 1] == ' ' ? c - 1 : c; /* "Lieu :" */
    size_t label = c, word = c, i = e;
    for (int words = 0; words < 3 && i > 0; words++) {
        size_t j = i;
        while (j > 0 && isalpha((unsigned char)s[j - 1]))
            j--;
        if (j == i)
            break;
        if (jm_meta_label(s + j, e - j) != JM_META_NONE)
            label = j;
        if (words == 0 && isupper((unsigned char)s[j]))
            word = j;
        if (j == 0 || s[j - 1] != ' ')
            break;
        i = j - 1;
    }
    return label != c ? label : word;
}

/*
 * "Company: Acme Location: Berlin Salary: 60k": label lines that a Markdown paragraph ran
 * together, each value ending where the next key starts. True when the block opens with a
 * label and holds another key; its lines are then read.
 */
static bool label_run(struct jm_doc *doc, const struct jm_block *b, long i)
{
    const char *s = b->text;
    const char *colon = memchr(s, ':', b->len < 24 ? b->len : 24);
    size_t key = colon ? (size_t)(colon - s) : 0;
    while (key > 0 && s[key - 1] == ' ')
        key--;
    for (size_t k = 0; k < key; k++)
        if (!isalpha((unsigned char)s[k]) && s[k] != ' ' && (unsigned char)s[k] < 0x80)
            return false; /* "--- title:": not a label line */
    /* keys in capitals, as people write them ("title: x" in lower case is a data file's) */
    if (key == 0 || b->len > MAX_LABEL_RUN || !isupper((unsigned char)s[0]) ||
        jm_meta_label(s, key) == JM_META_NONE)
        return false;
    size_t from = 0, lines = 0;
    for (size_t c = (size_t)(colon - s) + 1; c < b->len; c++) {
        size_t k = s[c] == ':' ? key_start(s, c) : c;
        if (k == c || k <= from + 1 || s[k - 1] != ' ' || !isupper((unsigned char)s[k]))
            continue;
        jm_meta_line(doc, s + from, k - 1 - from, ":", JM_SRC_LABEL, i);
        from = k;
        lines++;
    }
    if (lines > 0)
        jm_meta_line(doc, s + from, b->len - from, ":", JM_SRC_LABEL, i);
    return lines > 0;
}

/* Where a glued key starts whose colon is s[c]: "Location" of "AnalystLocation:", of
 * "contract-to-HireLocation:" or of "Director.Location:", one capitalised word run into
 * what goes before it; c when none. */
static size_t glued_key(const char *s, size_t c)
{
    size_t j = c;
    while (j > 0 && islower((unsigned char)s[j - 1]))
        j--;
    if (j == 0 || j == c || c - j < 3 || !isupper((unsigned char)s[j - 1]))
        return c;
    j--;
    return j > 0 && (isalpha((unsigned char)s[j - 1]) || s[j - 1] == '.') ? j : c;
}

/*
 * "…immediate need for an analyst.Role: Senior Data AnalystLocation: San Diego,
 * CADuration: Contract…": label lines that a page's text lost its line breaks between,
 * each key run into the value before it. A value ends at the next such key, a stop or a
 * remark ("*No sponsorship"); nothing is read from a key written after a space, as prose
 * writes its colons.
 */
static void glued_labels(struct jm_doc *doc, const struct jm_block *b, long i)
{
    const char *s = b->text;
    size_t seen = 0;
    for (const char *p = s; seen < 64 && (p = memchr(p, ':', b->len - (size_t)(p - s))) != NULL;
         p++, seen++) {
        size_t c = (size_t)(p - s), k = glued_key(s, c);
        enum jm_meta field = k < c ? jm_meta_label(s + k, c - k) : JM_META_NONE;
        if (field == JM_META_NONE || c + 2 >= b->len || s[c + 1] != ' ')
            continue;
        size_t v = c + 2, end = v;
        while (end < b->len && end - v <= MAX_SEGMENT && s[end] != '*' && s[end] != '(' &&
               !(s[end] == '.' && (end + 1 == b->len || s[end + 1] == ' ')) &&
               !(s[end] == ':' && glued_key(s, end) < end))
            end++;
        if (end < b->len && s[end] == ':')
            end = glued_key(s, end);
        if (end - v > MAX_SEGMENT)
            continue;
        jm_meta_add(doc, field, jm_meta_label_source(s + k, c - k), i, s + v, end - v);
    }
}

/* "Contact Information:" over "Harbourline Staffing, Inc.": who to write to, a firm by its
 * legal form, or a short name over a street address, is the poster of the job. */
static void contact(struct jm_doc *doc, const struct jm_block *b, long i)
{
    static const char *const keys[] = {
        "Contact:", "Contact Information:", "Contact Info:", "Contact Details:"};
    const struct jm_block *v = i + 1 < (long)doc->nblocks ? &doc->blocks[i + 1] : NULL;
    const struct jm_block *after = i + 2 < (long)doc->nblocks ? &doc->blocks[i + 2] : NULL;
    bool firm = v != NULL && v->len <= 60 &&
                (jm_meta_firm_name(v->text, v->len) ||
                 (after != NULL && jm_meta_is_address(after->text, after->len) &&
                  isupper((unsigned char)v->text[0]) && jm_meta_words(v->text, v->len) <= 4 &&
                  !jm_meta_names_role(v->text, v->len) && !jm_meta_is_address(v->text, v->len)));
    if (!firm)
        return;
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        if (b->len == strlen(keys[k]) && strncasecmp(b->text, keys[k], b->len) == 0)
            jm_meta_add(doc, JM_META_COMPANY, JM_SRC_POSTER, i + 1, v->text, v->len);
}

/* "Role Python Developer": a short block opening with a label of one to three words
 * written without its colon, then a value in capitals; the label's length, else 0. */
static size_t bare_label(const struct jm_block *b)
{
    const char *s = b->text;
    if (b->len > MAX_VALUE || !isupper((unsigned char)s[0]) || memchr(s, ':', b->len))
        return 0;
    size_t key = 0, i = 0;
    for (int words = 0; words < 3; words++, i++) {
        while (i < b->len && isalpha((unsigned char)s[i]))
            i++;
        if (i + 1 >= b->len || s[i] != ' ')
            break;
        if (jm_meta_label(s, i) != JM_META_NONE &&
            (isupper((unsigned char)s[i + 1]) || isdigit((unsigned char)s[i + 1])))
            key = i;
    }
    return key;
}

/* Label lines written without colons, as a form's fields pasted as text ("Role Python
 * Developer", "Location Houston TX"): two or more in a row, or a sentence would do
 * ("Location Independent Engineers wanted"). The label's length for a block of such a
 * run, else 0. */
static size_t bare_label_line(const struct jm_doc *doc, size_t i)
{
    size_t key = bare_label(&doc->blocks[i]);
    bool run = key > 0 && ((i > 0 && bare_label(&doc->blocks[i - 1]) > 0) ||
                           (i + 1 < doc->nblocks && bare_label(&doc->blocks[i + 1]) > 0));
    return run ? key : 0;
}

/* "Company: Acme" in one block, or a "Company" cell and the value in the next block. */
static void labels(struct jm_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        const struct jm_block *b = &doc->blocks[i];
        if (label_run(doc, b, (long)i))
            continue;
        size_t key = bare_label_line(doc, i);
        if (key > 0) {
            jm_meta_add(doc, jm_meta_label(b->text, key), jm_meta_label_source(b->text, key),
                        (long)i, b->text + key + 1, b->len - key - 1);
            continue;
        }
        if (b->len > MAX_VALUE + 24) {
            glued_labels(doc, b, (long)i);
            continue;
        }
        bool colon = b->text[b->len - 1] == ':';
        if (!colon && (jm_meta_line(doc, b->text, b->len, ":", JM_SRC_LABEL, (long)i) ||
                       dash_label(doc, b, (long)i)))
            continue;
        size_t n = b->len - colon;
        enum jm_meta field = n < 32 ? jm_meta_label(b->text, n) : JM_META_NONE;
        if (colon && field == JM_META_NONE && b->len < 24)
            contact(doc, b, (long)i);
        const struct jm_block *v = i + 1 < doc->nblocks ? &doc->blocks[i + 1] : NULL;
        /* the value may be shaped as a heading (all capitals), never as another label or
         * as a list item */
        if (field != JM_META_NONE && b->kind != JM_BLOCK_TITLE && v != NULL &&
            v->len <= MAX_VALUE && v->text[v->len - 1] != ':' && v->kind != JM_BLOCK_ITEM)
            jm_meta_add(doc, field, jm_meta_label_source(b->text, n), (long)i + 1, v->text, v->len);
    }
}

/* ---- a board post's header line ------------------------------------------------------ */

/* What a header segment holds besides company, role and place: a link, pay, job type. */
static bool other_segment(const char *s, size_t n)
{
    static const char *const words[] = {"://",       "www.",         "full-time", "full time",
                                        "part-time", "part time",    "contract",  "freelance",
                                        "intern",    "visa",         "salary",    "equity",
                                        "$",         "\xE2\x82\xAC", "\xC2\xA3",  "k-"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (has_ci(s, n, words[i]))
            return true;
    /* "fbijobs.gov": a bare link */
    const char *dot = memrchr(s, '.', n);
    if (dot != NULL && !memchr(s, ' ', n) && s + n - dot >= 3 && s + n - dot <= 5 &&
        islower((unsigned char)dot[1]))
        return true;
    /* "120K-170K", "2 weeks": figures; "3D Computer Vision Engineer" names a role */
    return n > 0 && isdigit((unsigned char)s[0]) && !jm_meta_names_role(s, n);
}

/* The next `sep` from p on, outside brackets: "Shape (YC S15 | Start X F17) | Berlin"
 * parts after the bracket. */
static const char *next_sep(const char *p, const char *end, const char *sep, size_t k)
{
    int depth = 0;
    for (; p + k <= end; p++) {
        depth += *p == '(' ? 1 : *p == ')' && depth > 0 ? -1 : 0;
        if (depth == 0 && memcmp(p, sep, k) == 0)
            return p;
    }
    return NULL;
}

/* The name a long first header part opens with: up to its first comma or bracket, or
 * all of it (too long to be a part) when it has neither. */
static size_t name_part(struct segment s)
{
    for (size_t i = 0; i < s.n; i++)
        if (s.s[i] == ',' || (s.s[i] == '(' && i > 0))
            return i;
    return s.n;
}

/* Splits the first MAX_HEADER bytes at `sep`; a segment that may run into the text (the
 * last of a long block) is left out. */
static size_t split_header(const struct jm_block *b, const char *sep, struct segment *seg,
                           size_t cap)
{
    size_t n = 0, limit = b->len < MAX_HEADER ? b->len : MAX_HEADER, k = strlen(sep);
    const char *p = b->text, *end = b->text + limit;
    while (p < end && n < cap) {
        const char *at = next_sep(p, end, sep, k);
        if (at == NULL && b->len > MAX_HEADER)
            break;
        const char *stop = at ? at : end;
        struct segment s = {p, (size_t)(stop - p)};
        trim_span(&s.s, &s.n);
        /* "US Environmental Protection Agency, Office of Research (…), Duluth, MN or
         * Durham, NC ONSITE | Software Engineer": a long first part is its name, up to a
         * comma or bracket */
        if (n == 0 && s.n > MAX_SEGMENT && at != NULL)
            s.n = name_part(s);
        if (s.n > 0 && s.n <= MAX_SEGMENT)
            seg[n++] = s;
        else if (s.n > MAX_SEGMENT)
            break;
        p = stop + k;
    }
    return n;
}

/* "REMOTE SRE": a role with its place in front. */
static void add_role(struct jm_doc *doc, long h, struct segment role)
{
    if (role.n > 7 && strncasecmp(role.s, "remote ", 7) == 0) {
        jm_meta_add(doc, JM_META_LOCATION, JM_SRC_HEADER, h, "Remote", 6);
        role.s += 7;
        role.n -= 7;
    }
    jm_meta_add(doc, JM_META_TITLE, JM_SRC_HEADER, h, role.s, role.n);
}

/* "Acme is hiring! Role | Role | Role": the company, then its roles, the first named. */
static bool hiring_header(struct jm_doc *doc, long h)
{
    const struct jm_block *b = &doc->blocks[h];
    const char *cue = NULL;
    for (size_t i = 0; i + 10 <= b->len && i < MAX_SEGMENT && cue == NULL; i++)
        if (strncasecmp(b->text + i, " is hiring", 10) == 0)
            cue = b->text + i;
    size_t start;
    if (cue == NULL || jm_meta_name_before(b->text, (size_t)(cue - b->text), &start) == 0 ||
        start != 0)
        return false;
    jm_meta_add(doc, JM_META_COMPANY, JM_SRC_HEADER, h, b->text, (size_t)(cue - b->text));
    const char *p = cue + 10, *end = b->text + (b->len < MAX_HEADER ? b->len : MAX_HEADER);
    while (p < end && (ispunct((unsigned char)*p) || *p == ' '))
        p++;
    const char *bar = memchr(p, '|', (size_t)(end - p));
    struct segment role = {p, bar ? (size_t)(bar - p) : 0};
    trim_span(&role.s, &role.n);
    if (role.n > 0 && role.n <= MAX_SEGMENT)
        add_role(doc, h, role);
    return true;
}

/* "past", "login": one short word in lower case, as a site's links are written. */
static bool link_word(struct segment s)
{
    if (s.n == 0 || s.n > 12)
        return false;
    for (size_t i = 0; i < s.n; i++)
        if (!islower((unsigned char)s.s[i]))
            return false;
    return true;
}

/* "Hacker News new | past | comments | ask | submit", "login", "user 1 day ago | parent |
 * next": a saved page's navigation above the post, most of its parts one link word. */
static bool navigation(const struct jm_block *b)
{
    if (b->len > MAX_HEADER)
        return false;
    size_t parts = 0, links = 0;
    const char *p = b->text, *end = b->text + b->len;
    for (;;) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        struct segment s = {p, (size_t)((bar ? bar : end) - p)};
        trim_span(&s.s, &s.n);
        parts++;
        links += link_word(s);
        if (bar == NULL)
            break;
        p = bar + 1;
    }
    return links * 2 > parts;
}

/* The block a post's header line would be: the first, past the navigation above it. */
static long header_block(const struct jm_doc *doc)
{
    size_t i = 0;
    while (i < doc->nblocks && i < NAV_REACH && navigation(&doc->blocks[i]))
        i++;
    return i < doc->nblocks ? (long)i : -1;
}

/* "USA", "UK", "NYC": a place's code, no role. */
static bool place_code(struct segment s)
{
    if (s.n < 2 || s.n > 3)
        return false;
    for (size_t i = 0; i < s.n; i++)
        if (!isupper((unsigned char)s.s[i]))
            return false;
    return true;
}

/* "Remote", "ONSITE", "Multiple roles available": a header segment that says how or how
 * many, neither a role nor a place of its own. */
static bool role_less(struct segment s)
{
    return jm_meta_is_place(s.s, s.n) || jm_meta_work_mode(s.s, s.n) ||
           jm_meta_job_type(s.s, s.n) || jm_meta_role_count(s.s, s.n) || place_code(s);
}

/* A line that opens with a role, up to its colon, bracket or dash: "Software Developer
 * (Toronto): <link>", "Computer Scientist (Linthicum, MD) - <link>"; empty when not. */
static struct segment role_line(const struct jm_block *b)
{
    struct segment none = {NULL, 0};
    static const char *const stops[] = {":", " (", " - ", " \xE2\x80\x93 "};
    size_t n = b->len;
    for (size_t k = 0; k < sizeof stops / sizeof stops[0]; k++) {
        const char *at = memmem(b->text, n, stops[k], strlen(stops[k]));
        if (at != NULL)
            n = (size_t)(at - b->text);
    }
    if (n == 0 || n > MAX_SEGMENT || jm_meta_words(b->text, n) > 6 ||
        !isupper((unsigned char)b->text[0]) || !jm_meta_names_role(b->text, n))
        return none;
    return (struct segment){b->text, n};
}

/* The role under a header that names none: the line right below. (The first list item
 * opening with a role, further down, was tried: it lost more titles than it found.) */
static struct segment role_below(const struct jm_doc *doc, long h)
{
    struct segment none = {NULL, 0};
    return h + 1 < (long)doc->nblocks ? role_line(&doc->blocks[h + 1]) : none;
}

/* "3D Computer Vision ▪ Sr EE ▪ Sr Data Scientist ▪ and more": roles listed in one
 * segment; the first is the post's title. */
static void add_first_role(struct jm_doc *doc, long h, struct segment role)
{
    static const char *const marks[] = {" \xE2\x96\xAA ", " \xE2\x80\xA2 "}; /* ▪ • */
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        const char *m = memmem(role.s, role.n, marks[i], strlen(marks[i]));
        if (m != NULL)
            role.n = (size_t)(m - role.s);
    }
    jm_meta_add(doc, JM_META_TITLE, JM_SRC_HEADER, h, role.s, role.n);
}

/* "C++ Developer @ Summitto Amsterdam, Netherlands | Full-time": a header opening with
 * role @ company, the company's city glued on before a country, else the place in a later
 * segment ("Engineer @ Lumen | Remote (US)"); true when it opens so. */
static bool role_at_company(struct jm_doc *doc, long h, const struct segment *seg, size_t kept)
{
    struct segment s = seg[0];
    const char *at = memmem(s.s, s.n, " @ ", 3);
    if (at == NULL || !jm_meta_names_role(s.s, (size_t)(at - s.s)))
        return false;
    struct segment company = {at + 3, (size_t)(s.s + s.n - at - 3)}, place = {NULL, 0};
    const char *comma = memchr(company.s, ',', company.n);
    /* "Amsterdam, Netherlands" ends it; "Austin, TX" may follow a city of two words, so
     * where the name ends is not known */
    if (comma != NULL && jm_meta_is_place(company.s, company.n) &&
        !jm_meta_city_region(company.s, company.n)) {
        const char *space = memrchr(company.s, ' ', (size_t)(comma - company.s));
        if (space != NULL) {
            place = (struct segment){space + 1, (size_t)(company.s + company.n - space - 1)};
            company.n = (size_t)(space - company.s);
        }
    }
    jm_meta_add(doc, JM_META_TITLE, JM_SRC_HEADER, h, s.s, (size_t)(at - s.s));
    jm_meta_add(doc, JM_META_COMPANY, JM_SRC_HEADER, h, company.s, company.n);
    for (size_t i = 1; i < kept && place.n == 0; i++)
        if (jm_meta_is_place(seg[i].s, seg[i].n) || jm_meta_work_mode(seg[i].s, seg[i].n))
            place = seg[i];
    if (place.n > 0)
        jm_meta_add(doc, JM_META_LOCATION, JM_SRC_HEADER, h, place.s, place.n);
    return true;
}

/*
 * "Acme | Senior Engineer (Go, Postgres) | Berlin | Remote": the first line of a post on a
 * hiring board (Hacker News' "Who is hiring") names company, role and place. Links, pay and
 * job type are skipped; the role is the first segment naming one (else the second), the
 * place the first that reads as one (else the one after the role). A line after the first
 * (`later`: "Acme - we are hiring for all roles.", then "Acme | Engineer | Remote") counts
 * only parted by bars and naming a role. True when the line was read as a header.
 */
static bool header_at(struct jm_doc *doc, long h, bool later)
{
    const struct jm_block *b = &doc->blocks[h];
    if (b->kind == JM_BLOCK_ITEM)
        return false;
    if (!later && hiring_header(doc, h))
        return true;
    /* bars anywhere; dashes and slashes only in a post's first paragraph, since a title
     * block writes "Engineer - Platform - Berlin" */
    static const char *const seps[] = {"|", " - ", " \xE2\x80\x93 ", " \xE2\x80\xA2 ", " / "};
    struct segment seg[8];
    size_t n = 0, kept = 0, bars = 0;
    for (size_t i = 0; i < b->len && i < MAX_HEADER; i++)
        bars += b->text[i] == '|';
    /* two bars make a header, even when its last part runs into the text and is left out
     * ("| Full-Time Our department …") */
    bool post = !later && b->kind == JM_BLOCK_PARAGRAPH && first_title_block(doc) < 0 && bars < 2;
    for (size_t i = 0; i < sizeof seps / sizeof seps[0] && n < 3; i++)
        if (i == 0 || post)
            n = split_header(b, seps[i], seg, 8);
    for (size_t i = 0; i < n; i++)
        if (i == 0 || !other_segment(seg[i].s, seg[i].n))
            seg[kept++] = seg[i];
    if (!later && bars >= 1 && kept >= 1 && role_at_company(doc, h, seg, kept))
        return true;
    /* "Acme | Senior Engineer | Full-time": company and role, no place */
    if (kept == 2 && bars >= 2 && !later && jm_meta_names_role(seg[1].s, seg[1].n) &&
        !jm_meta_names_role(seg[0].s, seg[0].n) && !jm_meta_is_heading(seg[0].s, seg[0].n)) {
        jm_meta_add(doc, JM_META_COMPANY, JM_SRC_HEADER, h, seg[0].s, seg[0].n);
        add_first_role(doc, h, seg[1]);
        return true;
    }
    /* "Acme | Berlin, Germany | Full-time | Visa": company and place, the roles below */
    if (kept == 2 && bars >= 2 && !later && jm_meta_is_place(seg[1].s, seg[1].n) &&
        !jm_meta_names_role(seg[0].s, seg[0].n) && !jm_meta_names_role(seg[1].s, seg[1].n) &&
        !jm_meta_is_heading(seg[0].s, seg[0].n)) {
        jm_meta_add(doc, JM_META_COMPANY, JM_SRC_HEADER, h, seg[0].s, seg[0].n);
        jm_meta_add(doc, JM_META_LOCATION, JM_SRC_HEADER, h, seg[1].s, seg[1].n);
        return true;
    }
    /* "Engineer | Platform | Berlin" under a heading: no company in front; "Home / Jobs /
     * …": a breadcrumb */
    if (kept < 3 || jm_meta_is_heading(seg[0].s, seg[0].n) ||
        (jm_meta_names_role(seg[0].s, seg[0].n) && !jm_meta_names_role(seg[1].s, seg[1].n)))
        return false;
    size_t role = 0, place = 0;
    for (size_t i = 1; i < kept && role == 0; i++)
        if (jm_meta_names_role(seg[i].s, seg[i].n))
            role = i;
    if (later && role == 0) /* "Python | Go | Rust": a list, not a header */
        return false;
    /* "Hubdoc @ Xero | Onsite | Toronto", then "Software Developer (Toronto): <link>": the
     * role on the line below, and the header's parts company and place */
    struct segment below = role == 0 && !later ? role_below(doc, h) : (struct segment){NULL, 0};
    if (below.n > 0) {
        jm_meta_add(doc, JM_META_COMPANY, JM_SRC_HEADER, h, seg[0].s, seg[0].n);
        jm_meta_add(doc, JM_META_TITLE, JM_SRC_HEADER, h, below.s, below.n);
        for (size_t i = 1; i < kept; i++)
            if (jm_meta_is_place(seg[i].s, seg[i].n) ||
                (!jm_meta_work_mode(seg[i].s, seg[i].n) && short_name(seg[i]))) {
                jm_meta_add(doc, JM_META_LOCATION, JM_SRC_HEADER, h, seg[i].s, seg[i].n);
                break;
            }
        return true;
    }
    /* no segment names a role: the first that can be one, not "Remote", "ONSITE" nor
     * "Multiple roles available"; none may be ("Acme | Remote | Full-time") */
    for (size_t i = 1; i < kept && role == 0; i++)
        if (!role_less(seg[i]))
            role = i;
    /* "Data Engineer (Scala, Java)- Montreal" names a role: not a place, whatever its commas */
    for (size_t i = 1; i < kept && place == 0; i++)
        if (i != role && jm_meta_is_place(seg[i].s, seg[i].n) &&
            !jm_meta_names_role(seg[i].s, seg[i].n))
            place = i;
    if (place == 0 && role > 0 && role + 1 < kept && !role_less(seg[role + 1]))
        place = role + 1;
    /* "Acme | ONSITE | Berlin | Engineer": the place between company and role */
    for (size_t i = 1; i < role && place == 0; i++)
        if (!jm_meta_work_mode(seg[i].s, seg[i].n) && short_name(seg[i]))
            place = i;
    jm_meta_add(doc, JM_META_COMPANY, JM_SRC_HEADER, h, seg[0].s, seg[0].n);
    if (role > 0)
        add_first_role(doc, h, seg[role]);
    if (place > 0)
        jm_meta_add(doc, JM_META_LOCATION, JM_SRC_HEADER, h, seg[place].s, seg[place].n);
    return true;
}

/* "We're hiring for:", "Open positions": a heading over a list of the roles. */
static bool roles_heading(const struct jm_block *b)
{
    static const char *const cues[] = {"hiring",    "open positions",      "open roles", "openings",
                                       "vacancies", "positions available", "recruiting"};
    if (b->len > MAX_SEGMENT || (b->kind != JM_BLOCK_HEADING && b->text[b->len - 1] != ':'))
        return false;
    for (size_t i = 0; i < sizeof cues / sizeof cues[0]; i++)
        if (has_ci(b->text, b->len, cues[i]))
            return true;
    return false;
}

/* "We're hiring for:" over "Senior Engineer (Berlin): React, Node - https://…": the first
 * role listed is the post's title when nothing better gives one (a weak source). */
static void role_list(struct jm_doc *doc)
{
    for (size_t i = 0; i + 1 < doc->nblocks && i < HEADING_REACH; i++) {
        const struct jm_block *item = &doc->blocks[i + 1];
        if (!roles_heading(&doc->blocks[i]) || item->kind != JM_BLOCK_ITEM)
            continue;
        static const char *const stops[] = {" (", ":", " - ", " \xE2\x80\x93 ", ",", " * "};
        size_t n = item->len;
        for (size_t k = 0; k < sizeof stops / sizeof stops[0]; k++) {
            const char *at = memmem(item->text, n, stops[k], strlen(stops[k]));
            if (at != NULL)
                n = (size_t)(at - item->text);
        }
        if (n > 0 && n <= MAX_SEGMENT && jm_meta_names_role(item->text, n))
            jm_meta_add(doc, JM_META_TITLE, JM_SRC_HIRING, (long)i + 1, item->text, n);
        return;
    }
}

/* A post's header line: its first block's, else one of the next LATER_HEADERS when the
 * first is a paragraph of a post without a title (an introduction before the roles). */
static void header_line(struct jm_doc *doc)
{
    long h = header_block(doc);
    if (h < 0 || header_at(doc, h, false))
        return;
    if (doc->blocks[h].kind != JM_BLOCK_PARAGRAPH || first_title_block(doc) >= 0)
        return;
    for (long i = h + 1; i < (long)doc->nblocks && i <= h + LATER_HEADERS; i++)
        if (header_at(doc, i, true))
            return;
}

/* ---- the line under the title, and a location badge -------------------------------- */

/* Does it read as a name: its longer words capitalised ("Jobs for Humanity"), no closing
 * stop but a legal form's ("Acme Inc.")? "Build our CLI." is a sentence. */
static bool name_like(const char *s, size_t n)
{
    if (n > 0 && strchr("!?", s[n - 1]))
        return false;
    /* "ecosio", "npm": one word in small letters may be a brand */
    if (n >= 2 && n <= 30 && !memchr(s, ' ', n) && isalpha((unsigned char)s[0]) && s[n - 1] != '.')
        return true;
    size_t i = 0, last = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        size_t letters = 0;
        for (size_t k = i; k < j; k++)
            letters += isalpha((unsigned char)s[k]) != 0;
        if (letters > 3 && islower((unsigned char)s[i]))
            return false;
        last = i;
        i = j + 1;
    }
    return n == 0 || s[n - 1] != '.' || jm_meta_legal_form(s + last, n - last);
}

/* What boards print under a title that is not the company: dates, job type, actions. */
static bool header_chrome(const char *s, size_t n)
{
    static const char *const words[] = {
        "posted", " ago",    "apply",  "full-time", "full time", "part-time", "contract", "remote",
        "hybrid", "on-site", "onsite", "salary",    "save",      "share",     "$",        "\xF0"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (has_ci(s, n, words[i]))
            return true;
    return jm_meta_is_place(s, n);
}

/* "Location - Ghent", "Company: Acme": a label line, read by labels(), not a byline. */
static bool label_line(const struct jm_block *b)
{
    size_t k = 0;
    while (k < b->len && k < 24 && (isalpha((unsigned char)b->text[k]) || b->text[k] == ' '))
        k++;
    while (k > 0 && b->text[k - 1] == ' ')
        k--;
    return k > 0 && jm_meta_label(b->text, k) != JM_META_NONE;
}

/* What separates the parts of a byline: "Acme – Zürich, Switzerland", "Acme · Berlin". */
static const char *const byline_seps[] = {
    " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " \xC2\xB7 ", " | ", " \xE2\x80\xA2 "};

static size_t split_byline(const struct jm_block *b, struct segment *seg, size_t cap)
{
    size_t n = 0, from = 0;
    for (size_t i = 0; i <= b->len && n < cap; i++) {
        size_t k = 0;
        for (size_t j = 0; i < b->len && j < sizeof byline_seps / sizeof *byline_seps && !k; j++)
            if (strncmp(b->text + i, byline_seps[j], strlen(byline_seps[j])) == 0)
                k = strlen(byline_seps[j]);
        if (k == 0 && i < b->len)
            continue;
        seg[n] = (struct segment){b->text + from, i - from};
        trim_span(&seg[n].s, &seg[n].n);
        n += seg[n].n > 0;
        from = i + k;
        i += k ? k - 1 : 0;
    }
    return n;
}

/* "Vollzeit", "Permanent", "Hybrid": what a facts line says besides names and places. */
static bool fact(struct segment s)
{
    return jm_meta_job_type(s.s, s.n) || jm_meta_work_mode(s.s, s.n);
}

/*
 * "Vollzeit · Festanstellung · München", "Acme · Full-time · Leeds": a line of facts under
 * the title, known by its job types. Of its other segments (links and pay aside), the
 * place is the first that reads as one, else the last short name; a name before it is the
 * company, when `company` allows. With more than two, it is not that simple a line. True
 * when a place is proposed.
 */
static bool facts_line(struct jm_doc *doc, long at, const struct segment *seg, size_t n,
                       bool company)
{
    struct segment keep[2];
    size_t k = 0, place = 2;
    for (size_t i = 0; i < n; i++) {
        if (fact(seg[i]) || other_segment(seg[i].s, seg[i].n))
            continue;
        if (k == 2)
            return false;
        keep[k++] = seg[i];
    }
    for (size_t i = 0; i < k && place == 2; i++)
        if (keep[i].n <= MAX_SEGMENT && jm_meta_is_place(keep[i].s, keep[i].n))
            place = i;
    for (size_t i = k; i-- > 0 && place == 2;)
        if (keep[i].n <= MAX_SEGMENT && short_name(keep[i]))
            place = i;
    if (place < k)
        jm_meta_add(doc, JM_META_LOCATION, JM_SRC_UNDER, at, keep[place].s, keep[place].n);
    if (company && k == 2 && place == 1 && name_like(keep[0].s, keep[0].n) &&
        !header_chrome(keep[0].s, keep[0].n))
        jm_meta_add(doc, JM_META_COMPANY, JM_SRC_UNDER, at, keep[0].s, keep[0].n);
    return place < k;
}

/* A byline's part that reads as a place: not a link or pay, not a label's value ("Based
 * in: Akron, OH", read by labels() when it knows the label), not a sentence ("This role is
 * based in Leeds, West Yorkshire"). */
static bool byline_place(struct segment s)
{
    return jm_meta_is_place(s.s, s.n) && !other_segment(s.s, s.n) && !memchr(s.s, ':', s.n) &&
           (jm_meta_words(s.s, s.n) <= 6 || place_words(s.s, s.n));
}

/* Does a byline hold a job type or a work mode, which makes it a line of facts? */
static bool has_fact(const struct segment *seg, size_t n)
{
    for (size_t i = 0; n > 1 && i < n; i++)
        if (fact(seg[i]))
            return true;
    return false;
}

/*
 * The short line under the title block, a byline: often the company ("### Acme" under
 * "# Engineer"), with the place after it ("Acme – Zürich, Switzerland"); sometimes the
 * title under a heading that is not one.
 */
static bool under_title(struct jm_doc *doc, long t)
{
    bool placed = false;
    if (t + 1 >= (long)doc->nblocks)
        return false;
    const struct jm_block *b = &doc->blocks[t + 1];
    /* A heading over a list heads a section ("## Requisiti"), whatever its language. */
    if (b->kind == JM_BLOCK_HEADING && t + 2 < (long)doc->nblocks &&
        doc->blocks[t + 2].kind == JM_BLOCK_ITEM)
        return false;
    struct segment seg[6] = {{NULL, 0}};
    size_t n = b->kind == JM_BLOCK_ITEM || b->len > MAX_VALUE ? 0 : split_byline(b, seg, 6);
    if (has_fact(seg, n))
        return facts_line(doc, t + 1, seg, n, true);
    for (size_t i = 0; i < n; i++) {
        bool place = byline_place(seg[i]);
        if (place && seg[i].n <= MAX_SEGMENT) {
            jm_meta_add(doc, JM_META_LOCATION, JM_SRC_UNDER, t + 1, seg[i].s, seg[i].n);
            placed = true;
        }
        if (i > 0 || place || seg[i].n > 60 || jm_meta_words(seg[i].s, seg[i].n) > 6 ||
            header_chrome(seg[i].s, seg[i].n) || label_line(b))
            continue;
        if (seg[i].n > 3 && (strncmp(seg[i].s, "at ", 3) == 0 || strncmp(seg[i].s, "@ ", 2) == 0)) {
            /* "at Halyard Robotics" under the title: the employer, never the title */
            size_t k = seg[i].s[0] == '@' ? 2 : 3;
            jm_meta_add(doc, JM_META_COMPANY, JM_SRC_UNDER, t + 1, seg[i].s + k, seg[i].n - k);
            continue;
        }
        const struct jm_block *h = &doc->blocks[t];
        if (jm_meta_names_role(seg[i].s, seg[i].n) && !jm_meta_names_role(h->text, h->len)) {
            /* "Video Editor" under "Ravenstone Media": the heading is the company and the
             * line the title, as strong as a title block */
            jm_meta_add(doc, JM_META_COMPANY, JM_SRC_UNDER, t, h->text, h->len);
            jm_meta_add(doc, JM_META_TITLE, JM_SRC_TITLE, t + 1, seg[i].s, seg[i].n);
            continue;
        }
        if (name_like(seg[i].s, seg[i].n))
            jm_meta_add(doc, JM_META_COMPANY, JM_SRC_UNDER, t + 1, seg[i].s, seg[i].n);
        jm_meta_add(doc, JM_META_TITLE, JM_SRC_UNDER, t + 1, seg[i].s, seg[i].n);
    }
    return placed;
}

/* "Remote - Europe", "Dayton, OH 45414": a place and nothing else, a short name, not a
 * sentence, a list, a link, pay or a label. */
static bool place_only(struct segment s)
{
    return s.n <= MAX_SEGMENT && jm_meta_words(s.s, s.n) <= 6 && jm_meta_is_place(s.s, s.n) &&
           !other_segment(s.s, s.n) && place_words(s.s, s.n) && !memchr(s.s, ':', s.n);
}

/* The items of the list that starts at block i, as segments; how many (at most cap). */
static size_t list_items(const struct jm_doc *doc, long i, struct segment *seg, size_t cap)
{
    size_t n = 0;
    for (; i < (long)doc->nblocks && n < cap && doc->blocks[i].kind == JM_BLOCK_ITEM; i++)
        seg[n++] = (struct segment){doc->blocks[i].text, doc->blocks[i].len};
    return n;
}

/*
 * Boards set the place a few blocks under the title, past the company and a rating
 * ("at Halyard Robotics", then "Remote - Europe"), or in a list of facts ("Hamburg", "Feste
 * Anstellung", "Vollzeit"): the first place there, before the next heading, read as in a
 * byline but for the company.
 */
static void place_below(struct jm_doc *doc, long t, bool from_second)
{
    for (long i = t + 1 + from_second; i <= t + PLACE_REACH && i < (long)doc->nblocks; i++) {
        const struct jm_block *b = &doc->blocks[i];
        if (b->kind == JM_BLOCK_HEADING || b->kind == JM_BLOCK_TITLE)
            return;
        struct segment seg[6] = {{NULL, 0}}, whole = {b->text, b->len};
        size_t n = b->kind == JM_BLOCK_ITEM ? list_items(doc, i, seg, 6)
                   : b->len > MAX_VALUE     ? 0
                                            : split_byline(b, seg, 6);
        if (has_fact(seg, n)) {
            if (facts_line(doc, i, seg, n, false))
                return;
            continue;
        }
        if (b->kind != JM_BLOCK_ITEM && place_only(whole)) { /* "Remote - Europe" */
            jm_meta_add(doc, JM_META_LOCATION, JM_SRC_UNDER, i, b->text, b->len);
            return;
        }
        if (n > 0 && place_only(seg[0])) {
            jm_meta_add(doc, JM_META_LOCATION, JM_SRC_UNDER, i, seg[0].s, seg[0].n);
            return;
        }
    }
}

/* The length of a pin or globe emoji at s[0..n), 0 when there is none. */
static size_t place_mark(const char *s, size_t n)
{
    static const char *const marks[] = {"\xF0\x9F\x8C\x8E", "\xF0\x9F\x8C\x8D", "\xF0\x9F\x8C\x8F",
                                        "\xF0\x9F\x93\x8D", "\xF0\x9F\x97\xBA"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (n >= 4 && memcmp(s, marks[i], 4) == 0)
            return n >= 7 && memcmp(s + 4, "\xEF\xB8\x8F", 3) == 0 ? 7 : 4; /* with VS16 */
    return 0;
}

/* "TELECOMMUTE Belgrade, Serbia": a board's work-mode word in capitals before the place;
 * its length with the space, 0 when none (or when it is all there is). */
static size_t work_mode_lead(const char *s, size_t n)
{
    static const char *const words[] = {"TELECOMMUTE ", "REMOTE ", "HYBRID ", "ONSITE ",
                                        "ON-SITE "};
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t k = strlen(words[w]);
        if (n > k + 1 && strncmp(s, words[w], k) == 0 && isupper((unsigned char)s[k]) &&
            islower((unsigned char)s[k + 1]))
            return k;
    }
    return 0;
}

/* "💰 USD 120k 🌎 Seattle, WA": the place after the mark, up to the next emoji or bar. */
static void badge(struct jm_doc *doc, long t)
{
    size_t from = t < 0 ? 0 : (size_t)t;
    for (size_t i = from; i < doc->nblocks && i <= from + BADGE_REACH; i++) {
        const struct jm_block *b = &doc->blocks[i];
        for (size_t k = 0; k < b->len && b->len <= MAX_VALUE; k++) {
            size_t m = place_mark(b->text + k, b->len - k);
            if (m == 0)
                continue;
            const char *s = b->text + k + m, *end = b->text + b->len, *e = s;
            while (e < end && (unsigned char)*e != 0xF0 && *e != '|' && *e != '`')
                e++;
            while (s < e && *s == ' ')
                s++;
            s += work_mode_lead(s, (size_t)(e - s));
            jm_meta_add(doc, JM_META_LOCATION, JM_SRC_BADGE, (long)i, s, (size_t)(e - s));
            return;
        }
    }
}

/* Without an <h1>, the heading near the top that repeats the title the page's metadata
 * gives (its <title>, its JSON-LD) stands where the title block would; without one, the
 * heading that opens the document when it names a role ("## Senior Data Engineer"). */
static long heading_as_title(const struct jm_doc *doc)
{
    const struct jm_block *first = doc->nblocks > 0 ? &doc->blocks[0] : NULL;
    bool opens = first && first->kind == JM_BLOCK_HEADING && first->level <= 3 &&
                 jm_meta_names_role(first->text, first->len);
    for (size_t i = 0; i < doc->nblocks && i < HEADING_REACH; i++) {
        const struct jm_block *b = &doc->blocks[i];
        if (b->kind != JM_BLOCK_HEADING || b->level > 3)
            continue;
        for (size_t c = 0; doc->meta && c < doc->meta->n; c++)
            if (doc->meta->v[c].field == JM_META_TITLE &&
                jm_meta_same(b->text, b->len, doc->meta->v[c].text, doc->meta->v[c].len))
                return (long)i;
    }
    return opens ? 0 : -1;
}

/* "PACIFIC CREST COLD STORAGE, INC." over a job description: the document's first line
 * names a firm, the employer that wrote it. */
static void letterhead(struct jm_doc *doc)
{
    const struct jm_block *b = &doc->blocks[0];
    if (b->len <= MAX_SEGMENT && jm_meta_firm_name(b->text, b->len))
        jm_meta_add(doc, JM_META_COMPANY, JM_SRC_LETTERHEAD, 0, b->text, b->len);
}

/* "RIGHT" in a logo's <h1>, then "Data Analyst" in the job's: of a page's <h1>s, the one
 * its <title> repeats when it does not repeat the first. */
static bool page_repeats(const struct jm_meta_cand *page, const struct jm_block *b)
{
    char text[160];
    if (b->len >= sizeof text)
        return false;
    memcpy(text, b->text, b->len);
    text[b->len] = '\0';
    return has_ci(page->text, page->len, text);
}

static long title_block(const struct jm_doc *doc)
{
    long first = first_title_block(doc);
    const struct jm_meta_cand *page = NULL;
    for (size_t i = 0; first >= 0 && doc->meta && i < doc->meta->n && page == NULL; i++)
        if (doc->meta->v[i].field == JM_META_TITLE && doc->meta->v[i].src == JM_SRC_PAGE)
            page = &doc->meta->v[i];
    if (page == NULL || page_repeats(page, &doc->blocks[first]))
        return first;
    for (size_t i = (size_t)first + 1; i < doc->nblocks; i++) {
        const struct jm_block *b = &doc->blocks[i];
        if (b->kind == JM_BLOCK_HEADING && b->level == 1 && b->len >= 4 && page_repeats(page, b))
            return (long)i;
    }
    return first;
}

/* "Senior Python Engineer - We are looking for someone who …": a role that opens a text
 * run on into its first sentence; the block's length when it is not so. */
static size_t title_before_text(const struct jm_block *b)
{
    const char *dash = memmem(b->text, b->len < MAX_SEGMENT ? b->len : MAX_SEGMENT, " - ", 3);
    if (dash == NULL || !jm_meta_names_role(b->text, (size_t)(dash - b->text)))
        return b->len;
    const char *rest = dash + 3;
    size_t n = (size_t)(b->text + b->len - rest);
    return jm_meta_words(rest, n) >= 8 && isupper((unsigned char)rest[0]) &&
                   strchr(".!?", b->text[b->len - 1])
               ? (size_t)(dash - b->text)
               : b->len;
}

/* "Python Developer at Mindpal (In collaboration with Sky Gate)": a title block naming its
 * employer after " at ", a name of up to four capitalised words that ends it (a remark in
 * brackets aside), after a part that names a role. */
static void title_at_company(struct jm_doc *doc, long t)
{
    const struct jm_block *b = &doc->blocks[t];
    size_t n = b->len;
    if (n > MAX_VALUE)
        return;
    const char *open = n > 0 && b->text[n - 1] == ')' ? memrchr(b->text, '(', n) : NULL;
    if (open != NULL && open > b->text && open[-1] == ' ')
        n = (size_t)(open - 1 - b->text);
    const char *at = NULL;
    for (const char *p = b->text; (p = memmem(p, n - (size_t)(p - b->text), " at ", 4)); p++)
        at = p;
    if (at == NULL || !jm_meta_names_role(b->text, (size_t)(at - b->text)))
        return;
    const char *name = at + 4;
    size_t len = (size_t)(b->text + n - name);
    if (len == 0 || !isupper((unsigned char)name[0]) || jm_meta_words(name, len) > 4 ||
        !name_like(name, len) || jm_meta_names_role(name, len))
        return;
    jm_meta_add(doc, JM_META_COMPANY, JM_SRC_UNDER, t, name, len);
}

void jm_meta_find_layout(struct jm_doc *doc)
{
    long t = title_block(doc);
    if (t < 0 && doc->role == JM_ROLE_POSTING)
        t = heading_as_title(doc);
    /* "Plano, TX" as a text's first line: its place, not its title; "Role Python
     * Developer": a field, read with the labels. Neither has a line under it. */
    const struct jm_block *tb = t >= 0 ? &doc->blocks[t] : NULL;
    if (tb != NULL && doc->role == JM_ROLE_POSTING && jm_meta_city_region(tb->text, tb->len)) {
        jm_meta_add(doc, JM_META_LOCATION, JM_SRC_BADGE, t, tb->text, tb->len);
        t = -1;
    } else if (tb != NULL && bare_label_line(doc, (size_t)t)) {
        t = -1;
    } else if (tb != NULL) {
        jm_meta_add(doc, JM_META_TITLE, JM_SRC_TITLE, t, tb->text, title_before_text(tb));
        if (doc->role == JM_ROLE_POSTING)
            title_at_company(doc, t);
    } else if (doc->nblocks > 0 && doc->role == JM_ROLE_POSTING &&
               doc->blocks[0].kind == JM_BLOCK_PARAGRAPH) { /* too long to be a title block */
        size_t n = title_before_text(&doc->blocks[0]);
        if (n < doc->blocks[0].len)
            jm_meta_add(doc, JM_META_TITLE, JM_SRC_TITLE, 0, doc->blocks[0].text, n);
    }
    labels(doc);
    if (doc->role != JM_ROLE_POSTING || doc->nblocks == 0)
        return;
    header_line(doc);
    role_list(doc);
    letterhead(doc);
    if (t >= 0 && !under_title(doc, t))
        place_below(doc, t,
                    doc->blocks[t + 1 < (long)doc->nblocks ? t + 1 : t].kind != JM_BLOCK_ITEM);
    badge(doc, t);
}
