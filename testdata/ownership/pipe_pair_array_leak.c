/* Running a filter with both stdin and stdout redirected: the parent hands
 * out fds[1] and fds[2] and closes fds[0], but forgets the child's end of
 * the second pipe, fds[3]. */
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

int spawn_filter(const char *prog, int *to_child, int *from_child)
{
    int fds[4];
    pid_t pid;

    if (pipe(fds) != 0)
        return -1;
    if (pipe(&fds[2]) != 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        close(fds[2]);
        close(fds[3]);
        return -1;
    }
    if (pid == 0) {
        dup2(fds[0], STDIN_FILENO);
        dup2(fds[3], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        close(fds[2]);
        close(fds[3]);
        execlp(prog, prog, (char *)NULL);
        perror(prog);
        _exit(127);
    }
    close(fds[0]);
    *to_child = fds[1];
    *from_child = fds[2];
    return 0; // expect: resource-leak
}
