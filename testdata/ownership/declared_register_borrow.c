/* The same listener under --assume-borrow: loop_add_io(), known only by
 * its prototype, merely borrows the socket, so both returns after it
 * leak the socket. */
// sockleak-args: --assume-borrow
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

struct event_loop;

int loop_add_io(struct event_loop *loop, int fd, unsigned events,
                void (*cb)(int fd, unsigned events, void *data), void *data);

static void on_readable(int fd, unsigned events, void *data)
{
    (void)fd;
    (void)events;
    (void)data;
}

int start_listener(struct event_loop *loop, const struct sockaddr_in *sa)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);

    if (fd < 0)
        return -1;
    if (bind(fd, (const struct sockaddr *)sa, sizeof *sa) < 0 ||
        listen(fd, 128) < 0) {
        close(fd);
        return -1;
    }
    if (loop_add_io(loop, fd, 1u, on_readable, NULL) < 0)
        return -1; // expect: resource-leak
    return 0; // expect: resource-leak
}
