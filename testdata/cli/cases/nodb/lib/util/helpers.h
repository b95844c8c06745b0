/* util/helpers.h — small helpers shared by the daemon's files.  Found only
 * through lib/ (included as "util/helpers.h"). */
#ifndef UTIL_HELPERS_H
#define UTIL_HELPERS_H

#include "log.h"

/* Returns -1 from the calling function when x fails. */
#define TRY(x)                                                              \
    do {                                                                    \
        if ((x) < 0)                                                        \
            return -1;                                                      \
    } while (0)

#endif
