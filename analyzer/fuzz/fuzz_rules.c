/* fuzz_rules.c — libFuzzer target for the rule-pack loader
 * (rules/load.c): each input is a pack file loaded into a fresh table,
 * which must either succeed or give a one-line "PATH:LINE:COL: ..." error.
 * Seeds: the packs in rules/ and testdata/.  It does not run the
 * engine with the loaded table. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_io.h"
#include "rules/load.h"
#include "rules/table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("pack.json", data, size);
    rules_table *t = rules_table_new();
    if (!t)
        abort();
    char *err = NULL;
    int rc = rules_load_file(t, path, &err);
    if ((rc == 0) != (err == NULL) || (err && strchr(err, '\n')))
        abort();   /* the contract: an error exactly on failure, one line */
    free(err);
    rules_table_free(t);
    return 0;
}
