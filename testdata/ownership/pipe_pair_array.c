/* Running a filter with both stdin and stdout redirected: two pipes kept in
 * one array, fds[0..1] towards the child and fds[2..3] back from it.  The
 * parent keeps the ends it needs and closes the others. */
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
    close(fds[3]);
    *to_child = fds[1];
    *from_child = fds[2];
    return 0;
}
