/* Paths that end the process are not leaks: exit(), err(), abort(). */
#include <err.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int must_dial(const struct sockaddr_in *sa)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        perror("socket");
        exit(1);
    }
    if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
        perror("connect");
        exit(1);
    }
    return fd;
}

void must_greet(int lfd)
{
    int c = accept(lfd, NULL, NULL);
    if (c < 0)
        err(1, "accept");
    if (write(c, "hi\n", 3) != 3)
        errx(1, "short write");
    if (shutdown(c, SHUT_WR) < 0)
        abort();
    close(c);
}
