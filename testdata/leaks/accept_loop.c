/* A greeting server whose loop body never closes the accepted client:
 * every iteration leaks one descriptor when 'client' goes out of scope. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

static const char greeting[] = "220 ready\r\n";

void serve_greetings(int listen_fd)
{
    for (;;) {
        int client = accept(listen_fd, NULL, NULL);
        if (client < 0)
            continue;
        if (write(client, greeting, sizeof greeting - 1) < 0)
            perror("write");
    } // expect: resource-leak
}
