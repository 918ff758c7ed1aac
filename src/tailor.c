/*
 * tailor.c - what to change in a resume for one posting, grounded in what
 * the resume already shows, and never inventing experience: a keyword the
 * resume never names is only ever suggested "if you have used it".
 *
 * From a match result and the resume's judged bullets: the posting's spelling
 * of a term the resume writes otherwise; each gap with the resume's evidence
 * (a term that implies it, or a related one, and the bullet that shows it);
 * keywords claimed only in a skills list; task and partial bullets that carry
 * posting keywords, heaviest first; and each matched keyword's strongest
 * evidence (skills list, task, partial or measured result bullet).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base.h"
#include "dict.h"
#include "doc.h"
#include "read/read.h"
#include "analysis.h"

const char *jm_evidence_phrase(jm_evidence e)
{
    static const char *const names[JM_EVIDENCE_COUNT] = {"none",
                                                         "declared in your settings only",
                                                         "skills list only",
                                                         "mentioned",
                                                         "task bullet",
                                                         "partial bullet",
                                                         "measured result bullet"};
    return (unsigned)e < JM_EVIDENCE_COUNT ? names[e] : "unknown";
}

const char *jm_suggestion_kind_name(jm_suggestion_kind k)
{
    static const char *const names[] = {"requirement", "title",       "spelling", "make-explicit",
                                        "gap",         "demonstrate", "rewrite"};
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}

static bool suggest(jm_tailoring *t, jm_suggestion_kind kind, const jm_match_item *it,
                    double weight, long resume_line, long posting_line, const char *fmt, ...)
    JM_PRINTF(7, 8);

static bool suggest(jm_tailoring *t, jm_suggestion_kind kind, const jm_match_item *it,
                    double weight, long resume_line, long posting_line, const char *fmt, ...)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 32;
        jm_suggestion *v = realloc(t->v, cap * sizeof *v);
        if (v == NULL)
            return false;
        t->v = v;
        t->cap = cap;
    }
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *copy = jm_arena_strndup(&t->arena, msg, strlen(msg));
    if (copy == NULL)
        return false;
    t->v[t->n++] = (jm_suggestion){.kind = kind,
                                   .keyword = it ? it->posting->name : NULL,
                                   .weight = weight,
                                   .message = copy,
                                   .resume_line = resume_line,
                                   .posting_line = posting_line,
                                   .verdict = JM_VERDICT_NONE,
                                   .years_required = -1,
                                   .years_shown = -1};
    return true;
}

static uint32_t term_of(const jm_result *r, const char *name)
{
    long id = jm_dict_lookup(jm_keywords_dict(jm_result_resume(r)), name);
    return id < 0 ? JM_NONE : (uint32_t)id;
}

/* ---- the suggestions ------------------------------------------------------ */

/* Does the resume write the term as the posting does, in one of its forms? (Case aside:
 * applicant tracking systems match literally, but not case-sensitively.) */
static bool same_spelling(const jm_keyword *posting, const jm_keyword *resume)
{
    for (size_t i = 0; i < posting->nforms; i++)
        for (size_t k = 0; k < resume->nforms; k++)
            if (strcasecmp(posting->forms[i], resume->forms[k]) == 0)
                return true;
    return false;
}

static bool spelling(jm_tailoring *t, const jm_match_item *it)
{
    if (it->coverage != JM_COVERAGE_MATCHED || it->resume == NULL ||
        !jm_kind_is_technical(it->posting->kind) || same_spelling(it->posting, it->resume) ||
        it->posting->nforms == 0 || it->resume->nforms == 0)
        return true;
    return suggest(t, JM_SUGGESTION_KIND_SPELLING, it, it->weight, it->resume->line,
                   it->posting->line,
                   "Add the posting's spelling next to yours, \"%s (%s)\": many applicant "
                   "tracking systems match words literally.",
                   it->resume->forms[0], it->posting->forms[0]);
}

void jm_group_words(const char *slug, char *out, size_t cap)
{
    /* Words a slug abbreviates or lowercases, as a person writes them. */
    static const struct {
        const char *slug, *words;
    } fixed[] = {
        {"js", "JavaScript"},
        {"dotnet", ".NET"},
        {"api", "API"},
        {"apis", "APIs"},
        {"ml", "ML"},
        {"ai", "AI"},
        {"ci", "CI"},
        {"cd", "CD"},
        {"sap", "SAP"},
        {"bi", "BI"},
        {"etl", "ETL"},
        {"iac", "IaC"},
        {"iot", "IoT"},
        {"ios", "iOS"},
        {"jvm", "JVM"},
        {"ides", "IDEs"},
        {"aws", "AWS"},
        {"hpc", "HPC"},
        {"ehr", "EHR"},
        {"crm", "CRM"},
        {"erp", "ERP"},
        {"hr", "HR"},
        {"llm", "LLM"},
        {"ux", "UX"},
        {"ui", "UI"},
        {"cdn", "CDN"},
        {"dns", "DNS"},
        {"gpu", "GPU"},
        {"cpu", "CPU"},
        {"sql", "SQL"},
        {"rpc", "RPC"},
        {"gis", "GIS"},
        {"cms", "CMS"},
        {"pki", "PKI"},
        {"mqtt", "MQTT"},
        {"bdd", "BDD"},
        {"php", "PHP"},
        {"css", "CSS"},
        {"cpp", "C++"},
        {"nlp", "NLP"},
        {"itsm", "ITSM"},
        {"cad", "CAD"},
        {"cae", "CAE"},
        {"mdm", "MDM"},
        {"siem", "SIEM"},
        {"alm", "ALM"},
        {"bpm", "BPM"},
        {"3d", "3D"},
        {"ar", "AR"},
        {"vr", "VR"},
        {"fp", "FP"},
        {"psa", "PSA"},
        {"rmm", "RMM"},
        {"orms", "ORMs"},
        {"vms", "VMs"},
        {"r", "R"},
        {"llms", "LLMs"},
        {"paas", "PaaS"},
        {"appsec", "application security"},
        {"clouds", "cloud platforms"},
        {"graphql", "GraphQL"},
        {"go", "Go"},
        {"rust", "Rust"},
        {"python", "Python"},
        {"ruby", "Ruby"},
        {"elixir", "Elixir"},
        {"scala", "Scala"},
        {"android", "Android"},
        {"linux", "Linux"},
        {"windows", "Windows"},
        {"kubernetes", "Kubernetes"},
        {"postgres", "PostgreSQL"},
        {"salesforce", "Salesforce"},
        {"spring", "Spring"},
        {"netflix", "Netflix"},
        {"git", "Git"},
    };
    size_t len = 0;
    out[0] = '\0';
    for (const char *p = slug; *p && len + 1 < cap;) {
        size_t n = strcspn(p, "-");
        const char *w = NULL;
        for (size_t i = 0; i < sizeof fixed / sizeof *fixed && w == NULL; i++)
            if (strlen(fixed[i].slug) == n && strncmp(p, fixed[i].slug, n) == 0)
                w = fixed[i].words;
        len += (size_t)snprintf(out + len, cap - len, "%s%.*s", len ? " " : "",
                                w ? (int)strlen(w) : (int)n, w ? w : p);
        p += n + (p[n] == '-');
    }
    if (len >= cap && cap > 0)
        out[cap - 1] = '\0';
}

/* A resume keyword shown at work that shares a related group with the missing term, and
 * the group. */
static const jm_keyword *related_to(const jm_result *r, uint32_t term, const char **group)
{
    const jm_dict *d = jm_keywords_dict(jm_result_resume(r));
    const struct jm_term *want = &d->terms[term];
    const jm_keywords *kr = jm_result_resume(r);
    for (size_t i = 0; i < jm_keywords_count(kr); i++) {
        if (jm_result_shown(r, jm_keywords_term(kr, i))->evidence < JM_EVIDENCE_TASK)
            continue; /* related experience is work shown, not a skill listed */
        const struct jm_term *have = &d->terms[jm_keywords_term(kr, i)];
        for (size_t a = 0; a < want->nrelated; a++)
            for (size_t b = 0; b < have->nrelated; b++)
                if (strcmp(want->related[a], have->related[b]) == 0) {
                    *group = want->related[a];
                    return jm_keywords_get(kr, i);
                }
    }
    return NULL;
}

static bool gap(jm_tailoring *t, const jm_bullets *bs, const jm_match_item *it)
{
    const jm_result *r = t->res;
    const char *name = it->posting->name;
    if (it->coverage == JM_COVERAGE_IMPLIED) {
        return suggest(t, JM_SUGGESTION_KIND_EXPLICIT, it, it->weight, it->evidence_line,
                       it->posting->line,
                       "Name %s explicitly: the resume shows %s, which implies it, but a reader "
                       "or a keyword filter may not make the link.",
                       name, it->implied_by);
    }
    if (it->coverage != JM_COVERAGE_MISSING)
        return true;
    char choices[256];
    jm_item_choices(it, choices, sizeof choices);
    if (it->nalternatives > 0) /* "Go or Java": any one of them closes the gap */
        name = choices;
    const char *group = NULL;
    const jm_keyword *near = related_to(r, term_of(r, it->posting->name), &group);
    if (near == NULL) { /* the same advice for every such gap: said once, below */
        t->unrelated.v[t->unrelated.n++] = it;
        return true;
    }
    char kind[96];
    jm_group_words(group, kind, sizeof kind);
    const struct jm_shown *shown = jm_result_shown(r, term_of(r, near->name));
    const char *where = bs && shown->bullet >= 0 && (size_t)shown->bullet < jm_bullets_count(bs)
                            ? jm_bullets_get(bs, (size_t)shown->bullet)->text
                            : NULL;
    return suggest(t, JM_SUGGESTION_KIND_GAP, it, it->weight, shown->line, it->posting->line,
                   "If you have used %s%s, add it; otherwise describe your %s work as %s "
                   "experience%s%.80s%s.",
                   it->nalternatives ? "any of " : "", name, near->name, kind, where ? " (\"" : "",
                   where ? where : "", where ? (strlen(where) > 80 ? "…\")" : "\")") : "");
}

static bool demonstrate(jm_tailoring *t, const jm_match_item *it)
{
    if (it->coverage != JM_COVERAGE_MATCHED)
        return true;
    struct jm_proof *p = &t->proofs[t->nproofs++];
    *p = (struct jm_proof){it->posting->name, it->evidence, it->evidence_line};
    if (it->evidence == JM_EVIDENCE_SKILLS)
        t->listed.v[t->listed.n++] = it; /* said once for all, below */
    else if (it->evidence == JM_EVIDENCE_DECLARED)
        t->declared.v[t->declared.n++] = it;
    return true;
}

/* One suggestion for the items that get the same advice: `one` when there is one item
 * (it names the keyword), else `many` after the list of them. */
static bool same_advice(jm_tailoring *t, jm_suggestion_kind kind, const struct jm_items *s,
                        bool evidence_line, const char *one, const char *many)
{
    if (s->n == 0)
        return true;
    const jm_match_item *first = s->v[0];
    double weight = 0;
    const char **names = jm_arena_alloc(&t->arena, s->n * sizeof *names);
    if (names == NULL)
        return false;
    for (size_t i = 0; i < s->n; i++) {
        char choices[256]; /* "Go or Java": one requirement, any member of which closes it */
        jm_item_choices(s->v[i], choices, sizeof choices);
        weight += s->v[i]->weight;
        if ((names[i] = jm_arena_strndup(&t->arena, choices, strlen(choices))) == NULL)
            return false;
    }
    long line = evidence_line ? first->evidence_line : 0;
    if (!suggest(t, kind, first, weight, line, first->posting->line, "%s", s->n == 1 ? one : many))
        return false;
    if (s->n > 1) {
        t->v[t->n - 1].keywords = names;
        t->v[t->n - 1].nkeywords = s->n;
    }
    return true;
}

/* Task and partial bullets that name posting keywords, heaviest first. */
static bool rewrites(jm_tailoring *t, const jm_bullets *bs)
{
    for (size_t i = 0; bs && i < jm_bullets_count(bs); i++) {
        const jm_bullet *b = jm_bullets_get(bs, i);
        struct jm_carried c;
        jm_bullet_carried(bs, i, t->res, &c);
        if (b->phrasing == JM_PHRASING_RESULT || c.n == 0)
            continue;
        char names[256] = "";
        for (size_t k = 0; k < c.n; k++) {
            size_t len = strlen(names);
            snprintf(names + len, sizeof names - len, "%s%s", k ? ", " : "",
                     c.items[k]->posting->name);
        }
        if (!suggest(t, JM_SUGGESTION_KIND_REWRITE, c.items[0], c.weight, b->line, 0,
                     "Rewrite this %s bullet first, it names %s: %s", jm_phrasing_name(b->phrasing),
                     names, b->hint))
            return false;
    }
    return true;
}

/* ---- knock-out requirements (knockout.c finds them and the resume's evidence) ---- */

const char *jm_verdict_name(jm_verdict v)
{
    static const char *const names[] = {"none", "meets", "short", "not_stated"};
    return (unsigned)v < sizeof names / sizeof *names ? names[v] : "?";
}

/* Every posting line that states a knock-out requirement, never silently dropped, with
 * what the resume shows for it: 'experience: "5+ years of Python" — meets: …'. */
static bool requirements(jm_tailoring *t, const jm_bullets *bs, int today)
{
    const jm_rules *rules = bs ? jm_bullets_rules(bs) : NULL;
    if (rules == NULL)
        return true;
    const jm_doc *posting = jm_keywords_doc(jm_result_posting(t->res));
    struct jm_knockouts *k = jm_knockouts_new(t->res, rules, today);
    bool ok = k != NULL;
    for (size_t i = 0; ok && i < posting->nblocks; i++) {
        struct jm_knockout ko[8];
        int n = jm_knockouts_of(k, i, ko, sizeof ko / sizeof *ko);
        ok = n >= 0;
        for (int j = 0; ok && j < n; j++) {
            ok = suggest(t, JM_SUGGESTION_KIND_REQUIREMENT, NULL, 0, ko[j].resume_line,
                         posting->blocks[i].line, "%s%s: \"%s\" \xE2\x80\x94 %s", ko[j].label,
                         ko[j].preferred ? " (preferred)" : "", ko[j].quote, ko[j].evidence);
            if (!ok)
                break;
            jm_suggestion *s = &t->v[t->n - 1];
            s->label = ko[j].label;
            s->verdict = ko[j].verdict;
            s->years_required = ko[j].years_required;
            s->years_shown = ko[j].years_shown;
            s->preferred = ko[j].preferred;
        }
    }
    jm_knockouts_free(k);
    return ok;
}

/* ---- title and headline ---------------------------------------------------- */

/* The resume's headline: a short line under the name, before the first section, that names
 * a role ("Senior Backend Engineer"); never the name or the contact line. */
static const struct jm_block *headline(const jm_doc *resume)
{
    for (size_t i = 0; i < resume->nblocks; i++) {
        const struct jm_block *b = &resume->blocks[i];
        if (b->kind == JM_BLOCK_TITLE || (i == 0 && b->kind == JM_BLOCK_HEADING))
            continue; /* the name */
        if (b->kind == JM_BLOCK_HEADING || b->section != JM_SEC_NONE)
            return NULL;
        if (b->kind == JM_BLOCK_PARAGRAPH && b->len < 100 && !memchr(b->text, '@', b->len) &&
            jm_meta_names_role(b->text, b->len))
            return b;
    }
    return NULL;
}

static const char *seniority(const char *norm)
{
    static const char *const levels[] = {"intern",    "junior", "mid",  "senior",   "staff",
                                         "principal", "lead",   "head", "director", NULL};
    for (size_t i = 0; levels[i]; i++)
        if (strstr(norm, levels[i]))
            return levels[i];
    return NULL;
}

static bool title(jm_tailoring *t)
{
    const jm_doc *posting = jm_keywords_doc(jm_result_posting(t->res));
    const jm_doc *resume = jm_keywords_doc(jm_result_resume(t->res));
    const struct jm_block *h = headline(resume);
    const char *want = jm_doc_title(posting);
    if (h == NULL || !*want)
        return true;
    char lower[256];
    snprintf(lower, sizeof lower, "%s", want);
    for (char *p = lower; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    const char *a = seniority(lower), *b = seniority(h->norm);
    bool level_differs = a && (!b || strcmp(a, b) != 0);
    /* the title's last word names the role ("engineer", "developer"), before any
     * "(Python)", ", Ledger Services" or " - Remote" */
    lower[strcspn(lower, "(,|")] = '\0';
    char *dash = strstr(lower, " - ");
    if (dash != NULL)
        *dash = '\0';
    for (size_t n = strlen(lower); n > 0 && lower[n - 1] == ' ';)
        lower[--n] = '\0';
    const char *sp = strrchr(lower, ' ');
    char role[64];
    snprintf(role, sizeof role, "%.63s", sp ? sp + 1 : lower);
    role[strcspn(role, "(),/")] = '\0';
    bool role_differs = strlen(role) > 2 && !strstr(h->norm, role);
    if (!level_differs && !role_differs)
        return true;
    long title_line = 0; /* the posting's title block, when it has one */
    for (size_t i = 0; i < posting->nblocks && title_line == 0; i++)
        if (posting->blocks[i].kind == JM_BLOCK_TITLE)
            title_line = posting->blocks[i].line;
    return suggest(t, JM_SUGGESTION_KIND_TITLE, NULL, 0, h->line, title_line,
                   "The posting is for \"%s\"; your headline reads \"%.100s\". If it is true of "
                   "you, echo the posting's %s in your headline and summary.",
                   want, h->text, level_differs ? "seniority and role" : "role");
}

static int by_kind_weight(const void *pa, const void *pb)
{
    const jm_suggestion *a = pa, *b = pb;
    if (a->kind != b->kind)
        return (int)a->kind - (int)b->kind;
    if (a->weight != b->weight)
        return a->weight < b->weight ? 1 : -1;
    return (a->resume_line > b->resume_line) - (a->resume_line < b->resume_line);
}

jm_status jm_tailor(const jm_result *res, const jm_bullets *bullets, const jm_tailor_options *opt,
                    jm_tailoring **out, jm_error *err)
{
    *out = NULL;
    jm_tailoring *t = calloc(1, sizeof *t);
    size_t n = jm_result_count(res);
    if (t != NULL) {
        t->proofs = malloc((n ? n : 1) * sizeof *t->proofs);
        t->unrelated.v = malloc((n ? n : 1) * sizeof *t->unrelated.v);
        t->listed.v = malloc((n ? n : 1) * sizeof *t->listed.v);
        t->declared.v = malloc((n ? n : 1) * sizeof *t->declared.v);
    }
    if (t == NULL || t->proofs == NULL || t->unrelated.v == NULL || t->listed.v == NULL ||
        t->declared.v == NULL) {
        jm_tailoring_free(t);
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    }
    t->res = res;
    int today = opt && opt->today_year ? (opt->today_year - 1900) * 12 + opt->today_month - 1 : 0;
    if (today == 0) {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        today = tm.tm_year * 12 + tm.tm_mon;
    }
    /* The knock-out requirements come first, in the posting's order: sorting them would
     * shuffle the ones that one line states. */
    bool ok = requirements(t, bullets, today);
    size_t first = t->n;
    for (size_t i = 0; i < n && ok; i++) {
        const jm_match_item *it = jm_result_get(res, i);
        ok = spelling(t, it) && gap(t, bullets, it) && demonstrate(t, it);
    }
    ok = ok &&
         same_advice(t, JM_SUGGESTION_KIND_GAP, &t->unrelated, false,
                     "If you have used it, add it to your skills and to the bullet where you used "
                     "it; if not, it is a gap to close or to address in a cover letter.",
                     "If you have used any of them, add each to your skills and to the bullet "
                     "where you used it; if not, they are gaps to close or to address in a cover "
                     "letter.") &&
         same_advice(t, JM_SUGGESTION_KIND_DEMONSTRATE, &t->listed, true,
                     "It appears only in your skills list: show it at work in a bullet that "
                     "states a measured result.",
                     "They appear only in your skills list: show each at work in a bullet that "
                     "states a measured result.") &&
         same_advice(t, JM_SUGGESTION_KIND_DEMONSTRATE, &t->declared, false,
                     "Your settings say you have it, but the resume does not name it: add it to "
                     "your skills and to the bullet where you used it.",
                     "Your settings say you have them, but the resume names none of them: add "
                     "each to your skills and to the bullet where you used it.");
    ok = ok && rewrites(t, bullets) && title(t) && !t->arena.failed;
    if (!ok) {
        jm_tailoring_free(t);
        return jm_fail(err, JM_ERR_NOMEM, "", 0, "out of memory");
    }
    if (t->n > first) /* none at all: qsort wants an array */
        qsort(t->v + first, t->n - first, sizeof *t->v, by_kind_weight);
    *out = t;
    return JM_OK;
}

void jm_tailoring_free(jm_tailoring *t)
{
    if (t == NULL)
        return;
    jm_arena_free(&t->arena);
    free(t->v);
    free(t->proofs);
    free(t->unrelated.v);
    free(t->listed.v);
    free(t->declared.v);
    free(t);
}

size_t jm_tailoring_count(const jm_tailoring *t)
{
    return t->n;
}

const jm_suggestion *jm_tailoring_get(const jm_tailoring *t, size_t i)
{
    return i < t->n ? &t->v[i] : NULL;
}
