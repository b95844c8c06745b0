/* Duplicating a descriptor for a logger: the copy leaks when making it
 * close-on-exec fails. */
#include <fcntl.h>
#include <unistd.h>

int clone_log_fd(int fd)
{
    int copy = dup(fd);

    if (copy < 0)
        return -1;
    if (fcntl(copy, F_SETFD, FD_CLOEXEC) < 0)
        return -1; // expect: resource-leak
    return copy;
}
