/* Calls through a field of a struct of callbacks.  What the program stores
 * into the field (initializers of constant tables, designated or in order,
 * and assignments) are its possible targets; when they are all known
 * functions, the call does what every one of them does.  A field that is
 * also given a value from elsewhere (a parameter, bytes copied into the
 * struct, a function cast from another type) could hold anything. */
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct proto {
    const char *name;
    int (*hello)(int fd);       /* sends a greeting */
    int (*teardown)(int fd);    /* ends the session */
};

static int hello_text(int fd)
{
    return (int)send(fd, "+OK\r\n", 5, 0);
}

static int hello_binary(int fd)
{
    static const unsigned char magic[4] = {0xca, 0xfe, 0xba, 0xbe};
    return (int)send(fd, magic, sizeof magic, 0);
}

static int teardown_text(int fd)
{
    send(fd, "+BYE\r\n", 6, 0);
    return close(fd);
}

static int teardown_binary(int fd)
{
    shutdown(fd, SHUT_RDWR);
    return close(fd);
}

static const struct proto protocols[] = {
    {"text", hello_text, teardown_text},
    {.name = "binary", .teardown = teardown_binary, .hello = hello_binary},
    {"raw", hello_binary, close},
};

/* Every teardown closes: the session is over. */
int serve_once(const struct proto *p)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    if (p->hello(fd) < 0) {
        p->teardown(fd);
        return -1;
    }
    p->teardown(fd);
    return 0;
}

/* Every greeting only writes: the socket is still ours afterwards. */
int greet_only(unsigned which)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    if (which >= sizeof protocols / sizeof protocols[0])
        which = 0;
    protocols[which].hello(fd);
    return 0; // expect: resource-leak
}

/* A second table of another struct: its callback is also set from a
 * parameter, so a call through it may reach any function. */
struct hooks {
    int (*on_accept)(int fd);
};

static int log_peer(int fd)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    return getpeername(fd, (struct sockaddr *)&ss, &len);
}

static struct hooks current_hooks = {log_peer};

void hooks_set(int (*cb)(int fd))
{
    current_hooks.on_accept = cb;
}

int accept_one(int lfd)
{
    int fd = accept(lfd, NULL, NULL);

    if (fd < 0)
        return -1;
    current_hooks.on_accept(fd);
    return 0;
}

/* The table is also filled by copying bytes into it: unknown as well. */
struct filters {
    int (*check)(int fd);
};

static struct filters active_filters = {log_peer};

void filters_load(const void *image)
{
    memcpy(&active_filters, image, sizeof active_filters);
}

int filter_one(int lfd)
{
    int fd = accept(lfd, NULL, NULL);

    if (fd < 0)
        return -1;
    active_filters.check(fd);
    return 0;
}

/* Casts: one to the type the function already has changes nothing, and
 * the call is still known to only write... */
typedef int (*fd_fn)(int fd);

struct relay {
    fd_fn forward;
};

static const struct relay plain_relay = {(fd_fn)hello_text};

int relay_plain(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    plain_relay.forward(fd);
    return 0; // expect: resource-leak
}

/* ...while one from another signature is not followed. */
struct wide_relay {
    fd_fn forward;
};

static int forward_wide(long fd)
{
    return (int)send((int)fd, "", 0, 0);
}

static const struct wide_relay any_relay = {(fd_fn)forward_wide};

int relay_wide(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    any_relay.forward(fd);
    return 0;
}
