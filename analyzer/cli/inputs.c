/* inputs.c — PATH arguments to .c files, and path arithmetic (see inputs.h).
 * Directory walks are sorted by name (strcmp), so the file order, and with it
 * the progress output, does not depend on the file system. */
#include "cli/inputs.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Normalizes the absolute path abs in place: drops "." segments, empty
 * segments and ".." with the segment before it ("/.." stays "/"). */
static void cli_path_normalize(char *abs)
{
    size_t len = strlen(abs), out = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && abs[i] == '/')
            i++;
        size_t start = i;
        while (i < len && abs[i] != '/')
            i++;
        size_t seg = i - start;
        if (seg == 0 || (seg == 1 && abs[start] == '.'))
            continue;
        if (seg == 2 && abs[start] == '.' && abs[start + 1] == '.') {
            while (out > 0 && abs[out - 1] != '/')
                out--;
            if (out > 0)
                out--;   /* the '/' before the dropped segment */
            continue;
        }
        abs[out++] = '/';
        memmove(abs + out, abs + start, seg);
        out += seg;
    }
    if (out == 0)
        abs[out++] = '/';
    abs[out] = '\0';
}

static char *cli_getcwd(void)
{
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf))
        return NULL;
    return cli_xstrdup(buf);
}

char *cli_path_absolute(const char *path, const char *base)
{
    char *abs;
    if (path[0] == '/') {
        abs = cli_xstrdup(path);
    } else {
        char *b = base ? cli_path_absolute(base, NULL) : cli_getcwd();
        if (!b)
            return NULL;
        abs = cli_strf("%s/%s", b, path);
        free(b);
    }
    cli_path_normalize(abs);
    return abs;
}

char *cli_path_canonical(const char *path, const char *base)
{
    char *abs = cli_path_absolute(path, base);
    if (!abs)
        return NULL;
    char *real = realpath(abs, NULL);
    if (!real)
        return abs;
    free(abs);
    return real;
}

int cli_path_is_under(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/')
        return path[0] == '/';
    return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* path relative to dir when under it (a malloc'd string), else NULL. */
static char *cli_path_relative_to(const char *path, const char *dir)
{
    if (!cli_path_is_under(path, dir))
        return NULL;
    size_t n = strlen(dir);
    if (path[n] == '\0')
        return cli_xstrdup(".");
    return cli_xstrdup(path + (n == 1 ? 1 : n + 1));
}

char *cli_path_display(const char *path)
{
    char *cwd = cli_getcwd(), *abs = NULL, *real = NULL, *rel = NULL;
    if (cwd) {
        abs = cli_path_absolute(path, cwd);
        rel = cli_path_relative_to(abs, cwd);
        if (!rel && (real = realpath(abs, NULL)) != NULL)
            rel = cli_path_relative_to(real, cwd);
    }
    free(cwd);
    free(abs);
    free(real);
    return rel ? rel : cli_xstrdup(path);
}

int cli_is_c_file(const char *name)
{
    size_t n = strlen(name);
    return n > 2 && strcmp(name + n - 2, ".c") == 0;
}

static char *cli_path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    if (n == 1 && dir[0] == '.')
        return cli_xstrdup(name);
    if (n == 1 && dir[0] == '/')
        return cli_strf("/%s", name);
    return cli_strf("%.*s/%s", (int)n, dir, name);
}

/* Reads the visible entry names of dir, sorted.  Returns 0 or -1 (errno). */
static int cli_read_dir(const char *dir, cli_strvec *names)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] != '.')
            cli_strvec_push(names, e->d_name);
    }
    int saved = errno;
    closedir(d);
    if (saved) {
        errno = saved;
        return -1;
    }
    if (names->n)
        qsort(names->v, names->n, sizeof *names->v, cli_strcmp_p);
    return 0;
}

/* The walk below dir, which has been read into names. */
static int cli_walk_names(const char *dir, const cli_strvec *names,
                          cli_walk_visit visit, cli_walk_skip skip, void *ctx)
{
    int rc = 0;
    for (size_t i = 0; i < names->n && rc == 0; i++) {
        char *p = cli_path_join(dir, names->v[i]);
        struct stat st;
        int found = lstat(p, &st) == 0;
        if (!found && errno == ENAMETOOLONG) {
            if (skip)   /* the system cannot open it: named, not lost */
                skip(p, ENAMETOOLONG, ctx);
            free(p);
            continue;
        }
        int is_link = found && S_ISLNK(st.st_mode);
        if (!found || (is_link && stat(p, &st) != 0)) {
            free(p);    /* vanished, or a dangling link */
            continue;
        }
        if (is_link && S_ISDIR(st.st_mode)) {
            free(p);    /* a link to a directory: not followed (no cycles) */
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            cli_strvec sub = {0};
            if (cli_read_dir(p, &sub) < 0) {
                if (skip)
                    skip(p, errno, ctx);
            } else {
                rc = cli_walk_names(p, &sub, visit, skip, ctx);
            }
            cli_strvec_free(&sub);
        } else if (S_ISREG(st.st_mode) && visit(p, names->v[i], ctx)) {
            rc = 1;
        }
        free(p);
    }
    return rc;
}

int cli_walk_files(const char *dir, cli_walk_visit visit, cli_walk_skip skip,
                   void *ctx, char **err)
{
    cli_strvec names = {0};
    int rc = 0;
    if (cli_read_dir(dir, &names) < 0) {
        if (err)
            *err = cli_strf("%s: %s", dir, strerror(errno));
        rc = err ? -1 : 0;
    } else {
        rc = cli_walk_names(dir, &names, visit, skip, ctx);
    }
    cli_strvec_free(&names);
    return rc;
}

/* What cli_collect_files gathers from a walk. */
typedef struct cli_collect {
    cli_strvec *files;
    report_incomplete_list *skipped;
} cli_collect;

/* cli_walk_files visitor of cli_collect_files: keeps the .c files. */
static int cli_keep_c_file(const char *path, const char *name, void *ctx)
{
    cli_collect *c = ctx;
    if (cli_is_c_file(name))
        cli_strvec_push(c->files, path);
    return 0;
}

/* cli_walk_files skip callback of cli_collect_files: lists what it left. */
static void cli_note_skipped(const char *path, int errnum, void *ctx)
{
    cli_collect *c = ctx;
    if (!c->skipped)
        return;
    char *shown = cli_path_display(path);
    char *detail = errnum == ENAMETOOLONG
        ? cli_strf("%zu bytes; the system takes at most %d", strlen(shown),
                   PATH_MAX - 1)
        : cli_xstrdup(strerror(errnum));
    if (report_incomplete_add(c->skipped,
                              errnum == ENAMETOOLONG ? RI_PATH_TOO_LONG
                                                     : RI_DIR_UNREADABLE,
                              shown, NULL, detail) != 0)
        abort();
    free(shown);
    free(detail);
}

static int cli_collect_one(const char *path, cli_strvec *files,
                           report_incomplete_list *skipped, char **err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        *err = cli_strf("%s: %s", path, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        cli_collect c = {files, skipped};
        return cli_walk_files(path, cli_keep_c_file, cli_note_skipped, &c, err);
    }
    if (!S_ISREG(st.st_mode)) {
        *err = cli_strf("%s: not a regular file or directory", path);
        return -1;
    }
    cli_strvec_push(files, path);
    return 0;
}

typedef struct cli_keyed {
    char *key;
    size_t index;
} cli_keyed;

static int cli_keyed_cmp(const void *a, const void *b)
{
    const cli_keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Drops the entries of files naming a file already listed, keeping the
 * first occurrence and the order. */
static void cli_dedupe_files(cli_strvec *files)
{
    size_t n = files->n;
    if (n < 2)
        return;
    cli_keyed *k = cli_xmalloc(n * sizeof *k);
    unsigned char *drop = calloc(n, 1);
    if (!drop)
        abort();
    for (size_t i = 0; i < n; i++) {
        k[i].key = cli_path_canonical(files->v[i], NULL);
        if (!k[i].key)
            k[i].key = cli_xstrdup(files->v[i]);
        k[i].index = i;
    }
    qsort(k, n, sizeof *k, cli_keyed_cmp);
    for (size_t i = 1; i < n; i++)
        if (strcmp(k[i].key, k[i - 1].key) == 0)
            drop[k[i].index] = 1;
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        free(k[i].key);
        if (drop[i])
            free(files->v[i]);
        else
            files->v[out++] = files->v[i];
    }
    files->n = out;
    files->v[out] = NULL;
    free(k);
    free(drop);
}

int cli_collect_files(const char *const *paths, size_t n, cli_strvec *files,
                      report_incomplete_list *skipped, char **err)
{
    for (size_t i = 0; i < n; i++)
        if (cli_collect_one(paths[i], files, skipped, err) < 0)
            return -1;
    cli_dedupe_files(files);
    return 0;
}
