/* A project's own connection API, checked with a pack written by following
 * rules/README.md (user_conn.json next to this file). */
// sockleak-args: --rules user_conn.json
#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct conn;
struct conn *conn_open(const char *host, int port);            /* NULL on failure */
int conn_accept(struct conn *listener, struct conn **out);     /* 0 on success */
void conn_close(struct conn *c);
int conn_send(struct conn *c, const void *buf, size_t n);
int conn_recv(struct conn *c, void *buf, size_t n);
int conn_fd(const struct conn *c);
void conn_fatal(const char *msg) __attribute__((noreturn));

int ping(const char *host)
{
    char reply[64];
    struct conn *c = conn_open(host, 7);
    if (!c)
        return -1;
    if (conn_send(c, "ping\n", 5) < 0)
        return -1; // expect: resource-leak
    if (conn_recv(c, reply, sizeof reply) <= 0) {
        conn_close(c);
        return -1;
    }
    conn_close(c);
    return strncmp(reply, "ping", 4) == 0 ? 0 : -1;
}

int serve_one(struct conn *listener)
{
    struct conn *client;
    if (conn_accept(listener, &client) != 0)
        return -1;
    if (conn_fd(client) < 0)
        conn_fatal("accepted a connection without a socket");
    conn_send(client, "hello\n", 6);
    return 0; // expect: resource-leak
}

int serve_one_fixed(struct conn *listener)
{
    struct conn *client;
    if (conn_accept(listener, &client) != 0)
        return -1;
    if (conn_fd(client) < 0)
        conn_fatal("accepted a connection without a socket");
    conn_send(client, "hello\n", 6);
    conn_close(client);
    return 0;
}

void say_bye(const char *host)
{
    struct conn *c = conn_open(host, 7);
    if (!c)
        return;
    conn_close(c);
    conn_send(c, "bye\n", 4); // expect: use-after-close
}

struct conn *open_or_die(const char *host)
{
    struct conn *c = conn_open(host, 443);
    if (!c)
        conn_fatal("cannot connect");
    return c;
}
