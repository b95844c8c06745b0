/* An accept loop that closes the client only when send() fails; on
 * success the client leaks at the end of the loop body. */
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
    } // expect: resource-leak
}
