/* Closing through a copy of the descriptor. */
#include <sys/socket.h>
#include <unistd.h>

int bound_socket_works(void)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int s;

    if (fd < 0)
        return 0;
    s = fd;
    close(s);
    return 1;
}
