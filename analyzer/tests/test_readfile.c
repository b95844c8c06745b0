/* test_readfile.c — unit tests for util/readfile.h, the bounded reader every
 * JSON input and every source text sockleak reads itself goes through: a
 * regular file is read whole; a FIFO (which nobody opens for writing),
 * /dev/zero, /dev/urandom and a directory are refused without blocking and
 * without reading; a file over the limit is refused before it is read
 * (sparse, so the test costs no disk), or read up to the limit in prefix
 * mode.  An alarm turns a hang into a failure. */
#include "util/readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/check.h"

static char dir[] = "/tmp/sockleak-test-readfile-XXXXXX";

/* dir/name; two calls may appear in one expression (two buffers). */
static char *path_in(const char *name)
{
    static char buf[2][256];
    static int k;
    k = !k;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

/* Expects path to be refused with a reason containing want and errno e. */
static void refused(const char *path, size_t limit, const char *want, int e)
{
    size_t len = 123;
    char *why = NULL;
    errno = 0;
    char *text = sl_read_file(path, limit, 0, &len, &why);
    int got_errno = errno;
    CHECK(text == NULL);
    CHECK(len == 0);
    CHECK(why && strstr(why, want));
    CHECK(got_errno == e);
    if (!why || !strstr(why, want))
        fprintf(stderr, "  %s: got '%s', want '%s'\n", path,
                why ? why : "(null)", want);
    free(text);
    free(why);
}

static void test_regular(void)
{
    FILE *f = fopen(path_in("a.json"), "w");
    fputs("{\"a\": 1}\n", f);
    fputc('\0', f);          /* a NUL inside is kept, len counts it */
    fputs("tail", f);
    fclose(f);
    size_t len;
    char *why = NULL;
    char *text = sl_read_file(path_in("a.json"), SL_READ_LIMIT, 0, &len, &why);
    CHECK(text && len == 14 && memcmp(text, "{\"a\": 1}\n\0tail", 15) == 0);
    CHECK(why == NULL);
    free(text);

    /* exactly at the limit: read; one byte over: refused */
    text = sl_read_file(path_in("a.json"), 14, 0, &len, NULL);
    CHECK(text && len == 14);
    free(text);
    refused(path_in("a.json"), 13, "larger than 13 bytes", EFBIG);

    /* prefix mode: the first limit bytes, NUL-terminated */
    text = sl_read_file(path_in("a.json"), 4, SL_READ_PREFIX, &len, NULL);
    CHECK(text && len == 4 && strcmp(text, "{\"a\"") == 0);
    free(text);

    /* empty file */
    fclose(fopen(path_in("empty"), "w"));
    text = sl_read_file(path_in("empty"), SL_READ_LIMIT, 0, &len, NULL);
    CHECK(text && len == 0 && text[0] == '\0');
    free(text);

    /* through a symbolic link */
    CHECK(symlink(path_in("a.json"), path_in("link.json")) == 0);
    text = sl_read_file(path_in("link.json"), SL_READ_LIMIT, 0, &len, NULL);
    CHECK(text && len == 14);
    free(text);
}

static void test_refused(void)
{
    refused(path_in("missing.json"), SL_READ_LIMIT, "No such file", ENOENT);
    refused(dir, SL_READ_LIMIT, "not a regular file (a directory)", EINVAL);
    CHECK(mkfifo(path_in("fifo"), 0600) == 0);
    refused(path_in("fifo"), SL_READ_LIMIT, "not a regular file (a FIFO)",
            EINVAL);
    CHECK(symlink("/dev/zero", path_in("zero.json")) == 0);
    refused(path_in("zero.json"), SL_READ_LIMIT,
            "not a regular file (a character device)", EINVAL);
    refused("/dev/zero", SL_READ_LIMIT,
            "not a regular file (a character device)", EINVAL);
    refused("/dev/urandom", SL_READ_LIMIT,
            "not a regular file (a character device)", EINVAL);
    /* a FIFO is refused in prefix mode too */
    size_t len;
    CHECK(sl_read_file(path_in("fifo"), 16, SL_READ_PREFIX, &len, NULL) == NULL);

    /* a sparse file over 256 MiB: refused by its size, not read */
    int fd = open(path_in("big.json"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    CHECK(fd >= 0 && ftruncate(fd, (off_t)SL_READ_LIMIT + 1) == 0);
    close(fd);
    refused(path_in("big.json"), SL_READ_LIMIT, "larger than 256 MiB", EFBIG);
    /* ... and its first bytes in prefix mode */
    char *text = sl_read_file(path_in("big.json"), 4096, SL_READ_PREFIX, &len,
                              NULL);
    CHECK(text && len == 4096);
    free(text);
}

static void test_kinds(void)
{
    CHECK(strcmp(sl_file_kind(S_IFREG | 0644), "a regular file") == 0);
    CHECK(strcmp(sl_file_kind(S_IFSOCK), "a socket") == 0);
    CHECK(strcmp(sl_file_kind(S_IFBLK), "a block device") == 0);
}

int main(void)
{
    alarm(20);   /* a reader that blocks on the FIFO fails the test */
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    test_regular();
    test_refused();
    test_kinds();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
