/* status.c — asks the daemon for its status; one path forgets the
 * connection the header's helper opened. */
#include <stdio.h>
#include <sys/socket.h>

#include "ctl.h"

int ctl_status(const char *path, char *buf, size_t len)
{
    int fd = ctl_open_fixed(path);

    if (fd < 0)
        return -1;
    if (send(fd, "status\n", 7, 0) != 7)
        return -1; // expect: resource-leak
    ssize_t n = recv(fd, buf, len - 1, 0);
    ctl_close(fd);
    if (n < 0)
        return -1;
    buf[n] = '\0';
    return 0;
}

int ctl_ping(const char *path)
{
    int fd = ctl_open(path);

    if (fd < 0)
        return -1;
    int ok = send(fd, "ping\n", 5, 0) == 5;
    ctl_close(fd);
    return ok ? 0 : -1;
}
