/* session.c — sessions driven through a table filled in protocols.c.  The
 * calls through ops->greet and ops->end do what every function stored in
 * those fields anywhere in the program does; session_end()'s summary sees
 * that too. */
#include <sys/socket.h>
#include <unistd.h>

#include "session.h"

void session_end(const struct session_ops *ops, int fd)
{
    ops->end(fd);
}

/* The greeting does not close the socket: a failed greeting leaks it. */
int session_start(const struct session_ops *ops)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    if (ops->greet(fd) < 0)
        return -1; // expect: resource-leak
    session_end(ops, fd);
    return 0;
}

/* The same, ended on both paths. */
int session_start_fixed(const struct session_ops *ops)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    if (ops->greet(fd) < 0) {
        ops->end(fd);
        return -1;
    }
    session_end(ops, fd);
    return 0;
}

/* session_end() already closed it. */
void session_refuse(const struct session_ops *ops)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return;
    session_end(ops, fd);
    close(fd); // expect: double-close
}

/* The hook is whatever error_hook_set() was given: it may keep the
 * socket. */
int session_fail(struct error_hook *h)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    h->on_error(fd);
    return 0;
}
