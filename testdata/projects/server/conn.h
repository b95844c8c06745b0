/* conn.h — client connections of the server (conn.c) and peer logging
 * (log.c). */
#ifndef SERVER_CONN_H
#define SERVER_CONN_H

#include <stddef.h>

struct conn {
    int fd;
    size_t used;
    char buf[4096];
    struct conn *next;
};

/* Adopts fd: the connection list owns it from now on. */
struct conn *conn_new(int fd);

/* Tells the client why it is refused and closes fd. */
void conn_reject(int fd, const char *why);

/* Closes every adopted connection. */
void conn_close_all(void);

/* Logs the peer address of fd; leaves fd open. */
void log_peer(int fd);

#endif
