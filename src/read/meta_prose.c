/*
 * meta_prose.c - the employer (and sometimes the title) as the text names
 * them: "Acme is looking for an Accounting Analyst", "Acme is a consulting
 * company", "At Acme, we …", "We at Acme", "Join Acme", an "About Acme"
 * heading, and the name that opens a company description. These are the
 * weakest candidates: meta.c uses them when the page has no better source,
 * or when its company slot names someone the text never does.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

/* Enough candidates to find the employer; more would only repeat it. */
/* Cue phrases looked at, so that a page repeating "is a" costs no more than reading it. */
enum { MAX_PROSE = 48, MAX_CUES = 400, MAX_NAME_WORDS = 4, MAX_SENTENCE = 240, MAX_WORD = 64 };

/* Capitalised words that start sentences without being a name. */
static const char *const not_names[] = {
    "the",   "this", "that", "these",    "it",      "we",   "our",       "you",    "your",
    "he",    "she",  "they", "there",    "here",    "what", "which",     "who",    "each",
    "every", "if",   "and",  "but",      "so",      "also", "today",     "now",    "currently",
    "a",     "an",   "as",   "in",       "at",      "for",  "with",      "since",  "why",
    "how",   "job",  "role", "position", "company", "team", "candidate", "client", "everyone",
    "us",    "me",   "my",   "all",      "one",     "no",   "not",       "hi",     "hello",
};

/* Words between the words of a name: "Procter & Gamble", "Bank of America". */
static bool joiner(const char *s, size_t n)
{
    return (n == 1 && *s == '&') || (n == 2 && strncmp(s, "of", 2) == 0) ||
           (n == 3 && strncmp(s, "and", 3) == 0) || (n == 3 && strncmp(s, "for", 3) == 0);
}

static bool not_name(const char *s, size_t n)
{
    char w[16];
    if (n >= sizeof w)
        return false;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)tolower((unsigned char)s[i]);
    w[n] = '\0';
    for (size_t i = 0; i < sizeof not_names / sizeof not_names[0]; i++)
        if (strcmp(w, not_names[i]) == 0)
            return true;
    /* "Requirements SAIC is …": a section word run into the name is no part of it */
    return jm_section_classify(w, n, JM_ROLE_POSTING) != JM_SEC_NONE;
}

/* A word that may be part of a name: it starts with a capital or a digit ("3M"). */
static bool name_word(const char *s, size_t n)
{
    return n > 0 &&
           (isupper((unsigned char)s[0]) || isdigit((unsigned char)s[0]) ||
            (unsigned char)s[0] >= 0xC3) &&
           !not_name(s, n);
}

static bool word_char(char c)
{
    return isalnum((unsigned char)c) || (unsigned char)c >= 0x80 || c == '-' || c == '&' ||
           c == '.' || c == '\'';
}

/* The start of the word ending at s[end]: stops at a space, at a bracket, and at a full
 * stop between a small and a capital letter ("fearless.Acme": glued sentences). */
static size_t word_start(const char *s, size_t end)
{
    size_t i = end;
    while (i > 0 && end - i < MAX_WORD && word_char(s[i - 1])) {
        if (s[i - 1] == '.' && i < end && isupper((unsigned char)s[i]) && i >= 2 &&
            islower((unsigned char)s[i - 2]))
            break;
        i--;
    }
    return i;
}

size_t jm_meta_name_before(const char *s, size_t end, size_t *start)
{
    size_t first = end, i = end, words = 0;
    while (words < MAX_NAME_WORDS && i > 0 && s[i - 1] != ',' && s[i - 1] != ':') {
        size_t w = word_start(s, i), n = i - w;
        while (n > 0 && s[w + n - 1] == '.')
            n--; /* "Acme Inc." keeps its name, not its stop */
        if (n == 0 || !(name_word(s + w, n) || (joiner(s + w, n) && words > 0)))
            break;
        first = w;
        words++;
        if (w == 0 || s[w - 1] != ' ')
            break;
        i = w - 1;
    }
    /* a joiner cannot open a name: "and Acme" is "Acme" */
    while (first < end) {
        size_t j = first;
        while (j < end && s[j] != ' ')
            j++;
        if (!joiner(s + first, j - first) || j == end)
            break;
        first = j + 1;
    }
    *start = first;
    return end - first;
}

/* A name starting at s[i]: capitalised words, up to a comma, a bracket or a small word. */
static size_t name_after(const char *s, size_t n, size_t i)
{
    size_t end = i, words = 0;
    while (i < n && words < MAX_NAME_WORDS) {
        size_t j = i;
        while (j < n && word_char(s[j]))
            j++;
        size_t k = j;
        while (k > i && (s[k - 1] == '.' || s[k - 1] == '\''))
            k--;
        if (k >= i + 2 && s[k - 1] == 's' && s[k - 2] == '\'')
            k -= 2; /* "Acme's team" */
        if (k == i || (!name_word(s + i, k - i) && !(joiner(s + i, k - i) && words > 0)))
            break;
        if (!joiner(s + i, k - i))
            end = k;
        words++;
        if (k < j || j >= n || s[j] != ' ')
            break;
        i = j + 1;
    }
    return end;
}

struct finder {
    struct jm_doc *doc;
    size_t found, cues; /* candidates proposed, cue phrases looked at */
};

/* Counts a cue phrase found; false once enough have been looked at. */
static bool look(struct finder *f)
{
    return f->found < MAX_PROSE && f->cues++ < MAX_CUES;
}

static void propose(struct finder *f, enum jm_meta field, enum jm_meta_source src, size_t block,
                    const char *s, size_t n)
{
    if (n == 0 || f->found >= MAX_PROSE)
        return;
    jm_meta_add(f->doc, field, src, (long)block, s, n);
    f->found++;
}

/* Is there one of `words` in the sentence starting at s (to its first ". " or its end)? */
static bool sentence_has(const char *s, size_t n, const char *const *words, size_t count)
{
    size_t end = 0;
    while (end < n && end < MAX_SENTENCE && !(s[end] == '.' && (end + 1 == n || s[end + 1] == ' ')))
        end++;
    for (size_t i = 0; i < count; i++) {
        size_t k = strlen(words[i]);
        for (size_t j = 0; j + k <= end; j++)
            if (strncasecmp(s + j, words[i], k) == 0)
                return true;
    }
    return false;
}

/* A title after "looking for a": capitalised words and their joiners ("Accounting and
 * Financial Analyst"), up to the first small word. */
static size_t title_after(const char *s, size_t n)
{
    size_t i = 0, end = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != ',' && s[j] != '.')
            j++;
        bool cap = isupper((unsigned char)s[i]) || (j > i + 1 && isupper((unsigned char)s[i + 1]));
        bool join = (j - i == 3 && strncmp(s + i, "and", 3) == 0) ||
                    (j - i == 2 && strncmp(s + i, "of", 2) == 0) ||
                    (j - i == 1 && strchr("&/-", s[i]));
        if (!cap && !join)
            break;
        if (cap)
            end = j;
        if (j >= n || s[j] != ' ')
            break;
        i = j + 1;
    }
    return end;
}

/* The object of "looking for": after an article and at most two small words ("an
 * experienced"), the capitalised title ("Inventory Planner"); its length, 0 when none. */
static size_t sought_title(const char **s, size_t *n)
{
    static const char *const articles[] = {"a ", "an ", "the ", "two ", "several ", "our next "};
    for (size_t a = 0; a < sizeof articles / sizeof articles[0]; a++) {
        size_t k = strlen(articles[a]);
        if (*n > k && strncmp(*s, articles[a], k) == 0) {
            *s += k;
            *n -= k;
            break;
        }
    }
    for (int small = 0; small < 2 && *n > 0 && islower((unsigned char)**s); small++) {
        const char *sp = memchr(*s, ' ', *n);
        if (sp == NULL)
            return 0;
        *n -= (size_t)(sp + 1 - *s);
        *s = sp + 1;
    }
    size_t t = title_after(*s, *n);
    return t > 0 && jm_meta_names_role(*s, t) ? t : 0;
}

/* "Acme is looking for an Analyst": the subject is the employer, the object the title;
 * "We are looking for an Analyst" gives the title alone. */
static void hiring(struct finder *f, size_t b, const char *s, size_t n)
{
    static const struct {
        const char *cue;
        bool employer; /* the subject before it names the employer */
    } cues[] = {
        {" is looking for ", true},   {" is seeking ", true},    {" is hiring", true},
        {" is searching for ", true}, {" is recruiting ", true}, {" are hiring", true},
        {" looking for ", false},     {" seeking ", false},      {" hiring ", false},
        {" to hire ", false},
    };
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
        size_t k = strlen(cues[c].cue);
        for (size_t i = 0; i + k <= n; i++) {
            if (strncmp(s + i, cues[c].cue, k) != 0 || !look(f))
                continue;
            size_t start, len = cues[c].employer ? jm_meta_name_before(s, i, &start) : 0;
            if (len > 0)
                propose(f, JM_META_COMPANY, JM_SRC_HIRING, b, s + start, len);
            const char *obj = s + i + k;
            size_t rest = n - i - k, t = sought_title(&obj, &rest);
            if (t > 0)
                propose(f, JM_META_TITLE, JM_SRC_HIRING, b, obj, t);
        }
    }
}

/* "Acme is a consulting company", "Acme is an equal opportunity employer". */
static void is_company(struct finder *f, size_t b, const char *s, size_t n)
{
    static const char *const cues[] = {" is a ", " is an ", " is the ", " is one of "};
    static const char *const nouns[] = {
        "company",      "startup",  "start-up", "firm",        "agency",    "organization",
        "organisation", "provider", "leader",   "consultancy", "employer",  "manufacturer",
        "corporation",  "bank",     "insurer",  "laboratory",  "studio",    "nonprofit",
        "non-profit",   "retailer", "business", "enterprise",  "institute", "university"};
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
        size_t k = strlen(cues[c]);
        for (size_t i = 0; i + k <= n; i++) {
            if (strncmp(s + i, cues[c], k) != 0 || !look(f) ||
                !sentence_has(s + i, n - i, nouns, sizeof nouns / sizeof nouns[0]))
                continue;
            size_t start, len = jm_meta_name_before(s, i, &start);
            propose(f, JM_META_COMPANY, JM_SRC_IS_COMPANY, b, s + start, len);
        }
    }
}

/* Does a sentence start at s[i]: the block's start, or after ". ", "! ", "? "? */
static bool sentence_start(const char *s, size_t i)
{
    return i == 0 || (i >= 2 && s[i - 1] == ' ' && strchr(".!?", s[i - 2]));
}

/* "At Acme, we …", "We at Acme …", "Join Acme …". */
static void first_person(struct finder *f, size_t b, const char *s, size_t n)
{
    static const char *const cues[] = {"At ", "We at ", "Here at ", "Join "};
    for (size_t i = 0; i < n; i++) {
        if (!sentence_start(s, i))
            continue;
        for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
            size_t k = strlen(cues[c]);
            if (i + k >= n || strncmp(s + i, cues[c], k) != 0 || !look(f))
                continue;
            size_t end = name_after(s, n, i + k);
            bool we = c > 0 || (end + 5 <= n && (strncasecmp(s + end, ", we", 4) == 0 ||
                                                 strncasecmp(s + end, ", our", 5) == 0));
            if (we)
                propose(f, JM_META_COMPANY, JM_SRC_US, b, s + i + k, end - i - k);
        }
    }
}

/* An "About Acme" heading: about the employer, unless about the job or the reader. */
static void about(struct finder *f, size_t b, const struct jm_block *blk)
{
    if (blk->len < 7 || blk->len > 60 || strncasecmp(blk->text, "about ", 6) != 0 ||
        (blk->kind != JM_BLOCK_HEADING && !blk->emphasized))
        return;
    size_t end = name_after(blk->text, blk->len, 6);
    if (end > 6 && (end == blk->len || strchr(":!.", blk->text[end])))
        propose(f, JM_META_COMPANY, JM_SRC_ABOUT, b, blk->text + 6, end - 6);
}

/* The name that opens the text under a "Company Description" or "About us" heading, when
 * a verb follows it: "Acme builds …". */
static void described(struct finder *f, size_t b)
{
    static const char *const headings[] = {"company description", "about the company",
                                           "company overview",    "about us",
                                           "who we are",          "the company"};
    const struct jm_block *h = &f->doc->blocks[b];
    if (h->kind != JM_BLOCK_HEADING || b + 1 >= f->doc->nblocks || h->len > 40)
        return;
    bool company = false;
    for (size_t i = 0; i < sizeof headings / sizeof headings[0] && !company; i++)
        company = strncasecmp(h->text, headings[i], strlen(headings[i])) == 0;
    const struct jm_block *p = &f->doc->blocks[b + 1];
    if (!company || p->kind != JM_BLOCK_PARAGRAPH)
        return;
    size_t end = name_after(p->text, p->len, 0);
    if (end > 0 && end + 2 < p->len && p->text[end] == ' ' &&
        islower((unsigned char)p->text[end + 1]))
        propose(f, JM_META_COMPANY, JM_SRC_DESCRIBED, b + 1, p->text, end);
}

void jm_meta_find_prose(struct jm_doc *doc)
{
    struct finder f = {doc, 0, 0};
    for (size_t b = 0; b < doc->nblocks && f.found < MAX_PROSE && f.cues < MAX_CUES; b++) {
        const struct jm_block *blk = &doc->blocks[b];
        about(&f, b, blk);
        described(&f, b);
        hiring(&f, b, blk->text, blk->len);
        is_company(&f, b, blk->text, blk->len);
        first_person(&f, b, blk->text, blk->len);
    }
}
