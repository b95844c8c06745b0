/* A fire-and-forget notification: the datagram socket is used without
 * checking socket() and is never closed either. */
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

void notify(const char *path, const char *msg)
{
    struct sockaddr_un sun;
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);

    memset(&sun, 0, sizeof sun);
    sun.sun_family = AF_UNIX;
    strncpy(sun.sun_path, path, sizeof sun.sun_path - 1);
    sendto(fd, msg, strlen(msg), 0, (struct sockaddr *)&sun, sizeof sun); // expect: use-before-check
} // expect: resource-leak
