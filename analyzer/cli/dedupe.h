/* dedupe.h — removing what a run produced twice: functions defined in a
 * header and lowered by several translation units, findings reported twice
 * because one file was analyzed under several database entries, repeated
 * strings.  Order-preserving (first occurrence wins) unless said otherwise.
 * Pure data transformations: no I/O, no threads. */
#ifndef SOCKLEAK_CLI_DEDUPE_H
#define SOCKLEAK_CLI_DEDUPE_H

#include <stddef.h>

#include "cli/util.h"
#include "engine/finding.h"
#include "ir/ir.h"

/* Keeps the first of the functions fns[0..n-1] with in_header set and a
 * given usr, frees (ir_func_free) the later ones with the same usr and
 * compacts the array, keeping the order.  Functions of main files, and
 * functions without a usr, are all kept.  Returns the new count. */
size_t cli_dedupe_header_funcs(ir_func **fns, size_t n);

/* In a list sorted by finding_list_sort(), drops (finding_clear) every
 * finding whose rule, primary location and acquisition site equal those of
 * an earlier one (SPEC §1: one finding per rule, acquisition site and
 * primary location). */
void cli_dedupe_findings(finding_list *l);

/* Sorts sv with strcmp and drops repeated strings. */
void cli_dedupe_strings(cli_strvec *sv);

#endif
