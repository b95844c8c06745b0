/* showcfg.h — --show-config: the effective configuration of a run (the
 * configuration file, the rule packs in load order, which rules are on, the
 * fail-on level, --fail-on-incomplete, --assume-borrow, --no-guess-includes, the baseline, the
 * exclude patterns), each setting with where it came from.  It prints; it loads and checks nothing
 * (main.c loads the packs first, so a broken pack is reported as usual). */
#ifndef SOCKLEAK_CLI_SHOWCFG_H
#define SOCKLEAK_CLI_SHOWCFG_H

#include <stdio.h>

#include "cli/config.h"
#include "cli/options.h"

/* Writes the configuration to out.  o is the merged options (after
 * cli_config_apply(c, o, from)); c the file (c->path NULL: none).  Returns
 * 0, or -1 with *err a malloc'd message when the default rule directory
 * cannot be read. */
int cli_show_config(FILE *out, const cli_options *o, const cli_config *c,
                    const cli_origins *from, char **err);

#endif
