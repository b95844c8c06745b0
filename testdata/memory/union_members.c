/* Members of a union with the same offset and size are the same bytes, so a
 * descriptor stored through one is closed through the other.  A member that
 * overlaps with another size (or another offset) is not the same value:
 * writing it replaces what the descriptor's member held, and nothing more is
 * said about that descriptor. */
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

union handle {
    int fd;
    int sock;
    int64_t wide;
};

struct slot {
    int kind;
    union handle h;
};

/* stored as `fd`, checked and closed as `sock` */
int union_close_other_name(void)
{
    union handle u;
    u.fd = socket(AF_INET, SOCK_STREAM, 0);
    if (u.sock < 0)
        return -1;
    close(u.sock);
    return 0;
}

/* never closed on the failing listen(): reported once, as 'h.sock' */
int union_leak(void)
{
    union handle h;
    h.sock = socket(AF_INET, SOCK_STREAM, 0);
    if (h.fd < 0)
        return -1;
    if (listen(h.fd, 4) < 0)
        return -1; // expect: resource-leak
    close(h.sock);
    return 0;
}

/* a union inside a local struct, a member on either side */
int nested_union(void)
{
    struct slot s;
    s.kind = 1;
    s.h.sock = socket(AF_INET, SOCK_DGRAM, 0);
    if (s.h.fd < 0)
        return -1;
    close(s.h.fd);
    return 0;
}

/* widened in place, then closed from the wide member */
int widened_in_place(void)
{
    union handle c;
    c.fd = socket(AF_INET, SOCK_STREAM, 0);
    if (c.fd < 0)
        return -1;
    c.wide = (int64_t)c.fd;
    close((int)c.wide);
    return 0;
}

void cookie_register(int64_t cookie); /* keeps what the cookie carries */

/* the kind is tagged above the descriptor in the wide member, and the
 * cookie handed over: writing the wide member leaves the int member's
 * descriptor to whoever has the cookie, not leaked at the return */
int tagged_cookie(void)
{
    union handle c;
    c.wide = 0;
    c.fd = socket(AF_INET, SOCK_STREAM, 0);
    if (c.fd < 0)
        return -1;
    c.wide |= (int64_t)1 << 40;
    cookie_register(c.wide);
    return 0;
}

/* the overlapping wide member written first, the descriptor after it: the
 * descriptor is still followed, and leaks when not closed */
int wide_then_fd(void)
{
    union handle u;
    u.wide = 0;
    u.fd = socket(AF_INET, SOCK_STREAM, 0);
    if (u.fd < 0)
        return -1;
    if (listen(u.sock, 4) < 0)
        return -1; // expect: resource-leak
    close(u.fd);
    return 0;
}
