/* b.c — socket options, and the closer everyone ends up in. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include "sock.h"

int open_b(void)
{
    int one = 1;
    int fd = open_c();

    if (fd < 0)
        return -1;
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0) {
        perror("setsockopt");
        drop_b(fd);
        return -1;
    }
    return fd;
}

void drop_b(int fd)
{
    if (close(fd) != 0)
        perror("close");
}
