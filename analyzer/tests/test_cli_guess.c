/* test_cli_guess.c — unit tests for analysis without a build: the
 * #include scanner (comments, literals, "#if 0", conditional and guarded
 * blocks), the index of a tree by file name (which directory is chosen
 * when several have the header), and the include guesser on a small tree
 * (what is guessed, what is missing, what the user's -I already covers, the
 * order of the arguments the jobs get).  testdata/cli/guess_includes.sh
 * tests the same through the command line.
 *
 * The CLI is an executable, not a library, so the helper sources are
 * compiled into this test directly. */
#include "cli/guess.c"
#include "cli/hdrindex.c"
#include "cli/incscan.c"
#include "cli/inputs.c"
#include "cli/strmap.c"
#include "cli/util.c"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/check.h"

static char tmpdir[] = "/tmp/sockleak-test-guess-XXXXXX";

/* Writes text to tmpdir/rel, creating the directories on the way. */
static void write_file(const char *rel, const char *text)
{
    char *p = cli_strf("%s/%s", tmpdir, rel);
    for (char *s = p + strlen(tmpdir) + 1; (s = strchr(s, '/')) != NULL; s++) {
        *s = '\0';
        mkdir(p, 0755);
        *s = '/';
    }
    FILE *f = fopen(p, "w");
    if (!f) {
        perror(p);
        exit(2);
    }
    fputs(text, f);
    fclose(f);
    free(p);
}

/* ---- the scanner ---- */

/* Every include seen, as "\"name\"" or "<name>", with a '?' prefix when
 * conditional, separated by spaces. */
static void collect(const char *name, int angled, int conditional, void *ctx)
{
    char **s = ctx;
    char *t = cli_strf("%s%s%s%c%s%c", *s, **s ? " " : "",
                       conditional ? "?" : "", angled ? '<' : '"', name,
                       angled ? '>' : '"');
    free(*s);
    *s = t;
}

static char *scan(const char *text)
{
    char *s = cli_xstrdup("");
    cli_incscan_text(text, strlen(text), collect, &s);
    return s;
}

#define CHECK_SCAN(text, want)                                                \
    do {                                                                      \
        char *got_ = scan(text);                                              \
        CHECK_STR(got_, want);                                                \
        free(got_);                                                           \
    } while (0)

static void test_scan(void)
{
    CHECK_SCAN("#include \"a.h\"\n#include <sys/b.h>\n", "\"a.h\" <sys/b.h>");
    CHECK_SCAN("  #  include\t\"a.h\"\n", "\"a.h\"");
    CHECK_SCAN("/* x */ #include \"a.h\"\n", "\"a.h\"");
    /* not includes: in comments, after code, macros, include_next, junk */
    CHECK_SCAN("// #include \"a.h\"\n/* #include \"b.h\"\n#include \"c.h\" */\n",
               "");
    CHECK_SCAN("int x; #include \"a.h\"\n", "");
    CHECK_SCAN("#include HEADER\n#include_next <a.h>\n#import \"b.h\"\n", "");
    CHECK_SCAN("#include \"unterminated\n#include <\n#include \"\"\n", "");
    /* a comment opener inside a literal opens nothing */
    CHECK_SCAN("const char *s = \"/*\"; char c = '\"';\n#include \"a.h\"\n",
               "\"a.h\"");
    /* #if 0 blocks, nested conditions inside them, their #else */
    CHECK_SCAN("#if 0\n#include \"a.h\"\n#ifdef X\n#include \"b.h\"\n#endif\n"
               "#else\n#include \"c.h\"\n#endif\n#include \"d.h\"\n",
               "?\"c.h\" \"d.h\"");
    /* conditional blocks; include guards are not conditions */
    CHECK_SCAN("#ifdef HAVE_CONFIG_H\n#include \"config.h\"\n#endif\n"
               "#include \"e.h\"\n", "?\"config.h\" \"e.h\"");
    CHECK_SCAN("#ifndef P_H\n#define P_H\n#include \"a.h\"\n#ifdef W\n"
               "#include \"b.h\"\n#endif\n#include \"c.h\"\n#endif\n",
               "\"a.h\" ?\"b.h\" \"c.h\"");
    CHECK_SCAN("#if !defined(P_H)\n#define P_H\n#include \"a.h\"\n#endif\n",
               "\"a.h\"");
    CHECK_SCAN("#ifndef HAVE_LINUX\n#include <net/if_dl.h>\n#else\n"
               "#include \"l.h\"\n#endif\n", "?<net/if_dl.h> ?\"l.h\"");
    CHECK_SCAN("#ifndef P_H\n#define P_H\n#else\n#include \"a.h\"\n#endif\n",
               "?\"a.h\"");
    /* an #endif too many does not break what follows */
    CHECK_SCAN("#endif\n#endif\n#include \"a.h\"\n", "\"a.h\"");
    /* binary junk */
    char junk[] = "\0\1#include \"a.h\"\n\xff#include \"b.h\"\n";
    char *s = cli_xstrdup("");
    cli_incscan_text(junk, sizeof junk - 1, collect, &s);
    CHECK_STR(s, "");
    free(s);
}

/* ---- the index ---- */

static void test_index(void)
{
    write_file("ix/include/a.h", "");
    write_file("ix/misc/a.h", "");
    write_file("ix/src/net/common/b.h", "");
    write_file("ix/include/b.h", "");
    write_file("ix/lib/sub/c.h", "");
    write_file("ix/.hidden/d.h", "");
    write_file("ix/deep/include/proj/e.h", "");
    char *root = cli_strf("%s/ix", tmpdir);
    const char *roots[] = {root, root};   /* a root twice counts once */
    cli_hdrindex ix;
    cli_hdrindex_build(&ix, roots, 2, 100);
    CHECK(ix.roots.n == 1);
    CHECK(ix.files.n == 6);
    CHECK(!ix.truncated);

    char *near = cli_strf("%s/src/net", root);
    char *want, *got;
    /* the same distance: the one named include */
    got = cli_hdrindex_find(&ix, "a.h", near);
    want = cli_strf("%s/include", root);
    CHECK_STR(got, want);
    free(got);
    free(want);
    /* nearer to the including file wins over include/ */
    got = cli_hdrindex_find(&ix, "b.h", near);
    want = cli_strf("%s/src/net/common", root);
    CHECK_STR(got, want);
    free(got);
    free(want);
    /* a name with a directory part */
    got = cli_hdrindex_find(&ix, "sub/c.h", near);
    want = cli_strf("%s/lib", root);
    CHECK_STR(got, want);
    free(got);
    free(want);
    CHECK(cli_hdrindex_find(&ix, "ub/c.h", near) == NULL);
    CHECK(cli_hdrindex_find(&ix, "d.h", near) == NULL);   /* hidden */
    CHECK(cli_hdrindex_find(&ix, "nowhere.h", near) == NULL);

    /* include/ directories of the components holding the files only */
    cli_strvec dirs = {0};
    char *file = cli_strf("%s/src/net/x.c", root);
    const char *files[] = {file, NULL};
    cli_hdrindex_include_dirs(&ix, files, 1, &dirs);
    CHECK(dirs.n == 1);
    cli_strvec_free(&dirs);
    files[1] = want = cli_strf("%s/deep/lib/y.c", root);
    cli_hdrindex_include_dirs(&ix, files, 2, &dirs);
    free(want);
    free(file);
    CHECK(dirs.n == 2);
    want = cli_strf("%s/include", root);
    CHECK_STR(dirs.n > 0 ? dirs.v[0] : NULL, want);
    free(want);
    want = cli_strf("%s/deep/include", root);
    CHECK_STR(dirs.n > 1 ? dirs.v[1] : NULL, want);
    free(want);
    cli_strvec_free(&dirs);
    cli_hdrindex_free(&ix);

    /* the limit */
    cli_hdrindex_build(&ix, roots, 1, 3);
    CHECK(ix.files.n == 3);
    CHECK(ix.truncated);
    cli_hdrindex_free(&ix);
    free(near);
    free(root);
}

/* ---- the guesser ---- */

static void test_guess(void)
{
    write_file("proj/src/main.c",
               "#include \"config.h\"\n#include \"proto.h\"\n"
               "#include \"util/helpers.h\"\n#include \"mine.h\"\n"
               "#include <stdio.h>\n#include <proj/api.h>\n"
               "#ifdef __FreeBSD__\n#include <osreldate.h>\n#endif\n");
    write_file("proj/src/other.c", "#ifdef HAVE_CONFIG_H\n"
               "#include \"config.h\"\n#endif\n#include \"local.h\"\n");
    write_file("proj/src/local.h", "#include \"./proto.h\"\n");
    write_file("proj/include/proto.h", "#include \"version.h\"\n");
    write_file("proj/lib/util/helpers.h", "#include \"log.h\"\n");
    write_file("proj/lib/log.h", "");
    write_file("proj/pub/include/proj/api.h", "");
    write_file("proj/mine/mine.h", "");
    write_file("proj/other/mine.h", "");
    char *root = cli_strf("%s/proj", tmpdir);
    char *cwd = getcwd(NULL, 0);
    if (!cwd || chdir(root) != 0) {
        perror(root);
        exit(2);
    }

    char *user = cli_strf("-I%s/mine", root);
    const char *cc_args[] = {"-DX", user};
    const char *paths[] = {"src"};
    cli_options o = {0};
    o.paths = paths;
    o.npaths = 1;
    o.cc_args = cc_args;
    o.ncc_args = 2;
    cli_joblist jobs = {0};
    jobs.cap = 2;
    jobs.items = calloc(2, sizeof *jobs.items);
    const char *files[] = {"src/main.c", "src/other.c"};
    for (int i = 0; i < 2; i++) {
        jobs.items[jobs.n].file = cli_xstrdup(files[i]);
        cli_strvec_push(&jobs.items[jobs.n].args, "-DX");
        cli_strvec_push(&jobs.items[jobs.n++].args, user);
    }

    cli_guess g;
    cli_guess_includes(&o, &jobs, &g);
    /* in the order they were needed, then the include/ directories; not
     * mine/ (the user's -I has mine.h), not other/ */
    const char *want_dirs[] = {"include", "lib", "pub/include"};
    CHECK(g.dirs.n == 3);
    for (size_t i = 0; i < 3 && i < g.dirs.n; i++) {
        char *want = cli_strf("%s/%s", root, want_dirs[i]);
        CHECK_STR(g.dirs.v[i], want);
        free(want);
    }
    /* missing: config.h (2 files, one of them unconditionally) and
     * version.h (reached through include/proto.h); not <osreldate.h>,
     * which only a FreeBSD build includes */
    CHECK(g.nmissing == 2);
    if (g.nmissing == 2) {
        CHECK_STR(g.missing[0].name, "config.h");
        CHECK(g.missing[0].nfiles == 2 && !g.missing[0].angled);
        CHECK_STR(g.missing[1].name, "version.h");
        CHECK(g.missing[1].nfiles == 1);
    }
    /* every job: its own flags first, then the guesses */
    for (size_t j = 0; j < jobs.n; j++) {
        cli_strvec *a = &jobs.items[j].args;
        CHECK(a->n == 5);
        if (a->n != 5)
            continue;
        CHECK_STR(a->v[0], "-DX");
        CHECK_STR(a->v[1], user);
        char *want = cli_strf("-I%s/include", root);
        CHECK_STR(a->v[2], want);
        free(want);
    }

    /* what stderr says */
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    cli_guess_print(out, &g);
    fclose(out);
    CHECK_STR(text,
              "sockleak: no compilation database: guessed include "
              "directories: include, lib, pub/include (use -p DIR or -- FLAGS "
              "to set them; --no-guess-includes to turn this off)\n"
              "sockleak: note: 'config.h' (included by 2 files) and "
              "'version.h' (included by 1 file) are not in the tree; they "
              "are probably generated by the build (configure/cmake): use -p "
              "with a compilation database or -- -I...\n");
    free(text);

    cli_guess_free(&g);
    cli_guess_free(NULL);
    for (size_t j = 0; j < jobs.n; j++) {
        free(jobs.items[j].file);
        cli_strvec_free(&jobs.items[j].args);
    }
    free(jobs.items);
    free(user);
    if (chdir(cwd) != 0)
        perror(cwd);
    free(cwd);
    free(root);
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 2;
    }
    test_scan();
    test_index();
    test_guess();
    char *rm = cli_strf("rm -rf '%s'", tmpdir);
    if (system(rm) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
    free(rm);
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
