/* front.h — the libclang front end: parses one translation unit and lowers
 * every function definition in it to IR (ir/ir.h), then disposes the
 * translation unit.  The only module that includes clang-c/Index.h.
 *
 * It knows nothing of rule packs: calls are lowered by name and the engine
 * decides what they mean.
 */
#ifndef SOCKLEAK_FRONT_H
#define SOCKLEAK_FRONT_H

#include <stddef.h>

#include "ir/ir.h"
#include "ir/targets.h"

typedef struct front_worker front_worker;

/* One worker per thread (it owns a CXIndex, which is not thread-safe).
 * Create every worker before starting the threads that use them (it sets
 * LIBCLANG_NOTHREADS in the environment, so that libclang parses on the
 * calling thread: give those threads a large stack, 256 MiB in the CLI).
 * Returns NULL on failure.  Free with front_worker_free() (accepts NULL). */
front_worker *front_worker_new(void);
void front_worker_free(front_worker *w);

typedef enum {
    FRONT_OK,       /* parsed without errors */
    FRONT_PARTIAL,  /* parsed with errors: functions are lowered around
                       them where possible, the others skipped (named) */
    FRONT_FAILED,   /* could not be parsed at all (no functions), or parsed
                       with errors and no function definition of the file
                       itself could be read (binary junk, text that is not
                       C; functions of its headers may still be lowered) */
} front_status;

/* A function definition the front did not lower. */
typedef struct front_skip {
    char *name;            /* the function */
    char *file;            /* the file its definition is in (the main file or
                              a header), as clang names it; NULL if unknown */
    char *why;             /* "a syntax error: clang may have cut statements
                              short", "nested too deeply", ... */
} front_skip;

typedef struct front_result {
    front_status status;
    ir_func **funcs;       /* owned: free each with ir_func_free() */
    size_t nfuncs;
    size_t nskipped;       /* functions not lowered because of errors */
    size_t nrecovered;     /* functions lowered around compile errors (their
                              broken parts are unknown values) */
    front_skip *skipped;   /* the nskipped functions, in source order; owned
                              with their strings; NULL when none */
    char *message;         /* first error, "file:line:col: text"; NULL if none.
                              For FRONT_FAILED, why the file failed */
    unsigned nerrors;      /* error diagnostics */
    char **dropped;        /* compiler flags of args not given to clang because
                              it rejects them (front/args.h), as written; owned */
    size_t ndropped;
    tgt_list stores;       /* what the unit stores into function-pointer fields
                              of project structs (ir/targets.h); owned */
    int stores_incomplete; /* memory ran out while listing them */
} front_result;

/* Parses file with the compiler arguments args[0..nargs-1] (no compiler
 * name, no file), relative paths resolved against workdir (NULL: the current
 * directory; the process's directory is never changed), and lowers every
 * function defined in the file and in non-system headers.  Flags clang does
 * not accept (GCC-only options) are dropped and listed in out->dropped; the
 * worker remembers them and drops them from its later files without trying.
 * Fills *out, which the caller releases with front_result_clear().  Never
 * crashes on bad input: problems are reported through out->status and
 * out->message.  A file that is not a regular file (a FIFO, a device) is
 * FRONT_FAILED without being opened; an included character device or FIFO
 * under /dev reads as an empty file, as in clang (front/devices.h). */
void front_lower_file(front_worker *w, const char *file,
                      const char *const *args, int nargs, const char *workdir,
                      front_result *out);
void front_result_clear(front_result *r);

#endif
