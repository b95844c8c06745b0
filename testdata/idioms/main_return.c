/* Returning from main ends the process: the open socket is not a leak. */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    struct sockaddr_in sa;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);

    if (fd < 0) {
        perror("socket");
        return 1;
    }
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(9);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (sendto(fd, "ping", 4, 0, (struct sockaddr *)&sa, sizeof sa) < 0) {
        perror("sendto");
        return 1;
    }
    return 0;
}
