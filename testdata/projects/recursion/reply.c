/* reply.c — echoes a request back, then waits for the next one. */
#include <sys/socket.h>
#include <unistd.h>

#include "proto.h"

void session_write(int fd, const char *buf, size_t n)
{
    if (send(fd, buf, n, MSG_NOSIGNAL) != (ssize_t)n) {
        close(fd);
        return;
    }
    session_read(fd);
}
