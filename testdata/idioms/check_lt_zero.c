/* The plain validity check: returning on 'fd < 0' holds no descriptor. */
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t slurp(const char *path, char *buf, size_t cap)
{
    ssize_t n;
    int fd = open(path, O_RDONLY);

    if (fd < 0)
        return -1;
    n = read(fd, buf, cap);
    close(fd);
    return n;
}
