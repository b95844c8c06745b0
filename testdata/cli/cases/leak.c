/* CLI input: one leak when connect() fails. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int dial(const struct sockaddr_in *addr)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)addr, sizeof *addr) < 0)
        return -1; // expect: resource-leak
    return fd;
}
