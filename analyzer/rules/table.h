/* table.h — the in-memory table of what functions do to resources.
 *
 * One row per function (Smatch's model): acquires a resource (from its return
 * value or an out-parameter, with the condition that means failure),
 * releases / half-releases / borrows / transfers arguments, never returns.
 * Rule packs (rules/load.c, the only code that sees cJSON) fill it, and so do
 * function summaries; the engine only reads it.  No libclang, no cJSON here.
 *
 * Strings stored in the table are copied and owned by it.
 */
#ifndef SOCKLEAK_RULES_TABLE_H
#define SOCKLEAK_RULES_TABLE_H

#include <stdint.h>

#define RT_MAX_ARGS 32

/* What a return value (or status) equal to "failure" looks like. */
typedef enum {
    RT_FAIL_NONE,      /* the call cannot fail */
    RT_FAIL_NEGATIVE,  /* result < 0 (socket, open, ...) */
    RT_FAIL_EQ,        /* result == value */
    RT_FAIL_NULL,      /* result == NULL */
    RT_FAIL_NONZERO,   /* result != 0 (status-returning: pipe, getaddrinfo) */
} rt_fail_kind;

typedef struct rt_fail {
    rt_fail_kind kind;
    int64_t value;     /* RT_FAIL_EQ */
} rt_fail;

/* A resource family: values of one kind that are released the same way. */
typedef struct rt_family {
    char *name;          /* "fd", "stream", "addrinfo" */
    char *noun;          /* "file descriptor" */
    char *release_verb;  /* "closed", "freed" (message: "is not closed") */
    char *release_fn;    /* "close": the call a fix-it inserts; NULL for none */
} rt_family;

/* How a function acquires a resource. */
typedef struct rt_acquire {
    int family;          /* index into the table's families */
    char *noun;          /* overrides the family noun ("socket"); may be NULL */
    int out_arg;         /* -1: the return value is the resource;
                            else the index of the out-parameter */
    int out_count;       /* out_arg >= 0: 0 = pointer (*arg = resource);
                            N > 0 = array of N (arg[0..N-1], e.g. pipe) */
    int when_arg;        /* >= 0: acquires only when argument when_arg is a
                            constant in when_values (fcntl F_DUPFD) */
    int nwhen;
    int64_t when_values[4];
    int unless_arg;      /* >= 0: no acquisition when argument unless_arg is
                            a constant <= unless_max (dup2 onto 0,1,2) */
    int64_t unless_max;
    unsigned reads_old : 1; /* summaries, out_arg >= 0: the function tests
                            what *arg held before writing it (acquires only
                            when it is empty): the old value is not lost
                            blindly, so writing it is no overwrite */
} rt_acquire;

typedef struct rt_entry {
    char *key;           /* function name, or a USR for a project function */
    char *pack;          /* the pack (or "summary") that defined the row */
    rt_fail fail;        /* failure condition of the return value */
    int has_acquire;
    rt_acquire acquire;
    uint32_t release;        /* bit i: releases argument i */
    uint32_t half_release;   /* bit i: half-releases argument i (shutdown) */
    uint32_t release_deref;  /* bit i: releases what argument i points to
                                (closep(&fd), a cleanup function) */
    uint32_t borrow;         /* bit i: uses argument i without owning it */
    uint32_t checks_first;   /* bit i: tests argument i before using it: a
                                failed value (-1, NULL) does no harm there,
                                so passing one is not use-before-check */
    uint32_t transfer;       /* bit i: ownership of argument i leaves us */
    uint32_t transfer_on_success; /* subset of transfer: only when the call
                                     did not fail (per fail) */
    uint32_t opaque;         /* summaries, subset of transfer: argument i goes
                                only to code nobody describes (a log call
                                printing the number): a hand-off for an open
                                value, not a use of a closed one */
    int transfer_family;     /* family the transferred value becomes, or -1 */
    int transfer_when_arg;   /* >= 0: the transfer happens only when argument
                                transfer_when_arg is a constant c with
                                (c & transfer_when_mask) != 0 (BIO_CLOSE,
                                BEV_OPT_CLOSE_ON_FREE); a non-constant
                                argument counts as a transfer */
    int64_t transfer_when_mask;
    uint32_t frees;          /* bit i: frees the object argument i points to
                                (free): a handle still stored in it leaks */
    unsigned allocates : 1;  /* the result is a new object (malloc): handles
                                stored in it are the function's until the
                                object escapes */
    int copy_from, copy_to;  /* >= 0: copies what argument copy_from points
                                to into what copy_to points to (memcpy): a
                                local whose address is copy_to then holds
                                the value; other memory takes it over */
    uint32_t transfer_deref; /* summaries: bit i: what argument i points to
                                is taken (copied into memory the callee
                                keeps: a container's push) */
    int returns_arg;         /* >= 0: the result is that argument itself
                                (BIO_push returns the chain's head): a value
                                held by the argument is held by the result
                                too; -1 otherwise */
    char *origin;            /* summaries: where the value really comes from,
                                "net.c:31: socket()"; NULL for packs */
    unsigned noreturn : 1;      /* never returns (exit, abort) */
    unsigned nonlocal_exit : 1; /* longjmp: unwinds, does not end the process */
    unsigned harmless : 1;      /* touches no argument's ownership */
    unsigned pure : 1;          /* the result depends only on the arguments
                                   (and what they point to): the same call
                                   with unchanged arguments gives the same
                                   result (strcmp) */
    unsigned out_closed_by_callers : 1; /* summaries: a caller closes what
                                   the function stored in its out-parameter
                                   when it reports failure: leaving it open
                                   there is the function's contract */
    unsigned memory_silent : 1; /* summaries: writes no global, static or
                                   object it is not given, and closes or
                                   hands on none of their descriptors,
                                   neither itself nor through its callees */
    unsigned runs_once : 1;     /* summaries: the function runs at most once
                                   per process (called once from main, or
                                   from such a function, outside loops) */
    unsigned global_left_open : 1; /* a global's row (key: its USR and field,
                                   ir.h: ir_global_key): every write in the
                                   program stores a fresh descriptor and
                                   nothing closes, resets or hands it on */
    unsigned has_ret_range : 1; /* summaries: every return gives a constant in
                                   [ret_min, ret_max] */
    int64_t ret_min, ret_max;
} rt_entry;

typedef struct rules_table rules_table;

/* Returns an empty table, or NULL on out-of-memory.  Free with
 * rules_table_free(), which accepts NULL. */
rules_table *rules_table_new(void);
void rules_table_free(rules_table *t);

/* Adds a family (strings copied; release_fn may be NULL) and returns its
 * index; returns the existing index if a family of that name exists. */
int rules_family_add(rules_table *t, const char *name, const char *noun,
                     const char *release_verb, const char *release_fn);
/* Index of the family called name, or -1. */
int rules_family_find(const rules_table *t, const char *name);
/* The family at index i (0 <= i < rules_family_count). */
const rt_family *rules_family(const rules_table *t, int i);
int rules_family_count(const rules_table *t);

/* Returns the row for key, creating an empty one (fail = NONE, family -1,
 * acquire.out_arg = -1, when_arg = unless_arg = -1) when absent.  The pointer
 * stays valid until the table is freed.  pack is copied on creation. */
rt_entry *rules_entry(rules_table *t, const char *key, const char *pack);
/* The row for key, or NULL.  Safe for concurrent readers. */
const rt_entry *rules_lookup(const rules_table *t, const char *key);
/* Number of rows, and row i in insertion order (for --list-rules, tests). */
int rules_count(const rules_table *t);
const rt_entry *rules_at(const rules_table *t, int i);

#endif
