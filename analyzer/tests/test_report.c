/* test_report.c — unit tests for the finding list (engine/finding.c) and the
 * report layer (report/): sort order, relative paths, fingerprints, the exact
 * text lines, the JSON report's keys, order and values, and the summary.
 *
 * Findings are built by hand; nothing here runs the front or the engine.
 */
#define _GNU_SOURCE /* vasprintf */
#include "engine/finding.h"
#include "report/report.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/check.h"

static char *xstrdup(const char *s)
{
    char *p = strdup(s);
    if (!p) {
        perror("strdup");
        exit(2);
    }
    return p;
}

static char *xprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = NULL;
    if (vasprintf(&p, fmt, ap) < 0) {
        perror("vasprintf");
        exit(2);
    }
    va_end(ap);
    return p;
}

static fnd_loc loc(const char *file, unsigned line, unsigned col)
{
    return (fnd_loc){xstrdup(file), line, col, 0};
}

/* A finding with no trace and no fix; the list takes it over on push. */
static finding mk(sl_rule r, const char *file, unsigned line, unsigned col,
                  const char *func, const char *var, const char *call)
{
    finding f = {0};
    f.rule = r;
    f.level = sl_rule_default_level(r);
    f.message = xprintf("%s on '%s'", sl_rule_id(r), var);
    f.loc = loc(file, line, col);
    f.function = xstrdup(func);
    f.variable = xstrdup(var);
    f.resource = xstrdup("socket");
    f.acquired = loc(file, line > 5 ? line - 5 : 1, 14);
    f.acquired_call = xstrdup(call);
    return f;
}

static void add_step(finding *f, const char *file, unsigned line, unsigned col,
                     const char *msg)
{
    f->trace = realloc(f->trace, (f->ntrace + 1) * sizeof *f->trace);
    if (!f->trace)
        exit(2);
    f->trace[f->ntrace].loc = loc(file, line, col);
    f->trace[f->ntrace].message = xstrdup(msg);
    f->ntrace++;
}

static void push(finding_list *l, finding f)
{
    if (finding_list_push(l, &f) != 0) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
}

/* SPEC §4's example: the leak in dial(), with its four steps and a fix. */
static finding mk_dial(void)
{
    finding f = mk(SL_RULE_RESOURCE_LEAK, "src/net.c", 57, 9, "dial", "fd", "socket");
    free(f.message);
    f.message = xstrdup("socket 'fd' from socket() at line 42 is not closed when "
                        "connect() fails");
    f.acquired.line = 42;
    add_step(&f, "src/net.c", 42, 14, "'fd' acquired by socket()");
    add_step(&f, "src/net.c", 44, 9, "taking the false branch of 'fd < 0'");
    add_step(&f, "src/net.c", 56, 9, "taking the true branch of 'connect(...) < 0'");
    add_step(&f, "src/net.c", 57, 9, "returning without closing 'fd'");
    f.fix_description = xstrdup("close 'fd' before returning");
    f.edits = calloc(1, sizeof *f.edits);
    if (!f.edits)
        exit(2);
    f.edits[0].loc = (fnd_loc){xstrdup("src/net.c"), 57, 9, 1234};
    f.edits[0].insert = xstrdup("close(fd);\n        ");
    f.nedits = 1;
    return f;
}

/* A double close in hangup() with two steps; no fix. */
static finding mk_hangup(void)
{
    finding f = mk(SL_RULE_DOUBLE_CLOSE, "src/net.c", 80, 5, "hangup", "s", "accept");
    add_step(&f, "src/net.c", 70, 10, "'s' acquired by accept()");
    add_step(&f, "src/net.c", 75, 5, "'s' closed here");
    return f;
}

/* The dial/hangup list, sorted and fingerprinted, plus one suppressed leak. */
static void mk_example(finding_list *l)
{
    push(l, mk_hangup());
    push(l, mk_dial());
    finding s = mk(SL_RULE_RESOURCE_LEAK, "src/net.c", 90, 3, "quiet", "q", "open");
    s.suppressed = 1;
    push(l, s);
    finding_list_sort(l);
    report_fingerprints(l);
}

/* Everything written to a memstream by fn, as one heap string. */
typedef struct capture {
    char *buf;
    size_t len;
    FILE *f;
} capture;

static FILE *cap_open(capture *c)
{
    memset(c, 0, sizeof *c);
    c->f = open_memstream(&c->buf, &c->len);
    if (!c->f)
        exit(2);
    return c->f;
}

static char *cap_close(capture *c)
{
    fclose(c->f);
    return c->buf;
}

/* ---- finding list ------------------------------------------------------ */

static void test_sort(void)
{
    finding_list l = {0};
    push(&l, mk(SL_RULE_DOUBLE_CLOSE, "b.c", 1, 1, "f", "x", "socket"));
    push(&l, mk(SL_RULE_DOUBLE_CLOSE, "a.c", 10, 2, "f", "x", "socket"));
    push(&l, mk(SL_RULE_RESOURCE_LEAK, "a.c", 10, 2, "f", "x", "socket"));
    push(&l, mk(SL_RULE_RESOURCE_LEAK, "a.c", 10, 1, "f", "x", "socket"));
    push(&l, mk(SL_RULE_RESOURCE_LEAK, "a.c", 9, 7, "f", "x", "socket"));
    push(&l, mk(SL_RULE_RESOURCE_LEAK, "a.c", 10, 2, "f", "a", "socket"));
    finding_list_sort(&l);
    CHECK(l.n == 6);
    CHECK_STR(l.items[0].loc.file, "a.c");
    CHECK(l.items[0].loc.line == 9);
    CHECK(l.items[1].loc.line == 10 && l.items[1].loc.col == 1);
    CHECK(l.items[2].rule == SL_RULE_RESOURCE_LEAK);
    CHECK_STR(l.items[2].message, "resource-leak on 'a'"); /* message breaks the tie */
    CHECK(l.items[3].rule == SL_RULE_RESOURCE_LEAK);
    CHECK_STR(l.items[3].message, "resource-leak on 'x'");
    CHECK(l.items[4].rule == SL_RULE_DOUBLE_CLOSE);
    CHECK_STR(l.items[5].loc.file, "b.c");
    finding_list_clear(&l);
    CHECK(l.n == 0 && l.items == NULL);
    finding_list_clear(NULL);
    finding_clear(NULL);
}

static void test_take(void)
{
    finding_list a = {0}, b = {0}, c = {0};
    for (unsigned i = 0; i < 40; i++) /* past the first growth */
        push(&a, mk(SL_RULE_RESOURCE_LEAK, "a.c", i + 1, 1, "f", "x", "socket"));
    push(&b, mk(SL_RULE_RESOURCE_LEAK, "b.c", 1, 1, "g", "y", "open"));
    CHECK(finding_list_take(&c, &b) == 0); /* into an empty list */
    CHECK(c.n == 1 && b.n == 0);
    CHECK(finding_list_take(&c, &a) == 0);
    CHECK(c.n == 41 && a.n == 0);
    CHECK_STR(c.items[0].loc.file, "b.c");
    CHECK(c.items[40].loc.line == 40);
    finding_list_clear(&a);
    finding_list_clear(&b);
    finding_list_clear(&c);
}

/* ---- fingerprints ------------------------------------------------------ */

/* The documented recipe, computed independently, so a change to it (which
 * would invalidate users' baselines) fails here. */
static void expected_fp(char out[17], const char *rule, const char *file,
                        const char *func, const char *var, const char *call,
                        unsigned ordinal)
{
    char ord[16];
    snprintf(ord, sizeof ord, "%u", ordinal);
    const char *fields[] = {rule, file, func, var, call, ord};
    uint64_t h = UINT64_C(14695981039346656037);
    for (size_t i = 0; i < 6; i++) {
        const unsigned char *s = (const unsigned char *)fields[i];
        for (size_t k = 0; k <= strlen(fields[i]); k++)
            h = (h ^ s[k]) * UINT64_C(1099511628211);
    }
    snprintf(out, 17, "%016" PRIx64, h);
}

static void test_fingerprints(void)
{
    finding_list l = {0};
    push(&l, mk_dial());
    finding_list_sort(&l);
    report_fingerprints(&l);
    char want[17];
    expected_fp(want, "resource-leak", "src/net.c", "dial", "fd", "socket", 0);
    CHECK_STR(l.items[0].fingerprint, want);
    char *fp_alone = xstrdup(l.items[0].fingerprint);
    finding_list_clear(&l);

    /* the same leak, moved down 30 lines by an edit elsewhere in the file */
    finding moved = mk_dial();
    moved.loc.line += 30;
    moved.acquired.line += 30;
    for (size_t i = 0; i < moved.ntrace; i++)
        moved.trace[i].loc.line += 30;
    push(&l, moved);
    report_fingerprints(&l);
    CHECK_STR(l.items[0].fingerprint, fp_alone);
    finding_list_clear(&l);

    /* two identical leaks in one function: ordinals 0 and 1, by line */
    finding second = mk_dial();
    second.loc.line = 61;
    push(&l, second);
    push(&l, mk_dial());
    push(&l, mk_hangup());
    finding_list_sort(&l);
    report_fingerprints(&l);
    CHECK(l.items[0].loc.line == 57 && l.items[1].loc.line == 61);
    CHECK_STR(l.items[0].fingerprint, fp_alone);
    expected_fp(want, "resource-leak", "src/net.c", "dial", "fd", "socket", 1);
    CHECK_STR(l.items[1].fingerprint, want);
    CHECK(strcmp(l.items[0].fingerprint, l.items[1].fingerprint) != 0);
    expected_fp(want, "double-close", "src/net.c", "hangup", "s", "accept", 0);
    CHECK_STR(l.items[2].fingerprint, want);
    for (size_t i = 0; i < l.n; i++)
        CHECK(strlen(l.items[i].fingerprint) == 16 &&
              strspn(l.items[i].fingerprint, "0123456789abcdef") == 16);
    finding_list_clear(&l);

    /* any of the five fields changes it */
    finding other = mk_dial();
    free(other.variable);
    other.variable = xstrdup("sock");
    push(&l, other);
    report_fingerprints(&l);
    CHECK(strcmp(l.items[0].fingerprint, fp_alone) != 0);
    finding_list_clear(&l);
    free(fp_alone);
}

/* ---- relative paths ---------------------------------------------------- */

static void touch(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(2);
    }
    fclose(f);
}

static void test_relativize(void)
{
    char tmpl[] = "/tmp/sockleak-test-XXXXXX";
    char *root = mkdtemp(tmpl);
    char *old = getcwd(NULL, 0);
    CHECK(root && old);
    if (!root || !old)
        return;
    char *work = xprintf("%s/work", root), *sub = xprintf("%s/work/sub", root);
    char *file = xprintf("%s/work/sub/a.c", root), *outside = xprintf("%s/out.c", root);
    CHECK(mkdir(work, 0700) == 0 && mkdir(sub, 0700) == 0);
    touch(file);
    touch(outside);
    CHECK(chdir(work) == 0);
    char *cwd = getcwd(NULL, 0); /* physical: /tmp may be a symlink */
    char *abs = xprintf("%s/sub/a.c", cwd);
    char *abs_missing = xprintf("%s/gone/b.c", cwd);

    finding_list l = {0};
    push(&l, mk(SL_RULE_RESOURCE_LEAK, abs, 3, 1, "f", "x", "socket"));
    push(&l, mk(SL_RULE_RESOURCE_LEAK, "./sub/a.c", 4, 1, "f", "x", "socket"));
    push(&l, mk(SL_RULE_RESOURCE_LEAK, "sub/../sub/a.c", 5, 1, "f", "x", "socket"));
    push(&l, mk(SL_RULE_RESOURCE_LEAK, "../out.c", 6, 1, "f", "x", "socket"));
    push(&l, mk(SL_RULE_RESOURCE_LEAK, "/nonexistent/x.c", 7, 1, "f", "x", "socket"));
    push(&l, mk(SL_RULE_RESOURCE_LEAK, "./missing.c", 8, 1, "f", "x", "socket"));
    push(&l, mk(SL_RULE_RESOURCE_LEAK, abs_missing, 9, 1, "f", "x", "socket"));
    push(&l, mk(SL_RULE_RESOURCE_LEAK, "rel/clean.c", 10, 1, "f", "x", "socket"));
    add_step(&l.items[0], abs, 1, 1, "acquired");
    add_step(&l.items[0], "/nonexistent/x.c", 2, 1, "elsewhere");

    report_fingerprints(&l); /* before relativize: hashes the relative path */
    char fp_abs[17], fp_dot[17];
    snprintf(fp_abs, sizeof fp_abs, "%s", l.items[0].fingerprint);
    snprintf(fp_dot, sizeof fp_dot, "%s", l.items[1].fingerprint);
    char want[17];
    expected_fp(want, "resource-leak", "sub/a.c", "f", "x", "socket", 0);
    CHECK_STR(fp_abs, want);
    expected_fp(want, "resource-leak", "sub/a.c", "f", "x", "socket", 1);
    CHECK_STR(fp_dot, want);

    report_relativize(&l);
    CHECK_STR(l.items[0].loc.file, "sub/a.c");
    CHECK_STR(l.items[0].acquired.file, "sub/a.c");
    CHECK_STR(l.items[0].trace[0].loc.file, "sub/a.c");
    CHECK_STR(l.items[0].trace[1].loc.file, "/nonexistent/x.c");
    CHECK_STR(l.items[1].loc.file, "sub/a.c");
    CHECK_STR(l.items[2].loc.file, "sub/a.c");
    CHECK_STR(l.items[3].loc.file, "../out.c");
    CHECK_STR(l.items[4].loc.file, "/nonexistent/x.c");
    CHECK_STR(l.items[5].loc.file, "./missing.c");
    CHECK_STR(l.items[6].loc.file, "gone/b.c"); /* under the cwd by its text */
    CHECK_STR(l.items[7].loc.file, "rel/clean.c");

    finding_list_sort(&l);
    report_fingerprints(&l); /* after: the same fingerprints */
    CHECK_STR(l.items[0].loc.file, "../out.c");
    for (size_t i = 0; i < l.n; i++)
        if (l.items[i].loc.line == 3)
            CHECK_STR(l.items[i].fingerprint, fp_abs);
    finding_list_clear(&l);

    CHECK(chdir(old) == 0);
    unlink(file);
    unlink(outside);
    rmdir(sub);
    rmdir(work);
    rmdir(root);
    free(work), free(sub), free(file), free(outside);
    free(cwd), free(abs), free(abs_missing), free(old);
}

/* ---- text -------------------------------------------------------------- */

static void test_text(void)
{
    finding_list l = {0};
    mk_example(&l);
    capture c;
    CHECK(report_text(cap_open(&c), &l, 0) == 0);
    char *got = cap_close(&c);
    CHECK_STR(got,
        "src/net.c:57:9: warning: socket 'fd' from socket() at line 42 is not "
        "closed when connect() fails [resource-leak]\n"
        "src/net.c:42:14: note: (1) 'fd' acquired by socket()\n"
        "src/net.c:44:9: note: (2) taking the false branch of 'fd < 0'\n"
        "src/net.c:56:9: note: (3) taking the true branch of 'connect(...) < 0'\n"
        "src/net.c:57:9: note: (4) returning without closing 'fd'\n"
        "src/net.c:80:5: warning: double-close on 's' [double-close]\n"
        "src/net.c:70:10: note: (1) 's' acquired by accept()\n"
        "src/net.c:75:5: note: (2) 's' closed here\n");
    free(got);

    /* levels come from the finding; colours like clang's */
    l.items[1].level = SL_LEVEL_ERROR;
    CHECK(report_text(cap_open(&c), &l, 1) == 0);
    got = cap_close(&c);
    CHECK(strstr(got, "\033[1msrc/net.c:57:9:\033[0m \033[1;35mwarning:\033[0m "
                      "\033[1msocket 'fd'") == got);
    CHECK(strstr(got, "\033[1msrc/net.c:42:14:\033[0m \033[1;36mnote:\033[0m (1) "
                      "'fd' acquired by socket()\n") != NULL);
    CHECK(strstr(got, "\033[1;31merror:\033[0m \033[1mdouble-close on 's' "
                      "[double-close]\033[0m\n") != NULL);
    CHECK(strstr(got, "quiet") == NULL);
    free(got);
    finding_list_clear(&l);
}

/* ---- JSON -------------------------------------------------------------- */

/* True when object o has exactly the keys of the NULL-terminated list, in
 * that order. */
static int keys_are(const cJSON *o, const char *const *keys)
{
    const cJSON *it = o ? o->child : NULL;
    for (; *keys; keys++, it = it->next)
        if (!it || !it->string || strcmp(it->string, *keys) != 0) {
            fprintf(stderr, "  expected key \"%s\", got \"%s\"\n", *keys,
                    it && it->string ? it->string : "(end)");
            return 0;
        }
    return it == NULL;
}

static const char *jstr(const cJSON *o, const char *k)
{
    return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, k));
}

static double jnum(const cJSON *o, const char *k)
{
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsNumber(n) ? n->valuedouble : -1;
}

static void check_json_dial(const cJSON *f, const char *fp)
{
    static const char *const keys[] = {
        "rule", "level", "message", "file", "line", "column", "function",
        "variable", "resource", "acquired", "trace", "fix", "fingerprint",
        "suppressed", NULL};
    CHECK(keys_are(f, keys));
    CHECK_STR(jstr(f, "rule"), "resource-leak");
    CHECK_STR(jstr(f, "level"), "warning");
    CHECK_STR(jstr(f, "file"), "src/net.c");
    CHECK(jnum(f, "line") == 57 && jnum(f, "column") == 9);
    CHECK_STR(jstr(f, "function"), "dial");
    CHECK_STR(jstr(f, "variable"), "fd");
    CHECK_STR(jstr(f, "resource"), "socket");
    const cJSON *acq = cJSON_GetObjectItemCaseSensitive(f, "acquired");
    static const char *const acq_keys[] = {"file", "line", "column", "call", NULL};
    CHECK(keys_are(acq, acq_keys));
    CHECK(jnum(acq, "line") == 42 && jnum(acq, "column") == 14);
    CHECK_STR(jstr(acq, "call"), "socket");
    const cJSON *tr = cJSON_GetObjectItemCaseSensitive(f, "trace");
    CHECK(cJSON_GetArraySize(tr) == 4);
    static const char *const step_keys[] = {"file", "line", "column", "message", NULL};
    CHECK(keys_are(cJSON_GetArrayItem(tr, 0), step_keys));
    CHECK_STR(jstr(cJSON_GetArrayItem(tr, 2), "message"),
              "taking the true branch of 'connect(...) < 0'");
    CHECK(jnum(cJSON_GetArrayItem(tr, 3), "line") == 57);
    const cJSON *fix = cJSON_GetObjectItemCaseSensitive(f, "fix");
    static const char *const fix_keys[] = {"description", "edits", NULL};
    CHECK(keys_are(fix, fix_keys));
    CHECK_STR(jstr(fix, "description"), "close 'fd' before returning");
    const cJSON *e = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(fix, "edits"), 0);
    static const char *const edit_keys[] = {"file", "line", "column", "offset", "insert", NULL};
    CHECK(keys_are(e, edit_keys));
    CHECK(jnum(e, "offset") == 1234);
    CHECK_STR(jstr(e, "insert"), "close(fd);\n        ");
    CHECK_STR(jstr(f, "fingerprint"), fp);
    CHECK(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(f, "suppressed")));
}

static void check_json_summary(const cJSON *s)
{
    static const char *const keys[] = {
        "files", "failed_files", "functions", "findings", "suppressed",
        "partial_files", "budget_exceeded", "skipped_functions",
        "skipped_paths", "skipped_entries", "incomplete", "seconds", NULL};
    CHECK(keys_are(s, keys));
    CHECK(jnum(s, "skipped_functions") == 1 && jnum(s, "skipped_paths") == 1);
    CHECK(jnum(s, "skipped_entries") == 0);
    const cJSON *inc = cJSON_GetObjectItemCaseSensitive(s, "incomplete");
    CHECK(cJSON_GetArraySize(inc) == 5);
    static const char *const item_keys[] = {"file", "function", "reason", "detail", NULL};
    const cJSON *first = cJSON_GetArrayItem(inc, 0), *fn = cJSON_GetArrayItem(inc, 2);
    CHECK(keys_are(first, item_keys) && keys_are(fn, item_keys));
    CHECK_STR(jstr(first, "file"), "c.c");
    CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(first, "function")));
    CHECK_STR(jstr(first, "reason"), "file-not-analyzed");
    CHECK_STR(jstr(fn, "function"), "baz");
    CHECK_STR(jstr(fn, "reason"), "function-not-analyzed");
    CHECK_STR(jstr(fn, "detail"), "nested too deeply");
    CHECK_STR(jstr(cJSON_GetArrayItem(inc, 1), "reason"), "directory-not-read");
    CHECK_STR(jstr(cJSON_GetArrayItem(inc, 4), "reason"), "path-budget-exceeded");
    CHECK(jnum(s, "files") == 3 && jnum(s, "failed_files") == 1);
    CHECK(jnum(s, "functions") == 41 && jnum(s, "findings") == 2);
    CHECK(jnum(s, "suppressed") == 1 && jnum(s, "partial_files") == 0);
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(s, "budget_exceeded");
    CHECK(cJSON_GetArraySize(b) == 2);
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(b, 1)), "b.c:bar");
    CHECK(jnum(s, "seconds") == 0.421);
}

static char *budget[] = {"a.c:foo", "b.c:bar"};
static report_incomplete example_items[] = {
    {RI_FILE_FAILED, "c.c", NULL, "no function definition could be read"},
    {RI_DIR_UNREADABLE, "lost+found", NULL, "Permission denied"},
    {RI_FUNCTION_SKIPPED, "b.c", "baz", "nested too deeply"},
    {RI_BUDGET, "a.c", "foo", "over"},
    {RI_BUDGET, "b.c", "bar", "over"},
};
static const report_summary example_summary = {
    .files = 3, .failed_files = 1, .functions = 41,
    .budget_functions = budget, .nbudget = 2,
    .incomplete = {example_items, 5, 5}, .seconds = 0.4214};

static void test_json(void)
{
    finding_list l = {0};
    mk_example(&l);
    capture c;
    CHECK(report_json(cap_open(&c), &l, &example_summary) == 0);
    char *got = cap_close(&c);
    CHECK(got[0] == '{' && got[strlen(got) - 1] == '\n' && got[strlen(got) - 2] == '}');
    cJSON *root = cJSON_Parse(got);
    CHECK(root != NULL);
    if (!root) {
        free(got);
        finding_list_clear(&l);
        return;
    }
    static const char *const root_keys[] = {"tool", "findings", "summary", NULL};
    CHECK(keys_are(root, root_keys));
    const cJSON *tool = cJSON_GetObjectItemCaseSensitive(root, "tool");
    static const char *const tool_keys[] = {"name", "version", NULL};
    CHECK(keys_are(tool, tool_keys));
    CHECK_STR(jstr(tool, "name"), "sockleak");
    CHECK(jstr(tool, "version") && *jstr(tool, "version"));
    const cJSON *fs = cJSON_GetObjectItemCaseSensitive(root, "findings");
    CHECK(cJSON_GetArraySize(fs) == 3); /* the suppressed one is kept */
    check_json_dial(cJSON_GetArrayItem(fs, 0), l.items[0].fingerprint);
    const cJSON *hang = cJSON_GetArrayItem(fs, 1);
    CHECK_STR(jstr(hang, "rule"), "double-close");
    CHECK(cJSON_GetObjectItemCaseSensitive(hang, "fix") == NULL);
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(hang, "trace")) == 2);
    const cJSON *quiet = cJSON_GetArrayItem(fs, 2);
    CHECK(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(quiet, "suppressed")));
    check_json_summary(cJSON_GetObjectItemCaseSensitive(root, "summary"));
    cJSON_Delete(root);
    free(got);

    /* no findings, no summary: still a complete report */
    finding_list empty = {0};
    CHECK(report_json(cap_open(&c), &empty, NULL) == 0);
    got = cap_close(&c);
    root = cJSON_Parse(got);
    CHECK(root && cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "findings")) == 0);
    CHECK(root && jnum(cJSON_GetObjectItemCaseSensitive(root, "summary"), "findings") == 0);
    cJSON_Delete(root);
    free(got);
    finding_list_clear(&l);
}

/* ---- SARIF: what was not analyzed ------------------------------------- */

static void test_sarif_incomplete(void)
{
    finding_list none = {0};
    capture c;
    CHECK(report_sarif(cap_open(&c), &none, &example_summary) == 0);
    char *got = cap_close(&c);
    cJSON *root = cJSON_Parse(got);
    const cJSON *run = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "runs"), 0);
    const cJSON *inv = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(run, "invocations"), 0);
    CHECK(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(inv, "executionSuccessful")));
    const cJSON *notes = cJSON_GetObjectItemCaseSensitive(inv, "toolExecutionNotifications");
    CHECK(cJSON_GetArraySize(notes) == 5);
    const cJSON *n = cJSON_GetArrayItem(notes, 2);
    CHECK_STR(jstr(n, "level"), "warning");
    CHECK_STR(jstr(cJSON_GetObjectItemCaseSensitive(n, "message"), "text"),
              "b.c: function 'baz' not analyzed: nested too deeply");
    CHECK_STR(jstr(cJSON_GetObjectItemCaseSensitive(n, "descriptor"), "id"),
              "function-not-analyzed");
    const cJSON *loc = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(n, "locations"), 0);
    const cJSON *art = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(loc, "physicalLocation"), "artifactLocation");
    CHECK_STR(jstr(art, "uri"), "b.c");
    const cJSON *ll = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(loc, "logicalLocations"), 0);
    CHECK_STR(jstr(ll, "name"), "baz");
    cJSON_Delete(root);
    free(got);

    /* a function not analyzed alone fails the run only when strict */
    report_incomplete fn[] = {{RI_FUNCTION_SKIPPED, "b.c", "baz", "nested too deeply"}};
    report_summary s = {.files = 1, .incomplete = {fn, 1, 1}};
    for (int strict = 0; strict < 2; strict++) {
        s.strict_incomplete = strict;
        CHECK(report_sarif(cap_open(&c), &none, &s) == 0);
        got = cap_close(&c);
        root = cJSON_Parse(got);
        run = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "runs"), 0);
        inv = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(run, "invocations"), 0);
        CHECK(cJSON_IsBool(cJSON_GetObjectItemCaseSensitive(inv, "executionSuccessful")) &&
              cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(inv, "executionSuccessful")) == !strict);
        cJSON_Delete(root);
        free(got);
    }
}

/* ---- summary line ------------------------------------------------------ */

static void test_summary(void)
{
    finding_list l = {0};
    mk_example(&l);
    capture c;
    report_summary_line(cap_open(&c), &l, &example_summary);
    char *got = cap_close(&c);
    CHECK_STR(got,
        "sockleak: 3 files (1 failed), 41 functions, 2 findings (resource-leak: 1, "
        "double-close: 1; 1 suppressed) in 0.42 s\n"
        "sockleak: path budget exceeded in 2 functions: a.c:foo, b.c:bar\n"
        "sockleak: 1 of 3 files could not be analyzed, 1 function not analyzed, "
        "2 functions over the path budget, 1 directory could not be read: "
        "findings may be missing\n");
    free(got);

    finding_list none = {0};
    report_summary one = {.files = 1, .partial_files = 1, .functions = 1, .seconds = 0.05};
    report_summary_line(cap_open(&c), &none, &one);
    got = cap_close(&c);
    CHECK_STR(got, "sockleak: 1 file (1 with errors), 1 function, 0 findings in 0.05 s\n");
    free(got);

    report_incomplete partial[] = {{RI_FILE_ERRORS, "x.c", NULL, "x.c:1:1: error: e"}};
    one.incomplete = (report_incomplete_list){partial, 1, 1};
    report_summary_line(cap_open(&c), &none, &one);
    got = cap_close(&c);
    CHECK_STR(got, "sockleak: 1 file (1 with errors), 1 function, 0 findings in 0.05 s\n"
                   "sockleak: 1 of 1 file had errors: findings may be missing\n");
    free(got);
    finding_list_clear(&l);
}

int main(void)
{
    test_sort();
    test_take();
    test_fingerprints();
    test_relativize();
    test_text();
    test_json();
    test_summary();
    test_sarif_incomplete();
    if (failures) {
        fprintf(stderr, "test_report: %d check(s) failed\n", failures);
        return 1;
    }
    printf("test_report: all checks passed\n");
    return 0;
}
