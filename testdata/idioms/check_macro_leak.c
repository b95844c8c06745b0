/* The validity check in a macro, and a leak on the connect() failure. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#define INVALID(x) ((x) < 0)

int dial_checked(const struct sockaddr_in *sa)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (INVALID(fd))
        return -1;
    if (INVALID(connect(fd, (const struct sockaddr *)sa, sizeof *sa)))
        return -1; // expect: resource-leak
    return fd;
}
