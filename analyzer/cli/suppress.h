/* suppress.h — inline suppressions (SPEC §3): a comment
 * "sockleak-ignore" (every rule), "sockleak-ignore(RULE[,RULE])" or
 * "NOLINT(sockleak-RULE[,...])" / "NOLINTNEXTLINE(...)" ("sockleak-*" for
 * every rule) on a finding's primary line or the line above it marks the
 * finding suppressed.  It only sets finding.suppressed; reports and the exit
 * status decide what that means.  With --report-unused-suppressions it also
 * names the markers that suppressed nothing (cli_report_unused). */
#ifndef SOCKLEAK_CLI_SUPPRESS_H
#define SOCKLEAK_CLI_SUPPRESS_H

#include <stdio.h>

#include "engine/finding.h"
#include "util/ruleid.h"

/* One suppression marker found in a comment. */
typedef struct cli_marker {
    const char *start;  /* "sockleak-ignore..." / "NOLINT..." in the line */
    size_t len;         /* through the closing ')' when there is a list */
    unsigned mask;      /* bit r: the marker suppresses rule r (every bit
                           for a bare sockleak-ignore; 0 for a list that
                           names no known rule) */
} cli_marker;

/* Finds the next sockleak marker in the comment part of the line text,
 * starting at the beginning (from NULL) or at from (a value this function
 * returned).  Fills *m and returns where to continue, or NULL when there is
 * no further marker.  NOLINT lists without a "sockleak-" item are not
 * sockleak markers. */
const char *cli_next_marker(const char *text, const char *from, cli_marker *m);

/* Nonzero when the source line text (one line, no newline needed) holds a
 * comment that suppresses rule r. */
int cli_line_suppresses(const char *text, sl_rule r);

/* Marks every finding of l whose primary line or the line above carries a
 * suppression for its rule.  Each file is read once, from the path in the
 * finding (relative to the current directory, or absolute); a file that
 * cannot be read suppresses nothing. */
void cli_suppress(finding_list *l);

/* Prints, on err, one compiler-style warning
 *   FILE:LINE:COL: warning: unused suppression 'MARKER' [unused-suppression]
 * for every marker in files[0..nfiles-1] that suppresses no finding of l
 * (l after cli_suppress; a marker on line L serves findings on L and L+1).
 * Markers that name only rules not in enabled_mask are not reported: this
 * run cannot tell.  files are paths as given to the compiler; displays are
 * the names printed (parallel arrays).  Files that cannot be read are
 * skipped.  Returns the number of warnings printed. */
size_t cli_report_unused(const finding_list *l, const char *const *files,
                         const char *const *displays, size_t nfiles,
                         unsigned enabled_mask, FILE *err);

#endif
