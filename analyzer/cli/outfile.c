/* outfile.c — output files replaced atomically (see outfile.h).  Every
 * temporary is registered with interrupt.h under its lock from the moment
 * mkstemp creates it until it is renamed or removed, so a signal at any
 * point leaves no temporary behind and no output half-written. */
#include "cli/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/interrupt.h"
#include "cli/util.h"

struct cli_outfile {
    char *shown;    /* the path as given, for messages */
    char *target;   /* the file the temporary replaces; NULL: a stream */
    char *tmp;      /* the temporary; NULL: a stream, or already gone */
    int tmp_id;     /* its id in interrupt.h's table */
    FILE *f;
};

/* The longest part of the target's name kept in the temporary's name, so
 * that ".NAME.sockleak-XXXXXX" stays within NAME_MAX. */
#define CLI_TMP_NAME_KEEP 200

/* What writing path means, from a stat that follows links. */
typedef struct cli_target {
    int exists;
    struct stat st;     /* when exists */
    int stream;         /* written in place: a device, FIFO or socket,
                           or a path that names a descriptor */
    char *file;         /* the file to replace (link resolved); malloc'd */
} cli_target;

/* Nonzero for /dev/stdout, /dev/stderr, /dev/fd/N and /proc/...: they may
 * lead to a regular file, but they mean the descriptor (a file the shell
 * opened for appending, perhaps), not a file to replace. */
static int cli_names_descriptor(const char *path)
{
    return strcmp(path, "/dev/stdout") == 0 ||
           strcmp(path, "/dev/stderr") == 0 ||
           strncmp(path, "/dev/fd/", 8) == 0 || strncmp(path, "/proc/", 6) == 0;
}

/* Fills *t for path; -1 with *err for a directory, an existing file this
 * process may not write, or a stat error other than a missing file. */
static int cli_target_of(const char *path, cli_target *t, char **err)
{
    memset(t, 0, sizeof *t);
    if (stat(path, &t->st) != 0) {
        if (errno != ENOENT) {
            *err = cli_strf("%s: %s", path, strerror(errno));
            return -1;
        }
        t->file = cli_xstrdup(path);
        return 0;
    }
    t->exists = 1;
    if (S_ISDIR(t->st.st_mode)) {
        *err = cli_strf("%s: is a directory", path);
        return -1;
    }
    t->stream = !S_ISREG(t->st.st_mode) || cli_names_descriptor(path);
    /* a file sockleak may not write is not replaced either (renaming over
     * it needs only the directory's permission) */
    if (!t->stream && access(path, W_OK) != 0) {
        *err = cli_strf("%s: %s", path, strerror(errno));
        return -1;
    }
    char *real = t->stream ? NULL : realpath(path, NULL);
    t->file = real ? real : cli_xstrdup(path);
    return 0;
}

/* The directory part of path ("." when it has none); malloc'd. */
static char *cli_dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return cli_xstrdup(".");
    if (slash == path)
        return cli_xstrdup("/");
    return cli_strf("%.*s", (int)(slash - path), path);
}

int cli_outfile_check(const char *path, char **err)
{
    if (!path)
        return 0;
    cli_target t;
    if (cli_target_of(path, &t, err) < 0)
        return -1;
    int rc = 0;
    if (!t.stream) {
        char *dir = cli_dir_of(t.file);
        if (access(dir, W_OK | X_OK) != 0) {
            *err = cli_strf("%s: cannot create a file in %s: %s", path, dir,
                            strerror(errno));
            rc = -1;
        }
        free(dir);
    }
    free(t.file);
    return rc;
}

/* The process's umask.  umask() both reads and sets it, so it is put back
 * at once; outputs are opened from the main thread once the workers are
 * done, when no other thread creates files. */
static mode_t cli_umask(void)
{
    mode_t m = umask(022);
    umask(m);
    return m;
}

/* A new temporary next to t->file, registered; *fd set.  NULL with *err
 * on failure. */
static char *cli_make_temp(const char *shown, const cli_target *t, int *fd,
                           int *id, char **err)
{
    char *dir = cli_dir_of(t->file);
    const char *base = strrchr(t->file, '/');
    base = base ? base + 1 : t->file;
    char *tmp = cli_strf("%s/.%.*s.sockleak-XXXXXX", dir, CLI_TMP_NAME_KEEP,
                         base);
    cli_interrupt_lock();
    *fd = mkstemp(tmp);
    int e = errno;
    *id = *fd >= 0 ? cli_interrupt_track(tmp, 0) : -1;
    cli_interrupt_unlock();
    if (*fd < 0) {
        *err = cli_strf("%s: cannot create a file in %s: %s", shown, dir,
                        strerror(e));
        free(tmp);
        tmp = NULL;
    }
    free(dir);
    return tmp;
}

/* Removes o's temporary, if any, and forgets it. */
static void cli_drop_temp(cli_outfile *o)
{
    if (!o->tmp)
        return;
    cli_interrupt_lock();
    unlink(o->tmp);
    cli_interrupt_forget(o->tmp_id);
    cli_interrupt_unlock();
    free(o->tmp);
    o->tmp = NULL;
}

/* Gives the temporary fd the permissions (and owner) the replaced file has,
 * or those of a plain create. */
static int cli_set_mode(int fd, const cli_target *t)
{
    if (!t->exists)
        return fchmod(fd, 0666 & ~cli_umask());
    /* keep the owner where allowed (root); elsewhere the new file belongs
     * to whoever runs sockleak, as after any rewrite by another user */
    if (t->st.st_uid != geteuid() || t->st.st_gid != getegid())
        if (fchown(fd, t->st.st_uid, t->st.st_gid) != 0)
            errno = 0;
    return fchmod(fd, t->st.st_mode & 07777);
}

cli_outfile *cli_outfile_open(const char *path, char **err)
{
    cli_outfile *o = cli_xmalloc(sizeof *o);
    memset(o, 0, sizeof *o);
    o->tmp_id = -1;
    if (!path) {
        o->shown = cli_xstrdup("standard output");
        o->f = stdout;
        return o;
    }
    o->shown = cli_xstrdup(path);
    cli_target t;
    if (cli_target_of(path, &t, err) < 0) {
        cli_outfile_discard(o);
        return NULL;
    }
    if (t.stream) {
        /* appending: never truncate what the descriptor leads to */
        o->f = fopen(path, "a");
        if (!o->f)
            *err = cli_strf("%s: %s", path, strerror(errno));
    } else {
        int fd;
        o->tmp = cli_make_temp(path, &t, &fd, &o->tmp_id, err);
        if (o->tmp && cli_set_mode(fd, &t) != 0) {
            *err = cli_strf("%s: cannot set the permissions of %s: %s", path,
                            o->tmp, strerror(errno));
            close(fd);
        } else if (o->tmp && !(o->f = fdopen(fd, "w"))) {
            *err = cli_strf("%s: %s", path, strerror(errno));
            close(fd);
        }
        o->target = t.file;
        t.file = NULL;
    }
    free(t.file);
    if (!o->f) {
        cli_outfile_discard(o);
        return NULL;
    }
    return o;
}

FILE *cli_outfile_stream(const cli_outfile *o) { return o->f; }

/* fsync of the directory holding path, so that the rename survives a
 * crash; best effort (some file systems cannot sync a directory). */
static void cli_sync_dir(const char *path)
{
    char *dir = cli_dir_of(path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    free(dir);
}

/* The cause of an earlier failed write on o's stream: stdio drops the
 * data and keeps no errno, but one more byte usually fails the same way
 * (a full disk, a file-size limit).  Only on a temporary, which is removed
 * anyway.  -1 when unknown. */
static int cli_write_cause(cli_outfile *o)
{
    if (!o->tmp)
        return -1;
    clearerr(o->f);
    errno = 0;
    if ((fputc('\n', o->f) == EOF || fflush(o->f) != 0) && errno)
        return errno;
    return -1;
}

/* Flushes, syncs and closes o's stream; returns 0, an errno value, or -1
 * for a write error of unknown cause. */
static int cli_finish_stream(cli_outfile *o)
{
    int e = 0;
    errno = 0;
    if (fflush(o->f) != 0)
        e = errno ? errno : -1;
    else if (ferror(o->f))
        e = cli_write_cause(o);
    /* EINVAL: a file that cannot be synced; nothing to lose */
    if (!e && o->tmp && fsync(fileno(o->f)) != 0 && errno != EINVAL)
        e = errno;
    if (o->f != stdout && fclose(o->f) != 0 && !e)
        e = errno ? errno : -1;
    o->f = NULL;
    return e;
}

int cli_outfile_close(cli_outfile *o, int complete, char **err)
{
    int e = cli_finish_stream(o);
    const char *what = "cannot write";
    if (!e && !complete)
        e = -1;
    if (!e && o->tmp) {
        cli_interrupt_lock();
        if (rename(o->tmp, o->target) != 0) {
            e = errno;
            what = "cannot replace it";
            unlink(o->tmp);
        }
        cli_interrupt_forget(o->tmp_id);
        cli_interrupt_unlock();
        free(o->tmp);
        o->tmp = NULL;
        if (!e)
            cli_sync_dir(o->target);
    }
    if (e)
        *err = cli_strf("%s: %s: %s", o->shown, what,
                        e > 0 ? strerror(e) : "write error");
    cli_outfile_discard(o);
    return e ? -1 : 0;
}

void cli_outfile_discard(cli_outfile *o)
{
    if (!o)
        return;
    if (o->f && o->f != stdout)
        fclose(o->f);
    cli_drop_temp(o);
    free(o->shown);
    free(o->target);
    free(o);
}
