/* -1 as "no descriptor": the variable starts at -1, is opened only when a
 * PID file is wanted, and is closed only if it was. */
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
    if (fd != -1)
        close(fd);
    return rc;
}
