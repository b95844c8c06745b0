/* A project function that returns a new object (or NULL) is an allocation
 * wrapper by its summary: a descriptor stored in the object it returns is
 * the caller's until the object escapes, as with malloc itself.  A wrapper
 * that also files the object somewhere hands out a shared object. */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct session {
    int fd;
    char *buf;
    struct session *next;
};

static struct session *all_sessions;

static struct session *session_new(void)
{
    struct session *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    memset(s, 0, sizeof *s);
    return s;
}

static struct session *session_new_listed(void)
{
    struct session *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->next = all_sessions;
    all_sessions = s;
    return s;
}

struct session *session_accept(int lfd)
{
    struct session *s = session_new();
    if (!s)
        return NULL;
    s->fd = accept(lfd, NULL, NULL);
    if (s->fd < 0) {
        free(s);
        return NULL;
    }
    s->buf = malloc(256);
    if (!s->buf) {
        free(s); // expect: resource-leak
        return NULL;
    }
    return s;
}

/* The listed session is reachable from all_sessions: freeing it here is a
 * bug of another kind, and the descriptor is not judged. */
struct session *session_accept_listed(int lfd)
{
    struct session *s = session_new_listed();
    if (!s)
        return NULL;
    s->fd = accept(lfd, NULL, NULL);
    if (s->fd < 0)
        return NULL;
    s->buf = malloc(256);
    if (!s->buf)
        return NULL;
    return s;
}
