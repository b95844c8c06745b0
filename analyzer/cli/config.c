/* config.c — finds, reads, checks and merges the project configuration
 * file (see config.h).  The keys are one table; each key's value is checked
 * for its type generically, then its own function checks the meaning and
 * stores it.  Every error points at the offending key or value. */
#include "cli/config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/exclude.h"
#include "cli/inputs.h"
#include "cli/jsontext.h"

/* ---- finding the file ---- */

static int cli_is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *cli_config_find(const char *dir)
{
    char *d = cli_xstrdup(dir);
    for (;;) {
        int root = strcmp(d, "/") == 0;
        char *here = cli_strf("%s%s%s", d, root ? "" : "/", CLI_CONFIG_NAME);
        if (cli_is_regular(here)) {
            free(d);
            return here;
        }
        free(here);
        if (root) {
            free(d);
            return NULL;
        }
        char *slash = strrchr(d, '/');
        *(slash == d ? slash + 1 : slash) = '\0';
    }
}

/* ---- one load ---- */

typedef struct cli_cfgload {
    const cli_jtext *jt;
    cli_config *c;
    char **err;
} cli_cfgload;

/* Sets *L->err to "PATH:LINE:COL: message" for text offset off; returns
 * -1. */
static int cli_cfg_fail(cli_cfgload *L, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int cli_cfg_fail(cli_cfgload *L, size_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    free(*L->err);
    *L->err = cli_jtext_verror(L->jt, off, fmt, ap);
    va_end(ap);
    return -1;
}

typedef enum { CFG_BOOL, CFG_STRING, CFG_STRINGS } cli_cfgtype;

static int cli_cfg_rules(cli_cfgload *L, cli_jval v);
static int cli_cfg_no_default(cli_cfgload *L, cli_jval v);
static int cli_cfg_enable(cli_cfgload *L, cli_jval v);
static int cli_cfg_disable(cli_cfgload *L, cli_jval v);
static int cli_cfg_fail_on(cli_cfgload *L, cli_jval v);
static int cli_cfg_assume_borrow(cli_cfgload *L, cli_jval v);
static int cli_cfg_no_guess(cli_cfgload *L, cli_jval v);
static int cli_cfg_fail_incomplete(cli_cfgload *L, cli_jval v);
static int cli_cfg_baseline(cli_cfgload *L, cli_jval v);
static int cli_cfg_exclude(cli_cfgload *L, cli_jval v);

/* The keys a configuration may have (README.md, "Project configuration"). */
static const struct cli_cfgkey {
    const char *key;
    cli_cfgtype type;
    int (*set)(cli_cfgload *L, cli_jval v);   /* v already has type */
} cli_cfgkeys[] = {
    {"rules", CFG_STRINGS, cli_cfg_rules},
    {"no_default_rules", CFG_BOOL, cli_cfg_no_default},
    {"enable", CFG_STRINGS, cli_cfg_enable},
    {"disable", CFG_STRINGS, cli_cfg_disable},
    {"fail_on", CFG_STRING, cli_cfg_fail_on},
    {"fail_on_incomplete", CFG_BOOL, cli_cfg_fail_incomplete},
    {"assume_borrow", CFG_BOOL, cli_cfg_assume_borrow},
    {"no_guess_includes", CFG_BOOL, cli_cfg_no_guess},
    {"baseline", CFG_STRING, cli_cfg_baseline},
    {"exclude", CFG_STRINGS, cli_cfg_exclude},
};

#define CLI_NCFGKEYS (sizeof cli_cfgkeys / sizeof cli_cfgkeys[0])

static char *cli_cfg_key_names(void)
{
    char *s = cli_xstrdup("");
    for (size_t i = 0; i < CLI_NCFGKEYS; i++) {
        char *t = cli_strf("%s%s%s", s, i ? ", " : "", cli_cfgkeys[i].key);
        free(s);
        s = t;
    }
    return s;
}

/* ---- types ---- */

/* v has the type t; for CFG_STRINGS every element is checked too. */
static int cli_cfg_check_type(cli_cfgload *L, const char *key, cli_jval v,
                              cli_cfgtype t)
{
    if (t == CFG_BOOL && !cJSON_IsBool(v.j))
        return cli_cfg_fail(L, v.off, "\"%s\" must be true or false", key);
    if (t == CFG_STRING && !cJSON_IsString(v.j))
        return cli_cfg_fail(L, v.off, "\"%s\" must be a string", key);
    if (t != CFG_STRINGS)
        return 0;
    if (!cJSON_IsArray(v.j))
        return cli_cfg_fail(L, v.off, "\"%s\" must be an array of strings",
                            key);
    for (const cJSON *e = v.j->child; e; e = e->next)
        if (!cJSON_IsString(e))
            return cli_cfg_fail(L, cli_jtext_child(L->jt, v, e, 0).off,
                                "\"%s\" must be an array of strings "
                                "(this element is not a string)", key);
    return 0;
}

/* Calls each(L, element) for every element of the string array v. */
static int cli_cfg_each(cli_cfgload *L, cli_jval v,
                        int (*each)(cli_cfgload *L, cli_jval e))
{
    for (const cJSON *e = v.j->child; e; e = e->next)
        if (each(L, cli_jtext_child(L->jt, v, e, 0)) < 0)
            return -1;
    return 0;
}

/* ---- the keys ---- */

/* A path of the file, resolved against its directory, in display form. */
static char *cli_cfg_path(const cli_cfgload *L, const char *rel)
{
    char *abs = cli_path_absolute(rel, L->c->dir);
    char *shown = cli_path_display(abs ? abs : rel);
    free(abs);
    return shown;
}

static int cli_cfg_rule_pack(cli_cfgload *L, cli_jval e)
{
    const char *given = e.j->valuestring;
    char *path = cli_cfg_path(L, given);
    struct stat st;
    const char *why = given[0] == '\0'          ? "the path is empty"
                      : stat(path, &st) != 0    ? strerror(errno)
                      : !S_ISREG(st.st_mode)    ? "not a regular file"
                                                : NULL;
    if (why) {
        int rc = cli_cfg_fail(L, e.off, "rule pack \"%s\" (%s): %s", given,
                              path, why);
        free(path);
        return rc;
    }
    cli_strvec_take(&L->c->rules, path);
    return 0;
}

static int cli_cfg_rules(cli_cfgload *L, cli_jval v)
{
    return cli_cfg_each(L, v, cli_cfg_rule_pack);
}

static int cli_cfg_no_default(cli_cfgload *L, cli_jval v)
{
    L->c->no_default_rules = cJSON_IsTrue(v.j);
    return 0;
}

static int cli_cfg_toggle(cli_cfgload *L, cli_jval e, int on)
{
    sl_rule r = sl_rule_from_id(e.j->valuestring);
    if (r == SL_RULE_COUNT) {
        char *names = cli_rule_names();
        int rc = cli_cfg_fail(L, e.off, "unknown rule \"%s\" (known: %s)",
                              e.j->valuestring, names);
        free(names);
        return rc;
    }
    if (L->c->rule_toggle[r] == (on ? -1 : 1))
        return cli_cfg_fail(L, e.off, "rule \"%s\" is in both \"enable\" "
                            "and \"disable\"", e.j->valuestring);
    L->c->rule_toggle[r] = on ? 1 : -1;
    return 0;
}

static int cli_cfg_enable_one(cli_cfgload *L, cli_jval e)
{
    return cli_cfg_toggle(L, e, 1);
}

static int cli_cfg_disable_one(cli_cfgload *L, cli_jval e)
{
    return cli_cfg_toggle(L, e, 0);
}

static int cli_cfg_enable(cli_cfgload *L, cli_jval v)
{
    return cli_cfg_each(L, v, cli_cfg_enable_one);
}

static int cli_cfg_disable(cli_cfgload *L, cli_jval v)
{
    return cli_cfg_each(L, v, cli_cfg_disable_one);
}

static int cli_cfg_fail_on(cli_cfgload *L, cli_jval v)
{
    const char *s = v.j->valuestring;
    int lvl = strcmp(s, "never") == 0 ? CLI_FAIL_NEVER : sl_level_from_name(s);
    if (lvl < 0)
        return cli_cfg_fail(L, v.off, "\"fail_on\" must be one of note, "
                            "warning, error, never (not \"%s\")", s);
    L->c->fail_on = lvl;
    return 0;
}

static int cli_cfg_assume_borrow(cli_cfgload *L, cli_jval v)
{
    L->c->assume_borrow = cJSON_IsTrue(v.j);
    return 0;
}

static int cli_cfg_no_guess(cli_cfgload *L, cli_jval v)
{
    L->c->no_guess_includes = cJSON_IsTrue(v.j);
    return 0;
}

static int cli_cfg_fail_incomplete(cli_cfgload *L, cli_jval v)
{
    L->c->fail_on_incomplete = cJSON_IsTrue(v.j);
    return 0;
}

static int cli_cfg_baseline(cli_cfgload *L, cli_jval v)
{
    if (v.j->valuestring[0] == '\0')
        return cli_cfg_fail(L, v.off, "\"baseline\" must not be empty");
    L->c->baseline = cli_cfg_path(L, v.j->valuestring);
    return 0;
}

static int cli_cfg_exclude_one(cli_cfgload *L, cli_jval e)
{
    const char *why = NULL;
    char *pat = cli_exclude_normalize(e.j->valuestring, &why);
    if (!pat)
        return cli_cfg_fail(L, e.off, "exclude pattern \"%s\" %s",
                            e.j->valuestring, why);
    cli_strvec_take(&L->c->exclude, pat);
    return 0;
}

static int cli_cfg_exclude(cli_cfgload *L, cli_jval v)
{
    return cli_cfg_each(L, v, cli_cfg_exclude_one);
}

/* ---- the document ---- */

static const struct cli_cfgkey *cli_cfg_find_key(const char *key)
{
    for (size_t i = 0; i < CLI_NCFGKEYS; i++)
        if (strcmp(cli_cfgkeys[i].key, key) == 0)
            return &cli_cfgkeys[i];
    return NULL;
}

static int cli_cfg_member(cli_cfgload *L, cli_jval root, const cJSON *m)
{
    size_t key_off = cli_jtext_child(L->jt, root, m, 1).off;
    const struct cli_cfgkey *k = cli_cfg_find_key(m->string);
    if (!k) {
        char *names = cli_cfg_key_names();
        int rc = cli_cfg_fail(L, key_off, "unknown key \"%s\" (known: %s)",
                              m->string, names);
        free(names);
        return rc;
    }
    for (const cJSON *d = root.j->child; d != m; d = d->next)
        if (strcmp(d->string, m->string) == 0)
            return cli_cfg_fail(L, key_off, "duplicate key \"%s\"",
                                m->string);
    cli_jval v = cli_jtext_child(L->jt, root, m, 0);
    if (cli_cfg_check_type(L, m->string, v, k->type) < 0)
        return -1;
    return k->set(L, v);
}

static int cli_cfg_document(cli_cfgload *L)
{
    cli_jval root = cli_jtext_root(L->jt);
    if (!cJSON_IsObject(root.j))
        return cli_cfg_fail(L, root.off, "the configuration must be a JSON "
                            "object");
    for (const cJSON *m = root.j->child; m; m = m->next)
        if (cli_cfg_member(L, root, m) < 0)
            return -1;
    return 0;
}

/* The canonical directory of the file at path. */
static char *cli_cfg_dir(const char *path)
{
    char *dir = cli_path_canonical(path, NULL);
    if (!dir)
        return cli_xstrdup(".");
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    return dir;
}

static void cli_config_clear(cli_config *c)
{
    memset(c, 0, sizeof *c);
    c->no_default_rules = c->fail_on = c->assume_borrow = -1;
    c->no_guess_includes = c->fail_on_incomplete = -1;
}

int cli_config_load(const char *path, cli_config *c, char **err)
{
    cli_config_clear(c);
    *err = NULL;
    c->path = cli_xstrdup(path);
    c->dir = cli_cfg_dir(path);
    cli_jtext jt;
    int rc = cli_jtext_load(c->path, &jt, err);
    if (rc == 0) {
        cli_cfgload L = {&jt, c, err};
        rc = cli_cfg_document(&L);
    }
    cli_jtext_free(&jt);
    return rc;
}

int cli_config_setup(const cli_options *o, cli_config *c, char **err)
{
    cli_config_clear(c);
    *err = NULL;
    if (o->no_config)
        return 0;
    if (o->config)
        return cli_config_load(o->config, c, err);
    char *cwd = cli_path_canonical(".", NULL);
    char *found = cwd ? cli_config_find(cwd) : NULL;
    free(cwd);
    if (!found)
        return 0;
    char *shown = cli_path_display(found);
    free(found);
    int rc = cli_config_load(shown, c, err);
    free(shown);
    return rc;
}

/* ---- merging into the options ---- */

/* An int setting: the command line's when given, else the file's when
 * present (>= 0); returns where the result came from. */
static unsigned char cli_merge_int(int given, int *opt, int file)
{
    if (given)
        return CLI_FROM_CMDLINE;
    if (file < 0)
        return CLI_FROM_DEFAULT;
    *opt = file;
    return CLI_FROM_CONFIG;
}

static void cli_merge_rules(const cli_config *c, cli_options *o,
                            cli_origins *from)
{
    for (int r = 0; r < SL_RULE_COUNT; r++) {
        from->rule[r] = o->rule_toggle[r] ? CLI_FROM_CMDLINE
                        : c->rule_toggle[r] ? CLI_FROM_CONFIG
                                            : CLI_FROM_DEFAULT;
        if (!o->rule_toggle[r])
            o->rule_toggle[r] = c->rule_toggle[r];
    }
}

/* The file's packs, then the --rules ones. */
static void cli_merge_packs(const cli_config *c, cli_options *o,
                            cli_origins *from)
{
    size_t n = c->rules.n + o->nrules;
    const char **all = cli_xmalloc((n ? n : 1) * sizeof *all);
    for (size_t i = 0; i < c->rules.n; i++)
        all[i] = c->rules.v[i];
    for (size_t i = 0; i < o->nrules; i++)
        all[c->rules.n + i] = o->rules[i];
    free(o->rules);
    o->rules = all;
    o->nrules = n;
    from->config_rules = c->rules.n;
}

/* A baseline that does not exist yet and that this run writes. */
static int cli_baseline_is_new(const cli_config *c, const cli_options *o)
{
    struct stat st;
    if (!o->write_baseline || stat(c->baseline, &st) == 0)
        return 0;
    char *a = cli_path_absolute(c->baseline, NULL);
    char *b = cli_path_absolute(o->write_baseline, NULL);
    int same = a && b && strcmp(a, b) == 0;
    free(a);
    free(b);
    return same;
}

static unsigned char cli_merge_baseline(const cli_config *c, cli_options *o)
{
    if (o->baseline)
        return CLI_FROM_CMDLINE;
    if (!c->baseline || cli_baseline_is_new(c, o))
        return CLI_FROM_DEFAULT;
    o->baseline = c->baseline;
    return CLI_FROM_CONFIG;
}

void cli_config_apply(const cli_config *c, cli_options *o, cli_origins *from)
{
    cli_origins scratch;
    if (!from)
        from = &scratch;
    memset(from, 0, sizeof *from);
    from->no_default_rules = cli_merge_int(o->no_default_rules,
                                           &o->no_default_rules,
                                           c->no_default_rules);
    from->fail_on = cli_merge_int(o->fail_on_given, &o->fail_on, c->fail_on);
    from->fail_on_incomplete = cli_merge_int(o->fail_on_incomplete,
                                             &o->fail_on_incomplete,
                                             c->fail_on_incomplete);
    from->assume_borrow = cli_merge_int(o->assume_borrow, &o->assume_borrow,
                                        c->assume_borrow);
    from->no_guess_includes = cli_merge_int(o->no_guess_includes,
                                            &o->no_guess_includes,
                                            c->no_guess_includes);
    cli_merge_rules(c, o, from);
    cli_merge_packs(c, o, from);
    from->baseline = cli_merge_baseline(c, o);
}

void cli_config_free(cli_config *c)
{
    if (!c)
        return;
    free(c->path);
    free(c->dir);
    cli_strvec_free(&c->rules);
    free(c->baseline);
    cli_strvec_free(&c->exclude);
    cli_config_clear(c);
}
