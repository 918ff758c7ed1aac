/*
 * commands.c - `jobmatch match`, `keywords` and `lint`: load, run the
 * library, print, and turn the outcome into an exit code.
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

static int finish(jm_status st, const jm_error *err)
{
    if (st != JM_OK)
        report_error(err);
    if (st == JM_OK && fflush(stdout) != 0) {
        errorf("cannot write the report");
        return EXIT_INTERNAL;
    }
    return exit_code_for(st);
}

int cmd_match(const struct cli *cli)
{
    jm_dict *dict = NULL;
    jm_rules *rules = NULL;
    jm_doc *resume = NULL, *posting = NULL;
    jm_keywords *kr = NULL, *kp = NULL;
    jm_result *res = NULL;
    jm_bullets *bullets = NULL;
    jm_error err = {0};
    int rc = read_doc(cli->args[0], JM_ROLE_RESUME, &resume);
    if (rc == EXIT_OK)
        rc = read_doc(cli->args[1], JM_ROLE_POSTING, &posting);
    if (rc == EXIT_OK)
        rc = load_dictionaries(cli, &dict);
    if (rc == EXIT_OK)
        rc = load_rules(cli, &rules);
    jm_status st = JM_OK;
    if (rc == EXIT_OK) {
        st = jm_keywords_find(dict, resume, &kr, &err);
        if (st == JM_OK)
            st = jm_keywords_find(dict, posting, &kp, &err);
        if (st == JM_OK)
            st = jm_match(kr, kp, &res, &err);
        if (st == JM_OK)
            st = jm_bullets_analyze(rules, resume, &bullets, &err);
        jm_report_options opt = {.format = cli->format, .color = use_color(cli->color),
                                 .bullets = bullets};
        if (st == JM_OK)
            st = jm_report_match(res, &opt, write_stdout, NULL, &err);
        rc = finish(st, &err);
    }
    if (rc == EXIT_OK && cli->min_score >= 0 && jm_result_score(res) < cli->min_score)
        rc = EXIT_BELOW;
    jm_bullets_free(bullets);
    jm_result_free(res);
    jm_keywords_free(kp);
    jm_keywords_free(kr);
    jm_doc_free(posting);
    jm_doc_free(resume);
    jm_rules_free(rules);
    jm_dict_free(dict);
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
    if (rc == EXIT_OK && jm_bullets_tally(bullets, JM_TASK) > (size_t)cli->max_tasks)
        rc = EXIT_BELOW;
    jm_bullets_free(bullets);
    jm_doc_free(resume);
    jm_rules_free(rules);
    return rc;
}
