/* An accept loop that registers each client with epoll: a client whose
 * registration fails is dropped without being closed; one that is
 * registered belongs to the event loop, which closes it when the peer
 * hangs up.  Removing a descriptor from the set only borrows it. */
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

int accept_clients(int ep, int lfd)
{
    for (;;) {
        struct epoll_event ev;
        int c = accept(lfd, NULL, NULL);
        if (c < 0)
            return -1;
        ev.events = EPOLLIN;
        ev.data.fd = c;
        if (epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev) < 0)
            continue; // expect: resource-leak
    }
}

int accept_clients_fixed(int ep, int lfd)
{
    for (;;) {
        struct epoll_event ev;
        int c = accept(lfd, NULL, NULL);
        if (c < 0)
            return -1;
        ev.events = EPOLLIN;
        ev.data.fd = c;
        if (epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev) < 0) {
            close(c);
            continue;
        }
    }
}

int probe_and_forget(int ep, int lfd)
{
    int c = accept(lfd, NULL, NULL);
    if (c < 0)
        return -1;
    epoll_ctl(ep, EPOLL_CTL_DEL, c, NULL);
    return 0; // expect: resource-leak
}
