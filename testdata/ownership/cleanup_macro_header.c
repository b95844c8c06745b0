/* Descriptors released by a cleanup attribute that a header's macro spells:
 * no leak on any exit; the variable without it still leaks. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "cleanup_macros.h"

int first_byte(const char *path)
{
    cleanup_fd int fd = -1;
    char c;

    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    if (read(fd, &c, 1) != 1)
        return -1;
    return c;
}

int first_byte_of_two(const char *a, const char *b)
{
    cleanup_fd int fa = open(a, O_RDONLY | O_CLOEXEC);
    int fb = open(b, O_RDONLY | O_CLOEXEC);
    char c;

    if (fa < 0 || fb < 0)
        return -1; // expect: resource-leak
    if (read(fb, &c, 1) != 1)
        return -1; // expect: resource-leak
    close(fb);
    return c;
}
