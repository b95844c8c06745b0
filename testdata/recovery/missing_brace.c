/* The last function lost its closing brace: clang recovers at the end of
 * the file, so that function is cut short and not analyzed (its early
 * return would look like a leak).  The complete function before it is. */
#include <sys/socket.h>
#include <unistd.h>

int complete(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (listen(fd, 8) < 0)
        return -1; // expect: resource-leak
    return fd;
}

int cut_short(int backlog)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (backlog > 0) {
        if (listen(fd, backlog) < 0) {
            close(fd);
            return -1;
        }
    return fd;
