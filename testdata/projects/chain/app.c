/* app.c — callers of the layered listener.  Each finding here needs the
 * summaries of the whole chain: that open_a() returns a new socket (three
 * calls down) and that drop_a() closes it (two calls down). */
#include <stdio.h>
#include <sys/socket.h>

#include "sock.h"

/* Forgets the bound socket when listen() fails. */
int start_listener(unsigned short port)
{
    int fd = open_a(port);

    if (fd < 0)
        return -1;
    if (listen(fd, 64) != 0) {
        perror("listen");
        return -1; // expect: resource-leak
    }
    return fd;
}

/* The same, closing it through the chain. */
int start_listener_fixed(unsigned short port)
{
    int fd = open_a(port);

    if (fd < 0)
        return -1;
    if (listen(fd, 64) != 0) {
        perror("listen");
        drop_a(fd);
        return -1;
    }
    return fd;
}

/* Checks that the port is free: binds and lets go. */
int port_free(unsigned short port)
{
    int fd = open_a(port);

    if (fd < 0)
        return 0;
    drop_a(fd);
    return 1;
}

/* Lets go twice, once at each layer. */
void release_twice(unsigned short port)
{
    int fd = open_a(port);

    if (fd < 0)
        return;
    drop_a(fd);
    drop_b(fd); // expect: double-close
}

/* Listens on a socket the outer closer already closed. */
int listen_after_drop(unsigned short port)
{
    int fd = open_a(port);

    if (fd < 0)
        return -1;
    drop_a(fd);
    return listen(fd, 1); // expect: use-after-close
}
