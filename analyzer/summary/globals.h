/* globals.h — what the whole program does with each global descriptor
 * variable, gathered once every summary is known (summary_build calls it). */
#ifndef SOCKLEAK_SUMMARY_GLOBALS_H
#define SOCKLEAK_SUMMARY_GLOBALS_H

#include <stddef.h>

#include "ir/ir.h"
#include "rules/table.h"

/* For every global place written in fns[0..n-1]: when every write in the
 * program stores a descriptor the writer has just acquired, and nothing
 * releases it, resets it, passes it to a callee that may, or takes its
 * address, marks its row (keyed by ir_global_key) global_left_open. */
void summary_scan_globals(ir_func *const *fns, size_t n, rules_table *rt);

#endif
