/*
 * meta_page.c - what a page's og:title, <title> and og:site_name propose
 * for title, company and location. Boards write their page titles in a few
 * set shapes: "Acme hiring Engineer in Berlin | LinkedIn", "'Engineer' in
 * Berlin job posted by Acme", "ENGINEER - ACME Job in Berlin", "Job
 * Application for Engineer at Acme", "Engineer | Acme Careers". A board's
 * own name is cut off first; meta.c decides among what is left.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

/* MAX_HEADINGS: the headings near the top compared with the parts of a page title. */
enum { MAX_PAGE_TITLE = 400, MAX_PARTS = 6, MAX_HEADINGS = 8, HEADING_REACH = 40 };

struct span {
    const char *s;
    size_t n;
};

/* The last match of `lit` in s[0..n), case as written; NULL when none. */
static const char *find_last(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0;)
        if (s[i] == lit[0] && memcmp(s + i, lit, k) == 0)
            return s + i;
    return NULL;
}

static void add(struct jm_doc *doc, enum jm_meta field, const char *s, size_t n)
{
    if (n > 0)
        jm_meta_add(doc, field, JM_SRC_PAGE, -1, s, n);
}

static const char *const separators[] = {" | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - "};

/* The page's own site rather than an employer: a board, a domain ("Jobs.example", not
 * "Node.js"), one word ending in "Jobs" ("SwissTechJobs"). */
static bool site_name(const char *s, size_t n)
{
    static const char *const domains[] = {"com", "net", "org", "io", "co", "uk",   "de",
                                          "fr",  "nl",  "ca",  "au", "in", "jobs", "example"};
    if (jm_meta_is_board(s, n))
        return true;
    if (memchr(s, ' ', n) != NULL)
        return false;
    const char *dot = memrchr(s, '.', n);
    for (size_t i = 0; dot && dot > s && i < sizeof domains / sizeof domains[0]; i++)
        if ((size_t)(s + n - dot - 1) == strlen(domains[i]) &&
            strncasecmp(dot + 1, domains[i], strlen(domains[i])) == 0)
            return true;
    return n > 4 && strncasecmp(s + n - 4, "jobs", 4) == 0;
}

/* Cuts "… | LinkedIn", "… - Indeed.com" off the end, as often as they come. */
static void cut_boards(struct span *t)
{
    for (bool cut = true; cut;) {
        cut = false;
        for (size_t i = 0; i < sizeof separators / sizeof separators[0] && !cut; i++) {
            const char *sep = find_last(t->s, t->n, separators[i]);
            size_t at = sep ? (size_t)(sep - t->s) : 0, k = strlen(separators[i]);
            if (sep && site_name(sep + k, t->n - at - k)) {
                t->n = at;
                cut = true;
            }
            /* "Dice.com - Engineer - Austin, TX": the board in front; "Find Jobs - Engineer
             * Jobs in Bath - Acme": its links, before two parts ("Careers - Acme" is Acme's) */
            sep = strstr(t->s, separators[i]);
            at = sep ? (size_t)(sep - t->s) : 0;
            const char *next = sep && at + k < t->n
                                   ? jm_meta_find_ci(sep + k, t->n - at - k, separators[i])
                                   : NULL;
            if (sep && at + k < t->n &&
                (site_name(t->s, at) || (next && jm_meta_is_chrome(t->s, at)))) {
                t->s += at + k;
                t->n -= at + k;
                cut = true;
            }
        }
    }
}

/* "Engineer in Berlin, DE": the title, and the place after the last " in ". */
static void title_in_place(struct jm_doc *doc, const char *s, size_t n)
{
    const char *in = find_last(s, n, " in ");
    add(doc, JM_META_TITLE, s, in ? (size_t)(in - s) : n);
    if (in)
        add(doc, JM_META_LOCATION, in + 4, n - (size_t)(in + 4 - s));
}

/* "Acme hiring Engineer in Berlin": LinkedIn's shape; "Acme is hiring a Remote Engineer"
 * too, the article and "Remote" taken off the title. */
static bool hiring_shape(struct jm_doc *doc, struct span t)
{
    const char *h = jm_meta_find_ci(t.s, t.n, " hiring ");
    if (h == NULL)
        return false;
    size_t end = (size_t)(h - t.s), start;
    if (end > 3 && strncmp(t.s + end - 3, " is", 3) == 0)
        end -= 3;
    /* "We are hiring …", "Now hiring …" name no company */
    if (jm_meta_name_before(t.s, end, &start) == 0 || start != 0)
        return false;
    add(doc, JM_META_COMPANY, t.s, end);
    struct span rest = {h + 8, t.n - (size_t)(h + 8 - t.s)};
    static const char *const leads[] = {"a ", "an ", "remote "};
    for (size_t i = 0; i < sizeof leads / sizeof leads[0]; i++) {
        size_t k = strlen(leads[i]);
        if (rest.n <= k || strncasecmp(rest.s, leads[i], k) != 0)
            continue;
        if (i == 2)
            add(doc, JM_META_LOCATION, "Remote", 6);
        rest.s += k;
        rest.n -= k;
    }
    title_in_place(doc, rest.s, rest.n);
    return true;
}

/* "'Engineer' in Berlin, DC job posted by Acme": a classifieds board's shape. */
static bool posted_by_shape(struct jm_doc *doc, struct span t)
{
    const char *by = jm_meta_find_ci(t.s, t.n, " posted by ");
    if (by == NULL)
        return false;
    add(doc, JM_META_COMPANY, by + 11, t.n - (size_t)(by + 11 - t.s));
    size_t n = (size_t)(by - t.s);
    if (n >= 4 && strncasecmp(t.s + n - 4, " job", 4) == 0)
        n -= 4;
    const char *close =
        n > 1 && (t.s[0] == '\'' || t.s[0] == '"') ? memchr(t.s + 1, t.s[0], n - 1) : NULL;
    if (close == NULL) {
        title_in_place(doc, t.s, n);
        return true;
    }
    add(doc, JM_META_TITLE, t.s + 1, (size_t)(close - t.s - 1));
    const char *rest = close + 1, *end = t.s + n;
    if (end - rest > 4 && strncmp(rest, " in ", 4) == 0)
        add(doc, JM_META_LOCATION, rest + 4, (size_t)(end - rest - 4));
    return true;
}

/* The headings near the top of the page, one of which may repeat the job's title. */
struct headings {
    const struct jm_block *v[MAX_HEADINGS];
    size_t n;
};

/* The first letter or digit of s[0..n), lower case; 0 when none. */
static int first_alnum(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
            return tolower((unsigned char)s[i]);
    return 0;
}

static bool is_heading(const struct headings *h, struct span s)
{
    int c = first_alnum(s.s, s.n); /* most parts differ from the first letter */
    for (size_t i = 0; i < h->n; i++)
        if (first_alnum(h->v[i]->text, h->v[i]->len) == c &&
            jm_meta_same(s.s, s.n, h->v[i]->text, h->v[i]->len))
            return true;
    return false;
}

/* "Orrery Capital Financial Analyst": the employer's name run into the title, which a
 * heading of the page gives alone; true when the two are proposed apart. */
static bool name_and_heading(struct jm_doc *doc, struct span head, const struct headings *h)
{
    for (size_t i = 0; i < h->n; i++) {
        const struct jm_block *b = h->v[i];
        size_t k = b->len;
        if (k + 2 > head.n || head.s[head.n - k - 1] != ' ' ||
            strncasecmp(head.s + head.n - k, b->text, k) != 0 || !jm_meta_names_role(b->text, k))
            continue;
        /* "Senior Financial Analyst", "Lead Analyst" under "Analyst": more of the title */
        size_t m = head.n - k - 1;
        if (jm_meta_role_qualifier(head.s, m) ||
            (jm_meta_words(head.s, m) == 1 && jm_meta_names_role(head.s, m)))
            return false;
        add(doc, JM_META_TITLE, b->text, k);
        add(doc, JM_META_COMPANY, head.s, m);
        return true;
    }
    return false;
}

/* Does a heading of the page open with all of s, alone or before ": Acme" or " - Acme"?
 * Then s is a title whole, dashes and all: "Embedded Engineer - C/C++ - Linux" of the
 * heading "Embedded Engineer - C/C++ - Linux: CyberCoders". */
static bool opens_heading(const struct headings *h, struct span s)
{
    for (size_t i = 0; i < h->n; i++) {
        const struct jm_block *b = h->v[i];
        if (b->len >= s.n && strncasecmp(b->text, s.s, s.n) == 0 &&
            (b->len == s.n || strchr(":-|", b->text[s.n]) ||
             (b->text[s.n] == ' ' && s.n + 1 < b->len && strchr("-|", b->text[s.n + 1]))))
            return true;
    }
    return false;
}

/* "ENGINEER - ACME Job in Berlin, Maryland US": title and company, then the place. */
static bool job_in_shape(struct jm_doc *doc, struct span t, const struct headings *h)
{
    const char *in = jm_meta_find_ci(t.s, t.n, " job in ");
    size_t cue = sizeof " job in " - 1;
    if (in == NULL)
        in = jm_meta_find_ci(t.s, t.n, " jobs in "), cue++;
    if (in == NULL)
        return false;
    const char *place = in + cue; /* the cue is found case aside: " JOB IN " too */
    size_t pn = t.n - (size_t)(place - t.s);
    const char *after = find_last(place, pn, " - "); /* "… Job in Austin, TX - Acme" */
    if (after == NULL)
        after = find_last(place, pn, " | ");
    add(doc, JM_META_LOCATION, place, after ? (size_t)(after - place) : pn);
    struct span head = {t.s, (size_t)(in - t.s)};
    const char *dash = opens_heading(h, head) ? NULL : find_last(head.s, head.n, " - ");
    if (dash == NULL) {
        if (!name_and_heading(doc, head, h))
            add(doc, JM_META_TITLE, head.s, head.n);
        if (after)
            add(doc, JM_META_COMPANY, after + 3, pn - (size_t)(after + 3 - place));
        return true;
    }
    add(doc, JM_META_TITLE, head.s, (size_t)(dash - head.s));
    add(doc, JM_META_COMPANY, dash + 3, head.n - (size_t)(dash + 3 - head.s));
    return true;
}

/* "Acme in Boston, MA": the company, and its place after " in "; "Austin, TX" where the
 * company would be is a place. */
static void company_in_place(struct jm_doc *doc, struct span c)
{
    const char *in = find_last(c.s, c.n, " in ");
    if (in != NULL) {
        add(doc, JM_META_LOCATION, in + 4, c.n - (size_t)(in + 4 - c.s));
        c.n = (size_t)(in - c.s);
    }
    add(doc, jm_meta_is_place(c.s, c.n) ? JM_META_LOCATION : JM_META_COMPANY, c.s, c.n);
}

/* Parts i to j - 1 of a split title, with their separators: "Staff SRE - Payments". */
static struct span join(const struct span *part, size_t i, size_t j)
{
    return (struct span){part[i].s, (size_t)(part[j - 1].s + part[j - 1].n - part[i].s)};
}

/* Splits t at each `sep`, into at most `cap` parts; the last takes the rest. */
static size_t split(struct span t, const char *sep, struct span *part, size_t cap)
{
    size_t n = 0, k = strlen(sep);
    const char *p = t.s, *end = t.s + t.n;
    while (n + 1 < cap) {
        const char *at = strstr(p, sep);
        if (at == NULL || at >= end)
            break;
        part[n++] = (struct span){p, (size_t)(at - p)};
        p = at + k;
    }
    part[n++] = (struct span){p, (size_t)(end - p)};
    return n;
}

/* Where the title stands among the parts: parts [from, to), the company at `company`
 * (n when none). */
struct layout {
    size_t from, to, company;
};

/* The parts a heading of the page repeats are the title, the company beside them:
 * "Dice Forge Games - Staff SRE - Payments" under an <h2> "Staff SRE - Payments". */
static bool heading_layout(const struct span *part, size_t n, const struct headings *h,
                           struct layout *out)
{
    for (size_t from = 0; from < 2 && from < n; from++)
        for (size_t to = n - (from == 0); to > from; to--) { /* a heading may hold it all */
            struct layout l = {from, to, from == 1 ? 0 : to};
            struct span title = join(part, from, to);
            if (!is_heading(h, title))
                continue;
            /* an <h1> "Acme" over "Engineer - Acme" names the company, not the job */
            if (jm_meta_names_role(title.s, title.n) || l.company >= n ||
                !jm_meta_names_role(part[l.company].s, part[l.company].n)) {
                *out = l;
                return true;
            }
        }
    return false;
}

/* Without such a heading, the part that names a role is the title, the first when both or
 * neither do; the parts after it that only qualify the role ("Bilingual (Spanish)", "Night
 * Shift", "Remote") stay with it. */
static struct layout role_layout(const struct span *part, size_t n)
{
    bool second = n > 1 && jm_meta_names_role(part[1].s, part[1].n) &&
                  !jm_meta_names_role(part[0].s, part[0].n);
    struct layout l = {second, second + 1, 0};
    while (l.to < n && jm_meta_role_qualifier(part[l.to].s, part[l.to].n))
        l.to++;
    if (!second)
        l.company = l.to;
    return l;
}

/*
 * "Engineer | Acme Careers", "Engineer at Acme", "Acme - Engineer": split at each separator
 * of the strongest kind, then the title, the company and maybe a place told apart.
 */
static void separated_shape(struct jm_doc *doc, struct span t, const struct headings *h)
{
    static const char *const joins[] = {" | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " at ",
                                        " @ ", " bei "};
    struct span part[MAX_PARTS];
    size_t n = 1;
    for (size_t i = 0; i < sizeof joins / sizeof joins[0] && n == 1; i++)
        n = split(t, joins[i], part, MAX_PARTS);
    struct layout l;
    if (n == 1) {
        add(doc, JM_META_TITLE, t.s, t.n);
        return;
    }
    if (!heading_layout(part, n, h, &l))
        l = role_layout(part, n);
    struct span title = join(part, l.from, l.to);
    const char *in = find_last(title.s, title.n, " in ");
    size_t place = in ? (size_t)(in + 4 - title.s) : 0;
    if (in && jm_meta_is_place(title.s + place, title.n - place))
        title_in_place(doc, title.s, title.n); /* "Engineer in Reno, NV | Careers at Acme" */
    else
        add(doc, JM_META_TITLE, title.s, title.n);
    if (l.company < n && l.company == l.to && l.company + 1 < n &&
        jm_meta_is_place(part[l.company].s, part[l.company].n)) {
        /* "Engineer - Reno, NV - Acme": the place, then the company */
        add(doc, JM_META_LOCATION, part[l.company].s, part[l.company].n);
        l.company++;
    }
    if (l.company >= n)
        return;
    company_in_place(doc, part[l.company]);
    /* "Engineer - Acme - Berlin, DE": a place after the company */
    size_t next = l.company == 0 ? l.to : l.company + 1;
    if (next < n && jm_meta_is_place(part[next].s, part[next].n))
        add(doc, JM_META_LOCATION, part[next].s, part[next].n);
}

/* Whitespace collapsed into out (at most cap - 1 bytes); its length. */
static size_t collapse(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        bool space = isspace((unsigned char)s[i]);
        if (space && (k == 0 || out[k - 1] == ' '))
            continue;
        out[k++] = space ? ' ' : s[i];
    }
    while (k > 0 && out[k - 1] == ' ')
        k--;
    out[k] = '\0';
    return k;
}

static void page_title(struct jm_doc *doc, const struct jm_buf *raw, const struct headings *h)
{
    char buf[MAX_PAGE_TITLE];
    if (raw->len == 0)
        return;
    struct span t = {buf, collapse(raw->data, raw->len, buf, sizeof buf)};
    cut_boards(&t);
    buf[(size_t)(t.s - buf) + t.n] = '\0';
    if (t.n == 0)
        return;
    if (doc->role != JM_ROLE_POSTING) {
        add(doc, JM_META_TITLE, t.s, t.n);
        return;
    }
    if (!hiring_shape(doc, t) && !posted_by_shape(doc, t) && !job_in_shape(doc, t, h))
        separated_shape(doc, t, h);
}

void jm_meta_page(struct jm_doc *doc, const struct jm_html_page *page)
{
    /* the title block wherever it is, and the headings near the top */
    struct headings h = {{NULL}, 0};
    for (size_t i = 0; i < doc->nblocks && h.n == 0; i++)
        if (doc->blocks[i].kind == JM_BLOCK_TITLE)
            h.v[h.n++] = &doc->blocks[i];
    for (size_t i = 0; i < doc->nblocks && i < HEADING_REACH && h.n < MAX_HEADINGS; i++)
        if (doc->blocks[i].kind == JM_BLOCK_HEADING && doc->blocks[i].level <= 3)
            h.v[h.n++] = &doc->blocks[i];
    if (page->og_site.len > 0)
        jm_meta_add(doc, JM_META_COMPANY, JM_SRC_SITE, -1, page->og_site.data, page->og_site.len);
    page_title(doc, &page->og_title, &h);
    page_title(doc, &page->title, &h);
}
