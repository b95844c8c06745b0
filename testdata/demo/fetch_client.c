/* A client that resolves a host and connects to the first address that
 * answers.  It has the classic getaddrinfo loop bug. */
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int dial(const char *host, const char *port)
{
    struct addrinfo hints, *res, *ai;
    int fd = -1;

    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, &res) != 0)
        return -1;
    for (ai = res; ai != NULL; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol); // expect: resource-leak
        if (fd < 0)
            continue;
        if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
            break;
        /* forgot: close(fd) before trying the next address */
    }
    freeaddrinfo(res);
    return fd;
}

int send_request(const char *host, const char *req)
{
    char reply[256];
    int fd = dial(host, "80");
    if (fd < 0)
        return -1;
    if (send(fd, req, strlen(req), 0) < 0)
        return -1; // expect: resource-leak
    if (recv(fd, reply, sizeof reply, 0) <= 0) {
        close(fd);
        return -1;
    }
    close(fd);
    return 0;
}
