/* summary.h — function summaries for a whole program: what each project
 * function does to its parameters and whether it returns a newly acquired
 * value, computed bottom-up over the call graph (callees first) and iterated
 * to a fixed point for recursion.  The results are written into the rules
 * table keyed by each function's USR, where the engine reads them exactly
 * like rule-pack rows.  A call through a pointer with known targets is a
 * call of each of them.  It does not analyze paths itself: engine/ does. */
#ifndef SOCKLEAK_SUMMARY_H
#define SOCKLEAK_SUMMARY_H

#include <stddef.h>

#include "ir/ir.h"
#include "rules/table.h"

typedef struct summary_stats {
    size_t functions;    /* functions considered */
    size_t acquirers;    /* summarised as returning a new value */
    size_t releasers;    /* summarised as releasing a parameter */
    size_t wrappers;     /* acquirers or releasers (counted once) */
    size_t evaluations;  /* summaries computed, over all rounds */
    size_t unsettled;    /* functions in cycles that did not settle: left
                            unknown (treated like undescribed callees) */
} summary_stats;

/* Computes summaries for fns[0..n-1] (functions without a USR are skipped)
 * and stores them in rt, with the row of every call through a pointer whose
 * targets are known (ir_call.targets_key: their rows united, rules/merge.h;
 * no row when a target has none).  Must run before concurrent readers use
 * rt.
 * Returns 0, or -1 on out-of-memory (rt then holds partial summaries). */
int summary_build(ir_func *const *fns, size_t n, rules_table *rt, summary_stats *stats);

#endif
