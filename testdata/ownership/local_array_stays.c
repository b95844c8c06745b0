/* Two clients polled through a local pollfd array that never leaves the
 * function: poll() only looks at it, so both returns leak both
 * sockets. */
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

int wait_pair(int lfd)
{
    struct pollfd pfd[2];
    int a = accept(lfd, NULL, NULL);

    if (a < 0)
        return -1;
    int b = accept(lfd, NULL, NULL);
    if (b < 0) {
        close(a);
        return -1;
    }
    pfd[0].fd = a;
    pfd[0].events = POLLIN;
    pfd[1].fd = b;
    pfd[1].events = POLLIN;
    if (poll(pfd, 2, 1000) < 0)
        return -1; // expect: resource-leak, resource-leak
    return pfd[0].revents != 0; // expect: resource-leak, resource-leak
}
