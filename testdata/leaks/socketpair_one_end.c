/* A socketpair for a worker: when the hello fails only sv[0] is closed,
 * so sv[1] leaks on that path. */
#include <sys/socket.h>
#include <unistd.h>

int make_worker_channel(int *peer)
{
    int sv[2];

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
        return -1;
    if (write(sv[0], "hi", 2) != 2) {
        close(sv[0]);
        return -1; // expect: resource-leak
    }
    *peer = sv[1];
    return sv[0];
}
