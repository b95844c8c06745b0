/* ir.h — sockleak's intermediate representation: one C function as a
 * control-flow graph of basic blocks.
 *
 * The front end (front/) builds it from libclang; the engine (engine/) walks
 * it; unit tests build it by hand.  It is plain data: no libclang, no cJSON.
 * Everything of one function (places, blocks, strings) lives in the
 * function's arena and is freed with ir_func_free().
 *
 * What it models is only what the analysis needs:
 *   - places: local variables, their constant-index elements and fields
 *     ("p[0]", "c.fd"), elements of local arrays at a local index ("fds[i]")
 *     and each such array's earlier elements ("fds[...]"), temporaries the
 *     front invents for call results, and memory (globals, statics, fields
 *     through pointers, what a pointer parameter points to "*out", "x & mask"
 *     of any of these).  A field or element is one place however it is
 *     spelt when the front can tell where its bytes lie (front/access.c):
 *     `b->h.fd` and `((struct hdr *)b)->fd`, or two members of a union with
 *     the same offset and size;
 *   - instructions: calls (with their arguments as places or constants; a
 *     call through a pointer with the functions it may reach, when known),
 *     copies, constant assignments, comparisons stored in a variable,
 *     "value becomes unknown", escapes (ownership leaves the function) and
 *     scope ends;
 *   - terminators: goto, two-way branch on one atomic condition
 *     (place OP constant, or opaque), return, and "the path ends here".
 * Short-circuit operators, the conditional operator and switch are lowered
 * into blocks and branches by the front end.
 */
#ifndef SOCKLEAK_IR_H
#define SOCKLEAK_IR_H

#include <stdint.h>
#include <stdio.h>

#include "util/arena.h"

/* A source position as the user sees it: the expansion site of macros.
 * file is interned in the function's arena; line and col are 1-based;
 * off is the 0-based byte offset in file (for fix-its). line == 0 means
 * "no location". */
typedef struct ir_loc {
    const char *file;
    unsigned line, col, off;
} ir_loc;

typedef enum {
    IR_PLACE_VAR,   /* a local variable (block scope or parameter) */
    IR_PLACE_SUB,   /* element or field of a local: "p[0]", "c.fd" */
    IR_PLACE_TEMP,  /* a value the front invented: a call result used in place */
} ir_place_kind;

/* A place that can hold a value.  Places are numbered 0..nplaces-1;
 * parameters come first (0..nparams-1). */
typedef struct ir_place {
    const char *name;     /* display name, as the user first wrote it: "fd",
                             "p[0]", "c.fd", "((struct hdr *)b)->fd", "$t3" */
    const char *path;     /* the same access path with casts and parentheses
                             left out ("b->fd" for the cast above): what the
                             engine reads an element's index ("p[1]"), a
                             parameter's field ("p->fd") and a global's key
                             (ir_global_key) from.  The same string as name
                             unless the front sets it */
    ir_place_kind kind;
    int base;             /* place number of the root variable (itself for VAR/TEMP) */
    unsigned is_param : 1;
    unsigned is_array : 1;    /* a local array: its elements are SUB places */
    unsigned is_record : 1;   /* a local struct/union: its fields are SUB places */
    unsigned is_static : 1;   /* a function-local static: outlives the call */
    unsigned is_pointer : 1;  /* of pointer type (else an integer or other) */
    unsigned is_text : 1;     /* a char pointer, floating point: never a handle */
    unsigned is_memory : 1;   /* not the function's own storage: a global, a
                                 file or function static, a field reached
                                 through a parameter ("o->flags").  It never
                                 holds a tracked value (a store there is an
                                 escape); its value is known only from
                                 conditions and this function's own writes,
                                 and a call that may write it forgets it */
    unsigned is_deref : 1;    /* "*p" for a pointer parameter p: the caller's
                                 variable an out-parameter writes (also
                                 is_memory) */
    unsigned addr_escaped : 1; /* its address was stored somewhere: it may
                                  change unseen, so nothing is known of it */
    int index;                /* >= 0: an element of local array `base` at the
                                 index local place `index` holds now
                                 ("fds[i]"); writing that place makes the
                                 element unnameable (its value stays in the
                                 array's collection).  -1 otherwise */
    unsigned is_collection : 1; /* "fds[...]": the elements of local array
                                 `base` stored at an index the function can
                                 no longer name (the index changed since) */
    const char *usr;          /* a global or file static (VAR, is_memory): its
                                 clang USR, the same in every file that
                                 names it; NULL otherwise */
    int derived_from;         /* >= 0: this place is "x & mask" of that place
                                 (named "x&4"), known only from conditions on
                                 it; a write to x forgets it.  -1 otherwise */
} ir_place;

/* Instruction opcodes with their dump names: one table. */
#define IR_OPS(X)                                                              \
    X(CALL, "call")           /* call: see ir_call                          */ \
    X(COPY, "copy")           /* dst = src                                  */ \
    X(CONST, "const")         /* dst = value                                */ \
    X(CMPSET, "cmpset")       /* dst = (src cmp value) ? 1 : 0              */ \
    X(HAVOC, "havoc")         /* dst = something unknown                    */ \
    X(ADD, "add")             /* dst = src + value (a counted loop's step)  */ \
    X(STORE, "store")         /* memory place dst = src: a global or a new  */ \
                              /* object's field keeps following the value;  */ \
                              /* other memory takes it (an escape); value   */ \
                              /* >= 0: the parameter it is stored through   */ \
    X(NONZERO, "nonzero")     /* src is not 0 from here on: it was          */ \
                              /* dereferenced (a NULL path would crash)     */ \
    X(ESCAPE, "escape")       /* src's value leaves this function's care:   */ \
                              /* value 1: returned; dst >= 0: stored through */ \
                              /* that parameter (*out = fd)                  */ \
    X(SCOPE_END, "scope-end") /* places[] go out of scope (in this order);  */ \
                              /* value 1: because break/continue/goto jumps */

typedef enum {
#define IR_OP_ENUM(e, name) IR_##e,
    IR_OPS(IR_OP_ENUM)
#undef IR_OP_ENUM
    IR_OP_COUNT
} ir_op;

typedef enum { IR_LT, IR_LE, IR_GT, IR_GE, IR_EQ, IR_NE } ir_cmpop;

/* One argument of a call. */
typedef struct ir_arg {
    int place;            /* place whose value is passed, or -1 */
    unsigned addr_of : 1; /* &place is passed (place >= 0) */
    unsigned has_const : 1;
    int64_t cval;         /* the constant value when has_const */
    const char *text;     /* the argument as written, e.g. "fd", "SHUT_WR" */
    unsigned readonly : 1; /* passed to a pointer-to-const parameter: the
                              callee does not write what it points to */
} ir_arg;

/* A function that a call through a pointer may reach. */
typedef struct ir_target {
    const char *name;     /* the function's name ("keeper", "close"): a rule
                             pack describes it by name */
    const char *usr;      /* its clang USR: a summary is keyed by it */
} ir_target;

typedef struct ir_call {
    const char *callee;   /* function name, or NULL for a call through a pointer */
    const char *usr;      /* callee's clang USR when known, else NULL */
    /* A call through a pointer (callee == NULL) may know where it goes.  The
     * engine reads only targets_key; the rest is for the summaries' call
     * graph (targets), the program-wide resolution (field) and messages
     * (via). */
    const char *via;      /* the callee expression as written ("ops->done",
                             "f"), for messages; NULL for a direct call */
    const char *field;    /* a call through a function-pointer field of a
                             project struct or union: the key by which the
                             stores of every translation unit are matched,
                             the field's USR ("c:@S@ops@FI@done", see
                             ir/targets.h); NULL otherwise */
    ir_target *targets;   /* every function the pointer may hold, when all of
                             them are known (sorted by usr, distinct); NULL
                             when the callee is unknown */
    unsigned ntargets;
    const char *targets_key; /* the rules-table key of the row that unites
                                the targets' rows (rules/merge.h):
                                "targets:" and the USRs; NULL when
                                ntargets == 0 */
    unsigned nargs;
    ir_arg *args;
    int dst;              /* place that receives the result, or -1 */
    unsigned noreturn : 1;   /* the callee is declared noreturn */
    unsigned has_body : 1;   /* the callee's definition was seen by the front */
    unsigned in_condition : 1; /* the result is tested right away (no dst needed) */
    int memo;             /* a memory place standing for this call's result
                             with these argument values ("strcmp(name,"-")"),
                             forgotten when an argument changes; -1 when the
                             arguments are not plain.  The engine uses it for
                             pure callees only. */
    unsigned in_system : 1;  /* the callee is declared in a system header: it
                                writes no project memory except through the
                                pointers it is given */
} ir_call;

typedef struct ir_insn {
    ir_op op;
    ir_loc loc;
    int dst, src;         /* places, -1 when unused */
    int64_t value;        /* CONST value, CMPSET constant */
    ir_cmpop cmp;         /* CMPSET operator */
    ir_call *call;        /* CALL */
    int *places;          /* SCOPE_END */
    unsigned nplaces;
} ir_insn;

/* The condition of a two-way branch: "place op value" when place >= 0,
 * otherwise opaque (both edges feasible, nothing learned).  With vs_value,
 * the other operand is not a constant but the value of place `other` (-1:
 * not a local, e.g. `file != stdin`): == and != compare identities of
 * values (a descriptor is only equal to its copies), and any comparison is
 * decided by the value a path knows for one side. */
typedef struct ir_cond {
    int place;
    ir_cmpop op;
    int64_t value;
    unsigned vs_value : 1;
    int other;
} ir_cond;

typedef enum {
    IR_T_NONE,    /* not yet terminated (only while building) */
    IR_T_GOTO,    /* succ[0] */
    IR_T_BRANCH,  /* cond true: succ[0], false: succ[1] */
    IR_T_RETURN,  /* leaves the function; implicit when falling off the end */
    IR_T_EXIT,    /* the path ends here: noreturn call, __builtin_unreachable */
} ir_term_kind;

typedef struct ir_term {
    ir_term_kind kind;
    ir_loc loc;           /* RETURN: the `return` keyword or the closing `}`;
                             BRANCH: the condition */
    int succ[2];
    ir_cond cond;
    const char *text;     /* BRANCH: the condition as written ("fd < 0"),
                             used in trace messages */
    const char *edge_msg[2]; /* BRANCH: trace message per edge; NULL: say nothing */
    unsigned implicit : 1;   /* RETURN by falling off the end */
    unsigned ret_has_const : 1; /* RETURN: the returned value is ret_const */
    int64_t ret_const;
    int ret_place;        /* RETURN: the local or temporary whose value is
                             returned (`return rc;`, a `?:`'s result), or -1 */
} ir_term;

typedef struct ir_block {
    int id;
    ir_insn *insns;
    unsigned ninsns, cap;
    ir_term term;
} ir_block;

typedef struct ir_func {
    arena *arena;         /* owns everything below */
    const char *name;
    const char *usr;      /* clang USR: unique across translation units */
    ir_loc loc;           /* the function's name in its definition */
    ir_loc end;           /* its closing `}` */
    unsigned is_main : 1;
    unsigned is_static : 1;
    unsigned in_header : 1;  /* defined outside the main file */
    unsigned returns_pointer : 1; /* its result is a pointer (NULL = failure) */
    unsigned stores_unseen : 1; /* a store goes where no place names (`*p = 0`
                                  through a local pointer, an element of
                                  memory at a computed index) */
    unsigned with_errors : 1;  /* lowered around compile errors: their broken
                                  parts are unknown values and hand-offs */
    ir_place *places;
    unsigned nplaces, places_cap;
    unsigned nparams;
    ir_block **blocks;
    unsigned nblocks, blocks_cap;
    int entry;
} ir_func;

/* Creates an empty function named name (copied) with its own arena and an
 * entry block.  Returns NULL on out-of-memory. Free with ir_func_free(). */
ir_func *ir_func_new(const char *name);
/* Frees the function and everything in its arena; accepts NULL. */
void ir_func_free(ir_func *f);

/* Adds a place; name is copied.  Returns its number. */
int ir_place_add(ir_func *f, const char *name, ir_place_kind kind, int base);
/* Finds the SUB place of base with the given suffix ("[0]", ".fd"), creating
 * it when absent.  Returns its number. */
int ir_place_sub(ir_func *f, int base, const char *suffix);
/* The same, for a SUB place of base whose whole display name is name
 * ("*out", "p->fd"). */
int ir_place_sub_named(ir_func *f, int base, const char *name);
/* The key of a global place: its root's USR followed by the rest of its
 * path ("c:@log_fd", "c:@srv.listen_fd"), written into buf.  Returns 0, or
 * -1 when p is not a global nor a field of one (nor a field reached through
 * a pointer: other names may write those) or the key does not fit. */
int ir_global_key(const ir_func *fn, int p, char *buf, size_t n);
/* The element of local array `array` at the index local place `index`
 * holds ("fds[i]"), created when absent together with the array's
 * collection place ("fds[...]").  Returns its number. */
int ir_place_index(ir_func *f, int array, int index);
/* The collection place of local array `array`, or -1 when none was made. */
int ir_place_collection(const ir_func *f, int array);
/* Place number whose name is name, or -1. */
int ir_place_find(const ir_func *f, const char *name);

/* Adds an empty unterminated block and returns its id. */
int ir_block_add(ir_func *f);
/* Appends a copy of *in to block b and returns the stored instruction. */
ir_insn *ir_emit(ir_func *f, int b, const ir_insn *in);
/* A blank instruction of the given op with dst = src = -1. */
ir_insn ir_insn_make(ir_op op, ir_loc loc);

/* Terminators. Each asserts the block is not yet terminated. */
void ir_term_goto(ir_func *f, int b, int target);
void ir_term_branch(ir_func *f, int b, ir_cond cond, int t, int e, ir_loc loc,
                    const char *text);
void ir_term_return(ir_func *f, int b, ir_loc loc, int implicit);
void ir_term_exit(ir_func *f, int b, ir_loc loc);

/* How many successors block b's terminator has: 1 for goto, 2 for a
 * branch, 0 otherwise. */
int ir_nsucc(const ir_block *b);
/* The place instruction in assigns: a call's result, the destination of
 * copy, const, cmpset, havoc, add and store; -1 for none (escape,
 * scope-end and nonzero write no place of the function). */
int ir_insn_writes(const ir_insn *in);

/* Name of an opcode / comparison ("call", "<"). */
const char *ir_op_name(ir_op op);
const char *ir_cmp_name(ir_cmpop op);
/* The comparison with its operands swapped (c < x  ==>  x > c) and its
 * negation (x < c  ==>  x >= c). */
ir_cmpop ir_cmp_mirror(ir_cmpop op);
ir_cmpop ir_cmp_negate(ir_cmpop op);
/* Whether a op b holds. */
int ir_cmp_holds(ir_cmpop op, int64_t a, int64_t b);

/* Writes a stable, human-readable dump of f (used by unit tests). */
void ir_dump(const ir_func *f, FILE *out);

#endif
