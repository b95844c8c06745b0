/* An accept loop that closes the client on the error branch and after
 * serving it. */
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

void accept_loop(int lfd, const char *motd)
{
    size_t len = strlen(motd);

    while (1) {
        int c = accept(lfd, NULL, NULL);
        if (c < 0)
            continue;
        if (send(c, motd, len, 0) < 0) {
            close(c);
            continue;
        }
        close(c);
    }
}
