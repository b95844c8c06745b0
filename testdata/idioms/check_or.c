/* 'fd < 0 || fd >= FD_SETSIZE': select() cannot watch a descriptor that
 * large, so it is closed in the same branch, guarded by 'fd >= 0'. */
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

int selectable_socket(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || fd >= FD_SETSIZE) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}
