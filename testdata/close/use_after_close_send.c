/* A dialer that reports a failed connect() and closes the socket, but
 * forgets to return: the greeting is sent on the closed descriptor. */
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
    }
    if (send(fd, hello, strlen(hello), MSG_NOSIGNAL) < 0) // expect: use-after-close
        perror("send");
    return fd;
}
