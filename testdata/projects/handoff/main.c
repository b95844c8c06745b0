/* main.c — accepts connections and hands them over.  Run with
 * --assume-borrow, so a callee without a summary would be taken to leave
 * the descriptor with the caller: the hand-offs below are recognised only
 * through the summaries of registry_add() and session_open(). */
// sockleak-args: --assume-borrow
#include <stdio.h>
#include <sys/socket.h>

#include "registry.h"

/* Hands the connection to the registry. */
int adopt(int lfd)
{
    int fd = accept(lfd, NULL, NULL);

    if (fd < 0)
        return -1;
    if (registry_add(fd) != 0) {
        fputs("registry full\n", stderr);
        return -1;
    }
    return 0;
}

/* Wraps the connection in a session object the caller keeps. */
struct session *open_session(int lfd)
{
    int fd = accept(lfd, NULL, NULL);

    if (fd < 0)
        return NULL;
    return session_open(fd);
}

/* Greets, then hands over; an error on the greeting forgets it. */
int greet_then_adopt(int lfd)
{
    int fd = accept(lfd, NULL, NULL);

    if (fd < 0)
        return -1;
    if (session_greet(fd) != 0)
        return -1; // expect: resource-leak
    return registry_add(fd);
}
