/* A connection record on the stack: the accepted socket lives in c.fd and
 * is closed on every path. */
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct conn {
    int fd;
    struct sockaddr_in peer;
    socklen_t peerlen;
};

int greet(int lfd, const char *banner)
{
    struct conn c;
    int rc = 0;

    memset(&c, 0, sizeof c);
    c.peerlen = sizeof c.peer;
    c.fd = accept(lfd, (struct sockaddr *)&c.peer, &c.peerlen);
    if (c.fd < 0)
        return -1;
    if (send(c.fd, banner, strlen(banner), MSG_NOSIGNAL) < 0)
        rc = -1;
    close(c.fd);
    return rc;
}
