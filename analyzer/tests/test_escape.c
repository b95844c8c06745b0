/* test_escape.c — unit tests for util/escape.c: the terminal form (every
 * control, C1, bidi and ill-formed byte escaped, text and backslashes kept,
 * truncation), the UTF-8 check and repair (one U+FFFD per maximal subpart,
 * as Python's errors="replace"), and the percent form.
 */
#include "util/escape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/check.h"

/* got must equal want; got is freed when own. */
static void check_str(int line, char *got, const char *want, int own)
{
    if (!got || strcmp(got, want) != 0) {
        fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, line,
                got ? ESC(got) : "(null)", ESC(want));
        failures++;
    }
    if (own)
        free(got);
}

#define TERM(in, want) check_str(__LINE__, ESC(in), want, 0)
#define REPAIR(in, want) check_str(__LINE__, esc_utf8_repair(in), want, 1)

static void test_term(void)
{
    TERM("src/net.c", "src/net.c");
    TERM("", "");
    TERM(NULL, "");
    TERM("caf\xc3\xa9.c \xe4\xb8\xad.c \xf0\x9f\x98\x80", "caf\xc3\xa9.c \xe4\xb8\xad.c \xf0\x9f\x98\x80");
    TERM("leak\x1b[31m.c", "leak\\x1b[31m.c");
    TERM("a\nb.c", "a\\nb.c");
    TERM("a\rb\tc\bd\x7f" "e\x01", "a\\rb\\tc\\x08d\\x7fe\\x01");
    TERM("back\\slash \"\\x1b\"", "back\\slash \"\\x1b\"");   /* kept */
    /* ill-formed UTF-8: each byte */
    TERM("bad\xff.c", "bad\\xff.c");
    TERM("\xc3(", "\\xc3(");                         /* truncated */
    TERM("\xe2\x82", "\\xe2\\x82");                  /* truncated at the end */
    TERM("\xc0\xaf", "\\xc0\\xaf");                  /* overlong '/' */
    TERM("\xed\xa0\x80", "\\xed\\xa0\\x80");         /* surrogate */
    TERM("\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80"); /* above U+10FFFF */
    TERM("\x9b" "2J", "\\x9b2J");                    /* a lone C1 byte */
    /* C1 controls, bidi controls and line separators as code points */
    TERM("a\xc2\x9b" "2Jb", "a\\u009b2Jb");
    TERM("x\xc2\x85y", "x\\u0085y");                 /* NEL */
    TERM("\xc2\xa0", "\xc2\xa0");                    /* NBSP is text */
    TERM("f\xe2\x80\xae" "c.x", "f\\u202ec.x");      /* RLO */
    TERM("\xe2\x81\xa6\xe2\x81\xa9", "\\u2066\\u2069");
    TERM("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", "\\u200e\\u200f\\u061c");
    TERM("l\xe2\x80\xa8m\xe2\x80\xa9", "l\\u2028m\\u2029");
    TERM("\xe2\x80\x8b", "\xe2\x80\x8b");            /* zero width space is kept */

    /* a NUL inside a counted string */
    check_str(__LINE__, ESC_N("a\0b", 3), "a\\x00b", 0);

    /* truncation: whole units, then "..." */
    char small[10];
    check_str(__LINE__, esc_term_str(small, sizeof small, "abcdefghi"), "abcdefghi", 0);
    check_str(__LINE__, esc_term_str(small, sizeof small, "abcdefghij"), "abcdef...", 0);
    check_str(__LINE__, esc_term_str(small, sizeof small, "abcd\x1b" "efgh"), "abcd...", 0);
    /* a 4096-byte path of ill-formed bytes fits ESC() whole */
    char *worst = malloc(4097);
    memset(worst, 0xff, 4096);
    worst[4096] = '\0';
    const char *e = ESC(worst);
    CHECK(strlen(e) == 4 * 4096);
    CHECK(strstr(e, "...") == NULL);
    free(worst);
}

static void test_utf8(void)
{
    CHECK(esc_utf8_valid(NULL));
    CHECK(esc_utf8_valid(""));
    CHECK(esc_utf8_valid("plain \x1b ascii"));   /* controls are valid UTF-8 */
    CHECK(esc_utf8_valid("caf\xc3\xa9 \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf"));
    CHECK(!esc_utf8_valid("bad\xff"));
    CHECK(!esc_utf8_valid("\xc3"));
    CHECK(!esc_utf8_valid("\xe0\x80\x80"));
    CHECK(!esc_utf8_valid("\xed\xbf\xbf"));
    CHECK(!esc_utf8_valid("\xf5\x80\x80\x80"));

    REPAIR("ok \xc3\xa9", "ok \xc3\xa9");
    REPAIR("bad\xff.c", "bad\xef\xbf\xbd.c");
    REPAIR("\xff\xfe", "\xef\xbf\xbd\xef\xbf\xbd");
    /* a truncated sequence is one maximal subpart: one U+FFFD */
    REPAIR("\xe2\x82z", "\xef\xbf\xbdz");
    REPAIR("\xf0\x9f\x98", "\xef\xbf\xbd");
    /* "\xe0\x80" is not the start of any sequence: two replacements */
    REPAIR("\xe0\x80", "\xef\xbf\xbd\xef\xbf\xbd");
    REPAIR("\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    CHECK(esc_utf8_repair(NULL) == NULL);
}

static void test_percent(void)
{
    check_str(__LINE__, esc_percent("src/net-1_2.~c"), "src/net-1_2.~c", 1);
    check_str(__LINE__, esc_percent("sp ace/le%ak.c"), "sp%20ace/le%25ak.c", 1);
    check_str(__LINE__, esc_percent("bad\xff\x1b\n.c"), "bad%FF%1B%0A.c", 1);
    CHECK(esc_percent(NULL) == NULL);
}

int main(void)
{
    test_term();
    test_utf8();
    test_percent();
    if (failures) {
        fprintf(stderr, "test_escape: %d check(s) failed\n", failures);
        return 1;
    }
    printf("test_escape: all checks passed\n");
    return 0;
}
