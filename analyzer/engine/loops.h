/* loops.h — private to engine/: the loops of a function that empty a local
 * array (see loops.c). */
#ifndef SOCKLEAK_ENGINE_LOOPS_H
#define SOCKLEAK_ENGINE_LOOPS_H

#include "engine/walk.h"

/* Fills F->cleanup_of and F->cleanup_call (left NULL when the function has
 * no array filled at a variable index).  Needs F->collection, F->sites and
 * F->rt.  Returns 0, or -1 on out-of-memory (nothing filled). */
int loops_find_cleanups(fn_ctx *F);

#endif
