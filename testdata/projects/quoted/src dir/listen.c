/* listen.c — in a directory whose name has a space, so the "file" of its
 * database entry and its argument in the command are quoted too. */
#include <netinet/in.h>
#include <stdio.h>

#include "wire.h"

/* Forgets the socket when listen() fails. */
int listen_on(const struct sockaddr_in *sa)
{
    int fd = WIRE_OPEN();

    if (fd < 0)
        return -1;
    if (bind(fd, (const struct sockaddr *)sa, sizeof *sa) != 0) {
        WIRE_CLOSE(fd);
        return -1;
    }
    if (listen(fd, 16) != 0) {
        perror(GREETING);
        return -1; // expect: resource-leak
    }
    return fd;
}

/* A double close hidden behind the macro. */
void listen_probe(const struct sockaddr_in *sa)
{
    int fd = WIRE_OPEN();

    if (fd < 0)
        return;
    if (bind(fd, (const struct sockaddr *)sa, sizeof *sa) != 0)
        WIRE_CLOSE(fd);
    WIRE_CLOSE(fd); // expect: double-close
}
