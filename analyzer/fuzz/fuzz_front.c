/* fuzz_front.c — libFuzzer target for the front end and the engine on C
 * text: each input is written to a temporary input.c, lowered with
 * front_lower_file (no compiler arguments), summarised and analyzed with
 * the default rule packs, and its findings reported as text, JSON and
 * SARIF to /dev/null.  Seeds: the .c files of testdata/.  It checks only that
 * nothing crashes, leaks or hangs; testdata/ checks what is found. */
#include <stdio.h>
#include <stdlib.h>

#include "engine/engine.h"
#include "front/front.h"
#include "fuzz_io.h"
#include "report/report.h"
#include "rules/load.h"
#include "summary/summary.h"

#ifndef SOCKLEAK_SOURCE_RULES_DIR
#define SOCKLEAK_SOURCE_RULES_DIR "rules"
#endif

static front_worker *worker;
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    worker = front_worker_new();
    devnull = fopen("/dev/null", "w");
    if (!worker || !devnull)
        abort();
    return 0;
}

/* The default packs, loaded for each input: summaries write into the
 * table, so one input must not see another's. */
static rules_table *load_rules(void)
{
    rules_table *t = rules_table_new();
    char *err = NULL;
    if (!t || rules_load_dir(t, SOCKLEAK_SOURCE_RULES_DIR, &err) != 0) {
        fprintf(stderr, "fuzz_front: %s\n", err ? err : "out of memory");
        abort();
    }
    return t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("input.c", data, size);
    front_result r;
    front_lower_file(worker, path, NULL, 0, NULL, &r);
    rules_table *rt = load_rules();
    summary_stats ss;
    if (summary_build(r.funcs, r.nfuncs, rt, &ss) != 0)
        abort();
    eng_options opt;
    eng_options_default(&opt);
    finding_list l = {0};
    for (size_t i = 0; i < r.nfuncs; i++)
        eng_analyze(r.funcs[i], rt, &opt, &l);
    finding_list_sort(&l);
    report_fingerprints(&l);
    report_text(devnull, &l, 1);
    report_json(devnull, &l, NULL);
    report_sarif(devnull, &l, NULL);
    finding_list_clear(&l);
    rules_table_free(rt);
    front_result_clear(&r);
    return 0;
}
