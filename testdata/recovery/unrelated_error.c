/* A file whose project header is missing (a build would generate or
 * install it): the types and constants it would define are unknown.  The
 * leaks below do not depend on them, so they are still found. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>
#include "generated_config.h" /* not in the tree: a compile error */

int open_listener(struct server_opts *opts, int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    log_line(opts->logger, LOG_LEVEL_DEBUG, "port %d", port);
    if (listen(fd, 16) < 0) {
        fprintf(stderr, "listen: %s\n", describe_errno(errno_value));
        return -1; // expect: resource-leak
    }
    return fd;
}

int send_banner(server_ctx_t *ctx, int fd)
{
    int out = dup(fd);
    if (out < 0)
        return -1;
    if (write(out, BANNER_TEXT, BANNER_LEN) < 0)
        return -1; // expect: resource-leak
    close(out);
    return 0;
}

int unknown_protocol(void)
{
    /* the acquisition itself is broken: its value is unknown, not a socket */
    int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_NOT_DEFINED);
    if (fd < 0)
        return -1;
    return 0;
}

int returns_through_broken(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    return fd + UNKNOWN_OFFSET * port;
}
