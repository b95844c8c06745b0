/* An opener that fills *fd only when it is empty looks at the old value:
 * passing it a descriptor that is already open loses nothing.  One that
 * writes *fd without looking replaces what it held. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

static int connect_into(int *fd_ptr, const struct sockaddr *sa, socklen_t len)
{
    int made = 0;
    if (*fd_ptr < 0) {
        *fd_ptr = socket(AF_INET, SOCK_STREAM, 0);
        if (*fd_ptr < 0)
            return -1;
        made = 1;
    }
    if (connect(*fd_ptr, sa, len) < 0) {
        if (made) {
            close(*fd_ptr);
            *fd_ptr = -1;
        }
        return -1;
    }
    return 0;
}

static int open_into(int *fd_ptr)
{
    *fd_ptr = socket(AF_INET, SOCK_STREAM, 0);
    return *fd_ptr < 0 ? -1 : 0;
}

int start_reusing(const struct sockaddr *sa, socklen_t len)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (connect_into(&fd, sa, len) < 0) {
        close(fd);
        return -1;
    }
    close(fd);
    return 0;
}

int start_replacing(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (open_into(&fd) < 0) // expect: resource-leak
        return -1;
    close(fd);
    return 0;
}
