/* proto.h — a client whose dialer and session loop are recursive.
 *
 * Expectations (the spec is silent on recursion; these are what a user
 * would expect, and the analysis must reach them in finite time):
 *  - dial_once() (dial.c) and dial_next() (retry.c) call each other; every
 *    path returns either -1 or a connected socket, so both are acquirers
 *    and a caller that drops their result leaks.  dial_retry() is the same
 *    with direct recursion.
 *  - session_read() (session.c) and session_write() (reply.c) call each
 *    other; every path that returns has closed the descriptor, directly or
 *    through the other, so both are releasers: closing again after them is
 *    a double close, and handing a connection to them is not a leak.
 */
#ifndef RECURSION_PROTO_H
#define RECURSION_PROTO_H

#include <sys/socket.h>

int dial_once(const struct sockaddr *sa, socklen_t len, int tries_left);
int dial_next(const struct sockaddr *sa, socklen_t len, int tries_left);
int dial_retry(const struct sockaddr *sa, socklen_t len, int tries_left);

void session_read(int fd);
void session_write(int fd, const char *buf, size_t n);

#endif
