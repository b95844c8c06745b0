/* client.c — callers of the recursive dialers and session loop. */
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include "proto.h"

/* Drops the connection when the greeting cannot be sent. */
int greet(const struct sockaddr_in *sa)
{
    int fd = dial_once((const struct sockaddr *)sa, sizeof *sa, 3);

    if (fd < 0)
        return -1;
    if (send(fd, "HELO\r\n", 6, 0) != 6)
        return -1; // expect: resource-leak
    close(fd);
    return 0;
}

/* The same through the other half of the cycle, done right. */
int greet_fixed(const struct sockaddr_in *sa)
{
    int fd = dial_next((const struct sockaddr *)sa, sizeof *sa, 3);

    if (fd < 0)
        return -1;
    if (send(fd, "HELO\r\n", 6, 0) != 6) {
        close(fd);
        return -1;
    }
    close(fd);
    return 0;
}

/* Drops the connection from the self-recursive dialer on the floor. */
void knock(const struct sockaddr_in *sa)
{
    int fd = dial_retry((const struct sockaddr *)sa, sizeof *sa, 5);

    if (fd < 0)
        perror("dial");
} // expect: resource-leak

/* Hands the connection to the session loop, which closes it. */
void serve(const struct sockaddr_in *sa)
{
    int fd = dial_once((const struct sockaddr *)sa, sizeof *sa, 3);

    if (fd < 0)
        return;
    session_read(fd);
}

/* The session loop has closed it already. */
void serve_and_close(const struct sockaddr_in *sa)
{
    int fd = dial_retry((const struct sockaddr *)sa, sizeof *sa, 3);

    if (fd < 0)
        return;
    session_write(fd, "READY\r\n", 7);
    close(fd); // expect: double-close
}
