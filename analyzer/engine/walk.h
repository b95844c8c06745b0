/* walk.h — private to engine/: the per-function context shared by the path
 * walk (walk.c) and the finding builder (emit.c). */
#ifndef SOCKLEAK_ENGINE_WALK_H
#define SOCKLEAK_ENGINE_WALK_H

#include "engine/engine.h"
#include "engine/state.h"

/* One tracked acquisition: a call and, for out-arrays, the slot. */
typedef struct site {
    const ir_insn *in;
    int block;
    const rt_entry *entry;
    int slot;
} site;

/* What summary mode records about how paths end (bits). */
enum {
    SUM_OPEN = 1,        /* a path returns with the value still open */
    SUM_OPEN_SHUT = 2,   /* ... open but half-released */
    SUM_RELEASED = 4,    /* a path released it */
    SUM_ESCAPED = 8,     /* a path handed it elsewhere */
    SUM_RETURNED = 16,   /* a path returned it to the caller */
    SUM_HANDED = 32,     /* a path stored it through a pointer parameter */
    SUM_USED = 64,       /* a call used it as a handle (borrow, shutdown) */
    SUM_OPAQUE = 128,    /* a path passed it to code nobody describes */
    SUM_FAILED_RETURN = 256, /* a path returned after the acquisition failed */
    SUM_USED_FAILED = 512, /* a call used a failed value before any test */
};

/* Summary-mode results of one walk. */
typedef struct sum_run {
    unsigned outcome;      /* SUM_* bits */
    int handed_param;      /* SUM_HANDED: which parameter (-1: several) */
    /* constant return values: [0] on paths where the value was handed out,
     * [1] on the other paths; n counts them, unknown counts returns whose
     * value is not a constant */
    int64_t ret_min[2], ret_max[2];
    unsigned ret_n[2], ret_unknown[2];
    /* the same for the returns after the acquisition failed (also counted
     * in [1]): the function's own failure value */
    int64_t fail_min, fail_max;
    unsigned fail_n, fail_unknown;
} sum_run;

typedef struct fn_ctx {
    const ir_func *fn;
    const rules_table *rt;
    const eng_options *opt;
    site *sites;
    unsigned nsites, sites_cap;
    const char **def_callee;  /* per place: the one callee assigning it, or NULL */
    unsigned *tests;          /* per place: how many conditions test it */
    unsigned *preds;          /* per block: how many edges enter it */
    unsigned char *relevant;  /* per place: some condition reads its value
                                 (directly or through copies): only these
                                 places' values are kept in states */
    int *collection;          /* per place: for an element of a local array
                                 that has a collection place ("fds[...]"),
                                 that place (also for itself); else -1 */
    int *cleanup_of;          /* per block, NULL when no array has a
                                 collection: the local array whose elements
                                 the loop headed here releases without
                                 filling any, else -1 */
    const ir_insn **cleanup_call; /* per block: that loop's release call */
    unsigned char *ptr_shared; /* per place: a pointer the function copies
                                 or stores somewhere (q = out; g = out;):
                                 what it points to is reached by others */
    int stores_out;           /* some store writes an out-parameter (*p):
                                 failed acquisitions are followed to their
                                 return, whose value is the failure value */
    int *memo_of;             /* per place: the memo place of the pure call
                                 whose result it holds (ir_call.memo), or -1 */
    unsigned long visits, budget;
    size_t memory_budget;     /* bytes one walk's states may take */
    sum_run *sum;             /* non-NULL: summary mode, no findings */
} fn_ctx;

/* How a path lost or misused the value: selects the rule and the wording. */
typedef enum {
    EX_RETURN,      /* return statement */
    EX_FALLOFF,     /* closing brace of the function */
    EX_SCOPE,       /* the last holder's scope ends */
    EX_OVERWRITE,   /* the last holder is assigned */
    EX_DISCARD,     /* the result was never stored */
    EX_FREED,       /* the object holding it is freed */
    EX_LONGJMP,     /* a non-local jump unwinds past it */
    EX_DOUBLE,      /* released again */
    EX_USE_AFTER,   /* used after release */
    EX_USE_BEFORE,  /* used before a validity check */
    EX_OVERWRITE_PREV, /* a global is overwritten while it may hold an
                       earlier descriptor nothing else would close */
    EX_OUT_FAIL,    /* returns its failure value with the value still in
                       an out-parameter (*out): callers never close it */
} exit_kind;

/* What emit needs to know about the finding's event. */
typedef struct event {
    exit_kind kind;
    ir_loc loc;
    int block;              /* where it happened (for trace relevance) */
    int place;              /* the holder concerned, or -1 */
    const char *callee;     /* the call involved (release, use), or NULL */
    int jump;               /* EX_SCOPE caused by break/continue/goto */
    long long ret;          /* EX_OUT_FAIL: the failure value returned */
} event;

/* The callee as messages name it: its name, or for a call through a
 * pointer the expression written ("ops->done"), else "?". */
const char *eng_call_name(const ir_call *c);

/* Whether call c never returns (a noreturn declaration, a pack's exit, a
 * summary's), longjmp aside. */
int eng_call_ends_process(const rules_table *rt, const ir_call *c);

/* Explores every path for site s and appends findings to out.  Returns
 * nonzero when the function's budget ran out. */
int walk_site(fn_ctx *F, const site *s, finding_list *out);

/* Summary mode: walks with one value, held by places[0..n-1], open at
 * entry (failed: the failure value -1 or NULL, not yet tested).  Returns
 * nonzero when the budget ran out. */
int walk_params(fn_ctx *F, const int *places, unsigned n, int failed);

/* Builds the finding for event ev on a path in state st (tracking site s)
 * and appends it to out. */
void emit_finding(fn_ctx *F, const site *s, const state *st, const event *ev,
                  finding_list *out);

/* For an element place "a[k]" of a local array: the array's place, with
 * *k (may be NULL) set to k; -1 for any other place. */
int array_element(const ir_func *fn, int p, int *k);

/* The place a site acquires into (its variable), or -1 for a discarded
 * return value. */
int site_target(const fn_ctx *F, const site *s);

#endif
