/* Saying goodbye in the wrong order: the client is closed first, then
 * shut down. */
#include <sys/socket.h>
#include <unistd.h>

static const char bye[] = "221 bye\r\n";

void hang_up(int lfd)
{
    int c = accept(lfd, NULL, NULL);

    if (c < 0)
        return;
    if (write(c, bye, sizeof bye - 1) < 0) {
        close(c);
        return;
    }
    close(c);
    shutdown(c, SHUT_RDWR); // expect: use-after-close
}
