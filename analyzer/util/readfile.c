/* readfile.c — bounded reading of regular files (see readfile.h).
 *
 * The file is stat'ed first, so that a FIFO or a device is refused without
 * being opened (opening a FIFO for reading blocks until a writer comes;
 * opening some devices has effects).  It is then opened with O_NONBLOCK, in
 * case it was replaced in between, and fstat'ed again: what is read is what
 * was checked.  Reading stops one byte past the limit, so a file that grows
 * while it is read cannot make the buffer grow without bound either. */
#include "util/readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *sl_file_kind(unsigned mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG: return "a regular file";
    case S_IFDIR: return "a directory";
    case S_IFIFO: return "a FIFO";
    case S_IFCHR: return "a character device";
    case S_IFBLK: return "a block device";
    case S_IFSOCK: return "a socket";
    default: return "a special file";
    }
}

/* Sets *why (when wanted) to a malloc'd formatted reason, errno to e. */
static char *rf_fail(char **why, int e, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static char *rf_fail(char **why, int e, const char *fmt, ...)
{
    if (why) {
        va_list ap;
        va_start(ap, fmt);
        char buf[160];
        vsnprintf(buf, sizeof buf, fmt, ap);
        va_end(ap);
        *why = strdup(buf);   /* NULL when out of memory: callers cope */
    }
    errno = e;
    return NULL;
}

static char *rf_too_big(char **why, size_t limit)
{
    if (limit >= ((size_t)1 << 20) && limit % ((size_t)1 << 20) == 0)
        return rf_fail(why, EFBIG, "larger than %zu MiB", limit >> 20);
    return rf_fail(why, EFBIG, "larger than %zu bytes", limit);
}

/* Nonzero when st describes a regular file; else 0 with *why and errno
 * set. */
static int rf_regular(const struct stat *st, char **why)
{
    if (S_ISREG(st->st_mode))
        return 1;
    rf_fail(why, EINVAL, "not a regular file (%s)", sl_file_kind(st->st_mode));
    return 0;
}

/* Reads fd (a regular file of about size bytes: it may change) up to want
 * bytes; returns the buffer or NULL with *why set.  The buffer starts at
 * size + 1 bytes, enough to see the end of an unchanged file in one go, and
 * never grows past want (cap <= want throughout). */
static char *rf_read_fd(int fd, size_t size, size_t want, size_t *len,
                        char **why)
{
    size_t cap = size < want ? size + 1 : want, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf)
        return rf_fail(why, ENOMEM, "out of memory");
    while (n < want) {
        if (n == cap) {
            size_t ncap = cap > want / 2 ? want : cap * 2;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                free(buf);
                return rf_fail(why, ENOMEM, "out of memory");
            }
            buf = nb;
            cap = ncap;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int e = errno;
            free(buf);
            return rf_fail(why, e, "%s", strerror(e));
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

char *sl_read_file(const char *path, size_t limit, int flags, size_t *len,
                   char **why)
{
    struct stat st, fst;
    *len = 0;
    if (why)
        *why = NULL;
    if (stat(path, &st) != 0) {
        int e = errno;
        return rf_fail(why, e, "%s", strerror(e));
    }
    if (!rf_regular(&st, why))
        return NULL;
    int prefix = (flags & SL_READ_PREFIX) != 0;
    if (!prefix && (unsigned long long)st.st_size > limit)
        return rf_too_big(why, limit);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        int e = errno;
        return rf_fail(why, e, "%s", strerror(e));
    }
    char *text = NULL;
    if (fstat(fd, &fst) != 0) {
        int e = errno;
        rf_fail(why, e, "%s", strerror(e));
    } else if (rf_regular(&fst, why)) {
        size_t size = (unsigned long long)fst.st_size > limit
                          ? limit : (size_t)fst.st_size;
        /* one byte more than allowed tells a file that grew past limit */
        text = rf_read_fd(fd, size, prefix ? limit : limit + 1, len, why);
        if (text && !prefix && *len > limit) {
            free(text);
            text = rf_too_big(why, limit);
            *len = 0;
        }
    }
    int e = errno;
    close(fd);
    errno = e;
    return text;
}
