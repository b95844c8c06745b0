/* A socketpair whose two ends are closed on the error path and handed
 * out on success. */
#include <sys/socket.h>
#include <unistd.h>

int make_worker_channel(int *peer)
{
    int sv[2];

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
        return -1;
    if (write(sv[0], "hi", 2) != 2) {
        close(sv[0]);
        close(sv[1]);
        return -1;
    }
    *peer = sv[1];
    return sv[0];
}
