/* A dialer that closes the socket and returns when connect() fails. */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int dial(const struct sockaddr_in *sa, const char *hello)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
        perror("connect");
        close(fd);
        return -1;
    }
    if (send(fd, hello, strlen(hello), MSG_NOSIGNAL) < 0)
        perror("send");
    return fd;
}
