/* A control socket loop: the client is declared in the loop body, and the
 * 'break' on a "quit" command leaves its scope with the client open. */
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

    for (;;) {
        int c = accept(lfd, NULL, NULL);
        if (c < 0)
            continue;
        if (read_command(c, cmd, sizeof cmd) == 0 &&
            strncmp(cmd, "quit", 4) == 0)
            break; // expect: resource-leak
        (void)write(c, "ok\n", 3);
        close(c);
    }
    return 0;
}
