/*
 * section.c - what a heading announces, and where each block stands.
 *
 * A posting says how much it cares about a skill by where it puts it: in
 * the title, under "Requirements", under "Nice to have", in the company
 * blurb. Headings (real ones, or short bold or colon-terminated lines) are
 * matched against phrase tables; sub-headings inherit their parent's
 * section, and a few cues inside a block ("… is a plus", EEO text) override
 * it. Phrases include French, German and Dutch for the postings we see.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base.h"
#include "doc.h"

struct phrase_table {
    enum jm_section section;
    const char *const *phrases;
};

/* The phrase tables are packed by hand, many to a line. */
// clang-format off
/* Posting headings, tried in this order: the first table that matches wins. */
static const char *const boilerplate[] = {
    "about us", "about the company", "about company", "who we are", "our company",
    "company overview", "company description", "our story", "our mission", "our values",
    "benefits", "perks", "what we offer", "offers", "what s in it for you", "we offer", "our offer",
    "compensation", "salary", "pay range", "equal opportunity", "eeo", "diversity",
    "inclusion", "accommodation", "privacy", "how to apply", "application process",
    "interview process", "hiring process", "culture", "why join", "why work", "life at",
    "working at", "locations", "avantages", "wij bieden", "wat bieden wij", "wir bieten",
    "qui sommes nous", "over ons", "uber uns", "über uns", "ce que nous offrons",
    "nous offrons", "nous proposons", "sobre nosotros", "quienes somos", "quiénes somos",
    "ofrecemos", "que ofrecemos", "qué ofrecemos", "beneficios", NULL};
static const char *const preferred[] = {
    "nice to have", "nice to haves", "bonus", "bonus points", "preferred", "plus", "pluses",
    "a plus", "desired", "desirable", "good to have", "great to have", "extra credit",
    "would be great", "ideally", "optional", "stand out", "even better", "added advantage",
    "atouts", "un plus", "souhaite", "souhaité", "souhaitée", "pluspunten", "wunschenswert",
    "wünschenswert", "von vorteil", "se valorara", "se valorará", "valoramos", "deseable",
    "deseables", "valorable", "ways to stand out", NULL};
static const char *const required[] = {
    "requirements", "requirement", "qualifications", "required", "must have", "must haves",
    "what you ll need", "what you need", "what you will need", "what you bring",
    "what you ll bring", "you have", "you bring", "who you are", "about you", "your profile",
    "profile", "looking for", "what we look for", "skills", "experience", "competencies",
    "expertise", "you should have", "you ll have", "what we expect", "essential",
    "minimum", "prerequisites", "ideal candidate", "your background", "background",
    "knowledge", "you are", "you re", "you might be", "profil", "competences", "exigences",
    "prerequis", "wat vragen wij", "wat we vragen", "functie eisen", "functie-eisen",
    "jouw profiel", "vereisten", "wie ben jij", "wat breng je mee", "anforderungen",
    "dein profil", "ihr profil", "qualifikation", "was du mitbringst", "match the following",
    "excited if you", "you should", "we d love", "what we need to see", "need to see",
    "what we need", "compétences", "prérequis", "profil recherché",
    "wat wij vragen", "wij vragen", "wat je meebrengt", "jouw achtergrond", "requisitos",
    "requerimientos", "perfil", "lo que buscamos", "que buscamos", "qué buscamos",
    "buscamos", "imprescindible", NULL};
static const char *const responsibility[] = {
    "responsibilities", "responsibility", "what you ll do", "what you will do",
    "what you ll be doing", "what you will be doing", "what you ll work on", "you will",
    "you ll", "your role", "the role", "duties", "day to day", "in this role", "your impact",
    "tasks", "your tasks", "key accountabilities", "accountabilities", "missions",
    "responsabilites", "responsabilités", "taches", "tâches", "vos missions", "taken",
    "wat ga je doen", "verantwoordelijkheden", "deine aufgaben", "ihre aufgaben", "aufgaben",
    "responsabilidades", "funciones", "lo que haras", "lo que harás", NULL};
/* Known headings that say nothing about importance: "mentioned". */
static const char *const general[] = {
    "about the job", "about the role", "about this role", "about the position",
    "about the team", "about the opportunity", "job description", "description",
    "overview", "summary", "the team", "tech stack", "our stack", "technologies",
    "technology stack", "stack", "tools", NULL};

// clang-format on

static const struct phrase_table posting_tables[] = {
    {JM_SEC_GENERAL, general}, /* before boilerplate: "about the role" is not "about us" */
    {JM_SEC_BOILERPLATE, boilerplate},
    {JM_SEC_PREFERRED, preferred},
    /* Before responsibility: "What you will need" is not "you will". */
    {JM_SEC_REQUIRED, required},
    {JM_SEC_RESPONSIBILITY, responsibility},
};

// clang-format off
/* Resume headings in English, then French, German, Dutch and Spanish, as postings'. */
static const char *const r_contact[] = {
    "contact", "contact information", "links", "coordonnées", "coordonnees", "kontakt",
    "kontaktdaten", "contactgegevens", "contacto", "datos de contacto", NULL};
static const char *const r_education[] = {
    "education", "academic", "degrees", "training", "courses", "coursework", "certifications",
    "certificates", "formation", "formations", "éducation", "diplômes", "diplomes",
    "ausbildung", "bildung", "studium", "opleiding", "opleidingen", "educación", "educacion",
    "formación", "formacion", "estudios", NULL};
static const char *const r_projects[] = {
    "projects", "project", "open source", "portfolio", "side projects", "projets", "projekte",
    "projecten", "proyectos", NULL};
static const char *const r_skills[] = {
    "skills", "skill", "technical skills", "technologies", "tech stack", "tools", "competencies",
    "expertise", "toolbox", "toolkit", "proficiencies", "strengths", "programming",
    "frameworks", "compétences", "competences", "kenntnisse", "fähigkeiten", "fahigkeiten",
    "vaardigheden", "competenties", "habilidades", "competencias", "conocimientos", NULL};
static const char *const r_experience[] = {
    "experience", "employment", "work history", "career", "positions",
    "professional background", "expérience", "expériences", "experiences", "parcours",
    "berufserfahrung", "erfahrung", "werkervaring", "ervaring", "experiencia", NULL};
static const char *const r_summary[] = {
    "summary", "profile", "about", "about me", "objective", "overview", "introduction",
    "profil", "à propos", "über mich", "uber mich", "profiel", "over mij", "sobre mí",
    "sobre mi", "perfil", NULL};
static const char *const r_other[] = {
    "awards", "publications", "interests", "hobbies", "references", "volunteering",
    "volunteer", "languages", "talks", "honors", "achievements", "langues", "intérêt",
    "intérêts", "centres d intérêt", "loisirs", "sprachen", "interessen", "talen",
    "interesses", "idiomas", "intereses", NULL};
/* Words that qualify a section heading without making it anything else: "Work Experience",
 * "Relevant Projects", "Skills & Tools", "Languages and Frameworks". */
static const char *const r_qualifiers[] = {
    "and", "of", "my", "the", "i", "ve", "work", "professional", "relevant", "technical",
    "key", "core", "selected", "other", "additional", "recent", "previous", "prior", "personal",
    "industry", "research", "teaching", "leadership", "academic", "history", "information",
    "details", "related", "software", "engineering", "computer", "science", "contributions",
    "activities", "community", "highlights", "areas", "summary", "qualifications", NULL};
// clang-format on

static const struct phrase_table resume_tables[] = {
    {JM_SEC_CONTACT, r_contact}, {JM_SEC_EDUCATION, r_education},   {JM_SEC_PROJECTS, r_projects},
    {JM_SEC_SKILLS, r_skills},   {JM_SEC_EXPERIENCE, r_experience}, {JM_SEC_SUMMARY, r_summary},
    {JM_SEC_OTHER, r_other},
};

/* Lowercase words separated by single spaces; other characters dropped. */
static size_t simplify(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    bool space = true;
    for (size_t i = 0; i < n && k + 2 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalnum(c) || c >= 0x80) {
            /* Keep letters with accents as-is; drop the bytes of curly quotes. */
            if (c == 0xE2) {
                i += 2;
                if (!space)
                    out[k++] = ' ';
                space = true;
                continue;
            }
            out[k++] = (char)c;
            space = false;
        } else if (!space) {
            out[k++] = ' ';
            space = true;
        }
    }
    while (k > 0 && out[k - 1] == ' ')
        k--;
    out[k] = '\0';
    return k;
}

/* The first bytes of the words of a text, as a set: a phrase, which starts a word, can
 * only be found where a word starts with its first byte, so most are ruled out by one test. */
struct starts {
    uint64_t bits[4];
};

static struct starts word_starts(const char *text, size_t n)
{
    struct starts st = {{0}};
    for (size_t i = 0; i < n; i++) {
        unsigned char prev = i > 0 ? (unsigned char)text[i - 1] : ' ';
        if (prev < 0x80 && !isalnum(prev)) {
            unsigned char c = (unsigned char)text[i];
            st.bits[c >> 6] |= 1ULL << (c & 63);
        }
    }
    return st;
}

static bool may_start(const struct starts *st, const char *phrase)
{
    unsigned char c = (unsigned char)phrase[0];
    return st->bits[c >> 6] & (1ULL << (c & 63));
}

static bool has_phrase(const char *text, size_t n, const struct starts *st, const char *phrase)
{
    if (!may_start(st, phrase))
        return false;
    size_t k = strlen(phrase);
    for (const char *p = text; (p = strstr(p, phrase)) != NULL; p++) {
        size_t at = (size_t)(p - text);
        bool left = at == 0 || text[at - 1] == ' ';
        bool right = at + k == n || text[at + k] == ' ';
        if (left && right)
            return true;
    }
    return false;
}

/* The section of the first table with a phrase in the text; `none` when no table has one. */
static enum jm_section lookup(const char *text, size_t n, const struct phrase_table *t, size_t nt,
                              enum jm_section none)
{
    struct starts st = word_starts(text, n);
    for (size_t i = 0; i < nt; i++)
        for (const char *const *p = t[i].phrases; *p; p++)
            if (has_phrase(text, n, &st, *p))
                return t[i].section;
    return none;
}

enum jm_section jm_section_classify(const char *norm, size_t n, jm_role role)
{
    char text[256];
    size_t k = simplify(norm, n < 200 ? n : 200, text, sizeof text);
    if (k == 0)
        return JM_SEC_NONE;
    if (role == JM_ROLE_RESUME)
        return lookup(text, k, resume_tables, sizeof resume_tables / sizeof resume_tables[0],
                      JM_SEC_NONE);
    enum jm_section s = lookup(text, k, posting_tables,
                               sizeof posting_tables / sizeof posting_tables[0], JM_SEC_NONE);
    /* "About Acme": a company blurb, unless it is about the job or the reader. */
    if (s == JM_SEC_NONE && strncmp(text, "about ", 6) == 0)
        return JM_SEC_BOILERPLATE;
    return s;
}

static bool one_of(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, w, n) == 0)
            return true;
    return false;
}

/* Is w[0, n) a word of some phrase of the resume's tables? */
static bool resume_section_word(const char *w, size_t n)
{
    for (size_t t = 0; t < sizeof resume_tables / sizeof resume_tables[0]; t++)
        for (const char *const *p = resume_tables[t].phrases; *p; p++)
            for (const char *q = *p; *q;) {
                size_t k = strcspn(q, " ");
                if (k == n && memcmp(q, w, n) == 0)
                    return true;
                q += k + (q[k] == ' ');
            }
    return false;
}

bool jm_section_words_only(const char *norm, size_t n)
{
    char text[256];
    size_t k = simplify(norm, n < 200 ? n : 200, text, sizeof text);
    if (k == 0 || n >= 200)
        return false;
    for (size_t i = 0; i < k;) {
        size_t w = strcspn(text + i, " ");
        if (!one_of(text + i, w, r_qualifiers) && !resume_section_word(text + i, w))
            return false;
        i += w + (text[i + w] == ' ');
    }
    return true;
}

/* Does the text hold one of the cues, each starting a word? */
static bool contains(const char *norm, const struct starts *st, const char *const *cues)
{
    for (; *cues; cues++)
        if (may_start(st, *cues) && strstr(norm, *cues))
            return true;
    return false;
}

/* The text without parenthetical asides: "Spark (streaming is a plus)"
 * does not make Spark a plus. */
static void strip_asides(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    int depth = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        if (s[i] == '(')
            depth++;
        else if (s[i] == ')' && depth > 0)
            depth--;
        else if (depth == 0)
            out[k++] = s[i];
    }
    out[k] = '\0';
}

/* Does "no" open a clause that ends, a few words on, in "required" or "needed"?
 * "No Kubernetes experience required", "no degree needed". */
static bool no_requirement(const char *norm)
{
    static const char *const ends[] = {"required", "needed", "necessary", NULL};
    for (const char *p = norm; (p = strstr(p, "no ")) != NULL; p += 3) {
        if (p != norm && isalnum((unsigned char)p[-1]))
            continue;
        const char *q = p + 3;
        for (int words = 0; words < 5 && *q && !strchr(".,;:!?", *q); words++) {
            for (int i = 0; ends[i]; i++)
                if (strncmp(q, ends[i], strlen(ends[i])) == 0)
                    return true;
            q += strcspn(q, " .,;:!?");
            q += *q == ' ';
        }
    }
    return false;
}

static bool waives(const char *norm, const struct starts *st, const char *const *cues)
{
    /* Every waiver says "no", "not" or "need": most lines say none of them. */
    if (!strstr(norm, "no") && !strstr(norm, "need") && !strstr(norm, "n't") &&
        !strstr(norm, "n\xE2\x80\x99t") && !strstr(norm, "without"))
        return false;
    return contains(norm, st, cues) || no_requirement(norm);
}

// clang-format off
static const char *const eeo[] = {
    "equal opportunity", "without regard to", "reasonable accommodation", "e-verify",
    "protected veteran", "sexual orientation", "powered by", "all rights reserved",
    "privacy policy", "cookie", NULL};
static const char *const plus[] = {
    "nice to have", "nice-to-have", "a plus", "is a bonus", "are a bonus", "bonus point",
    "preferred", "ideally", "desirable", "would be great", "would be nice", "advantageous",
    "an advantage", "good to have", "optional", NULL};
/* After a waiver, a softer word makes a plus: "not required but nice". */
static const char *const but[] = {"nice", "helpful", "a plus", "bonus", "advantage", NULL};
/* "No Kubernetes experience required", "you do not need to be a DevOps engineer". */
static const char *const waived[] = {
    "not required", "not needed",
    "not necessary", "not a must", "not a requirement", "not mandatory", "need not",
    "do not need", "don't need", "don\xE2\x80\x99t need", "don t need", "no need to",
    "doesn't need", "does not need", "isn't required", "aren't required", "is not required",
    "are not required", "without prior", "no prior", "not expected", NULL};
static const char *const must[] = {
    "required", "must have", "must be", "you must", "mandatory", "essential",
    "years of experience", "years experience", "years of professional", "experience with",
    "experience in", "proficien", "expert in", "expertise in", "strong knowledge",
    "solid understanding", "deep understanding", "knowledge of", NULL};
// clang-format on

static jm_importance importance_of(enum jm_section s);

/* What a waiver in the text makes of what it names: nothing asked (GENERAL), a plus ("not
 * required but nice": PREFERRED); JM_SEC_NONE when the text waives nothing. */
static enum jm_section waiver(const char *norm, const struct starts *st)
{
    if (!waives(norm, st, waived))
        return JM_SEC_NONE;
    return contains(norm, st, plus) || contains(norm, st, but) ? JM_SEC_PREFERRED : JM_SEC_GENERAL;
}

/* A cue inside a block that changes its importance ("is a plus", EEO text). */
static enum jm_section cue(const char *whole, size_t n)
{
    char norm[1024];
    strip_asides(whole, n, norm, sizeof norm);
    struct starts st = word_starts(norm, strlen(norm));
    if (contains(norm, &st, eeo))
        return JM_SEC_BOILERPLATE;
    enum jm_section w = waiver(norm, &st); /* a hedge never makes a requirement */
    if (w != JM_SEC_NONE)
        return w;
    if (contains(norm, &st, plus))
        return JM_SEC_PREFERRED;
    if (contains(norm, &st, must))
        return JM_SEC_REQUIRED;
    return JM_SEC_NONE;
}

/* Where the sentence of s[0, n) that starts at `from` ends: after ". ", "; ", "! ", "? ". */
static size_t sentence_end(const char *s, size_t n, size_t from)
{
    for (size_t i = from; i + 1 < n; i++)
        if ((s[i] == '.' || s[i] == ';' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ')
            return i + 1;
    return n;
}

/*
 * A block of several sentences, one of which waives what it names ("5+ years of Python. No
 * Kafka experience required."): that sentence is the block's waived range, and the rest of
 * the block, without it, in *rest, decides the block's own section. False when the block is
 * one sentence, or waives nothing, or in more than one sentence: its cue decides it whole.
 */
static bool waived_sentence(struct jm_block *b, char *rest, size_t cap)
{
    size_t ws = 0, we = 0, found = 0;
    enum jm_section w = JM_SEC_NONE;
    if (sentence_end(b->norm, b->nlen, 0) == b->nlen)
        return false; /* one sentence */
    char whole[1024];
    strip_asides(b->norm, b->nlen, whole, sizeof whole);
    struct starts all = word_starts(whole, strlen(whole));
    if (waiver(whole, &all) == JM_SEC_NONE)
        return false; /* most blocks */
    for (size_t i = 0; i < b->nlen && found < 2;) {
        size_t end = sentence_end(b->norm, b->nlen, i);
        char one[1024];
        strip_asides(b->norm + i, end - i, one, sizeof one);
        struct starts st = word_starts(one, strlen(one));
        enum jm_section sw = waiver(one, &st);
        if (sw != JM_SEC_NONE && found++ == 0)
            ws = i, we = end, w = sw;
        i = end + 1;
    }
    if (found != 1)
        return false;
    snprintf(rest, cap, "%.*s%.*s", (int)ws, b->norm, (int)(b->nlen - we), b->norm + we);
    b->waived_start = b->map[ws];
    b->waived_end = b->map[we];
    b->waived_importance = importance_of(w == JM_SEC_GENERAL ? JM_SEC_NONE : w);
    return true;
}

static jm_importance importance_of(enum jm_section s)
{
    switch (s) {
    case JM_SEC_TITLE:
        return JM_IMPORTANCE_TITLE;
    case JM_SEC_REQUIRED:
        return JM_IMPORTANCE_REQUIRED;
    case JM_SEC_PREFERRED:
        return JM_IMPORTANCE_PREFERRED;
    case JM_SEC_RESPONSIBILITY:
        return JM_IMPORTANCE_RESPONSIBILITY;
    case JM_SEC_BOILERPLATE:
        return JM_IMPORTANCE_BOILERPLATE;
    default:
        return JM_IMPORTANCE_MENTIONED;
    }
}

/* A lead-in such as "Requirements: Python, Kafka" decides its own block. */
static enum jm_section lead_in(const struct jm_block *b, jm_role role)
{
    const char *colon = memchr(b->norm, ':', b->nlen < 48 ? b->nlen : 48);
    if (colon == NULL || colon == b->norm)
        return JM_SEC_NONE;
    return jm_section_classify(b->norm, (size_t)(colon - b->norm), role);
}

/*
 * The section of an ordinary block of a posting, given the current one. `opening`: a
 * paragraph before the first heading of a posting that has headings, which describes the
 * team or the product ("we have deep experience in Kafka"): its cues make no requirement.
 */
static enum jm_section posting_block(struct jm_block *b, enum jm_section cur, bool opening)
{
    enum jm_section lead = lead_in(b, JM_ROLE_POSTING);
    if (lead == JM_SEC_GENERAL) /* "Tech stack: …" names the job's tools, even in a blurb */
        return JM_SEC_NONE;
    if (lead != JM_SEC_NONE)
        return lead;
    char rest[1024];
    enum jm_section c =
        waived_sentence(b, rest, sizeof rest) ? cue(rest, strlen(rest)) : cue(b->norm, b->nlen);
    if (c == JM_SEC_BOILERPLATE)
        return c;
    if (c == JM_SEC_GENERAL) /* waived: "no Kafka experience required" */
        return cur == JM_SEC_BOILERPLATE ? cur : JM_SEC_NONE;
    if (c == JM_SEC_PREFERRED && cur != JM_SEC_BOILERPLATE)
        return c;
    if (c == JM_SEC_REQUIRED && cur == JM_SEC_NONE && !opening)
        return c;
    return cur;
}

static bool asks(enum jm_section s)
{
    return s == JM_SEC_REQUIRED || s == JM_SEC_PREFERRED || s == JM_SEC_RESPONSIBILITY;
}

/* Does a heading of the posting announce what it asks (requirements, duties, pluses)?
 * Headings carry their own class in `section` until jm_sections_assign replaces it. */
static bool has_asking_heading(const struct jm_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].kind == JM_BLOCK_HEADING && asks(doc->blocks[i].section))
            return true;
    return false;
}

/* ---- the language of the document ------------------------------------------------ */

enum { LANG_SAMPLE_WORDS = 1000, LANG_MIN_WORDS = 40, LANG_BLOCK_MIN_WORDS = 8 };

/* Function words of the languages the tables above read, and of no other they are
 * often confused with (Italian and Portuguese share "con", "in", "a", "e", "per"). */
static bool read_language_word(const char *w, size_t n)
{
    // clang-format off
    static const char *const words[] = {
        "the", "and", "with", "you", "your", "our", "will", "are", "for", "this", "that",
        "have", "of", "to", "we", "is", "les", "et", "des", "vous", "nous", "pour", "avec",
        "une", "est", "dans", "sur", "du", "au", "und", "der", "die", "das", "mit", "sie",
        "wir", "f\xC3\xBCr", "ist", "ein", "eine", "zu", "von", "im", "auf", "het", "een",
        "en", "van", "je", "wij", "voor", "zijn", "om", "ook", "bij", "naar", "el", "los",
        "las", "y", "para", "una", "del", "por", "que", "es", "se", "al", NULL};
    // clang-format on
    if (n > 4) /* none is longer: most words stop here */
        return false;
    for (const char *const *p = words; *p; p++)
        if ((*p)[0] == w[0] && strlen(*p) == n && memcmp(*p, w, n) == 0)
            return true;
    return false;
}

/* Counts the words of one block's normalized text, and how many are function words. */
static void count_words(const struct jm_block *b, size_t *words, size_t *read)
{
    size_t n = 0, hits = 0;
    for (size_t i = 0; i < b->nlen;) {
        while (i < b->nlen && !isalpha((unsigned char)b->norm[i]) &&
               (unsigned char)b->norm[i] < 0x80)
            i++;
        size_t start = i;
        while (i < b->nlen &&
               (isalpha((unsigned char)b->norm[i]) || (unsigned char)b->norm[i] >= 0x80))
            i++;
        if (i > start) {
            n++;
            hits += read_language_word(b->norm + start, i - start);
        }
    }
    if (n >= LANG_BLOCK_MIN_WORDS) { /* a line of tool names says nothing of the language */
        *words += n;
        *read += hits;
    }
}

/*
 * Headings and cues are read in English, French, German, Dutch and Spanish. In another
 * language every requirement would silently count as merely mentioned: say so. The prose
 * of the first blocks decides, in time bounded by LANG_SAMPLE_WORDS.
 */
static void warn_unread_language(struct jm_doc *doc)
{
    size_t words = 0, read = 0;
    for (size_t i = 0; i < doc->nblocks && words < LANG_SAMPLE_WORDS; i++)
        if (doc->blocks[i].kind == JM_BLOCK_PARAGRAPH || doc->blocks[i].kind == JM_BLOCK_ITEM)
            count_words(&doc->blocks[i], &words, &read);
    if (words < LANG_MIN_WORDS || read * 100 >= words * 8)
        return;
    jm_doc_warn(doc,
                "the text is not in a language whose headings jobmatch reads (English, French, "
                "German, Dutch, Spanish): %s",
                doc->role == JM_ROLE_POSTING
                    ? "its requirements, nice-to-haves and blurb may all count as mentioned"
                    : "its sections (experience, skills) may not be recognized");
}

/* ---- the role of the document --------------------------------------------------- */

/* "Skills" and "Experience" head both resumes and requirements: they tell nothing. */
static bool resume_heading(enum jm_section s)
{
    return s == JM_SEC_EXPERIENCE || s == JM_SEC_EDUCATION || s == JM_SEC_PROJECTS ||
           s == JM_SEC_SKILLS;
}

/*
 * `jobmatch POSTING RESUME` would print a confident report on two swapped documents. A
 * posting has headings that ask (requirements, duties) and no resume heading (experience,
 * education, projects); a resume the reverse. Two headings of the other role and none of
 * its own make a warning; one heading proves nothing ("Experience" heads requirements).
 */
/* Does s[k..n) open with `word`, case aside? */
static bool opens(const char *s, size_t n, size_t k, const char *word)
{
    size_t w = strlen(word);
    return n - k >= w && strncasecmp(s + k, word, w) == 0;
}

/* Where the other end of a span of years may start: past dashes, spaces and "to". */
static size_t span_middle(const char *s, size_t n, size_t k)
{
    static const char *const joins[] = {"to ", "until ", "till ", "bis ", "au ", "hasta ", NULL};
    while (k < n && strchr(" -\xE2\x80\x93\x94", s[k]) != NULL)
        k++;
    for (size_t i = 0; joins[i] != NULL; i++)
        if (opens(s, n, k, joins[i]))
            return k + strlen(joins[i]);
    return k;
}

/* Does the text hold a span of years: "2018-2023", "2021 – June 2023", "2014 to today"? */
static bool year_span(const char *s, size_t n)
{
    static const char *const now[] = {"present", "current", "now",     "today",      "en cours",
                                      "heute",   "actuel",  "aujourd", "actualidad", NULL};
    for (size_t i = 0; i + 4 <= n; i++) {
        if (!(s[i] == '1' || s[i] == '2') || !isdigit((unsigned char)s[i + 1]) ||
            !isdigit((unsigned char)s[i + 2]) || !isdigit((unsigned char)s[i + 3]))
            continue;
        size_t k = span_middle(s, n, i + 4);
        if (k == i + 4 || k >= n)
            continue;
        for (size_t j = 0; now[j] != NULL; j++)
            if (opens(s, n, k, now[j]))
                return true;
        size_t m = k; /* "June 2023" */
        while (m < n && m < k + 10 && (isalpha((unsigned char)s[m]) || s[m] == '.'))
            m++;
        while (m < n && s[m] == ' ')
            m++;
        if (m + 4 <= n && (s[m] == '1' || s[m] == '2') && isdigit((unsigned char)s[m + 1]))
            return true;
    }
    return false;
}

/* A year a resume might date a position by, standing alone: 1950 to 2049. */
static bool lone_year(const char *s, size_t n, size_t i)
{
    bool left = i == 0 || !isalnum((unsigned char)s[i - 1]);
    bool right = i + 4 == n || !isalnum((unsigned char)s[i + 4]);
    bool digits = isdigit((unsigned char)s[i + 2]) && isdigit((unsigned char)s[i + 3]);
    bool range = (s[i] == '1' && s[i + 1] == '9' && s[i + 2] >= '5') ||
                 (s[i] == '2' && s[i + 1] == '0' && s[i + 2] <= '4');
    return left && right && digits && range;
}

bool jm_text_dated(const char *s, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++)
        if (lone_year(s, n, i))
            return true; /* a span of years holds one too */
    return false;
}

enum { ROLE_SPANS = 3 }; /* dated roles: a resume's, not a posting's */

/* Run before jm_sections_assign's main pass, while headings carry their own class. */
static void warn_wrong_role(struct jm_doc *doc)
{
    size_t own = 0, other = 0, spans = 0;
    jm_role other_role = doc->role == JM_ROLE_RESUME ? JM_ROLE_POSTING : JM_ROLE_RESUME;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const struct jm_block *b = &doc->blocks[i];
        spans += b->len < 200 && year_span(b->text, b->len);
        if (b->kind != JM_BLOCK_HEADING || b->position)
            continue;
        enum jm_section theirs = jm_section_classify(b->norm, b->nlen, other_role);
        enum jm_section as_r = doc->role == JM_ROLE_RESUME ? b->section : theirs;
        enum jm_section as_p = doc->role == JM_ROLE_RESUME ? theirs : b->section;
        bool as_resume = resume_heading(as_r), as_posting = asks(as_p);
        if (as_resume == as_posting)
            continue;
        (doc->role == JM_ROLE_RESUME) == as_resume ? own++ : other++;
    }
    if (spans >= ROLE_SPANS)
        *(doc->role == JM_ROLE_RESUME ? &own : &other) += 2;
    if (own == 0 && other >= 2)
        jm_doc_warn(doc, "this looks like a %s, not a %s: the resume comes first, then the posting",
                    doc->role == JM_ROLE_RESUME ? "job posting" : "resume",
                    doc->role == JM_ROLE_RESUME ? "resume" : "job posting");
}

/* Each heading's own class, once, kept in `section` for the passes that need it. */
static void classify_headings(struct jm_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        struct jm_block *b = &doc->blocks[i];
        bool title = b->kind == JM_BLOCK_TITLE && doc->role == JM_ROLE_RESUME;
        if ((b->kind != JM_BLOCK_HEADING && !title) || b->position)
            continue;
        b->section = jm_section_classify(b->norm, b->nlen, doc->role);
        /* A resume whose first heading is "Education" has no name heading. */
        if (title && b->section != JM_SEC_NONE)
            b->kind = JM_BLOCK_HEADING;
    }
}

/* Sections whose entries are positions: jobs, projects, degrees, volunteering. */
static bool holds_positions(enum jm_section s)
{
    return s == JM_SEC_EXPERIENCE || s == JM_SEC_PROJECTS || s == JM_SEC_EDUCATION ||
           s == JM_SEC_OTHER;
}

void jm_sections_assign(struct jm_doc *doc)
{
    enum jm_section cur = JM_SEC_NONE;
    int cur_level = 0;
    classify_headings(doc);
    warn_wrong_role(doc);
    /* Until the first heading that says what the posting asks, its paragraphs describe. */
    bool describing = doc->role == JM_ROLE_POSTING && has_asking_heading(doc);
    for (size_t i = 0; i < doc->nblocks; i++) {
        struct jm_block *b = &doc->blocks[i];
        if (b->kind == JM_BLOCK_TITLE) {
            b->section = doc->role == JM_ROLE_POSTING ? JM_SEC_TITLE : JM_SEC_NONE;
        } else if (b->kind == JM_BLOCK_HEADING && b->position) {
            if (!holds_positions(cur)) { /* "## Senior Engineer — Acme" after "## Skills" */
                cur = JM_SEC_EXPERIENCE;
                cur_level = b->level;
            }
            b->section = cur;
        } else if (b->kind == JM_BLOCK_HEADING) {
            enum jm_section s = b->section;
            if (s != JM_SEC_NONE) {
                cur = s == JM_SEC_GENERAL ? JM_SEC_NONE : s;
                cur_level = b->level;
            } else if (b->level <= cur_level) {
                /* A sibling heading we cannot read ends the section; a deeper one
                 * ("### Acme Corp" under "## Experience") continues it. */
                cur = JM_SEC_NONE;
                cur_level = b->level;
            }
            b->section = cur;
            describing &= !asks(s);
        } else if (doc->role == JM_ROLE_POSTING) {
            b->section = posting_block(b, cur, describing && b->kind == JM_BLOCK_PARAGRAPH);
        } else {
            enum jm_section lead = lead_in(b, JM_ROLE_RESUME);
            b->section = lead == JM_SEC_SKILLS ? lead : cur;
        }
        b->importance = importance_of(b->section);
    }
    warn_unread_language(doc);
}
