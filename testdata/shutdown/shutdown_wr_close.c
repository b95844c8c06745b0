/* Sending a request, half-closing, draining the reply, then closing. */
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int post_request(const struct sockaddr_in *srv, const char *req)
{
    char buf[256];
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)srv, sizeof *srv) < 0) {
        close(fd);
        return -1;
    }
    if (send(fd, req, strlen(req), 0) < 0) {
        close(fd);
        return -1;
    }
    shutdown(fd, SHUT_WR);
    while (recv(fd, buf, sizeof buf, 0) > 0)
        ;
    close(fd);
    return 0;
}
