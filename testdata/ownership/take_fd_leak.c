/* The descriptor is taken out of its cleanup variable too early: after
 * TAKE_FD() nothing closes it when connect() fails. */
#include <errno.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <string.h>
#include <unistd.h>

static inline void closep(int *fd)
{
    if (*fd >= 0)
        close(*fd);
}

#define _cleanup_(x) __attribute__((cleanup(x)))
#define _cleanup_close_ _cleanup_(closep)
#define TAKE_FD(fd) ({ int _fd_ = (fd); (fd) = -1; _fd_; })

int open_control_socket(const char *path)
{
    struct sockaddr_un sun;
    _cleanup_close_ int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int r;

    if (fd < 0)
        return -errno;
    r = TAKE_FD(fd);
    memset(&sun, 0, sizeof sun);
    sun.sun_family = AF_UNIX;
    strncpy(sun.sun_path, path, sizeof sun.sun_path - 1);
    if (connect(r, (struct sockaddr *)&sun, sizeof sun) < 0)
        return -errno; // expect: resource-leak
    return r;
}
