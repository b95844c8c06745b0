/* fuzz_compdb.c — libFuzzer target for the compilation-database reader
 * (cli/compdb.c, which reads entries through libclang): each input is
 * written to a temporary directory as compile_commands.json and loaded
 * from there.  Seeds: analyzer/fuzz/seeds/compdb.  It parses none of the
 * files an entry names. */
#include <stdlib.h>
#include <string.h>

#include "cli/compdb.h"
#include "fuzz_io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write("compile_commands.json", data, size);
    cli_compdb db;
    char *err = NULL;
    int rc = cli_compdb_load(fuzz_dir(), &db, &err);
    if ((rc == 0) != (err == NULL))
        abort();
    for (size_t i = 0; rc == 0 && i < db.n; i++)
        if (!db.items[i].file || !db.items[i].dir)
            abort();
    free(err);
    cli_compdb_free(&db);
    return 0;
}
