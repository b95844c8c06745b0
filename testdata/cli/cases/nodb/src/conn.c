/* conn.c — opening a connection's file.  The early return is inside TRY,
 * a macro of util/helpers.h: without the header there is no leak to see. */
#include <fcntl.h>
#include <unistd.h>

#include "proto.h"
#include "util/helpers.h"

int conn_open(struct conn *c, const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    TRY(fcntl(fd, F_SETFD, FD_CLOEXEC)); // expect: resource-leak
    c->fd = fd;
    c->flags = 0;
    return 0;
}
