/* a.c — the outer layer: binding, and the outer closer. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "sock.h"

int open_a(unsigned short port)
{
    struct sockaddr_in sa;
    int fd = open_b();

    if (fd < 0)
        return -1;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    sa.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        drop_a(fd);
        return -1;
    }
    return fd;
}

void drop_a(int fd)
{
    fprintf(stderr, "closing listener %d\n", fd);
    drop_b(fd);
}
