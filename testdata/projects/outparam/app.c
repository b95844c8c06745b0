/* app.c — the callers: one closes the descriptor conn_open() left behind
 * after a failure, the other trusts conn_open_strict() to have cleaned up.
 * After a success both own the socket and must close it. */
#include <netinet/in.h>
#include <unistd.h>

#include "conn.h"

int ping(const struct sockaddr_in *to)
{
    int fd = -1;
    if (conn_open(&fd, to) < 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    if (write(fd, "ping", 4) != 4)
        return -1; // expect: resource-leak
    close(fd);
    return 0;
}

int ping_strict(const struct sockaddr_in *to)
{
    int fd = -1;
    if (conn_open_strict(&fd, to) != 0)
        return -1;
    int n = (int)write(fd, "ping", 4);
    close(fd);
    return n == 4 ? 0 : -1;
}
