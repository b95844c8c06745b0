/* suppress.h — inline suppressions (SPEC §3): a comment
 * "sockleak-ignore" (every rule), "sockleak-ignore(RULE[,RULE])" or
 * "NOLINT(sockleak-RULE[,...])" / "NOLINTNEXTLINE(...)" ("sockleak-*" for
 * every rule) on a finding's primary line or the line above it marks the
 * finding suppressed.  It only sets finding.suppressed; reports and the exit
 * status decide what that means. */
#ifndef SOCKLEAK_CLI_SUPPRESS_H
#define SOCKLEAK_CLI_SUPPRESS_H

#include "engine/finding.h"
#include "util/ruleid.h"

/* Nonzero when the source line text (one line, no newline needed) holds a
 * comment that suppresses rule r. */
int cli_line_suppresses(const char *text, sl_rule r);

/* Marks every finding of l whose primary line or the line above carries a
 * suppression for its rule.  Each file is read once, from the path in the
 * finding (relative to the current directory, or absolute); a file that
 * cannot be read suppresses nothing. */
void cli_suppress(finding_list *l);

#endif
