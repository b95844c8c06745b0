/* targets.h — where calls through pointers go: the functions a call may
 * reach, when every one of them is known (ir_call.targets).
 *
 * Two sources.  A local function pointer is resolved by the front end
 * inside its function, which calls tgt_set().  A field of a struct called
 * through (`ops->done(fd)`) is resolved over the whole program: the front
 * lists, for each translation unit, what it saw stored into the
 * function-pointer fields of project structs (tgt_list); the driver gathers
 * the lists of every unit in one tgt_table, and tgt_resolve() gives each call
 * through a field whose every store is a function (or NULL) those functions.
 * A field with any other store (a parameter, another pointer, a cast that
 * changes the type, its address taken, bytes copied into the struct) stays
 * unknown.
 *
 * Plain data: no libclang, no rules, no analysis. */
#ifndef SOCKLEAK_IR_TARGETS_H
#define SOCKLEAK_IR_TARGETS_H

#include <stddef.h>

#include "ir/ir.h"

/* One store into a function-pointer field seen in a translation unit. */
typedef struct tgt_store {
    char *key;     /* the field's key: its USR ("c:@S@ops@FI@done"); for
                      a member of a union, the union's USR followed by
                      "@FI@|" (its members share their stores).  Or a
                      record's USR followed by "@FI@*": a store that reaches
                      every field of the record (bytes copied into it) */
    char *name;    /* the function stored, by name and USR; both NULL when */
    char *usr;     /* something else was stored: the field is unknown */
} tgt_store;

/* A growable list of stores; every string is a malloc'd copy it owns. */
typedef struct tgt_list {
    tgt_store *v;
    size_t n, cap;
} tgt_list;

/* Appends a store of function (name, usr) into key, or of something
 * unknown when name is NULL (usr is then ignored).  Strings are copied.
 * Returns 0, or -1 when out of memory (the list is unchanged). */
int tgt_list_add(tgt_list *l, const char *key, const char *name, const char *usr);
/* Frees the stores and empties the list; accepts NULL. */
void tgt_list_clear(tgt_list *l);

/* Gives call c of f the targets t[0..n-1] (n >= 1; copied into f's arena,
 * sorted by USR, duplicates dropped) and its targets_key.  A target without
 * a USR makes the call unknown: nothing is set. */
void tgt_set(ir_func *f, ir_call *c, const ir_target *t, unsigned n);

/* The stores of every translation unit. */
typedef struct tgt_table tgt_table;

/* Returns an empty table, or NULL when out of memory.  Free it with
 * tgt_table_free(), which accepts NULL. */
tgt_table *tgt_table_new(void);
void tgt_table_free(tgt_table *t);
/* Adds a copy of the stores of l.  Returns 0, or -1 when out of memory
 * (some of them may have been added: resolve nothing then). */
int tgt_table_add(tgt_table *t, const tgt_list *l);
/* For every call through a field in fns[0..n-1] (ir_call.field set, no
 * targets yet): when the table holds at least one store into the field and
 * every store is a function, gives the call those functions (tgt_set).
 * Sorts the table first.  Returns how many calls it resolved. */
size_t tgt_resolve(tgt_table *t, ir_func *const *fns, size_t n);

#endif
