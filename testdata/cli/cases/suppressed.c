/* CLI input: three leaks, each suppressed inline in a different way. */
#include <fcntl.h>
#include <unistd.h>

int open_quiet(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    if (fcntl(fd, F_SETFD, FD_CLOEXEC) < 0)
        return -1; // sockleak-ignore(resource-leak)
    return fd;
}

int open_quiet_above(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    if (fcntl(fd, F_SETFD, FD_CLOEXEC) < 0)
        // sockleak-ignore
        return -1;
    return fd;
}

int open_quiet_nolint(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    if (fcntl(fd, F_SETFD, FD_CLOEXEC) < 0)
        return -1; // NOLINT(sockleak-resource-leak)
    return fd;
}
