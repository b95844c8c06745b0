/* test_engine.c — unit tests for the path engine on hand-built IR.
 *
 * Every test builds a small ir_func block by block (as the front would for
 * the C shown in its comment), runs eng_analyze() with an in-memory rules
 * table (socket, close, shutdown, send, exit, pipe) and checks the findings a
 * user would see: rule, primary line and column, how many, the trace's first
 * and last steps.  No libclang and no JSON here; the front end has its own
 * tests (test_cfg.c).  A failed check prints the findings and the IR.
 */
#include "engine/engine.h"
#include "ir/ir.h"
#include "rules/table.h"
#include "util/arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;
static const char *test_name;
static rules_table *rt;

/* ---- the function under test and its findings ---- */

static ir_func *fn;
static finding_list found;
static eng_status status;
static int shown;

static void show(void)
{
    if (shown)
        return;
    shown = 1;
    fprintf(stderr, "  --- %zu finding(s), status %d ---\n", found.n, (int)status);
    for (size_t i = 0; i < found.n; i++) {
        const finding *f = &found.items[i];
        fprintf(stderr, "  %u:%u %s: %s\n", f->loc.line, f->loc.col, sl_rule_id(f->rule),
                f->message);
        for (size_t k = 0; k < f->ntrace; k++)
            fprintf(stderr, "      (%zu) %u:%u %s\n", k + 1, f->trace[k].loc.line,
                    f->trace[k].loc.col, f->trace[k].message);
    }
    if (fn)
        ir_dump(fn, stderr);
    fprintf(stderr, "  ---\n");
}

#define CHECK(cond)                                                           \
    do {                                                                      \
        if (!(cond)) {                                                        \
            fprintf(stderr, "%s:%d: [%s] CHECK failed: %s\n", __FILE__,       \
                    __LINE__, test_name, #cond);                              \
            show();                                                           \
            failures++;                                                       \
        }                                                                     \
    } while (0)

static void begin(const char *name, const char *fname)
{
    test_name = name;
    shown = 0;
    ir_func_free(fn);
    finding_list_clear(&found);
    fn = ir_func_new(fname);
    if (!fn) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
}

static eng_status analyze_with(const eng_options *opt)
{
    finding_list_clear(&found);
    status = eng_analyze(fn, rt, opt, &found);
    finding_list_sort(&found);
    return status;
}

static eng_status analyze(void)
{
    eng_options opt;
    eng_options_default(&opt);
    return analyze_with(&opt);
}

/* Number of findings of rule r. */
static size_t count(sl_rule r)
{
    size_t n = 0;
    for (size_t i = 0; i < found.n; i++)
        n += found.items[i].rule == r;
    return n;
}

/* The only finding (NULL unless there is exactly one). */
static const finding *only(void) { return found.n == 1 ? &found.items[0] : NULL; }

/* ---- building IR ---- */

static ir_loc at(unsigned line, unsigned col)
{
    ir_loc l = {"t.c", line, col, 0};
    return l;
}

static int var(const char *name) { return ir_place_add(fn, name, IR_PLACE_VAR, -1); }

static int param(const char *name)
{
    int p = var(name);
    fn->places[p].is_param = 1;
    fn->nparams++;
    return p;
}

/* An argument spec for call(): a place, &place, or a constant. */
typedef struct arg {
    int place, addr, is_const;
    int64_t k;
} arg;

static arg P(int p) { arg a = {p, 0, 0, 0}; return a; }
static arg K(int64_t v) { arg a = {-1, 0, 1, v}; return a; }

/* Emits dst = callee(args...) at line:col of block b. */
static ir_insn *call(int b, unsigned line, unsigned col, int dst, const char *callee,
                     unsigned nargs, ...)
{
    ir_call *c = arena_alloc(fn->arena, sizeof(*c));
    c->callee = arena_strdup(fn->arena, callee);
    c->dst = dst;
    c->memo = -1;
    c->in_system = 1; /* a library function, unless a test says otherwise */
    c->nargs = nargs;
    c->args = arena_alloc(fn->arena, sizeof(ir_arg) * (nargs ? nargs : 1));
    va_list ap;
    va_start(ap, nargs);
    for (unsigned i = 0; i < nargs; i++) {
        arg a = va_arg(ap, arg);
        c->args[i].place = a.place;
        c->args[i].addr_of = a.addr ? 1 : 0;
        c->args[i].has_const = a.is_const ? 1 : 0;
        c->args[i].cval = a.k;
        c->args[i].text = a.place >= 0 ? fn->places[a.place].name : "K";
    }
    va_end(ap);
    ir_insn in = ir_insn_make(IR_CALL, at(line, col));
    in.call = c;
    in.dst = dst;
    return ir_emit(fn, b, &in);
}

static void simple(int b, ir_op op, unsigned line, int dst, int src, int64_t value)
{
    ir_insn in = ir_insn_make(op, at(line, 5));
    in.dst = dst;
    in.src = src;
    in.value = value;
    ir_emit(fn, b, &in);
}

static void konst(int b, unsigned line, int dst, int64_t v) { simple(b, IR_CONST, line, dst, -1, v); }
static void copy(int b, unsigned line, int dst, int src) { simple(b, IR_COPY, line, dst, src, 0); }
static void escape(int b, unsigned line, int src) { simple(b, IR_ESCAPE, line, -1, src, 0); }

static void cmpset(int b, unsigned line, int dst, int src, ir_cmpop op, int64_t v)
{
    ir_insn in = ir_insn_make(IR_CMPSET, at(line, 5));
    in.dst = dst;
    in.src = src;
    in.cmp = op;
    in.value = v;
    ir_emit(fn, b, &in);
}

static void scope_end(int b, unsigned line, unsigned col, int p)
{
    ir_insn in = ir_insn_make(IR_SCOPE_END, at(line, col));
    in.places = arena_alloc(fn->arena, sizeof(int));
    in.places[0] = p;
    in.nplaces = 1;
    ir_emit(fn, b, &in);
}

/* if (p op v) goto t; else goto e;  p < 0: an opaque condition */
static void branch(int b, unsigned line, int p, ir_cmpop op, int64_t v, int t, int e)
{
    ir_cond c = {p, op, v, 0, -1};
    char text[160];
    if (p >= 0)
        snprintf(text, sizeof text, "%s %s %lld", fn->places[p].name, ir_cmp_name(op),
                 (long long)v);
    else
        snprintf(text, sizeof text, "opaque()");
    ir_term_branch(fn, b, c, t, e, at(line, 9), arena_strdup(fn->arena, text));
}

static void ret(int b, unsigned line, unsigned col) { ir_term_return(fn, b, at(line, col), 0); }
static int block(void) { return ir_block_add(fn); }

/* fd = socket(2, 1, 0) at line:14 */
static void socket_into(int b, unsigned line, int fd)
{
    call(b, line, 14, fd, "socket", 3, K(2), K(1), K(0));
}

/* B: fd = socket(); if (fd < 0) return -1;  Returns the success block. */
static int socket_checked(int b, unsigned line, int fd)
{
    int fail = block(), ok = block();
    socket_into(b, line, fd);
    branch(b, line + 1, fd, IR_LT, 0, fail, ok);
    ret(fail, line + 2, 9);
    return ok;
}

/* ---- tests ---- */

static void test_leak_on_return(void)
{
    /*  1 int f(void) {
     *  2     int fd = socket(2, 1, 0);
     *  3     if (fd < 0)
     *  4         return -1;
     *  5     if (opaque())
     *  6         return 1;        <- leak
     *  7     close(fd);
     *  8     return 0;
     *  9 }                                                              */
    begin("leak on return", "f");
    int fd = var("fd");
    int ok = socket_checked(fn->entry, 2, fd);
    int early = block(), rest = block();
    branch(ok, 5, -1, IR_NE, 0, early, rest);
    ret(early, 6, 9);
    call(rest, 7, 5, -1, "close", 1, P(fd));
    ret(rest, 8, 5);
    CHECK(analyze() == ENG_OK);
    const finding *f = only();
    CHECK(f != NULL);
    if (!f)
        return;
    CHECK(f->rule == SL_RULE_RESOURCE_LEAK && f->level == SL_LEVEL_WARNING);
    CHECK(f->loc.line == 6 && f->loc.col == 9);
    CHECK(f->acquired.line == 2 && f->acquired.col == 14);
    CHECK(f->acquired_call && strcmp(f->acquired_call, "socket") == 0);
    CHECK(f->variable && strcmp(f->variable, "fd") == 0);
    CHECK(f->function && strcmp(f->function, "f") == 0);
    /* acquired, the false branch of fd < 0, the true branch of opaque(),
     * returning */
    CHECK(f->ntrace >= 2);
    if (f->ntrace >= 2) {
        CHECK(f->trace[0].loc.line == 2 && strstr(f->trace[0].message, "acquired by socket()"));
        CHECK(f->trace[f->ntrace - 1].loc.line == 6 &&
              strstr(f->trace[f->ntrace - 1].message, "returning without closing 'fd'"));
    }
    CHECK(f->ntrace == 4);
    if (f->ntrace == 4) {
        CHECK(f->trace[1].loc.line == 3 &&
              strstr(f->trace[1].message, "false branch of 'fd < 0'"));
        CHECK(f->trace[2].loc.line == 5 && strstr(f->trace[2].message, "true branch"));
    }
    CHECK(strstr(f->message, "when 'opaque()' is true") != NULL);
}

static void test_failure_branch_no_leak(void)
{
    /* int fd = socket(); if (fd < 0) return -1; close(fd); return 0; */
    begin("failure branch returns: no leak", "f");
    int fd = var("fd");
    int ok = socket_checked(fn->entry, 2, fd);
    call(ok, 5, 5, -1, "close", 1, P(fd));
    ret(ok, 6, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 0);

    /* mirrored and other validity checks: -1 == fd, fd >= 0, fd != -1 */
    static const struct {
        ir_cmpop op;
        int64_t v;
        int true_is_fail;
    } checks[] = {{IR_EQ, -1, 1}, {IR_LE, -1, 1}, {IR_GE, 0, 0}, {IR_NE, -1, 0}, {IR_GT, -1, 0}};
    for (unsigned i = 0; i < sizeof checks / sizeof checks[0]; i++) {
        begin("other validity checks", "f");
        fd = var("fd");
        int fail = block(), good = block();
        socket_into(fn->entry, 2, fd);
        if (checks[i].true_is_fail)
            branch(fn->entry, 3, fd, checks[i].op, checks[i].v, fail, good);
        else
            branch(fn->entry, 3, fd, checks[i].op, checks[i].v, good, fail);
        ret(fail, 4, 9);
        call(good, 5, 5, -1, "close", 1, P(fd));
        ret(good, 6, 5);
        CHECK(analyze() == ENG_OK);
        CHECK(found.n == 0);
    }
}

static void test_falloff(void)
{
    /* int fd = socket(); if (fd < 0) return; send(fd, 0, 0, 0); }  <- leak at } */
    begin("falling off the end", "g");
    int fd = var("fd");
    int ok = socket_checked(fn->entry, 2, fd);
    call(ok, 5, 5, -1, "send", 4, P(fd), K(0), K(0), K(0));
    ir_term_return(fn, ok, at(6, 1), 1);
    CHECK(analyze() == ENG_OK);
    const finding *f = only();
    CHECK(f && f->rule == SL_RULE_RESOURCE_LEAK && f->loc.line == 6 && f->loc.col == 1);
    CHECK(f && strstr(f->message, "at the end of g()"));
}

/* Appends n independent diamonds `if (opaque()) foo();` after block b and
 * returns the block after the last. */
static int diamonds(int b, unsigned n, unsigned line)
{
    for (unsigned i = 0; i < n; i++) {
        int t = block(), join = block();
        branch(b, line + i, -1, IR_NE, 0, t, join);
        call(t, line + i, 20, -1, "foo", 0);
        ir_term_goto(fn, t, join);
        b = join;
    }
    return b;
}

static void test_merging(void)
{
    /* fd = socket(); check; 20 x if (opaque()) foo(); return 0;  <- one leak */
    begin("merging: 20 diamonds", "f");
    int fd = var("fd");
    int ok = socket_checked(fn->entry, 2, fd);
    int end = diamonds(ok, 20, 5);
    ret(end, 30, 5);
    eng_options opt;
    eng_options_default(&opt);
    opt.budget = 20000; /* 2^20 paths would not fit: merging must happen */
    CHECK(analyze_with(&opt) == ENG_OK);
    CHECK(found.n == 1);
    CHECK(found.n == 1 && found.items[0].loc.line == 30);

    begin("merging: 64 diamonds within the default budget", "f");
    fd = var("fd");
    ok = socket_checked(fn->entry, 2, fd);
    end = diamonds(ok, 64, 5);
    ret(end, 80, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 1 && found.items[0].loc.line == 80);

    /* 64 diamonds before the acquisition and 64 after it */
    begin("merging: diamonds before the acquisition", "f");
    fd = var("fd");
    end = diamonds(fn->entry, 64, 2);
    ok = socket_checked(end, 70, fd);
    end = diamonds(ok, 64, 80);
    ret(end, 200, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 1 && found.items[0].loc.line == 200);
}

static void test_merging_untested_locals(void)
{
    /* fd = socket(); check;
     * if (opaque()) v0 = 1; ... if (opaque()) v19 = 1;   (v0..v19 never tested)
     * return 0;                                                   <- one leak
     * The paths differ only in locals no condition reads: they must merge. */
    begin("merging: diamonds assigning untested locals", "f");
    int fd = var("fd");
    int b = socket_checked(fn->entry, 2, fd);
    for (unsigned i = 0; i < 20; i++) {
        char name[16];
        snprintf(name, sizeof name, "v%u", i);
        int v = var(name);
        int t = block(), join = block();
        branch(b, 5 + i, -1, IR_NE, 0, t, join);
        konst(t, 5 + i, v, 1);
        ir_term_goto(fn, t, join);
        b = join;
    }
    ret(b, 30, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 1 && found.items[0].loc.line == 30);
}

static void test_flag_correlation(void)
{
    /*  2 int have = 0, fd = -1;
     *  4 if (opaque()) {
     *  5     fd = socket(2, 1, 0);
     *  6     if (fd < 0) return -1;
     *  8     have = 1;
     *    }
     * 10 if (have != 0)
     * 11     close(fd);
     * 12 return 0;                                                      */
    for (int set_flag = 1; set_flag >= 0; set_flag--) {
        begin(set_flag ? "flag correlation" : "flag never set: leak", "f");
        int have = var("have"), fd = var("fd");
        int b0 = fn->entry, acq = block(), join = block(), cl = block(), end = block();
        konst(b0, 2, have, 0);
        konst(b0, 2, fd, -1);
        branch(b0, 4, -1, IR_NE, 0, acq, join);
        int ok = socket_checked(acq, 5, fd);
        if (set_flag)
            konst(ok, 8, have, 1);
        ir_term_goto(fn, ok, join);
        branch(join, 10, have, IR_NE, 0, cl, end);
        call(cl, 11, 9, -1, "close", 1, P(fd));
        ir_term_goto(fn, cl, end);
        ret(end, 12, 5);
        CHECK(analyze() == ENG_OK);
        if (set_flag) {
            CHECK(found.n == 0);
        } else {
            const finding *f = only();
            CHECK(f && f->rule == SL_RULE_RESOURCE_LEAK && f->loc.line == 12);
        }
    }
}

static void test_alias(void)
{
    /* fd = socket(); check; s = fd; fd = -1; close(s); return 0; */
    begin("alias via copy, closed through the alias", "f");
    int fd = var("fd"), s = var("s");
    int ok = socket_checked(fn->entry, 2, fd);
    copy(ok, 5, s, fd);
    konst(ok, 6, fd, -1);
    call(ok, 7, 5, -1, "close", 1, P(s));
    ret(ok, 8, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 0);

    /* fd = socket(); check; s = fd; s = -1; { int t = fd; } close(fd);
     * dropping one of two holders loses nothing */
    begin("alias: one holder overwritten, another ends", "f");
    fd = var("fd");
    s = var("s");
    int t = var("t");
    ok = socket_checked(fn->entry, 2, fd);
    copy(ok, 5, s, fd);
    konst(ok, 6, s, -1);
    copy(ok, 7, t, fd);
    scope_end(ok, 7, 20, t);
    call(ok, 8, 5, -1, "close", 1, P(fd));
    ret(ok, 9, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 0);

    /* fd = socket(); check; s = fd; escape s; return 0;  (handed out via the alias) */
    begin("alias: escape through the copy", "f");
    fd = var("fd");
    s = var("s");
    ok = socket_checked(fn->entry, 2, fd);
    copy(ok, 5, s, fd);
    escape(ok, 6, s);
    ret(ok, 7, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 0);

    /* fd = socket(); check; s = fd; close(s); close(fd);  <- double close */
    begin("alias: closing both copies", "f");
    fd = var("fd");
    s = var("s");
    ok = socket_checked(fn->entry, 2, fd);
    copy(ok, 5, s, fd);
    call(ok, 6, 5, -1, "close", 1, P(s));
    call(ok, 7, 5, -1, "close", 1, P(fd));
    ret(ok, 8, 5);
    CHECK(analyze() == ENG_OK);
    const finding *f = only();
    CHECK(f && f->rule == SL_RULE_DOUBLE_CLOSE && f->loc.line == 7);
}

static void test_escape(void)
{
    /* fd = socket(); check; *out = fd; return 0; */
    begin("escape: ownership handed out", "f");
    int out = param("out"), fd = var("fd");
    (void)out;
    int ok = socket_checked(fn->entry, 2, fd);
    escape(ok, 5, fd);
    ret(ok, 6, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 0);
}

static void test_scope_end(void)
{
    /*  2 while (opaque()) {
     *  3     int fd = socket(2, 1, 0);
     *  4     if (fd < 0) return -1;
     *  6     send(fd, 0, 0, 0);
     *  7 }                         <- leak here, each iteration
     *  8 return 0;                                                      */
    begin("scope end leak location", "main");
    fn->is_main = 1; /* a loop in main that leaks per iteration is still reported */
    int fd = var("fd");
    int head = block(), body = block(), exitb = block();
    ir_term_goto(fn, fn->entry, head);
    branch(head, 2, -1, IR_NE, 0, body, exitb);
    int ok = socket_checked(body, 3, fd);
    call(ok, 6, 9, -1, "send", 4, P(fd), K(0), K(0), K(0));
    scope_end(ok, 7, 5, fd);
    ir_term_goto(fn, ok, head);
    ret(exitb, 8, 5);
    CHECK(analyze() == ENG_OK);
    const finding *f = only();
    CHECK(f && f->rule == SL_RULE_RESOURCE_LEAK);
    CHECK(f && f->loc.line == 7 && f->loc.col == 5);
    CHECK(f && strstr(f->message, "goes out of scope"));
    CHECK(f && f->ntrace >= 2 && f->trace[0].loc.line == 3);
}

static void test_overwrite(void)
{
    /* fd = socket(); check; fd = -1 (line 5); close(fd); return 0; */
    begin("overwrite leak location", "f");
    int fd = var("fd");
    int ok = socket_checked(fn->entry, 2, fd);
    konst(ok, 5, fd, -1);
    call(ok, 6, 5, -1, "close", 1, P(fd));
    ret(ok, 7, 5);
    CHECK(analyze() == ENG_OK);
    const finding *f = only();
    CHECK(f && f->rule == SL_RULE_RESOURCE_LEAK && f->loc.line == 5 && f->loc.col == 5);
    CHECK(f && strstr(f->message, "overwritten"));

    /* fd = socket(); check; fd = socket() (line 5, checked); close(fd) */
    begin("overwrite by a second acquisition", "f");
    fd = var("fd");
    ok = socket_checked(fn->entry, 2, fd);
    ok = socket_checked(ok, 5, fd);
    call(ok, 8, 5, -1, "close", 1, P(fd));
    ret(ok, 9, 5);
    CHECK(analyze() == ENG_OK);
    f = only();
    CHECK(f && f->rule == SL_RULE_RESOURCE_LEAK && f->loc.line == 5 && f->acquired.line == 2);
}

static void test_shutdown(void)
{
    /* fd = socket(); check; shutdown(fd, SHUT_WR); return 0; */
    begin("shutdown without close", "f");
    int fd = var("fd");
    int ok = socket_checked(fn->entry, 2, fd);
    call(ok, 5, 5, -1, "shutdown", 2, P(fd), K(1));
    ret(ok, 6, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(count(SL_RULE_RESOURCE_LEAK) == 0);
    const finding *f = only();
    CHECK(f && f->rule == SL_RULE_SHUTDOWN_WITHOUT_CLOSE && f->loc.line == 6);
    int has_step = 0;
    for (size_t i = 0; f && i < f->ntrace; i++)
        has_step |= f->trace[i].loc.line == 5 && strstr(f->trace[i].message, "shut down") != NULL;
    CHECK(has_step);

    /* shutdown then close: nothing */
    begin("shutdown then close", "f");
    fd = var("fd");
    ok = socket_checked(fn->entry, 2, fd);
    call(ok, 5, 5, -1, "shutdown", 2, P(fd), K(2));
    call(ok, 6, 5, -1, "close", 1, P(fd));
    ret(ok, 7, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 0);
}

static void test_double_close_and_use_after(void)
{
    /* fd = socket(); check; close(fd); close(fd) (line 6); return 0; */
    begin("double close", "f");
    int fd = var("fd");
    int ok = socket_checked(fn->entry, 2, fd);
    call(ok, 5, 5, -1, "close", 1, P(fd));
    call(ok, 6, 5, -1, "close", 1, P(fd));
    ret(ok, 7, 5);
    CHECK(analyze() == ENG_OK);
    const finding *f = only();
    CHECK(f && f->rule == SL_RULE_DOUBLE_CLOSE && f->loc.line == 6);
    CHECK(f && f->acquired.line == 2);
    int released_step = 0;
    for (size_t i = 0; f && i < f->ntrace; i++)
        released_step |= f->trace[i].loc.line == 5;
    CHECK(released_step);

    /* fd = socket(); check; close(fd); send(fd) (line 6); return 0; */
    begin("use after close", "f");
    fd = var("fd");
    ok = socket_checked(fn->entry, 2, fd);
    call(ok, 5, 5, -1, "close", 1, P(fd));
    call(ok, 6, 5, -1, "send", 4, P(fd), K(0), K(0), K(0));
    ret(ok, 7, 5);
    CHECK(analyze() == ENG_OK);
    f = only();
    CHECK(f && f->rule == SL_RULE_USE_AFTER_CLOSE && f->loc.line == 6);

    /* closed on one branch only, then closed again after the join */
    begin("double close on one path", "f");
    fd = var("fd");
    ok = socket_checked(fn->entry, 2, fd);
    int a = block(), join = block();
    branch(ok, 5, -1, IR_NE, 0, a, join);
    call(a, 6, 9, -1, "close", 1, P(fd));
    ir_term_goto(fn, a, join);
    call(join, 8, 5, -1, "close", 1, P(fd));
    ret(join, 9, 5);
    CHECK(analyze() == ENG_OK);
    f = only();
    CHECK(f && f->rule == SL_RULE_DOUBLE_CLOSE && f->loc.line == 8);
}

static void test_use_before_check(void)
{
    /* fd = socket(); send(fd) (line 3); if (fd < 0) return; close(fd); */
    begin("use before check", "f");
    int fd = var("fd");
    int fail = block(), ok = block();
    socket_into(fn->entry, 2, fd);
    call(fn->entry, 3, 5, -1, "send", 4, P(fd), K(0), K(0), K(0));
    branch(fn->entry, 4, fd, IR_LT, 0, fail, ok);
    ret(fail, 5, 9);
    call(ok, 6, 5, -1, "close", 1, P(fd));
    ret(ok, 7, 5);
    CHECK(analyze() == ENG_OK);
    const finding *f = only();
    CHECK(f && f->rule == SL_RULE_USE_BEFORE_CHECK && f->level == SL_LEVEL_NOTE);
    CHECK(f && f->loc.line == 3);

    /* checked first: nothing */
    begin("use after the check", "f");
    fd = var("fd");
    ok = socket_checked(fn->entry, 2, fd);
    call(ok, 5, 5, -1, "send", 4, P(fd), K(0), K(0), K(0));
    call(ok, 6, 5, -1, "close", 1, P(fd));
    ret(ok, 7, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 0);
}

static void test_cmpset(void)
{
    /* fd = socket(); bad = fd < 0; if (bad) return -1; close(fd); return 0; */
    begin("status in a variable (cmpset)", "f");
    int fd = var("fd"), bad = var("bad");
    int fail = block(), ok = block();
    socket_into(fn->entry, 2, fd);
    cmpset(fn->entry, 3, bad, fd, IR_LT, 0);
    branch(fn->entry, 4, bad, IR_NE, 0, fail, ok);
    ret(fail, 5, 9);
    call(ok, 6, 5, -1, "close", 1, P(fd));
    ret(ok, 7, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 0);

    /* int p[2]; rc = pipe(p); if (rc != 0) return -1; close(p[0]); return 0;
     *   <- p[1] leaks at the return; the failed pipe holds nothing */
    begin("pipe status code", "f");
    int p = var("p");
    fn->places[p].is_array = 1;
    int p0 = ir_place_sub(fn, p, "[0]");
    int p1 = ir_place_sub(fn, p, "[1]");
    (void)p1;
    int rc = var("rc");
    fail = block();
    ok = block();
    call(fn->entry, 2, 10, rc, "pipe", 1, P(p));
    branch(fn->entry, 3, rc, IR_NE, 0, fail, ok);
    ret(fail, 4, 9);
    call(ok, 5, 5, -1, "close", 1, P(p0));
    ret(ok, 6, 5);
    CHECK(analyze() == ENG_OK);
    const finding *f = only();
    CHECK(f && f->rule == SL_RULE_RESOURCE_LEAK && f->loc.line == 6);
    CHECK(f && f->variable && strcmp(f->variable, "p[1]") == 0);
}

static void test_budget(void)
{
    /* a leak exists, but the budget runs out first: no guessed finding */
    begin("budget exhaustion", "f");
    int fd = var("fd");
    int ok = socket_checked(fn->entry, 2, fd);
    int end = diamonds(ok, 10, 5);
    ret(end, 20, 5);
    eng_options opt;
    eng_options_default(&opt);
    opt.budget = 3;
    CHECK(analyze_with(&opt) == ENG_BUDGET);
    CHECK(found.n == 0);
    /* with the default budget it is found */
    CHECK(analyze() == ENG_OK && found.n == 1);

    /* the states' memory counts too: 12 flags tested after the
     * acquisition make 4096 different states of a dozen known values each,
     * far more than 64 KiB; the visit budget alone would let them through */
    begin("memory budget exhaustion", "f");
    fd = var("fd");
    int cur = socket_checked(fn->entry, 2, fd), flags[12];
    for (int i = 0; i < 12; i++) {
        char name[8];
        snprintf(name, sizeof name, "k%d", i);
        int k = flags[i] = var(name);
        int t = block(), e = block(), join = block();
        call(cur, 10 + i, 5, k, "foo", 0);
        branch(cur, 10 + i, k, IR_NE, 0, t, e);
        konst(t, 10 + i, k, 1);
        ir_term_goto(fn, t, join);
        konst(e, 10 + i, k, 0);
        ir_term_goto(fn, e, join);
        cur = join;
    }
    for (int i = 0; i < 12; i++) { /* each flag is read again: kept in states */
        int t = block(), join = block();
        branch(cur, 30 + i, flags[i], IR_NE, 0, t, join);
        ir_term_goto(fn, t, join);
        cur = join;
    }
    ret(cur, 50, 5);
    opt.budget = 10000000;
    opt.memory_budget = 64 << 10;
    CHECK(analyze_with(&opt) == ENG_BUDGET && found.n == 0);
    opt.memory_budget = 0; /* the default */
    CHECK(analyze_with(&opt) == ENG_OK && found.n == 1);
}

static void test_main_and_exit(void)
{
    /* int main(void) { fd = socket(); check; return 0; } */
    begin("return from main is not a leak", "main");
    fn->is_main = 1;
    int fd = var("fd");
    int ok = socket_checked(fn->entry, 2, fd);
    ret(ok, 5, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 0);

    /* fd = socket(); check; exit(1); (the front marks it and ends the block) */
    begin("exit ends the path", "f");
    fd = var("fd");
    ok = socket_checked(fn->entry, 2, fd);
    ir_insn *in = call(ok, 5, 5, -1, "exit", 1, K(1));
    in->call->noreturn = 1;
    ir_term_exit(fn, ok, at(5, 5));
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 0);

    /* the rules table alone says exit does not return: the path ends even
     * when the IR goes on to a return */
    begin("noreturn from the rules table", "f");
    fd = var("fd");
    ok = socket_checked(fn->entry, 2, fd);
    call(ok, 5, 5, -1, "exit", 1, K(1));
    ret(ok, 6, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 0);
}

static void test_unknown_callee(void)
{
    /* fd = socket(); check; register_fd(fd); return 0; */
    for (int borrow = 0; borrow < 2; borrow++) {
        begin(borrow ? "unknown callee with assume_borrow" : "unknown callee takes ownership",
              "f");
        int fd = var("fd");
        int ok = socket_checked(fn->entry, 2, fd);
        call(ok, 5, 5, -1, "register_fd", 1, P(fd));
        ret(ok, 6, 5);
        eng_options opt;
        eng_options_default(&opt);
        opt.assume_borrow = borrow ? 1 : 0;
        CHECK(analyze_with(&opt) == ENG_OK);
        if (borrow) {
            const finding *f = only();
            CHECK(f && f->rule == SL_RULE_RESOURCE_LEAK && f->loc.line == 6);
        } else {
            CHECK(found.n == 0);
        }
    }
    /* a call that does not get the value changes nothing */
    begin("unknown callee without the value", "f");
    int fd = var("fd");
    int ok = socket_checked(fn->entry, 2, fd);
    call(ok, 5, 5, -1, "log_something", 1, K(3));
    ret(ok, 6, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 1);
}

static void test_disabled_rule(void)
{
    begin("a disabled rule reports nothing", "f");
    int fd = var("fd");
    int ok = socket_checked(fn->entry, 2, fd);
    ret(ok, 5, 5);
    eng_options opt;
    eng_options_default(&opt);
    opt.enabled[SL_RULE_RESOURCE_LEAK] = 0;
    CHECK(analyze_with(&opt) == ENG_OK);
    CHECK(found.n == 0);
}

static void test_discarded_result(void)
{
    /* socket(2, 1, 0); as a statement: the result is never stored */
    begin("discarded acquisition", "f");
    socket_into(fn->entry, 2, -1);
    ret(fn->entry, 3, 5);
    CHECK(analyze() == ENG_OK);
    const finding *f = only();
    CHECK(f && f->rule == SL_RULE_RESOURCE_LEAK && f->loc.line == 2);
}

/* ---- the rules table ---- */

static void make_rules(void)
{
    rt = rules_table_new();
    if (!rt) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    int fam = rules_family_add(rt, "fd", "file descriptor", "closed", "close");
    rt_entry *e = rules_entry(rt, "socket", "test");
    e->has_acquire = 1;
    e->acquire.family = fam;
    e->acquire.noun = strdup("socket");
    e->fail.kind = RT_FAIL_NEGATIVE;
    e = rules_entry(rt, "pipe", "test");
    e->has_acquire = 1;
    e->acquire.family = fam;
    e->acquire.out_arg = 0;
    e->acquire.out_count = 2;
    e->fail.kind = RT_FAIL_NONZERO;
    rules_entry(rt, "close", "test")->release = 1u << 0;
    rules_entry(rt, "shutdown", "test")->half_release = 1u << 0;
    rules_entry(rt, "send", "test")->borrow = 1u << 0;
    rules_entry(rt, "exit", "test")->noreturn = 1;
    rules_entry(rt, "foo", "test")->harmless = 1;
    rules_entry(rt, "malloc", "test")->allocates = 1;
    rules_entry(rt, "free", "test")->frees = 1u << 0;
}

/* A global g (a memory place) tested twice around the acquisition:
 *  2 if (g > hi1) fd = socket(...);  (checked)
 *  6 <between>
 *  8 if (g > hi2) close(fd);
 * 10 return 0;
 * between: 0 nothing, 1 g = 0, 2 a project call, 3 a system call. */
static void facts_case(int64_t hi1, int64_t hi2, int between)
{
    int g = var("g"), fd = var("fd");
    fn->places[g].is_memory = 1;
    int b0 = fn->entry, acq = block(), join = block(), cl = block(), end = block();
    konst(b0, 1, fd, -1);
    branch(b0, 2, g, IR_GT, hi1, acq, end);
    int ok = socket_checked(acq, 3, fd);
    ir_term_goto(fn, ok, join);
    if (between == 1)
        konst(join, 6, g, 0);
    if (between >= 2) {
        ir_insn *in = call(join, 6, 5, -1, "reload", 0);
        in->call->in_system = between == 3;
    }
    branch(join, 8, g, IR_GT, hi2, cl, end);
    call(cl, 9, 9, -1, "close", 1, P(fd));
    ir_term_goto(fn, cl, end);
    ret(end, 10, 5);
}

static void test_facts(void)
{
    static const struct {
        const char *name;
        int64_t hi1, hi2;
        int between, leaks;
    } cases[] = {
        {"same test twice on a global", 2, 2, 0, 0},
        {"g > 5 implies g > 2", 5, 2, 0, 0},
        {"g > 2 does not imply g > 3", 2, 3, 0, 1},
        {"a write between the tests", 2, 2, 1, 1},
        {"a project call between the tests", 2, 2, 2, 1},
        {"a system call between the tests", 2, 2, 3, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        begin(cases[i].name, "f");
        facts_case(cases[i].hi1, cases[i].hi2, cases[i].between);
        CHECK(analyze() == ENG_OK);
        CHECK(count(SL_RULE_RESOURCE_LEAK) == (size_t)cases[i].leaks);
    }
}

/* x & 4 as a place of its own: decided by its first test, forgotten when x
 * is written; and the same through n sequential tests stays cheap. */
static void test_masked_place(void)
{
    for (int write_x = 0; write_x < 2; write_x++) {
        begin(write_x ? "x written: x&4 forgotten" : "x&4 decides its second test", "f");
        int x = param("x"), fd = var("fd");
        int m = ir_place_add(fn, "x&4", IR_PLACE_SUB, x);
        fn->places[m].derived_from = x;
        int b0 = fn->entry, acq = block(), join = block(), cl = block(), end = block();
        konst(b0, 1, fd, -1);
        branch(b0, 2, m, IR_NE, 0, acq, end);
        int ok = socket_checked(acq, 3, fd);
        ir_term_goto(fn, ok, join);
        if (write_x)
            simple(join, IR_HAVOC, 6, x, -1, 0);
        branch(join, 8, m, IR_NE, 0, cl, end);
        call(cl, 9, 9, -1, "close", 1, P(fd));
        ir_term_goto(fn, cl, end);
        ret(end, 10, 5);
        CHECK(analyze() == ENG_OK);
        CHECK(count(SL_RULE_RESOURCE_LEAK) == (size_t)write_x);
    }
    /* 40 flags tested in sequence between the acquisition and the close:
     * identical states merge, so the walk stays far below the budget */
    begin("forty sequential tests stay linear", "f");
    int fd = var("fd");
    int cur = socket_checked(fn->entry, 2, fd);
    for (int i = 0; i < 40; i++) {
        char name[16];
        snprintf(name, sizeof name, "f%d", i);
        int fl = param(name), t = block(), next = block();
        fn->places[fl].is_memory = 1;
        branch(cur, 10 + (unsigned)i, fl, IR_NE, 0, t, next);
        call(t, 10 + (unsigned)i, 5, -1, "foo", 0);
        ir_term_goto(fn, t, next);
        cur = next;
    }
    call(cur, 60, 5, -1, "close", 1, P(fd));
    ret(cur, 61, 5);
    eng_options opt;
    eng_options_default(&opt);
    opt.budget = 2000;
    CHECK(analyze_with(&opt) == ENG_OK && found.n == 0);
}

/* Twelve memory flags each tested twice after the acquisition: every test
 * teaches a fact, but only a few are kept (oldest dropped), so the states
 * do not double per flag and the walk stays small. */
static void test_fact_cap(void)
{
    begin("memory facts are kept a few at a time", "f");
    int fd = var("fd");
    int cur = socket_checked(fn->entry, 2, fd);
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 12; i++) {
            char name[16];
            snprintf(name, sizeof name, "g%d", i);
            int g = ir_place_find(fn, name);
            if (g < 0) {
                g = var(name);
                fn->places[g].is_memory = 1;
            }
            int t = block(), next = block();
            branch(cur, 10 + (unsigned)(round * 12 + i), g, IR_NE, 0, t, next);
            call(t, 10, 5, -1, "foo", 0);
            ir_term_goto(fn, t, next);
            cur = next;
        }
    call(cur, 60, 5, -1, "close", 1, P(fd));
    ret(cur, 61, 5);
    eng_options opt;
    eng_options_default(&opt);
    opt.budget = 20000;
    CHECK(analyze_with(&opt) == ENG_OK && found.n == 0);
}

/* for (i = 0; i < 2; i++) with the step as an ADD: exactly two rounds.
 * Each round opens and closes; a third round would find fd open. */
static void test_counted_loop(void)
{
    begin("a loop of two rounds", "f");
    int i = var("i"), fd = var("fd"), n = var("n");
    int b0 = fn->entry, head = block(), body = block(), exit = block();
    konst(b0, 1, i, 0);
    konst(b0, 1, n, 0);
    ir_term_goto(fn, b0, head);
    branch(head, 2, i, IR_LT, 2, body, exit);
    int ok = socket_checked(body, 3, fd);
    call(ok, 5, 5, -1, "close", 1, P(fd));
    simple(ok, IR_ADD, 2, i, i, 1);
    ir_term_goto(fn, ok, head);
    int after = block(), never = block();
    branch(exit, 7, i, IR_EQ, 2, after, never);
    ret(after, 8, 5);
    /* i != 2 after the loop cannot happen: an acquisition there is dead */
    socket_into(never, 9, n);
    ret(never, 10, 5);
    CHECK(analyze() == ENG_OK);
    CHECK(found.n == 0);
}

/* ---- places in memory (issue 11): fields of new objects, globals,
 * out-parameters, arrays filled at a variable index ---- */

/* A place of fn in memory: a global (root) or something under one. */
static int memory_place(const char *name, int base)
{
    int p = ir_place_add(fn, name, base < 0 ? IR_PLACE_VAR : IR_PLACE_SUB, base);
    fn->places[p].is_memory = 1;
    return p;
}

static void store(int b, unsigned line, int dst, int src, int through_param)
{
    simple(b, IR_STORE, line, dst, src, through_param);
}

static void test_object_field(void)
{
    /*  2 struct conn *c = malloc(...);  (NULL: return)
     *  4 int fd = socket(); (< 0: return)
     *  7 c->fd = fd;  (fd's scope ends)
     *  8 if (opaque()) { free(c); return -1; }   <- leak at free
     * 10 return c;                               <- the object leaves: fine */
    begin("a field of a new object", "f");
    int c = var("c"), fd = var("fd");
    fn->places[c].is_pointer = 1;
    int cfd = memory_place("c->fd", c);
    int nomem = block(), have = block();
    call(fn->entry, 2, 22, c, "malloc", 1, K(16));
    branch(fn->entry, 3, c, IR_EQ, 0, nomem, have);
    ret(nomem, 3, 20);
    int ok = socket_checked(have, 4, fd);
    store(ok, 7, cfd, fd, -1);
    scope_end(ok, 7, 20, fd); /* { int fd = ...; c->fd = fd; } */
    int bad = block(), good = block();
    branch(ok, 8, -1, IR_NE, 0, bad, good);
    call(bad, 8, 25, -1, "free", 1, P(c));
    ret(bad, 8, 34);
    escape(good, 10, c);
    ret(good, 10, 5);
    CHECK(analyze() == ENG_OK);
    const finding *f = only();
    CHECK(f && f->rule == SL_RULE_RESOURCE_LEAK && f->loc.line == 8 && f->loc.col == 25);
    CHECK(f && strstr(f->message, "free() frees the object"));
}

static void test_global_holder(void)
{
    /*  2 fd = socket(); (< 0: return)  5 g = fd;  6 return 0;   fine: g has it
     *  then, fd's scope ended, a second socket stored into g at line 9: the
     *  first is lost there */
    begin("a global keeps it", "f");
    int g = memory_place("g", -1), fd = var("fd");
    int ok = socket_checked(fn->entry, 2, fd);
    store(ok, 5, g, fd, -1);
    ret(ok, 6, 5);
    CHECK(analyze() == ENG_OK && found.n == 0);

    begin("a global overwritten by the function's own second value", "f");
    g = memory_place("g", -1);
    fd = var("fd");
    int fd2 = var("fd2");
    ok = socket_checked(fn->entry, 2, fd);
    store(ok, 5, g, fd, -1);
    scope_end(ok, 5, 20, fd);
    int ok2 = socket_checked(ok, 6, fd2);
    store(ok2, 9, g, fd2, -1);
    ret(ok2, 10, 5);
    CHECK(analyze() == ENG_OK);
    /* each socket's site sees one loss: the first at line 9, none for the second */
    CHECK(count(SL_RULE_RESOURCE_LEAK) == 1 && found.n && found.items[0].loc.line == 9);
}

static void test_global_written_elsewhere(void)
{
    /* g's row says every write in the program stores a fresh socket that
     * nothing closes: storing into it unseen loses the earlier one, unless
     * the path knows g is empty (g < 0). */
    rt_entry *row = rules_entry(rt, "c:@g", "test");
    row->global_left_open = 1;
    for (int guarded = 0; guarded < 2; guarded++) {
        begin(guarded ? "a global known empty" : "a global that may hold an earlier socket", "f");
        int g = memory_place("g", -1), fd = var("fd");
        fn->places[g].usr = "c:@g";
        int start = fn->entry;
        if (guarded) {
            int done = block(), go = block();
            branch(fn->entry, 2, g, IR_GE, 0, done, go);
            ret(done, 2, 20);
            start = go;
        }
        int ok = socket_checked(start, 3, fd);
        store(ok, 6, g, fd, -1);
        ret(ok, 7, 5);
        CHECK(analyze() == ENG_OK);
        CHECK(found.n == (guarded ? 0u : 1u));
        CHECK(guarded || (found.n && found.items[0].loc.line == 6 &&
                          strstr(found.items[0].message, "earlier call")));
    }
    row->global_left_open = 0;
}

static void test_out_parameter(void)
{
    /*  1 int f(int *out) {
     *  2     *out = socket();  if (*out < 0) return -1;
     *  5     if (opaque()) return -1;     <- leak: failure with *out open
     *  6     return 0;                    <- success: the caller's
     * and again with a caller known to close *out after a failure */
    rt_entry *self = rules_entry(rt, "c:@F@f", "test");
    for (int closed = 0; closed < 2; closed++) {
        self->out_closed_by_callers = closed ? 1 : 0;
        begin(closed ? "an out-parameter its callers close on failure"
                     : "an out-parameter left open on failure", "f");
        fn->usr = "c:@F@f";
        int out = param("out");
        fn->places[out].is_pointer = 1;
        int star = memory_place("*out", out);
        fn->places[star].is_deref = 1;
        int t = ir_place_add(fn, "$t1", IR_PLACE_TEMP, -1);
        int fail = block(), ok = block(), bad = block(), good = block();
        socket_into(fn->entry, 2, t);
        store(fn->entry, 2, star, t, out);
        scope_end(fn->entry, 2, 14, t);
        branch(fn->entry, 3, star, IR_LT, 0, fail, ok);
        ir_term_return(fn, fail, at(4, 9), 0);
        fn->blocks[fail]->term.ret_has_const = 1;
        fn->blocks[fail]->term.ret_const = -1;
        branch(ok, 5, -1, IR_NE, 0, bad, good);
        ir_term_return(fn, bad, at(5, 20), 0);
        fn->blocks[bad]->term.ret_has_const = 1;
        fn->blocks[bad]->term.ret_const = -1;
        ir_term_return(fn, good, at(6, 5), 0);
        fn->blocks[good]->term.ret_has_const = 1;
        fn->blocks[good]->term.ret_const = 0;
        CHECK(analyze() == ENG_OK);
        CHECK(found.n == (closed ? 0u : 1u));
        CHECK(closed || (found.n && found.items[0].loc.line == 5 &&
                         strstr(found.items[0].message, "left open in '*out'")));
    }
    self->out_closed_by_callers = 0;
}

static void test_array_collection(void)
{
    /*  2 for (i = 0; i < n; i++) {
     *  3     fds[i] = socket();
     *  4     if (fds[i] < 0) return -1;     <- a later pass: earlier ones lost
     *  5 }
     *  6 for (j = 0; j < n; j++) close(fds[j]);   (when `cleanup` is set)
     *  7 return 0;                          <- without the loop: lost too */
    for (int cleanup = 0; cleanup < 2; cleanup++) {
        begin(cleanup ? "an array emptied by a loop" : "an array filled and lost", "f");
        int n = param("n"), fds = var("fds"), i = var("i"), j = var("j");
        fn->places[fds].is_array = 1;
        int el = ir_place_index(fn, fds, i), elj = ir_place_index(fn, fds, j);
        CHECK(ir_place_collection(fn, fds) >= 0 && el != elj);
        CHECK(strcmp(fn->places[el].name, "fds[i]") == 0);
        int head = block(), body = block(), fail = block(), step = block(), after = block();
        konst(fn->entry, 2, i, 0);
        ir_term_goto(fn, fn->entry, head);
        branch(head, 2, -1, IR_NE, 0, body, after); /* i < n */
        socket_into(body, 3, el);
        branch(body, 4, el, IR_LT, 0, fail, step);
        ret(fail, 4, 25);
        simple(step, IR_HAVOC, 2, i, -1, 0); /* i++ with n unknown */
        ir_term_goto(fn, step, head);
        int end = after;
        if (cleanup) {
            int h2 = block(), b2 = block(), out = block();
            konst(after, 6, j, 0);
            ir_term_goto(fn, after, h2);
            branch(h2, 6, -1, IR_NE, 0, b2, out);
            call(b2, 6, 30, -1, "close", 1, P(elj));
            simple(b2, IR_HAVOC, 6, j, -1, 0);
            ir_term_goto(fn, b2, h2);
            end = out;
        }
        ret(end, 7, 5);
        (void)n;
        CHECK(analyze() == ENG_OK);
        size_t at4 = 0, at7 = 0;
        for (size_t k = 0; k < found.n; k++) {
            at4 += found.items[k].loc.line == 4;
            at7 += found.items[k].loc.line == 7;
            CHECK(strstr(found.items[k].message, "'fds[...]'") != NULL);
        }
        CHECK(at4 == 1 && at7 == (cleanup ? 0u : 1u) && found.n == at4 + at7);
    }
}

int main(void)
{
    make_rules();
    test_facts();
    test_masked_place();
    test_counted_loop();
    test_fact_cap();
    test_leak_on_return();
    test_failure_branch_no_leak();
    test_falloff();
    test_merging();
    test_merging_untested_locals();
    test_flag_correlation();
    test_alias();
    test_escape();
    test_scope_end();
    test_overwrite();
    test_shutdown();
    test_double_close_and_use_after();
    test_use_before_check();
    test_cmpset();
    test_budget();
    test_main_and_exit();
    test_unknown_callee();
    test_disabled_rule();
    test_discarded_result();
    test_object_field();
    test_global_holder();
    test_global_written_elsewhere();
    test_out_parameter();
    test_array_collection();
    ir_func_free(fn);
    finding_list_clear(&found);
    rules_table_free(rt);
    if (failures) {
        fprintf(stderr, "test_engine: %d check(s) failed\n", failures);
        return 1;
    }
    printf("test_engine: all checks passed\n");
    return 0;
}
