/* A small TCP echo server with the leaks sockleak is built to find.
 * `bash .ci/setup` runs sockleak on this directory; each `expect:` comment
 * marks where a finding is reported (it is also a test case). */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int listen_on(unsigned short port)
{
    struct sockaddr_in addr;
    int one = 1;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0) {
        close(fd);
        return -1;
    }
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
        perror("bind");
        return -1; // expect: resource-leak
    }
    if (listen(fd, 16) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static void echo_once(int client)
{
    char buf[512];
    ssize_t n = recv(client, buf, sizeof buf, 0);
    if (n > 0)
        send(client, buf, (size_t)n, 0);
}

int serve(unsigned short port, int max_clients)
{
    int lfd = listen_on(port);
    if (lfd < 0)
        return -1;
    for (int served = 0; served < max_clients; served++) {
        int client = accept(lfd, NULL, NULL);
        if (client < 0)
            continue;
        if (served % 100 == 99) {
            fprintf(stderr, "too busy, rejecting a client\n");
            continue; // expect: resource-leak
        }
        echo_once(client);
        shutdown(client, SHUT_WR);
    } // expect: shutdown-without-close
    close(lfd);
    return 0;
}
