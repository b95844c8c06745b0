/* expect_check.c — runs sockleak on one annotated test file and compares its
 * findings with the file's annotations.
 *
 *   usage: expect_check SOCKLEAK FILE.c
 *
 * Annotations read from FILE.c (anywhere on a line, after "//"):
 *   // expect: RULE[, RULE...]   one finding per listed rule (a rule listed
 *                                twice means two findings) has its primary
 *                                location on this line;
 *   // sockleak-args: ARGS       extra sockleak options (split on blanks);
 *                                a relative `--rules FILE` that does not
 *                                exist from the current directory is taken
 *                                relative to FILE.c's directory (CTest runs
 *                                testdata cases from the build tree);
 *   // sockleak-flags: FLAGS     compiler flags, passed after "--".
 *
 * It runs `SOCKLEAK --format json -q [ARGS] FILE -- [FLAGS]` with fork/exec
 * (no shell), parses stdout with cJSON and compares the multiset of
 * (line, rule) of the unsuppressed findings in FILE with the expected one.
 * Findings in any other file (a header, say) are always unexpected.
 *
 * Exit 0 on a match.  Exit 1 on any missing or extra finding (each printed
 * as FILE:LINE: missing RULE / FILE:LINE:COL: unexpected RULE: MESSAGE), on
 * exit status 2 or 3 or a crash of sockleak, on output that is not the JSON
 * report, on a finding whose trace does not start at its acquisition, and
 * when the exit status disagrees with the findings (1 iff an unsuppressed
 * finding at warning level or above exists).  Exit 2 on a usage error or an
 * unreadable FILE.  It does not check messages, fixes or fingerprints.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cjson/cJSON.h>

static const char *const known_rules[] = {
    "resource-leak", "shutdown-without-close", "double-close",
    "use-after-close", "use-before-check",
};

typedef struct expectation {
    unsigned line;
    char *rule;
    int matched;
} expectation;

typedef struct options {
    char **args;             /* from sockleak-args */
    size_t nargs;
    char **flags;            /* from sockleak-flags */
    size_t nflags;
} options;

static const char *prog = "expect_check";

static void die_oom(void)
{
    fprintf(stderr, "%s: out of memory\n", prog);
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        die_oom();
    return q;
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = strndup(s, n);
    if (!d)
        die_oom();
    return d;
}

static int is_known_rule(const char *r)
{
    for (size_t i = 0; i < sizeof known_rules / sizeof known_rules[0]; i++)
        if (strcmp(r, known_rules[i]) == 0)
            return 1;
    return 0;
}

/* Reads the whole file; returns a NUL-terminated heap buffer or NULL. */
static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (cap - n < 4096) {
            cap = cap ? cap * 2 : 8192;
            buf = xrealloc(buf, cap);
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    return buf;
}

/* Splits s[0..len) on blanks, appending heap copies to *v. */
static void split_words(const char *s, size_t len, char ***v, size_t *n)
{
    size_t i = 0;
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
            i++;
        size_t start = i;
        while (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            i++;
        if (i > start) {
            *v = xrealloc(*v, (*n + 1) * sizeof **v);
            (*v)[(*n)++] = xstrndup(s + start, i - start);
        }
    }
}

/* Finds "KEY" after a "//" on the line s[0..len); returns the text after it
 * or NULL. */
static const char *find_annotation(const char *s, size_t len, const char *key)
{
    const char *end = s + len;
    const char *c = s;
    while ((c = memchr(c, '/', (size_t)(end - c))) && c + 1 < end) {
        if (c[1] != '/') {
            c++;
            continue;
        }
        const char *p = c + 2;
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        size_t kl = strlen(key);
        if ((size_t)(end - p) >= kl && memcmp(p, key, kl) == 0)
            return p + kl;
        c += 2;
    }
    return NULL;
}

/* Parses the annotations of src.  Returns the number of malformed ones. */
static int parse_annotations(const char *file, const char *src,
                             expectation **exp, size_t *nexp, options *opt)
{
    int errors = 0;
    unsigned line = 1;
    const char *s = src;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        const char *end = s + len;
        const char *a;
        if ((a = find_annotation(s, len, "expect:"))) {
            int nrules = 0;
            const char *p = a;
            for (;;) {
                while (p < end && (*p == ' ' || *p == '\t' || *p == ','))
                    p++;
                const char *start = p;
                while (p < end && ((*p >= 'a' && *p <= 'z') || *p == '-' ||
                                   (*p >= '0' && *p <= '9')))
                    p++;
                if (p == start)
                    break;
                char *rule = xstrndup(start, (size_t)(p - start));
                if (!is_known_rule(rule)) {
                    fprintf(stderr, "%s:%u: unknown rule '%s' in expect:\n",
                            file, line, rule);
                    errors++;
                    free(rule);
                    continue;
                }
                *exp = xrealloc(*exp, (*nexp + 1) * sizeof **exp);
                (*exp)[(*nexp)++] = (expectation){line, rule, 0};
                nrules++;
                while (p < end && (*p == ' ' || *p == '\t'))
                    p++;
                if (p < end && *p != ',')
                    break;
            }
            if (nrules == 0) {
                fprintf(stderr, "%s:%u: expect: names no rule\n", file, line);
                errors++;
            }
        } else if ((a = find_annotation(s, len, "sockleak-args:"))) {
            split_words(a, (size_t)(end - a), &opt->args, &opt->nargs);
        } else if ((a = find_annotation(s, len, "sockleak-flags:"))) {
            split_words(a, (size_t)(end - a), &opt->flags, &opt->nflags);
        }
        if (!nl)
            break;
        s = nl + 1;
        line++;
    }
    return errors;
}

/* Rewrites each relative "--rules PATH" of opt that does not exist from the
 * current directory as a path relative to the directory of file. */
static void resolve_rules_paths(const char *file, options *opt)
{
    const char *slash = strrchr(file, '/');
    if (!slash)
        return;
    size_t dl = (size_t)(slash - file) + 1;
    for (size_t i = 0; i + 1 < opt->nargs; i++) {
        char *p = opt->args[i + 1];
        if (strcmp(opt->args[i], "--rules") != 0 || p[0] == '/' ||
            access(p, F_OK) == 0)
            continue;
        char *q = xrealloc(NULL, dl + strlen(p) + 1);
        memcpy(q, file, dl);
        strcpy(q + dl, p);
        free(p);
        opt->args[i + 1] = q;
    }
}

/* Runs argv with stdout captured; stderr is inherited.  Returns the output
 * (heap, NUL-terminated) and stores the raw wait status, or NULL on failure
 * to start it. */
static char *run_capture(char *const argv[], int *wstatus)
{
    int fds[2];
    if (pipe(fds) != 0) {
        fprintf(stderr, "%s: pipe: %s\n", prog, strerror(errno));
        return NULL;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "%s: fork: %s\n", prog, strerror(errno));
        close(fds[0]);
        close(fds[1]);
        return NULL;
    }
    if (pid == 0) {
        close(fds[0]);
        if (dup2(fds[1], STDOUT_FILENO) < 0)
            _exit(127);
        close(fds[1]);
        execv(argv[0], argv);
        fprintf(stderr, "%s: cannot run %s: %s\n", prog, argv[0], strerror(errno));
        _exit(127);
    }
    close(fds[1]);
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (cap - n < 4096) {
            cap = cap ? cap * 2 : 65536;
            buf = xrealloc(buf, cap);
        }
        ssize_t got = read(fds[0], buf + n, cap - n - 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        n += (size_t)got;
    }
    close(fds[0]);
    buf[n] = '\0';
    while (waitpid(pid, wstatus, 0) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "%s: waitpid: %s\n", prog, strerror(errno));
            free(buf);
            return NULL;
        }
    }
    return buf;
}

static const char *basename_of(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* Does the path a finding names refer to the test file (whose realpath is
 * real, or NULL if that failed)? */
static int same_file(const char *reported, const char *given, const char *real)
{
    if (strcmp(reported, given) == 0)
        return 1;
    char buf[PATH_MAX];
    if (real && realpath(reported, buf))
        return strcmp(buf, real) == 0;
    /* Cannot resolve the reported path: fall back to the file name. */
    return strcmp(basename_of(reported), basename_of(given)) == 0;
}

static const char *jstr(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int jint(const cJSON *o, const char *key, long *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(v))
        return 0;
    *out = (long)v->valuedouble;
    return 1;
}

static int level_fails(const char *level)
{
    return level && (strcmp(level, "warning") == 0 || strcmp(level, "error") == 0);
}

static void print_command(char *const argv[])
{
    fprintf(stderr, "%s: command:", prog);
    for (size_t i = 0; argv[i]; i++)
        fprintf(stderr, " %s", argv[i]);
    fputc('\n', stderr);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s SOCKLEAK FILE.c\n", prog);
        return 2;
    }
    const char *sockleak = argv[1];
    const char *file = argv[2];

    char *src = read_file(file);
    if (!src) {
        fprintf(stderr, "%s: cannot read %s: %s\n", prog, file, strerror(errno));
        return 2;
    }
    expectation *exp = NULL;
    size_t nexp = 0;
    options opt = {0};
    int failed = parse_annotations(file, src, &exp, &nexp, &opt) != 0;
    free(src);
    resolve_rules_paths(file, &opt);

    /* argv: SOCKLEAK --format json -q ARGS... FILE -- FLAGS... NULL */
    size_t n = 0;
    char **cmd = xrealloc(NULL, (opt.nargs + opt.nflags + 8) * sizeof *cmd);
    cmd[n++] = (char *)sockleak;
    cmd[n++] = "--format";
    cmd[n++] = "json";
    cmd[n++] = "-q";
    for (size_t i = 0; i < opt.nargs; i++)
        cmd[n++] = opt.args[i];
    cmd[n++] = (char *)file;
    cmd[n++] = "--";
    for (size_t i = 0; i < opt.nflags; i++)
        cmd[n++] = opt.flags[i];
    cmd[n] = NULL;

    int ws = 0;
    char *out = run_capture(cmd, &ws);
    cJSON *root = NULL;
    int status = -1;
    if (!out) {
        failed = 1;
        goto done;
    }
    if (WIFSIGNALED(ws)) {
        fprintf(stderr, "%s: sockleak killed by signal %d\n", prog, WTERMSIG(ws));
        failed = 1;
        goto done;
    }
    status = WEXITSTATUS(ws);
    if (status == 127 || status == 2 || status == 3 || status > 3) {
        fprintf(stderr, "%s: sockleak exited with status %d\n", prog, status);
        failed = 1;
        goto done;
    }

    root = cJSON_Parse(out);
    const cJSON *findings = cJSON_GetObjectItemCaseSensitive(root, "findings");
    if (!cJSON_IsObject(root) || !cJSON_IsArray(findings)) {
        fprintf(stderr, "%s: sockleak's output is not a JSON report with a "
                "\"findings\" array\n", prog);
        failed = 1;
        goto done;
    }

    char realbuf[PATH_MAX];
    const char *real = realpath(file, realbuf);
    size_t failing = 0;
    const cJSON *f;
    cJSON_ArrayForEach(f, findings) {
        const char *rule = jstr(f, "rule");
        const char *ffile = jstr(f, "file");
        const char *msg = jstr(f, "message");
        const char *level = jstr(f, "level");
        long line = 0, col = 0;
        const cJSON *sup = cJSON_GetObjectItemCaseSensitive(f, "suppressed");
        if (!rule || !ffile || !jint(f, "line", &line) || !jint(f, "column", &col)) {
            fprintf(stderr, "%s: a finding lacks rule, file, line or column\n", prog);
            failed = 1;
            continue;
        }
        if (!msg)
            msg = "(no message)";

        /* The trace must start at the acquisition. */
        const cJSON *acq = cJSON_GetObjectItemCaseSensitive(f, "acquired");
        const cJSON *trace = cJSON_GetObjectItemCaseSensitive(f, "trace");
        const cJSON *first = cJSON_IsArray(trace) ? cJSON_GetArrayItem(trace, 0) : NULL;
        long al = 0, ac = 0, tl = 0, tc = 0;
        const char *af = acq ? jstr(acq, "file") : NULL;
        const char *tf = first ? jstr(first, "file") : NULL;
        if (!acq || !first || !jint(acq, "line", &al) || !jint(acq, "column", &ac) ||
            !jint(first, "line", &tl) || !jint(first, "column", &tc) ||
            al != tl || ac != tc || (af && tf && strcmp(af, tf) != 0)) {
            fprintf(stderr, "%s:%ld:%ld: %s finding's trace does not start at "
                    "its acquisition (acquired %ld:%ld, first step %ld:%ld)\n",
                    ffile, line, col, rule, al, ac, tl, tc);
            failed = 1;
        }

        if (cJSON_IsTrue(sup))
            continue;
        if (level_fails(level))
            failing++;

        int matched = 0;
        if (same_file(ffile, file, real)) {
            for (size_t i = 0; i < nexp; i++) {
                if (!exp[i].matched && exp[i].line == (unsigned long)line &&
                    strcmp(exp[i].rule, rule) == 0) {
                    exp[i].matched = 1;
                    matched = 1;
                    break;
                }
            }
        }
        if (!matched) {
            printf("%s:%ld:%ld: unexpected %s: %s\n", ffile, line, col, rule, msg);
            failed = 1;
        }
    }
    for (size_t i = 0; i < nexp; i++) {
        if (!exp[i].matched) {
            printf("%s:%u: missing %s\n", file, exp[i].line, exp[i].rule);
            failed = 1;
        }
    }

    /* Default --fail-on warning: 1 iff an unsuppressed warning exists. */
    int want = failing > 0 ? 1 : 0;
    if (status != want) {
        fprintf(stderr, "%s: sockleak exited with %d but reported %zu "
                "unsuppressed finding(s) at warning level (expected exit %d)\n",
                prog, status, failing, want);
        failed = 1;
    }

done:
    fflush(stdout);
    if (failed)
        print_command(cmd);
    cJSON_Delete(root);
    free(out);
    free(cmd);
    for (size_t i = 0; i < nexp; i++)
        free(exp[i].rule);
    free(exp);
    for (size_t i = 0; i < opt.nargs; i++)
        free(opt.args[i]);
    free(opt.args);
    for (size_t i = 0; i < opt.nflags; i++)
        free(opt.flags[i]);
    free(opt.flags);
    return failed ? 1 : 0;
}
