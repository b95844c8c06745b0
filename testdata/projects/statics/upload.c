/* upload.c — its static helper() finishes a transfer and closes the
 * socket.  finish.c has a static helper() of its own that only reads; the
 * two are different functions (different USRs), so callers here may rely
 * on this one closing. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

static int helper(int fd)
{
    int rc = shutdown(fd, SHUT_WR);

    if (close(fd) != 0)
        rc = -1;
    return rc;
}

/* Hands the connection to helper(), which closes it. */
int upload_done(int lfd)
{
    int fd = accept(lfd, NULL, NULL);

    if (fd < 0)
        return -1;
    send(fd, "DONE\r\n", 6, 0);
    return helper(fd);
}

/* Closes again what helper() closed. */
void upload_abort(int lfd)
{
    int fd = accept(lfd, NULL, NULL);

    if (fd < 0)
        return;
    if (helper(fd) != 0)
        perror("upload");
    close(fd); // expect: double-close
}
