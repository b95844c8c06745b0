/* ctl.c — sends commands to the daemon; closes every connection. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "ctl.h"

int ctl_send(const char *path, const char *cmd)
{
    int fd = ctl_open(path);

    if (fd < 0)
        return -1;
    ssize_t n = send(fd, cmd, strlen(cmd), 0);
    ctl_close(fd);
    return n < 0 ? -1 : 0;
}

int ctl_reload(const char *path)
{
    int fd = ctl_open_fixed(path);

    if (fd < 0)
        return -1;
    if (send(fd, "reload\n", 7, 0) != 7) {
        perror("reload");
        ctl_close(fd);
        return -1;
    }
    ctl_close(fd);
    return 0;
}
