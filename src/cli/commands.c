/*
 * commands.c - `jobmatch match`, `tailor`, `keywords` and `lint`: load, run
 * the library, print, and turn the outcome into an exit code.
 */
#include <stdlib.h>

#include "cli.h"

static int read_doc(const char *path, jm_role role, jm_doc **out)
{
    jm_error err = {0};
    jm_status st = jm_doc_read(path, role, out, &err);
    if (st != JM_OK)
        report_error(&err);
    return exit_code_for(st);
}

/* A failed write of standard output is caught once for every command (output_finish). */
static int finish(jm_status st, const jm_error *err)
{
    if (st != JM_OK)
        report_error(err);
    return exit_code_for(st);
}

/* Everything a match report or a tailoring needs, from the two files. */
struct matched {
    jm_dict *dict;
    jm_rules *rules;
    jm_doc *resume, *posting;
    jm_keywords *kr, *kp;
    jm_result *res;
    jm_bullets *bullets;
};

static int prepare(const struct cli *cli, struct matched *m, jm_error *err, jm_status *st)
{
    *m = (struct matched){0};
    *st = JM_OK;
    int rc = read_doc(cli->args[0], JM_ROLE_RESUME, &m->resume);
    if (rc == EXIT_OK)
        rc = read_doc(cli->args[1], JM_ROLE_POSTING, &m->posting);
    if (rc == EXIT_OK)
        rc = load_dictionaries(cli, &m->dict);
    if (rc == EXIT_OK)
        rc = check_names(cli, m->dict);
    if (rc == EXIT_OK)
        rc = load_rules(cli, &m->rules);
    if (rc == EXIT_OK) {
        jm_declared declared = declared_of(cli, false);
        *st = jm_keywords_find(m->dict, m->resume, &m->kr, err);
        if (*st == JM_OK)
            *st = jm_keywords_find(m->dict, m->posting, &m->kp, err);
        if (*st == JM_OK)
            *st = jm_bullets_analyze(m->rules, m->resume, &m->bullets, err);
        if (*st == JM_OK)
            *st = jm_match_declared(m->kr, m->kp, m->bullets, &declared, &m->res, err);
    }
    return rc;
}

static void release_matched(struct matched *m)
{
    jm_bullets_free(m->bullets);
    jm_result_free(m->res);
    jm_keywords_free(m->kp);
    jm_keywords_free(m->kr);
    jm_doc_free(m->posting);
    jm_doc_free(m->resume);
    jm_rules_free(m->rules);
    jm_dict_free(m->dict);
}

/* The date "present" in dated roles stands for: today, or JOBMATCH_TODAY's. */
static jm_tailor_options tailor_options(void)
{
    char date[16];
    cli_today(date, sizeof date);
    return cli_as_of(date);
}

int cmd_match(const struct cli *cli)
{
    struct matched m;
    jm_tailoring *t = NULL;
    jm_error err = {0};
    jm_status st;
    int rc = prepare(cli, &m, &err, &st);
    if (rc == EXIT_OK) {
        jm_tailor_options today = tailor_options();
        if (st == JM_OK && cli->format == JM_REPORT_FORMAT_HTML) /* its knock-out verdicts */
            st = jm_tailor(m.res, m.bullets, &today, &t, &err);
        jm_report_options opt = {.format = cli->format,
                                 .color = use_color(cli->color),
                                 .bullets = m.bullets,
                                 .tailoring = t,
                                 .top = cli->top > 0 ? (size_t)cli->top : 0};
        if (st == JM_OK)
            st = jm_report_match(m.res, &opt, write_stdout, NULL, &err);
        rc = finish(st, &err);
    }
    if (rc == EXIT_OK && cli->min_score >= 0 && jm_result_score(m.res) < cli->min_score)
        rc = EXIT_BELOW;
    jm_tailoring_free(t);
    release_matched(&m);
    return rc;
}

static jm_status out_of_memory(jm_error *err)
{
    *err = (jm_error){.code = JM_ERR_NOMEM, .msg = "out of memory"};
    return JM_ERR_NOMEM;
}

/* --format json: the change as the library writes it, one element of "changes". */
static jm_status add_change(cJSON *changes, const jm_result *r0, const jm_result *r1, jm_error *err)
{
    jm_report_options opt = {.format = JM_REPORT_FORMAT_JSON};
    struct capture c;
    if (!capture_start(&c))
        return out_of_memory(err);
    jm_status st = jm_report_change(r0, r1, &opt, write_file, c.f, err);
    cJSON *change = capture_end(&c, st == JM_OK);
    if (st == JM_OK && !cJSON_AddItemToArray(changes, change))
        return out_of_memory(err);
    return st;
}

/* A posting's match against the two resume versions: one change, written at once,
 * or added to `changes` (json). */
/* The two resume versions of `tailor --before`: keywords and judged bullets of each. */
struct versions {
    const jm_keywords *kw[2];
    const jm_bullets *bullets[2];
};

static int compare_one(const struct cli *cli, jm_dict *dict, const struct versions *v,
                       const char *path, cJSON *changes)
{
    jm_doc *posting = NULL;
    jm_keywords *kp = NULL;
    jm_result *r0 = NULL, *r1 = NULL;
    jm_error err = {0};
    int rc = read_doc(path, JM_ROLE_POSTING, &posting);
    if (rc != EXIT_OK)
        return rc;
    jm_declared declared = declared_of(cli, false);
    jm_status st = jm_keywords_find(dict, posting, &kp, &err);
    if (st == JM_OK)
        st = jm_match_declared(v->kw[0], kp, v->bullets[0], &declared, &r0, &err);
    if (st == JM_OK)
        st = jm_match_declared(v->kw[1], kp, v->bullets[1], &declared, &r1, &err);
    jm_report_options opt = {.format = cli->format, .color = use_color(cli->color)};
    if (st == JM_OK)
        st = changes ? add_change(changes, r0, r1, &err)
                     : jm_report_change(r0, r1, &opt, write_stdout, NULL, &err);
    rc = finish(st, &err);
    jm_result_free(r1);
    jm_result_free(r0);
    jm_keywords_free(kp);
    jm_doc_free(posting);
    return rc;
}

/* {"schema_version", "before", "after", "changes": [...]}, the changes to come. */
static cJSON *change_envelope(const jm_doc *d0, const jm_doc *d1)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", JM_SCHEMA_VERSION);
    cJSON_AddStringToObject(root, "before", jm_doc_name(d0));
    cJSON_AddStringToObject(root, "after", jm_doc_name(d1));
    if (cJSON_AddArrayToObject(root, "changes") == NULL) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

/* `tailor --before OLD RESUME POSTING...`: how each posting's score and gaps change. */
int cmd_tailor_before(const struct cli *cli)
{
    jm_dict *dict = NULL;
    jm_rules *rules = NULL;
    jm_doc *d0 = NULL, *d1 = NULL;
    jm_keywords *k0 = NULL, *k1 = NULL;
    jm_bullets *b0 = NULL, *b1 = NULL;
    cJSON *root = NULL;
    jm_error err = {0};
    int rc = read_doc(cli->before, JM_ROLE_RESUME, &d0);
    if (rc == EXIT_OK)
        rc = read_doc(cli->args[0], JM_ROLE_RESUME, &d1);
    if (rc == EXIT_OK)
        rc = load_dictionaries(cli, &dict);
    if (rc == EXIT_OK)
        rc = check_names(cli, dict);
    if (rc == EXIT_OK)
        rc = load_rules(cli, &rules);
    if (rc == EXIT_OK) {
        jm_status st = jm_keywords_find(dict, d0, &k0, &err);
        if (st == JM_OK)
            st = jm_keywords_find(dict, d1, &k1, &err);
        if (st == JM_OK)
            st = jm_bullets_analyze(rules, d0, &b0, &err);
        if (st == JM_OK)
            st = jm_bullets_analyze(rules, d1, &b1, &err);
        rc = finish(st, &err);
    }
    const struct versions v = {{k0, k1}, {b0, b1}};
    if (rc == EXIT_OK && cli->format == JM_REPORT_FORMAT_JSON &&
        (root = change_envelope(d0, d1)) == NULL)
        rc = (errorf("out of memory"), EXIT_INTERNAL);
    int worst = EXIT_OK;
    for (int i = 1; rc == EXIT_OK && i < cli->nargs; i++) {
        int one = compare_one(cli, dict, &v, cli->args[i],
                              cJSON_GetObjectItemCaseSensitive(root, "changes"));
        worst = one != EXIT_OK ? one : worst; /* one bad posting does not stop the others */
    }
    if (rc == EXIT_OK && root != NULL) {
        rc = json_print(root);
        rc = rc == EXIT_OK ? finish(JM_OK, &err) : rc;
    } else {
        cJSON_Delete(root);
    }
    jm_bullets_free(b1);
    jm_bullets_free(b0);
    jm_keywords_free(k1);
    jm_keywords_free(k0);
    jm_doc_free(d1);
    jm_doc_free(d0);
    jm_rules_free(rules);
    jm_dict_free(dict);
    return rc != EXIT_OK ? rc : worst;
}

int cmd_tailor(const struct cli *cli)
{
    jm_tailor_options opt_today = tailor_options();
    struct matched m;
    jm_tailoring *t = NULL;
    jm_error err = {0};
    jm_status st;
    int rc = prepare(cli, &m, &err, &st);
    if (rc == EXIT_OK) {
        if (st == JM_OK)
            st = jm_tailor(m.res, m.bullets, &opt_today, &t, &err);
        jm_report_options opt = {.format = cli->format,
                                 .color = use_color(cli->color),
                                 .bullets = m.bullets,
                                 .top = cli->top > 0 ? (size_t)cli->top : 0};
        if (st == JM_OK)
            st = jm_report_tailoring(t, &opt, write_stdout, NULL, &err);
        rc = finish(st, &err);
    }
    jm_tailoring_free(t);
    release_matched(&m);
    return rc;
}

int cmd_keywords(const struct cli *cli)
{
    jm_dict *dict = NULL;
    jm_doc *doc = NULL;
    jm_keywords *kw = NULL;
    jm_error err = {0};
    int rc = read_doc(cli->args[0], cli->role, &doc);
    if (rc == EXIT_OK)
        rc = load_dictionaries(cli, &dict);
    if (rc == EXIT_OK) {
        jm_status st = jm_keywords_find(dict, doc, &kw, &err);
        jm_report_options opt = {.format = cli->format, .color = use_color(cli->color)};
        if (st == JM_OK)
            st = jm_report_keywords(kw, &opt, write_stdout, NULL, &err);
        rc = finish(st, &err);
    }
    jm_keywords_free(kw);
    jm_doc_free(doc);
    jm_dict_free(dict);
    return rc;
}

int cmd_lint(const struct cli *cli)
{
    jm_rules *rules = NULL;
    jm_doc *resume = NULL;
    jm_bullets *bullets = NULL;
    jm_error err = {0};
    int rc = read_doc(cli->args[0], JM_ROLE_RESUME, &resume);
    if (rc == EXIT_OK)
        rc = load_rules(cli, &rules);
    if (rc == EXIT_OK) {
        jm_status st = jm_bullets_analyze(rules, resume, &bullets, &err);
        jm_report_options opt = {.format = cli->format, .color = use_color(cli->color)};
        if (st == JM_OK)
            st = jm_report_bullets(bullets, &opt, write_stdout, NULL, &err);
        rc = finish(st, &err);
    }
    if (rc == EXIT_OK && jm_bullets_tally(bullets, JM_PHRASING_TASK) > (size_t)cli->max_tasks)
        rc = EXIT_BELOW;
    jm_bullets_free(bullets);
    jm_doc_free(resume);
    jm_rules_free(rules);
    return rc;
}
