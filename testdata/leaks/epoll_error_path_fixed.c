/* Creating an event loop, closing the epoll instance on failure. */
#include <sys/epoll.h>
#include <unistd.h>

int make_event_loop(int listen_fd)
{
    struct epoll_event ev = { .events = EPOLLIN };
    int ep = epoll_create1(EPOLL_CLOEXEC);

    if (ep < 0)
        return -1;
    ev.data.fd = listen_fd;
    if (epoll_ctl(ep, EPOLL_CTL_ADD, listen_fd, &ev) < 0) {
        close(ep);
        return -1;
    }
    return ep;
}
