/* session.c — session objects.  session_open() stores its argument in a
 * heap object it returns (it takes ownership); session_greet() only writes
 * to its argument (a borrower). */
#include <stdlib.h>
#include <sys/socket.h>

#include "registry.h"

struct session {
    int fd;
    unsigned requests;
};

struct session *session_open(int fd)
{
    struct session *s = malloc(sizeof *s);

    if (!s)
        abort();
    s->fd = fd;
    s->requests = 0;
    return s;
}

int session_greet(int fd)
{
    static const char hello[] = "220 ready\r\n";

    return send(fd, hello, sizeof hello - 1, MSG_NOSIGNAL) < 0 ? -1 : 0;
}
