/* check.h — the checks the unit tests share.  Each test program is one
 * translation unit: it includes this once, calls CHECK and CHECK_STR, and
 * returns nonzero from main when `failures` is not 0.  A failed check
 * prints where it is and what it compared, and the test goes on. */
#ifndef SOCKLEAK_TESTS_CHECK_H
#define SOCKLEAK_TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

static int failures;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                    \
            failures++;                                                        \
        }                                                                      \
    } while (0)

#define CHECK_STR(got, want)                                                   \
    do {                                                                       \
        const char *g_ = (got), *w_ = (want);                                  \
        if (!g_ || strcmp(g_, w_) != 0) {                                      \
            fprintf(stderr, "%s:%d: CHECK_STR failed: %s\n  got:  \"%s\"\n"    \
                            "  want: \"%s\"\n", __FILE__, __LINE__, #got,      \
                    g_ ? g_ : "(null)", w_);                                   \
            failures++;                                                        \
        }                                                                      \
    } while (0)

#endif
