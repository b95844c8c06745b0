/* compdb.h — reads a JSON compilation database (compile_commands.json, both
 * the "arguments" and the shell-quoted "command" forms) into per-file
 * compiler arguments and working directories, and finds a database the way
 * clang-tidy does.  It never changes the process's directory and runs no
 * compiler: it only turns text into argument lists. */
#ifndef SOCKLEAK_CLI_COMPDB_H
#define SOCKLEAK_CLI_COMPDB_H

#include <stddef.h>

#include "cli/util.h"

typedef struct cli_compdb_entry {
    char *file;       /* canonical absolute path of the source file */
    char *dir;        /* absolute working directory of the compile */
    cli_strvec args;  /* compiler arguments for the front: no compiler name,
                         no -c, -o, dependency-file options, no source file;
                         paths in them made absolute against dir */
} cli_compdb_entry;

typedef struct cli_compdb {
    char *path;       /* the compile_commands.json that was read */
    cli_compdb_entry *items;   /* in database order; a file may appear more
                                  than once (several configurations) */
    size_t n;
} cli_compdb;

/* Reads the database at path: a compile_commands.json file, or a directory
 * holding one.  Relative "directory" values are taken against the
 * database's directory (which is also the default when "directory" is
 * absent), relative "file" values against "directory".
 * Returns 0, or -1 with *err a malloc'd message naming the file (and line
 * and column for malformed JSON); *db is then empty.  Free with
 * cli_compdb_free(), which accepts NULL. */
int cli_compdb_load(const char *path, cli_compdb *db, char **err);
void cli_compdb_free(cli_compdb *db);

/* Looks for compile_commands.json in dir, dir/build, then in each parent
 * directory and its build/ (like clang-tidy).  Returns the malloc'd path of
 * the first found, or NULL.  *in_dir is set to nonzero when it was found in
 * dir or dir/build rather than in a parent.  dir must be absolute. */
char *cli_compdb_find(const char *dir, int *in_dir);

/* Splits a shell command line into words, the way sh does for words without
 * expansions: blanks separate, '...' is literal, "..." keeps \ only before
 * $ ` " \ and newline, and \ outside quotes escapes the next character.
 * Appends the words to out.  Returns 0, or -1 with *err a malloc'd message
 * for an unterminated quote. */
int cli_shell_split(const char *cmd, cli_strvec *out, char **err);

/* Appends to out the arguments of the compiler command argv[0..argc-1]
 * that matter for parsing: drops the compiler (and a launcher such as ccache
 * before it), -c, -o X, -M/-MM/-MD/-MMD/-MP/-MG, -MF X, -MT X, -MQ X, -MJ X
 * (joined or separate) and every argument naming the source file: equal to
 * file_arg as written in the database, or to canon_file once taken against
 * dir.  Relative paths in -I, -iquote, -isystem, -idirafter, -include,
 * -imacros, --sysroot and similar options, and @response files, are made
 * absolute against dir, so the arguments mean the same from any directory. */
void cli_compdb_filter_args(const char *const *argv, size_t argc,
                            const char *file_arg, const char *canon_file,
                            const char *dir, cli_strvec *out);

#endif
