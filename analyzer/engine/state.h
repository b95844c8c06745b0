/* state.h — private to engine/: the abstract state of one path for one
 * tracked value, and the integer domain used to decide branch conditions.
 *
 * A state says where the tracked value is (status, the local places that hold
 * it) and what is known of local integer places (flags, status codes, the
 * descriptor itself) as sets of at most two intervals.  States are immutable
 * once stored; they live in the run's arena.  The trace is a persistent list
 * shared between states and is not part of a state's identity: two states
 * that differ only in how they got somewhere are merged. */
#ifndef SOCKLEAK_ENGINE_STATE_H
#define SOCKLEAK_ENGINE_STATE_H

#include <stdint.h>

#include "ir/ir.h"
#include "util/arena.h"

/* ---- integers: a union of at most two disjoint intervals ---- */
typedef struct ival {
    int64_t lo[2], hi[2];
    uint8_t n;             /* 0: empty (infeasible), 1 or 2 intervals */
} ival;

ival iv_full(void);
ival iv_range(int64_t lo, int64_t hi);
/* a ∩ b; may over-approximate when three pieces would be needed. */
ival iv_and(ival a, ival b);
/* a ∩ { x | x op c }; may over-approximate when three pieces would be needed. */
ival iv_meet(ival a, ir_cmpop op, int64_t c);
/* 1: every x in a satisfies "x op c"; 0: none does; -1: some do. */
int iv_decide(ival a, ir_cmpop op, int64_t c);
int iv_equal(ival a, ival b);
/* The single value of a, when it has exactly one. */
int iv_single(ival a, int64_t *v);

/* ---- trace ---- */
typedef enum {
    TN_ACQUIRE,   /* the value was acquired */
    TN_BRANCH,    /* a branch was taken */
    TN_RELEASE,   /* released (for double-close / use-after-close) */
    TN_SHUTDOWN,  /* half-released */
    TN_OVERWRITTEN, /* a place in memory that held it was overwritten
                     while another still holds it (place) */
    TN_AGAIN,     /* the acquisition ran again: the value of the earlier
                     pass stays in the array's collection (place) */
    TN_STORE,     /* stored into memory that keeps following it (a global,
                     a new object's field, an out-parameter): place is
                     where it went, callee NULL */
} tnode_kind;

typedef struct tnode {
    const struct tnode *parent;
    tnode_kind kind;
    ir_loc loc;
    int block;             /* BRANCH: the branching block */
    int edge;              /* BRANCH: 0 true, 1 false */
    const char *callee;    /* ACQUIRE / RELEASE / SHUTDOWN: the call */
    int place;             /* the variable concerned, or the condition's */
    ival after;            /* BRANCH: the condition place's values after it */
} tnode;

/* ---- state ---- */
typedef enum {
    ST_NONE,      /* the acquisition has not happened on this path */
    ST_OPEN,      /* acquired and ours */
    ST_FAILED,    /* the acquisition failed: holds nothing */
    ST_RELEASED,  /* released; holders may still name the dead value */
    ST_HANDED,    /* summary mode: stored through a pointer parameter */
} st_status;

typedef struct pv {
    int place;
    ival v;
} pv;

typedef struct state {
    uint8_t status;
    uint8_t shut;          /* half-released on this path */
    uint8_t checked;       /* a validity check on a holder was seen */
    uint8_t std_tested;    /* a holder was compared with stdin/out/err's
                              number (== 0..2, > 2): a value left in 0..2 is
                              then that standard stream */
    unsigned nh, nv;
    int *holders;          /* sorted places holding the value */
    pv *vals;              /* sorted by place: what is known of integer places */
    const tnode *trace;
} state;

state *st_new(arena *a);
/* A copy sharing nothing mutable with s (arrays copied). */
state *st_clone(arena *a, const state *s);

int st_holds(const state *s, int place);
void st_add_holder(arena *a, state *s, int place);
void st_del_holder(state *s, int place);

/* What is known of place (iv_full() when nothing). */
ival st_val(const state *s, int place);
void st_set_val(arena *a, state *s, int place, ival v);
void st_forget_val(state *s, int place);

unsigned st_hash(const state *s);
int st_equal(const state *a, const state *b);

#endif
