/* Saying goodbye: shut the connection down, then close it. */
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
    shutdown(c, SHUT_RDWR);
    close(c);
}
