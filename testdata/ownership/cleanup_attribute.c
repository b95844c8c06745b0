/* Release through __attribute__((cleanup)): the descriptor is closed
 * whenever 'fd' goes out of scope. */
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

static void closep(int *fd)
{
    if (*fd >= 0)
        close(*fd);
}

ssize_t read_header(const char *path, char *buf, size_t cap)
{
    __attribute__((cleanup(closep))) int fd = open(path, O_RDONLY);

    if (fd < 0)
        return -1;
    return read(fd, buf, cap);
}
