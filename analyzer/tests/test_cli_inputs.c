/* test_cli_inputs.c — unit tests for the CLI's pure helpers: option parsing,
 * path normalization and "is under", directory search, the language of a
 * database entry, compile-command filtering, compile_commands.json loading
 * (through libclang: response files, other names, C++ entries), duplicate
 * removal and inline-suppression comments.  It does not run the front end or the engine.
 *
 * The CLI is an executable, not a library, so the helper sources are
 * compiled into this test directly. */
#include "cli/compdb.c"
#include "cli/dedupe.c"
#include "cli/inputs.c"
#include "cli/interrupt.c"
#include "cli/options.c"
#include "cli/output.c"
#include "cli/suppress.c"
#include "cli/util.c"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/check.h"

static char tmpdir[] = "/tmp/sockleak-test-cli-XXXXXX";

static void write_file(const char *rel, const char *text)
{
    char *p = cli_strf("%s/%s", tmpdir, rel);
    FILE *f = fopen(p, "w");
    if (!f) {
        perror(p);
        exit(2);
    }
    fputs(text, f);
    fclose(f);
    free(p);
}

static void make_dir(const char *rel)
{
    char *p = cli_strf("%s/%s", tmpdir, rel);
    mkdir(p, 0755);
    free(p);
}

/* ---- options ---- */

static cli_parse_status parse(cli_options *o, char **err, int argc, ...)
{
    static char *argv[32];
    va_list ap;
    va_start(ap, argc);
    argv[0] = "sockleak";
    for (int i = 1; i < argc; i++)
        argv[i] = va_arg(ap, char *);
    va_end(ap);
    *err = NULL;
    return cli_parse_args(argc, argv, o, err);
}

static void test_options(void)
{
    cli_options o;
    char *err;
    CHECK(parse(&o, &err, 1) == CLI_PARSE_OK);
    CHECK_STR(cli_format_name(o.format), "text");
    CHECK(o.fail_on == SL_LEVEL_WARNING && o.progress == -1 && o.jobs == 0);
    cli_options_free(&o);

    CHECK(parse(&o, &err, 13, "--format=json", "a.c", "-j3", "--rules", "x.json",
                "--rules=y.json", "-o", "out.json", "--disable",
                "double-close", "dir", "--fail-on=never") == CLI_PARSE_OK);
    CHECK_STR(cli_format_name(o.format), "json");
    CHECK(o.jobs == 3 && o.nrules == 2 && o.npaths == 2);
    CHECK_STR(o.rules[1], "y.json");
    CHECK_STR(o.paths[1], "dir");
    CHECK_STR(o.output, "out.json");
    CHECK(o.rule_toggle[SL_RULE_DOUBLE_CLOSE] == -1);
    CHECK(o.fail_on == CLI_FAIL_NEVER);
    cli_options_free(&o);

    CHECK(parse(&o, &err, 7, "-p", "build", "x.c", "--", "-DX=1", "-Iinc") ==
          CLI_PARSE_OK);
    CHECK_STR(o.compdb, "build");
    CHECK(o.ncc_args == 2 && o.npaths == 1);
    CHECK_STR(o.cc_args[1], "-Iinc");
    cli_options_free(&o);

    CHECK(parse(&o, &err, 3, "--progress", "-q") == CLI_PARSE_OK);
    CHECK(o.quiet && o.progress == 0);
    cli_options_free(&o);

    CHECK(parse(&o, &err, 7, "--format=sarif", "--baseline", "b.json",
                "--write-baseline=n.json", "--report-unused-suppressions",
                "--list-rules") == CLI_PARSE_OK);
    CHECK_STR(cli_format_name(o.format), "sarif");
    CHECK_STR(o.baseline, "b.json");
    CHECK_STR(o.write_baseline, "n.json");
    CHECK(o.report_unused && o.list_rules);
    cli_options_free(&o);
}

static void expect_error(const char *want, int argc, ...)
{
    static char *argv[8];
    va_list ap;
    va_start(ap, argc);
    argv[0] = "sockleak";
    for (int i = 1; i < argc; i++)
        argv[i] = va_arg(ap, char *);
    va_end(ap);
    cli_options o;
    char *err = NULL;
    CHECK(cli_parse_args(argc, argv, &o, &err) == CLI_PARSE_ERROR);
    CHECK(err && strstr(err, want));
    if (err && !strstr(err, want))
        fprintf(stderr, "  message: %s\n", err);
    free(err);
    cli_options_free(&o);
}

static void test_option_errors(void)
{
    expect_error("unrecognized option '--frobnicate'", 2, "--frobnicate=1");
    expect_error("unrecognized option '-x'", 2, "-x");
    expect_error("requires an argument", 2, "--format");
    expect_error("invalid argument 'xml' for '--format'", 3, "--format", "xml");
    expect_error("requires an argument", 2, "--baseline");
    expect_error("requires an argument", 2, "--write-baseline");
    expect_error("doesn't allow an argument", 2, "--list-rules=1");
    expect_error("unknown rule 'leak'", 3, "--enable", "leak");
    expect_error("invalid argument '0' for '-j'", 2, "-j0");
    expect_error("invalid argument 'loud' for '--fail-on'", 2, "--fail-on=loud");
    expect_error("doesn't allow an argument", 2, "--quiet=1");
    expect_error("invalid argument 'sometimes' for '--color'", 2,
                 "--color=sometimes");

    cli_options o;
    char *err;
    CHECK(parse(&o, &err, 3, "x.c", "--help") == CLI_PARSE_HELP);
    cli_options_free(&o);
    CHECK(parse(&o, &err, 2, "--version") == CLI_PARSE_VERSION);
    cli_options_free(&o);
}

/* ---- paths ---- */

static void check_abs(const char *path, const char *base, const char *want)
{
    char *got = cli_path_absolute(path, base);
    CHECK_STR(got, want);
    free(got);
}

static void test_paths(void)
{
    check_abs("/a/b/../c/./d//e", NULL, "/a/c/d/e");
    check_abs("../x.c", "/p/q", "/p/x.c");
    check_abs("/..", NULL, "/");
    check_abs("src/./a.c", "/w/", "/w/src/a.c");
    check_abs("..", "/", "/");
    CHECK(cli_path_is_under("/a/b/c.c", "/a/b"));
    CHECK(cli_path_is_under("/a/b", "/a/b"));
    CHECK(!cli_path_is_under("/a/bc/d.c", "/a/b"));
    CHECK(cli_path_is_under("/x", "/"));
    CHECK(cli_is_c_file("a.c") && !cli_is_c_file("a.cc") && !cli_is_c_file(".c"));

    char *cwd = cli_getcwd();
    char *in = cli_strf("%s/sub/f.c", cwd);
    char *d = cli_path_display(in);
    CHECK_STR(d, "sub/f.c");
    free(d);
    d = cli_path_display("/nonexistent-root-dir/f.c");
    CHECK_STR(d, "/nonexistent-root-dir/f.c");
    free(d);
    free(in);
    free(cwd);
}

static void test_collect(void)
{
    make_dir("tree");
    make_dir("tree/b");
    make_dir("tree/a");
    make_dir("tree/.hidden");
    write_file("tree/z.c", "");
    write_file("tree/b/m.c", "");
    write_file("tree/a/n.c", "");
    write_file("tree/a/n.h", "");
    write_file("tree/.hidden/h.c", "");
    write_file("tree/.dot.c", "");

    char *root = cli_strf("%s/tree", tmpdir);
    char *file = cli_strf("%s/tree/z.c", tmpdir);
    const char *paths[] = {root, file};
    cli_strvec files = {0};
    char *err = NULL;
    report_incomplete_list skipped = {0};
    CHECK(cli_collect_files(paths, 2, &files, &skipped, &err) == 0);
    CHECK(skipped.n == 0);
    CHECK(files.n == 3);
    if (files.n == 3) {
        CHECK(strstr(files.v[0], "tree/a/n.c") != NULL);
        CHECK(strstr(files.v[1], "tree/b/m.c") != NULL);
        CHECK(strstr(files.v[2], "tree/z.c") != NULL);
    }
    cli_strvec_free(&files);

    const char *missing[] = {"/nonexistent/dir"};
    CHECK(cli_collect_files(missing, 1, &files, NULL, &err) == -1);
    CHECK(err && strstr(err, "/nonexistent/dir: No such file"));
    free(err);
    cli_strvec_free(&files);
    free(root);
    free(file);
}

/* A path longer than PATH_MAX below a walked directory is left out and
 * listed, and the walk goes on. */
static void test_collect_too_long(void)
{
    make_dir("long");
    write_file("long/top.c", "");
    char *root = cli_strf("%s/long", tmpdir);
    char name[201];
    memset(name, 'd', 200);
    name[200] = '\0';
    int fd = open(root, O_RDONLY | O_DIRECTORY);
    for (int depth = 0; fd >= 0 && depth < 24; depth++) {
        mkdirat(fd, name, 0755);
        int sub = openat(fd, name, O_RDONLY | O_DIRECTORY);
        close(fd);
        fd = sub;
    }
    CHECK(fd >= 0);
    if (fd >= 0) {
        int c = openat(fd, "deep.c", O_WRONLY | O_CREAT, 0644);
        CHECK(c >= 0);
        if (c >= 0)
            close(c);
        close(fd);
    }
    const char *paths[] = {root};
    cli_strvec files = {0};
    report_incomplete_list skipped = {0};
    char *err = NULL;
    CHECK(cli_collect_files(paths, 1, &files, &skipped, &err) == 0);
    CHECK(files.n == 1 && strstr(files.v[0], "long/top.c"));
    CHECK(skipped.n == 1);
    if (skipped.n == 1) {
        CHECK(skipped.items[0].kind == RI_PATH_TOO_LONG);
        CHECK(strlen(skipped.items[0].file) >= PATH_MAX);
    }
    report_incomplete_free(&skipped);
    cli_strvec_free(&files);
    free(err);
    free(root);
}

/* ---- compilation database ---- */

static void test_lang(void)
{
    const char *plain[] = {"cc", "-c", "x"};
    CHECK(cli_compdb_lang("src/a.c", plain, 3) == CLI_LANG_C);
    CHECK(cli_compdb_lang("a.cc", plain, 3) == CLI_LANG_CXX);
    CHECK(cli_compdb_lang("a.C", plain, 3) == CLI_LANG_CXX);
    CHECK(cli_compdb_lang("a.c++", plain, 3) == CLI_LANG_CXX);
    CHECK(cli_compdb_lang("boot.S", plain, 3) == CLI_LANG_ASM);
    CHECK(cli_compdb_lang("x.asm", plain, 3) == CLI_LANG_ASM);
    CHECK(cli_compdb_lang("dir.cc/a.c", plain, 3) == CLI_LANG_C);
    const char *xcxx[] = {"cc", "-x", "c++", "a.c"};
    CHECK(cli_compdb_lang("a.c", xcxx, 4) == CLI_LANG_CXX);
    const char *xasm[] = {"cc", "-xassembler-with-cpp", "a.c"};
    CHECK(cli_compdb_lang("a.c", xasm, 3) == CLI_LANG_ASM);
    const char *xc[] = {"c++", "-x", "c++", "-x", "c", "a.cpp"};
    CHECK(cli_compdb_lang("a.cpp", xc, 6) == CLI_LANG_C);
    const char *xnone[] = {"cc", "-x", "c", "-x", "none", "a.cpp"};
    CHECK(cli_compdb_lang("a.cpp", xnone, 6) == CLI_LANG_CXX);
}

static void test_filter(void)
{
    const char *argv[] = {"ccache", "/usr/bin/gcc", "-c", "-Iinc", "-o",
                          "x.o", "-MD", "-MF", "x.d", "-MTx.o", "-DX",
                          "src/x.c", "-O2", "-ofoo.o", "-MMD", "-MP", "-MQ",
                          "q", "../w/src/x.c"};
    cli_strvec out = {0};
    cli_compdb_filter_args(argv, sizeof argv / sizeof *argv, "src/x.c",
                           "/w/src/x.c", "/w", &out);
    CHECK(out.n == 3);
    if (out.n == 3) {
        CHECK_STR(out.v[0], "-I/w/inc");
        CHECK_STR(out.v[1], "-DX");
        CHECK_STR(out.v[2], "-O2");
    }
    cli_strvec_free(&out);

    /* Path values become absolute against the entry's directory. */
    const char *paths[] = {"cc", "-I", "../inc", "-isystem", "/usr/x",
                           "-include", "cfg.h", "-iquote./q", "-I=/sys",
                           "--sysroot=root", "-isystem-after", "late",
                           "@args.rsp", "-DPATH=rel", "x.c"};
    cli_compdb_filter_args(paths, sizeof paths / sizeof *paths, "x.c",
                           "/b/x.c", "/b", &out);
    const char *want[] = {"-I", "/inc", "-isystem", "/usr/x", "-include",
                          "/b/cfg.h", "-iquote/b/q", "-I=/sys",
                          "--sysroot=/b/root", "-isystem-after", "/b/late",
                          "@/b/args.rsp", "-DPATH=rel"};
    CHECK(out.n == sizeof want / sizeof *want);
    for (size_t i = 0; i < out.n && i < sizeof want / sizeof *want; i++)
        CHECK_STR(out.v[i], want[i]);
    cli_strvec_free(&out);
}

static void test_compdb(void)
{
    make_dir("proj");
    make_dir("proj/src");
    make_dir("proj/build");
    write_file("proj/src/a.c", "int a;\n");
    write_file("proj/src/b.c", "int b;\n");
    write_file("proj/build/compile_commands.json",
               "[{\"directory\": \"..\", \"file\": \"src/a.c\",\n"
               "  \"arguments\": [\"cc\", \"-c\", \"-Iinc\", \"src/a.c\", \"-o\", \"a.o\"]},\n"
               " {\"directory\": \"../src\", \"file\": \"b.c\",\n"
               "  \"command\": \"gcc -DN='\\\"x y\\\"' -c b.c\"},\n"
               " {\"directory\": \"..\", \"file\": \"src/a.c\",\n"
               "  \"command\": \"cc -DSECOND -c src/a.c\"}]\n");
    char *dbdir = cli_strf("%s/proj/build", tmpdir);
    cli_compdb db;
    char *err = NULL;
    CHECK(cli_compdb_load(dbdir, &db, &err) == 0);
    CHECK(db.n == 3);
    if (db.n == 3) {
        char *proj = cli_path_canonical("..", dbdir);
        char *a = cli_strf("%s/src/a.c", proj);
        CHECK_STR(db.items[0].file, a);
        CHECK_STR(db.items[0].dir, proj);
        char *inc = cli_strf("-I%s/inc", proj);
        CHECK(db.items[0].args.n == 1);
        CHECK_STR(db.items[0].args.v[0], inc);
        free(inc);
        CHECK(db.items[1].args.n == 1);
        CHECK_STR(db.items[1].args.v[0], "-DN=\"x y\"");
        CHECK_STR(db.items[2].file, a);
        CHECK_STR(db.items[2].args.v[0], "-DSECOND");
        free(a);
        free(proj);
    }
    cli_compdb_free(&db);

    int in_dir = 0;
    char *src = cli_strf("%s/proj/src", tmpdir);
    char *found = cli_compdb_find(src, &in_dir);
    CHECK(found && strstr(found, "proj/build/compile_commands.json"));
    CHECK(!in_dir);
    free(found);
    free(src);

    /* another name, absolute directories, a response file, a C++ entry */
    write_file("proj/src/args.rsp", "-Iinc \"-DS=a b\"\n");
    char *projdir = cli_strf("%s/proj/src", tmpdir);
    char *other = cli_strf("[{\"directory\": \"%s\", \"file\": \"a.c\",\n"
                           "  \"command\": \"cc @args.rsp -c a.c\"},\n"
                           " {\"directory\": \"%s\", \"file\": \"b.cc\",\n"
                           "  \"arguments\": [\"g++\", \"-c\", \"b.cc\"]}]\n",
                           projdir, projdir);
    write_file("proj/other.json", other);
    free(other);
    char *otherpath = cli_strf("%s/proj/other.json", tmpdir);
    CHECK(cli_compdb_load(otherpath, &db, &err) == 0);
    CHECK(db.n == 2);
    if (db.n == 2) {
        char *inc = cli_strf("-I%s/inc", projdir);
        CHECK(db.items[0].lang == CLI_LANG_C);
        CHECK(db.items[0].args.n == 2);
        if (db.items[0].args.n == 2) {
            CHECK_STR(db.items[0].args.v[0], inc);
            CHECK_STR(db.items[0].args.v[1], "-DS=a b");
        }
        free(inc);
        CHECK(db.items[1].lang == CLI_LANG_CXX);
        CHECK(db.items[1].args.n == 0);
    }
    cli_compdb_free(&db);
    free(otherpath);
    free(projdir);

    write_file("proj/bad.json", "[{\"file\": \"a.c\",\n \"command\": }]");
    char *bad = cli_strf("%s/proj/bad.json", tmpdir);
    CHECK(cli_compdb_load(bad, &db, &err) == -1);
    CHECK(err && strstr(err, "bad.json:2:"));
    free(err);
    free(bad);
    write_file("proj/noargs.json", "[{\"file\": \"a.c\", \"directory\": \".\"}]");
    bad = cli_strf("%s/proj/noargs.json", tmpdir);
    CHECK(cli_compdb_load(bad, &db, &err) == -1);
    CHECK(err && strstr(err, "entry 1: neither"));
    free(err);
    free(bad);
    free(dbdir);
}

/* ---- duplicates ---- */

static ir_func *hfunc(const char *name, const char *usr, int in_header)
{
    ir_func *f = ir_func_new(name);
    f->usr = arena_strdup(f->arena, usr);
    f->in_header = in_header ? 1 : 0;
    return f;
}

static void test_dedupe_funcs(void)
{
    ir_func *fns[] = {
        hfunc("h", "c:@F@h", 1), hfunc("m", "c:@F@main", 0),
        hfunc("h", "c:@F@h", 1), hfunc("m", "c:@F@main", 0),
        hfunc("g", "c:@F@g", 1), hfunc("h", "c:@F@h", 1),
    };
    ir_func *first_h = fns[0], *g = fns[4];
    size_t n = cli_dedupe_header_funcs(fns, 6);
    CHECK(n == 4);
    CHECK(fns[0] == first_h && fns[3] == g);
    CHECK(strcmp(fns[1]->name, "m") == 0 && strcmp(fns[2]->name, "m") == 0);
    for (size_t i = 0; i < n; i++)
        ir_func_free(fns[i]);
}

static void add_finding(finding_list *l, sl_rule r, unsigned line,
                        unsigned acq_line, const char *msg)
{
    finding f;
    memset(&f, 0, sizeof f);
    f.rule = r;
    f.message = cli_xstrdup(msg);
    f.loc.file = cli_xstrdup("a.c");
    f.loc.line = line;
    f.loc.col = 5;
    f.acquired.file = cli_xstrdup("a.c");
    f.acquired.line = acq_line;
    f.acquired.col = 9;
    finding_list_push(l, &f);
}

static void test_dedupe_findings(void)
{
    finding_list l = {0};
    add_finding(&l, SL_RULE_RESOURCE_LEAK, 10, 3, "m1");
    add_finding(&l, SL_RULE_RESOURCE_LEAK, 10, 4, "m1");
    add_finding(&l, SL_RULE_RESOURCE_LEAK, 10, 3, "m2");  /* duplicate */
    add_finding(&l, SL_RULE_DOUBLE_CLOSE, 10, 3, "m1");
    add_finding(&l, SL_RULE_RESOURCE_LEAK, 12, 3, "m1");
    add_finding(&l, SL_RULE_RESOURCE_LEAK, 12, 3, "m1");  /* duplicate */
    finding_list_sort(&l);
    cli_dedupe_findings(&l);
    CHECK(l.n == 4);
    finding_list_clear(&l);

    cli_strvec sv = {0};
    cli_strvec_push(&sv, "b:f");
    cli_strvec_push(&sv, "a:g");
    cli_strvec_push(&sv, "b:f");
    cli_dedupe_strings(&sv);
    CHECK(sv.n == 2);
    CHECK_STR(sv.v[0], "a:g");
    CHECK(sv.v[2] == NULL);
    cli_strvec_free(&sv);
}

/* ---- suppression comments ---- */

static void test_suppress_lines(void)
{
    const sl_rule leak = SL_RULE_RESOURCE_LEAK, dbl = SL_RULE_DOUBLE_CLOSE;
    CHECK(cli_line_suppresses("  return -1; // sockleak-ignore", leak));
    CHECK(cli_line_suppresses("  return -1; // sockleak-ignore", dbl));
    CHECK(cli_line_suppresses("x; /* sockleak-ignore(resource-leak) */", leak));
    CHECK(!cli_line_suppresses("x; /* sockleak-ignore(resource-leak) */", dbl));
    CHECK(cli_line_suppresses("// sockleak-ignore(double-close, resource-leak)",
                              leak));
    CHECK(cli_line_suppresses("   * sockleak-ignore", leak));
    CHECK(!cli_line_suppresses("puts(\"sockleak-ignore\");", leak));
    CHECK(!cli_line_suppresses("// sockleak-ignore(resource)", leak));
    CHECK(cli_line_suppresses("close(fd); // NOLINT(sockleak-double-close)", dbl));
    CHECK(!cli_line_suppresses("close(fd); // NOLINT(sockleak-double-close)", leak));
    CHECK(cli_line_suppresses("// NOLINTNEXTLINE(bugprone-x, sockleak-*)", leak));
    CHECK(!cli_line_suppresses("return -1; // NOLINT", leak));
    CHECK(!cli_line_suppresses("return -1; // NOLINT(resource-leak)", leak));
    CHECK(!cli_line_suppresses("return -1;", leak));
}

static void test_suppress_findings(void)
{
    write_file("s.c", "int f(void)\n"
                      "{\n"
                      "    // sockleak-ignore\n"
                      "    return 1;\n"
                      "    return 2; // NOLINT(sockleak-double-close)\n"
                      "}\n");
    char *path = cli_strf("%s/s.c", tmpdir);
    finding_list l = {0};
    add_finding(&l, SL_RULE_RESOURCE_LEAK, 4, 1, "above");
    add_finding(&l, SL_RULE_RESOURCE_LEAK, 5, 1, "other rule");
    add_finding(&l, SL_RULE_DOUBLE_CLOSE, 5, 1, "same line");
    add_finding(&l, SL_RULE_RESOURCE_LEAK, 2, 1, "none");
    for (size_t i = 0; i < l.n; i++) {
        free(l.items[i].loc.file);
        l.items[i].loc.file = cli_xstrdup(path);
    }
    cli_suppress(&l);
    CHECK(l.n == 4);
    if (l.n == 4) {
        CHECK(l.items[0].suppressed);    /* marker on the line above */
        CHECK(!l.items[1].suppressed);   /* NOLINT names another rule */
        CHECK(l.items[2].suppressed);    /* NOLINT on the same line */
        CHECK(!l.items[3].suppressed);   /* two lines above the marker */
    }
    finding_list_clear(&l);
    free(path);
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 2;
    }
    test_options();
    test_option_errors();
    test_paths();
    test_collect();
    test_collect_too_long();
    test_lang();
    test_filter();
    test_compdb();
    test_dedupe_funcs();
    test_dedupe_findings();
    test_suppress_lines();
    test_suppress_findings();
    char *rm = cli_strf("rm -rf '%s'", tmpdir);
    if (system(rm) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
    free(rm);
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
