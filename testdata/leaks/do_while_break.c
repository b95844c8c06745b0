/* An error block built from do { } while (0): every 'break' falls to the
 * 'return -1' after the block with the log file still open. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int open_log(const char *path, const char *header)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0)
        return -1;
    do {
        if (fcntl(fd, F_SETFD, FD_CLOEXEC) < 0)
            break;
        if (write(fd, header, strlen(header)) < 0)
            break;
        return fd;
    } while (0);
    return -1; // expect: resource-leak
}
