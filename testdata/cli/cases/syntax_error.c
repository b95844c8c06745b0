/* CLI input: one function does not parse; the other still has a leak. */
#include <fcntl.h>
#include <unistd.h>

static int broken(int x)
{
    int y = x + ;
    return y;
}

int open_twice(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    if (fcntl(fd, F_SETFD, FD_CLOEXEC) < 0)
        return -1; // expect: resource-leak
    return fd;
}
