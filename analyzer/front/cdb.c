/* cdb.c — compile_commands.json through libclang's CXCompilationDatabase
 * (see cdb.h): every entry copied out as plain strings, every libclang
 * object disposed before returning. */
#include "front/cdb.h"

#include <clang-c/CXCompilationDatabase.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A malloc'd copy of s's text ("" for none); s is disposed.  NULL on OOM. */
static char *cdb_take(CXString s)
{
    const char *c = clang_getCString(s);
    char *copy = strdup(c ? c : "");
    clang_disposeString(s);
    return copy;
}

static void cdb_command_free(front_cdb_command *c)
{
    free(c->dir);
    free(c->file);
    for (size_t i = 0; c->argv && i < c->argc; i++)
        free(c->argv[i]);
    free(c->argv);
}

/* Copies the libclang command cc into *out; -1 when memory runs out. */
static int cdb_copy(CXCompileCommand cc, front_cdb_command *out)
{
    unsigned n = clang_CompileCommand_getNumArgs(cc);
    out->dir = cdb_take(clang_CompileCommand_getDirectory(cc));
    out->file = cdb_take(clang_CompileCommand_getFilename(cc));
    out->argv = calloc((size_t)n + 1, sizeof *out->argv);
    if (!out->dir || !out->file || !out->argv)
        return -1;
    for (unsigned i = 0; i < n; i++) {
        out->argv[i] = cdb_take(clang_CompileCommand_getArg(cc, i));
        if (!out->argv[i])
            return -1;
        out->argc++;
    }
    return 0;
}

static int cdb_copy_all(CXCompileCommands cmds, front_cdb *out)
{
    unsigned n = cmds ? clang_CompileCommands_getSize(cmds) : 0;
    out->cmds = calloc(n ? n : 1, sizeof *out->cmds);
    if (!out->cmds)
        return -1;
    for (unsigned i = 0; i < n; i++) {
        int rc = cdb_copy(clang_CompileCommands_getCommand(cmds, i), &out->cmds[i]);
        out->n++;   /* counted even when partly copied: freed below */
        if (rc < 0)
            return -1;
    }
    return 0;
}

int front_cdb_load(const char *dir, front_cdb *out, char **err)
{
    memset(out, 0, sizeof *out);
    *err = NULL;
    CXCompilationDatabase_Error code = CXCompilationDatabase_NoError;
    CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(dir, &code);
    if (!db || code != CXCompilationDatabase_NoError) {
        if (db)
            clang_CompilationDatabase_dispose(db);
        *err = strdup("libclang could not load the compilation database");
        return -1;
    }
    CXCompileCommands cmds = clang_CompilationDatabase_getAllCompileCommands(db);
    int rc = cdb_copy_all(cmds, out);
    if (cmds)
        clang_CompileCommands_dispose(cmds);
    clang_CompilationDatabase_dispose(db);
    if (rc < 0) {
        front_cdb_free(out);
        *err = strdup("out of memory while reading the compilation database");
    }
    return rc;
}

void front_cdb_free(front_cdb *db)
{
    if (!db)
        return;
    for (size_t i = 0; i < db->n; i++)
        cdb_command_free(&db->cmds[i]);
    free(db->cmds);
    memset(db, 0, sizeof *db);
}
