/* packs.h — which rule packs a run loads: the default packs (from
 * $SOCKLEAK_RULES_DIR, the installed share/sockleak/rules next to the
 * executable, the configured install directory, or the source tree), then
 * every --rules FILE in order.  Loading itself is rules/load.c's job. */
#ifndef SOCKLEAK_CLI_PACKS_H
#define SOCKLEAK_CLI_PACKS_H

#include "cli/options.h"
#include "rules/table.h"

/* The directory of the default packs (malloc'd): SOCKLEAK_RULES_DIR when set
 * and not empty; else <dir of the executable>/../share/sockleak/rules when it
 * exists; else SOCKLEAK_INSTALL_RULES_DIR when it exists; else
 * SOCKLEAK_SOURCE_RULES_DIR (both compile-time). */
char *cli_default_rules_dir(void);

/* Returns a new table filled as the options say, or NULL with *err the
 * loader's malloc'd "FILE:LINE:COL: message" (or an out-of-memory message).
 * Free the table with rules_table_free(). */
rules_table *cli_load_rules(const cli_options *o, char **err);

#endif
