/*
 * meta_vocab.c - the words of title, company and location: the labels that
 * announce them ("Company:", "companyName"), the job boards and applicant
 * tracking systems that are never the employer, the words that name a role,
 * the headings and page chrome that are never a title, and what boards wrap
 * a value in. Proposing a candidate (jm_meta_add) cleans it with these;
 * meta.c decides among the candidates.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "doc.h"
#include "read/read.h"

/* ---- the tables -------------------------------------------------------------- */

/* The tables are packed by hand, many to a line. */
// clang-format off

/* The labels documents write before a title, company or location, as letters only, lower
 * case: "Job title", "job_title" and "jobTitle" are all "jobtitle". */
static const struct {
    const char *label;
    enum jm_meta field;
} labels[] = {
    {"title", JM_META_TITLE}, {"jobtitle", JM_META_TITLE}, {"job", JM_META_TITLE},
    {"position", JM_META_TITLE}, {"positiontitle", JM_META_TITLE}, {"role", JM_META_TITLE},
    {"vacancy", JM_META_TITLE}, {"poste", JM_META_TITLE}, {"intituledeposte", JM_META_TITLE},
    {"stelle", JM_META_TITLE}, {"stellenbezeichnung", JM_META_TITLE}, {"functie", JM_META_TITLE},
    {"functietitel", JM_META_TITLE}, {"puesto", JM_META_TITLE}, {"company", JM_META_COMPANY},
    {"companyname", JM_META_COMPANY}, {"hiringcompany", JM_META_COMPANY},
    {"employer", JM_META_COMPANY}, {"organization", JM_META_COMPANY},
    {"organisation", JM_META_COMPANY}, {"hiringorganization", JM_META_COMPANY},
    {"entreprise", JM_META_COMPANY}, {"unternehmen", JM_META_COMPANY}, {"firma", JM_META_COMPANY},
    {"bedrijf", JM_META_COMPANY}, {"empresa", JM_META_COMPANY}, {"location", JM_META_LOCATION},
    {"locations", JM_META_LOCATION}, {"joblocation", JM_META_LOCATION},
    {"worklocation", JM_META_LOCATION}, {"city", JM_META_LOCATION},
    {"placeofwork", JM_META_LOCATION}, {"lieu", JM_META_LOCATION},
    {"lieudetravail", JM_META_LOCATION}, {"localisation", JM_META_LOCATION},
    {"arbeitsort", JM_META_LOCATION}, {"standort", JM_META_LOCATION},
    {"einsatzort", JM_META_LOCATION}, {"locatie", JM_META_LOCATION},
    {"standplaats", JM_META_LOCATION}, {"werklocatie", JM_META_LOCATION},
    {"ubicacion", JM_META_LOCATION}, {"intituleduposte", JM_META_TITLE},
    {"cargo", JM_META_TITLE}, {"vacante", JM_META_TITLE}, {"nombredelpuesto", JM_META_TITLE},
    {"posizione", JM_META_TITLE}, {"stellentitel", JM_META_TITLE},
    {"compania", JM_META_COMPANY}, {"societe", JM_META_COMPANY}, {"azienda", JM_META_COMPANY},
    {"arbeitgeber", JM_META_COMPANY}, {"werkgever", JM_META_COMPANY},
    {"localizacion", JM_META_LOCATION}, {"lugardetrabajo", JM_META_LOCATION},
    {"ciudad", JM_META_LOCATION}, {"ville", JM_META_LOCATION}, {"ort", JM_META_LOCATION},
    {"plaats", JM_META_LOCATION}, {"luogodilavoro", JM_META_LOCATION},
    {"localizacao", JM_META_LOCATION}, {"joblocations", JM_META_LOCATION},
    {"worklocations", JM_META_LOCATION}, {"primarylocation", JM_META_LOCATION},
    {"worksite", JM_META_LOCATION}, {"jobsite", JM_META_LOCATION},
    {"dutystation", JM_META_LOCATION}, {"employername", JM_META_COMPANY},
    {"postingtitle", JM_META_TITLE}, {"companysname", JM_META_COMPANY},
    {"employersname", JM_META_COMPANY},
};

/* Title labels that often name a category rather than the title ("Role: QA/Test
 * Developer" under "Senior QA Engineer"): a title block outranks them. */
static const char *const weak_labels[] = {
    "role", "position", "job", "poste", "functie", "puesto", "stelle", "cargo", "posizione",
};

/* Front-matter flags that say the job is remote when set to true or yes, and tags that
 * say it alone ("tags: [remote-work]"). */
static const char *const remote_flags[] = {
    "remote", "hasremote", "isremote", "allowsremote", "remoteok",
};
static const char *const remote_tags[] = {
    "remote", "remotework", "allowsremote", "remoteok", "fullyremote", "remotefriendly",
    "remotefirst", "remotejob", "workfromhome",
};
static const char *const tag_keys[] = {
    "tags", "categories", "keywords", "labels",
};

/*
 * Job boards, aggregators and applicant tracking systems: they publish postings, they are
 * never the employer. Letters and digits only, lower case; a name also matches with a
 * ".com"-style ending or " Jobs" / " Careers" after it.
 */
static const char *const boards[] = {
    "linkedin", "indeed", "dice", "monster", "glassdoor", "ziprecruiter", "careerbuilder",
    "simplyhired", "nettemps", "jobcircle", "jobsforhumanity", "remotewlb", "weworkremotely",
    "remoteok", "remotive", "remoteco", "workingnomads", "justremote", "flexjobs", "angellist",
    "angelco", "wellfound", "otta", "builtin", "stackoverflow", "hackernews",
    "ycombinator", "workatastartup", "welcometothejungle", "stepstone", "xing", "totaljobs", "reed",
    "seek", "naukri", "jobstreet", "adzuna", "jooble", "talentcom", "careerjet", "snagajob",
    "usajobs", "craigslist", "themuse", "hiringcafe", "greenhouse", "lever", "workable", "workday",
    "myworkdayjobs", "smartrecruiters", "ashby", "ashbyhq", "bamboohr", "icims", "taleo", "jobvite",
    "recruitee", "personio", "teamtailor", "jazzhr", "breezyhr", "applytojob", "successfactors",
    "jobscore", "hotjobs", "yahoohotjobs", "jobtarget", "rightitjobs", "techcentric", "job",
    "jobgether", "himalayas", "remoterocketship", "dailyremote", "jobspresso", "powertofly",
};

/* Words that name a role, lower case; a long one also ends a compound ("Conceptmanager",
 * "Softwareentwickler"). */
static const char *const role_words[] = {
    "engineer", "developer", "programmer", "architect", "scientist", "analyst", "designer",
    "manager", "director", "lead", "head of", "officer", "administrator", "admin", "specialist",
    "consultant", "assistant", "associate", "intern", "editor", "writer", "sales", "marketer",
    "recruiter", "coordinator", "technician", "support", "sre", "devops", "tester", "qa",
    "researcher", "accountant", "executive", "representative", "strategist", "owner", "advocate",
    "evangelist", "operator", "expert", "counsel", "nurse", "teacher", "instructor", "trainer",
    "agent", "clerk", "planner", "buyer", "auditor", "controller", "entwickler", "ingenieur",
    "berater", "leiter", "developpeur", "développeur", "developpeuse", "développeuse",
    "ingénieur", "chef de", "responsable", "ontwikkelaar", "desarrolladora", "entwicklerin",
    "medewerker", "beheerder", "desarrollador", "ingeniero", "stagiaire", "werkstudent", "student",
    "trainee", "apprentice", "fellow", "principal", "staff", "member of technical staff", "cto",
    "vp", "vice president", "founding", "cook", "chef", "driver", "cashier", "barista", "mechanic",
    "electrician", "welder", "carpenter", "plumber", "pharmacist", "therapist", "physician",
    "dentist", "attorney", "lawyer", "paralegal", "receptionist", "secretary", "bookkeeper",
    "underwriter", "journalist", "reporter", "photographer", "producer", "translator", "lecturer",
    "professor", "tutor", "caregiver", "worker", "generalist", "coach", "supervisor", "inspector",
    "dispatcher", "superintendent", "estimator", "surveyor", "installer", "fitter", "machinist",
    "baker", "housekeeper", "courier", "foreman", "steward", "guide",
};

/* Words that qualify a role without naming anyone, whole, lower case: a language, a
 * shift, a work mode, a job type, a level, a gender mark ("m/w/d", "H/F"). */
static const char *const qualifier_words[] = {
    "bilingual", "multilingual", "speaking", "speaker", "spanish", "english", "french", "german",
    "italian", "portuguese", "dutch", "polish", "mandarin", "cantonese", "chinese", "japanese",
    "korean", "arabic", "hindi", "russian", "vietnamese", "tagalog", "turkish", "night", "nights",
    "day", "days", "evening", "evenings", "weekend", "weekends", "overnight", "overnights",
    "shift", "shifts", "swing", "graveyard", "1st", "2nd", "3rd", "first", "second", "third",
    "remote", "hybrid", "onsite", "on", "site", "in", "office", "full", "part", "time",
    "fulltime", "parttime", "contract", "temporary", "temp", "permanent", "prn", "per", "diem",
    "seasonal", "entry", "level", "mid", "senior", "junior", "sr", "jr", "snr", "jnr", "lead", "i", "ii", "iii", "iv", "v", "1",
    "2", "3", "4", "m", "w", "d", "f", "h", "x", "all", "genders",
};

/* The words of a department's name, as boards print it under a title ("Finance &
 * Accounting", "Customer Success", "Engineering"): never an employer alone. */
static const char *const department_words[] = {
    "engineering", "sales", "finance", "accounting", "marketing", "operations", "product",
    "design", "support", "customer", "success", "service", "services", "people", "hr", "human",
    "resources", "legal", "it", "information", "technology", "data", "analytics", "research",
    "development", "administration", "logistics", "manufacturing", "production", "quality",
    "facilities", "maintenance", "procurement", "purchasing", "supply", "chain", "security",
    "compliance", "communications", "business", "partnerships", "growth", "infrastructure",
    "and", "r", "d",
};

/* Job types, as simple words, in the languages of the labels above: "Full-time",
 * "Festanstellung", "CDI", "Voltijd", "Jornada completa". */
static const char *const job_types[] = {
    "full time", "fulltime", "part time", "parttime", "permanent", "contract", "contractor",
    "temporary", "temp", "fixed term", "internship", "intern", "freelance", "apprenticeship",
    "seasonal", "vollzeit", "teilzeit", "festanstellung", "feste anstellung", "befristet",
    "unbefristet", "praktikum", "werkstudent", "minijob", "ausbildung", "cdi", "cdd", "temps plein",
    "temps partiel", "stage", "alternance", "interim", "intérim", "voltijd", "deeltijd", "vast",
    "tijdelijk", "jornada completa", "tiempo completo", "media jornada", "indefinido",
    "temporal", "practicas", "prácticas",
};

/* Work arrangements that say how, not where, as simple words: "ONSITE", "In person". */
static const char *const work_modes[] = {
    "onsite", "on site", "hybrid", "in office", "office", "office based", "in person",
    "on premises", "on premise", "field", "field based", "flexible",
};

/* What a company overview gives as the company's type, never its name: "Private",
 * "Company - Public (NYSE)", "Self-employed"; simple words, a leading "company" dropped. */
static const char *const company_types[] = {
    "private", "public", "privately held", "publicly held", "publicly traded", "self employed",
    "nonprofit", "non profit", "nonprofit organization", "nonprofit organisation",
    "non profit organization", "non profit organisation", "government", "government agency",
    "partnership", "sole proprietorship", "franchise", "subsidiary or business segment",
    "educational institution", "college university", "school school district",
    "hospital", "unknown",
};

/* Page chrome and section words that are never a job title, whole, lower case. */
static const char *const not_titles[] = {
    "job details", "job summary", "job overview", "job posting", "job description",
    "job information", "position summary", "position description", "position details",
    "company description", "company overview", "apply", "apply now", "careers", "jobs", "home",
    "search", "search jobs", "sign in", "log in", "login", "page not found", "open positions",
    "current openings", "join us", "join our team", "we re hiring", "we are hiring", "now hiring",
    "job opening", "about the job", "about us", "overview", "find jobs", "find a job",
    "job search", "browse jobs",
};

/* What boards wrap a title or a company name in, removed when reading one. */
static const char *const title_prefixes[] = {
    "job application for ", "apply for ", "job opening: ", "job opening - ", "vacancy: ",
    "job: ", "we are hiring", "we're hiring", "we\xE2\x80\x99re hiring", "now hiring",
    "hiring:", "join us as", "join our team as",
};
/* What may follow a hiring lead before the title: "We're hiring: a …". */
static const char *const title_leads[] = {": ", "- ", "a ", "an ", " "};
static const char *const title_suffixes[] = {
    " - job opening", " job opening", " (job opening)", " - apply now", " - job post",
    " job post", " - job details", " job details", " job", " - job",
};
static const char *const place_notes[] = {
    " (preferred)", " (required)", " (optional)", " (bevorzugt)", " (souhaité)", " (deseable)",
};
static const char *const company_prefixes[] = {
    "jobs at ", "careers at ", "working at ", "work at ", "jobs bei ", "karriere bei ",
    "stellenangebote bei ", "carrières chez ", "carrieres chez ", "emplois chez ",
    "offres d'emploi chez ", "vacatures bij ", "werken bij ", "empleo en ", "empleos en ",
    "trabaja en ", "lavora con ", "lavorare in ",
};
static const char *const company_suffixes[] = {
    " careers", " jobs", " career site", " - careers", " | careers", " job board",
};
// clang-format on

/* ---- small text helpers ------------------------------------------------------ */

/* The ASCII letter of a Latin-1 letter, U+00C0 to U+00FF, written 0xC3 0x80 + i: "é" is
 * 'e', "ñ" is 'n', so that "Ubicación" is the label "ubicacion". '\0' for × and ÷. */
static const char latin1[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuyty";

/* Letters and digits of s[0..n), lower case (ASCII folded, Latin-1 letters made ASCII), into
 * out; its length. */
static size_t squeeze(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
            (unsigned char)s[i + 1] <= 0xBF && latin1[(unsigned char)s[i + 1] - 0x80]) {
            out[k++] = latin1[(unsigned char)s[++i] - 0x80];
        } else if (isalnum(c) || c >= 0x80) {
            out[k++] = (char)tolower(c);
        }
    }
    out[k] = '\0';
    return k;
}

/* Lower case words separated by single spaces, other characters dropped. */
static size_t simple_words(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 2 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalnum(c) || c >= 0x80)
            out[k++] = (char)tolower(c);
        else if (k > 0 && out[k - 1] != ' ')
            out[k++] = ' ';
    }
    while (k > 0 && out[k - 1] == ' ')
        k--;
    out[k] = '\0';
    return k;
}

size_t jm_meta_words(const char *s, size_t n)
{
    size_t words = 0;
    bool in = false, letters = false; /* a dash or a bullet alone is no word */
    for (size_t i = 0; i <= n; i++) {
        if (i == n || isspace((unsigned char)s[i])) {
            words += in && letters;
            in = letters = false;
            continue;
        }
        in = true;
        letters |= isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80;
    }
    return words;
}

/* Does s[0..n) start / end with `lit`, ASCII case aside? */
static bool starts_ci(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && strncasecmp(s, lit, k) == 0;
}

static bool ends_ci(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && strncasecmp(s + n - k, lit, k) == 0;
}

const char *jm_meta_find_ci(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    for (size_t i = 0; i + k <= n; i++)
        if (strncasecmp(s + i, lit, k) == 0)
            return s + i;
    return NULL;
}

bool jm_meta_same(const char *a, size_t na, const char *b, size_t nb)
{
    char x[256], y[256];
    size_t kx = squeeze(a, na, x, sizeof x), ky = squeeze(b, nb, y, sizeof y);
    return kx > 0 && kx == ky && memcmp(x, y, kx) == 0;
}

/* ---- what a value may be ------------------------------------------------------ */

enum jm_meta jm_meta_label(const char *s, size_t n)
{
    char key[32];
    if (n >= sizeof key)
        return JM_META_NONE;
    squeeze(s, n, key, sizeof key);
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (key[0] == labels[i].label[0] && strcmp(key, labels[i].label) == 0)
            return labels[i].field;
    return JM_META_NONE;
}

enum jm_meta_source jm_meta_label_source(const char *s, size_t n)
{
    char key[32];
    if (n >= sizeof key)
        return JM_SRC_LABEL;
    squeeze(s, n, key, sizeof key);
    for (size_t i = 0; i < sizeof weak_labels / sizeof weak_labels[0]; i++)
        if (strcmp(key, weak_labels[i]) == 0)
            return JM_SRC_FIELD;
    return JM_SRC_LABEL;
}

bool jm_meta_is_board(const char *s, size_t n)
{
    char name[128];
    size_t k = squeeze(s, n, name, sizeof name);
    static const char *const endings[] = {"",        "com",  "co", "io", "net", "org", "jobs",
                                          "careers", "couk", "de", "fr", "nl",  "ca",  "in"};
    for (size_t i = 0; i < sizeof boards / sizeof boards[0]; i++) {
        size_t b = strlen(boards[i]);
        if (k < b || memcmp(name, boards[i], b) != 0)
            continue;
        for (size_t e = 0; e < sizeof endings / sizeof endings[0]; e++)
            if (strcmp(name + b, endings[e]) == 0)
                return true;
    }
    return false;
}

bool jm_meta_names_role(const char *s, size_t n)
{
    char text[256];
    simple_words(s, n, text, sizeof text);
    for (size_t i = 0; i < sizeof role_words / sizeof role_words[0]; i++) {
        const char *w = role_words[i];
        size_t wn = strlen(w);
        for (const char *p = text; (p = strstr(p, w)) != NULL; p++) {
            /* a role ends its word, maybe plural ("Engineers", not "Engineering"); a long
             * one may end a compound ("Conceptmanager"), a short one is a word ("lead") */
            const char *e = p + wn;
            bool ends = !isalpha((unsigned char)*e) || (*e == 's' && !isalpha((unsigned char)e[1]));
            bool starts = p == text || p[-1] == ' ' || wn > 4;
            if (ends && starts)
                return true;
        }
    }
    return false;
}

/* Is every simple word of s[0..n) in `words`? False for no words. */
static bool all_words_in(const char *s, size_t n, const char *const *words, size_t count)
{
    char text[128];
    if (n >= sizeof text)
        return false;
    size_t k = simple_words(s, n, text, sizeof text);
    for (char *w = text; k > 0 && *w;) {
        size_t wn = strcspn(w, " "), i = 0;
        while (i < count && !(strlen(words[i]) == wn && strncmp(w, words[i], wn) == 0))
            i++;
        if (i == count)
            return false;
        w += wn + (w[wn] == ' ');
    }
    return k > 0;
}

bool jm_meta_placeholder(const char *s, size_t n)
{
    static const char *const words[] = {
        "confidential", "undisclosed", "anonymous", "unnamed", "withheld", "not", "disclosed",
        "company",      "employer",    "client",    "a",       "an",       "our"};
    return all_words_in(s, n, words, sizeof words / sizeof *words);
}

bool jm_meta_department(const char *s, size_t n)
{
    /* "Civilian Solutions Business Unit", "the Payments Team": a part of the employer */
    static const char *const units[] = {" business unit", " division", " department", " team"};
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (ends_ci(s, n, units[i]))
            return true;
    return all_words_in(s, n, department_words, sizeof department_words / sizeof *department_words);
}

/* Is s[0, n), in simple words, one of the short phrases list[0, count)? */
static bool one_of_phrases(const char *s, size_t n, const char *const *list, size_t count)
{
    char text[256];
    if (n >= sizeof text)
        return false; /* longer than any phrase of the lists */
    simple_words(s, n, text, sizeof text);
    for (size_t i = 0; i < count; i++)
        if (strcmp(text, list[i]) == 0)
            return true;
    return false;
}

bool jm_meta_job_type(const char *s, size_t n)
{
    return one_of_phrases(s, n, job_types, sizeof job_types / sizeof job_types[0]);
}

bool jm_meta_work_mode(const char *s, size_t n)
{
    return one_of_phrases(s, n, work_modes, sizeof work_modes / sizeof work_modes[0]);
}

bool jm_meta_company_type(const char *s, size_t n)
{
    char text[64];
    const char *aside = jm_meta_find_ci(s, n, " ("); /* "(NYSE)": a ticker */
    size_t k = simple_words(s, aside ? (size_t)(aside - s) : n, text, sizeof text);
    const char *t = text;
    if (strncmp(t, "company ", 8) == 0)
        t += 8;
    for (size_t i = 0; k > 0 && i < sizeof company_types / sizeof company_types[0]; i++)
        if (strcmp(t, company_types[i]) == 0)
            return true;
    return false;
}

bool jm_meta_role_qualifier(const char *s, size_t n)
{
    return all_words_in(s, n, qualifier_words, sizeof qualifier_words / sizeof *qualifier_words);
}

bool jm_meta_role_count(const char *s, size_t n)
{
    static const char *const counts[] = {"multiple", "various", "several", "many",     "numerous",
                                         "all",      "open",    "other",   "different"};
    static const char *const roles[] = {"roles",     "positions", "openings", "jobs",
                                        "vacancies", "role",      "position", "opportunities"};
    char text[96];
    if (simple_words(s, n, text, sizeof text) == 0 || jm_meta_words(s, n) > 5)
        return false;
    char *sp = strchr(text, ' ');
    if (sp == NULL)
        return false;
    *sp = '\0';
    bool count = isdigit((unsigned char)text[0]);
    for (size_t i = 0; !count && i < sizeof counts / sizeof counts[0]; i++)
        count = strcmp(text, counts[i]) == 0;
    char *second = sp + 1, *end = strchr(second, ' ');
    if (end)
        *end = '\0';
    for (size_t i = 0; count && i < sizeof roles / sizeof roles[0]; i++)
        if (strcmp(second, roles[i]) == 0)
            return true;
    return false;
}

bool jm_meta_is_address(const char *s, size_t n)
{
    static const char *const street[] = {
        " street", " st ",       " st,",    " avenue", " ave",   " road",    " rd ",
        " rd,",    " boulevard", " blvd",   " drive",  " lane",  " parkway", " suite",
        " floor",  "straße",     "strasse", " rue ",   " plaza", " highway"};
    bool number_first = n > 0 && isdigit((unsigned char)s[0]);
    if (number_first)
        for (size_t i = 0; i < sizeof street / sizeof street[0]; i++)
            if (jm_meta_find_ci(s, n, street[i]))
                return true;
    /* a state or country code and a postal code: "IL 62701", "CA 94105-1234" */
    for (size_t i = 0; i + 8 <= n; i++)
        if (isupper((unsigned char)s[i]) && isupper((unsigned char)s[i + 1]) && s[i + 2] == ' ' &&
            isdigit((unsigned char)s[i + 3]) && isdigit((unsigned char)s[i + 7]) &&
            (i == 0 || s[i - 1] == ' '))
            return true;
    return false;
}

bool jm_meta_is_chrome(const char *s, size_t n)
{
    return one_of_phrases(s, n, not_titles, sizeof not_titles / sizeof not_titles[0]);
}

bool jm_meta_is_heading(const char *s, size_t n)
{
    char text[256];
    size_t k = simple_words(s, n, text, sizeof text);
    return jm_meta_is_chrome(s, n) ||
           (k > 0 && jm_section_classify(text, k, JM_ROLE_POSTING) != JM_SEC_NONE);
}

/* ---- proposing ------------------------------------------------------------------ */

/* The length of a quotation mark at s[0..n) (at its end when `end`), 0 when none. */
static size_t quote_at(const char *s, size_t n, bool end)
{
    static const char *const quotes[] = {
        "\"", "'", "`", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99"};
    for (size_t i = 0; i < sizeof quotes / sizeof quotes[0]; i++) {
        size_t k = strlen(quotes[i]);
        if (n >= k && memcmp(end ? s + n - k : s, quotes[i], k) == 0)
            return k;
    }
    return 0;
}

/* Drops blanks around s[0..n), and quotation marks when they wrap it whole: "'Engineer'"
 * loses them, 'Acme "Quoted, Inc."' keeps its own. */
static void trim(const char **s, size_t *n)
{
    for (;;) {
        while (*n > 0 && isspace((unsigned char)**s)) {
            (*s)++;
            (*n)--;
        }
        while (*n > 0 && isspace((unsigned char)(*s)[*n - 1]))
            (*n)--;
        size_t open = quote_at(*s, *n, false), close = open ? quote_at(*s, *n, true) : 0;
        if (open == 0 || close == 0 || open + close > *n)
            return;
        *s += open;
        *n -= open + close;
    }
}

/* Drops one of `affixes` from the front (prefix) or the end of s[0..n). */
static void strip_affixes(const char **s, size_t *n, const char *const *affixes, size_t count,
                          bool prefix)
{
    for (size_t i = 0; i < count; i++) {
        size_t k = strlen(affixes[i]);
        if (*n <= k || !(prefix ? starts_ci(*s, *n, affixes[i]) : ends_ci(*s, *n, affixes[i])))
            continue;
        if (prefix)
            *s += k;
        *n -= k;
        return;
    }
}

#define STRIP(s, n, table, prefix)                                                                 \
    strip_affixes(s, n, table, sizeof table / sizeof table[0], prefix)

/* "Remote, Barcelona", "remote,Chicago, IL": a remote job and where else it may be done,
 * or where the company sits; the job's place is "Remote". */
static bool remote_first(const char *s, size_t n)
{
    return starts_ci(s, n, "remote") && n > 6 && (s[6] == ',' || s[6] == ';');
}

/* "REMOTE or ONSITE", "Onsite / Remote", "Remote or hybrid": a remote job that may also be
 * done in an office, whose place the post does not say; the job's place is "Remote". */
static bool remote_or_office(const char *s, size_t n)
{
    static const char *const words[] = {"remote", "or", "and",    "onsite", "on",  "site",
                                        "hybrid", "in", "office", "person", "also"};
    return jm_meta_find_ci(s, n, "remote") != NULL &&
           all_words_in(s, n, words, sizeof words / sizeof words[0]);
}

/* "Engineer | Indeed.com", "Engineer - Glassdoor": a board's name after a title. */
static void strip_board(const char **s, size_t *n)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
    for (size_t at = *n; at-- > 0;) { /* the last separator only */
        if ((*s)[at] != ' ')
            continue;
        for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
            size_t k = strlen(seps[i]);
            if (at + k < *n && memcmp(*s + at, seps[i], k) == 0) {
                if (jm_meta_is_board(*s + at + k, *n - at - k))
                    *n = at;
                return;
            }
        }
    }
}

/* "lumora.com)": a domain, up to its closing bracket: no blank, a dot and letters after it. */
static bool domain(const char *s, size_t n)
{
    const char *close = memchr(s, ')', n);
    size_t k = close ? (size_t)(close - s) : 0;
    const char *dot = k > 0 ? memrchr(s, '.', k) : NULL;
    if (dot == NULL || dot == s || memchr(s, ' ', k) || k - (size_t)(dot - s) < 3)
        return false;
    for (const char *p = dot + 1; p < s + k; p++)
        if (!isalpha((unsigned char)*p))
            return false;
    return true;
}

/* "Python Developer (In collaboration with Sky Gate)": a remark of four words or more,
 * not a list ("(Go, Postgres, Redis, Kafka)"), is no part of a title. */
static void strip_aside(const char **s, size_t *n)
{
    if (*n < 2 || (*s)[*n - 1] != ')')
        return;
    const char *open = memrchr(*s, '(', *n);
    if (open == NULL || open == *s || open[-1] != ' ')
        return;
    size_t len = (size_t)(*s + *n - open);
    if (jm_meta_words(open, len) >= 4 && memchr(open, ',', len) == NULL) {
        *n = (size_t)(open - *s);
        trim(s, n);
    }
}

static void clean(enum jm_meta field, const char **s, size_t *n)
{
    trim(s, n);
    if (field == JM_META_TITLE) {
        const char *before = *s;
        STRIP(s, n, title_prefixes, true);
        for (int i = 0; i < 3 && *s != before; i++) /* "We're hiring: a …" */
            STRIP(s, n, title_leads, true);
        /* "A full-stack developer, with …": a role in a list of people sought */
        if (*n > 3 && (starts_ci(*s, *n, "a ") || starts_ci(*s, *n, "an ")) &&
            islower((unsigned char)(*s)[(*s)[1] == ' ' ? 2 : 3]))
            STRIP(s, n, title_leads, true);
        strip_board(s, n);
        STRIP(s, n, title_suffixes, false);
        strip_aside(s, n);
    } else if (field == JM_META_COMPANY) {
        STRIP(s, n, company_prefixes, true);
        STRIP(s, n, company_suffixes, false);
        /* "Lumora (https://lumora.example)", "Lumora (lumora.com)": the name without its
         * link */
        const char *aside = jm_meta_find_ci(*s, *n, " (");
        size_t rest = aside ? *n - (size_t)(aside - *s) : 0;
        if (aside && (jm_meta_find_ci(aside, rest, "://") || jm_meta_find_ci(aside, rest, "www.") ||
                      domain(aside + 2, rest - 2)))
            *n = (size_t)(aside - *s);
        /* "Shape (YC S15)", "Acme (formerly Foo)": a remark on the name, not part of it;
         * "Tarn Labs (Pty.)" keeps its legal form */
        trim(s, n);
        aside = *n > 0 && (*s)[*n - 1] == ')' ? jm_meta_find_ci(*s, *n, " (") : NULL;
        if (aside != NULL && aside > *s &&
            !jm_meta_legal_form(aside + 2, (size_t)(*s + *n - aside - 3)))
            *n = (size_t)(aside - *s);
    } else if (remote_first(*s, *n) || (*n == 6 && starts_ci(*s, *n, "remote")) ||
               remote_or_office(*s, *n)) {
        *s = "Remote";
        *n = 6;
    } else {
        /* "Manchester (city centre), hybrid 3 days office": the place ends before a comma
         * that a remark follows, in small letters or figures; "Dayton, OH 45414" is whole */
        for (size_t i = 0; i + 2 < *n; i++)
            if ((*s)[i] == ',' && (*s)[i + 1] == ' ' &&
                (islower((unsigned char)(*s)[i + 2]) || isdigit((unsigned char)(*s)[i + 2]))) {
                *n = i;
                break;
            }
        /* "Porto, Portugal,Remote", "Poland, Remote": a place that may also be worked from
         * home, the place named first */
        if (*n > 7 && starts_ci(*s + *n - 6, 6, "remote")) {
            size_t k = *n - 6;
            while (k > 0 && (*s)[k - 1] == ' ')
                k--;
            if (k > 1 && ((*s)[k - 1] == ',' || (*s)[k - 1] == ';'))
                *n = k - 1;
        }
        /* "Zürich (with a second office in München)": a remark, not the place; "Berlin
         * (hybrid)" and "Remote (UTC-2 to UTC+3)" keep theirs */
        const char *aside = jm_meta_find_ci(*s, *n, " (");
        const char *close = aside ? memchr(aside, ')', *n - (size_t)(aside - *s)) : NULL;
        if (close && jm_meta_words(aside, (size_t)(close - aside)) >= 4)
            *n = (size_t)(aside - *s);
        /* "San Diego, CA (Preferred)": a form's note on the answer, not part of the place */
        STRIP(s, n, place_notes, false);
        /* "Sunnyvale, CA,US,Bellevue, WA": places listed with bare commas; the first */
        const char *first = memchr(*s, ',', *n);
        for (const char *c = first; c != NULL && c < *s + *n - 1;
             c = memchr(c + 1, ',', (size_t)(*s + *n - c - 1)))
            if (c != first && c[1] != ' ' && first[1] == ' ') {
                *n = (size_t)(c - *s);
                break;
            }
    }
    trim(s, n);
}

static struct jm_meta_list *list_of(struct jm_doc *doc)
{
    if (doc->meta == NULL) {
        doc->meta = jm_arena_alloc(&doc->arena, sizeof *doc->meta);
        if (doc->meta == NULL) {
            doc->nomem = true;
            return NULL;
        }
        memset(doc->meta, 0, sizeof *doc->meta);
    }
    struct jm_meta_list *l = doc->meta;
    if (l->n == JM_META_MAX_CANDIDATES)
        return NULL; /* a page that repeats its labels: the first ones are the same */
    if (l->n == l->cap) {
        /* The arena cannot grow a block: copy into a larger one (the list stays small). */
        size_t cap = l->cap ? l->cap * 2 : 16;
        struct jm_meta_cand *v = jm_arena_alloc(&doc->arena, cap * sizeof *v);
        if (v == NULL) {
            doc->nomem = true;
            return NULL;
        }
        if (l->n > 0)
            memcpy(v, l->v, l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
    }
    return l;
}

bool jm_meta_legal_form(const char *s, size_t n)
{
    static const char *const forms[] = {"inc",  "llc", "ltd", "llp", "plc",  "corp", "co",
                                        "gmbh", "ag",  "sa",  "sas", "sarl", "bv",   "nv",
                                        "oy",   "ab",  "as",  "srl", "spa",  "pty",  "limited"};
    size_t k = 0;
    while (k < n && isalpha((unsigned char)s[k]))
        k++;
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (k == strlen(forms[i]) && strncasecmp(s, forms[i], k) == 0)
            return true;
    return false;
}

bool jm_meta_firm_name(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' '))
        n--;
    size_t last = n;
    while (last > 0 && s[last - 1] != ' ' && s[last - 1] != ',')
        last--;
    return last > 0 && jm_meta_words(s, n) <= 8 && jm_meta_legal_form(s + last, n - last) &&
           !jm_meta_names_role(s, n);
}

/* "CO", "NV", "AB" after a comma: a state's or a province's code, in capitals, though the
 * same letters are a legal form ("Acme, Co." is written otherwise). */
static bool region_code(const char *s, size_t n)
{
    return n >= 2 && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]) &&
           (n == 2 || s[2] == ' ');
}

bool jm_meta_is_place(const char *s, size_t n)
{
    if (jm_meta_find_ci(s, n, "remote") != NULL)
        return true;
    /* "London (UK)", "Lyon (FR)": a city and its country's code */
    if (n >= 6 && s[n - 1] == ')' && s[n - 5] == ' ' && s[n - 4] == '(' &&
        isupper((unsigned char)s[n - 3]) && isupper((unsigned char)s[n - 2]) &&
        isupper((unsigned char)s[0]) && jm_meta_words(s, n) <= 4)
        return true;
    const char *comma = memchr(s, ',', n);
    if (comma == NULL || comma + 2 >= s + n || comma[1] != ' ' ||
        !isupper((unsigned char)comma[2]) || memchr(s, '"', n))
        return false;
    size_t rest = (size_t)(s + n - comma - 2);
    return region_code(comma + 2, rest) || !jm_meta_legal_form(comma + 2, rest);
}

bool jm_meta_city_region(const char *s, size_t n)
{
    const char *comma = memchr(s, ',', n);
    return comma != NULL && comma + 2 < s + n && comma[1] == ' ' &&
           region_code(comma + 2, (size_t)(s + n - comma - 2)) && s + n - comma - 2 == 2 &&
           jm_meta_words(s, n) <= 4 && !jm_meta_names_role(s, n);
}

/* Where "- Remote", "(Remote", ", remote" starts in a title, or n. */
static size_t remote_mark(const char *s, size_t n)
{
    static const char *const marks[] = {" - remote", " (remote", " \xE2\x80\x93 remote",
                                        ", remote"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        const char *m = jm_meta_find_ci(s, n, marks[i]);
        if (m != NULL && m > s)
            return (size_t)(m - s);
    }
    return n;
}

size_t jm_meta_remote_suffix(const char *s, size_t n)
{
    size_t at = remote_mark(s, n);
    /* "ML Engineer (Brazil - Remote)": a mark inside brackets takes them whole */
    for (size_t k = at; at < n && k-- > 0 && s[k] != ')';)
        if (s[k] == '(') {
            while (k > 0 && s[k - 1] == ' ')
                k--;
            return k > 0 ? k : at;
        }
    return at;
}

/* "Backend Engineer - Remote (EU)": the place glued to a title is proposed as one. */
static void title_place(struct jm_doc *doc, long block, const char *s, size_t n)
{
    size_t at = remote_mark(s, n);
    if (at == n)
        return;
    const char *p = s + at;
    while (p < s + n && !isalpha((unsigned char)*p))
        p++;
    size_t len = (size_t)(s + n - p);
    if (len > 0 && p[len - 1] == ')' && !memchr(p, '(', len))
        len--;
    jm_meta_add(doc, JM_META_LOCATION, JM_SRC_SUFFIX, block, p, len);
}

enum { MAX_VALUE_BYTES = 1024 };

void jm_meta_add(struct jm_doc *doc, enum jm_meta field, enum jm_meta_source src, long block,
                 const char *s, size_t n)
{
    /* a value longer than any title, name or place is text; a full list takes no more */
    if (field == JM_META_NONE || s == NULL || n > MAX_VALUE_BYTES ||
        (doc->meta && doc->meta->n == JM_META_MAX_CANDIDATES))
        return;
    const char *copy = "";
    jm_doc_set_meta(doc, &copy, s, n); /* an arena copy, whitespace collapsed */
    size_t len = strlen(copy);
    clean(field, &copy, &len);
    struct jm_meta_list *l = len > 0 ? list_of(doc) : NULL;
    if (l == NULL)
        return;
    char *text = jm_arena_strndup(&doc->arena, copy, len);
    if (text == NULL) {
        doc->nomem = true;
        return;
    }
    l->v[l->n++] = (struct jm_meta_cand){field, src, text, len, block, 0};
    if (field == JM_META_TITLE)
        title_place(doc, block, text, len);
}

/* A front-matter flag "remote: true". */
static bool remote_flag(struct jm_doc *doc, const char *key, size_t n, const char *v, size_t vn)
{
    char k[32];
    if (n >= sizeof k)
        return false;
    squeeze(key, n, k, sizeof k);
    for (size_t i = 0; i < sizeof remote_flags / sizeof remote_flags[0]; i++) {
        if (strcmp(k, remote_flags[i]) != 0)
            continue;
        if ((vn == 4 && strncasecmp(v, "true", 4) == 0) ||
            (vn == 3 && strncasecmp(v, "yes", 3) == 0))
            jm_meta_add(doc, JM_META_LOCATION, JM_SRC_FLAG, -1, "Remote", 6);
        return true;
    }
    return false;
}

void jm_meta_tag(struct jm_doc *doc, const char *s, size_t n)
{
    char tag[32];
    trim(&s, &n);
    if (n >= sizeof tag)
        return;
    squeeze(s, n, tag, sizeof tag);
    for (size_t i = 0; i < sizeof remote_tags / sizeof remote_tags[0]; i++)
        if (strcmp(tag, remote_tags[i]) == 0)
            jm_meta_add(doc, JM_META_LOCATION, JM_SRC_FLAG, -1, "Remote", 6);
}

/* "tags: [backend, remote-work]": each tag of an inline list. */
static bool tag_list(struct jm_doc *doc, const char *key, size_t n, const char *v, size_t vn)
{
    char k[32];
    if (n >= sizeof k)
        return false;
    squeeze(key, n, k, sizeof k);
    for (size_t i = 0; i < sizeof tag_keys / sizeof tag_keys[0]; i++) {
        if (strcmp(k, tag_keys[i]) != 0)
            continue;
        while (vn > 0) {
            while (vn > 0 && (*v == '[' || *v == ',' || *v == ' ')) {
                v++;
                vn--;
            }
            size_t t = 0;
            while (t < vn && v[t] != ',' && v[t] != ']')
                t++;
            jm_meta_tag(doc, v, t);
            v += t;
            vn -= t;
            if (vn > 0 && *v == ']')
                break;
        }
        return true;
    }
    return false;
}

bool jm_meta_line(struct jm_doc *doc, const char *s, size_t n, const char *seps,
                  enum jm_meta_source src, long block)
{
    size_t k = 0;
    while (k < n && k < 24 && s[k] != ':' && s[k] != '=')
        k++;
    size_t key = k;
    while (key > 0 && s[key - 1] == ' ')
        key--;
    if (k >= n || strchr(seps, s[k]) == NULL)
        return false;
    const char *v = s + k + 1;
    size_t vn = n - k - 1;
    trim(&v, &vn);
    if (src == JM_SRC_FRONT && (remote_flag(doc, s, key, v, vn) || tag_list(doc, s, key, v, vn)))
        return true;
    enum jm_meta field = jm_meta_label(s, key);
    if (field == JM_META_NONE)
        return false;
    /* "Location: Berlin. We meet at the office on Tuesdays.": the value ends at its stop */
    for (size_t i = 1; src == JM_SRC_LABEL && i + 2 < vn; i++)
        if (v[i] == '.' && v[i + 1] == ' ' && isupper((unsigned char)v[i + 2]) &&
            islower((unsigned char)v[i - 1])) {
            vn = i;
            break;
        }
    if (src == JM_SRC_LABEL)
        src = jm_meta_label_source(s, key);
    if (vn > 0)
        jm_meta_add(doc, field, src, block, v, vn);
    return true;
}
