/* output.h — the report formats the CLI offers (one table) and whether the
 * report is coloured.  It formats nothing itself: report/ does; this module
 * only picks and calls the writer.  Where the report goes (stdout, or -o
 * FILE replaced atomically) is outfile.h's job. */
#ifndef SOCKLEAK_CLI_OUTPUT_H
#define SOCKLEAK_CLI_OUTPUT_H

#include <stdio.h>

#include "engine/finding.h"
#include "report/report.h"

typedef enum { CLI_COLOR_AUTO, CLI_COLOR_ALWAYS, CLI_COLOR_NEVER } cli_color;

/* Index of the format called name in the format table, or -1 when there is
 * no such format. */
int cli_format_find(const char *name);
/* Nonzero when format index i can be written (a known format may be
 * announced but not implemented yet). */
int cli_format_supported(int i);
/* The format's name ("text"). */
const char *cli_format_name(int i);
/* "text, json": the supported names, for messages and --help.  Static
 * storage; not thread-safe on first call (call it from the main thread). */
const char *cli_format_list(void);

/* Whether to use colour on out: always/never, or for auto when out is a
 * terminal and NO_COLOR is unset or empty. */
int cli_output_color(FILE *out, cli_color c);

/* Writes l (and s, for formats that carry a summary) in format i to out.
 * Returns 0, or -1 on a write or out-of-memory error. */
int cli_output_write(int format, FILE *out, const finding_list *l,
                     const report_summary *s, int color);

#endif
