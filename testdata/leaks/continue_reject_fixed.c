/* Rejecting a client: close it, then continue. */
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

static volatile sig_atomic_t running = 1;

static int is_loopback(const struct sockaddr_in *peer)
{
    return peer->sin_addr.s_addr == htonl(INADDR_LOOPBACK);
}

void serve_local_only(int lfd)
{
    static const char hello[] = "hello\n";

    while (running) {
        struct sockaddr_in peer;
        socklen_t len = sizeof peer;
        int c = accept(lfd, (struct sockaddr *)&peer, &len);
        if (c < 0)
            continue;
        if (!is_loopback(&peer)) {
            close(c);
            continue;
        }
        if (write(c, hello, sizeof hello - 1) < 0) {
            close(c);
            continue;
        }
        close(c);
    }
}
