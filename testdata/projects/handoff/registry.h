/* registry.h — places a descriptor can be handed to (registry.c,
 * session.c). */
#ifndef HANDOFF_REGISTRY_H
#define HANDOFF_REGISTRY_H

/* Keeps fd in the global table; when the table is full, closes it.
 * Either way the caller no longer owns fd.  Returns 0, or -1 when full. */
int registry_add(int fd);

/* Wraps fd in a new session object (aborts when out of memory). */
struct session *session_open(int fd);

/* Writes a greeting on fd; fd stays with the caller. */
int session_greet(int fd);

#endif
