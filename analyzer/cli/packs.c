/* packs.c — chooses the default rule-pack directory and loads the packs the
 * options name (see packs.h). */
#include "cli/packs.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/util.h"
#include "rules/load.h"

#ifndef SOCKLEAK_INSTALL_RULES_DIR
#define SOCKLEAK_INSTALL_RULES_DIR "/usr/local/share/sockleak/rules"
#endif
#ifndef SOCKLEAK_SOURCE_RULES_DIR
#define SOCKLEAK_SOURCE_RULES_DIR "rules"
#endif

static int cli_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* <dir of /proc/self/exe>/../share/sockleak/rules, or NULL. */
static char *cli_rules_next_to_exe(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    char *dir = cli_strf("%s/../share/sockleak/rules", exe);
    if (cli_is_dir(dir))
        return dir;
    free(dir);
    return NULL;
}

char *cli_default_rules_dir(void)
{
    const char *env = getenv("SOCKLEAK_RULES_DIR");
    if (env && env[0])
        return cli_xstrdup(env);
    char *dir = cli_rules_next_to_exe();
    if (dir)
        return dir;
    if (cli_is_dir(SOCKLEAK_INSTALL_RULES_DIR))
        return cli_xstrdup(SOCKLEAK_INSTALL_RULES_DIR);
    return cli_xstrdup(SOCKLEAK_SOURCE_RULES_DIR);
}

rules_table *cli_load_rules(const cli_options *o, char **err)
{
    rules_table *t = rules_table_new();
    if (!t) {
        *err = cli_xstrdup("out of memory");
        return NULL;
    }
    int rc = 0;
    if (!o->no_default_rules) {
        char *dir = cli_default_rules_dir();
        rc = rules_load_dir(t, dir, err);
        free(dir);
    }
    for (size_t i = 0; rc == 0 && i < o->nrules; i++)
        rc = rules_load_file(t, o->rules[i], err);
    if (rc == 0)
        return t;
    rules_table_free(t);
    return NULL;
}
