/* The greeting server, closing each client before the next accept(). */
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
        close(client);
    }
}
