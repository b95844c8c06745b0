/* A loop that half-closes each client after replying but never closes
 * it: every iteration leaves the client in CLOSE_WAIT/FIN_WAIT2 and
 * leaks its descriptor at the end of the body. */
#include <sys/socket.h>
#include <unistd.h>

void reply_and_hang_up(int lfd)
{
    static const char reply[] = "OK\n";

    for (;;) {
        int c = accept(lfd, NULL, NULL);
        if (c < 0)
            continue;
        if (send(c, reply, sizeof reply - 1, 0) < 0) {
            close(c);
            continue;
        }
        shutdown(c, SHUT_WR);
    } // expect: shutdown-without-close
}
