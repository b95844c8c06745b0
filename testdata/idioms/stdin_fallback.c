/* A password prompt that reads from the terminal, or from stdin when there
 * is no terminal: the descriptor is closed unless it is stdin, and a
 * descriptor equal to STDIN_FILENO is stdin itself, not a leak. */
#include <fcntl.h>
#include <unistd.h>

ssize_t read_secret(char *buf, size_t len)
{
    int fd = open("/dev/tty", O_RDONLY);
    if (fd == -1)
        fd = STDIN_FILENO;
    ssize_t n = read(fd, buf, len);
    if (STDIN_FILENO != fd)
        close(fd);
    return n;
}
