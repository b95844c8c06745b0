/* report.h — turns findings into what users read: compiler-style text,
 * JSON (stable key order, documented in README.md), SARIF 2.1.0 and the
 * summary line.
 * Built with cJSON.  It does not decide what is a finding or the exit status.
 */
#ifndef SOCKLEAK_REPORT_H
#define SOCKLEAK_REPORT_H

#include <stdio.h>

#include "engine/finding.h"
#include "report/incomplete.h"

typedef struct report_summary {
    size_t files;            /* translation units attempted */
    size_t failed_files;     /* could not be parsed at all */
    size_t partial_files;    /* parsed with errors */
    size_t functions;        /* functions analyzed */
    size_t wrappers;         /* project functions whose summary acquires or
                                releases (tcp_connect, conn_close) */
    char **budget_functions; /* "file:function" that hit the path budget */
    size_t nbudget;
    report_incomplete_list incomplete; /* every reason findings may be
                                missing (report/incomplete.h) */
    int strict_incomplete;   /* --fail-on-incomplete: any incomplete item
                                fails the run */
    double seconds;          /* wall time */
} report_summary;

/* Makes file paths relative to the current directory when they are under
 * it, in every location of every finding (primary, acquired, trace, edits).
 * Replaced strings are freed and the new ones are owned by the finding.
 * Never fails: a path outside the cwd, one that does not resolve, or an
 * allocation failure leaves that path unchanged. */
void report_relativize(finding_list *l);

/* Fills each finding's fingerprint from (rule, file, function, variable,
 * acquiring call, ordinal among findings sharing those) — no line numbers,
 * so it survives edits elsewhere.  Call after sorting (ordinals follow list
 * order).  The file is hashed in its relative form whether or not
 * report_relativize ran.  Recipe: report_paths.c / README.  Each fingerprint
 * (16 hex digits) is a heap string owned by its finding; on out-of-memory
 * fingerprints are left NULL rather than computed wrongly. */
void report_fingerprints(finding_list *l);

/* Writes the findings as compiler-style text (a "file:line:col: warning:
 * message [rule]" line, then one "note:" line per trace step), skipping
 * suppressed findings.  color: use ANSI colours.  Returns 0, or -1 when the
 * stream's error flag is set (the caller still checks fclose/fflush). */
int report_text(FILE *out, const finding_list *l, int color);

/* Writes the JSON report (SPEC §4) for l and s (s may be NULL: all zero),
 * suppressed findings included and marked.  Returns 0, or -1 on a write or
 * out-of-memory error. */
int report_json(FILE *out, const finding_list *l, const report_summary *s);

/* Writes the SARIF 2.1.0 log (SPEC §4) for l and s (s may be NULL): one run,
 * tool.driver with every rule, one result per finding (suppressed ones
 * carry an inSource suppression), artifact URIs relative to %SRCROOT% (the
 * current directory) or file:// for absolute paths.  Returns 0, or -1 on a
 * write or out-of-memory error. */
int report_sarif(FILE *out, const finding_list *l, const report_summary *s);

/* The primary CWE id of rule r ("CWE-775"), or NULL; static storage. */
const char *report_rule_cwe(sl_rule r);

/* Writes the one-line summary ("sockleak: 3 files, 41 functions, 2 findings
 * (resource-leak: 2) in 0.42 s"), the names of functions that hit the
 * budget, and, when s->incomplete is not empty, a last line that says
 * findings may be missing and why ("sockleak: 24 of 25 files had errors,
 * 3 functions not analyzed: findings may be missing"), to err. */
void report_summary_line(FILE *err, const finding_list *l, const report_summary *s);

#endif
