/* fuzz_config.c — libFuzzer target for the project configuration loader
 * (cli/config.c): each input is a .sockleak.json, read and checked, then
 * merged into default options.  Seeds: analyzer/fuzz/seeds/config.  It
 * loads none of the packs or baselines the file names. */
#include <stdlib.h>
#include <string.h>

#include "cli/config.h"
#include "cli/options.h"
#include "fuzz_io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write(CLI_CONFIG_NAME, data, size);
    cli_config c;
    char *err = NULL;
    if (cli_config_load(path, &c, &err) == 0) {
        if (err)
            abort();
        static char *argv[] = {"sockleak", NULL};
        cli_options o;
        char *perr = NULL;
        if (cli_parse_args(1, argv, &o, &perr) != CLI_PARSE_OK)
            abort();
        cli_origins from;
        cli_config_apply(&c, &o, &from);
        cli_options_free(&o);
    } else if (!err || strchr(err, '\n')) {
        abort();   /* the contract: a one-line error on failure */
    }
    free(err);
    cli_config_free(&c);
    return 0;
}
