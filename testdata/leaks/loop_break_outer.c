/* The same loop with the client declared before it: 'break' stays inside
 * the variable's scope, so the client is lost at the 'return' after the
 * loop. */
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int read_command(int fd, char *cmd, size_t cap)
{
    ssize_t n = recv(fd, cmd, cap - 1, 0);

    if (n <= 0)
        return -1;
    cmd[n] = '\0';
    return 0;
}

int control_loop(int lfd)
{
    char cmd[64];
    int c;

    for (;;) {
        c = accept(lfd, NULL, NULL);
        if (c < 0)
            continue;
        if (read_command(c, cmd, sizeof cmd) == 0 &&
            strncmp(cmd, "quit", 4) == 0)
            break;
        (void)write(c, "ok\n", 3);
        close(c);
    }
    return 0; // expect: resource-leak
}
