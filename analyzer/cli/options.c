/* options.c — parses sockleak's command line (SPEC §3) into cli_options.
 *
 * GNU conventions: "--opt VALUE" and "--opt=VALUE", "-o FILE" and "-oFILE",
 * options and PATHs in any order, "--" ends the options and starts the
 * compiler arguments.  Every problem is returned as a message; nothing is
 * printed and nothing exits here. */
#include "cli/options.h"

#include <stdlib.h>
#include <string.h>

#include "cli/util.h"

/* Upper bound for -j: more threads than this only costs memory. */
#define CLI_MAX_JOBS 1024

typedef enum {
    OPT_FORMAT, OPT_OUTPUT, OPT_RULES, OPT_NO_DEFAULT_RULES, OPT_ENABLE,
    OPT_DISABLE, OPT_FAIL_ON, OPT_ASSUME_BORROW, OPT_JOBS, OPT_PROGRESS,
    OPT_QUIET, OPT_COLOR, OPT_COMPDB, OPT_VERSION, OPT_HELP, OPT_LIST_RULES,
    OPT_BASELINE, OPT_WRITE_BASELINE, OPT_REPORT_UNUSED, OPT_CONFIG,
    OPT_NO_CONFIG, OPT_SHOW_CONFIG, OPT_NO_GUESS_INCLUDES,
    OPT_FAIL_ON_INCOMPLETE,
} cli_opt_id;

static const struct cli_optdef {
    const char *lng;  /* without "--"; NULL: short form only */
    char shrt;        /* 0: long form only */
    int has_arg;
    cli_opt_id id;
} cli_optdefs[] = {
    {"format", 0, 1, OPT_FORMAT},
    {"output", 'o', 1, OPT_OUTPUT},
    {"rules", 0, 1, OPT_RULES},
    {"no-default-rules", 0, 0, OPT_NO_DEFAULT_RULES},
    {"enable", 0, 1, OPT_ENABLE},
    {"disable", 0, 1, OPT_DISABLE},
    {"fail-on", 0, 1, OPT_FAIL_ON},
    {"fail-on-incomplete", 0, 0, OPT_FAIL_ON_INCOMPLETE},
    {"assume-borrow", 0, 0, OPT_ASSUME_BORROW},
    {"no-guess-includes", 0, 0, OPT_NO_GUESS_INCLUDES},
    {"jobs", 'j', 1, OPT_JOBS},
    {"progress", 0, 0, OPT_PROGRESS},
    {"quiet", 'q', 0, OPT_QUIET},
    {"color", 0, 1, OPT_COLOR},
    {NULL, 'p', 1, OPT_COMPDB},
    {"list-rules", 0, 0, OPT_LIST_RULES},
    {"baseline", 0, 1, OPT_BASELINE},
    {"write-baseline", 0, 1, OPT_WRITE_BASELINE},
    {"report-unused-suppressions", 0, 0, OPT_REPORT_UNUSED},
    {"config", 0, 1, OPT_CONFIG},
    {"no-config", 0, 0, OPT_NO_CONFIG},
    {"show-config", 0, 0, OPT_SHOW_CONFIG},
    {"version", 0, 0, OPT_VERSION},
    {"help", 'h', 0, OPT_HELP},
};

#define CLI_NOPTS (sizeof cli_optdefs / sizeof cli_optdefs[0])

void cli_usage(FILE *out)
{
    fprintf(out,
"Usage: sockleak [options] [PATH ...] [-- COMPILER-ARGS ...]\n"
"Finds socket and file-descriptor leaks in C code.\n"
"\n"
"PATH is a .c file or a directory searched recursively for .c files.  With\n"
"no PATH, the compile_commands.json of . or ./build (or of a parent\n"
"directory) is used, else . is analyzed.  COMPILER-ARGS (-I, -D, ...) apply\n"
"to files that are not in a compilation database.  Without a database, the\n"
"include directories are guessed from the tree (the directories holding the\n"
"headers the files include, and include/ directories), added after\n"
"COMPILER-ARGS and named on stderr.\n"
"\n"
"Options:\n"
"  -p DIR|FILE            use DIR/compile_commands.json or FILE; with PATHs,\n"
"                         only its entries under them are analyzed\n"
"  --no-guess-includes    without a database, guess no include directories\n"
"  --format FORMAT        output format: %s (default text)\n"
"  -o, --output FILE      write the report to FILE instead of stdout\n"
"  --color WHEN           colour the text report: auto, always, never\n"
"  --rules FILE           also load the rule pack FILE (repeatable)\n"
"  --no-default-rules     do not load the shipped rule packs\n"
"  --list-rules           print every rule (id, default level, CWE,\n"
"                         description) and exit\n"
"  --enable RULE          report RULE\n"
"  --disable RULE         do not report RULE\n"
"  --fail-on LEVEL        exit 1 on findings at or above LEVEL: note,\n"
"                         warning, error, never (default warning)\n"
"  --fail-on-incomplete   exit 3 when anything was not fully analyzed: a file\n"
"                         with errors, a function not analyzed or over the\n"
"                         path budget, a database entry that is not C\n"
"  --baseline FILE        do not report findings whose fingerprint is in\n"
"                         FILE (a JSON report of an earlier run)\n"
"  --write-baseline FILE  write every current finding to FILE as a JSON\n"
"                         report, for a later --baseline\n"
"  --config FILE          read the project configuration from FILE instead\n"
"                         of the nearest .sockleak.json\n"
"  --no-config            read no project configuration file\n"
"  --show-config          print the effective configuration (file, rule\n"
"                         packs, rules, fail-on, excludes) and exit\n"
"  --report-unused-suppressions\n"
"                         warn about sockleak-ignore / NOLINT(sockleak-...)\n"
"                         comments that suppress nothing (on stderr; they\n"
"                         count as warnings for --fail-on)\n"
"  --assume-borrow        functions without a body or rule do not take\n"
"                         ownership of their arguments\n"
"  -j, --jobs N           analyze N files at once (default: number of CPUs)\n"
"  --progress             show [n/N] FILE on stderr (default on a terminal)\n"
"  -q, --quiet            no progress and no summary line\n"
"  --version              print the version and exit\n"
"  -h, --help             print this help and exit\n"
"\n"
"Rules (default level):\n",
            cli_format_list());
    for (int r = 0; r < SL_RULE_COUNT; r++)
        fprintf(out, "  %-24s %s\n", sl_rule_id((sl_rule)r),
                sl_level_name(sl_rule_default_level((sl_rule)r)));
    fprintf(out,
"\n"
"Project configuration: the nearest .sockleak.json in the current directory\n"
"or a parent (up to /) supplies defaults; command-line options win over it.\n"
"\n"
"Exit status: 0 no findings at or above --fail-on; 1 findings at or above\n"
"it; 2 usage, configuration or I/O error; 3 some files could not be analyzed\n"
"(or a directory could not be read), or, with --fail-on-incomplete, anything\n"
"was not fully analyzed.\n");
}

static void cli_push(const char ***arr, size_t *n, const char *s)
{
    *arr = cli_xrealloc(*arr, (*n + 1) * sizeof **arr);
    (*arr)[(*n)++] = s;
}

static char *cli_bad_value(const char *spelled, const char *val,
                           const char *expected)
{
    return cli_strf("invalid argument '%s' for '%s' (expected %s)", val,
                    spelled, expected);
}

char *cli_rule_names(void)
{
    char *s = cli_xstrdup("");
    for (int r = 0; r < SL_RULE_COUNT; r++) {
        char *t = cli_strf("%s%s%s", s, r ? ", " : "", sl_rule_id((sl_rule)r));
        free(s);
        s = t;
    }
    return s;
}

static int cli_set_rule(cli_options *o, const char *spelled, const char *val,
                        int on, char **err)
{
    sl_rule r = sl_rule_from_id(val);
    if (r == SL_RULE_COUNT) {
        char *names = cli_rule_names();
        *err = cli_strf("unknown rule '%s' for '%s' (known: %s)", val,
                        spelled, names);
        free(names);
        return -1;
    }
    o->rule_toggle[r] = on ? 1 : -1;
    return 0;
}

static int cli_set_format(cli_options *o, const char *spelled,
                          const char *val, char **err)
{
    int f = cli_format_find(val);
    if (f < 0) {
        *err = cli_bad_value(spelled, val, cli_format_list());
        return -1;
    }
    if (!cli_format_supported(f)) {
        *err = cli_strf("%s %s is not supported yet", spelled, val);
        return -1;
    }
    o->format = f;
    return 0;
}

static int cli_set_fail_on(cli_options *o, const char *spelled,
                           const char *val, char **err)
{
    int lvl = strcmp(val, "never") == 0 ? CLI_FAIL_NEVER
                                        : sl_level_from_name(val);
    if (lvl < 0) {
        *err = cli_bad_value(spelled, val, "note, warning, error, never");
        return -1;
    }
    o->fail_on = lvl;
    o->fail_on_given = 1;
    return 0;
}

static int cli_set_jobs(cli_options *o, const char *spelled, const char *val,
                        char **err)
{
    char *end;
    long n = strtol(val, &end, 10);
    if (end == val || *end || n < 1) {
        *err = cli_bad_value(spelled, val, "a positive number");
        return -1;
    }
    o->jobs = n > CLI_MAX_JOBS ? CLI_MAX_JOBS : (int)n;
    return 0;
}

static int cli_set_color(cli_options *o, const char *spelled,
                         const char *val, char **err)
{
    static const char *const names[] = {"auto", "always", "never"};
    for (int i = 0; i < 3; i++)
        if (strcmp(val, names[i]) == 0) {
            o->color = (cli_color)i;
            return 0;
        }
    *err = cli_bad_value(spelled, val, "auto, always, never");
    return -1;
}

/* Acts on one option; returns 0, -1 with *err, or 1 for --help / 2 for
 * --version. */
static int cli_apply(cli_options *o, cli_opt_id id, const char *spelled,
                     const char *val, char **err)
{
    switch (id) {
    case OPT_FORMAT: return cli_set_format(o, spelled, val, err);
    case OPT_OUTPUT: o->output = val; return 0;
    case OPT_RULES: cli_push(&o->rules, &o->nrules, val); return 0;
    case OPT_NO_DEFAULT_RULES: o->no_default_rules = 1; return 0;
    case OPT_ENABLE: return cli_set_rule(o, spelled, val, 1, err);
    case OPT_DISABLE: return cli_set_rule(o, spelled, val, 0, err);
    case OPT_FAIL_ON: return cli_set_fail_on(o, spelled, val, err);
    case OPT_FAIL_ON_INCOMPLETE: o->fail_on_incomplete = 1; return 0;
    case OPT_ASSUME_BORROW: o->assume_borrow = 1; return 0;
    case OPT_NO_GUESS_INCLUDES: o->no_guess_includes = 1; return 0;
    case OPT_JOBS: return cli_set_jobs(o, spelled, val, err);
    case OPT_PROGRESS: o->progress = 1; return 0;
    case OPT_QUIET: o->quiet = 1; o->progress = 0; return 0;
    case OPT_COLOR: return cli_set_color(o, spelled, val, err);
    case OPT_COMPDB: o->compdb = val; return 0;
    case OPT_LIST_RULES: o->list_rules = 1; return 0;
    case OPT_BASELINE: o->baseline = val; return 0;
    case OPT_WRITE_BASELINE: o->write_baseline = val; return 0;
    case OPT_REPORT_UNUSED: o->report_unused = 1; return 0;
    case OPT_CONFIG: o->config = val; return 0;
    case OPT_NO_CONFIG: o->no_config = 1; return 0;
    case OPT_SHOW_CONFIG: o->show_config = 1; return 0;
    case OPT_HELP: return 1;
    case OPT_VERSION: return 2;
    }
    return 0;
}

static const struct cli_optdef *cli_find_long(const char *name, size_t len)
{
    for (size_t i = 0; i < CLI_NOPTS; i++) {
        const char *l = cli_optdefs[i].lng;
        if (l && strlen(l) == len && strncmp(l, name, len) == 0)
            return &cli_optdefs[i];
    }
    return NULL;
}

static const struct cli_optdef *cli_find_short(char c)
{
    for (size_t i = 0; i < CLI_NOPTS; i++)
        if (cli_optdefs[i].shrt == c)
            return &cli_optdefs[i];
    return NULL;
}

/* Parses the option at argv[*i] (which starts with '-'), advancing *i past
 * any separate value.  Same returns as cli_apply. */
static int cli_parse_one(int argc, char **argv, int *i, cli_options *o,
                         char **err)
{
    const char *arg = argv[*i];
    const struct cli_optdef *d;
    const char *val = NULL;
    char spelled[64];

    if (arg[1] == '-') {
        const char *eq = strchr(arg + 2, '=');
        size_t len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
        d = cli_find_long(arg + 2, len);
        if (!d) {
            *err = cli_strf("unrecognized option '%.*s'", (int)len + 2, arg);
            return -1;
        }
        snprintf(spelled, sizeof spelled, "--%s", d->lng);
        if (eq && !d->has_arg) {
            *err = cli_strf("option '%s' doesn't allow an argument", spelled);
            return -1;
        }
        val = eq ? eq + 1 : NULL;
    } else {
        d = cli_find_short(arg[1]);
        if (!d || (!d->has_arg && arg[2])) {
            *err = cli_strf("unrecognized option '%s'", arg);
            return -1;
        }
        snprintf(spelled, sizeof spelled, "-%c", d->shrt);
        val = d->has_arg && arg[2] ? arg + 2 : NULL;
    }
    if (d->has_arg && !val) {
        if (*i + 1 >= argc) {
            *err = cli_strf("option '%s' requires an argument", spelled);
            return -1;
        }
        val = argv[++*i];
    }
    return cli_apply(o, d->id, spelled, val, err);
}

static void cli_options_init(cli_options *o)
{
    memset(o, 0, sizeof *o);
    o->format = cli_format_find("text");
    o->fail_on = SL_LEVEL_WARNING;
    o->progress = -1;
    o->color = CLI_COLOR_AUTO;
}

cli_parse_status cli_parse_args(int argc, char **argv, cli_options *o,
                                char **err)
{
    cli_options_init(o);
    *err = NULL;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--") == 0) {
            o->cc_args = (const char **)(argv + i + 1);
            o->ncc_args = argc - i - 1;
            break;
        }
        if (arg[0] != '-' || arg[1] == '\0') {
            cli_push(&o->paths, &o->npaths, arg);
            continue;
        }
        int rc = cli_parse_one(argc, argv, &i, o, err);
        if (rc < 0)
            return CLI_PARSE_ERROR;
        if (rc > 0)
            return rc == 1 ? CLI_PARSE_HELP : CLI_PARSE_VERSION;
    }
    if (o->config && o->no_config) {
        *err = cli_xstrdup("options '--config' and '--no-config' cannot be "
                           "used together");
        return CLI_PARSE_ERROR;
    }
    return CLI_PARSE_OK;
}

void cli_options_free(cli_options *o)
{
    if (!o)
        return;
    free(o->rules);
    free(o->paths);
    o->rules = o->paths = NULL;
    o->nrules = o->npaths = 0;
}
