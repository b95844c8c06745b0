/* CLI input: a leak two directories down. */
#include <fcntl.h>
#include <unistd.h>

int open_config(const char *path)
{
    char c;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    if (read(fd, &c, 1) != 1)
        return -1; // expect: resource-leak
    return fd;
}
