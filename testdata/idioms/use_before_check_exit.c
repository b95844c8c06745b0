/* Command-line tools that give up when socket() fails: the failure path
 * ends the process before the descriptor is used. */
#include <err.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int connect_or_die(const struct sockaddr_in *sa)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        err(1, "socket");
    if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0)
        err(1, "connect");
    return fd;
}

int bind_or_exit(const struct sockaddr_in *sa)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);

    if (fd == -1) {
        perror("socket");
        exit(EXIT_FAILURE);
    }
    if (bind(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
        perror("bind");
        close(fd);
        exit(EXIT_FAILURE);
    }
    return fd;
}
