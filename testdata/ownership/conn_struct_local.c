/* A connection record on the stack: the accepted socket lives in c.fd and
 * is never closed when the greeting fails. */
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

    memset(&c, 0, sizeof c);
    c.peerlen = sizeof c.peer;
    c.fd = accept(lfd, (struct sockaddr *)&c.peer, &c.peerlen);
    if (c.fd < 0)
        return -1;
    if (send(c.fd, banner, strlen(banner), MSG_NOSIGNAL) < 0)
        return -1; // expect: resource-leak
    close(c.fd);
    return 0;
}
