/* callers.h — facts about a function that only its callers show, gathered
 * after every summary is known (summary_build calls it). */
#ifndef SOCKLEAK_SUMMARY_CALLERS_H
#define SOCKLEAK_SUMMARY_CALLERS_H

#include <stddef.h>

#include "ir/ir.h"
#include "rules/table.h"

/* For every call in fns[0..n-1] of a function summarised as handing out a
 * descriptor through an out-parameter (&v): when the caller releases v on
 * the edge where the call's result says it failed, marks the callee's row
 * out_closed_by_callers. */
void summary_scan_callers(ir_func *const *fns, size_t n, rules_table *rt);

#endif
