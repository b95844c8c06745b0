/* A self-pipe for wakeups: the function hands out the read end and
 * forgets the write end (only p[1] leaks). */
#include <fcntl.h>
#include <unistd.h>

int make_wakeup_pipe(void)
{
    int p[2];

    if (pipe(p) != 0)
        return -1;
    if (fcntl(p[0], F_SETFL, O_NONBLOCK) < 0) {
        close(p[0]);
        close(p[1]);
        return -1;
    }
    return p[0]; // expect: resource-leak
}
