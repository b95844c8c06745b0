/* compdb.h — reads a JSON compilation database (compile_commands.json, both
 * the "arguments" and the "command" forms) into per-file compiler arguments
 * and working directories, and finds a database the way clang-tidy does.
 *
 * The entries are read by libclang (front/cdb.h), so "command" strings are
 * split by clang's quoting rules and @response files are expanded as clang
 * tools do.  libclang only says "could not load", so the file is first
 * checked here with cJSON, which gives malformed JSON a file:line:col
 * message and a bad entry its number.  libclang reads only a file named
 * compile_commands.json whose "directory" values are absolute; any other
 * database is staged for it in a private temporary directory (removed before
 * returning, or by cli/interrupt.h when a signal ends the run): a symbolic link when only the name differs, else a copy with
 * each missing or relative "directory" made absolute against the database's
 * directory.
 *
 * It never changes the process's directory and runs no compiler: it only
 * turns text into argument lists. */
#ifndef SOCKLEAK_CLI_COMPDB_H
#define SOCKLEAK_CLI_COMPDB_H

#include <stddef.h>

#include "cli/util.h"

/* The language of an entry: only C entries are analyzed. */
typedef enum cli_lang {
    CLI_LANG_C,
    CLI_LANG_CXX,     /* .cc .cp .cpp .cxx .CPP .c++ .C, or -x c++... */
    CLI_LANG_ASM,     /* .s .S .sx .asm, or -x assembler... */
} cli_lang;

typedef struct cli_compdb_entry {
    char *file;       /* canonical absolute path of the source file */
    char *dir;        /* absolute working directory of the compile */
    cli_lang lang;    /* from the last -x, else the file's extension */
    cli_strvec args;  /* compiler arguments for the front: no compiler name,
                         no -c, -o, dependency-file options, no source file;
                         paths in them made absolute against dir.  Empty
                         for entries that are not C */
} cli_compdb_entry;

typedef struct cli_compdb {
    char *path;       /* the compile_commands.json that was read */
    cli_compdb_entry *items;   /* in database order; a file may appear more
                                  than once (several configurations) */
    size_t n;
} cli_compdb;

/* Reads the database at path: a JSON compilation database file of any name,
 * or a directory holding compile_commands.json.  Relative "directory"
 * values are taken against the database's directory (which is also the
 * default when "directory" is absent), relative "file" values against
 * "directory".  Every entry is kept, C or not (see lang).
 * Returns 0, or -1 with *err a malloc'd message naming the file (and line
 * and column for malformed JSON, the entry's number for a bad entry); *db is
 * then empty.  Free with cli_compdb_free(), which accepts NULL. */
int cli_compdb_load(const char *path, cli_compdb *db, char **err);
void cli_compdb_free(cli_compdb *db);

/* Looks for compile_commands.json in dir, dir/build, then in each parent
 * directory and its build/ (like clang-tidy).  Returns the malloc'd path of
 * the first found, or NULL.  *in_dir is set to nonzero when it was found in
 * dir or dir/build rather than in a parent.  dir must be absolute. */
char *cli_compdb_find(const char *dir, int *in_dir);

/* The language of the source file file_arg compiled by argv[0..argc-1]:
 * the last "-x LANG" (or -xLANG, --language=LANG) decides when there is
 * one other than "none", else the file name's extension. */
cli_lang cli_compdb_lang(const char *file_arg, const char *const *argv,
                         size_t argc);

/* Appends to out the arguments of the compiler command argv[0..argc-1]
 * that matter for parsing: drops the compiler (and a launcher such as ccache
 * before it), the --driver-mode= libclang infers from the compiler's name
 * (every entry analyzed is parsed as C), -c, -o X, -M/-MM/-MD/-MMD/-MP/-MG,
 * -MF X, -MT X, -MQ X, -MJ X (joined or separate) and every argument naming
 * the source file: equal to file_arg as written in the database, or to
 * canon_file once taken against dir.  Relative paths in -I, -iquote, -isystem, -idirafter, -include,
 * -imacros, --sysroot and similar options, and @response files left
 * unexpanded, are made absolute against dir, so the arguments mean the same
 * from any directory. */
void cli_compdb_filter_args(const char *const *argv, size_t argc,
                            const char *file_arg, const char *canon_file,
                            const char *dir, cli_strvec *out);

#endif
