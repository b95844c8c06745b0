/* Functions whose finding would depend on the part clang could not
 * understand: the descriptor flows into it, or it decides a branch that
 * releases it.  sockleak reports none of them. */
#include <sys/socket.h>
#include <unistd.h>
#include "missing_wrappers.h" /* not in the tree */

int handed_to_unknown_type(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    conn_wrapper_t *w = wrap_connection(fd);
    if (!w)
        return -1;
    return 0;
}

int checked_by_unknown_macro(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (!FD_IS_USABLE(fd))
        return -1;
    close(fd);
    return 0;
}

int stored_in_unknown_struct(struct peer *p)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    p->sock = fd;
    return 0;
}

int flag_set_by_broken_code(int mode)
{
    int must_close = 0;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    must_close = compute_policy(mode, POLICY_DEFAULT) ? 1 : must_close;
    if (must_close)
        close(fd);
    return 0;
}

int cut_short_by_syntax(int fd2)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (write(fd, "x", 1) < 0 {
        close(fd);
        return -1;
    }
    close(fd);
    return fd2;
}
