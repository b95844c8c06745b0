/* Duplicating a descriptor, closing the copy when fcntl() fails. */
#include <fcntl.h>
#include <unistd.h>

int clone_log_fd(int fd)
{
    int copy = dup(fd);

    if (copy < 0)
        return -1;
    if (fcntl(copy, F_SETFD, FD_CLOEXEC) < 0) {
        close(copy);
        return -1;
    }
    return copy;
}
