/* main.c — the client's entry point.  Returning from main() with a
 * connection open is not a leak (the process ends), but a loop in main()
 * that drops one connection per iteration is. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "net.h"

int send_hello(const char *host);
int ping(const char *host);

static int probe_all(const char *host, int rounds)
{
    int ok = 0;

    for (int i = 0; i < rounds; i++) {
        int fd = tcp_connect(host, 7004);
        if (fd < 0)
            continue;
        if (send(fd, "?\n", 2, 0) != 2)
            continue; // expect: resource-leak
        ok++;
        net_close(fd);
    }
    return ok;
}

static int probe_all_fixed(const char *host, int rounds)
{
    int ok = 0;

    for (int i = 0; i < rounds; i++) {
        int fd = tcp_connect(host, 7004);
        if (fd < 0)
            continue;
        if (send(fd, "?\n", 2, 0) == 2)
            ok++;
        net_close(fd);
    }
    return ok;
}

int main(int argc, char **argv)
{
    const char *host = argc > 1 ? argv[1] : "127.0.0.1";

    if (send_hello(host) != 0 || ping(host) != 0)
        return EXIT_FAILURE;
    printf("%d/%d\n", probe_all(host, 3), probe_all_fixed(host, 3));

    int keep = tcp_connect(host, 7000);
    if (keep < 0)
        return EXIT_FAILURE;
    send(keep, "BYE\n", 4, 0);
    return EXIT_SUCCESS;
}
