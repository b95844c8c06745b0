/* log.c — peer logging.  log_peer() only looks at its argument
 * (getpeername, printf): a borrower, so its callers still own the
 * descriptor afterwards. */
#include "conn.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>

void log_peer(int fd)
{
    struct sockaddr_in sa;
    socklen_t len = sizeof sa;
    char addr[INET_ADDRSTRLEN];

    if (getpeername(fd, (struct sockaddr *)&sa, &len) != 0) {
        perror("getpeername");
        return;
    }
    if (sa.sin_family != AF_INET ||
        !inet_ntop(AF_INET, &sa.sin_addr, addr, sizeof addr)) {
        printf("fd %d: peer of another family\n", fd);
        return;
    }
    printf("fd %d: connection from %s:%u\n", fd, addr, ntohs(sa.sin_port));
}
