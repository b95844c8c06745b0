/* Cleanup helpers in the style of bubblewrap's utils.h: the attribute is
 * spelled by a macro defined in this header, not in the .c file. */
#ifndef CLEANUP_MACROS_H
#define CLEANUP_MACROS_H
#include <unistd.h>

static inline void cleanup_fdp(int *fdp)
{
    if (*fdp != -1)
        close(*fdp);
}

#define cleanup_fd __attribute__((cleanup(cleanup_fdp)))
#endif
