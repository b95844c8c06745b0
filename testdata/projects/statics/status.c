/* status.c — its static helper() only reads a status byte; the socket
 * stays with the caller.  Same name and signature as upload.c's closer. */
#include <sys/socket.h>
#include <unistd.h>

static int helper(int fd)
{
    char c;

    return recv(fd, &c, 1, MSG_PEEK) == 1 ? c : -1;
}

/* Reads the status and forgets the connection. */
int status_peek(int lfd)
{
    int fd = accept(lfd, NULL, NULL);

    if (fd < 0)
        return -1;
    return helper(fd); // expect: resource-leak
}

/* Reads the status, then closes. */
int status_read(int lfd)
{
    int fd = accept(lfd, NULL, NULL);

    if (fd < 0)
        return -1;
    int st = helper(fd);
    close(fd);
    return st;
}
