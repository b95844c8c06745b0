/* merge.h — the row of a call through a pointer whose possible targets are
 * all known: one row that says only what every target does.
 *
 * For each argument: released only when every target releases it, shut
 * down only when every one does, borrowed only when every one only borrows
 * it; any other mix (one target keeps it, hands it off, releases it on
 * some paths, another does not touch it) is a hand-off, so a call through
 * the pointer never raises an alarm that one of its targets would not.  The
 * call never returns only when no target returns; it acquires only when
 * every target acquires the same way.  This is the one place where rows are
 * united; the engine reads the result like any other row.  No IR, no
 * libclang, no cJSON here. */
#ifndef SOCKLEAK_RULES_MERGE_H
#define SOCKLEAK_RULES_MERGE_H

#include <stddef.h>

#include "rules/table.h"

/* Writes into *out the union of rows[0..n-1] (n >= 1).  Every field of *out
 * but key and pack is overwritten; out's strings (acquire.noun, origin)
 * then point into the rows, not copies. */
void rules_merge(rt_entry *out, const rt_entry *const *rows, size_t n);

/* The row of a call whose targets are the functions usrs[i] / names[i]
 * (i < n): each target's row is found by its USR (a summary), else by its
 * name (a pack).  When every target has one, their union is written into
 * the row keyed key (created when absent, pack "targets", strings copied)
 * and returned.  Returns NULL, leaving the table as it was, when a target
 * has no row (the call stays unknown) or memory runs out.  A writer: no
 * concurrent readers. */
const rt_entry *rules_merge_targets(rules_table *t, const char *key,
                                    const char *const *usrs,
                                    const char *const *names, size_t n);

#endif
