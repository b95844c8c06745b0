/* fixit_apply.c — test tool (not part of sockleak): applies the fixes of a
 * sockleak JSON report to one source file, for testdata/cli/fixit_roundtrip.sh.
 *
 *   usage: fixit_apply REPORT.json FILE OUT [FINGERPRINT]
 *
 * Takes every edit of every finding's "fix" (only the finding with
 * FINGERPRINT when one is given) whose "file" is FILE exactly as
 * spelled in the report, checks that its line and column name the same
 * byte as its offset in FILE (exit 1 otherwise: the report would mislead an
 * editor), inserts the texts from the highest offset down (edits at one
 * offset keep report order), writes the result to OUT and prints the number
 * of fixes applied.  Exit 2 on a usage error or an unreadable or malformed
 * input.  It does not check that the fix is right: the script does that by
 * compiling OUT and running sockleak on it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

typedef struct edit {
    size_t off;
    size_t seq;        /* position in the report, for a stable order */
    const char *text;
} edit;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *s = malloc(cap);
    while (s && (got = fread(s + n, 1, cap - n - 1, f)) > 0)
        if ((n += got) + 1 == cap) {
            char *t = realloc(s, cap *= 2);
            if (!t)
                free(s);
            s = t;
        }
    fclose(f);
    if (s)
        s[n] = '\0';
    *len = n;
    return s;
}

/* Nonzero when 1-based line/col is byte off of text. */
static int position_agrees(const char *text, size_t len, size_t off,
                           int line, int col)
{
    if (off > len)
        return 0;
    int ln = 1;
    size_t bol = 0;
    for (size_t i = 0; i < off; i++)
        if (text[i] == '\n')
            ln++, bol = i + 1;
    return ln == line && (size_t)col == off - bol + 1;
}

static int cmp_edit(const void *pa, const void *pb)
{
    const edit *a = pa, *b = pb;
    if (a->off != b->off)
        return a->off < b->off ? 1 : -1;   /* highest offset first */
    return a->seq < b->seq ? 1 : -1;       /* later edit first: report order */
}

static int num(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) ? v->valueint : -1;
}

/* Collects FILE's edits; returns the number of fixes, or -1 on a bad edit. */
static int collect(const cJSON *findings, const char *file, const char *only,
                   const char *text, size_t len, edit **out, size_t *n)
{
    int fixes = 0;
    const cJSON *f, *e;
    cJSON_ArrayForEach(f, findings) {
        const cJSON *fp = cJSON_GetObjectItemCaseSensitive(f, "fingerprint");
        if (only && !(cJSON_IsString(fp) && strcmp(fp->valuestring, only) == 0))
            continue;
        const cJSON *fix = cJSON_GetObjectItemCaseSensitive(f, "fix");
        int mine = 0;
        cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(fix, "edits")) {
            const cJSON *ef = cJSON_GetObjectItemCaseSensitive(e, "file");
            const cJSON *ins = cJSON_GetObjectItemCaseSensitive(e, "insert");
            if (!cJSON_IsString(ef) || strcmp(ef->valuestring, file) != 0)
                continue;
            int off = num(e, "offset");
            if (off < 0 || !cJSON_IsString(ins) ||
                !position_agrees(text, len, (size_t)off, num(e, "line"), num(e, "column"))) {
                fprintf(stderr, "fixit_apply: %s: edit at offset %d: line/column "
                        "disagree with the offset\n", file, off);
                return -1;
            }
            *out = realloc(*out, (*n + 1) * sizeof **out);
            if (!*out)
                return -1;
            (*out)[*n] = (edit){(size_t)off, *n, ins->valuestring};
            ++*n;
            mine = 1;
        }
        fixes += mine;
    }
    return fixes;
}

static int write_out(const char *path, const char *text, size_t len,
                     edit *ed, size_t n)
{
    FILE *o = fopen(path, "wb");
    if (!o)
        return -1;
    qsort(ed, n, sizeof *ed, cmp_edit);
    /* ed is highest-first: write forwards by walking it backwards */
    size_t at = 0;
    for (size_t i = n; i-- > 0;) {
        fwrite(text + at, 1, ed[i].off - at, o);
        fputs(ed[i].text, o);
        at = ed[i].off;
    }
    fwrite(text + at, 1, len - at, o);
    return fclose(o) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: fixit_apply REPORT.json FILE OUT [FINGERPRINT]\n");
        return 2;
    }
    size_t rlen, len, n = 0;
    char *report = slurp(argv[1], &rlen), *text = slurp(argv[2], &len);
    cJSON *root = report ? cJSON_Parse(report) : NULL;
    const cJSON *findings = cJSON_GetObjectItemCaseSensitive(root, "findings");
    edit *ed = NULL;
    int rc = 2;
    if (!text || !cJSON_IsArray(findings)) {
        fprintf(stderr, "fixit_apply: cannot read %s or %s\n", argv[1], argv[2]);
        goto out;
    }
    int fixes = collect(findings, argv[2], argc == 5 ? argv[4] : NULL, text, len, &ed, &n);
    rc = 1;
    if (fixes < 0 || write_out(argv[3], text, len, ed, n) != 0)
        goto out;
    printf("%d\n", fixes);
    rc = 0;
out:
    free(ed);
    cJSON_Delete(root);
    free(report);
    free(text);
    return rc;
}
