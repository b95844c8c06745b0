/* A variable whose address reaches a call is unknown after it: after
 * `lookup(name, &h)` h may be set, so the paths after `if (!h)` are real
 * and the leak on one of them is reported. */
#include <sys/socket.h>
#include <unistd.h>

struct entry {
    int port;
};

int lookup(const char *name, struct entry **out);
int lookup_port(const char *name, int *port);

int dial_entry(const char *name)
{
    struct entry *h = NULL;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    lookup(name, &h);
    if (!h) {
        close(fd);
        return -1;
    }
    if (h->port == 0)
        return -1; // expect: resource-leak
    close(fd);
    return 0;
}

int dial_port(const char *name)
{
    int port = 0;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (lookup_port(name, &port) < 0 || port == 0) {
        close(fd);
        return -1;
    }
    if (port > 65535)
        return -1; // expect: resource-leak
    close(fd);
    return 0;
}
