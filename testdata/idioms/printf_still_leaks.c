/* Printing the descriptor does not hand it anywhere: the early return
 * after the printf() still leaks it. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int open_device(const char *path)
{
    int fd = open(path, O_RDWR | O_NOCTTY);

    if (fd < 0)
        return -1;
    printf("opened %s as fd %d\n", path, fd);
    if (fcntl(fd, F_SETFL, O_NONBLOCK) < 0) {
        fprintf(stderr, "cannot set fd %d non-blocking\n", fd);
        return -1; // expect: resource-leak
    }
    return fd;
}
