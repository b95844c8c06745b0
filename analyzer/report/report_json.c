/* report_json.c — the JSON report (SPEC §4; schema in README.md and
 * testdata/cli/report.schema.json), built with cJSON in a fixed key order.
 *
 * It writes every finding, suppressed ones included (marked), exactly as
 * given: paths, order and fingerprints are prepared by the caller
 * (report_relativize, finding_list_sort, report_fingerprints).  A missing
 * string is written as "" so every key always has the documented type, and
 * every string is valid UTF-8 (jbuild.h; "file_bytes" keeps a path's exact
 * bytes).
 */
#include "report/report.h"

#include "report/jbuild.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/escape.h"

#ifndef SOCKLEAK_VERSION
#define SOCKLEAK_VERSION "0.1.0"
#endif

/* "file", "line", "column" of loc into o. */
static void jb_loc(jb *b, cJSON *o, const fnd_loc *loc)
{
    jb_str(b, o, "file", loc->file);
    jb_num(b, o, "line", loc->line);
    jb_num(b, o, "column", loc->col);
}

/* The last key of an object with a "file": when the path is not valid
 * UTF-8 ("file" then has U+FFFD), "file_bytes", its exact bytes
 * percent-encoded (README: JSON output). */
static void jb_file_bytes(jb *b, cJSON *o, const fnd_loc *loc)
{
    if (!b->ok || esc_utf8_valid(loc->file))
        return;
    char *bytes = esc_percent(loc->file);
    if (!bytes)
        b->ok = 0;
    jb_str(b, o, "file_bytes", bytes);
    free(bytes);
}

static void json_trace(jb *b, cJSON *f_obj, const finding *f)
{
    cJSON *a = jb_arr(b, f_obj, "trace");
    for (size_t i = 0; i < f->ntrace && b->ok; i++) {
        cJSON *s = jb_push_obj(b, a);
        jb_loc(b, s, &f->trace[i].loc);
        jb_str(b, s, "message", f->trace[i].message);
        jb_file_bytes(b, s, &f->trace[i].loc);
    }
}

static void json_fix(jb *b, cJSON *f_obj, const finding *f)
{
    if (!f->fix_description)
        return;
    cJSON *fix = jb_obj(b, f_obj, "fix");
    jb_str(b, fix, "description", f->fix_description);
    cJSON *a = jb_arr(b, fix, "edits");
    for (size_t i = 0; i < f->nedits && b->ok; i++) {
        cJSON *e = jb_push_obj(b, a);
        jb_loc(b, e, &f->edits[i].loc);
        jb_num(b, e, "offset", f->edits[i].loc.off);
        jb_str(b, e, "insert", f->edits[i].insert);
        jb_file_bytes(b, e, &f->edits[i].loc);
    }
}

static void json_finding(jb *b, cJSON *arr, const finding *f)
{
    cJSON *o = jb_push_obj(b, arr);
    jb_str(b, o, "rule", sl_rule_id(f->rule));
    jb_str(b, o, "level", sl_level_name(f->level));
    jb_str(b, o, "message", f->message);
    jb_loc(b, o, &f->loc);
    jb_str(b, o, "function", f->function);
    jb_str(b, o, "variable", f->variable);
    jb_str(b, o, "resource", f->resource);
    cJSON *acq = jb_obj(b, o, "acquired");
    jb_loc(b, acq, &f->acquired);
    jb_str(b, acq, "call", f->acquired_call);
    jb_file_bytes(b, acq, &f->acquired);
    json_trace(b, o, f);
    json_fix(b, o, f);
    jb_str(b, o, "fingerprint", f->fingerprint);
    if (b->ok)
        jb_check(b, cJSON_AddBoolToObject(o, "suppressed", f->suppressed != 0));
    jb_file_bytes(b, o, &f->loc);
}

/* o["key"] = s, or null when s is NULL. */
static void json_str_or_null(jb *b, cJSON *o, const char *key, const char *s)
{
    if (s)
        jb_str(b, o, key, s);
    else if (b->ok)
        jb_check(b, cJSON_AddNullToObject(o, key));
}

/* "incomplete": [{"file", "function", "reason", "detail"}, ...] */
static void json_incomplete(jb *b, cJSON *o, const report_incomplete_list *l)
{
    cJSON *a = jb_arr(b, o, "incomplete");
    for (size_t i = 0; i < l->n && b->ok; i++) {
        const report_incomplete *it = &l->items[i];
        cJSON *e = jb_push_obj(b, a);
        json_str_or_null(b, e, "file", it->file);
        json_str_or_null(b, e, "function", it->function);
        jb_str(b, e, "reason", report_incomplete_reason(it->kind));
        jb_str(b, e, "detail", it->detail);
    }
}

static void json_summary(jb *b, cJSON *root, const finding_list *l,
                         const report_summary *s)
{
    size_t shown = 0, suppressed = 0;
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].suppressed)
            suppressed++;
        else
            shown++;
    cJSON *o = jb_obj(b, root, "summary");
    jb_num(b, o, "files", (double)s->files);
    jb_num(b, o, "failed_files", (double)s->failed_files);
    jb_num(b, o, "functions", (double)s->functions);
    jb_num(b, o, "findings", (double)shown);
    jb_num(b, o, "suppressed", (double)suppressed);
    jb_num(b, o, "partial_files", (double)s->partial_files);
    cJSON *a = jb_arr(b, o, "budget_exceeded");
    for (size_t i = 0; i < s->nbudget && b->ok; i++)
        jb_push(b, a, jb_string(b, s->budget_functions[i]));
    jb_num(b, o, "skipped_functions",
           (double)report_incomplete_count(&s->incomplete, RI_FUNCTION_SKIPPED));
    jb_num(b, o, "skipped_paths",
           (double)(report_incomplete_count(&s->incomplete, RI_DIR_UNREADABLE) +
                    report_incomplete_count(&s->incomplete, RI_PATH_TOO_LONG)));
    jb_num(b, o, "skipped_entries",
           (double)report_incomplete_count(&s->incomplete, RI_ENTRY_NOT_C));
    json_incomplete(b, o, &s->incomplete);
    /* milliseconds are enough, and keep the number short */
    jb_num(b, o, "seconds", (double)(long long)(s->seconds * 1000.0 + 0.5) / 1000.0);
}

/* The whole report as a cJSON tree, or NULL when out of memory. */
static cJSON *json_build(const finding_list *l, const report_summary *s)
{
    jb b = {1};
    cJSON *root = jb_check(&b, cJSON_CreateObject());
    cJSON *tool = jb_obj(&b, root, "tool");
    jb_str(&b, tool, "name", "sockleak");
    jb_str(&b, tool, "version", SOCKLEAK_VERSION);
    cJSON *arr = jb_arr(&b, root, "findings");
    for (size_t i = 0; i < l->n && b.ok; i++)
        json_finding(&b, arr, &l->items[i]);
    json_summary(&b, root, l, s);
    if (!b.ok) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

int report_json(FILE *out, const finding_list *l, const report_summary *s)
{
    static const report_summary none;
    return jb_write(out, json_build(l, s ? s : &none));
}
