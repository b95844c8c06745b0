/* A retry loop whose condition carries comments between its operands: the
 * `&&` must still be split, so that `fd == -1` is known on every pass. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int create_numbered(const char *base)
{
    char name[256];
    int fd = -1, n = 1;
    while (fd == -1 && /* no file created yet, and not because of some other
                          error than an existing file */
           errno == EEXIST &&
           /* give up at some point */ n < 100) {
        snprintf(name, sizeof name, "%s.%d", base, n++);
        fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0600);
    }
    return fd;
}

int create_numbered_leaky(const char *base)
{
    char name[256];
    int fd = -1, n = 1;
    while (fd == -1 && /* not yet */ n < 100) {
        snprintf(name, sizeof name, "%s.%d", base, n++);
        fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0600);
    }
    if (n > 50)
        return -1; // expect: resource-leak
    return fd;
}
