/* Opening a session: a socket without a receive timeout is closed and the
 * session refused before anything is read. */
#include <stdio.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

int open_session(const struct sockaddr *sa, socklen_t len, char *banner,
                 size_t cap)
{
    struct timeval tv = { .tv_sec = 5, .tv_usec = 0 };
    ssize_t n;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    if (connect(fd, sa, len) < 0) {
        close(fd);
        return -1;
    }
    if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) < 0) {
        perror("SO_RCVTIMEO");
        close(fd);
        return -1;
    }
    n = recv(fd, banner, cap - 1, 0);
    banner[n > 0 ? n : 0] = '\0';
    return fd;
}
