/* A comparison of two variables is decided when the path knows one side's
 * value (test macros copy both operands into locals first), and what a
 * check on one copy of a descriptor says holds for every copy. */
#include <sys/socket.h>
#include <unistd.h>

#define CHECK_OP(a, op, b)                  \
    do {                                    \
        long lhs_ = (a), rhs_ = (b);        \
        if (!(lhs_ op rhs_))                \
            goto end;                       \
    } while (0)

int probe_twice(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    CHECK_OP(fd, >=, 0);
    if (send(fd, "x", 1, 0) != 1)
        goto end;
end:
    if (fd >= 0) /* after the check above, known true on that path */
        close(fd);
    return 0;
}

int probe_limit(int limit)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    CHECK_OP(fd, >=, 0);
    CHECK_OP(fd, <, limit); /* limit unknown: both ways */
    close(fd);
    return 0;
end:
    return -1; // expect: resource-leak
}

/* A copy made by memcpy holds the descriptor without what the original is
 * known to be: a test on the copy is read together with that knowledge
 * (the copy cannot be negative here), never instead of it. */
#include <string.h>

int probe_copy(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int copy;
    memcpy(&copy, &fd, sizeof fd);
    if (copy < 0) {
        if (fd >= 0)
            close(fd);
        return -2;
    }
    close(fd);
    return 0;
}
