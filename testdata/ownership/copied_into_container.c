/* A descriptor handed to a container by address: the container copies the
 * bytes into storage it keeps, so the container owns it now.  Copying it into
 * a local keeps it ours: that copy leaks. */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct fdvec {
    char *items;
    size_t n, width;
};

static int fdvec_push(struct fdvec *v, const void *elem)
{
    char *grown = realloc(v->items, (v->n + 1) * v->width);
    if (!grown)
        return 0;
    v->items = grown;
    memcpy(v->items + v->n * v->width, elem, v->width);
    v->n++;
    return 1;
}

int add_listener(struct fdvec *listeners)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (!fdvec_push(listeners, &fd)) {
        close(fd);
        return -1;
    }
    return 0;
}

int copy_and_forget(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int copy;
    memcpy(&copy, &fd, sizeof copy);
    return copy > 2; // expect: resource-leak
}
