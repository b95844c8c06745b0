/* The descriptor is stored in a connection object reached through a
 * pointer: the object now owns it. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

struct conn {
    int fd;
    unsigned long bytes_in, bytes_out;
};

int conn_open(struct conn *cn, const struct sockaddr_in *sa)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
        close(fd);
        return -1;
    }
    cn->fd = fd;
    cn->bytes_in = cn->bytes_out = 0;
    return 0;
}
