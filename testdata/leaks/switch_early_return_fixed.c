/* Opening a spool file by kind, closing it in the default case. */
#include <fcntl.h>
#include <unistd.h>

enum spool_kind { SPOOL_APPEND, SPOOL_NONBLOCK, SPOOL_OTHER };

int open_spool(const char *path, enum spool_kind kind)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0)
        return -1;
    switch (kind) {
    case SPOOL_APPEND:
        break;
    case SPOOL_NONBLOCK:
        if (fcntl(fd, F_SETFL, O_NONBLOCK) < 0) {
            close(fd);
            return -1;
        }
        break;
    default:
        close(fd);
        return -1;
    }
    return fd;
}
