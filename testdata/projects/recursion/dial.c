/* dial.c — one connection attempt, retried through dial_next() (retry.c);
 * and a dialer that retries by calling itself. */
#include <unistd.h>

#include "proto.h"

int dial_once(const struct sockaddr *sa, socklen_t len, int tries_left)
{
    int fd = socket(sa->sa_family, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    if (connect(fd, sa, len) == 0)
        return fd;
    close(fd);
    return dial_next(sa, len, tries_left - 1);
}

int dial_retry(const struct sockaddr *sa, socklen_t len, int tries_left)
{
    int fd = socket(sa->sa_family, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    if (connect(fd, sa, len) == 0)
        return fd;
    close(fd);
    if (tries_left <= 1)
        return -1;
    sleep(1);
    return dial_retry(sa, len, tries_left - 1);
}
