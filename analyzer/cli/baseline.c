/* baseline.c — reads a baseline file with cJSON and filters findings by
 * fingerprint (see baseline.h).  A baseline is a report of an earlier run,
 * so reading one accepts exactly what --format json (and --format sarif)
 * write; anything else is an error rather than an empty baseline, since a
 * silently empty baseline would fail every pull request at once. */
#include "cli/baseline.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/util.h"
#include "util/readfile.h"

/* The whole file as a heap string (a regular file of at most
 * SL_READ_LIMIT bytes), or NULL with *err set. */
static char *bl_read(const char *path, char **err)
{
    size_t len;
    char *why = NULL;
    char *text = sl_read_file(path, SL_READ_LIMIT, 0, &len, &why);
    if (!text)
        *err = cli_strf("%s: cannot read the baseline: %s", path,
                        why ? why : "out of memory");
    free(why);
    return text;
}

/* 1-based line of the byte at p in text. */
static unsigned bl_line_of(const char *text, const char *p)
{
    unsigned line = 1;
    for (; text < p && *text; text++)
        line += *text == '\n';
    return line;
}

static void bl_add(cli_baseline *b, const char *fp)
{
    b->fingerprints = cli_xrealloc(b->fingerprints,
                                   (b->n + 1) * sizeof *b->fingerprints);
    b->fingerprints[b->n++] = cli_xstrdup(fp);
}

/* findings[].fingerprint of a JSON report; -1 with *why on a bad entry. */
static int bl_from_report(const cJSON *findings, cli_baseline *b, char **why)
{
    size_t i = 0;
    const cJSON *f;
    cJSON_ArrayForEach(f, findings) {
        const cJSON *fp = cJSON_GetObjectItemCaseSensitive(f, "fingerprint");
        if (!cJSON_IsString(fp)) {
            *why = cli_strf("finding %zu has no \"fingerprint\" string", i);
            return -1;
        }
        if (fp->valuestring[0])   /* "": written without one (out of memory) */
            bl_add(b, fp->valuestring);
        i++;
    }
    return 0;
}

/* The sockleak fingerprints of a SARIF log's results (results of other
 * tools have none and are skipped). */
static int bl_from_sarif(const cJSON *runs, cli_baseline *b, char **why)
{
    const cJSON *run, *res;
    cJSON_ArrayForEach(run, runs) {
        const cJSON *results = cJSON_GetObjectItemCaseSensitive(run, "results");
        if (results && !cJSON_IsArray(results)) {
            *why = cli_xstrdup("\"results\" is not an array");
            return -1;
        }
        cJSON_ArrayForEach(res, results) {
            const cJSON *pf = cJSON_GetObjectItemCaseSensitive(res, "partialFingerprints");
            const cJSON *fp = cJSON_GetObjectItemCaseSensitive(pf, "sockleakFingerprint/v1");
            if (cJSON_IsString(fp) && fp->valuestring[0])
                bl_add(b, fp->valuestring);
        }
    }
    return 0;
}

static int bl_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Fills b from the parsed document; -1 with *why when it is not a report. */
static int bl_from_json(const cJSON *root, cli_baseline *b, char **why)
{
    const cJSON *findings = cJSON_GetObjectItemCaseSensitive(root, "findings");
    const cJSON *runs = cJSON_GetObjectItemCaseSensitive(root, "runs");
    if (cJSON_IsArray(findings))
        return bl_from_report(findings, b, why);
    if (cJSON_IsArray(runs))
        return bl_from_sarif(runs, b, why);
    *why = cli_xstrdup("not a sockleak report (no \"findings\" array; "
                       "write one with --write-baseline FILE)");
    return -1;
}

int cli_baseline_load(const char *path, cli_baseline *b, char **err)
{
    memset(b, 0, sizeof b[0]);
    char *text = bl_read(path, err);
    if (!text)
        return -1;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(text, &end, 1);
    char *why = NULL;
    if (!root)
        why = cli_strf("line %u: not valid JSON", bl_line_of(text, end ? end : text));
    else if (bl_from_json(root, b, &why) == 0 && b->n)
        /* not with no findings: fingerprints is NULL then, and qsort's
         * first argument must not be NULL even for zero elements */
        qsort(b->fingerprints, b->n, sizeof *b->fingerprints, bl_cmp);
    cJSON_Delete(root);
    free(text);
    if (why) {
        *err = cli_strf("%s: malformed baseline: %s", path, why);
        free(why);
        cli_baseline_free(b);
        return -1;
    }
    return 0;
}

static int bl_has(const cli_baseline *b, const char *fp)
{
    return b->n && bsearch(&fp, b->fingerprints, b->n, sizeof *b->fingerprints,
                           bl_cmp) != NULL;
}

size_t cli_baseline_filter(const cli_baseline *b, finding_list *l)
{
    size_t kept = 0, n = l->n;
    for (size_t i = 0; i < n; i++) {
        finding *f = &l->items[i];
        if (f->fingerprint && bl_has(b, f->fingerprint)) {
            finding_clear(f);
            continue;
        }
        if (kept != i)
            l->items[kept] = *f;
        kept++;
    }
    l->n = kept;
    return n - kept;
}

void cli_baseline_free(cli_baseline *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        free(b->fingerprints[i]);
    free(b->fingerprints);
    memset(b, 0, sizeof *b);
}
