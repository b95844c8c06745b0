/* Guards against the standard descriptors' numbers are deliberate: a value
 * left in 0..2 after `fd > STDIN_FILENO` or `fd != STDERR_FILENO` is that
 * stream.  `dup2()` returns its second argument: comparing the two checks
 * for failure. */
#include <fcntl.h>
#include <unistd.h>

int reserve_stdin(void)
{
    int fd = open("/dev/null", O_RDWR);
    if (fd < 0)
        return -1;
    if (fd > STDIN_FILENO)
        close(fd);
    return 0;
}

int move_fd(int oldfd, int newfd)
{
    if (oldfd < 0 || oldfd == newfd)
        return newfd;
    if (newfd != dup2(oldfd, newfd))
        return -1;
    close(oldfd);
    return newfd;
}
