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

#endif
