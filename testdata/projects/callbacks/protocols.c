/* protocols.c — the two session tables.  No finding here: every greeting
 * only writes, every ending closes. */
#include <sys/socket.h>
#include <unistd.h>

#include "session.h"

static int line_greet(int fd)
{
    return (int)send(fd, "220 ready\r\n", 11, 0);
}

static int line_end(int fd)
{
    send(fd, "221 bye\r\n", 9, 0);
    return close(fd);
}

static int frame_greet(int fd)
{
    static const unsigned char hello[2] = {0x01, 0x00};
    return (int)send(fd, hello, sizeof hello, 0);
}

static int frame_end(int fd)
{
    shutdown(fd, SHUT_WR);
    return close(fd);
}

const struct session_ops line_ops = {
    .name = "line",
    .greet = line_greet,
    .end = line_end,
};

const struct session_ops frame_ops = {"frame", frame_greet, frame_end};

void error_hook_set(struct error_hook *h, int (*cb)(int fd))
{
    h->on_error = cb;
}
