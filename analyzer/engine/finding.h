/* finding.h — one reported problem with its evidence, and a growable list.
 *
 * Produced by the engine, consumed by report/ and cli/.  A finding owns all
 * of its strings (heap copies), so it outlives the IR it came from.
 */
#ifndef SOCKLEAK_FINDING_H
#define SOCKLEAK_FINDING_H

#include <stddef.h>

#include "util/ruleid.h"

typedef struct fnd_loc {
    char *file;              /* as the front saw it (absolute or as given) */
    unsigned line, col, off; /* 1-based line/col; 0-based byte offset */
} fnd_loc;

typedef struct fnd_step {
    fnd_loc loc;
    char *message;           /* "'fd' acquired by socket()" */
} fnd_step;

typedef struct fnd_edit {
    fnd_loc loc;             /* insertion point */
    char *insert;            /* text to insert there */
} fnd_edit;

typedef struct finding {
    sl_rule rule;
    sl_level level;
    char *message;
    fnd_loc loc;             /* primary location (SPEC §1 conventions) */
    char *function;
    char *variable;          /* the variable that held the value */
    char *resource;          /* noun: "socket", "file descriptor" */
    fnd_loc acquired;        /* the acquisition call */
    char *acquired_call;     /* "socket" */
    fnd_step *trace;
    size_t ntrace;
    char *fix_description;   /* NULL when no fix is offered */
    fnd_edit *edits;
    size_t nedits;
    char *fingerprint;       /* filled by report_fingerprints(); NULL before */
    int suppressed;          /* set by the suppression pass */
} finding;

typedef struct finding_list {
    finding *items;
    size_t n, cap;
} finding_list;

/* Appends *f to the list, taking ownership of its strings (the caller must
 * not free them).  Returns 0, or -1 on out-of-memory (f is then freed). */
int finding_list_push(finding_list *l, finding *f);
/* Moves every item of src to the end of dst; src is left with no items but
 * keeps its storage (finding_list_clear(src) releases it).  Returns 0, or -1
 * on out-of-memory with both lists unchanged. */
int finding_list_take(finding_list *dst, finding_list *src);
/* Frees the strings of one finding (not the struct itself); accepts NULL. */
void finding_clear(finding *f);
/* Frees the finding's fix (description and edits) and clears it. */
void finding_drop_fix(finding *f);
/* Frees all items and the storage; the list is left empty; accepts NULL. */
void finding_list_clear(finding_list *l);
/* Sorts by file, line, column, rule, then message: a stable output order. */
void finding_list_sort(finding_list *l);

#endif
