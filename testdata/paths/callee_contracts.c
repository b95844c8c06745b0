/* What the project's own functions promise at their call sites: one that
 * always returns 1, a wrapper that exits when socket() fails, a function
 * that never returns (no attribute), and their twins that do not keep the
 * promise. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static int always_one(void)
{
    return 1;
}

static int one_or_zero(int x)
{
    if (x > 3)
        return 1;
    return 0;
}

static void die(const char *what)
{
    perror(what);
    exit(1);
}

static void complain(const char *what)
{
    perror(what);
}

static int must_socket(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        die("socket");
    return fd;
}

static int try_socket(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        complain("socket");
    return fd;
}

int closes_when_told(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (always_one())
        close(fd);
    return 0;
}

int closes_when_maybe(int x)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (one_or_zero(x))
        close(fd);
    return 0; // expect: resource-leak
}

int dial_checked_by_wrapper(const struct sockaddr *sa, socklen_t len)
{
    int s = must_socket();
    if (connect(s, sa, len) < 0) {
        close(s);
        return -1;
    }
    return s;
}

int dial_unchecked(const struct sockaddr *sa, socklen_t len)
{
    int s = try_socket();
    if (connect(s, sa, len) < 0) { // expect: use-before-check
        close(s);
        return -1;
    }
    return s;
}

int listen_or_die(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (listen(fd, port) < 0)
        die("listen");
    return fd;
}

int listen_or_complain(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (listen(fd, port) < 0) {
        complain("listen");
        return -1; // expect: resource-leak
    }
    return fd;
}

void probe_then_die(void)
{
    socket(AF_INET, SOCK_STREAM, 0);
    die("probe");
}

void probe_then_complain(void)
{
    socket(AF_INET, SOCK_STREAM, 0); // expect: resource-leak
    complain("probe");
}
