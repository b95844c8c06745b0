/* What is known of a field of an object the function just allocated
 * survives calls that are not given the object: nobody else can write it.
 * A call given the object may change it. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

struct stream {
    int fd;
    int flags;
};

int stream_config_ok(void);
int stream_register(struct stream *s);

struct stream *stream_new(const char *path)
{
    struct stream *s = malloc(sizeof *s);
    if (!s)
        return NULL;
    s->fd = open(path, O_RDONLY);
    if (s->fd == -1) {
        free(s);
        return NULL;
    }
    if (!stream_config_ok()) {
        if (s->fd >= 0) /* known true: s->fd is not -1 and nobody else wrote it */
            close(s->fd);
        free(s);
        return NULL;
    }
    return s;
}

struct stream *stream_new_leaky(const char *path)
{
    struct stream *s = malloc(sizeof *s);
    if (!s)
        return NULL;
    s->fd = open(path, O_RDONLY);
    if (s->fd == -1) {
        free(s);
        return NULL;
    }
    if (!stream_config_ok()) {
        free(s); // expect: resource-leak
        return NULL;
    }
    return s;
}

/* Registered: the registry may keep the object (and close the field). */
struct stream *stream_new_registered(const char *path)
{
    struct stream *s = malloc(sizeof *s);
    if (!s)
        return NULL;
    s->fd = open(path, O_RDONLY);
    if (s->fd == -1) {
        free(s);
        return NULL;
    }
    if (stream_register(s) < 0)
        return NULL;
    return s;
}
