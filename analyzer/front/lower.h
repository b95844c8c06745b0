/* lower.h — private to front/: the state of lowering one function from
 * libclang cursors to IR, shared by the statement, expression and token
 * helpers.  Nothing outside front/ includes this. */
#ifndef SOCKLEAK_FRONT_LOWER_H
#define SOCKLEAK_FRONT_LOWER_H

#include <clang-c/Index.h>
#include <stdint.h>

#include "ir/ir.h"

/* An expression's value as far as the analysis cares. */
typedef struct operand {
    int place;            /* a local place holding the value, or -1 */
    unsigned addr_of : 1; /* the value is &place */
    unsigned has_const : 1;
    int64_t cval;
} operand;

typedef struct var_binding {
    unsigned hash;
    CXCursor decl;
    int place;
} var_binding;

typedef struct jump_target {
    int brk, cont;         /* block ids, -1 when not applicable */
    unsigned scope_depth;  /* scopes live at the loop/switch statement */
} jump_target;

typedef struct case_entry {
    int64_t value;
    int is_default, block;
    const char *text;
} case_entry;

typedef struct switch_ctx {
    case_entry *cases;
    unsigned ncases, cap;
} switch_ctx;

typedef struct label_info {
    const char *name;
    int block;
    int defined;
    int *live;             /* variables in scope at the label */
    unsigned nlive;
} label_info;

typedef struct pending_goto {
    int block;             /* block to fill with scope ends, then goto label */
    const char *label;
    int *live;
    unsigned nlive;
    ir_loc loc;
} pending_goto;

typedef struct scope {
    int *vars;
    unsigned nvars, cap;
} scope;

/* A variable declared with __attribute__((cleanup(fn))). */
typedef struct cleanup_var {
    int place;
    const char *fn, *usr;
} cleanup_var;

typedef struct file_cache {
    CXFile file;
    const char *name;      /* interned in the function's arena */
} file_cache;

/* A macro expansion in the translation unit: where, and which definition. */
typedef struct macro_use {
    CXFile file;
    unsigned off;
    CXCursor def;
} macro_use;

/* What lowering learns once per translation unit and shares between its
 * functions: the macro expansions (sorted by file and offset, built on
 * first use), file contents and the noreturn verdict per callee. */
typedef struct tu_info {
    CXTranslationUnit tu;
    macro_use *macros;
    size_t nmacros, macros_cap;
    int macros_built;
    struct file_text {    /* clang_getFileContents is a linear search */
        CXFile file;
        const char *buf;
        size_t size;
    } *texts;
    size_t ntexts, texts_cap;
    struct written_static { /* file-scope statics this unit writes or
                               whose address it takes (front.c) */
        unsigned hash;
        CXCursor decl;
    } *written;
    size_t nwritten, written_cap;
    int written_built;
    struct noreturn_memo {
        unsigned hash;
        CXCursor decl;
        int noreturn;
    } *memo;
    size_t nmemo, memo_cap;
} tu_info;

/* A compile error of the translation unit (front.c), by its expansion site. */
typedef struct lw_error {
    CXFile file;
    unsigned off;
    unsigned syntax : 1;    /* a parse or lexical error: clang may have cut
                               statements short, so nothing near it is known */
    unsigned breaking : 1;  /* an error that leaves a broken expression or a
                               dropped statement behind; not a warning that is
                               an error by default (-Wimplicit-function-
                               declaration), after which the AST is whole */
    unsigned covered : 1;   /* lowering turned the broken part around it into
                               an unknown value (set per function) */
} lw_error;

/* A variable the function assigns or takes the address of (access.c). */
typedef struct acc_write {
    unsigned hash;
    CXCursor decl;
    unsigned last;          /* offset of the last assignment, by position */
    unsigned written : 1;   /* assigned, incremented or decremented */
    unsigned addr : 1;      /* its address is taken */
} acc_write;

/* A pointer local that holds the address of one local struct or union all
 * its life: its fields are the local's (access.c). */
typedef struct ptr_alias {
    unsigned hash;
    CXCursor decl;
    int target;             /* the local's place */
} ptr_alias;

/* A field or element place found by where its bytes lie (access.c). */
typedef struct acc_key {
    int root;               /* the root place */
    const char *steps;      /* the pointer steps before it, each "OFF:SIZE->"
                               (the bytes the pointer is loaded from); "" in
                               the root's own storage */
    int64_t off, size;      /* its bytes after the last step */
    unsigned agg : 1;       /* a struct, union or array, not one value */
    int place;
} acc_key;

typedef struct lower {
    tu_info *info;
    CXTranslationUnit tu;
    CXCursor fn;           /* the function being lowered */
    ir_func *f;
    int cur;               /* block receiving instructions */
    var_binding *vars;
    unsigned nvars, vars_cap;
    scope *scopes;
    unsigned nscopes, scopes_cap;
    jump_target *jumps;
    unsigned njumps, jumps_cap;
    switch_ctx *sw;        /* innermost switch, or NULL */
    label_info *labels;
    unsigned nlabels, labels_cap;
    pending_goto *gotos;
    unsigned ngotos, gotos_cap;
    int *temps;            /* temporaries of the current full expression */
    ir_loc *temp_locs;
    unsigned ntemps, temps_cap;
    unsigned ntemp_names;
    file_cache files[8];
    unsigned nfiles;
    cleanup_var *cleanups;
    unsigned ncleanups, cleanups_cap;
    unsigned depth;        /* recursion depth guard */
    int too_deep;
    CXCursor negated_text; /* `!x` being lowered as a test of x, or null */
    /* compile errors inside the function (recover.c); nerrs == 0 for the
     * usual function, and then none of the recovery code runs */
    lw_error *errs;
    unsigned nerrs;
    int *broken_writes;    /* places a broken part may write */
    unsigned nbroken_writes, broken_writes_cap;
    const char *unlowerable; /* why the function cannot be lowered, or NULL */
    var_binding *mems;     /* globals and statics read or written: their
                              memory places (expr.c, lw_memory_place) */
    unsigned nmems, mems_cap;
    int counted;           /* the counter of the constant-trip `for` whose
                              step is being lowered (its ++ is an ADD), or -1 */
    acc_key *keys;         /* located fields and elements (access.c) */
    unsigned nkeys, keys_cap;
    ptr_alias *aliases;    /* pointer locals read as a local's address */
    unsigned naliases, aliases_cap;
    acc_write *writes;     /* variables written, scanned on first need */
    unsigned nwrites, writes_cap;
    int writes_built;
} lower;

/* ---- lex.c: tokens, operators, source text ---- */

/* Source text of c's extent with whitespace folded and the arguments of
 * lower-case calls shortened to "(...)", copied into the function's arena. */
const char *lex_text(lower *L, CXCursor c, int shorten_calls);
/* For a `for` statement: byte offsets of the two `;` and the `)` that close
 * its header.  Returns 0 when they cannot be found (macros). */
int lex_for_header(lower *L, CXCursor c, unsigned *semi1, unsigned *semi2,
                   unsigned *rparen);
/* The function named by a cleanup attribute on variable decl (through
 * macros such as systemd's _cleanup_close_), or NULL. */
const char *lex_cleanup_fn(lower *L, CXCursor decl);
/* The USR of the function called name declared at file scope, or NULL. */
const char *lex_function_usr(lower *L, const char *name);
/* Whether the declaration decl (a function) carries a noreturn attribute
 * (memoised per translation unit). */
int lex_decl_noreturn(lower *L, CXCursor decl);
/* The definition of the macro whose expansion starts at loc, or a null
 * cursor. */
CXCursor lex_macro_at(lower *L, CXSourceLocation loc);
/* Calls fn(L, name, written, data) for every identifier token of bytes
 * [from, to) of file (a statement clang dropped): written says it is
 * assigned, incremented or has its address taken there.  Returns
 * LEX_DROPPED_RETURN when the range is one `return` statement,
 * LEX_DROPPED_JUMP when it holds another jump (return, goto, break,
 * continue), else 0. */
#define LEX_DROPPED_RETURN 1
#define LEX_DROPPED_JUMP 2
int lex_dropped_idents(lower *L, CXFile file, unsigned from, unsigned to,
                       void (*fn)(lower *, const char *, int, void *), void *data);
/* Frees what tu_info holds (not the translation unit). */
void lex_tu_info_clear(tu_info *ti);

/* ---- front.c: locations ---- */
ir_loc lw_loc(lower *L, CXSourceLocation sl);
ir_loc lw_cursor_loc(lower *L, CXCursor c);
/* The location of the last character of c's extent (a closing brace). */
ir_loc lw_cursor_end(lower *L, CXCursor c);
unsigned lw_offset(CXSourceLocation sl);

/* ---- expr.c ---- */
/* Lowers c for its effects and value.  want_value: the value is needed (a
 * call result gets a temporary). */
operand lw_expr(lower *L, CXCursor c, int want_value);
/* Lowers c and stores its value into place dst (dst = c). */
void lw_expr_into(lower *L, CXCursor c, int dst, ir_loc loc);
/* Lowers the condition c: control continues in t when it is true, f when
 * false.  The current block is terminated. */
void lw_cond(lower *L, CXCursor c, int t, int f);
/* Lowers a condition evaluated at statement level: like lw_cond, but the
 * temporaries it creates end on both edges. */
void lw_stmt_cond(lower *L, CXCursor c, int t, int f);
/* A new temporary place for a value computed at loc. */
int lw_new_temp(lower *L, ir_loc loc);
/* Emits calls to the cleanup functions of variables among places[0..n-1]
 * (in that order), as at the end of their scope. */
void lw_emit_cleanups(lower *L, const int *places, unsigned n, ir_loc loc);
/* Emits the cleanup calls of every variable in scope (before a return). */
void lw_emit_all_cleanups(lower *L, ir_loc loc);
/* Ends the temporaries created since mark (a previous L->ntemps). */
void lw_end_temps(lower *L, unsigned mark);
/* Evaluates c as an integer constant expression. */
int lw_const(lower *L, CXCursor c, int64_t *v);
/* The spelling of c's binary operator ("<", "=", "&&", "+=") from
 * libclang's operator kind, or NULL for kinds C does not have.  Static. */
const char *lw_binop(CXCursor c);
/* The same for a unary operator; *postfix says whether it follows its
 * operand (x++). */
const char *lw_unop(CXCursor c, int *postfix);
/* Whether decl is a variable declared `static` at file scope. */
int lw_is_file_static(CXCursor decl);
/* Whether the file-scope static decl is written or has its address taken
 * anywhere in the translation unit (front.c, one scan per unit). */
int lw_static_written(lower *L, CXCursor decl);
/* The comparison spelt op ("<", "==", ...) in *out; 0 when op is none. */
int lw_cmpop(const char *op, ir_cmpop *out);
/* Strips parentheses and implicit casts. */
CXCursor lw_strip(CXCursor c);
/* The children of c, up to max; returns how many there are. */
unsigned lw_children(CXCursor c, CXCursor *out, unsigned max);

/* ---- access.c: which place a field or element is ---- */
/* An access path: a root variable, then fields and constant elements. */
typedef struct acc_path {
    int root;               /* the root place */
    unsigned memory : 1;    /* not the function's own storage: a global's,
                               or past a pointer step */
    unsigned located : 1;   /* steps, off and size are known */
    unsigned plain : 1;     /* a shape a local's own field or element has:
                               fields, a local array's small constant
                               elements, anything through an alias of it */
    unsigned addr : 1;      /* (while walking) the value is the address of
                               the root plus off */
    unsigned via_alias : 1; /* a step through an alias entered the root */
    unsigned agg : 1;       /* of struct, union or array type */
    unsigned nsteps;        /* fields and elements on the path */
    char name[256];         /* as written: "((struct hdr *)b)->fd" */
    char path[256];         /* without casts: "b->fd" */
    char steps[128];        /* see acc_key */
    int64_t off, size;
} acc_path;
/* Fills *a with the access path of the lvalue c (a variable, its fields and
 * constant elements, through pointers and casts).  Returns 0 when c is none
 * (a variable index, a call's result, an unknown variable). */
int acc_path_of(lower *L, CXCursor c, acc_path *a);
/* The place of path a: the root itself, the place with the same bytes
 * after the same steps, else the place with the same path, else a new one
 * named as written.  Never fails. */
int acc_place(lower *L, const acc_path *a);
/* The memory place (ir_place.is_memory) that the lvalue c designates: a
 * global or static variable, or an access path through a pointer or from a
 * global ("o->flags", "daemon->opts[1]", "cfg.mode" with cfg global);
 * -1 when c is none of these (a local's own storage, a variable index, a
 * call's result). */
int lw_memory_place(lower *L, CXCursor c);
/* The place of a local's own field or element that the lvalue c designates
 * (`c.fd`, `p[1]`, `u.sock`, `h->fd` with h an alias of &c), or -1. */
int acc_local_place(lower *L, CXCursor c);
/* For a local pointer declaration decl with an initializer: when it holds
 * one object all its life (see access.c), makes its uses that object's and
 * returns 1: nothing is to be declared or lowered for it.  Else 0. */
int acc_alias(lower *L, CXCursor decl);
/* The local whose address the alias decl holds, or -1. */
int acc_alias_target(lower *L, CXCursor decl);
/* base is dereferenced in a shape access paths do not follow (`*(int *)v`,
 * `((int *)v)[i]`): when it names an alias, what its local holds is handed
 * off and becomes unknown there (escape, havoc). */
void acc_alias_touched(lower *L, CXCursor base);
/* After the body is lowered: a write to a located place makes each place
 * whose bytes overlap its own hand off its value and become unknown. */
void acc_finish(lower *L);

/* ---- targets.c: where calls through pointers go (ir/targets.h) ---- */
/* For the call `call` whose callee expression callee is not a function's
 * name: sets call->via, and call->targets when callee is a local function
 * pointer (or a conditional of functions) that may hold only known
 * functions, or call->field when it is a function-pointer field of a
 * project struct. */
void lw_call_targets(lower *L, CXCursor callee, ir_call *call);
struct tgt_list;
/* Appends to out every store into a function-pointer field of a project
 * struct that tu makes (ir/targets.h).  Returns 0, or -1 when memory ran out
 * (out is then incomplete). */
int lw_collect_stores(CXTranslationUnit tu, struct tgt_list *out);

/* ---- recover.c: the broken parts of a function with compile errors ---- */
/* c's extent as expansion-site offsets [*a, *b] in *file; 0 when it does
 * not lie in one file. */
int lw_extent(CXCursor c, CXFile *file, unsigned *a, unsigned *b);
/* Whether a breaking error lies inside c's extent. */
int lw_has_error(lower *L, CXCursor c);
/* Whether the expression c is broken: it holds a breaking error and is no
 * operator, call or cast whose parts can be lowered one by one. */
int lw_is_broken(lower *L, CXCursor c);
/* Lowers the broken expression c: every local it names escapes (a
 * descriptor that flows into it is handed off), a local it may write becomes
 * unknown, nothing inside is evaluated; the errors in it are covered.  The
 * value is unknown. */
operand lw_lower_broken(lower *L, CXCursor c);
/* Lowers what clang dropped between offsets from and to of file (a whole
 * statement, or a declaration's initializer) when a breaking error lies
 * there: the locals it names escape and those it writes become unknown.
 * Variables bound at index >= declared of L->vars are the ones the dropped
 * text declares: they only become unknown.  Returns whether it did. */
int lw_lower_dropped(lower *L, CXFile file, unsigned from, unsigned to, unsigned declared,
                     ir_loc loc);
/* After the body is lowered: NULL when every error was lowered around and no
 * broken part writes a local that a branch reads, else why the function
 * cannot be analyzed. */
const char *lw_recovery_verdict(lower *L);

/* ---- stmt.c ---- */
void lw_stmt(lower *L, CXCursor c);
/* Lowers the statements of the compound statement c in the current scope,
 * and what clang dropped between them (recover.c). */
void lw_lower_children(lower *L, CXCursor c);
/* Declares a local variable cursor as a place in the innermost scope. */
int lw_declare(lower *L, CXCursor decl, int is_param);
/* The place bound to a variable declaration, or -1. */
int lw_var_place(lower *L, CXCursor decl);
/* Binds decl to an existing place: its uses are that place's (an alias);
 * it is not in any scope of its own. */
void lw_bind_var(lower *L, CXCursor decl, int place);
/* Ends the current path with a return of o (cleanups first) and starts a
 * fresh block. */
void lw_return(lower *L, operand o, ir_loc loc);
/* Starts a fresh (so far unreachable) block and makes it current. */
void lw_new_block(lower *L);
/* Terminates the current block with a goto to b and makes b current. */
void lw_goto(lower *L, int b);
/* Resolves pending gotos once the whole body is lowered. */
void lw_finish_gotos(lower *L);

#define LW_MAX_DEPTH 1500

/* Makes room for one more element in arr (n used of cap), an array in the
 * function's arena. */
#define LW_GROW(L, arr, n, cap, type)                                                   \
    do {                                                                                \
        if ((n) == (cap)) {                                                             \
            unsigned nc_ = (cap) ? (cap) * 2 : 8;                                       \
            (arr) = arena_grow((L)->f->arena, (arr), (n), nc_, sizeof(type));           \
            (cap) = nc_;                                                                \
        }                                                                               \
    } while (0)

#endif
