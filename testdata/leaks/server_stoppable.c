/* The same server with a stop flag: once the loop is left, the listening
 * socket is lost at the 'return'. */
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested;

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
        if (stop_requested)
            break;
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
    return 0; // expect: resource-leak
}
