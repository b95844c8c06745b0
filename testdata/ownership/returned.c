/* The connected socket is returned to the caller: ownership leaves. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int connect_to(const struct sockaddr_in6 *sa)
{
    int fd = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}
