/* ctl.h — helpers for talking to the control daemon over a Unix socket,
 * defined here and included by ctl.c and status.c.  ctl_open() leaks on
 * one path: the finding belongs to this header and must be reported once,
 * not once per file that includes it. */
#ifndef HEADERS_CTL_H
#define HEADERS_CTL_H

#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static inline int ctl_open(const char *path)
{
    struct sockaddr_un sa;

    if (strlen(path) >= sizeof sa.sun_path)
        return -1;
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    memset(&sa, 0, sizeof sa);
    sa.sun_family = AF_UNIX;
    strcpy(sa.sun_path, path);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0)
        return -1; // expect: resource-leak
    return fd;
}

/* The same, done right. */
static inline int ctl_open_fixed(const char *path)
{
    struct sockaddr_un sa;

    if (strlen(path) >= sizeof sa.sun_path)
        return -1;
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    memset(&sa, 0, sizeof sa);
    sa.sun_family = AF_UNIX;
    strcpy(sa.sun_path, path);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static inline void ctl_close(int fd)
{
    close(fd);
}

#endif
