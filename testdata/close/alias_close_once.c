/* A copy of the descriptor is kept for the reader side and the socket is
 * closed through that copy only. */
#include <sys/socket.h>
#include <unistd.h>

ssize_t query(const struct sockaddr *sa, socklen_t len, char *buf, size_t cap)
{
    ssize_t n;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int rd;

    if (fd < 0)
        return -1;
    if (connect(fd, sa, len) < 0) {
        close(fd);
        return -1;
    }
    rd = fd;
    n = recv(rd, buf, cap, 0);
    close(rd);
    return n;
}
