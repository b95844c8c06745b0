/* The `{` of an if's block was lost: clang ends the function at the
 * block's `}` and reads the rest as file-scope junk, so the function looks
 * like it returns the descriptor on a path that really closes it.  The
 * function is not analyzed; the complete one after the junk still is. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int dial_lost_brace(const struct sockaddr_in *addr)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)addr, sizeof *addr) < 0)
        close(fd);
        return -1;
    }
    return fd;
}

int dial_complete(const struct sockaddr_in *addr)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)addr, sizeof *addr) < 0)
        return -1; // expect: resource-leak
    return fd;
}
