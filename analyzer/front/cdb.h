/* cdb.h — reads a JSON compilation database through libclang's
 * CXCompilationDatabase, so that response files (@FILE) are expanded and the
 * "command" strings are split by clang's own quoting rules, exactly as clang
 * tools see them.  The result is plain C data: no libclang type leaves
 * front/.
 *
 * It does not validate the JSON beyond what libclang does (libclang only
 * says "could not load"; the CLI validates first, with positions), does not
 * make paths absolute, filter arguments or choose entries: it hands back
 * each entry as libclang read it.
 *
 * libclang only reads a file named compile_commands.json in a directory,
 * hence the directory argument: the CLI stages a database of another name
 * (cli/compdb.c). */
#ifndef SOCKLEAK_FRONT_CDB_H
#define SOCKLEAK_FRONT_CDB_H

#include <stddef.h>

typedef struct front_cdb_command {
    char *dir;         /* "directory" as libclang read it (as written) */
    char *file;        /* "file" as written */
    char **argv;       /* the command: argv[0] the compiler, response files
                          expanded; argv[argc] is NULL */
    size_t argc;
} front_cdb_command;

typedef struct front_cdb {
    front_cdb_command *cmds;   /* in database order */
    size_t n;
} front_cdb;

/* Reads dir/compile_commands.json with libclang and fills *out with every
 * entry, in database order.  Response files named relative to an entry's
 * "directory" are found only when that directory is absolute (libclang
 * resolves them against it); one that cannot be read is left as "@FILE".
 * Returns 0, or -1 with *err a malloc'd message (the caller prefixes the
 * database's name) and *out empty.  Not thread-safe with respect to stderr:
 * libclang may print its own message there when loading fails.  Release
 * with front_cdb_free(), which accepts NULL. */
int front_cdb_load(const char *dir, front_cdb *out, char **err);
void front_cdb_free(front_cdb *db);

#endif
