/* report_sarif.c — the SARIF 2.1.0 report (SPEC §4), built with cJSON, in
 * the shape GitHub code scanning, GitLab and the VS Code SARIF viewer read:
 * one run whose tool.driver lists every rule (with help, default level and
 * CWE tags), one result per finding with its trace as a code flow, its
 * acquisition as a related location, its fingerprint, its fix, and an
 * inSource suppression when a comment suppressed it.
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
 * Checked against the official schema by testdata/cli/sarif_format.sh.
 */
#include "report/report.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* ok drops to 0 at the first allocation failure; every helper is then a
 * no-op and the caller reports -1. */
typedef struct sb {
    int ok;
} sb;

static cJSON *sb_check(sb *b, cJSON *item)
{
    if (!item)
        b->ok = 0;
    return item;
}

static void sb_str(sb *b, cJSON *o, const char *key, const char *v)
{
    if (b->ok)
        sb_check(b, cJSON_AddStringToObject(o, key, v ? v : ""));
}

static void sb_num(sb *b, cJSON *o, const char *key, double v)
{
    if (b->ok)
        sb_check(b, cJSON_AddNumberToObject(o, key, v));
}

static void sb_bool(sb *b, cJSON *o, const char *key, int v)
{
    if (b->ok)
        sb_check(b, cJSON_AddBoolToObject(o, key, v != 0));
}

static cJSON *sb_obj(sb *b, cJSON *o, const char *key)
{
    return b->ok ? sb_check(b, cJSON_AddObjectToObject(o, key)) : NULL;
}

static cJSON *sb_arr(sb *b, cJSON *o, const char *key)
{
    return b->ok ? sb_check(b, cJSON_AddArrayToObject(o, key)) : NULL;
}

/* Appends item (may be NULL after a failure) to array a. */
static cJSON *sb_push(sb *b, cJSON *a, cJSON *item)
{
    if (!b->ok || !sb_check(b, item))
        return NULL;
    if (!cJSON_AddItemToArray(a, item)) {
        cJSON_Delete(item);
        b->ok = 0;
        return NULL;
    }
    return item;
}

static cJSON *sb_push_obj(sb *b, cJSON *a)
{
    return b->ok ? sb_push(b, a, cJSON_CreateObject()) : NULL;
}

/* {"text": text} under key. */
static void sb_message(sb *b, cJSON *o, const char *key, const char *text)
{
    sb_str(b, sb_obj(b, o, key), "text", text);
}

/* ---- URIs -------------------------------------------------------------- */

/* path percent-encoded as a URI reference (RFC 3986: unreserved characters
 * and '/' are kept).  Heap string, or NULL when out of memory. */
static char *sarif_uri_escape(const char *path)
{
    static const char keep[] = "-._~/";
    size_t n = strlen(path);
    char *out = malloc(3 * n + 1), *o = out;
    if (!out)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || (*p && strchr(keep, *p)))
            *o++ = (char)*p;
        else
            o += sprintf(o, "%%%02X", *p);
    }
    *o = '\0';
    return out;
}

/* artifactLocation of file: relative paths under %SRCROOT%, absolute ones
 * as file:// URIs. */
static void sarif_artifact(sb *b, cJSON *o, const char *file)
{
    cJSON *a = sb_obj(b, o, "artifactLocation");
    const char *f = file && *file ? file : "unknown";
    char *esc = sarif_uri_escape(f);
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
        sb_str(b, a, "uri", uri);
        free(uri);
    } else {
        sb_str(b, a, "uri", esc);
        sb_str(b, a, "uriBaseId", "%SRCROOT%");
    }
    free(esc);
}

/* {"physicalLocation": {artifactLocation, region}} into o. */
static void sarif_physical(sb *b, cJSON *o, const fnd_loc *loc)
{
    cJSON *p = sb_obj(b, o, "physicalLocation");
    sarif_artifact(b, p, loc->file);
    cJSON *r = sb_obj(b, p, "region");
    sb_num(b, r, "startLine", loc->line ? loc->line : 1);
    sb_num(b, r, "startColumn", loc->col ? loc->col : 1);
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

static void sarif_tags(sb *b, cJSON *props, sl_rule r)
{
    cJSON *tags = sb_arr(b, props, "tags");
    sb_push(b, tags, cJSON_CreateString("reliability"));
    for (int i = 0; i < 2 && sarif_rules[r].cwe[i]; i++) {
        const char *cwe = sarif_rules[r].cwe[i];
        char gh[40];   /* GitHub's spelling: external/cwe/cwe-775 */
        snprintf(gh, sizeof gh, "external/cwe/cwe-%s", cwe + 4);
        sb_push(b, tags, cJSON_CreateString(cwe));
        sb_push(b, tags, cJSON_CreateString(gh));
    }
}

static void sarif_rule_desc(sb *b, cJSON *rules, sl_rule r)
{
    cJSON *o = sb_push_obj(b, rules);
    sb_str(b, o, "id", sl_rule_id(r));
    sb_str(b, o, "name", sarif_rules[r].name ? sarif_rules[r].name : sl_rule_id(r));
    sb_message(b, o, "shortDescription", sl_rule_description(r));
    sb_message(b, o, "fullDescription", sarif_full(r));
    char *text = sarif_help(r, 0), *md = sarif_help(r, 1);
    if (!text || !md)
        b->ok = 0;
    cJSON *help = sb_obj(b, o, "help");
    sb_str(b, help, "text", text);
    sb_str(b, help, "markdown", md);
    free(text);
    free(md);
    cJSON *conf = sb_obj(b, o, "defaultConfiguration");
    sb_str(b, conf, "level", sl_level_name(sl_rule_default_level(r)));
    sarif_tags(b, sb_obj(b, o, "properties"), r);
}

static void sarif_tool(sb *b, cJSON *run)
{
    cJSON *drv = sb_obj(b, sb_obj(b, run, "tool"), "driver");
    sb_str(b, drv, "name", "sockleak");
    sb_str(b, drv, "version", SOCKLEAK_VERSION);
    sb_str(b, drv, "semanticVersion", SOCKLEAK_VERSION);
    sb_str(b, drv, "informationUri", SARIF_INFO_URI);
    cJSON *rules = sb_arr(b, drv, "rules");
    for (int r = 0; r < SL_RULE_COUNT && b->ok; r++)
        sarif_rule_desc(b, rules, (sl_rule)r);
}

/* ---- results ----------------------------------------------------------- */

static void sarif_related(sb *b, cJSON *res, const finding *f)
{
    cJSON *o = sb_push_obj(b, sb_arr(b, res, "relatedLocations"));
    sb_num(b, o, "id", 1);
    sarif_physical(b, o, &f->acquired);
    char text[256];
    snprintf(text, sizeof text, "'%s' acquired by %s()",
             f->variable ? f->variable : "", f->acquired_call ? f->acquired_call : "?");
    int first_is_acq = f->ntrace && f->trace[0].loc.line == f->acquired.line &&
                       f->trace[0].loc.col == f->acquired.col;
    sb_message(b, o, "message", first_is_acq ? f->trace[0].message : text);
}

static void sarif_code_flow(sb *b, cJSON *res, const finding *f)
{
    if (f->ntrace == 0)
        return;
    cJSON *flow = sb_push_obj(b, sb_arr(b, res, "codeFlows"));
    cJSON *tf = sb_push_obj(b, sb_arr(b, flow, "threadFlows"));
    cJSON *locs = sb_arr(b, tf, "locations");
    for (size_t i = 0; i < f->ntrace && b->ok; i++) {
        cJSON *tfl = sb_push_obj(b, locs);
        cJSON *loc = sb_obj(b, tfl, "location");
        sarif_physical(b, loc, &f->trace[i].loc);
        sb_message(b, loc, "message", f->trace[i].message);
    }
}

/* One replacement: an empty region at the edit's position, and its text. */
static void sarif_replacement(sb *b, cJSON *reps, const fnd_edit *e)
{
    cJSON *o = sb_push_obj(b, reps);
    cJSON *r = sb_obj(b, o, "deletedRegion");
    sb_num(b, r, "startLine", e->loc.line);
    sb_num(b, r, "startColumn", e->loc.col);
    sb_num(b, r, "endLine", e->loc.line);
    sb_num(b, r, "endColumn", e->loc.col);
    sb_num(b, r, "charOffset", e->loc.off);
    sb_num(b, r, "charLength", 0);
    sb_str(b, sb_obj(b, o, "insertedContent"), "text", e->insert);
}

static int sarif_same_file(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* fixes[0]: one artifactChange per run of edits in the same file. */
static void sarif_fix(sb *b, cJSON *res, const finding *f)
{
    if (!f->fix_description || f->nedits == 0)
        return;
    cJSON *fix = sb_push_obj(b, sb_arr(b, res, "fixes"));
    sb_message(b, fix, "description", f->fix_description);
    cJSON *changes = sb_arr(b, fix, "artifactChanges"), *reps = NULL;
    for (size_t i = 0; i < f->nedits && b->ok; i++) {
        const fnd_edit *e = &f->edits[i];
        if (i == 0 || !sarif_same_file(e->loc.file, f->edits[i - 1].loc.file)) {
            cJSON *ch = sb_push_obj(b, changes);
            sarif_artifact(b, ch, e->loc.file);
            reps = sb_arr(b, ch, "replacements");
        }
        sarif_replacement(b, reps, e);
    }
}

static void sarif_result(sb *b, cJSON *results, const finding *f)
{
    cJSON *o = sb_push_obj(b, results);
    sb_str(b, o, "ruleId", sl_rule_id(f->rule));
    sb_num(b, o, "ruleIndex", (double)f->rule);
    sb_str(b, o, "level", sl_level_name(f->level));
    sb_message(b, o, "message", f->message);
    cJSON *loc = sb_push_obj(b, sb_arr(b, o, "locations"));
    sarif_physical(b, loc, &f->loc);
    if (f->function && *f->function) {
        cJSON *ll = sb_push_obj(b, sb_arr(b, loc, "logicalLocations"));
        sb_str(b, ll, "name", f->function);
        sb_str(b, ll, "kind", "function");
    }
    sarif_related(b, o, f);
    sarif_code_flow(b, o, f);
    if (f->fingerprint)
        sb_str(b, sb_obj(b, o, "partialFingerprints"), SARIF_FP_KEY,
               f->fingerprint);
    sarif_fix(b, o, f);
    if (f->suppressed)
        sb_str(b, sb_push_obj(b, sb_arr(b, o, "suppressions")), "kind",
               "inSource");
}

/* ---- run --------------------------------------------------------------- */

/* originalUriBaseIds: %SRCROOT% is the directory sockleak ran in. */
static void sarif_srcroot(sb *b, cJSON *run)
{
    char *cwd = getcwd(NULL, 0);
    if (!cwd)
        return;
    char *esc = sarif_uri_escape(cwd);
    char *uri = esc ? malloc(strlen(esc) + 9) : NULL;
    if (uri) {
        sprintf(uri, "file://%s%s", esc, strcmp(esc, "/") ? "/" : "");
        cJSON *root = sb_obj(b, sb_obj(b, run, "originalUriBaseIds"), "%SRCROOT%");
        sb_str(b, root, "uri", uri);
    } else {
        b->ok = 0;
    }
    free(uri);
    free(esc);
    free(cwd);
}

/* invocations[0]: success, and one notification per budget function. */
static void sarif_invocation(sb *b, cJSON *run, const report_summary *s)
{
    cJSON *inv = sb_push_obj(b, sb_arr(b, run, "invocations"));
    sb_bool(b, inv, "executionSuccessful", s->failed_files == 0);
    if (s->nbudget == 0)
        return;
    cJSON *notes = sb_arr(b, inv, "toolExecutionNotifications");
    for (size_t i = 0; i < s->nbudget && b->ok; i++) {
        cJSON *n = sb_push_obj(b, notes);
        sb_str(b, n, "level", "warning");
        char text[512];
        snprintf(text, sizeof text, "%s: too many paths; not analyzed",
                 s->budget_functions[i] ? s->budget_functions[i] : "?");
        sb_message(b, n, "message", text);
    }
}

static cJSON *sarif_build(const finding_list *l, const report_summary *s)
{
    sb b = {1};
    cJSON *root = sb_check(&b, cJSON_CreateObject());
    sb_str(&b, root, "$schema", SARIF_SCHEMA_URI);
    sb_str(&b, root, "version", "2.1.0");
    cJSON *run = sb_push_obj(&b, sb_arr(&b, root, "runs"));
    sarif_tool(&b, run);
    sarif_srcroot(&b, run);
    sarif_invocation(&b, run, s);
    cJSON *results = sb_arr(&b, run, "results");
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
    cJSON *root = sarif_build(l, s ? s : &none);
    if (!root)
        return -1;
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return -1;
    int rc = (fputs(text, out) == EOF || fputc('\n', out) == EOF) ? -1 : 0;
    cJSON_free(text);
    return (rc != 0 || ferror(out)) ? -1 : 0;
}
