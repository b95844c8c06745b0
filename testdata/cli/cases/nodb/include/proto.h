/* proto.h — the daemon's wire protocol: a connection, how one is opened,
 * and the calls the other files share.  Found only through include/. */
#ifndef PROTO_H
#define PROTO_H

#include <sys/socket.h>
#include <netinet/in.h>

#define PROTO_PORT 7070

/* The listening socket: the acquisition is only visible through this. */
#define OPEN_TCP() socket(AF_INET, SOCK_STREAM, 0)

struct conn {
    int fd;
    unsigned flags;
};

int server_listen(int port);
int conn_open(struct conn *c, const char *path);

#endif
