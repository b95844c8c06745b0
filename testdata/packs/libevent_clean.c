/* libevent objects freed on every path; a listener created from our own
 * socket with LEV_OPT_CLOSE_ON_FREE owns it. */
#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <sys/socket.h>
#include <unistd.h>

static void on_accept(struct evconnlistener *l, evutil_socket_t fd, struct sockaddr *sa, int len, void *arg)
{
    (void)l;
    (void)sa;
    (void)len;
    (void)arg;
    evutil_closesocket(fd);
}

int listen_on(struct event_base *base, int fd, struct evconnlistener **out)
{
    struct evconnlistener *l = evconnlistener_new(base, on_accept, NULL,
        LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE, 16, fd);
    if (!l)
        return -1;
    *out = l;
    return 0;
}

int drain_once(int fd)
{
    struct evbuffer *buf = evbuffer_new();
    if (!buf)
        return -1;
    int n = evbuffer_read(buf, fd, 4096);
    if (n > 0)
        evbuffer_drain(buf, evbuffer_get_length(buf));
    evbuffer_free(buf);
    return n;
}

int loop_once(void)
{
    struct event_config *cfg = event_config_new();
    if (!cfg)
        return -1;
    event_config_avoid_method(cfg, "select");
    struct event_base *base = event_base_new_with_config(cfg);
    event_config_free(cfg);
    if (!base)
        return -1;
    int rc = event_base_loop(base, EVLOOP_ONCE | EVLOOP_NONBLOCK);
    event_base_free(base);
    return rc;
}
