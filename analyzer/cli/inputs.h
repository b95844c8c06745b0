/* inputs.h — turns PATH arguments into the list of .c files to analyze, and
 * the path arithmetic the CLI needs (absolute forms, "is under", display
 * form).  It reads directories but never opens or parses a source file and
 * never changes the process's directory.  cli_walk_files is the one
 * directory walk: the include guesser (guess.h) walks trees with it too. */
#ifndef SOCKLEAK_CLI_INPUTS_H
#define SOCKLEAK_CLI_INPUTS_H

#include <stddef.h>

#include "cli/util.h"
#include "report/incomplete.h"

/* Returns the malloc'd absolute, lexically normalized form of path ("." and
 * ".." segments and repeated '/' removed): relative paths are taken against
 * base, or against the current directory when base is NULL.  The file need
 * not exist; symbolic links are not resolved.  Returns NULL only when the
 * current directory cannot be determined. */
char *cli_path_absolute(const char *path, const char *base);

/* Like cli_path_absolute, but resolves symbolic links (realpath) when the
 * path exists: the form used to compare files for identity. */
char *cli_path_canonical(const char *path, const char *base);

/* Nonzero when path equals dir or lies below it.  Both must be absolute and
 * normalized (as from the two functions above). */
int cli_path_is_under(const char *path, const char *dir);

/* The path as shown to the user: relative to the current directory when it
 * lies under it, else unchanged.  Returns a malloc'd string. */
char *cli_path_display(const char *path);

/* Nonzero when name ends in ".c". */
int cli_is_c_file(const char *name);

/* Called by cli_walk_files for each regular file: path is the walked
 * directory joined with the file's path below it, name its last segment
 * (both valid only during the call).  Returns nonzero to stop the walk. */
typedef int (*cli_walk_visit)(const char *path, const char *name, void *ctx);

/* Called by cli_walk_files for what it could not go into, and went on
 * without: path (valid only during the call) and errnum, ENAMETOOLONG for
 * an entry whose path is longer than the system takes (PATH_MAX), else
 * why a directory below the walked one could not be read. */
typedef void (*cli_walk_skip)(const char *path, int errnum, void *ctx);

/* Calls visit(path, name, ctx) for every regular file below dir, in name
 * order (strcmp), skipping hidden entries (".name"), dangling links and
 * symbolic links to directories (so a walk always ends).  A subdirectory
 * that cannot be read and a path longer than PATH_MAX are skipped, each
 * passed to skip (NULL: silently).  Returns 0 when the walk went through,
 * 1 when visit stopped it.  When dir itself cannot be read, that is an
 * error -- -1 with *err a malloc'd "DIR: reason" -- or, when err is NULL,
 * an empty walk. */
int cli_walk_files(const char *dir, cli_walk_visit visit, cli_walk_skip skip,
                   void *ctx, char **err);

/* Appends to files the files named by paths[0..n-1]: a regular file is taken
 * as is (whatever its extension); a directory is searched recursively for
 * *.c files, in name order, skipping hidden entries (".name") and not
 * following symbolic links to directories.  A file reached twice (by two
 * paths) is listed once.  A subdirectory that cannot be read and a path
 * longer than PATH_MAX are left out and added to skipped (when not NULL)
 * as RI_DIR_UNREADABLE / RI_PATH_TOO_LONG items, in display form.  Returns
 * 0, or -1 with *err a malloc'd message ("PATH: No such file or
 * directory") when a path does not exist or a directory PATH itself cannot
 * be read. */
int cli_collect_files(const char *const *paths, size_t n, cli_strvec *files,
                      report_incomplete_list *skipped, char **err);

#endif
