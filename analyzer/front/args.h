/* args.h — private to front/: compiler flags clang does not accept.
 *
 * Databases written by GCC builds carry GCC-only options (-fconserve-stack,
 * -mindirect-branch=thunk-extern, -mrecord-mcount, ...).  libclang still
 * builds the translation unit, but reports each such flag as an error
 * diagnostic without a location ("unknown argument: '-fconserve-stack'",
 * "unsupported option '-mrecord-mcount' for target '...'", "unsupported
 * argument 'V' to option 'X'", "the clang compiler does not support '...'"),
 * which would make every file "analyzed with errors".  Like clangd, the
 * front drops such flags: front.c parses, asks args_learn() which of the
 * arguments clang rejected, and when there are new ones parses once more
 * without them.  A worker remembers what it learnt (args_memo), so later
 * files drop those flags up front, without a second parse.
 *
 * Flags the driver only warns about (-fno-tree-vrp: "optimization flag is
 * not supported", unknown -W options) are left alone: the parse is quiet
 * (-w) and they change nothing.  A flag is remembered by its exact text, for
 * every later file of the worker, whatever its other flags (a flag rejected
 * for one target is dropped for another too). */
#ifndef SOCKLEAK_FRONT_ARGS_H
#define SOCKLEAK_FRONT_ARGS_H

#include <clang-c/Index.h>
#include <stddef.h>

/* The flags one worker has seen clang reject, as written; owned strings. */
typedef struct args_memo {
    char **v;
    size_t n, cap;
} args_memo;

/* Frees the remembered flags; the memo is left empty.  Accepts NULL. */
void args_memo_clear(args_memo *m);

/* Nonzero when flag is one m remembers. */
int args_memo_has(const args_memo *m, const char *flag);

/* Reads the command-line diagnostics of tu, parsed with args[0..nargs-1]
 * (and flags of the front's own, never taken as rejected), and adds to m
 * every element of args that clang rejected with an error and m does not
 * hold yet.  Returns how many were added: 0 means the parse stands as it
 * is.  tu is only read; on running out of memory fewer are added. */
size_t args_learn(args_memo *m, CXTranslationUnit tu, const char *const *args,
                  int nargs);

/* Adds a copy of flag to m unless m holds it; returns 1 when added. */
size_t args_memo_add(args_memo *m, const char *flag);
/* Whether arg is a code-generation option with a value (-mfunction-return=
 * thunk, -fzero-call-used-regs=used-gpr): when clang rejects such a value
 * (a GCC-only one), libclang builds no translation unit at all and says
 * nothing, so front.c finds them by parsing without them. */
int args_value_flag(const char *arg);

#endif
