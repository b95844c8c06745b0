/* A server that never stops: the listening socket would leak at the end of
 * the function, but no path reaches it. */
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int serve(const struct sockaddr_in *sa)
{
    int lfd = socket(AF_INET, SOCK_STREAM, 0);

    if (lfd < 0)
        return -1;
    if (bind(lfd, (const struct sockaddr *)sa, sizeof *sa) < 0 ||
        listen(lfd, 64) < 0) {
        perror("listen");
        close(lfd);
        return -1;
    }
    for (;;) {
        int c = accept(lfd, NULL, NULL);
        if (c < 0) {
            if (errno != EINTR)
                perror("accept");
            continue;
        }
        (void)write(c, "hello\n", 6);
        close(c);
    }
    fprintf(stderr, "server stopped\n");
    return 0;
}
