/* client.c — requests over connections from tcp_connect() (net.c).  The
 * only thing that tells sockleak these are sockets is tcp_connect()'s
 * summary, and the only thing that tells it they are closed is
 * net_close()'s: an undescribed callee would be assumed to take ownership,
 * so the double close and the use after close below need the summaries. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "net.h"

/* Forgets the connection when send() fails. */
int send_hello(const char *host)
{
    static const char msg[] = "HELLO\r\n";
    int fd = tcp_connect(host, 7000);

    if (fd < 0)
        return -1;
    if (send(fd, msg, sizeof msg - 1, 0) < 0) {
        perror("send");
        return -1; // expect: resource-leak
    }
    net_close(fd);
    return 0;
}

/* The same exchange, closing on the error path too. */
int send_hello_fixed(const char *host)
{
    static const char msg[] = "HELLO\r\n";
    int fd = tcp_connect(host, 7000);

    if (fd < 0)
        return -1;
    if (send(fd, msg, sizeof msg - 1, 0) < 0) {
        perror("send");
        net_close(fd);
        return -1;
    }
    net_close(fd);
    return 0;
}

/* Hands the connection to net_close() on every path. */
int ping(const char *host)
{
    int fd = tcp_connect(host, 7001);

    if (fd < 0)
        return -1;
    ssize_t n = send(fd, "PING\n", 5, MSG_NOSIGNAL);
    net_close(fd);
    return n == 5 ? 0 : -1;
}

/* A single cleanup label through the quiet closer, which also takes -1. */
int fetch_status(const char *host, char *buf, size_t len)
{
    int rc = -1;
    int fd = tcp_connect(host, 7002);

    if (fd < 0)
        goto out;
    if (send(fd, "STATUS\n", 7, 0) != 7)
        goto out;
    if (recv(fd, buf, len, 0) <= 0)
        goto out;
    rc = 0;
out:
    net_close_quietly(fd);
    return rc;
}

/* Closes through the wrapper, then again by hand. */
void quit(const char *host)
{
    int fd = tcp_connect(host, 7000);

    if (fd < 0)
        return;
    send(fd, "QUIT\n", 5, 0);
    net_close(fd);
    close(fd); // expect: double-close
}

/* Says goodbye on a connection it has already closed. */
void quit_late(const char *host)
{
    int fd = tcp_connect(host, 7000);

    if (fd < 0)
        return;
    net_close(fd);
    send(fd, "QUIT\n", 5, 0); // expect: use-after-close
}

/* Sends without looking at what tcp_connect() returned. */
void fire_and_forget(const char *host)
{
    int fd = tcp_connect(host, 7003);
    send(fd, "HI\n", 3, 0); // expect: use-before-check
    net_close(fd);
}
