/* engine.h — the path engine: follows every acquired value of one function
 * along its CFG and reports the paths on which it leaks (and, with the other
 * rules, is closed twice, used after close, used before its check).
 *
 * Input is IR (ir/ir.h) and the rules table (rules/table.h); output is
 * findings.  It never sees libclang or cJSON.
 */
#ifndef SOCKLEAK_ENGINE_H
#define SOCKLEAK_ENGINE_H

#include "engine/finding.h"
#include "ir/ir.h"
#include "rules/table.h"

typedef struct eng_options {
    unsigned assume_borrow : 1;  /* unknown callees borrow instead of taking
                                    ownership (--assume-borrow) */
    unsigned long budget;        /* max (block, state) visits per function;
                                    0 = the default */
    size_t memory_budget;        /* max bytes the states of one walk take
                                    (large states stop a walk before the
                                    visits do); 0 = the default, 256 MiB */
    unsigned char enabled[SL_RULE_COUNT]; /* nonzero: the rule is reported */
} eng_options;

typedef enum {
    ENG_OK,
    ENG_BUDGET,   /* the function exceeded the budget: no findings from it */
} eng_status;

/* Fills opt with the defaults: every rule enabled, default budget. */
void eng_options_default(eng_options *opt);

/* Analyzes fn with the table rt and appends findings to out (the findings
 * own their strings).  Reentrant: many threads may analyze different
 * functions with one table at once.  Returns ENG_BUDGET, adding no finding,
 * when the function's paths exceed the budget. */
eng_status eng_analyze(const ir_func *fn, const rules_table *rt,
                       const eng_options *opt, finding_list *out);

/* ---- function summaries ---- */

typedef enum {
    EFF_UNKNOWN,       /* could not tell (budget): callers treat it as unknown */
    EFF_BORROW,        /* uses the value; it is still the caller's afterwards */
    EFF_RELEASE,       /* releases it on every path */
    EFF_HALF_RELEASE,  /* shuts it down on every path, never closes it */
    EFF_TRANSFER,      /* takes ownership on some path (stores, hands off,
                          releases on some paths only) */
    EFF_OPAQUE,        /* passes it only to code nobody describes */
    EFF_NONE,          /* does not use it as a handle at all */
} eng_effect;

typedef struct eng_summary {
    eng_effect param[RT_MAX_ARGS];  /* per parameter */
    eng_effect deref[RT_MAX_ARGS];  /* per pointer parameter p: on *p */
    int checks_first[RT_MAX_ARGS];  /* per parameter it uses: it tests the
                                       value first, so the failure value (-1,
                                       NULL) does no harm there */
    unsigned nparams;
    int acquires;          /* returns a newly acquired value to its caller */
    int out_arg;           /* -1: through the return value; else the index of
                              the pointer parameter it is stored through */
    rt_fail fail;          /* what the caller must test for failure */
    int family;            /* the value's family */
    char noun[48];         /* "socket" */
    char origin[200];      /* "net.c:31: socket()" */
    int noreturn;          /* no path returns: every one ends the process */
    int allocates;         /* returns a new object (an allocation wrapper) */
    int reads_old;         /* out_arg >= 0: tests *out before writing it */
    int memory_silent;     /* writes no memory it is not given, and hands no
                              descriptor kept there to a callee */
    int has_ret_range;     /* every return gives a constant in [ret_min, ret_max] */
    int64_t ret_min, ret_max;
} eng_summary;

/* Computes what fn does to each parameter and whether it hands a newly
 * acquired value to its caller, using what rt says of the functions it
 * calls.  Fills *out; never fails (unknown parts are EFF_UNKNOWN / no
 * acquisition). */
void eng_summarize(const ir_func *fn, const rules_table *rt, eng_summary *out);

/* The rules entry for a call: its USR first (summaries), then its name;
 * for a call through a pointer with known targets, the row that unites
 * theirs (rules/merge.h), or NULL when there is none. */
const rt_entry *eng_lookup(const rules_table *rt, const ir_call *c);

#endif
