/* packs.c — chooses the default rule-pack directory and loads the packs the
 * options name (see packs.h). */
#include "cli/packs.h"

#include <dirent.h>
#include <errno.h>
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

/* A default pack's name: *.json, not *.schema.json, not hidden. */
static int cli_is_default_pack(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0 &&
           !(n > 12 && strcmp(name + n - 12, ".schema.json") == 0);
}

/* Appends dir's default packs, sorted by name. */
static int cli_default_packs(const char *dir, cli_strvec *out, char **err)
{
    DIR *d = opendir(dir);
    if (!d) {
        *err = cli_strf("%s: cannot read directory: %s", dir, strerror(errno));
        return -1;
    }
    cli_strvec names = {0};
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        if (cli_is_default_pack(de->d_name))
            cli_strvec_push(&names, de->d_name);
    closedir(d);
    if (names.n)
        qsort(names.v, names.n, sizeof *names.v, cli_strcmp_p);
    for (size_t i = 0; i < names.n; i++)
        cli_strvec_take(out, cli_strf("%s/%s", dir, names.v[i]));
    cli_strvec_free(&names);
    return 0;
}

int cli_pack_paths(const cli_options *o, cli_strvec *out, size_t *ndefault,
                   char **err)
{
    *ndefault = 0;
    if (!o->no_default_rules) {
        char *dir = cli_default_rules_dir();
        int rc = cli_default_packs(dir, out, err);
        free(dir);
        if (rc < 0)
            return -1;
        *ndefault = out->n;
    }
    for (size_t i = 0; i < o->nrules; i++)
        cli_strvec_push(out, o->rules[i]);
    return 0;
}

rules_table *cli_load_rules(const cli_options *o, char **err)
{
    cli_strvec paths = {0};
    size_t ndefault;
    if (cli_pack_paths(o, &paths, &ndefault, err) < 0)
        return NULL;
    rules_table *t = rules_table_new();
    if (!t) {
        cli_strvec_free(&paths);
        *err = cli_xstrdup("out of memory");
        return NULL;
    }
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < paths.n; i++)
        rc = rules_load_file(t, paths.v[i], err);
    cli_strvec_free(&paths);
    if (rc == 0)
        return t;
    rules_table_free(t);
    return NULL;
}
