/* Hanging up on a client with shutdown(SHUT_RDWR) and falling off the end
 * of the function: the accepted descriptor is never closed. */
#include <sys/socket.h>
#include <unistd.h>

void refuse_one(int lfd)
{
    static const char busy[] = "busy\n";
    int c = accept(lfd, NULL, NULL);

    if (c < 0)
        return;
    if (write(c, busy, sizeof busy - 1) < 0) {
        close(c);
        return;
    }
    shutdown(c, SHUT_RDWR);
} // expect: shutdown-without-close
