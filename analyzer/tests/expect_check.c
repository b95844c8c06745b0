/* expect_check.c — runs sockleak on an annotated test file, or on a whole
 * annotated project through a compilation database, and compares its
 * findings with the annotations.
 *
 *   usage: expect_check SOCKLEAK FILE.c
 *          expect_check --project SOCKLEAK PROJECT_DIR
 *
 * Annotations (anywhere on a line, after "//"):
 *   // expect: RULE[, RULE...]   one finding per listed rule (a rule listed
 *                                twice means two findings) has its primary
 *                                location on this line;
 *   // sockleak-args: ARGS       extra sockleak options (split on blanks);
 *                                a relative `--rules FILE` that does not
 *                                exist from the current directory is taken
 *                                relative to the annotated file's directory
 *                                (CTest runs testdata cases from the build
 *                                tree);
 *   // sockleak-flags: FLAGS     compiler flags, passed after "--" (single
 *                                file only; a project uses its flags file).
 *
 * Single file: runs `SOCKLEAK --format json -q [ARGS] FILE -- [FLAGS]`.
 * Findings in any other file (a header, say) are always unexpected.
 *
 * Project: reads the annotations of every .c and .h file under PROJECT_DIR
 * (recursively, skipping names that start with '.'), writes a
 * compile_commands.json into a fresh temporary directory with one entry per
 * .c file ("directory" the absolute PROJECT_DIR, "file" relative to it, the
 * compiler command `cc FLAGS -c -o FILE.o FILE`), runs
 * `SOCKLEAK --format json -q [ARGS] -p TMPDIR` and removes the directory.
 * FLAGS come from PROJECT_DIR/flags, one flag per line, taken literally
 * (blank lines and lines starting with '#' are skipped).  Entries use the
 * "arguments" form, or the shell-quoted "command" form when PROJECT_DIR
 * holds a file named command-form.  A project must parse cleanly: the
 * report's summary must count every .c file and no failed or partial one.
 *
 * Both modes run sockleak with fork/exec (no shell), parse stdout with cJSON
 * and compare the multiset of (file, line, rule) of the unsuppressed
 * findings with the expected one.
 *
 * Exit 0 on a match.  Exit 1 on any missing or extra finding (each printed
 * as FILE:LINE: missing RULE / FILE:LINE:COL: unexpected RULE: MESSAGE), on
 * exit status 2 or 3 or a crash of sockleak, on output that is not the JSON
 * report, on a finding whose trace does not start at its acquisition, and
 * when the exit status disagrees with the findings (1 iff an unsuppressed
 * finding at warning level or above exists).  Exit 2 on a usage error, an
 * unreadable input or a temporary directory that cannot be made.  It does
 * not check messages, fixes or fingerprints.
 */
#define _XOPEN_SOURCE 700    /* strndup, mkdtemp, realpath */

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cjson/cJSON.h>

static const char *const known_rules[] = {
    "resource-leak", "shutdown-without-close", "double-close",
    "use-after-close", "use-before-check",
};

/* An annotated source file. */
typedef struct source {
    char *path;              /* as named to the user: FILE.c, or PROJECT/rel */
    char *real;              /* realpath, or NULL if it could not be resolved */
} source;

typedef struct expectation {
    size_t src;              /* index into the sources */
    unsigned line;
    char *rule;
    int matched;
} expectation;

typedef struct strvec {
    char **v;
    size_t n;
} strvec;

typedef struct options {
    strvec args;             /* from sockleak-args */
    strvec flags;            /* from sockleak-flags */
} options;

/* Everything the comparison needs. */
typedef struct check {
    source *srcs;
    size_t nsrcs;
    expectation *exp;
    size_t nexp;
    options opt;
    const char *base;        /* project directory, or NULL */
} check;

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

static char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

/* a + "/" + b, heap. */
static char *path_join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *p = xrealloc(NULL, la + lb + 2);
    memcpy(p, a, la);
    p[la] = '/';
    memcpy(p + la + 1, b, lb + 1);
    return p;
}

static void strvec_push(strvec *v, char *s)
{
    v->v = xrealloc(v->v, (v->n + 1) * sizeof *v->v);
    v->v[v->n++] = s;
}

static void strvec_free(strvec *v)
{
    for (size_t i = 0; i < v->n; i++)
        free(v->v[i]);
    free(v->v);
    v->v = NULL;
    v->n = 0;
}

static int is_known_rule(const char *r)
{
    for (size_t i = 0; i < sizeof known_rules / sizeof known_rules[0]; i++)
        if (strcmp(r, known_rules[i]) == 0)
            return 1;
    return 0;
}

static int has_suffix(const char *s, const char *suf)
{
    size_t ls = strlen(s), lf = strlen(suf);
    return ls >= lf && strcmp(s + ls - lf, suf) == 0;
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

/* Splits s[0..len) on blanks, appending heap copies to v. */
static void split_words(const char *s, size_t len, strvec *v)
{
    size_t i = 0;
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
            i++;
        size_t start = i;
        while (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            i++;
        if (i > start)
            strvec_push(v, xstrndup(s + start, i - start));
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

/* Rewrites each relative "--rules PATH" in args[first..] that does not exist
 * from the current directory as a path relative to the directory of file. */
static void resolve_rules_paths(const char *file, strvec *args, size_t first)
{
    const char *slash = strrchr(file, '/');
    if (!slash)
        return;
    size_t dl = (size_t)(slash - file) + 1;
    for (size_t i = first; i + 1 < args->n; i++) {
        char *p = args->v[i + 1];
        if (strcmp(args->v[i], "--rules") != 0 || p[0] == '/' ||
            access(p, F_OK) == 0)
            continue;
        char *q = xrealloc(NULL, dl + strlen(p) + 1);
        memcpy(q, file, dl);
        strcpy(q + dl, p);
        free(p);
        args->v[i + 1] = q;
    }
}

/* Reads the annotations of c->srcs[si] into c.  Returns the number of
 * malformed ones, or -1 when the file cannot be read. */
static int parse_annotations(check *c, size_t si)
{
    const char *file = c->srcs[si].path;
    char *src = read_file(file);
    if (!src) {
        fprintf(stderr, "%s: cannot read %s: %s\n", prog, file, strerror(errno));
        return -1;
    }
    size_t first_arg = c->opt.args.n;
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
                c->exp = xrealloc(c->exp, (c->nexp + 1) * sizeof *c->exp);
                c->exp[c->nexp++] = (expectation){si, line, rule, 0};
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
            split_words(a, (size_t)(end - a), &c->opt.args);
        } else if ((a = find_annotation(s, len, "sockleak-flags:"))) {
            if (c->base) {
                fprintf(stderr, "%s:%u: sockleak-flags: in a project; put "
                        "compiler flags in %s/flags\n", file, line, c->base);
                errors++;
            } else {
                split_words(a, (size_t)(end - a), &c->opt.flags);
            }
        }
        if (!nl)
            break;
        s = nl + 1;
        line++;
    }
    free(src);
    resolve_rules_paths(file, &c->opt.args, first_arg);
    return errors;
}

static void add_source(check *c, const char *path)
{
    char buf[PATH_MAX];
    c->srcs = xrealloc(c->srcs, (c->nsrcs + 1) * sizeof *c->srcs);
    c->srcs[c->nsrcs].path = xstrdup(path);
    c->srcs[c->nsrcs].real = realpath(path, buf) ? xstrdup(buf) : NULL;
    c->nsrcs++;
}

static void check_free(check *c)
{
    for (size_t i = 0; i < c->nsrcs; i++) {
        free(c->srcs[i].path);
        free(c->srcs[i].real);
    }
    free(c->srcs);
    for (size_t i = 0; i < c->nexp; i++)
        free(c->exp[i].rule);
    free(c->exp);
    strvec_free(&c->opt.args);
    strvec_free(&c->opt.flags);
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

/* Which annotated source does the path a finding names refer to?  Returns
 * its index, or -1.  A relative path is taken against the current directory
 * (where sockleak ran), then against the project directory. */
static long find_source(const check *c, const char *reported)
{
    char buf[PATH_MAX];
    const char *real = realpath(reported, buf);
    if (!real && c->base && reported[0] != '/') {
        char *p = path_join(c->base, reported);
        real = realpath(p, buf);
        free(p);
    }
    for (size_t i = 0; i < c->nsrcs; i++) {
        if (strcmp(reported, c->srcs[i].path) == 0)
            return (long)i;
        if (real && c->srcs[i].real && strcmp(real, c->srcs[i].real) == 0)
            return (long)i;
    }
    /* A single file whose reported path cannot be resolved: fall back to
     * the file name. */
    if (!real && !c->base && c->nsrcs == 1 &&
        strcmp(basename_of(reported), basename_of(c->srcs[0].path)) == 0)
        return 0;
    return -1;
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

/* Checks that a finding's trace starts at its acquisition. */
static int trace_ok(const cJSON *f, const char *ffile, const char *rule,
                    long line, long col)
{
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
                "its acquisition (acquired %s:%ld:%ld, first step %s:%ld:%ld)\n",
                ffile, line, col, rule, af ? af : "?", al, ac,
                tf ? tf : "?", tl, tc);
        return 0;
    }
    return 1;
}

/* Compares sockleak's output and wait status with c's expectations.  When
 * nfiles is not 0, the report's summary must also count exactly nfiles
 * files, none failed or partial.  Returns nonzero on any mismatch. */
static int compare(check *c, const char *out, int ws, size_t nfiles)
{
    if (WIFSIGNALED(ws)) {
        fprintf(stderr, "%s: sockleak killed by signal %d\n", prog, WTERMSIG(ws));
        return 1;
    }
    int status = WEXITSTATUS(ws);
    if (status == 127 || status == 2 || status == 3 || status > 3) {
        fprintf(stderr, "%s: sockleak exited with status %d\n", prog, status);
        return 1;
    }

    int failed = 0;
    cJSON *root = cJSON_Parse(out);
    const cJSON *findings = cJSON_GetObjectItemCaseSensitive(root, "findings");
    if (!cJSON_IsObject(root) || !cJSON_IsArray(findings)) {
        fprintf(stderr, "%s: sockleak's output is not a JSON report with a "
                "\"findings\" array\n", prog);
        cJSON_Delete(root);
        return 1;
    }

    if (nfiles) {
        const cJSON *sum = cJSON_GetObjectItemCaseSensitive(root, "summary");
        long files = -1, bad = 0, partial = 0;
        if (!jint(sum, "files", &files) || files != (long)nfiles) {
            fprintf(stderr, "%s: the report counts %ld file(s), the database "
                    "has %zu\n", prog, files, nfiles);
            failed = 1;
        }
        jint(sum, "failed_files", &bad);
        jint(sum, "partial_files", &partial);
        if (bad || partial) {
            fprintf(stderr, "%s: %ld file(s) could not be parsed and %ld parsed "
                    "with errors: are the database's flags read right?\n",
                    prog, bad, partial);
            failed = 1;
        }
    }

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
        if (!trace_ok(f, ffile, rule, line, col))
            failed = 1;

        if (cJSON_IsTrue(sup))
            continue;
        if (level_fails(level))
            failing++;

        int matched = 0;
        long si = find_source(c, ffile);
        for (size_t i = 0; si >= 0 && i < c->nexp; i++) {
            expectation *e = &c->exp[i];
            if (!e->matched && e->src == (size_t)si &&
                e->line == (unsigned long)line && strcmp(e->rule, rule) == 0) {
                e->matched = 1;
                matched = 1;
                break;
            }
        }
        if (!matched) {
            printf("%s:%ld:%ld: unexpected %s: %s\n", ffile, line, col, rule, msg);
            failed = 1;
        }
    }
    for (size_t i = 0; i < c->nexp; i++) {
        if (!c->exp[i].matched) {
            printf("%s:%u: missing %s\n", c->srcs[c->exp[i].src].path,
                   c->exp[i].line, c->exp[i].rule);
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
    cJSON_Delete(root);
    return failed;
}

/* Runs cmd and compares; prints the command on failure. */
static int run_and_compare(check *c, char **cmd, size_t nfiles)
{
    int ws = 0;
    char *out = run_capture(cmd, &ws);
    int failed = !out || compare(c, out, ws, nfiles);
    fflush(stdout);
    if (failed)
        print_command(cmd);
    free(out);
    return failed;
}

/* ---- single file ---- */

static int single_file(const char *sockleak, const char *file)
{
    check c = {0};
    add_source(&c, file);
    int rc = parse_annotations(&c, 0);
    if (rc < 0) {
        check_free(&c);
        return 2;
    }
    int failed = rc != 0;

    /* argv: SOCKLEAK --format json -q ARGS... FILE -- FLAGS... NULL */
    size_t n = 0;
    char **cmd = xrealloc(NULL, (c.opt.args.n + c.opt.flags.n + 8) * sizeof *cmd);
    cmd[n++] = (char *)sockleak;
    cmd[n++] = "--format";
    cmd[n++] = "json";
    cmd[n++] = "-q";
    for (size_t i = 0; i < c.opt.args.n; i++)
        cmd[n++] = c.opt.args.v[i];
    cmd[n++] = (char *)file;
    cmd[n++] = "--";
    for (size_t i = 0; i < c.opt.flags.n; i++)
        cmd[n++] = c.opt.flags.v[i];
    cmd[n] = NULL;

    failed |= run_and_compare(&c, cmd, 0);
    free(cmd);
    check_free(&c);
    return failed ? 1 : 0;
}

/* ---- project ---- */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends to out the paths, relative to root, of every .c and .h file under
 * root/rel (rel "" for root itself), sorted per directory.  Returns -1 when
 * a directory cannot be read. */
static int list_sources(const char *root, const char *rel, strvec *out)
{
    char *dir = rel[0] ? path_join(root, rel) : xstrdup(root);
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: cannot read %s: %s\n", prog, dir, strerror(errno));
        free(dir);
        return -1;
    }
    strvec names = {0};
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.')
            strvec_push(&names, xstrdup(e->d_name));
    closedir(d);
    if (names.n)
        qsort(names.v, names.n, sizeof *names.v, by_name);
    int rc = 0;
    for (size_t i = 0; i < names.n && rc == 0; i++) {
        char *r = rel[0] ? path_join(rel, names.v[i]) : xstrdup(names.v[i]);
        char *full = path_join(root, r);
        struct stat st;
        if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
            rc = list_sources(root, r, out);
            free(r);
        } else if (has_suffix(r, ".c") || has_suffix(r, ".h")) {
            strvec_push(out, r);
        } else {
            free(r);
        }
        free(full);
    }
    strvec_free(&names);
    free(dir);
    return rc;
}

/* Reads PROJECT/flags: one flag per line, literally.  A missing file means
 * no flags; returns -1 when it exists but cannot be read. */
static int read_flags(const char *root, strvec *out)
{
    char *path = path_join(root, "flags");
    if (access(path, F_OK) != 0) {
        free(path);
        return 0;
    }
    char *text = read_file(path);
    if (!text) {
        fprintf(stderr, "%s: cannot read %s: %s\n", prog, path, strerror(errno));
        free(path);
        return -1;
    }
    char *s = text;
    while (*s) {
        char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        while (len && (s[len - 1] == '\r' || s[len - 1] == ' ' || s[len - 1] == '\t'))
            len--;
        size_t lead = 0;
        while (lead < len && (s[lead] == ' ' || s[lead] == '\t'))
            lead++;
        if (len > lead && s[lead] != '#')
            strvec_push(out, xstrndup(s + lead, len - lead));
        if (!nl)
            break;
        s = nl + 1;
    }
    free(text);
    free(path);
    return 0;
}

static int shell_safe(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           (ch >= '0' && ch <= '9') || (ch && strchr("-_+=./,:@%", ch));
}

/* Appends word to the command line being built in *cmd, quoted the way
 * build systems write them: a word with a blank or a shell character keeps
 * its option prefix bare ("-I", or "-DNAME=") and double-quotes the rest,
 * with \ before " \ $ and `: -I"inc dir", -DGREETING="\"hello world\"". */
static void shell_append(char **cmd, size_t *len, const char *word)
{
    size_t wl = strlen(word);
    *cmd = xrealloc(*cmd, *len + 2 * wl + 8);
    char *p = *cmd + *len;
    if (*len)
        *p++ = ' ';
    size_t bare = 0;
    while (bare < wl && shell_safe(word[bare]))
        bare++;
    if (bare == wl && wl) {
        memcpy(p, word, wl);
        p += wl;
    } else {
        if (word[0] == '-') {
            const char *eq = memchr(word, '=', bare);
            bare = eq ? (size_t)(eq - word) + 1 : (bare < 2 ? bare : 2);
        } else {
            bare = 0;
        }
        memcpy(p, word, bare);
        p += bare;
        *p++ = '"';
        for (const char *q = word + bare; *q; q++) {
            if (strchr("\"\\$`", *q))
                *p++ = '\\';
            *p++ = *q;
        }
        *p++ = '"';
    }
    *p = '\0';
    *len = (size_t)(p - *cmd);
}

/* Builds the database text: one entry per .c file of files. */
static char *make_database(const char *root, const strvec *files,
                           const strvec *flags, int command_form, size_t *nc)
{
    cJSON *db = cJSON_CreateArray();
    if (!db)
        die_oom();
    *nc = 0;
    for (size_t i = 0; i < files->n; i++) {
        const char *rel = files->v[i];
        if (!has_suffix(rel, ".c"))
            continue;
        (*nc)++;
        size_t rl = strlen(rel);
        char *obj = xrealloc(NULL, rl + 3);
        memcpy(obj, rel, rl + 1);
        strcpy(obj + rl, ".o");

        strvec argv = {0};
        strvec_push(&argv, xstrdup("cc"));
        for (size_t k = 0; k < flags->n; k++)
            strvec_push(&argv, xstrdup(flags->v[k]));
        strvec_push(&argv, xstrdup("-c"));
        strvec_push(&argv, xstrdup("-o"));
        strvec_push(&argv, obj);
        strvec_push(&argv, xstrdup(rel));

        cJSON *e = cJSON_CreateObject();
        if (!e || !cJSON_AddStringToObject(e, "directory", root))
            die_oom();
        if (command_form) {
            char *cmd = NULL;
            size_t len = 0;
            for (size_t k = 0; k < argv.n; k++)
                shell_append(&cmd, &len, argv.v[k]);
            if (!cJSON_AddStringToObject(e, "command", cmd))
                die_oom();
            free(cmd);
        } else {
            cJSON *a = cJSON_AddArrayToObject(e, "arguments");
            if (!a)
                die_oom();
            for (size_t k = 0; k < argv.n; k++) {
                cJSON *s = cJSON_CreateString(argv.v[k]);
                if (!s)
                    die_oom();
                cJSON_AddItemToArray(a, s);
            }
        }
        if (!cJSON_AddStringToObject(e, "file", rel))
            die_oom();
        cJSON_AddItemToArray(db, e);
        strvec_free(&argv);
    }
    char *text = cJSON_Print(db);
    cJSON_Delete(db);
    if (!text)
        die_oom();
    return text;
}

/* Writes text to path.  Returns 0 or -1 (with a message). */
static int write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "%s: cannot create %s: %s\n", prog, path, strerror(errno));
        return -1;
    }
    int bad = fputs(text, f) < 0 || fputc('\n', f) < 0;
    bad |= fclose(f) != 0;
    if (bad)
        fprintf(stderr, "%s: cannot write %s: %s\n", prog, path, strerror(errno));
    return bad ? -1 : 0;
}

static int project(const char *sockleak, const char *dir)
{
    char rootbuf[PATH_MAX];
    if (!realpath(dir, rootbuf)) {
        fprintf(stderr, "%s: cannot find %s: %s\n", prog, dir, strerror(errno));
        return 2;
    }
    const char *root = rootbuf;
    check c = {.base = root};
    strvec files = {0}, flags = {0};
    char *tmp = NULL, *dbpath = NULL, *text = NULL;
    char **cmd = NULL;
    int rc = 2, failed = 0;

    if (list_sources(root, "", &files) != 0 || read_flags(root, &flags) != 0)
        goto out;
    for (size_t i = 0; i < files.n; i++) {
        char *p = path_join(root, files.v[i]);
        add_source(&c, p);
        free(p);
        int bad = parse_annotations(&c, c.nsrcs - 1);
        if (bad < 0)
            goto out;
        failed |= bad != 0;
    }
    char *cf = path_join(root, "command-form");
    int command_form = access(cf, F_OK) == 0;
    free(cf);
    size_t nc = 0;
    text = make_database(root, &files, &flags, command_form, &nc);
    if (nc == 0) {
        fprintf(stderr, "%s: %s holds no .c file\n", prog, root);
        goto out;
    }

    const char *tdir = getenv("TMPDIR");
    tmp = path_join(tdir && *tdir ? tdir : "/tmp", "expect_check.XXXXXX");
    if (!mkdtemp(tmp)) {
        fprintf(stderr, "%s: mkdtemp %s: %s\n", prog, tmp, strerror(errno));
        free(tmp);
        tmp = NULL;
        goto out;
    }
    dbpath = path_join(tmp, "compile_commands.json");
    if (write_text(dbpath, text) != 0)
        goto out;

    /* argv: SOCKLEAK --format json -q ARGS... -p TMPDIR NULL */
    size_t n = 0;
    cmd = xrealloc(NULL, (c.opt.args.n + 8) * sizeof *cmd);
    cmd[n++] = (char *)sockleak;
    cmd[n++] = "--format";
    cmd[n++] = "json";
    cmd[n++] = "-q";
    for (size_t i = 0; i < c.opt.args.n; i++)
        cmd[n++] = c.opt.args.v[i];
    cmd[n++] = "-p";
    cmd[n++] = tmp;
    cmd[n] = NULL;

    failed |= run_and_compare(&c, cmd, nc);
    if (failed)
        fprintf(stderr, "%s: database:\n%s\n", prog, text);
    rc = failed ? 1 : 0;

out:
    if (dbpath)
        unlink(dbpath);
    if (tmp && rmdir(tmp) != 0)
        fprintf(stderr, "%s: cannot remove %s: %s\n", prog, tmp, strerror(errno));
    free(dbpath);
    free(tmp);
    free(text);
    free(cmd);
    strvec_free(&files);
    strvec_free(&flags);
    check_free(&c);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--project") == 0)
        return project(argv[2], argv[3]);
    if (argc == 3 && argv[1][0] != '-')
        return single_file(argv[1], argv[2]);
    fprintf(stderr, "usage: %s SOCKLEAK FILE.c\n"
            "       %s --project SOCKLEAK PROJECT_DIR\n", prog, prog);
    return 2;
}
