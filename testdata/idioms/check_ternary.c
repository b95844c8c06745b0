/* A ternary guards the use, and the close is guarded by the same test. */
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t read_config(const char *path, char *buf, size_t cap)
{
    int fd = open(path, O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, buf, cap) : -1;

    if (fd >= 0)
        close(fd);
    return n;
}

int open_or_fail(const char *path)
{
    int fd = open(path, O_RDONLY);
    return fd < 0 ? -1 : fd;
}
