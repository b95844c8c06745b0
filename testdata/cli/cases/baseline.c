/* CLI input for baseline.sh: three leaks, two of them identical (the same
 * variable of the same function leaks at two returns). */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int dial_twice(const struct sockaddr_in *a, const struct sockaddr_in *b)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)a, sizeof *a) < 0)
        return -1; // expect: resource-leak
    if (connect(fd, (const struct sockaddr *)b, sizeof *b) < 0)
        return -2; // expect: resource-leak
    return fd;
}

int listener(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (listen(fd, 8) < 0)
        return -1; // expect: resource-leak
    return fd;
}
