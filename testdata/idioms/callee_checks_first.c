/* A helper that tests its argument before using it does no harm with the
 * result of a failed call: passing it unchecked is not use-before-check.
 * A helper that uses it at once still is. */
#include <fcntl.h>
#include <unistd.h>

static void set_cloexec(int fd)
{
    if (fd < 0)
        return;
    fcntl(fd, F_SETFD, FD_CLOEXEC);
}

static void set_cloexec_blind(int fd)
{
    fcntl(fd, F_SETFD, FD_CLOEXEC);
}

struct logger {
    int fd;
};

void logger_open(struct logger *lg)
{
    lg->fd = dup(STDERR_FILENO);
    set_cloexec(lg->fd);
}

void logger_open_blind(struct logger *lg)
{
    lg->fd = dup(STDERR_FILENO);
    set_cloexec_blind(lg->fd); // expect: use-before-check
}
