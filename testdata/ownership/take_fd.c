/* Stealing a descriptor from a cleanup variable before returning it: the
 * variable is set to -1, so closep() has nothing left to close and the
 * caller owns the descriptor. */
#include <errno.h>
#include <fcntl.h>
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

    if (fd < 0)
        return -errno;
    memset(&sun, 0, sizeof sun);
    sun.sun_family = AF_UNIX;
    strncpy(sun.sun_path, path, sizeof sun.sun_path - 1);
    if (connect(fd, (struct sockaddr *)&sun, sizeof sun) < 0)
        return -errno;
    return TAKE_FD(fd);
}

int open_lock_file(const char *path)
{
    _cleanup_close_ int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    int r;

    if (fd < 0)
        return -errno;
    if (lockf(fd, F_TLOCK, 0) < 0)
        return -errno;
    r = fd;
    fd = -1;
    return r;
}
