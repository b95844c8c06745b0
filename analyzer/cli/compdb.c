/* compdb.c — compile_commands.json reading (with cJSON), shell-word
 * splitting of "command" entries, argument filtering and the upward search
 * for a database (see compdb.h).  Entries are kept in database order. */
#include "cli/compdb.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/inputs.h"

#define CLI_COMPDB_NAME "compile_commands.json"

/* ---- shell words ---- */

/* A word being built. */
typedef struct cli_word {
    char *s;
    size_t n, cap;
} cli_word;

static void cli_word_put(cli_word *w, char c)
{
    if (w->n + 2 > w->cap) {
        w->cap = w->cap ? w->cap * 2 : 64;
        w->s = cli_xrealloc(w->s, w->cap);
    }
    w->s[w->n++] = c;
    w->s[w->n] = '\0';
}

static int cli_is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Copies a '...' string whose opening quote is before *p; returns the
 * position after the closing quote, or NULL when there is none. */
static const char *cli_single_quoted(const char *p, cli_word *w)
{
    while (*p && *p != '\'')
        cli_word_put(w, *p++);
    return *p ? p + 1 : NULL;
}

/* The same for "...": \ escapes only $ ` " \ and a newline. */
static const char *cli_double_quoted(const char *p, cli_word *w)
{
    while (*p && *p != '"') {
        if (*p == '\\' && p[1] == '\n') {
            p += 2;                      /* line continuation */
            continue;
        }
        if (*p == '\\' && p[1] && strchr("$`\"\\", p[1]))
            p++;
        cli_word_put(w, *p++);
    }
    return *p ? p + 1 : NULL;
}

/* Reads one word starting at p (not blank); returns the position after it,
 * or NULL on an unterminated quote. */
static const char *cli_shell_word(const char *p, cli_word *w)
{
    cli_word_put(w, '\0');   /* an empty word ("") is still a word */
    w->n = 0;
    while (p && *p && !cli_is_blank(*p)) {
        char c = *p++;
        if (c == '\'')
            p = cli_single_quoted(p, w);
        else if (c == '"')
            p = cli_double_quoted(p, w);
        else if (c == '\\' && *p == '\n')
            p++;                         /* line continuation */
        else if (c == '\\' && *p)
            cli_word_put(w, *p++);
        else if (c != '\\')
            cli_word_put(w, c);
    }
    return p;
}

int cli_shell_split(const char *cmd, cli_strvec *out, char **err)
{
    const char *p = cmd;
    for (;;) {
        while (cli_is_blank(*p))
            p++;
        if (!*p)
            return 0;
        cli_word w = {0};
        p = cli_shell_word(p, &w);
        if (!p) {
            free(w.s);
            *err = cli_xstrdup("unterminated quote in \"command\"");
            return -1;
        }
        cli_strvec_take(out, w.s);
    }
}

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

/* ---- reading the database ---- */

static char *cli_read_all(const char *path, char **err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = cli_strf("%s: %s", path, strerror(errno));
        return NULL;
    }
    size_t n = 0, cap = 4096;
    char *buf = cli_xmalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0)
            buf = cli_xrealloc(buf, cap *= 2);
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        *err = cli_strf("%s: read error", path);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
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

/* The raw command words of one entry: "arguments" or split "command". */
static int cli_entry_words(const cJSON *e, cli_strvec *words, char **why)
{
    const cJSON *args = cJSON_GetObjectItemCaseSensitive(e, "arguments");
    if (cJSON_IsArray(args)) {
        const cJSON *a;
        cJSON_ArrayForEach(a, args) {
            if (!cJSON_IsString(a)) {
                *why = cli_xstrdup("\"arguments\" holds a non-string");
                return -1;
            }
            cli_strvec_push(words, a->valuestring);
        }
        return 0;
    }
    const char *cmd = cli_json_string(e, "command");
    if (!cmd) {
        *why = cli_xstrdup("neither an \"arguments\" array nor a \"command\" string");
        return -1;
    }
    return cli_shell_split(cmd, words, why);
}

/* Fills *out from the JSON object e; dbdir is the database's directory. */
static int cli_entry_load(const cJSON *e, const char *dbdir,
                          cli_compdb_entry *out, char **why)
{
    const char *file = cli_json_string(e, "file");
    const char *dir = cli_json_string(e, "directory");
    if (!cJSON_IsObject(e) || !file) {
        *why = cli_xstrdup("no \"file\" string");
        return -1;
    }
    if (!dir && cJSON_GetObjectItemCaseSensitive(e, "directory")) {
        *why = cli_xstrdup("\"directory\" is not a string");
        return -1;
    }
    cli_strvec words = {0};
    if (cli_entry_words(e, &words, why) < 0) {
        cli_strvec_free(&words);
        return -1;
    }
    out->dir = cli_path_absolute(dir ? dir : ".", dbdir);
    out->file = out->dir ? cli_path_canonical(file, out->dir) : NULL;
    if (!out->file) {
        *why = cli_xstrdup("cannot determine the current directory");
        cli_strvec_free(&words);
        return -1;
    }
    cli_compdb_filter_args((const char *const *)words.v, words.n, file,
                           out->file, out->dir, &out->args);
    cli_strvec_free(&words);
    return 0;
}

static void cli_entry_free(cli_compdb_entry *e)
{
    free(e->file);
    free(e->dir);
    cli_strvec_free(&e->args);
}

static int cli_compdb_fill(const cJSON *root, const char *dbdir,
                           cli_compdb *db, char **err)
{
    if (!cJSON_IsArray(root)) {
        *err = cli_strf("%s: not a JSON array of compile commands", db->path);
        return -1;
    }
    size_t n = (size_t)cJSON_GetArraySize(root);
    db->items = calloc(n ? n : 1, sizeof *db->items);
    if (!db->items)
        abort();
    const cJSON *e;
    cJSON_ArrayForEach(e, root) {
        char *why = NULL;
        if (cli_entry_load(e, dbdir, &db->items[db->n], &why) < 0) {
            *err = cli_strf("%s: entry %zu: %s", db->path, db->n + 1, why);
            free(why);
            cli_entry_free(&db->items[db->n]);
            return -1;
        }
        db->n++;
    }
    return 0;
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
    int rc = -1;
    if (!root) {
        *err = cli_json_error(db->path, text, end);
    } else {
        char *abs = cli_path_absolute(db->path, NULL);
        char *slash = abs ? strrchr(abs, '/') : NULL;
        if (slash)
            *(slash == abs ? slash + 1 : slash) = '\0';
        rc = abs ? cli_compdb_fill(root, abs, db, err) : -1;
        if (!abs)
            *err = cli_strf("%s: cannot determine the current directory",
                            db->path);
        free(abs);
    }
    cJSON_Delete(root);
    free(text);
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
