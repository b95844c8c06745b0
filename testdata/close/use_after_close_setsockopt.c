/* Over the connection limit the client is told so and closed, but the
 * code falls through to tune the socket and hand it out anyway. */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

static const char busy[] = "too many connections\n";

int accept_client(int lfd, int nclients, int max_clients)
{
    int one = 1;
    int c = accept(lfd, NULL, NULL);

    if (c < 0)
        return -1;
    if (nclients >= max_clients) {
        (void)write(c, busy, sizeof busy - 1);
        close(c);
    }
    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one); // expect: use-after-close
    return c;
}
