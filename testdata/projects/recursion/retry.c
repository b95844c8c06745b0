/* retry.c — the back-off between attempts of dial_once() (dial.c). */
#include <unistd.h>

#include "proto.h"

int dial_next(const struct sockaddr *sa, socklen_t len, int tries_left)
{
    if (tries_left <= 0)
        return -1;
    sleep(1);
    return dial_once(sa, len, tries_left);
}
