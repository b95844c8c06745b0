/* fuzz_baseline.c — libFuzzer target for the baseline reader
 * (cli/baseline.c): each input is read as a baseline (a JSON report or a
 * SARIF log), then used to filter a one-finding list.  Seeds:
 * analyzer/fuzz/seeds/baseline.  It does not write baselines. */
#include <stdlib.h>
#include <string.h>

#include "cli/baseline.h"
#include "fuzz_io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("baseline.json", data, size);
    cli_baseline b;
    char *err = NULL;
    if (cli_baseline_load(path, &b, &err) == 0) {
        finding_list l;
        memset(&l, 0, sizeof l);
        finding f;
        memset(&f, 0, sizeof f);
        f.fingerprint = strdup("0123456789abcdef");
        if (!f.fingerprint || finding_list_push(&l, &f) != 0)
            abort();
        cli_baseline_filter(&b, &l);
        finding_list_clear(&l);
    } else if (!err) {
        abort();
    }
    free(err);
    cli_baseline_free(&b);
    return 0;
}
