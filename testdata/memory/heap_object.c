/* A connection object allocated here owns the descriptor stored in it until
 * the object leaves the function: freeing the object, or losing the last
 * pointer to it, while the descriptor is open leaks it; returning the object
 * or handing it to a registry does not. */
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct conn {
    int fd;
    char *buf;
};

void registry_add(struct conn *c);

struct conn *conn_accept(int lfd)
{
    struct conn *c = malloc(sizeof *c);
    if (!c)
        return NULL;
    c->fd = accept(lfd, NULL, NULL);
    if (c->fd < 0) {
        free(c);
        return NULL;
    }
    c->buf = malloc(4096);
    if (!c->buf) {
        free(c); // expect: resource-leak
        return NULL;
    }
    return c;
}

struct conn *conn_accept_fixed(int lfd)
{
    struct conn *c = malloc(sizeof *c);
    if (!c)
        return NULL;
    c->fd = accept(lfd, NULL, NULL);
    if (c->fd < 0) {
        free(c);
        return NULL;
    }
    c->buf = malloc(4096);
    if (!c->buf) {
        close(c->fd);
        free(c);
        return NULL;
    }
    return c;
}

int conn_register(int lfd)
{
    struct conn *c = calloc(1, sizeof *c);
    if (!c)
        return -1;
    c->fd = accept(lfd, NULL, NULL);
    if (c->fd < 0) {
        free(c);
        return -1;
    }
    registry_add(c);
    return 0;
}

int conn_probe(int lfd)
{
    struct conn *c = calloc(1, sizeof *c);
    if (!c)
        return -1;
    c->fd = accept(lfd, NULL, NULL);
    if (c->fd < 0) {
        free(c);
        return -1;
    }
    return 0; // expect: resource-leak
}

int conn_init(struct conn *c);

struct conn *conn_open_initialized(int lfd)
{
    struct conn *c = malloc(sizeof *c);
    if (!c)
        return NULL;
    c->fd = accept(lfd, NULL, NULL);
    if (c->fd < 0) {
        free(c);
        return NULL;
    }
    if (conn_init(c) < 0) {
        /* conn_init may have closed c->fd and set it to -1 */
        if (c->fd >= 0)
            close(c->fd);
        free(c);
        return NULL;
    }
    return c;
}
