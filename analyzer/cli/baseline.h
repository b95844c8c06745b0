/* baseline.h — --baseline and --write-baseline (SPEC §3): the set of
 * fingerprints of an earlier run, read from its JSON report (or its SARIF
 * log), and the filter that drops the findings it already holds.  Writing a
 * baseline is writing the JSON report (report_json); nothing else is stored.
 * It does not compute fingerprints (report_paths.c does). */
#ifndef SOCKLEAK_CLI_BASELINE_H
#define SOCKLEAK_CLI_BASELINE_H

#include <stddef.h>

#include "engine/finding.h"

typedef struct cli_baseline {
    char **fingerprints;   /* sorted, owned */
    size_t n;
} cli_baseline;

/* Reads path: a sockleak JSON report ("findings"[].fingerprint) or a sockleak
 * SARIF log (runs[].results[].partialFingerprints["sockleakFingerprint/v1"]).
 * Fills *b (release with cli_baseline_free).  Returns 0, or -1 with *err a
 * malloc'd message naming the file and what is wrong (unreadable, not JSON,
 * not a sockleak report, a finding without a fingerprint). */
int cli_baseline_load(const char *path, cli_baseline *b, char **err);

/* Removes from l (and frees) every finding whose fingerprint is in b; the
 * order of the others is kept.  Findings without a fingerprint are kept.
 * Returns the number removed.  Entries of b that match nothing are
 * harmless. */
size_t cli_baseline_filter(const cli_baseline *b, finding_list *l);

/* Frees the fingerprints; accepts NULL. */
void cli_baseline_free(cli_baseline *b);

#endif
