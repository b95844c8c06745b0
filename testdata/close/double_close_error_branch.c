/* A status probe that closes the socket when connect() fails but does not
 * leave: the common close at the end releases it a second time. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int probe_port(const char *ip, unsigned short port)
{
    struct sockaddr_in sa;
    int rc = 0;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    if (inet_pton(AF_INET, ip, &sa.sin_addr) != 1)
        rc = -1;
    else if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        perror("connect");
        close(fd);
        rc = -1;
    }
    close(fd); // expect: double-close
    return rc;
}
