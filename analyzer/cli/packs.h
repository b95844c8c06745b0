/* packs.h — which rule packs a run loads: the default packs (from
 * $SOCKLEAK_RULES_DIR, the installed share/sockleak/rules next to the
 * executable, the configured install directory, or the source tree), then
 * every file of o->rules in order (the "rules" of the project configuration,
 * then every --rules FILE: cli_config_apply puts them there).  Loading
 * itself is rules/load.c's job. */
#ifndef SOCKLEAK_CLI_PACKS_H
#define SOCKLEAK_CLI_PACKS_H

#include "cli/options.h"
#include "cli/util.h"
#include "rules/table.h"

/* The directory of the default packs (malloc'd): SOCKLEAK_RULES_DIR when set
 * and not empty; else <dir of the executable>/../share/sockleak/rules when it
 * exists; else SOCKLEAK_INSTALL_RULES_DIR when it exists; else
 * SOCKLEAK_SOURCE_RULES_DIR (both compile-time). */
char *cli_default_rules_dir(void);

/* Appends to out the path of every pack the options load, in load order:
 * the default packs (each *.json of the default directory except
 * *.schema.json and names starting with '.', in byte-wise name order, as
 * rules_load_dir picks them) unless o->no_default_rules, then o->rules.
 * *ndefault is set to the number of default packs.  Returns 0, or -1 with
 * *err a malloc'd message when the default directory cannot be read. */
int cli_pack_paths(const cli_options *o, cli_strvec *out, size_t *ndefault,
                   char **err);

/* Returns a new table filled as the options say (the packs of
 * cli_pack_paths, in that order), or NULL with *err the
 * loader's malloc'd "FILE:LINE:COL: message" (or an out-of-memory message).
 * Free the table with rules_table_free(). */
rules_table *cli_load_rules(const cli_options *o, char **err);

#endif
