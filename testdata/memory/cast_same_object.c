/* One object reached by two spellings is one place when the bytes agree: a
 * cast of a pointer to the struct the object starts with, a nested member
 * of the object's own type, a `void *` that holds the object.  Different
 * bytes are different places, however the fields are named. */
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct hdr {
    int fd;
};

struct big {
    struct hdr h;
    int extra;
};

/* the header's descriptor, written through the cast, tested through the
 * nested member: one place; freeing the object with it open leaks it */
int via_cast(void)
{
    struct big *b = malloc(sizeof *b);
    if (!b)
        return -1;
    ((struct hdr *)b)->fd = socket(AF_INET, SOCK_STREAM, 0);
    if (b->h.fd < 0) {
        free(b);
        return -1;
    }
    free(b); // expect: resource-leak
    return 0;
}

/* written through the cast, closed through the outer struct's field */
int cast_then_outer_close(void)
{
    struct big *b = malloc(sizeof *b);
    if (!b)
        return -1;
    ((struct hdr *)b)->fd = socket(AF_INET, SOCK_STREAM, 0);
    if (b->h.fd < 0) {
        free(b);
        return -1;
    }
    close(b->h.fd);
    free(b);
    return 0;
}

/* written through the field, used and lost through the cast: one finding */
struct big *open_big(void)
{
    struct big *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->h.fd = socket(AF_INET, SOCK_STREAM, 0);
    if (((struct hdr *)b)->fd < 0) {
        free(b);
        return NULL;
    }
    if (listen(((struct hdr *)b)->fd, 16) < 0) {
        free(b); // expect: resource-leak
        return NULL;
    }
    return b;
}

/* a second struct type over the same bytes: `tail` lies where `extra` does */
struct pair {
    int head;
    int tail;
};

int same_bytes_other_name(void)
{
    struct big *b = malloc(sizeof *b);
    if (!b)
        return -1;
    ((struct pair *)b)->tail = socket(AF_INET, SOCK_DGRAM, 0);
    if (b->extra < 0) {
        free(b);
        return -1;
    }
    close(b->extra);
    free(b);
    return 0;
}

/* the same field name at another offset is another place: closing
 * `p->tail` leaves what was stored at offset 0 open */
struct lone {
    int tail;
};

int same_name_other_bytes(void)
{
    struct pair *p = malloc(sizeof *p);
    if (!p)
        return -1;
    ((struct lone *)p)->tail = socket(AF_INET, SOCK_DGRAM, 0);
    if (((struct lone *)p)->tail < 0) {
        free(p);
        return -1;
    }
    close(p->tail);
    free(p); // expect: resource-leak
    return 0;
}

/* the object kept in a `void *` as well: both names are the object */
int through_void_pointer(void)
{
    struct big *b = malloc(sizeof *b);
    if (!b)
        return -1;
    void *raw = b;
    ((struct hdr *)raw)->fd = socket(AF_INET, SOCK_STREAM, 0);
    if (b->h.fd < 0) {
        free(raw);
        return -1;
    }
    close(b->h.fd);
    free(raw);
    return 0;
}

/* a local struct reached through a `void *` holding its address */
int local_through_void(void)
{
    struct big s;
    void *v = &s;
    ((struct hdr *)v)->fd = socket(AF_INET, SOCK_STREAM, 0);
    if (s.h.fd < 0)
        return -1;
    if (listen(s.h.fd, 8) < 0)
        return -1; // expect: resource-leak
    close(((struct big *)v)->h.fd);
    return 0;
}

/* a typed pointer to the local's header, then the local itself */
int local_through_header(void)
{
    struct big s;
    struct hdr *h = (struct hdr *)&s;
    h->fd = socket(AF_INET, SOCK_STREAM, 0);
    if (s.h.fd < 0)
        return -1;
    close(h->fd);
    return 0;
}

/* the local read through the alias by a variable index, a shape that is not
 * followed: which descriptor is closed is unknown, so nothing is said */
int local_closed_by_index(int i)
{
    struct big s;
    void *v = &s;
    s.h.fd = socket(AF_INET, SOCK_STREAM, 0);
    if (s.h.fd < 0)
        return -1;
    close(((int *)v)[i]);
    return 0;
}

/* stored through a plain dereference of the alias, closed through the
 * field: the store is not followed, so the descriptor is handed off there */
int local_stored_by_deref(void)
{
    struct big s;
    void *v = &s;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    *(int *)v = fd;
    close(s.h.fd);
    return 0;
}

/* the `void *` is pointed elsewhere later: not an alias, the store through
 * it hands the descriptor off, as for any pointer */
int void_pointer_reassigned(struct big *other)
{
    struct big *b = malloc(sizeof *b);
    if (!b)
        return -1;
    void *raw = b;
    if (other)
        raw = other;
    ((struct hdr *)raw)->fd = socket(AF_INET, SOCK_STREAM, 0);
    free(b);
    return 0;
}
