/* A negated check: if (!(fd >= 0)) return. */
#include <sys/socket.h>
#include <unistd.h>

int udp_probe(void)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (!(fd >= 0))
        return -1;
    close(fd);
    return 0;
}
