/* log.h — the daemon's logging macro (included by util/helpers.h, and
 * found through lib/ like it). */
#ifndef LOG_H
#define LOG_H

#include <stdio.h>

#define LOG(msg) fprintf(stderr, "minid: %s\n", msg)

#endif
