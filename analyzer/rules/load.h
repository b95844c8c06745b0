/* load.h — reads rule packs (the JSON files in rules/, via cJSON) into a
 * rules_table.
 * The only code that knows the pack format; rules/README.md documents it.
 * It does not decide which packs are loaded: the CLI does. */
#ifndef SOCKLEAK_RULES_LOAD_H
#define SOCKLEAK_RULES_LOAD_H

#include "rules/table.h"

/* Loads the pack at path into t.  Returns 0 on success.  On failure returns
 * -1, leaves t possibly partly filled, and sets *err to a malloc'd one-line
 * message "PATH:LINE:COL: what is wrong" (the caller frees it). */
int rules_load_file(rules_table *t, const char *path, char **err);

/* Loads every default pack of dir (each *.json except *.schema.json, in
 * name order).  Same return and *err convention as rules_load_file; a dir
 * that cannot be read is an error too. */
int rules_load_dir(rules_table *t, const char *dir, char **err);

#endif
