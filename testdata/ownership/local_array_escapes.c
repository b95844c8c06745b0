/* Descriptors kept in local aggregates that then escape: a pollfd array
 * handed to a function whose body is not here, and a connection record
 * copied into a global table.  Either way the descriptors go with them. */
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

struct conn {
    int fd;
    unsigned flags;
};

int loop_watch(struct pollfd *pfd, nfds_t n);

static struct conn table[64];
static int ntable;

int watch_pair(int lfd)
{
    struct pollfd pfd[2];
    int a = accept(lfd, NULL, NULL);

    if (a < 0)
        return -1;
    int b = accept(lfd, NULL, NULL);
    if (b < 0) {
        close(a);
        return -1;
    }
    pfd[0].fd = a;
    pfd[0].events = POLLIN;
    pfd[1].fd = b;
    pfd[1].events = POLLIN;
    return loop_watch(pfd, 2);
}

int adopt(int lfd)
{
    struct conn c;

    c.fd = accept(lfd, NULL, NULL);
    if (c.fd < 0)
        return -1;
    if (ntable == 64) {
        close(c.fd);
        return -1;
    }
    c.flags = 0;
    table[ntable++] = c;
    return 0;
}
