/* report_sarif.c — the SARIF 2.1.0 report (SPEC §4), built with cJSON, in
 * the shape GitHub code scanning, GitLab and the VS Code SARIF viewer read:
 * one run whose tool.driver lists every rule (with help, default level and
 * CWE tags), one result per finding with its trace as a code flow, its
 * acquisition as a related location, its fingerprint, its fix, and an
 * inSource suppression when a comment suppressed it.  What the run could
 * not fully analyze (report/incomplete.h) is one toolExecutionNotification
 * each, described in tool.driver.notifications.
 *
 * The SARIF-only metadata of each rule (display name, long description, CWE,
 * a bad/good example) is the table sarif_rules below, indexed by sl_rule;
 * ids, default levels and one-line descriptions come from util/ruleid.h.
 * A rule added there but not here still gets a valid entry (its id as name,
 * its one-line description as help); testdata/cli/sarif_check.py fails
 * until the row is written.
 *
 * It writes the findings exactly as given (order, paths, fingerprints, fixes
 * are prepared by the caller).  Columns are clang's byte columns; SARIF's
 * default column kind counts UTF-16 units, which agrees on ASCII lines.
 * Artifact URIs percent-encode the path's bytes (util/escape.h), so they
 * are exact for any file name; every text is valid UTF-8 (jbuild.h).
 * Checked against the official schema by testdata/cli/sarif_format.sh.
 */
#include "report/report.h"

#include "report/jbuild.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/escape.h"

#ifndef SOCKLEAK_VERSION
#define SOCKLEAK_VERSION "0.1.0"
#endif

#define SARIF_SCHEMA_URI                                                       \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"     \
    "sarif-schema-2.1.0.json"
/* Placeholder until the project has a public home (see README). */
#define SARIF_INFO_URI "https://github.com/sockleak/sockleak"
#define SARIF_FP_KEY "sockleakFingerprint/v1"

/* ---- rule metadata ----------------------------------------------------- */

typedef struct sarif_rule {
    const char *name;        /* SARIF reportingDescriptor.name */
    const char *full;        /* fullDescription */
    const char *cwe[2];      /* "CWE-775"; NULL-padded */
    const char *bad, *good;  /* minimal C examples, "\n"-terminated */
} sarif_rule;

static const sarif_rule sarif_rules[SL_RULE_COUNT] = {
    [SL_RULE_RESOURCE_LEAK] = {
        "ResourceLeak",
        "A socket, file descriptor or other handle acquired in a function is "
        "still open when a path leaves the function (return, falling off the "
        "end, a jump out of the variable's scope) or when its only variable "
        "is overwritten. Each leaked descriptor stays allocated until the "
        "process exits; a server that leaks one per error eventually fails "
        "with EMFILE.",
        {"CWE-775", NULL},
        "int fd = socket(AF_INET, SOCK_STREAM, 0);\n"
        "if (fd < 0)\n    return -1;\n"
        "if (connect(fd, sa, len) < 0)\n    return -1;   /* fd leaks */\n",
        "int fd = socket(AF_INET, SOCK_STREAM, 0);\n"
        "if (fd < 0)\n    return -1;\n"
        "if (connect(fd, sa, len) < 0) {\n    close(fd);\n    return -1;\n}\n",
    },
    [SL_RULE_SHUTDOWN_WITHOUT_CLOSE] = {
        "ShutdownWithoutClose",
        "A socket is passed to shutdown() and then leaves the function "
        "without close(). shutdown() ends the connection in one or both "
        "directions but does not free the descriptor: it stays allocated, "
        "and after SHUT_WR alone the connection can sit in FIN_WAIT2 or "
        "CLOSE_WAIT.",
        {"CWE-775", NULL},
        "shutdown(client, SHUT_WR);\nreturn 0;   /* client is never closed */\n",
        "shutdown(client, SHUT_WR);\nclose(client);\nreturn 0;\n",
    },
    [SL_RULE_DOUBLE_CLOSE] = {
        "DoubleClose",
        "A descriptor or handle is released a second time on some path. "
        "Between the two calls another thread may have been given the same "
        "descriptor number for a new file or socket, which the second "
        "close() then closes behind its back.",
        {"CWE-1341", "CWE-675"},
        "close(fd);\nif (err)\n    close(fd);   /* second close */\n",
        "close(fd);\nfd = -1;\nif (err && fd >= 0)\n    close(fd);\n",
    },
    [SL_RULE_USE_AFTER_CLOSE] = {
        "UseAfterClose",
        "A descriptor or handle is used (send, recv, read, write, setsockopt, "
        "...) after it was released on the same path. The call fails with "
        "EBADF at best; at worst the number now belongs to another open file "
        "and the call reads or writes the wrong one.",
        {"CWE-672", NULL},
        "close(fd);\nwrite(fd, buf, n);   /* fd is closed */\n",
        "write(fd, buf, n);\nclose(fd);\n",
    },
    [SL_RULE_USE_BEFORE_CHECK] = {
        "UseBeforeCheck",
        "A value whose acquisition may have failed (socket() may return -1, "
        "fopen() may return NULL) is used before any validity check on that "
        "path, so the failure goes unnoticed and the call operates on an "
        "invalid handle.",
        {"CWE-252", NULL},
        "int fd = socket(AF_INET, SOCK_STREAM, 0);\n"
        "setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);\n",
        "int fd = socket(AF_INET, SOCK_STREAM, 0);\n"
        "if (fd < 0)\n    return -1;\n"
        "setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);\n",
    },
};

const char *report_rule_cwe(sl_rule r)
{
    return r < SL_RULE_COUNT ? sarif_rules[r].cwe[0] : NULL;
}

/* ---- builder ----------------------------------------------------------- */

/* {"text": text} under key. */
static void jb_message(jb *b, cJSON *o, const char *key, const char *text)
{
    jb_str(b, jb_obj(b, o, key), "text", text);
}

/* ---- URIs -------------------------------------------------------------- */

/* artifactLocation of file: relative paths under %SRCROOT%, absolute ones
 * as file:// URIs. */
static void sarif_artifact(jb *b, cJSON *o, const char *file)
{
    cJSON *a = jb_obj(b, o, "artifactLocation");
    const char *f = file && *file ? file : "unknown";
    char *esc = esc_percent(f);
    if (!esc) {
        b->ok = 0;
        return;
    }
    if (f[0] == '/') {
        char *uri = malloc(strlen(esc) + 8);
        if (uri)
            sprintf(uri, "file://%s", esc);
        else
            b->ok = 0;
        jb_str(b, a, "uri", uri);
        free(uri);
    } else {
        jb_str(b, a, "uri", esc);
        jb_str(b, a, "uriBaseId", "%SRCROOT%");
    }
    free(esc);
}

/* {"physicalLocation": {artifactLocation, region}} into o. */
static void sarif_physical(jb *b, cJSON *o, const fnd_loc *loc)
{
    cJSON *p = jb_obj(b, o, "physicalLocation");
    sarif_artifact(b, p, loc->file);
    cJSON *r = jb_obj(b, p, "region");
    jb_num(b, r, "startLine", loc->line ? loc->line : 1);
    jb_num(b, r, "startColumn", loc->col ? loc->col : 1);
}

/* ---- tool.driver ------------------------------------------------------- */

/* The long description of r: the table's, or the one-line one for a rule
 * the table does not describe yet. */
static const char *sarif_full(sl_rule r)
{
    return sarif_rules[r].full ? sarif_rules[r].full : sl_rule_description(r);
}

/* help.text and help.markdown of rule r, heap strings (NULL on OOM). */
static char *sarif_help(sl_rule r, int markdown)
{
    const sarif_rule *m = &sarif_rules[r];
    const char *fmt = !m->bad || !m->good ? "%s\n"
        : markdown ? "%s\n\n**Bad**\n\n```c\n%s```\n\n**Good**\n\n```c\n%s```\n"
                   : "%s\n\nBad:\n\n%s\nGood:\n\n%s";
    const char *bad = m->bad ? m->bad : "", *good = m->good ? m->good : "";
    int n = snprintf(NULL, 0, fmt, sarif_full(r), bad, good);
    char *s = n < 0 ? NULL : malloc((size_t)n + 1);
    if (s)
        snprintf(s, (size_t)n + 1, fmt, sarif_full(r), bad, good);
    return s;
}

static void sarif_tags(jb *b, cJSON *props, sl_rule r)
{
    cJSON *tags = jb_arr(b, props, "tags");
    jb_push(b, tags, cJSON_CreateString("reliability"));
    for (int i = 0; i < 2 && sarif_rules[r].cwe[i]; i++) {
        const char *cwe = sarif_rules[r].cwe[i];
        char gh[40];   /* GitHub's spelling: external/cwe/cwe-775 */
        snprintf(gh, sizeof gh, "external/cwe/cwe-%s", cwe + 4);
        jb_push(b, tags, cJSON_CreateString(cwe));
        jb_push(b, tags, cJSON_CreateString(gh));
    }
}

static void sarif_rule_desc(jb *b, cJSON *rules, sl_rule r)
{
    cJSON *o = jb_push_obj(b, rules);
    jb_str(b, o, "id", sl_rule_id(r));
    jb_str(b, o, "name", sarif_rules[r].name ? sarif_rules[r].name : sl_rule_id(r));
    jb_message(b, o, "shortDescription", sl_rule_description(r));
    jb_message(b, o, "fullDescription", sarif_full(r));
    char *text = sarif_help(r, 0), *md = sarif_help(r, 1);
    if (!text || !md)
        b->ok = 0;
    cJSON *help = jb_obj(b, o, "help");
    jb_str(b, help, "text", text);
    jb_str(b, help, "markdown", md);
    free(text);
    free(md);
    cJSON *conf = jb_obj(b, o, "defaultConfiguration");
    jb_str(b, conf, "level", sl_level_name(sl_rule_default_level(r)));
    sarif_tags(b, jb_obj(b, o, "properties"), r);
}

static void sarif_tool(jb *b, cJSON *run)
{
    cJSON *drv = jb_obj(b, jb_obj(b, run, "tool"), "driver");
    jb_str(b, drv, "name", "sockleak");
    jb_str(b, drv, "version", SOCKLEAK_VERSION);
    jb_str(b, drv, "semanticVersion", SOCKLEAK_VERSION);
    jb_str(b, drv, "informationUri", SARIF_INFO_URI);
    cJSON *rules = jb_arr(b, drv, "rules");
    for (int r = 0; r < SL_RULE_COUNT && b->ok; r++)
        sarif_rule_desc(b, rules, (sl_rule)r);
    /* what the toolExecutionNotifications say, indexed by kind */
    cJSON *notes = jb_arr(b, drv, "notifications");
    for (int k = 0; k < RI_KIND_COUNT && b->ok; k++) {
        cJSON *o = jb_push_obj(b, notes);
        char text[96];
        snprintf(text, sizeof text, "%s %s",
                 report_incomplete_noun((report_incomplete_kind)k, 1),
                 report_incomplete_what((report_incomplete_kind)k));
        jb_str(b, o, "id", report_incomplete_reason((report_incomplete_kind)k));
        jb_message(b, o, "shortDescription", text);
        jb_str(b, jb_obj(b, o, "defaultConfiguration"), "level",
               report_incomplete_level((report_incomplete_kind)k));
    }
}

/* ---- results ----------------------------------------------------------- */

static void sarif_related(jb *b, cJSON *res, const finding *f)
{
    cJSON *o = jb_push_obj(b, jb_arr(b, res, "relatedLocations"));
    jb_num(b, o, "id", 1);
    sarif_physical(b, o, &f->acquired);
    char text[256];
    snprintf(text, sizeof text, "'%s' acquired by %s()",
             f->variable ? f->variable : "", f->acquired_call ? f->acquired_call : "?");
    int first_is_acq = f->ntrace && f->trace[0].loc.line == f->acquired.line &&
                       f->trace[0].loc.col == f->acquired.col;
    jb_message(b, o, "message", first_is_acq ? f->trace[0].message : text);
}

static void sarif_code_flow(jb *b, cJSON *res, const finding *f)
{
    if (f->ntrace == 0)
        return;
    cJSON *flow = jb_push_obj(b, jb_arr(b, res, "codeFlows"));
    cJSON *tf = jb_push_obj(b, jb_arr(b, flow, "threadFlows"));
    cJSON *locs = jb_arr(b, tf, "locations");
    for (size_t i = 0; i < f->ntrace && b->ok; i++) {
        cJSON *tfl = jb_push_obj(b, locs);
        cJSON *loc = jb_obj(b, tfl, "location");
        sarif_physical(b, loc, &f->trace[i].loc);
        jb_message(b, loc, "message", f->trace[i].message);
    }
}

/* One replacement: an empty region at the edit's position, and its text. */
static void sarif_replacement(jb *b, cJSON *reps, const fnd_edit *e)
{
    cJSON *o = jb_push_obj(b, reps);
    cJSON *r = jb_obj(b, o, "deletedRegion");
    jb_num(b, r, "startLine", e->loc.line);
    jb_num(b, r, "startColumn", e->loc.col);
    jb_num(b, r, "endLine", e->loc.line);
    jb_num(b, r, "endColumn", e->loc.col);
    jb_num(b, r, "charOffset", e->loc.off);
    jb_num(b, r, "charLength", 0);
    jb_str(b, jb_obj(b, o, "insertedContent"), "text", e->insert);
}

static int sarif_same_file(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* fixes[0]: one artifactChange per run of edits in the same file. */
static void sarif_fix(jb *b, cJSON *res, const finding *f)
{
    if (!f->fix_description || f->nedits == 0)
        return;
    cJSON *fix = jb_push_obj(b, jb_arr(b, res, "fixes"));
    jb_message(b, fix, "description", f->fix_description);
    cJSON *changes = jb_arr(b, fix, "artifactChanges"), *reps = NULL;
    for (size_t i = 0; i < f->nedits && b->ok; i++) {
        const fnd_edit *e = &f->edits[i];
        if (i == 0 || !sarif_same_file(e->loc.file, f->edits[i - 1].loc.file)) {
            cJSON *ch = jb_push_obj(b, changes);
            sarif_artifact(b, ch, e->loc.file);
            reps = jb_arr(b, ch, "replacements");
        }
        sarif_replacement(b, reps, e);
    }
}

static void sarif_result(jb *b, cJSON *results, const finding *f)
{
    cJSON *o = jb_push_obj(b, results);
    jb_str(b, o, "ruleId", sl_rule_id(f->rule));
    jb_num(b, o, "ruleIndex", (double)f->rule);
    jb_str(b, o, "level", sl_level_name(f->level));
    jb_message(b, o, "message", f->message);
    cJSON *loc = jb_push_obj(b, jb_arr(b, o, "locations"));
    sarif_physical(b, loc, &f->loc);
    if (f->function && *f->function) {
        cJSON *ll = jb_push_obj(b, jb_arr(b, loc, "logicalLocations"));
        jb_str(b, ll, "name", f->function);
        jb_str(b, ll, "kind", "function");
    }
    sarif_related(b, o, f);
    sarif_code_flow(b, o, f);
    if (f->fingerprint)
        jb_str(b, jb_obj(b, o, "partialFingerprints"), SARIF_FP_KEY,
               f->fingerprint);
    sarif_fix(b, o, f);
    if (f->suppressed)
        jb_str(b, jb_push_obj(b, jb_arr(b, o, "suppressions")), "kind",
               "inSource");
}

/* ---- run --------------------------------------------------------------- */

/* originalUriBaseIds: %SRCROOT% is the directory sockleak ran in. */
static void sarif_srcroot(jb *b, cJSON *run)
{
    char *cwd = getcwd(NULL, 0);
    if (!cwd)
        return;
    char *esc = esc_percent(cwd);
    char *uri = esc ? malloc(strlen(esc) + 9) : NULL;
    if (uri) {
        sprintf(uri, "file://%s%s", esc, strcmp(esc, "/") ? "/" : "");
        cJSON *root = jb_obj(b, jb_obj(b, run, "originalUriBaseIds"), "%SRCROOT%");
        jb_str(b, root, "uri", uri);
    } else {
        b->ok = 0;
    }
    free(uri);
    free(esc);
    free(cwd);
}

/* One notification: level, message, descriptor (by reason), and where,
 * when known: the file, and the function as a logical location. */
static void sarif_notification(jb *b, cJSON *notes, const report_incomplete *it)
{
    cJSON *n = jb_push_obj(b, notes);
    cJSON *d = jb_obj(b, n, "descriptor");
    jb_str(b, d, "id", report_incomplete_reason(it->kind));
    jb_num(b, d, "index", (double)it->kind);
    jb_str(b, n, "level", report_incomplete_level(it->kind));
    char *text = report_incomplete_text(it);
    if (!text)
        b->ok = 0;
    jb_message(b, n, "message", text);
    free(text);
    if (!it->file && !it->function)
        return;
    cJSON *loc = jb_push_obj(b, jb_arr(b, n, "locations"));
    if (it->file)
        sarif_artifact(b, jb_obj(b, loc, "physicalLocation"), it->file);
    if (it->function) {
        cJSON *ll = jb_push_obj(b, jb_arr(b, loc, "logicalLocations"));
        jb_str(b, ll, "name", it->function);
        jb_str(b, ll, "kind", "function");
    }
}

/* invocations[0]: whether the run succeeded (nothing left unanalyzed that
 * fails it), and one notification per incomplete item. */
static void sarif_invocation(jb *b, cJSON *run, const report_summary *s)
{
    cJSON *inv = jb_push_obj(b, jb_arr(b, run, "invocations"));
    int failed = s->failed_files ||
                 report_incomplete_fails(&s->incomplete, s->strict_incomplete);
    jb_bool(b, inv, "executionSuccessful", !failed);
    if (s->incomplete.n == 0)
        return;
    cJSON *notes = jb_arr(b, inv, "toolExecutionNotifications");
    for (size_t i = 0; i < s->incomplete.n && b->ok; i++)
        sarif_notification(b, notes, &s->incomplete.items[i]);
}

static cJSON *sarif_build(const finding_list *l, const report_summary *s)
{
    jb b = {1};
    cJSON *root = jb_check(&b, cJSON_CreateObject());
    jb_str(&b, root, "$schema", SARIF_SCHEMA_URI);
    jb_str(&b, root, "version", "2.1.0");
    cJSON *run = jb_push_obj(&b, jb_arr(&b, root, "runs"));
    sarif_tool(&b, run);
    sarif_srcroot(&b, run);
    sarif_invocation(&b, run, s);
    cJSON *results = jb_arr(&b, run, "results");
    for (size_t i = 0; i < l->n && b.ok; i++)
        sarif_result(&b, results, &l->items[i]);
    if (!b.ok) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

int report_sarif(FILE *out, const finding_list *l, const report_summary *s)
{
    static const report_summary none;
    return jb_write(out, sarif_build(l, s ? s : &none));
}
