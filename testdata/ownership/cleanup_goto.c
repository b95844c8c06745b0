/* A cleanup variable declared inside a retry loop: leaving its block by
 * 'continue', 'break', 'goto' or 'return' closes it each time. */
#include <errno.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

static void closep(int *fd)
{
    if (*fd >= 0)
        close(*fd);
}

int send_with_retry(const struct sockaddr *sa, socklen_t len,
                    const void *msg, size_t n, int tries)
{
    int rc = -1;

    for (int i = 0; i < tries; i++) {
        __attribute__((cleanup(closep))) int fd = socket(AF_INET, SOCK_STREAM, 0);

        if (fd < 0)
            goto out;
        if (connect(fd, sa, len) < 0) {
            if (errno == ECONNREFUSED)
                continue;
            goto out;
        }
        if (send(fd, msg, n, MSG_NOSIGNAL) == (ssize_t)n) {
            rc = 0;
            break;
        }
        if (errno == EPIPE)
            return -EPIPE;
    }
out:
    if (rc < 0)
        fprintf(stderr, "giving up after %d tries\n", tries);
    return rc;
}
