/* CLI input for fixit_roundtrip.sh: leaks whose exit statement is not
 * written out in the source, so no fix may be offered. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#define FAIL return -1

int via_macro(const struct sockaddr_in *a)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)a, sizeof *a) < 0)
        FAIL; // expect: resource-leak
    return fd;
}

int after_directive(const struct sockaddr_in *a)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)a, sizeof *a) < 0)
#ifdef __linux__
        return -1; // expect: resource-leak
#else
        return -2;
#endif
    return fd;
}
