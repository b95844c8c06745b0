/* The acquisition inside the condition: if ((fd = socket(...)) == -1). */
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int unix_dial(const struct sockaddr_un *sun)
{
    int fd;

    if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1)
        return -1;
    if (connect(fd, (const struct sockaddr *)sun, sizeof *sun) == -1) {
        close(fd);
        return -1;
    }
    return fd;
}
