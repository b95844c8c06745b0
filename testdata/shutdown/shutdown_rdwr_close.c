/* Hanging up on a client with shutdown(SHUT_RDWR), then closing it. */
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
    close(c);
}
