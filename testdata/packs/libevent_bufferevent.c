/* Accepting a client into a bufferevent.  With BEV_OPT_CLOSE_ON_FREE the
 * bufferevent owns the socket and bufferevent_free() closes it; without it
 * the socket is still ours after bufferevent_free(). */
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <sys/socket.h>
#include <unistd.h>

static void on_read(struct bufferevent *bev, void *ctx)
{
    struct evbuffer *in = bufferevent_get_input(bev);
    evbuffer_add_buffer(bufferevent_get_output(bev), in);
    (void)ctx;
}

int serve_client(struct event_base *base, int listener)
{
    int fd = accept(listener, NULL, NULL);
    if (fd < 0)
        return -1;
    evutil_make_socket_nonblocking(fd);
    struct bufferevent *bev = bufferevent_socket_new(base, fd, BEV_OPT_CLOSE_ON_FREE);
    if (!bev) {
        close(fd);
        return -1;
    }
    bufferevent_setcb(bev, on_read, NULL, NULL, NULL);
    if (bufferevent_enable(bev, EV_READ | EV_WRITE) != 0) {
        bufferevent_free(bev);
        return -1;
    }
    return 0;
}

int greet_client(struct event_base *base, int listener)
{
    int fd = accept(listener, NULL, NULL);
    if (fd < 0)
        return -1;
    struct bufferevent *bev = bufferevent_socket_new(base, fd, BEV_OPT_DEFER_CALLBACKS);
    if (!bev) {
        close(fd);
        return -1;
    }
    bufferevent_write(bev, "hello\n", 6);
    bufferevent_free(bev);
    return 0; // expect: resource-leak
}
