/*
 * meta_prose.c - the employer (and sometimes the title) as the text names
 * them: "Acme is looking for an Accounting Analyst", "Acme is a consulting
 * company", "At Acme, we …", "We at Acme", "Join Acme", an "About Acme"
 * heading, and the name that opens a company description; last, the poster:
 * a copyright line, the firm in an e-mail's signature. These are the weakest
 * candidates: meta.c uses them when the page has no better source, or when
 * its company slot names someone the text never does.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

/* Enough candidates to find the employer (more would only repeat it), and a bound on the
 * cue phrases looked at, so that a page repeating "is a" costs no more than reading it. */
enum {
    MAX_PROSE = 48,
    MAX_CUES = 400,
    MAX_NAME_WORDS = 4,
    MAX_SENTENCE = 240,
    MAX_PHRASE = 100,
    MAX_WORD = 64,
    SIGNATURE_REACH = 3, /* the lines of a signature before the sender's firm */
    MAX_ASIDE = 80       /* " in our Maps team" between a role and ", you" */
};

/* Capitalised words that start sentences without being a name. */
// clang-format off
static const char *const not_names[] = {
    "the", "this", "that", "these", "those", "it", "we", "our", "you", "your", "he", "she",
    "they", "there", "here", "what", "which", "who", "each", "every", "if", "and", "but", "so",
    "also", "today", "now", "currently", "a", "an", "as", "in", "at", "for", "with", "since",
    "why", "how", "job", "role", "position", "company", "team", "candidate", "client",
    "everyone", "us", "me", "my", "all", "one", "no", "not", "hi", "hello", "would", "will",
    "can", "could", "should", "may", "might", "must", "do", "does", "are", "is", "have", "has",
    "be", "join", "come", "imagine", "ready", "want", "interested", "welcome", "founded",
    "based", "headquartered", "located", "from", "over", "wir", "nous", "wij", "unser",
    "notre", "ons",
};
// clang-format on

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

/* A word that may be part of a name: it starts with a capital, a digit ("3M") or a letter
 * beyond ASCII ("Éclair Labs"). */
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
        /* "… our Physical Health. Sword Health is …": a stop after a word, not after an
         * abbreviation, ends the sentence before the name */
        if (words > 0 && n >= 5 && n < i - w && !jm_meta_legal_form(s + w, n))
            break;
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
    /* "Acme Storage, Inc. is …": a legal form alone keeps the name before its comma */
    size_t before;
    if (first < end && first >= 2 && s[first - 2] == ',' && s[first - 1] == ' ' &&
        jm_meta_legal_form(s + first, end - first) &&
        jm_meta_name_before(s, first - 2, &before) > 0)
        first = before;
    /* "The University seeks …": one common word after "The" is a reference, not a name */
    bool one_word = memchr(s + first, ' ', end - first) == NULL;
    if (one_word && first >= 4 && strncasecmp(s + first - 4, "the ", 4) == 0)
        first = end;
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
        else if (k >= i + 5 && strncmp(s + k - 4, "\xE2\x80\x99s", 4) == 0)
            k -= 4; /* "Acme’s team" */
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

/* Is there one of `words` in the noun phrase starting at s: up to its sentence's stop or a
 * word that starts what qualifies it ("a storage system that serves our organization" is
 * not an organization)? */
static bool phrase_has(const char *s, size_t n, const char *const *words, size_t count)
{
    static const char *const qualifiers[] = {" that ",  " which ", " who ",  " to ",  " on ",
                                             " based ", " for ",   " with ", " used "};
    size_t end = 0;
    while (end < n && end < MAX_PHRASE && !(s[end] == '.' && (end + 1 == n || s[end + 1] == ' ')))
        end++;
    for (size_t q = 0; q < sizeof qualifiers / sizeof qualifiers[0]; q++) {
        const char *at = jm_meta_find_ci(s + 1, end > 0 ? end - 1 : 0, qualifiers[q]);
        if (at != NULL)
            end = (size_t)(at - s);
    }
    for (size_t i = 0; i < count; i++) {
        size_t k = strlen(words[i]);
        for (size_t j = 0; j + k <= end; j++)
            if (strncasecmp(s + j, words[i], k) == 0)
                return true;
    }
    return false;
}

/* A title written in capitals, as after "As a": capitalised words and their joiners
 * ("Accounting and Financial Analyst"), up to the first small word. */
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

/* A word that describes the person sought, not the role: "experienced", "highly",
 * "self-motivated", "strong"; never one that names a role ("executive"). */
static bool describing(const char *w, size_t n)
{
    static const char *const ends[] = {"ed", "ive", "ful", "ous", "ly"};
    static const char *const words[] = {"and",          "strong",      "great",       "dynamic",
                                        "enthusiastic", "energetic",   "exceptional", "outstanding",
                                        "smart",        "hardworking", "talented",    "brilliant",
                                        "new"};
    if (n == 0 || !islower((unsigned char)w[0]) || jm_meta_names_role(w, n))
        return false;
    if (memchr(w, '-', n))
        return true; /* "detail-oriented", "hands-on" */
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (n == strlen(words[i]) && strncmp(w, words[i], n) == 0)
            return true;
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t k = strlen(ends[i]);
        if (n > k + 2 && strncmp(w + n - k, ends[i], k) == 0)
            return true;
    }
    return false;
}

/* Where the object of "looking for" stops: "to join", "who loves", ", with". */
static bool object_ends(const char *w, size_t n)
{
    static const char *const words[] = {
        "to",   "who", "that", "which", "with", "for",  "in",  "at",  "on",  "from", "will", "you",
        "like", "as",  "pour", "qui",   "afin", "para", "que", "für", "zur", "voor", "om"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (n == strlen(words[i]) && strncmp(w, words[i], n) == 0)
            return true;
    return false;
}

struct word {
    const char *s;
    size_t n;
};

/* Is the small word ending at s[j] inside a name, before any role word of the object
 * ("a Ruby on Rails engineer", "a Head of Sales"), not where the object stops ("an
 * engineer in Berlin", "a team in Berlin": no role follows)? */
static bool inside_name(const char *s, size_t n, size_t j, bool role)
{
    return !role && j + 1 < n && s[j] == ' ' && isupper((unsigned char)s[j + 1]);
}

/* The words of the object of "looking for", after its article, up to its end (at most
 * eight); how many, 0 without an article. */
static size_t object_words(const char *s, size_t n, struct word *w, size_t cap, bool *bare)
{
    static const char *const articles[] = {
        "a ",    "an ",  "the ", "two ",   "several ", "our next ", "un ",  "une ", "un·e ",
        "deux ", "des ", "una ", "einen ", "eine ",    "ein ",      "een ", "twee "};
    size_t a = 0;
    while (a < sizeof articles / sizeof articles[0] &&
           !(n > strlen(articles[a]) && strncmp(s, articles[a], strlen(articles[a])) == 0))
        a++;
    /* Without an article, only the words that describe the people sought may stand before
     * their title, set apart by commas: "experienced, hard-working and talented Principal
     * Data Scientists"; "looking for Engineers who …" is people in general, no role. */
    bool described = a == sizeof articles / sizeof articles[0];
    if (!described) {
        s += strlen(articles[a]);
        n -= strlen(articles[a]);
    }
    size_t count = 0, i = 0, adjectives = 0;
    bool role = false;
    while (i < n && count < cap) {
        size_t j = i;
        while (j < n && !strchr(" ,.;:!?()", s[j]))
            j++;
        if (j == i || (object_ends(s + i, j - i) && !inside_name(s, n, j, role)))
            break;
        role |= jm_meta_names_role(s + i, j - i);
        bool adjective = described && describing(s + i, j - i);
        /* "looking for Data Analyst to join": a title in capitals without its article */
        *bare |= described && !adjective && adjectives == 0 && count == 0 &&
                 isupper((unsigned char)s[i]);
        if (described && !adjective && !*bare && (adjectives == 0 || !isupper((unsigned char)s[i])))
            return 0;
        if (adjective) {
            adjectives++;
        } else {
            described = false; /* the title has started */
            w[count++] = (struct word){s + i, j - i};
        }
        if (j < n && s[j] == ',' && adjective && j + 1 < n && s[j + 1] == ' ')
            j++; /* "experienced, talented …" */
        if (j >= n || s[j] != ' ')
            break;
        i = j + 1;
    }
    return count;
}

/* "Strong", "Talented", "Highly": praise of the person sought, in whatever case; no word
 * of a title. */
static bool praise(const char *w, size_t n)
{
    static const char *const words[] = {"strong",      "talented",     "great",      "exceptional",
                                        "outstanding", "brilliant",    "passionate", "motivated",
                                        "highly",      "enthusiastic", "energetic",  "rockstar",
                                        "hardworking", "driven"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (n == strlen(words[i]) && strncasecmp(w, words[i], n) == 0)
            return true;
    return false;
}

/* "machine learning data scientist" as a title: "Machine Learning Data Scientist". */
static void capitalise(char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((i == 0 || buf[i - 1] == ' ' || buf[i - 1] == '/') && islower((unsigned char)buf[i]) &&
            !(strncmp(buf + i, "and ", 4) == 0 || strncmp(buf + i, "of ", 3) == 0 ||
              strncmp(buf + i, "on ", 3) == 0 || strncmp(buf + i, "in ", 3) == 0))
            buf[i] = (char)toupper((unsigned char)buf[i]);
}

/*
 * The title in the object of "looking for": up to its last word that names a role, from
 * its first capitalised word, or else past the words that describe the person ("a highly
 * motivated python developer" seeks a "Python Developer"). Written into buf, a small title
 * given capitals; its length, 0 when the object names no role.
 */
static size_t sought_title(const char *s, size_t n, char *buf, size_t cap)
{
    struct word w[8];
    bool bare = false;
    size_t count = object_words(s, n, w, 8, &bare), last = count, first = 0;
    for (size_t i = 0; i < count; i++)
        if (jm_meta_names_role(w[i].s, w[i].n))
            last = i;
    /* "looking for Engineers who …": people in general, not a role */
    if (last == count || (bare && w[last].s[w[last].n - 1] == 's'))
        return 0;
    while (first < last && !isupper((unsigned char)w[first].s[0]))
        first++;
    while (first < last && praise(w[first].s, w[first].n)) /* "a Strong Data Analyst" */
        first++;
    if (first == last && !isupper((unsigned char)w[last].s[0]))
        for (first = 0; first < last && describing(w[first].s, w[first].n);)
            first++;
    size_t len = (size_t)(w[last].s + w[last].n - w[first].s);
    if (len + 1 > cap)
        return 0;
    memcpy(buf, w[first].s, len);
    buf[len] = '\0';
    capitalise(buf, len);
    return len;
}

/* "Our client, iTvorks Inc, is seeking": the name an agency gives its client between
 * commas, the comma after it at s[end]; its length, 0 when the shape is not there. */
static size_t client_named(const char *s, size_t end, size_t *start)
{
    static const char *const lead = "client, ";
    size_t i = end;
    while (i > 0 && s[i - 1] != ',' && s[i - 1] != '.' && end - i <= MAX_PHRASE)
        i--;
    size_t k = strlen(lead);
    if (i < k - 1 || i == end || s[i - 1] != ',' || i + 1 >= end ||
        strncasecmp(s + i + 1 - k, lead, k - 1) != 0 || jm_meta_words(s + i + 1, end - i - 1) > 5)
        return 0;
    /* a name starts with a capital, or with a small letter before one ("iTvorks", "eBay");
     * "Our client, a large bank, is seeking" names no one */
    unsigned char c0 = (unsigned char)s[i + 1], c1 = (unsigned char)s[i + 2];
    if (!(isupper(c0) || isdigit(c0) || (islower(c0) && isupper(c1))))
        return 0;
    *start = i + 1;
    return end - i - 1;
}

/* The name before a cue at s[end], also across an apposition: "Acme, a leading freight
 * company, is seeking"; "currently" between them is skipped. */
static size_t employer_before(const char *s, size_t end, size_t *start)
{
    if (end >= 10 && strncmp(s + end - 10, " currently", 10) == 0)
        end -= 10;
    if (end == 0 || s[end - 1] != ',') {
        size_t len = jm_meta_name_before(s, end, start);
        /* "our client in Mountain View is looking for": a place, not the subject; so is
         * the region after a place's comma ("client in New Brunswick, NJ is seeking") */
        bool place = len > 0 && *start >= 3 && strncmp(s + *start - 3, "in ", 3) == 0 &&
                     (*start == 3 || s[*start - 4] == ' ');
        bool region = len == 2 && *start >= 2 && s[*start - 2] == ',' &&
                      isupper((unsigned char)s[*start]) && isupper((unsigned char)s[*start + 1]);
        return place || region ? 0 : len;
    }
    size_t named = client_named(s, end - 1, start);
    if (named > 0)
        return named;
    static const char *const opens[] = {", a ", ", an ", ", the ", ", one of "};
    size_t from = end > MAX_SENTENCE ? end - MAX_SENTENCE : 0;
    for (size_t i = end - 1; i-- > from;)
        for (size_t o = 0; o < sizeof opens / sizeof opens[0]; o++)
            if (strncmp(s + i, opens[o], strlen(opens[o])) == 0)
                return jm_meta_name_before(s, i, start);
    return 0;
}

/* A pronoun as a sentence's subject ("On recherche", "Man sucht", "Se busca"): no name. */
static bool pronoun(const char *s, size_t n)
{
    static const char *const words[] = {"On",  "Nous", "Il",  "Elle", "Man", "Wir", "Er",  "Sie",
                                        "Wer", "Se",   "Men", "Wie",  "Who", "He",  "She", "It"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (n == strlen(words[i]) && strncmp(s, words[i], n) == 0)
            return true;
    return false;
}

/* "Acme is looking for an Analyst": the subject is the employer, the object the title;
 * "We are looking for an Analyst" gives the title alone. The cue starts at the space s[i]. */
static void hiring(struct finder *f, size_t b, const char *s, size_t n, size_t i)
{
    static const struct {
        const char *cue;
        bool employer; /* the subject before it names the employer */
    } cues[] = {
        {" is looking for ", true},
        {" is seeking ", true},
        {" is hiring", true},
        {" is searching for ", true},
        {" is recruiting ", true},
        {" are hiring", true},
        {" seeks ", true},
        {" is in search of ", true},
        {" has an immediate need for ", true},
        {" has a need for ", true},
        {" has an opening for ", true},
        {" has openings for ", true},
        /* French, Spanish, German, Dutch: "Acme recherche un·e développeur·se" */
        {" recherche ", true},
        {" recrute ", true},
        {" busca ", true},
        {" está buscando ", true},
        {" sucht ", true},
        {" zoekt ", true},
        {" looking for ", false},
        {" seeking ", false},
        {" hiring ", false},
        {" to hire ", false},
        {" opening for ", false},
        {" opportunity for ", false},
        {" position of ", false},
    };
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
        if (s[i + 1] != cues[c].cue[1])
            continue;
        size_t k = strlen(cues[c].cue);
        if (i + k > n || strncmp(s + i, cues[c].cue, k) != 0 || !look(f))
            continue;
        size_t start, len = cues[c].employer ? employer_before(s, i, &start) : 0;
        if (len > 0 && !pronoun(s + start, len))
            propose(f, JM_META_COMPANY, JM_SRC_HIRING, b, s + start, len);
        char title[128];
        size_t t = sought_title(s + i + k, n - i - k, title, sizeof title);
        if (t > 0)
            propose(f, JM_META_TITLE, JM_SRC_HIRING, b, title, t);
    }
}

/* Does a sentence start at s[i]: the block's start, after ". ", "! ", "? ", or glued to
 * the stop of the one before ("…for dashers.As a …"), as scraped text loses its spaces? */
static bool sentence_start(const char *s, size_t i)
{
    return i == 0 || (i >= 2 && s[i - 1] == ' ' && strchr(".!?", s[i - 2])) ||
           (i >= 2 && s[i - 1] == '.' && islower((unsigned char)s[i - 2]) &&
            isupper((unsigned char)s[i]));
}

/* " in Acme's Computer Vision team", " on our Payments squad": the length of such an
 * aside, up to the comma that ends it; 0 when none. */
static size_t team_aside(const char *s, size_t n)
{
    static const char *const opens[] = {" in ", " on ", " within ", " at "};
    for (size_t o = 0; o < sizeof opens / sizeof opens[0]; o++) {
        size_t k = strlen(opens[o]);
        if (n <= k || strncmp(s, opens[o], k) != 0)
            continue;
        for (size_t j = k; j < n && j < MAX_ASIDE; j++)
            if (s[j] == ',')
                return j;
            else if (s[j] == '.' && (j + 1 == n || s[j + 1] == ' '))
                return 0;
        return 0;
    }
    return 0;
}

/* "As a machine learning data scientist, you will": a role in lower case, up to six words
 * of letters and hyphens right before ", you", the last naming a role. */
static void lower_role_subject(struct finder *f, size_t b, const char *s, size_t n)
{
    enum { MAX_WORDS = 6 };
    size_t i = 0, words = 1;
    while (i < n && (islower((unsigned char)s[i]) || s[i] == '-' || s[i] == ' ')) {
        words += s[i] == ' ';
        i++;
    }
    char title[80];
    if (i == 0 || words > MAX_WORDS || i >= sizeof title || s[i - 1] == ' ' ||
        !(n - i >= 5 && strncmp(s + i, ", you", 5) == 0) || !jm_meta_names_role(s, i))
        return;
    memcpy(title, s, i);
    title[i] = '\0';
    capitalise(title, i);
    propose(f, JM_META_TITLE, JM_SRC_HIRING, b, title, i);
}

/* "As a Data Engineer, you will …", "The Payroll Analyst will …": the role as the text's
 * subject, at the start of a sentence, s[i]. */
static void role_subject(struct finder *f, size_t b, const char *s, size_t n, size_t i)
{
    static const struct {
        const char *open, *close; /* close: what follows the title */
    } cues[] = {
        {"As a ", ", you"},      {"As an ", ", you"}, {"As our ", ", you"},
        {"As ", ", you"},        {"The ", " will "},  {"The ", " is responsible"},
        {"The ", " reports to"}, {"Our ", " will "},
    };
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
        if (s[i] != cues[c].open[0])
            continue;
        size_t k = strlen(cues[c].open), m = strlen(cues[c].close);
        if (i + k >= n || strncmp(s + i, cues[c].open, k) != 0 || !look(f))
            continue;
        size_t t = title_after(s + i + k, n - i - k), at = i + k + t;
        /* "As a Data Engineer in our Maps team, you …": where the role sits, between */
        if (t > 0 && cues[c].close[0] == ',')
            at += team_aside(s + at, n - at);
        if (t > 0 && at + m <= n && strncmp(s + at, cues[c].close, m) == 0 &&
            jm_meta_names_role(s + i + k, t))
            propose(f, JM_META_TITLE, JM_SRC_HIRING, b, s + i + k, t);
        else if (t == 0 && cues[c].close[0] == ',')
            lower_role_subject(f, b, s + i + k, n - i - k);
    }
}

/* "This is a fully remote role": the job's place, stated in a sentence; the phrase starts
 * the word at s[i]. True once it is proposed. */
static bool stated_remote(struct finder *f, size_t b, const char *s, size_t n, size_t i)
{
    static const char *const phrases[] = {"fully remote",
                                          "100% remote",
                                          "remote position",
                                          "remote role",
                                          "remote job",
                                          "remote-first",
                                          "remote first",
                                          "work from anywhere",
                                          "work remotely from anywhere",
                                          "fully distributed",
                                          "work from your home office",
                                          "remote opportunity"};
    /* not "working remotely": "while working remotely, nothing replaces the office" */
    for (size_t p = 0; p < sizeof phrases / sizeof phrases[0]; p++) {
        if (tolower((unsigned char)s[i]) != phrases[p][0])
            continue;
        size_t k = strlen(phrases[p]);
        if (i + k > n || strncasecmp(s + i, phrases[p], k) != 0 || !look(f))
            continue;
        /* "not a remote role", "no remote work" */
        bool negated = (i >= 4 && strncasecmp(s + i - 4, "not ", 4) == 0) ||
                       (i >= 6 && strncasecmp(s + i - 6, "not a ", 6) == 0) ||
                       (i >= 3 && strncasecmp(s + i - 3, "no ", 3) == 0);
        if (!negated) {
            propose(f, JM_META_LOCATION, JM_SRC_STATED, b, "Remote", 6);
            return true;
        }
    }
    return false;
}

/* "to join Verve's marketing team", "to join Acme.": the employer one joins. The cue
 * starts at the space s[i]. */
static void join_team(struct finder *f, size_t b, const char *s, size_t n, size_t i)
{
    static const char *const cue = " to join ";
    size_t k = strlen(cue);
    if (i + k >= n || strncmp(s + i, cue, k) != 0 || !look(f))
        return;
    size_t from = i + k, end = name_after(s, n, from);
    /* "to join Acme.", "to join Acme as", "to join Acme's team"; not "to join Python
     * Developers in building", which names no one */
    static const char *const after[] = {"'s ", "\xE2\x80\x99s ", ".", ",", " as ", " in "};
    bool owner = false;
    for (size_t a = 0; a < sizeof after / sizeof after[0] && end > from && !owner; a++)
        owner = end + strlen(after[a]) <= n && strncmp(s + end, after[a], strlen(after[a])) == 0;
    if (owner && !jm_meta_names_role(s + from, end - from))
        propose(f, JM_META_COMPANY, JM_SRC_US, b, s + from, end - from);
}

/* "a Data Analyst at our San Leandro, CA location", "develop our Los Angeles office": the
 * place of the job's site. The cue " our " starts at the space s[i]. */
static void at_our_site(struct finder *f, size_t b, const char *s, size_t n, size_t i)
{
    static const char *const cue = " our ";
    static const char *const sites[] = {" location", " office", " facility", " site",
                                        " campus",   " plant",  " branch"};
    size_t k = strlen(cue);
    if (i + k >= n || strncmp(s + i, cue, k) != 0 || !look(f))
        return;
    size_t from = i + k, end = name_after(s, n, from);
    if (end + 2 < n && s[end] == ',' && s[end + 1] == ' ') /* "San Leandro, CA" */
        end = name_after(s, n, end + 2) > end + 2 ? name_after(s, n, end + 2) : end;
    for (size_t j = 0; end > from && j < sizeof sites / sizeof sites[0]; j++)
        if (strncmp(s + end, sites[j], strlen(sites[j])) == 0) {
            propose(f, JM_META_LOCATION, JM_SRC_STATED, b, s + from, end - from);
            return;
        }
}

/* "This role is based in Leeds, UK": the job's place, when the subject is the job (not the
 * company, whose seat is no job's place). The cue starts at the space s[i]. */
static void stated_base(struct finder *f, size_t b, const char *s, size_t n, size_t i)
{
    /* "work from our office in Gliwice", "at our satellite office in Bluff City, Tennessee";
     * "offices in London, Paris and Berlin" is the company's, not the job's */
    static const char *const cues[] = {" is based in ", " is located in ", " is based at ",
                                       " located in ",  " based in ",      " office in "};
    /* an agency's client is where the job is ("a client located in Austin, TX") */
    static const char *const jobs[] = {"role",    "position",    "job",
                                       "vacancy", "opportunity", "client"};
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
        size_t k = strlen(cues[c]);
        if (i + k >= n || strncmp(s + i, cues[c], k) != 0 || !look(f))
            continue;
        bool job = false;
        for (size_t j = 0; j < sizeof jobs / sizeof jobs[0] && !job; j++) {
            size_t m = strlen(jobs[j]);
            job = i >= m && strncasecmp(s + i - m, jobs[j], m) == 0 &&
                  (i == m || s[i - m - 1] == ' ');
        }
        bool office = strcmp(cues[c], " office in ") == 0; /* the office is where one works */
        size_t end = job || office ? name_after(s, n, i + k) : i + k;
        if (end + 2 < n && s[end] == ',' && s[end + 1] == ' ') /* "Leeds, UK" */
            end = name_after(s, n, end + 2) > end + 2 ? name_after(s, n, end + 2) : end;
        if (end > i + k)
            propose(f, JM_META_LOCATION, JM_SRC_STATED, b, s + i + k, end - i - k);
        return;
    }
}

/* "Acme is a consulting company", "Acme is an equal opportunity employer": the cue starts
 * at the space s[i]. */
static void is_company(struct finder *f, size_t b, const char *s, size_t n, size_t i)
{
    static const char *const cues[] = {" is a ", " is an ", " is the ", " is one of "};
    static const char *const nouns[] = {
        "company",      "startup",  "start-up", "firm",        "agency",    "organization",
        "organisation", "provider", "leader",   "consultancy", "employer",  "manufacturer",
        "corporation",  "bank",     "insurer",  "laboratory",  "studio",    "nonprofit",
        "non-profit",   "retailer", "business", "enterprise",  "institute", "university"};
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
        size_t k = strlen(cues[c]);
        if (i + k > n || strncmp(s + i, cues[c], k) != 0 || !look(f) ||
            !phrase_has(s + i + 1, n - i - 1, nouns, sizeof nouns / sizeof nouns[0]))
            continue;
        size_t start, len = jm_meta_name_before(s, i, &start);
        propose(f, JM_META_COMPANY, JM_SRC_IS_COMPANY, b, s + start, len);
    }
}

/* "At Acme, we …", "We at Acme …", "Join Acme …", at the start of a sentence, s[i]. */
static void first_person(struct finder *f, size_t b, const char *s, size_t n, size_t i)
{
    static const char *const cues[] = {"At ", "We at ", "Here at ", "Join "};
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
        if (s[i] != cues[c][0])
            continue;
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

/* An "About Acme", "Why Acme?", "Life at Acme" heading: about the employer, unless about
 * the job or the reader ("About the role", "About you" name no one). */
static void about(struct finder *f, size_t b, const struct jm_block *blk)
{
    static const char *const openers[] = {"About ",       "Why ",        "Life at ", "Working at ",
                                          "Work at ",     "Careers at ", "Join ",    "Perks at ",
                                          "Benefits at ", "Über ",       "Over "};
    if (blk->len > 60 || (blk->kind != JM_BLOCK_HEADING && !blk->emphasized))
        return;
    for (size_t o = 0; o < sizeof openers / sizeof openers[0]; o++) {
        size_t k = strlen(openers[o]);
        if (blk->len <= k || strncasecmp(blk->text, openers[o], k) != 0)
            continue;
        /* "About The People Network:": a name of two words or more may open with "The" */
        size_t from = k;
        if (blk->len > k + 4 && strncmp(blk->text + k, "The ", 4) == 0)
            from = k + 4;
        size_t end = name_after(blk->text, blk->len, from);
        if (from > k && memchr(blk->text + from, ' ', end - from) == NULL)
            return;
        if (end > from && (end == blk->len || strchr(":!.?", blk->text[end])))
            propose(f, JM_META_COMPANY, JM_SRC_ABOUT, b, blk->text + k, end - k);
        return;
    }
}

/* A verb that says what a company is or does: "is", "has", "builds", "specializes",
 * "founded"; not "you" ("Would you like …"). */
static bool says_what_it_does(const char *w, size_t n)
{
    static const char *const verbs[] = {"is", "was", "has", "are", "have", "were", "ist", "est"};
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        if (n == strlen(verbs[i]) && strncmp(w, verbs[i], n) == 0)
            return true;
    return n > 3 && (w[n - 1] == 's' || (w[n - 2] == 'e' && w[n - 1] == 'd'));
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
    size_t end = name_after(p->text, p->len, 0), verb = end + 1;
    while (verb < p->len && isalpha((unsigned char)p->text[verb]))
        verb++;
    if (end > 0 && end + 2 < p->len && p->text[end] == ' ' &&
        islower((unsigned char)p->text[end + 1]) &&
        says_what_it_does(p->text + end + 1, verb - end - 1))
        propose(f, JM_META_COMPANY, JM_SRC_DESCRIBED, b + 1, p->text, end);
}

/* "© 2025 Sawtooth Orchards · Powered by BambooHR", "Copyright 2024 Acme Inc.": the
 * site's owner, on a careers page the employer; the weakest name of all. */
static void copyright(struct finder *f, size_t b, const struct jm_block *blk)
{
    const char *s = blk->text;
    size_t n = blk->len, i = 0;
    if (n > MAX_SENTENCE)
        return;
    const char *mark = NULL, *head = s + (n < 40 ? n : 40);
    for (const char *p = s; mark == NULL && (p = memchr(p, 0xC2, (size_t)(head - p))) != NULL;
         p++) /* "©" is C2 A9 */
        if (p + 1 < s + n && (unsigned char)p[1] == 0xA9)
            mark = p;
    if (mark != NULL)
        i = (size_t)(mark - s) + 2;
    else if (n > 10 && (*s == 'C' || *s == 'c') && strncasecmp(s, "copyright ", 10) == 0)
        i = 10;
    else
        return;
    /* "© 2025", "© Copyright 1995-2011,": the years and the word, not a name */
    for (;;) {
        if (i < n && (isdigit((unsigned char)s[i]) || strchr(" -,", s[i])))
            i++;
        else if (i + 1 < n && strncmp(s + i, "\xC2\xA9", 2) == 0)
            i += 2;
        else if (i + 9 <= n && strncasecmp(s + i, "copyright", 9) == 0)
            i += 9;
        else
            break;
    }
    size_t end = name_after(s, n, i), first = i;
    while (first < end && s[first] != ' ' && s[first] != ',')
        first++;
    /* "© 2025 Greenhouse Software": the board's, not the employer's */
    if (end > i && !jm_meta_is_board(s + i, first - i) && !jm_meta_is_board(s + i, end - i))
        propose(f, JM_META_COMPANY, JM_SRC_POSTER, b, s + i, end - i);
}

/* "Kind regards,", "Best,", "Mit freundlichen Grüßen": an e-mail's closing, the signature
 * below it. */
static bool closing(const struct jm_block *blk)
{
    static const char *const words[] = {"kind regards", "best regards",
                                        "warm regards", "regards",
                                        "best wishes",  "best",
                                        "thanks",       "many thanks",
                                        "thank you",    "sincerely",
                                        "cheers",       "mit freundlichen",
                                        "cordialement", "met vriendelijke groet",
                                        "saludos",      "un saludo"};
    if (blk->len > 40)
        return false;
    char first = (char)tolower((unsigned char)blk->text[0]);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (words[i][0] != first)
            continue;
        size_t k = strlen(words[i]);
        if (blk->len >= k && strncasecmp(blk->text, words[i], k) == 0 &&
            (blk->len == k || !isalpha((unsigned char)blk->text[k])))
            return true;
    }
    return false;
}

/*
 * "Kind regards, / Priya Nandakumar / Senior Consultant / Harbourline Recruitment": an
 * e-mail's signature names its sender, the sender's role and then the sender's firm, the
 * poster of the job. The block after the closing is `b`.
 */
static void signature(struct finder *f, size_t b)
{
    const struct jm_doc *doc = f->doc;
    for (size_t i = b; i + 1 < doc->nblocks && i < b + SIGNATURE_REACH; i++) {
        const struct jm_block *role = &doc->blocks[i], *firm = &doc->blocks[i + 1];
        if (role->len > 80 || !jm_meta_names_role(role->text, role->len))
            continue;
        size_t start;
        if (firm->len <= 60 && jm_meta_words(firm->text, firm->len) <= 5 &&
            jm_meta_name_before(firm->text, firm->len, &start) == firm->len && start == 0)
            propose(f, JM_META_COMPANY, JM_SRC_POSTER, i + 1, firm->text, firm->len);
        return;
    }
}

/* The sentence shapes of one block, in one pass: each is looked at only where its first
 * letters are (a space before "is", a sentence's first word, a word's start). */
/* Is c, not NUL, one of set? */
static bool one_of(char c, const char *set)
{
    for (; *set; set++)
        if (*set == c)
            return true;
    return false;
}

static void find_in_block(struct finder *f, size_t b, const char *s, size_t n)
{
    bool remote = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' && i + 1 < n && one_of(s[i + 1], "iaslhtopbrez")) {
            hiring(f, b, s, n, i);
            if (s[i + 1] == 'i')
                is_company(f, b, s, n, i);
            if (one_of(s[i + 1], "ilbo"))
                stated_base(f, b, s, n, i);
            if (s[i + 1] == 'o')
                at_our_site(f, b, s, n, i);
            if (s[i + 1] == 't')
                join_team(f, b, s, n, i);
        }
        if (sentence_start(s, i) && one_of((char)c, "ATOWHJ")) {
            role_subject(f, b, s, n, i);
            first_person(f, b, s, n, i);
        }
        if (!remote && (i == 0 || s[i - 1] == ' ') && one_of((char)c, "1fFrRwW"))
            remote = stated_remote(f, b, s, n, i);
    }
}

void jm_meta_find_prose(struct jm_doc *doc)
{
    struct finder f = {doc, 0, 0};
    for (size_t b = 0; b < doc->nblocks && f.found < MAX_PROSE && f.cues < MAX_CUES; b++) {
        const struct jm_block *blk = &doc->blocks[b];
        about(&f, b, blk);
        described(&f, b);
        copyright(&f, b, blk);
        if (closing(blk))
            signature(&f, b + 1);
        find_in_block(&f, b, blk->text, blk->len);
    }
}
