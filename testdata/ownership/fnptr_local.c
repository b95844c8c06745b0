/* Calls through a local function pointer.  When every value the function
 * stores into the pointer is a known function, the call does what all of
 * them do: a descriptor that every target only writes to is still the
 * caller's (a leak after the call is reported), one that every target
 * closes is closed (closing it again is a double close), and a call whose
 * every target returns a new socket returns one too.  A pointer the
 * function received, or one it copied from somewhere else, could be
 * anything: the call takes the descriptor, as any unknown callee does. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int greet_plain(int fd)
{
    return (int)send(fd, "hello\n", 6, 0);
}

static int greet_loud(int fd)
{
    return (int)send(fd, "HELLO\n", 6, 0);
}

static int say_bye(int fd)
{
    send(fd, "bye\n", 4, 0);
    return close(fd);
}

static int drop_now(int fd)
{
    return close(fd);
}

/* Both greeters only write: the socket is still ours afterwards. */
int greet_and_forget(int loud)
{
    int (*greet)(int) = loud ? greet_loud : greet_plain;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    greet(fd);
    return 0; // expect: resource-leak
}

/* The same, assigned on two paths, one of them through (*greet)(). */
int greet_then_close(int loud)
{
    int (*greet)(int);
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    greet = greet_plain;
    if (loud)
        greet = &greet_loud;
    if ((*greet)(fd) < 0) {
        close(fd);
        return -1;
    }
    close(fd);
    return 0;
}

/* Every farewell closes: nothing is left open... */
void farewell(int polite)
{
    int (*bye)(int) = drop_now;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return;
    if (polite)
        bye = say_bye;
    bye(fd);
}

/* ...and closing once more after it closes twice. */
void farewell_twice(int polite)
{
    int (*bye)(int) = polite ? say_bye : close;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return;
    bye(fd);
    close(fd); // expect: double-close
}

/* One target closes, the other only writes: whether the socket is still
 * open afterwards depends on which; the call takes it. */
void maybe_closed(int polite)
{
    int (*finish)(int) = polite ? say_bye : greet_plain;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return;
    finish(fd);
}

/* A pointer the caller chose could be anything. */
int greet_with(int (*greet)(int))
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    greet(fd);
    return 0;
}

/* A local copied from a parameter is just as unknown. */
int greet_with_copy(int (*given)(int), int loud)
{
    int (*greet)(int) = greet_plain;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    if (loud)
        greet = given;
    greet(fd);
    return 0;
}

void install(int (**slot)(int));

/* Its address went to another function, which may have changed it. */
int greet_installed(void)
{
    int (*greet)(int) = greet_plain;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    install(&greet);
    greet(fd);
    return 0;
}

static int open_stream(void)
{
    return socket(AF_INET, SOCK_STREAM, 0);
}

static int open_datagram(void)
{
    return socket(AF_INET, SOCK_DGRAM, 0);
}

/* Every opener returns a new socket: so does the call. */
int probe(int datagram)
{
    int (*opener)(void) = datagram ? open_datagram : open_stream;
    int fd = opener();

    if (fd < 0)
        return -1;
    if (send(fd, "?", 1, 0) < 0)
        return -1; // expect: resource-leak
    close(fd);
    return 0;
}
