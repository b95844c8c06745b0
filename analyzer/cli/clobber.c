/* clobber.c — outputs compared with inputs by inode (see clobber.h). */
#include "cli/clobber.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/packs.h"
#include "cli/util.h"

/* An output of the run that exists as a regular file (only those can be
 * overwritten: a missing file is created, /dev/null is written in place). */
typedef struct cli_out {
    const char *opt;    /* "-o" or "--write-baseline" */
    const char *path;
    struct stat st;
    int live;           /* exists and is a regular file */
} cli_out;

static int cli_outs(const cli_options *o, cli_out out[2])
{
    int n = 0;
    const char *paths[2] = {o->output, o->write_baseline};
    const char *opts[2] = {"-o", "--write-baseline"};
    for (int i = 0; i < 2; i++) {
        if (!paths[i])
            continue;
        cli_out *x = &out[n++];
        x->opt = opts[i];
        x->path = paths[i];
        x->live = stat(paths[i], &x->st) == 0 && S_ISREG(x->st.st_mode);
    }
    return n;
}

static int cli_any_live(const cli_out *out, int n)
{
    for (int i = 0; i < n; i++)
        if (out[i].live)
            return 1;
    return 0;
}

/* -1 with *err when some live output is the file input (what it is for the
 * run: "the rule pack"); baseline_ok spares --write-baseline. */
static int cli_against(const cli_out *out, int n, const char *input,
                       const char *what, int baseline_ok, char **err)
{
    struct stat st;
    if (!input || stat(input, &st) != 0)
        return 0;
    for (int i = 0; i < n; i++) {
        const cli_out *x = &out[i];
        if (!x->live || x->st.st_dev != st.st_dev || x->st.st_ino != st.st_ino)
            continue;
        if (baseline_ok && strcmp(x->opt, "--write-baseline") == 0)
            continue;
        *err = cli_strf("%s %s: refusing to overwrite %s %s, an input of "
                        "this run", x->opt, x->path, what, input);
        return -1;
    }
    return 0;
}

int cli_clobber_check_named(const cli_options *o, const cli_config *c,
                            char **err)
{
    cli_out out[2];
    int n = cli_outs(o, out);
    if (n == 2 && out[0].live && out[1].live &&
        out[0].st.st_dev == out[1].st.st_dev &&
        out[0].st.st_ino == out[1].st.st_ino) {
        *err = cli_strf("-o %s and --write-baseline %s are the same file",
                        o->output, o->write_baseline);
        return -1;
    }
    if (n == 2 && strcmp(o->output, o->write_baseline) == 0) {
        *err = cli_strf("-o and --write-baseline name the same file, %s",
                        o->output);
        return -1;
    }
    if (!cli_any_live(out, n))
        return 0;
    int rc = cli_against(out, n, c->path, "the configuration file", 0, err);
    if (rc == 0)
        rc = cli_against(out, n, o->baseline, "the baseline", 1, err);
    if (rc == 0 && o->compdb) {
        char *in_dir = cli_strf("%s/compile_commands.json", o->compdb);
        rc = cli_against(out, n, o->compdb, "the compilation database", 0,
                         err);
        if (rc == 0)
            rc = cli_against(out, n, in_dir, "the compilation database", 0,
                             err);
        free(in_dir);
    }
    for (size_t i = 0; rc == 0 && i < o->npaths; i++)
        rc = cli_against(out, n, o->paths[i], "the source file", 0, err);
    cli_strvec packs = {0};
    size_t ndefault;
    char *ignored = NULL;   /* an unreadable pack directory: loading says so */
    if (rc == 0 && cli_pack_paths(o, &packs, &ndefault, &ignored) == 0)
        for (size_t i = 0; rc == 0 && i < packs.n; i++)
            rc = cli_against(out, n, packs.v[i], "the rule pack", 0, err);
    free(ignored);
    cli_strvec_free(&packs);
    return rc;
}

int cli_clobber_check_jobs(const cli_options *o, const cli_joblist *jobs,
                           char **err)
{
    cli_out out[2];
    int n = cli_outs(o, out);
    if (!cli_any_live(out, n))
        return 0;
    int rc = cli_against(out, n, jobs->database, "the compilation database",
                         0, err);
    for (size_t i = 0; rc == 0 && i < jobs->n; i++)
        rc = cli_against(out, n, jobs->items[i].file, "the source file", 0,
                         err);
    return rc;
}
