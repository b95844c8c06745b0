/* -1 as "no descriptor", but the closing test is "fd > 0": when open()
 * returns 0 (stdin was closed, as in a daemon) the descriptor is never
 * closed. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int write_pidfile(const char *path, int want_pidfile)
{
    char buf[32];
    int rc = 0;
    int fd = -1;

    if (want_pidfile) {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd == -1)
            return -1;
    }
    if (fd != -1) {
        int n = snprintf(buf, sizeof buf, "%ld\n", (long)getpid());
        if (write(fd, buf, (size_t)n) != n)
            rc = -1;
    }
    if (fd > 0)
        close(fd);
    return rc; // expect: resource-leak
}
