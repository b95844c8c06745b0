/* session.h — a session's behaviour as a table of callbacks, filled in
 * protocols.c and called in session.c, and a hook that users install. */
#ifndef CALLBACKS_SESSION_H
#define CALLBACKS_SESSION_H

struct session_ops {
    const char *name;
    int (*greet)(int fd);     /* writes the banner; the socket stays open */
    int (*end)(int fd);       /* says goodbye and closes the socket */
};

extern const struct session_ops line_ops;
extern const struct session_ops frame_ops;

struct error_hook {
    int (*on_error)(int fd);
};

/* Installs cb as h's error hook. */
void error_hook_set(struct error_hook *h, int (*cb)(int fd));

/* Ends the session on fd with ops->end (which closes fd). */
void session_end(const struct session_ops *ops, int fd);

#endif
