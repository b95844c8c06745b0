/* greet.c — sends the banner, which comes from -DGREETING="hello world"
 * and wire.h in the "inc dir" include directory. */
#include <netinet/in.h>
#include <string.h>

#include "wire.h"

#ifndef GREETING
#error "GREETING must be defined by the build"
#endif

static const char banner[] = WIRE_BANNER;

_Static_assert(sizeof banner == sizeof "hello world\r\n",
               "GREETING lost its space");

/* Forgets the socket when the banner cannot be sent. */
int greet(const struct sockaddr_in *sa)
{
    int fd = WIRE_OPEN();

    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) != 0) {
        WIRE_CLOSE(fd);
        return -1;
    }
    if (send(fd, banner, strlen(GREETING) + 2, 0) < 0)
        return -1; // expect: resource-leak
    WIRE_CLOSE(fd);
    return 0;
}

/* The same, closing on every path. */
int greet_fixed(const struct sockaddr_in *sa)
{
    int fd = WIRE_OPEN();
    int rc = -1;

    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) == 0 &&
        send(fd, banner, strlen(GREETING) + 2, 0) >= 0)
        rc = 0;
    WIRE_CLOSE(fd);
    return rc;
}
