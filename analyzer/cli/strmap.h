/* strmap.h — a map from strings to pointers, for the CLI's sets and
 * caches (open addressing, FNV-1a hash).  Keys are copied and owned by the
 * map; values belong to the caller, who may hand cli_strmap_free a function
 * to release them.  Nothing is ever removed. */
#ifndef SOCKLEAK_CLI_STRMAP_H
#define SOCKLEAK_CLI_STRMAP_H

#include <stddef.h>

/* Zero-initialized is empty.  To visit every entry: for i < cap where
 * keys[i] is not NULL, keys[i] maps to vals[i] (in no useful order). */
typedef struct cli_strmap {
    char **keys;
    void **vals;
    size_t cap, n;
} cli_strmap;

/* The value slot of key.  When key was absent it is added with a NULL
 * value and *created is set to 1, else *created is 0.  The pointer is
 * valid until the next insertion.  Aborts when memory runs out. */
void **cli_strmap_slot(cli_strmap *m, const char *key, int *created);

/* Frees the keys, every value through free_val when it is not NULL, and
 * the storage; m is left empty; accepts NULL. */
void cli_strmap_free(cli_strmap *m, void (*free_val)(void *));

#endif
