/* showcfg.c — prints the effective configuration for --show-config (see
 * showcfg.h).  The format is for people: "key: value (origin)" lines and
 * indented lists, stable enough to grep. */
#include "cli/showcfg.h"

#include <stdlib.h>

#include "cli/packs.h"
#include "engine/engine.h"
#include "util/escape.h"

static const char *cli_origin_name(unsigned char from)
{
    static const char *const names[] = {
        [CLI_FROM_DEFAULT] = "default",
        [CLI_FROM_CONFIG] = "config",
        [CLI_FROM_CMDLINE] = "command line",
    };
    return from <= CLI_FROM_CMDLINE ? names[from] : "?";
}

static int cli_show_packs(FILE *out, const cli_options *o,
                          const cli_origins *from, char **err)
{
    cli_strvec paths = {0};
    size_t ndef;
    if (cli_pack_paths(o, &paths, &ndef, err) < 0)
        return -1;
    fprintf(out, "default packs: %s (%s)\n", o->no_default_rules ? "off" : "on",
            cli_origin_name(from->no_default_rules));
    fprintf(out, "rule packs:%s\n", paths.n ? "" : " none");
    for (size_t i = 0; i < paths.n; i++) {
        const char *src = i < ndef                           ? "default"
                          : i < ndef + from->config_rules    ? "config"
                                                             : "--rules";
        fprintf(out, "  %s (%s)\n", ESC(paths.v[i]), src);
    }
    cli_strvec_free(&paths);
    return 0;
}

static void cli_show_rules(FILE *out, const cli_options *o,
                           const cli_origins *from)
{
    eng_options eo;
    eng_options_default(&eo);
    fputs("rules:\n", out);
    for (int r = 0; r < SL_RULE_COUNT; r++) {
        int on = o->rule_toggle[r] ? o->rule_toggle[r] > 0 : eo.enabled[r];
        fprintf(out, "  %-24s %-8s (%s)\n", sl_rule_id((sl_rule)r),
                on ? "enabled" : "disabled", cli_origin_name(from->rule[r]));
    }
}

static void cli_show_exclude(FILE *out, const cli_config *c)
{
    if (!c->path || c->exclude.n == 0) {
        fputs("exclude: none\n", out);
        return;
    }
    fprintf(out, "exclude (relative to %s):\n", ESC(c->dir));
    for (size_t i = 0; i < c->exclude.n; i++)
        fprintf(out, "  %s\n", ESC(c->exclude.v[i]));
}

int cli_show_config(FILE *out, const cli_options *o, const cli_config *c,
                    const cli_origins *from, char **err)
{
    fprintf(out, "config file: %s\n", ESC(c->path ? c->path : "none"));
    if (cli_show_packs(out, o, from, err) < 0)
        return -1;
    cli_show_rules(out, o, from);
    fprintf(out, "fail-on: %s (%s)\n",
            o->fail_on == CLI_FAIL_NEVER ? "never"
                                         : sl_level_name((sl_level)o->fail_on),
            cli_origin_name(from->fail_on));
    fprintf(out, "fail-on-incomplete: %s (%s)\n",
            o->fail_on_incomplete ? "yes" : "no",
            cli_origin_name(from->fail_on_incomplete));
    fprintf(out, "assume-borrow: %s (%s)\n", o->assume_borrow ? "yes" : "no",
            cli_origin_name(from->assume_borrow));
    fprintf(out, "guess-includes: %s (%s)\n",
            o->no_guess_includes ? "no" : "yes",
            cli_origin_name(from->no_guess_includes));
    if (o->baseline)
        fprintf(out, "baseline: %s (%s)\n", ESC(o->baseline),
                cli_origin_name(from->baseline));
    else
        fputs("baseline: none\n", out);
    cli_show_exclude(out, c);
    return 0;
}
