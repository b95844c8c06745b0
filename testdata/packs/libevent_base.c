/* Setting up an event loop: the base leaks when the listener cannot be
 * created, and the event watching a descriptor leaks when event_add()
 * fails.  event_new() does not take the descriptor. */
#include <event2/event.h>
#include <event2/listener.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void on_accept(struct evconnlistener *l, evutil_socket_t fd, struct sockaddr *sa, int len, void *arg)
{
    (void)l;
    (void)sa;
    (void)len;
    (void)arg;
    close(fd);
}

int run_server(unsigned short port)
{
    struct sockaddr_in sin;
    struct event_base *base = event_base_new();
    if (!base)
        return -1;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons(port);
    struct evconnlistener *l = evconnlistener_new_bind(base, on_accept, NULL,
        LEV_OPT_REUSEABLE | LEV_OPT_CLOSE_ON_FREE, -1, (struct sockaddr *)&sin, sizeof sin);
    if (!l)
        return -1; // expect: resource-leak
    event_base_dispatch(base);
    evconnlistener_free(l);
    event_base_free(base);
    return 0;
}

static void on_signal(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    event_base_loopbreak(arg);
}

int watch_pipe(struct event_base *base, int rfd)
{
    struct event *ev = event_new(base, rfd, EV_READ | EV_PERSIST, on_signal, base);
    if (!ev)
        return -1;
    if (event_add(ev, NULL) < 0)
        return -1; // expect: resource-leak
    event_base_dispatch(base);
    event_free(ev);
    close(rfd);
    return 0;
}

int watch_socket(struct event_base *base)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0)
        return -1;
    struct event *ev = event_new(base, fd, EV_READ, on_signal, base);
    if (!ev) {
        close(fd);
        return -1;
    }
    event_base_dispatch(base);
    event_free(ev);
    return 0; // expect: resource-leak
}
