/* A thread-per-connection server: each accepted socket is passed to a
 * detached thread, which closes it.  When pthread_create() fails no thread
 * owns the socket, and the acceptor returns without closing it. */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

static void *serve_client(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[4096];
    ssize_t n;

    while ((n = recv(fd, buf, sizeof buf, 0)) > 0)
        if (send(fd, buf, (size_t)n, MSG_NOSIGNAL) != n)
            break;
    close(fd);
    return NULL;
}

int accept_loop(int lfd)
{
    for (;;) {
        pthread_t t;
        int c = accept(lfd, NULL, NULL);

        if (c < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            return -1;
        }
        if (pthread_create(&t, NULL, serve_client, (void *)(intptr_t)c) != 0) {
            fprintf(stderr, "cannot start a thread\n");
            return -1; // expect: resource-leak
        }
        pthread_detach(t);
    }
}
