/* compdb.c — compile_commands.json reading (see compdb.h): the cJSON check
 * that gives errors their positions, the staging libclang needs for other
 * names and relative directories, entries read through front/cdb.h with
 * their language and filtered arguments, and the upward search for a
 * database.  Entries are kept in database order. */
#include "cli/compdb.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/inputs.h"
#include "cli/interrupt.h"
#include "front/cdb.h"
#include "util/readfile.h"

#define CLI_COMPDB_NAME "compile_commands.json"

/* ---- argument filtering ---- */

static int cli_in_list(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

/* Compiler launchers that run the real compiler named by the next word. */
static const char *const cli_launchers[] = {
    "ccache", "sccache", "distcc", "icecc", NULL,
};
/* Options dropped alone. */
static const char *const cli_drop_flags[] = {
    "-c", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG", NULL,
};
/* Options dropped with whatever follows them in the same argument. */
static const char *const cli_drop_prefixed[] = {"--driver-mode=", NULL};
/* Options dropped with their value ("-o X" or "-oX"). */
static const char *const cli_drop_valued[] = {
    "-o", "-MF", "-MT", "-MQ", "-MJ", NULL,
};

static const char *cli_basename(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* 0: keep argv[i]; otherwise the number of arguments to drop from i. */
static size_t cli_drop_count(const char *a, size_t i, size_t argc)
{
    if (cli_in_list(a, cli_drop_flags))
        return 1;
    for (const char *const *p = cli_drop_prefixed; *p; p++)
        if (strncmp(a, *p, strlen(*p)) == 0)
            return 1;
    for (const char *const *v = cli_drop_valued; *v; v++) {
        size_t n = strlen(*v);
        if (strncmp(a, *v, n) != 0)
            continue;
        if (a[n])
            return 1;                      /* joined: -oX, -MFdeps.d */
        return i + 1 < argc ? 2 : 1;
    }
    return 0;
}

static int cli_names_file(const char *a, const char *file_arg,
                          const char *canon_file, const char *dir)
{
    if (a[0] == '-')
        return 0;
    if (strcmp(a, file_arg) == 0)
        return 1;
    char *c = cli_path_canonical(a, dir);
    int same = c && strcmp(c, canon_file) == 0;
    free(c);
    return same;
}

/* Options whose value is a path, longest first where one is a prefix of
 * another.  Those ending in '=' only take a joined value. */
static const char *const cli_path_opts[] = {
    "-include-pch", "-include", "-imacros", "-isystem-after", "-isystem",
    "-isysroot", "-idirafter", "-iquote", "-iprefix", "-iframework",
    "-ivfsoverlay", "-cxx-isystem", "--include-directory=", "--sysroot=",
    "--sysroot", "-fmodule-map-file=", "-I", "-F", NULL,
};

/* value taken against dir, unless absolute, empty or sysroot-relative. */
static char *cli_abs_value(const char *value, const char *dir)
{
    if (!value[0] || value[0] == '/' || value[0] == '=' || value[0] == '$' ||
        strcmp(value, "-") == 0)
        return cli_xstrdup(value);
    char *abs = cli_path_absolute(value, dir);
    return abs ? abs : cli_xstrdup(value);
}

/* Appends argv[i] to out with any path value made absolute against dir;
 * returns how many arguments were consumed (2 for "-I dir"). */
static size_t cli_push_absolute(const char *const *argv, size_t i,
                                size_t argc, const char *dir, cli_strvec *out)
{
    const char *a = argv[i];
    if (a[0] == '@') {                       /* response file */
        char *abs = cli_abs_value(a + 1, dir);
        cli_strvec_take(out, cli_strf("@%s", abs));
        free(abs);
        return 1;
    }
    for (const char *const *o = cli_path_opts; *o; o++) {
        size_t n = strlen(*o);
        if (strncmp(a, *o, n) != 0)
            continue;
        if (a[n]) {                          /* joined: -Iinc */
            char *abs = cli_abs_value(a + n, dir);
            cli_strvec_take(out, cli_strf("%s%s", *o, abs));
            free(abs);
            return 1;
        }
        if ((*o)[n - 1] == '=' || i + 1 >= argc)
            break;
        cli_strvec_push(out, a);             /* separate: -I inc */
        cli_strvec_take(out, cli_abs_value(argv[i + 1], dir));
        return 2;
    }
    cli_strvec_push(out, a);
    return 1;
}

void cli_compdb_filter_args(const char *const *argv, size_t argc,
                            const char *file_arg, const char *canon_file,
                            const char *dir, cli_strvec *out)
{
    size_t i = 1;   /* argv[0] is the compiler */
    if (argc > 1 && cli_in_list(cli_basename(argv[0]), cli_launchers))
        i = 2;
    while (i < argc) {
        size_t drop = cli_drop_count(argv[i], i, argc);
        if (!drop && cli_names_file(argv[i], file_arg, canon_file, dir))
            drop = 1;
        i += drop ? drop : cli_push_absolute(argv, i, argc, dir, out);
    }
}

/* ---- languages ---- */

static const char *const cli_cxx_exts[] = {
    "cc", "cp", "cpp", "cxx", "CPP", "c++", "C", NULL,
};
static const char *const cli_asm_exts[] = {"s", "S", "sx", "asm", NULL};

/* The value of a -x option at argv[*i] (advancing *i past a separate
 * value), or NULL when argv[*i] is not one. */
static const char *cli_x_value(const char *const *argv, size_t *i, size_t argc)
{
    const char *a = argv[*i];
    int separate = strcmp(a, "-x") == 0 || strcmp(a, "--language") == 0;
    if (separate)
        return *i + 1 < argc ? argv[++*i] : NULL;
    if (strncmp(a, "--language=", 11) == 0)
        return a + 11;
    if (strncmp(a, "-x", 2) == 0)
        return a + 2;
    return NULL;
}

cli_lang cli_compdb_lang(const char *file_arg, const char *const *argv,
                         size_t argc)
{
    const char *x = NULL;
    for (size_t i = 1; i < argc; i++) {
        const char *v = cli_x_value(argv, &i, argc);
        if (v)
            x = strcmp(v, "none") == 0 ? NULL : v;
    }
    if (x)
        return strncmp(x, "c++", 3) == 0         ? CLI_LANG_CXX
               : strncmp(x, "assembler", 9) == 0 ? CLI_LANG_ASM
                                                 : CLI_LANG_C;
    const char *dot = strrchr(cli_basename(file_arg), '.');
    if (dot && cli_in_list(dot + 1, cli_cxx_exts))
        return CLI_LANG_CXX;
    if (dot && cli_in_list(dot + 1, cli_asm_exts))
        return CLI_LANG_ASM;
    return CLI_LANG_C;
}

/* ---- checking the JSON (positions and entry numbers for errors) ---- */

static char *cli_read_all(const char *path, char **err)
{
    size_t len;
    char *why = NULL;
    char *buf = sl_read_file(path, SL_READ_LIMIT, 0, &len, &why);
    if (!buf)
        *err = cli_strf("%s: %s", path, why ? why : "out of memory");
    free(why);
    return buf;
}

/* "PATH:LINE:COL: malformed JSON" for an error at pos in text. */
static char *cli_json_error(const char *path, const char *text,
                            const char *pos)
{
    unsigned line = 1, col = 1;
    for (const char *p = text; pos && p < pos && *p; p++) {
        if (*p == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    return cli_strf("%s:%u:%u: malformed JSON in compilation database", path,
                    line, col);
}

static const char *cli_json_string(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* NULL when e is an entry libclang can read (once its "directory" is
 * absolute), else a static description of what is wrong. */
static const char *cli_entry_problem(const cJSON *e)
{
    if (!cJSON_IsObject(e) || !cli_json_string(e, "file"))
        return "no \"file\" string";
    if (!cli_json_string(e, "directory") &&
        cJSON_GetObjectItemCaseSensitive(e, "directory"))
        return "\"directory\" is not a string";
    const cJSON *args = cJSON_GetObjectItemCaseSensitive(e, "arguments");
    if (cJSON_IsArray(args)) {
        const cJSON *a;
        cJSON_ArrayForEach(a, args) {
            if (!cJSON_IsString(a))
                return "\"arguments\" holds a non-string";
        }
        return NULL;
    }
    if (!cli_json_string(e, "command"))
        return "neither an \"arguments\" array nor a \"command\" string";
    return NULL;
}

/* Checks every entry of root; *absolute is cleared when some "directory"
 * is missing or relative.  Returns 0, or -1 with *err set. */
static int cli_compdb_check(const cJSON *root, const char *path,
                            int *absolute, char **err)
{
    if (!cJSON_IsArray(root)) {
        *err = cli_strf("%s: not a JSON array of compile commands", path);
        return -1;
    }
    size_t i = 0;
    const cJSON *e;
    *absolute = 1;
    cJSON_ArrayForEach(e, root) {
        const char *why = cli_entry_problem(e);
        if (why) {
            *err = cli_strf("%s: entry %zu: %s", path, i + 1, why);
            return -1;
        }
        const char *dir = cli_json_string(e, "directory");
        if (!dir || dir[0] != '/')
            *absolute = 0;
        i++;
    }
    return 0;
}

/* ---- staging a database for libclang ---- */

/* A private directory holding compile_commands.json for libclang. */
typedef struct cli_stage {
    char *dir;       /* NULL: the database is read where it is */
    char *file;      /* dir/compile_commands.json */
    int dir_id, file_id;   /* their ids in interrupt.h's table (removed if
                              a signal ends the run), or -1 */
} cli_stage;

static int cli_stage_dir(cli_stage *st, char **err)
{
    const char *tmp = getenv("TMPDIR");
    st->dir = cli_strf("%s/sockleak-cdb-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    cli_interrupt_lock();
    int made = mkdtemp(st->dir) != NULL;
    int e = errno;
    st->dir_id = made ? cli_interrupt_track(st->dir, 1) : -1;
    cli_interrupt_unlock();
    errno = e;
    if (!made) {
        *err = cli_strf("cannot create a temporary directory for libclang "
                        "(%s): %s", st->dir, strerror(errno));
        free(st->dir);
        st->dir = NULL;
        return -1;
    }
    st->file = cli_strf("%s/%s", st->dir, CLI_COMPDB_NAME);
    return 0;
}

/* Writes root to st->file with every "directory" absolute against dbdir. */
static int cli_stage_copy(cli_stage *st, cJSON *root, const char *dbdir,
                          char **err)
{
    cJSON *e;
    cJSON_ArrayForEach(e, root) {
        const char *dir = cli_json_string(e, "directory");
        if (dir && dir[0] == '/')
            continue;
        char *abs = cli_path_absolute(dir ? dir : ".", dbdir);
        cJSON *v = cJSON_CreateString(abs);
        free(abs);
        if (!v || (dir ? !cJSON_ReplaceItemInObjectCaseSensitive(e, "directory", v)
                       : !cJSON_AddItemToObject(e, "directory", v)))
            abort();
    }
    char *text = cJSON_PrintUnformatted(root);
    cli_interrupt_lock();
    FILE *f = text ? fopen(st->file, "w") : NULL;
    if (f)
        st->file_id = cli_interrupt_track(st->file, 0);
    cli_interrupt_unlock();
    int ok = f && fputs(text, f) >= 0;
    if (f && fclose(f) != 0)
        ok = 0;
    free(text);
    if (!ok)
        *err = cli_strf("%s: %s", st->file, strerror(errno));
    return ok ? 0 : -1;
}

/* The directory libclang reads: the database's own when it can, else a
 * staged one (a link to db_file, or a copy of root with absolute
 * directories).  Returns NULL with *err set on failure. */
static const char *cli_stage_for(cli_stage *st, const char *db_file,
                                 const char *dbdir, cJSON *root, int absolute,
                                 char **err)
{
    if (absolute && strcmp(cli_basename(db_file), CLI_COMPDB_NAME) == 0)
        return dbdir;
    if (cli_stage_dir(st, err) < 0)
        return NULL;
    if (!absolute)
        return cli_stage_copy(st, root, dbdir, err) < 0 ? NULL : st->dir;
    char *target = cli_path_absolute(db_file, NULL);
    cli_interrupt_lock();
    int rc = target ? symlink(target, st->file) : -1;
    if (rc == 0)
        st->file_id = cli_interrupt_track(st->file, 0);
    cli_interrupt_unlock();
    if (rc < 0)
        *err = cli_strf("%s: %s", st->file, strerror(errno));
    free(target);
    return rc < 0 ? NULL : st->dir;
}

static void cli_stage_remove(cli_stage *st)
{
    cli_interrupt_lock();
    if (st->file)
        unlink(st->file);
    if (st->dir)
        rmdir(st->dir);
    cli_interrupt_forget(st->file_id);
    cli_interrupt_forget(st->dir_id);
    cli_interrupt_unlock();
    free(st->file);
    free(st->dir);
}

/* ---- reading the database ---- */

/* Fills *out from the command libclang read; dbdir is the database's
 * directory. */
static int cli_entry_load(const front_cdb_command *c, const char *dbdir,
                          cli_compdb_entry *out)
{
    out->dir = cli_path_absolute(c->dir[0] ? c->dir : ".", dbdir);
    out->file = out->dir ? cli_path_canonical(c->file, out->dir) : NULL;
    if (!out->file)
        return -1;
    const char *const *argv = (const char *const *)c->argv;
    out->lang = cli_compdb_lang(c->file, argv, c->argc);
    if (out->lang == CLI_LANG_C)
        cli_compdb_filter_args(argv, c->argc, c->file, out->file, out->dir,
                               &out->args);
    return 0;
}

static void cli_entry_free(cli_compdb_entry *e)
{
    free(e->file);
    free(e->dir);
    cli_strvec_free(&e->args);
}

/* Reads the checked database through libclang into db. */
static int cli_compdb_fill(cli_compdb *db, cJSON *root, const char *dbdir,
                           int absolute, char **err)
{
    cli_stage st = {.dir_id = -1, .file_id = -1};
    front_cdb fdb = {0};
    char *why = NULL;
    const char *dir =
        cli_stage_for(&st, db->path, dbdir, root, absolute, &why);
    int rc = dir ? front_cdb_load(dir, &fdb, &why) : -1;
    cli_stage_remove(&st);
    if (rc == 0 && fdb.n != (size_t)cJSON_GetArraySize(root)) {
        why = cli_strf("libclang read %zu entries of %d", fdb.n,
                       cJSON_GetArraySize(root));
        rc = -1;
    }
    if (rc == 0)
        db->items = cli_xmalloc((fdb.n ? fdb.n : 1) * sizeof *db->items);
    for (size_t i = 0; rc == 0 && i < fdb.n; i++) {
        memset(&db->items[i], 0, sizeof db->items[i]);
        if (cli_entry_load(&fdb.cmds[i], dbdir, &db->items[i]) < 0) {
            cli_entry_free(&db->items[i]);
            why = cli_xstrdup("cannot determine the current directory");
            rc = -1;
        } else {
            db->n++;
        }
    }
    front_cdb_free(&fdb);
    if (rc < 0)
        *err = cli_strf("%s: %s", db->path, why ? why : "cannot be read");
    free(why);
    return rc;
}

/* The database file named by path (a file, or a directory holding one). */
static char *cli_compdb_file(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return cli_strf("%s/%s", path, CLI_COMPDB_NAME);
    return cli_xstrdup(path);
}

int cli_compdb_load(const char *path, cli_compdb *db, char **err)
{
    memset(db, 0, sizeof *db);
    db->path = cli_compdb_file(path);
    char *text = cli_read_all(db->path, err);
    if (!text) {
        cli_compdb_free(db);
        return -1;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(text, &end, 1);
    int absolute = 1, rc = -1;
    char *dbdir = cli_path_absolute(db->path, NULL);
    char *slash = dbdir ? strrchr(dbdir, '/') : NULL;
    if (slash)
        *(slash == dbdir ? slash + 1 : slash) = '\0';
    if (!root)
        *err = cli_json_error(db->path, text, end);
    else if (!dbdir)
        *err = cli_strf("%s: cannot determine the current directory", db->path);
    else if (cli_compdb_check(root, db->path, &absolute, err) == 0)
        rc = cli_compdb_fill(db, root, dbdir, absolute, err);
    cJSON_Delete(root);
    free(text);
    free(dbdir);
    if (rc < 0)
        cli_compdb_free(db);
    return rc;
}

void cli_compdb_free(cli_compdb *db)
{
    if (!db)
        return;
    for (size_t i = 0; i < db->n; i++)
        cli_entry_free(&db->items[i]);
    free(db->items);
    free(db->path);
    memset(db, 0, sizeof *db);
}
/* ---- finding a database ---- */

static int cli_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *cli_compdb_find(const char *dir, int *in_dir)
{
    char *d = cli_xstrdup(dir);
    *in_dir = 1;
    for (;;) {
        const char *sep = strcmp(d, "/") == 0 ? "" : "/";
        char *here = cli_strf("%s%s%s", d, sep, CLI_COMPDB_NAME);
        char *build = cli_strf("%s%sbuild/%s", d, sep, CLI_COMPDB_NAME);
        char *found = cli_is_file(here) ? here : cli_is_file(build) ? build : NULL;
        if (found != here)
            free(here);
        if (found != build)
            free(build);
        if (found || strcmp(d, "/") == 0) {
            free(d);
            return found;
        }
        char *slash = strrchr(d, '/');
        *(slash == d ? slash + 1 : slash) = '\0';
        *in_dir = 0;
    }
}
