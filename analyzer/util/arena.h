/* arena.h — bump allocator for IR that lives exactly as long as its owner
 * (one lowered function).  Not thread-safe; one arena per function.
 * It does not free individual objects: arena_free() releases everything. */
#ifndef SOCKLEAK_ARENA_H
#define SOCKLEAK_ARENA_H
#include <stddef.h>

typedef struct arena arena;

/* Returns a new empty arena, or NULL when out of memory. */
arena *arena_new(void);
/* Frees every allocation of the arena and the arena itself; accepts NULL. */
void arena_free(arena *a);
/* Returns n zeroed bytes aligned for any type, owned by the arena.
 * Aborts on out-of-memory (IR construction cannot continue meaningfully). */
void *arena_alloc(arena *a, size_t n);
/* How many bytes the arena holds from the system (its chunks). */
size_t arena_bytes(const arena *a);
/* Copies the NUL-terminated string s (NULL gives NULL) into the arena. */
char *arena_strdup(arena *a, const char *s);
/* Copies n bytes of s and appends a NUL. */
char *arena_strndup(arena *a, const char *s, size_t n);
/* Grows an arena array: returns a copy of old (old_n elements of size sz)
 * with room for new_n elements; the old storage stays in the arena. */
void *arena_grow(arena *a, void *old, size_t old_n, size_t new_n, size_t sz);

#endif
