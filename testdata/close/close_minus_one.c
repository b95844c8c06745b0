/* After the error branch closes the descriptor it stores -1, so the
 * unconditional close() at the end is close(-1) on that path: EBADF,
 * harmless, and not a second release of the socket. */
#include <stdio.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <string.h>
#include <unistd.h>

int notify_supervisor(const char *path, const char *msg)
{
    struct sockaddr_un sun;
    int rc = 0;
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);

    if (fd < 0)
        return -1;
    memset(&sun, 0, sizeof sun);
    sun.sun_family = AF_UNIX;
    strncpy(sun.sun_path, path, sizeof sun.sun_path - 1);
    if (connect(fd, (struct sockaddr *)&sun, sizeof sun) < 0) {
        perror(path);
        close(fd);
        fd = -1;
        rc = -1;
    } else if (send(fd, msg, strlen(msg), MSG_NOSIGNAL) < 0) {
        rc = -1;
    }
    close(fd);
    return rc;
}
