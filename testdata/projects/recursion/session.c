/* session.c — reads a request and answers it through session_write()
 * (reply.c), which comes back here for the next request. */
#include <sys/socket.h>
#include <unistd.h>

#include "proto.h"

void session_read(int fd)
{
    char buf[1024];
    ssize_t n = recv(fd, buf, sizeof buf, 0);

    if (n <= 0) {
        close(fd);
        return;
    }
    session_write(fd, buf, (size_t)n);
}
