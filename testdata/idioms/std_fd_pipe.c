/* A pipe end that already is the standard descriptor it should become
 * (pipe() returned 0 because stdin was closed) is kept open on purpose by
 * `if (p[0] != STDIN_FILENO) { dup2; close; }`.  Testing `p[0] > 0` instead
 * keeps a 0 that nobody asked for: reported. */
#include <unistd.h>

void child_stdin_from_pipe(void)
{
    int p[2];
    if (pipe(p) < 0)
        _exit(1);
    close(p[1]);
    if (p[0] != STDIN_FILENO) {
        dup2(p[0], STDIN_FILENO);
        close(p[0]);
    }
}

void child_stdout_to_pipe(void)
{
    int p[2];
    if (pipe(p) < 0)
        _exit(1);
    close(p[0]);
    if (p[1] != STDOUT_FILENO) {
        dup2(p[1], STDOUT_FILENO);
        close(p[1]);
    }
}

void child_stdin_wrong_test(void)
{
    int p[2];
    if (pipe(p) < 0)
        _exit(1);
    close(p[1]);
    if (p[0] > 0) {
        dup2(p[0], STDIN_FILENO);
        close(p[0]);
    }
} // expect: resource-leak
