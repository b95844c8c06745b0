/* conn.c — the connection list.  conn_new() stores its argument in a heap
 * object reachable from a global list (it takes ownership); conn_reject()
 * closes its argument on every path (a releaser). */
#include "conn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static struct conn *conns;

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p) {
        perror("calloc");
        abort();
    }
    return p;
}

struct conn *conn_new(int fd)
{
    struct conn *c = xcalloc(1, sizeof *c);

    c->fd = fd;
    c->next = conns;
    conns = c;
    return c;
}

void conn_reject(int fd, const char *why)
{
    char line[128];
    int n = snprintf(line, sizeof line, "503 %s\r\n", why);

    if (n > 0)
        send(fd, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1,
             MSG_NOSIGNAL | MSG_DONTWAIT);
    close(fd);
}

void conn_close_all(void)
{
    while (conns) {
        struct conn *c = conns;
        conns = c->next;
        close(c->fd);
        free(c);
    }
}
