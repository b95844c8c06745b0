/* test_cli_exclude.c — unit tests for the "exclude" patterns of
 * .sockleak.json (cli/exclude.c): normalization and its errors, glob
 * matching of "*" and "**", directory matches, and the job-list filter.
 * The configuration file as a whole is tested through the executable
 * (testdata/cli/config_*.sh).
 *
 * The CLI is an executable, not a library, so the helper sources are
 * compiled into this test directly. */
#include "cli/compdb.c"
#include "cli/exclude.c"
#include "cli/inputs.c"
#include "cli/interrupt.c"
#include "cli/job.c"
#include "cli/util.c"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/check.h"

/* pattern as written -> normalized form, or NULL when it is rejected */
static const struct {
    const char *pat, *norm;
} norm_cases[] = {
    {"third_party/", "third_party/"},
    {"./gen//*.c", "gen/*.c"},
    {"a/./b/", "a/b/"},
    {"tests/fuzz/**", "tests/fuzz/**"},
    {"", NULL},
    {"/usr/include", NULL},
    {"a/../b", NULL},
    {"..", NULL},
    {".", NULL},
    {"./", NULL},
};

static void test_normalize(void)
{
    for (size_t i = 0; i < sizeof norm_cases / sizeof norm_cases[0]; i++) {
        const char *why = NULL;
        char *got = cli_exclude_normalize(norm_cases[i].pat, &why);
        const char *want = norm_cases[i].norm;
        if (want ? !got || strcmp(got, want) != 0 : got != NULL || !why) {
            fprintf(stderr, "normalize '%s': got '%s', want '%s'\n",
                    norm_cases[i].pat, got ? got : "(null)",
                    want ? want : "(null)");
            failures++;
        }
        free(got);
    }
}

/* pattern (normalized), relative path, whether it is excluded */
static const struct {
    const char *pat, *rel;
    int hit;
} match_cases[] = {
    {"third_party/", "third_party/x.c", 1},
    {"third_party/", "third_party/a/b/x.c", 1},
    {"third_party/", "third_party.c", 0},
    {"third_party/", "src/third_party/x.c", 0},
    {"vendor", "vendor/v.c", 1},
    {"vendor", "vendor", 1},
    {"vendor", "vendor2.c", 0},
    {"x.c/", "x.c", 0},
    {"gen/*.c", "gen/g.c", 1},
    {"gen/*.c", "gen/sub/h.c", 0},
    {"gen/*", "gen/sub/h.c", 1},
    {"*.c", "a.c", 1},
    {"*.c", "src/a.c", 0},
    {"tests/fuzz/**", "tests/fuzz/a.c", 1},
    {"tests/fuzz/**", "tests/fuzz/d/b.c", 1},
    {"tests/fuzz/**", "tests/fuzzy.c", 0},
    {"**/*_test.c", "a_test.c", 1},
    {"**/*_test.c", "src/deep/a_test.c", 1},
    {"**/*_test.c", "src/a_test.c.orig", 0},
    {"src/**/gen/", "src/gen/a.c", 1},
    {"src/**/gen/", "src/a/b/gen/c/d.c", 1},
    {"src/**/gen/", "src/agen/x.c", 0},
    {"**", "anything/at/all.c", 1},
    {"a*b*c*d*e*f", "aXbXcXdXeXg", 0},
};

static void test_match(void)
{
    for (size_t i = 0; i < sizeof match_cases / sizeof match_cases[0]; i++) {
        int got = cli_exclude_match(match_cases[i].pat, match_cases[i].rel);
        if (got != match_cases[i].hit) {
            fprintf(stderr, "match '%s' '%s': got %d, want %d\n",
                    match_cases[i].pat, match_cases[i].rel, got,
                    match_cases[i].hit);
            failures++;
        }
    }
}

/* cli_excluded on absolute paths that need not exist; the job filter keeps
 * the order of what is left. */
static void test_jobs(void)
{
    cli_strvec pats = {0};
    cli_strvec_push(&pats, "third_party/");
    cli_strvec_push(&pats, "**/*_test.c");
    CHECK(cli_excluded(&pats, "/p", "/p/third_party/x.c"));
    CHECK(cli_excluded(&pats, "/p", "/p/src/a_test.c"));
    CHECK(!cli_excluded(&pats, "/p", "/p/src/a.c"));
    CHECK(!cli_excluded(&pats, "/p", "/q/third_party/x.c"));
    CHECK(!cli_excluded(&pats, "/p", "/pp/third_party/x.c"));
    CHECK(cli_excluded(&pats, "/", "/third_party/x.c"));

    cli_joblist jobs = {0};
    const char *files[] = {"/p/a.c", "/p/third_party/b.c", "/p/c_test.c",
                           "/p/d.c"};
    for (size_t i = 0; i < 4; i++)
        cli_joblist_add(&jobs, files[i], NULL, 0, NULL);
    CHECK(cli_exclude_jobs(&pats, "/p", &jobs) == 2);
    CHECK(jobs.n == 2);
    CHECK(jobs.n == 2 && strcmp(jobs.items[0].file, "/p/a.c") == 0 &&
          strcmp(jobs.items[1].file, "/p/d.c") == 0);
    cli_joblist_free(&jobs);
    cli_strvec_free(&pats);
}

int main(void)
{
    test_normalize();
    test_match();
    test_jobs();
    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
