/* test_cfg.c — unit tests for the CFG builder, through the real front end.
 *
 * Each test writes a small C snippet to a temporary file, lowers it with
 * front_lower_file() and checks properties of the IR that a user of the
 * analysis depends on, never the exact dump: which blocks are reachable,
 * which conditions are branched on (as "place OP constant"), and what runs
 * on a given path.  For the last, run() executes the IR concretely with the
 * given values of variables and call results and returns the path as text:
 * call names in order, "~v" for the scope end of variable v, then "ret",
 * "exit" or "..." when a loop goes on (see run() for the details).
 * A failed check prints the function's ir_dump().
 * It does not test the engine (test_engine.c) or the command line.
 */
#include "front/front.h"
#include "ir/ir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures;
static front_worker *worker;
static front_result result;
static char tmpdir[] = "/tmp/sockleak-test-cfg-XXXXXX";
static char srcpath[600];
static const char *test_name;
static const ir_func *shown; /* last function dumped: dump it once per failure run */

static void fail_dump(const ir_func *f)
{
    if (!f || f == shown)
        return;
    shown = f;
    fprintf(stderr, "  --- IR of %s() in test %s ---\n", f->name, test_name);
    ir_dump(f, stderr);
    fprintf(stderr, "  ---\n");
}

/* CHECK(f, cond): on failure, say where and dump f's IR (once). */
#define CHECK(f, cond)                                                        \
    do {                                                                      \
        if (!(cond)) {                                                        \
            fprintf(stderr, "%s:%d: [%s] CHECK failed: %s\n", __FILE__,       \
                    __LINE__, test_name, #cond);                              \
            fail_dump(f);                                                     \
            failures++;                                                       \
        }                                                                     \
    } while (0)

/* CHECK_PATH(f, actual, expected): two path strings must be equal. */
#define CHECK_PATH(f, actual, expected)                                       \
    do {                                                                      \
        const char *a_ = (actual), *e_ = (expected);                          \
        if (strcmp(a_, e_) != 0) {                                            \
            fprintf(stderr, "%s:%d: [%s] path differs\n  expected: %s\n"      \
                    "  actual:   %s\n", __FILE__, __LINE__, test_name, e_,   \
                    a_);                                                      \
            fail_dump(f);                                                     \
            failures++;                                                       \
        }                                                                     \
    } while (0)

/* CHECK_LOOP(f, actual, prefix): the path starts with prefix and goes on
 * ("..."): a loop that does not end with the given values. */
#define CHECK_LOOP(f, actual, prefix)                                         \
    do {                                                                      \
        const char *a_ = (actual), *p_ = (prefix);                            \
        size_t n_ = strlen(a_);                                               \
        if (strncmp(a_, p_, strlen(p_)) != 0 || n_ < 3 ||                     \
            strcmp(a_ + n_ - 3, "...") != 0) {                                \
            fprintf(stderr, "%s:%d: [%s] looping path differs\n"              \
                    "  expected: %s ...\n  actual:   %s\n", __FILE__,         \
                    __LINE__, test_name, p_, a_);                             \
            fail_dump(f);                                                     \
            failures++;                                                       \
        }                                                                     \
    } while (0)

/* ---- lowering snippets ---- */

/* Lowers src (a whole translation unit) and returns the function called name;
 * the result stays valid until the next call.  Exits on a setup failure
 * (parse errors, missing function): the test itself would be wrong. */
static const ir_func *lower(const char *src, const char *name)
{
    front_result_clear(&result);
    FILE *fp = fopen(srcpath, "w");
    if (!fp) {
        perror(srcpath);
        exit(2);
    }
    fputs(src, fp);
    fclose(fp);
    static const char *const args[] = {"-std=gnu11"};
    front_lower_file(worker, srcpath, args, 1, NULL, &result);
    if (result.status != FRONT_OK) {
        fprintf(stderr, "[%s] snippet does not compile: %s\n", test_name,
                result.message ? result.message : "?");
        exit(2);
    }
    for (size_t i = 0; i < result.nfuncs; i++)
        if (strcmp(result.funcs[i]->name, name) == 0)
            return result.funcs[i];
    fprintf(stderr, "[%s] function %s not lowered\n", test_name, name);
    exit(2);
}

/* ---- looking at the CFG ---- */

static int nsucc(const ir_block *b)
{
    return b->term.kind == IR_T_GOTO ? 1 : b->term.kind == IR_T_BRANCH ? 2 : 0;
}

/* Whether block `to` is reachable from `from` (in zero or more edges). */
static int reaches(const ir_func *f, int from, int to)
{
    if (from < 0 || to < 0)
        return 0;
    char *seen = calloc(f->nblocks, 1);
    int *stack = malloc(sizeof(int) * (f->nblocks + 1));
    int sp = 0, found = 0;
    stack[sp++] = from;
    seen[from] = 1;
    while (sp && !found) {
        int b = stack[--sp];
        found = b == to;
        const ir_block *bl = f->blocks[b];
        for (int i = 0; i < nsucc(bl); i++) {
            int s = bl->term.succ[i];
            if (s >= 0 && !seen[s]) {
                seen[s] = 1;
                stack[sp++] = s;
            }
        }
    }
    free(seen);
    free(stack);
    return found;
}

/* Whether b lies on a cycle (it can reach itself in one or more edges). */
static int on_cycle(const ir_func *f, int b)
{
    const ir_block *bl = f->blocks[b];
    for (int i = 0; i < nsucc(bl); i++)
        if (reaches(f, bl->term.succ[i], b))
            return 1;
    return 0;
}

static int reachable(const ir_func *f, int b) { return reaches(f, f->entry, b); }

static unsigned count_reachable(const ir_func *f)
{
    unsigned n = 0;
    for (unsigned b = 0; b < f->nblocks; b++)
        n += reachable(f, (int)b);
    return n;
}

/* Number of reachable blocks with terminator kind k. */
static unsigned count_terms(const ir_func *f, ir_term_kind k)
{
    unsigned n = 0;
    for (unsigned b = 0; b < f->nblocks; b++)
        n += f->blocks[b]->term.kind == k && reachable(f, (int)b);
    return n;
}

/* The block holding the first call to callee (any block), or -1; *idx gets
 * the instruction index. */
static int call_at(const ir_func *f, const char *callee, unsigned *idx)
{
    for (unsigned b = 0; b < f->nblocks; b++)
        for (unsigned i = 0; i < f->blocks[b]->ninsns; i++) {
            const ir_insn *in = &f->blocks[b]->insns[i];
            if (in->op == IR_CALL && in->call->callee && !strcmp(in->call->callee, callee)) {
                if (idx)
                    *idx = i;
                return (int)b;
            }
        }
    return -1;
}

static int call_block(const ir_func *f, const char *callee) { return call_at(f, callee, NULL); }

static const ir_insn *call_insn(const ir_func *f, const char *callee)
{
    unsigned i;
    int b = call_at(f, callee, &i);
    return b < 0 ? NULL : &f->blocks[b]->insns[i];
}

static int place(const ir_func *f, const char *name) { return ir_place_find(f, name); }

/* The reachable block that branches on "name op value", or -1. */
static int branch_on(const ir_func *f, const char *name, ir_cmpop op, int64_t value)
{
    int p = place(f, name);
    for (unsigned b = 0; b < f->nblocks; b++) {
        const ir_term *t = &f->blocks[b]->term;
        if (t->kind == IR_T_BRANCH && p >= 0 && t->cond.place == p && t->cond.op == op &&
            t->cond.value == value && reachable(f, (int)b))
            return (int)b;
    }
    return -1;
}

/* Whether every reachable branch tests an atomic "place OP constant". */
static int all_branches_atomic(const ir_func *f)
{
    for (unsigned b = 0; b < f->nblocks; b++) {
        const ir_term *t = &f->blocks[b]->term;
        if (t->kind == IR_T_BRANCH && reachable(f, (int)b) && t->cond.place < 0)
            return 0;
    }
    return 1;
}

/* The scope-end instruction (in any block) that ends place name, or NULL. */
static const ir_insn *scope_end_of(const ir_func *f, const char *name, int *block)
{
    int p = place(f, name);
    for (unsigned b = 0; b < f->nblocks; b++)
        for (unsigned i = 0; i < f->blocks[b]->ninsns; i++) {
            const ir_insn *in = &f->blocks[b]->insns[i];
            if (in->op != IR_SCOPE_END)
                continue;
            for (unsigned k = 0; k < in->nplaces; k++)
                if (in->places[k] == p) {
                    if (block)
                        *block = (int)b;
                    return in;
                }
        }
    return NULL;
}

/* ---- running the IR on concrete values ---- */

#define MAX_EVENTS 14
#define MAX_VISITS 400

typedef struct machine {
    const ir_func *f;
    int64_t *val;
    char *known;
    const char *calls;  /* "name=value ..." results of calls */
    char out[2048];
    unsigned events;
} machine;

static void put(machine *m, const char *s)
{
    size_t n = strlen(m->out);
    snprintf(m->out + n, sizeof m->out - n, "%s%s", n ? " " : "", s);
}

/* Looks name up in a "a=1 b=-2" list; returns 1 and sets *v when found. */
static int lookup(const char *list, const char *name, int64_t *v)
{
    size_t n = strlen(name);
    for (const char *p = list; p && *p;) {
        while (*p == ' ')
            p++;
        if (!strncmp(p, name, n) && p[n] == '=') {
            *v = strtoll(p + n + 1, NULL, 10);
            return 1;
        }
        while (*p && *p != ' ')
            p++;
    }
    return 0;
}

static void set(machine *m, int p, int known, int64_t v)
{
    if (p < 0)
        return;
    m->known[p] = (char)known;
    m->val[p] = v;
}

/* Executes block b's instructions; returns 0 when the event budget ran out. */
static int exec_insns(machine *m, const ir_block *b)
{
    const ir_func *f = m->f;
    for (unsigned i = 0; i < b->ninsns; i++) {
        const ir_insn *in = &b->insns[i];
        int64_t v;
        switch (in->op) {
        case IR_CALL:
            put(m, in->call->callee ? in->call->callee : "<indirect>");
            m->events++;
            if (in->call->dst >= 0) {
                int k = in->call->callee && lookup(m->calls, in->call->callee, &v);
                set(m, in->call->dst, k, k ? v : 0);
            }
            break;
        case IR_COPY:
        case IR_STORE:
            set(m, in->dst, m->known[in->src], m->val[in->src]);
            break;
        case IR_CONST:
            set(m, in->dst, 1, in->value);
            break;
        case IR_CMPSET:
            set(m, in->dst, m->known[in->src],
                ir_cmp_holds(in->cmp, m->val[in->src], in->value));
            break;
        case IR_HAVOC:
            set(m, in->dst, 0, 0);
            break;
        case IR_ADD:
            set(m, in->dst, m->known[in->src], m->val[in->src] + in->value);
            break;
        case IR_ESCAPE:
        case IR_NONZERO:
        case IR_OP_COUNT:
            break;
        case IR_SCOPE_END:
            for (unsigned k = 0; k < in->nplaces; k++) {
                const ir_place *pl = &f->places[in->places[k]];
                if (pl->kind == IR_PLACE_TEMP)
                    continue; /* temporaries end everywhere: noise */
                char buf[200];
                snprintf(buf, sizeof buf, "~%s", pl->name);
                put(m, buf);
                m->events++;
            }
            break;
        }
        if (m->events > MAX_EVENTS)
            return 0;
    }
    return 1;
}

/* Runs f from its entry with the variables in vars ("x=1 fd=-1") and the
 * call results in calls ("socket=3 g=0") and returns the path: calls and
 * scope ends in order, then "ret", "exit", "?COND" (a branch on an unknown
 * value, or an opaque one, given by its text) or "..." (the path goes on).
 * The string is static: valid until the next run. */
static const char *run(const ir_func *f, const char *vars, const char *calls)
{
    static machine m;
    memset(&m, 0, sizeof m);
    m.f = f;
    m.calls = calls;
    m.val = calloc(f->nplaces + 1, sizeof(int64_t));
    m.known = calloc(f->nplaces + 1, 1);
    for (unsigned p = 0; p < f->nplaces; p++) {
        int64_t v;
        if (lookup(vars, f->places[p].name, &v))
            set(&m, (int)p, 1, v);
    }
    int b = f->entry;
    for (unsigned visits = 0;; visits++) {
        const ir_block *bl = f->blocks[b];
        if (visits > MAX_VISITS || !exec_insns(&m, bl)) {
            put(&m, "...");
            break;
        }
        const ir_term *t = &bl->term;
        if (t->kind == IR_T_GOTO) {
            b = t->succ[0];
            continue;
        }
        if (t->kind == IR_T_BRANCH) {
            int p = t->cond.place;
            if (p < 0 || !m.known[p]) {
                char buf[300];
                snprintf(buf, sizeof buf, "?%s", t->text ? t->text : "");
                put(&m, buf);
                break;
            }
            b = t->succ[ir_cmp_holds(t->cond.op, m.val[p], t->cond.value) ? 0 : 1];
            continue;
        }
        put(&m, t->kind == IR_T_RETURN ? "ret" : t->kind == IR_T_EXIT ? "exit" : "unterminated");
        break;
    }
    free(m.val);
    free(m.known);
    return m.out;
}

/* ---- loops ---- */

static const char decls[] =
    "void a(void); void b(void); int t(void); void s(void); void body(void);\n"
    "void after(void); void use(int); int g(void); int h(int, int);\n";

static void test_for_ever(void)
{
    test_name = "for(;;) has no exit";
    char src[1024];
    snprintf(src, sizeof src, "%s%s", decls,
             "void f(int x) {\n"
             "    for (;;) { use(x); }\n"
             "    after();\n"
             "}\n");
    const ir_func *f = lower(src, "f");
    CHECK(f, reachable(f, call_block(f, "use")));
    CHECK(f, on_cycle(f, call_block(f, "use")));
    CHECK(f, call_block(f, "after") >= 0 && !reachable(f, call_block(f, "after")));
    CHECK(f, count_terms(f, IR_T_RETURN) == 0);
    CHECK(f, count_terms(f, IR_T_BRANCH) == 0);
    CHECK_LOOP(f, run(f, "", ""), "use use use use use use use use");
}

static void test_for_parts(void)
{
    char src[2048];
    snprintf(src, sizeof src, "%s%s", decls,
             "void all(void) { for (a(); t(); s()) body(); after(); }\n"
             "void noinit(void) { for (; t(); s()) body(); after(); }\n"
             "void nocond(void) { for (a();; s()) { body(); } after(); }\n"
             "void onlyinc(void) { for (;; s()) { body(); } after(); }\n"
             "void onlyinit(void) { for (a();;) { body(); } after(); }\n"
             "void onlycond(int i) { for (; i < 10;) body(); after(); }\n"
             "void assign(void) { int i; for (i = 0; ; i++) { if (i > 5) break; body(); } after(); }\n");

    test_name = "for (a(); t(); s())";
    const ir_func *f = lower(src, "all");
    CHECK_PATH(f, run(f, "", "t=0"), "a t after ret");
    CHECK_LOOP(f, run(f, "", "t=1"), "a t body s t body s t");
    CHECK(f, !on_cycle(f, call_block(f, "a")));    /* init runs once */
    CHECK(f, on_cycle(f, call_block(f, "s")));
    CHECK(f, !on_cycle(f, call_block(f, "after")));

    test_name = "for (; t(); s())";
    f = lower(src, "noinit");
    CHECK_PATH(f, run(f, "", "t=0"), "t after ret");
    CHECK_LOOP(f, run(f, "", "t=1"), "t body s t body s t body");

    test_name = "for (a();; s())";
    f = lower(src, "nocond");
    CHECK_LOOP(f, run(f, "", ""), "a body s body s body s body");
    CHECK(f, !reachable(f, call_block(f, "after")));

    /* the increment alone must not be taken for the condition */
    test_name = "for (;; s())";
    f = lower(src, "onlyinc");
    CHECK_LOOP(f, run(f, "", ""), "body s body s body s body s");
    CHECK(f, count_terms(f, IR_T_BRANCH) == 0);
    CHECK(f, !reachable(f, call_block(f, "after")));

    /* the init alone must not be taken for the condition */
    test_name = "for (a();;)";
    f = lower(src, "onlyinit");
    CHECK_LOOP(f, run(f, "", ""), "a body body body body body body body");
    CHECK(f, count_terms(f, IR_T_BRANCH) == 0);
    CHECK(f, !on_cycle(f, call_block(f, "a")));

    test_name = "for (; i < 10;)";
    f = lower(src, "onlycond");
    int head = branch_on(f, "i", IR_LT, 10);
    CHECK(f, head >= 0 && on_cycle(f, head));
    CHECK_LOOP(f, run(f, "i=3", ""), "body body body body body body body body");
    CHECK_PATH(f, run(f, "i=10", ""), "after ret");

    /* init once before the head; the increment on the back edge */
    test_name = "for (i = 0; ; i++)";
    f = lower(src, "assign");
    CHECK(f, branch_on(f, "i", IR_GT, 5) >= 0);
    int init = -1, inc = -1, ip = place(f, "i");
    for (unsigned b = 0; b < f->nblocks; b++)
        for (unsigned k = 0; k < f->blocks[b]->ninsns; k++) {
            const ir_insn *in = &f->blocks[b]->insns[k];
            if (in->op == IR_CONST && in->dst == ip && in->value == 0)
                init = (int)b;
            if (in->op == IR_HAVOC && in->dst == ip)
                inc = (int)b;
        }
    int bodyb = call_block(f, "body");
    CHECK(f, init >= 0 && reachable(f, init) && !on_cycle(f, init));
    CHECK(f, inc >= 0 && on_cycle(f, inc) && reaches(f, bodyb, inc));
    CHECK(f, reaches(f, init, bodyb));
    /* i = 0 decides the first test; after i++ nothing is known of i */
    CHECK_PATH(f, run(f, "", ""), "body ?i > 5");
}

static void test_break_continue(void)
{
    char src[2048];
    snprintf(src, sizeof src, "%s%s", decls,
             "void wh(int x) { while (t()) { if (x) break; body(); } after(); }\n"
             "void dw(int x) { do { a(); if (x) continue; b(); } while (t()); after(); }\n"
             "void fc(int x) { for (; t(); s()) { if (x) continue; body(); } after(); }\n"
             "void nest(int x) { while (t()) { switch (x) { case 1: break; default: a(); } b(); } after(); }\n"
             "void inner(int x) { while (t()) { while (x) { break; } b(); } after(); }\n");

    test_name = "break leaves the loop";
    const ir_func *f = lower(src, "wh");
    CHECK_PATH(f, run(f, "x=1", "t=1"), "t after ret");
    CHECK_LOOP(f, run(f, "x=0", "t=1"), "t body t body t body t body");

    test_name = "continue in do-while goes to the condition";
    f = lower(src, "dw");
    CHECK_PATH(f, run(f, "x=1", "t=0"), "a t after ret");
    CHECK_PATH(f, run(f, "x=0", "t=0"), "a b t after ret");
    CHECK_LOOP(f, run(f, "x=1", "t=1"), "a t a t a t a t");

    test_name = "continue in for goes to the increment";
    f = lower(src, "fc");
    CHECK_LOOP(f, run(f, "x=1", "t=1"), "t s t s t s t s");

    test_name = "break in a switch inside a loop leaves the switch only";
    f = lower(src, "nest");
    CHECK_LOOP(f, run(f, "x=1", "t=1"), "t b t b t b t b");
    CHECK_LOOP(f, run(f, "x=2", "t=1"), "t a b t a b t a");

    test_name = "break leaves the innermost loop only";
    f = lower(src, "inner");
    CHECK_LOOP(f, run(f, "x=1", "t=1"), "t b t b t b t b");
}

/* ---- switch ---- */

static void test_switch(void)
{
    char src[2048];
    snprintf(src, sizeof src, "%s%s", decls,
             "void sw(int x) {\n"
             "    switch (x) { case 1: use(1); case 2: use(2); break; default: use(3); }\n"
             "    after();\n"
             "}\n"
             "void nodef(int x) { switch (x) { case 1: a(); break; case 2: b(); } after(); }\n"
             "void defmid(int x) { switch (x) { case 1: a(); default: b(); case 3: s(); } after(); }\n"
             "enum { ONE = 1, TWO };\n"
             "void en(int x) { switch (x) { case ONE: a(); break; case TWO + 1: b(); break; } }\n"
             "void konst(void) { switch (2) { case 1: a(); break; case 2: b(); break; default: s(); } }\n");

    test_name = "switch with fall-through and default";
    const ir_func *f = lower(src, "sw");
    CHECK_PATH(f, run(f, "x=1", ""), "use use after ret");
    CHECK_PATH(f, run(f, "x=2", ""), "use after ret");
    CHECK_PATH(f, run(f, "x=7", ""), "use after ret");
    CHECK(f, branch_on(f, "x", IR_EQ, 1) >= 0 && branch_on(f, "x", IR_EQ, 2) >= 0);
    /* case 1: flows into case 2: without a test; break skips default */
    const ir_insn *u1 = NULL, *u2 = NULL, *u3 = NULL;
    int b1 = -1, b2 = -1, b3 = -1;
    for (unsigned b = 0; b < f->nblocks; b++)
        for (unsigned k = 0; k < f->blocks[b]->ninsns; k++) {
            const ir_insn *in = &f->blocks[b]->insns[k];
            if (in->op != IR_CALL || strcmp(in->call->callee, "use"))
                continue;
            int64_t v = in->call->args[0].cval;
            if (v == 1) u1 = in, b1 = (int)b;
            if (v == 2) u2 = in, b2 = (int)b;
            if (v == 3) u3 = in, b3 = (int)b;
        }
    CHECK(f, u1 && u2 && u3);
    CHECK(f, reaches(f, b1, b2) && !reaches(f, b2, b3) && !reaches(f, b1, b3));
    CHECK(f, f->blocks[b1]->term.kind == IR_T_GOTO);

    test_name = "switch without default";
    f = lower(src, "nodef");
    CHECK_PATH(f, run(f, "x=1", ""), "a after ret");
    CHECK_PATH(f, run(f, "x=2", ""), "b after ret");
    CHECK_PATH(f, run(f, "x=3", ""), "after ret");

    test_name = "default in the middle falls through";
    f = lower(src, "defmid");
    CHECK_PATH(f, run(f, "x=1", ""), "a b s after ret");
    CHECK_PATH(f, run(f, "x=3", ""), "s after ret");
    CHECK_PATH(f, run(f, "x=9", ""), "b s after ret");

    test_name = "case labels from enums and constant expressions";
    f = lower(src, "en");
    CHECK_PATH(f, run(f, "x=1", ""), "a ret");
    CHECK_PATH(f, run(f, "x=3", ""), "b ret");
    CHECK_PATH(f, run(f, "x=2", ""), "ret");

    test_name = "switch on a constant";
    f = lower(src, "konst");
    CHECK_PATH(f, run(f, "", ""), "b ret");
    CHECK(f, !reachable(f, call_block(f, "a")) && !reachable(f, call_block(f, "s")));
}

/* ---- goto and scopes ---- */

static void test_goto_scopes(void)
{
    char src[2048];
    snprintf(src, sizeof src, "%s%s", decls,
             "void out(int x) {\n"              /* line 3 */
             "    { int fd = g();\n"
             "      if (x) goto done;\n"       /* line 5 */
             "      use(fd); }\n"
             "done:\n"
             "    after();\n"
             "}\n"
             "void in(int x) {\n"               /* line 10 */
             "    int a0 = 0;\n"
             "    if (x) goto inside;\n"
             "    { int b0 = 1;\n"
             "      inside: use(b0); }\n"
             "    use(a0);\n"
             "}\n"
             "void back(int x) {\n"             /* line 17 */
             "    int k = 0;\n"
             "again:\n"
             "    use(k);\n"
             "    if (x) goto again;\n"
             "}\n");

    test_name = "goto out of a block ends its variables";
    const ir_func *f = lower(src, "out");
    CHECK_PATH(f, run(f, "x=1", ""), "g ~fd after ret");
    CHECK_PATH(f, run(f, "x=0", ""), "g use ~fd after ret");
    /* the scope end on the goto path is at the goto */
    int fd = place(f, "fd"), found = 0;
    for (unsigned b = 0; b < f->nblocks; b++)
        for (unsigned k = 0; k < f->blocks[b]->ninsns; k++) {
            const ir_insn *in = &f->blocks[b]->insns[k];
            if (in->op == IR_SCOPE_END && in->nplaces == 1 && in->places[0] == fd &&
                in->loc.line == 5 && in->loc.col == 14)
                found = 1;
        }
    CHECK(f, found);

    test_name = "goto into a block ends nothing";
    f = lower(src, "in");
    CHECK_PATH(f, run(f, "x=1", ""), "use ~b0 use ret");
    CHECK_PATH(f, run(f, "x=0", ""), "use ~b0 use ret");

    test_name = "goto backwards in one scope ends nothing";
    f = lower(src, "back");
    CHECK_LOOP(f, run(f, "x=1", ""), "use use use use use use use use");
    CHECK_PATH(f, run(f, "x=0", ""), "use ret");
}

static void test_loop_scope_end(void)
{
    test_name = "loop body variable ends at the body's brace";
    char src[1024];
    snprintf(src, sizeof src, "%s%s", decls,
             "void f(void) {\n"         /* line 3 */
             "    while (t()) {\n"
             "        int fd = g();\n"
             "        use(fd);\n"
             "    }\n"                  /* line 7, col 5 */
             "    after();\n"
             "}\n");
    const ir_func *f = lower(src, "f");
    int b = -1;
    const ir_insn *se = scope_end_of(f, "fd", &b);
    CHECK(f, se != NULL);
    if (se) {
        CHECK(f, se->loc.line == 7 && se->loc.col == 5);
        CHECK(f, on_cycle(f, b));
        CHECK(f, reaches(f, call_block(f, "use"), b));
    }
    CHECK_LOOP(f, run(f, "", "t=1"), "t g use ~fd t g use ~fd");
}

static void test_return_scopes(void)
{
    test_name = "return needs no scope end; implicit return at the brace";
    char src[1024];
    snprintf(src, sizeof src, "%s%s", decls,
             "int f(int x) {\n"            /* line 3 */
             "    int a0 = 1;\n"
             "    { int b0 = 2;\n"
             "      if (x) { int c0 = 3; use(c0); return b0; } }\n"
             "    use(a0);\n"
             "    return 0;\n"
             "}\n"
             "void v(void) {\n"            /* line 10 */
             "    int k = g();\n"
             "    use(k);\n"
             "  }\n");                     /* line 13, col 3 */
    const ir_func *f = lower(src, "f");
    CHECK_PATH(f, run(f, "x=1", ""), "use ret");
    CHECK_PATH(f, run(f, "x=0", ""), "~b0 use ret");
    CHECK(f, count_terms(f, IR_T_RETURN) == 2);

    f = lower(src, "v");
    CHECK_PATH(f, run(f, "", ""), "g use ret"); /* the return ends k */
    int r = -1;
    for (unsigned b = 0; b < f->nblocks; b++)
        if (f->blocks[b]->term.kind == IR_T_RETURN && reachable(f, (int)b))
            r = (int)b;
    CHECK(f, r >= 0);
    if (r >= 0) {
        const ir_term *t = &f->blocks[r]->term;
        CHECK(f, t->implicit && t->loc.line == 13 && t->loc.col == 3);
    }
    CHECK(f, f->end.line == 13 && f->end.col == 3);
}

/* ---- conditions ---- */

static void test_short_circuit(void)
{
    char src[2048];
    snprintf(src, sizeof src, "%s%s", decls,
             "int f(int x, int y, int z) {\n"
             "    if (x > 0 && y < 5) a();\n"
             "    if (x < 0 || y == 3) b();\n"
             "    if (x ? y > 1 : z < 2) s();\n"
             "    if (!(x > 0 && y != 7) || z >= 4) body();\n"
             "    return 0;\n"
             "}\n");
    test_name = "&&, ||, ?: become branches on atomic conditions";
    const ir_func *f = lower(src, "f");
    CHECK(f, all_branches_atomic(f));
    CHECK(f, branch_on(f, "x", IR_GT, 0) >= 0);
    CHECK(f, branch_on(f, "y", IR_LT, 5) >= 0);
    CHECK(f, branch_on(f, "x", IR_LT, 0) >= 0);
    CHECK(f, branch_on(f, "y", IR_EQ, 3) >= 0);
    CHECK(f, branch_on(f, "x", IR_NE, 0) >= 0);
    CHECK(f, branch_on(f, "y", IR_GT, 1) >= 0);
    CHECK(f, branch_on(f, "z", IR_LT, 2) >= 0);
    CHECK(f, branch_on(f, "z", IR_GE, 4) >= 0);
    CHECK(f, branch_on(f, "y", IR_NE, 7) >= 0);
    CHECK_PATH(f, run(f, "x=1 y=1 z=9", ""), "a body ret");
    CHECK_PATH(f, run(f, "x=1 y=9 z=0", ""), "s ret");
    CHECK_PATH(f, run(f, "x=-1 y=9 z=0", ""), "b s body ret");
    CHECK_PATH(f, run(f, "x=0 y=3 z=9", ""), "b body ret");
    CHECK_PATH(f, run(f, "x=1 y=7 z=0", ""), "s body ret");
    CHECK_PATH(f, run(f, "x=1 y=2 z=0", ""), "a s ret");
}

static void test_assign_in_condition(void)
{
    test_name = "assignment inside the condition";
    const char *src =
        "#include <sys/socket.h>\n"
        "#include <unistd.h>\n"
        "int f(void) {\n"
        "    int fd;\n"
        "    if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)\n"
        "        return -1;\n"
        "    close(fd);\n"
        "    return 0;\n"
        "}\n";
    const ir_func *f = lower(src, "f");
    unsigned i;
    int b = call_at(f, "socket", &i);
    CHECK(f, b >= 0);
    if (b < 0)
        return;
    const ir_block *bl = f->blocks[b];
    const ir_insn *in = &bl->insns[i];
    CHECK(f, in->call->dst == place(f, "fd"));
    CHECK(f, in->call->nargs == 3 && in->call->args[2].has_const && in->call->args[2].cval == 0);
    CHECK(f, i + 1 == bl->ninsns); /* the branch follows the call */
    CHECK(f, bl->term.kind == IR_T_BRANCH && bl->term.cond.place == place(f, "fd") &&
                 bl->term.cond.op == IR_LT && bl->term.cond.value == 0);
    CHECK(f, bl->term.loc.line == 5);
    CHECK_PATH(f, run(f, "", "socket=-1"), "socket ret");
    CHECK_PATH(f, run(f, "", "socket=3"), "socket close ret");
}

static void test_condition_forms(void)
{
    char src[2048];
    snprintf(src, sizeof src, "%s%s", decls,
             "#define BAD(x) ((x) < 0)\n"
             "#define OK(x) ((x) != -1)\n"
             "void m1(int fd) { if (-1 == fd) a(); else b(); }\n"
             "void m2(int fd) { if (0 > fd) a(); }\n"
             "void m3(int fd) { if (-1 >= fd) a(); }\n"
             "void n1(int fd) { if (!(fd < 0)) a(); else b(); }\n"
             "void n2(int fd) { if (!fd) a(); else b(); }\n"
             "void n3(int fd) { if (!!(fd >= 0)) a(); else b(); }\n"
             "void mac(int fd) {\n"
             "    if (BAD(fd)) a();\n"      /* line 12 */
             "    if (!OK(fd)) b();\n"
             "}\n");

    test_name = "mirrored -1 == fd";
    const ir_func *f = lower(src, "m1");
    CHECK(f, branch_on(f, "fd", IR_EQ, -1) >= 0);
    CHECK_PATH(f, run(f, "fd=-1", ""), "a ret");
    CHECK_PATH(f, run(f, "fd=4", ""), "b ret");

    test_name = "mirrored 0 > fd";
    f = lower(src, "m2");
    CHECK(f, branch_on(f, "fd", IR_LT, 0) >= 0);

    test_name = "mirrored -1 >= fd";
    f = lower(src, "m3");
    CHECK(f, branch_on(f, "fd", IR_LE, -1) >= 0);

    test_name = "! swaps the edges";
    f = lower(src, "n1");
    int br = branch_on(f, "fd", IR_LT, 0);
    CHECK(f, br >= 0);
    if (br >= 0) {
        CHECK(f, reaches(f, f->blocks[br]->term.succ[0], call_block(f, "b")));
        CHECK(f, !reaches(f, f->blocks[br]->term.succ[0], call_block(f, "a")));
        CHECK(f, reaches(f, f->blocks[br]->term.succ[1], call_block(f, "a")));
    }
    CHECK_PATH(f, run(f, "fd=-1", ""), "b ret");
    CHECK_PATH(f, run(f, "fd=3", ""), "a ret");

    test_name = "!fd";
    f = lower(src, "n2");
    CHECK(f, all_branches_atomic(f));
    CHECK_PATH(f, run(f, "fd=0", ""), "a ret");
    CHECK_PATH(f, run(f, "fd=5", ""), "b ret");

    test_name = "!!(fd >= 0)";
    f = lower(src, "n3");
    CHECK(f, branch_on(f, "fd", IR_GE, 0) >= 0);
    CHECK_PATH(f, run(f, "fd=0", ""), "a ret");
    CHECK_PATH(f, run(f, "fd=-1", ""), "b ret");

    test_name = "macro conditions";
    f = lower(src, "mac");
    br = branch_on(f, "fd", IR_LT, 0);
    CHECK(f, br >= 0);
    if (br >= 0)
        CHECK(f, f->blocks[br]->term.loc.line == 12); /* the expansion site */
    CHECK(f, branch_on(f, "fd", IR_NE, -1) >= 0);
    CHECK_PATH(f, run(f, "fd=-1", ""), "a b ret");
    CHECK_PATH(f, run(f, "fd=2", ""), "ret");
}

/* ---- calls ---- */

static void test_noreturn(void)
{
    test_name = "noreturn calls end the path";
    const char *src =
        "#include <stdlib.h>\n"
        "void use(int);\n"
        "__attribute__((noreturn)) void die(const char *);\n"
        "_Noreturn void die2(void);\n"
        "void f(int x) {\n"
        "    if (x == 1) { exit(1); use(1); }\n"
        "    if (x == 2) { die(\"no\"); use(2); }\n"
        "    if (x == 3) { die2(); use(3); }\n"
        "    if (x == 4) abort();\n"
        "    use(0);\n"
        "}\n";
    const ir_func *f = lower(src, "f");
    CHECK_PATH(f, run(f, "x=1", ""), "exit exit");
    CHECK_PATH(f, run(f, "x=2", ""), "die exit");
    CHECK_PATH(f, run(f, "x=3", ""), "die2 exit");
    CHECK_PATH(f, run(f, "x=4", ""), "abort exit");
    CHECK_PATH(f, run(f, "x=0", ""), "use ret");
    const char *nr[] = {"exit", "die", "die2", "abort"};
    for (int i = 0; i < 4; i++) {
        const ir_insn *in = call_insn(f, nr[i]);
        CHECK(f, in && in->call->noreturn);
    }
    CHECK(f, count_terms(f, IR_T_EXIT) == 4);
    /* nothing after a noreturn call is reachable: only use(0) is */
    unsigned uses = 0;
    for (unsigned b = 0; b < f->nblocks; b++)
        for (unsigned k = 0; k < f->blocks[b]->ninsns; k++) {
            const ir_insn *in = &f->blocks[b]->insns[k];
            if (in->op == IR_CALL && !strcmp(in->call->callee, "use") && reachable(f, (int)b))
                uses++;
        }
    CHECK(f, uses == 1);
}

static void test_nested_calls(void)
{
    test_name = "calls nested in arguments are lowered in order";
    char src[1024];
    snprintf(src, sizeof src, "%s%s", decls,
             "void f(void) { use(h(g(), h(1, t()))); }\n");
    const ir_func *f = lower(src, "f");
    CHECK_PATH(f, run(f, "", ""), "g t h h use ret");
    /* each result feeds the call that uses it */
    const ir_block *bl = f->blocks[f->entry];
    CHECK(f, bl->ninsns >= 5);
    if (bl->ninsns >= 5) {
        const ir_call *cg = bl->insns[0].call, *ct = bl->insns[1].call, *hin = bl->insns[2].call,
                      *hout = bl->insns[3].call, *u = bl->insns[4].call;
        CHECK(f, cg && ct && hin && hout && u);
        if (cg && ct && hin && hout && u) {
            CHECK(f, hin->nargs == 2 && hin->args[0].has_const && hin->args[1].place == ct->dst);
            CHECK(f, hout->nargs == 2 && hout->args[0].place == cg->dst &&
                         hout->args[1].place == hin->dst);
            CHECK(f, u->nargs == 1 && u->args[0].place == hout->dst && hout->dst >= 0);
        }
    }
}

static void test_statement_expression(void)
{
    test_name = "GNU statement expression";
    char src[1024];
    snprintf(src, sizeof src, "%s%s", decls,
             "void f(void) {\n"
             "    int fd = ({ int tmp = g(); use(tmp); tmp; });\n"
             "    if (fd < 0) a(); else b();\n"
             "}\n"
             "void e(void) { ({ a(); b(); }); after(); }\n");
    const ir_func *f = lower(src, "e");
    CHECK_PATH(f, run(f, "", ""), "a b after ret");
    f = lower(src, "f");
    CHECK(f, scope_end_of(f, "tmp", NULL) != NULL);
    CHECK(f, branch_on(f, "fd", IR_LT, 0) >= 0);
    /* the value of the last statement reaches fd */
    CHECK_PATH(f, run(f, "", "g=-1"), "g use ~tmp a ret");
    CHECK_PATH(f, run(f, "", "g=3"), "g use ~tmp b ret");
}

static void test_reachable_count(void)
{
    test_name = "reachable blocks of straight-line code and an if";
    char src[1024];
    snprintf(src, sizeof src, "%s%s", decls,
             "void line(void) { a(); b(); after(); }\n"
             "void dead(int x) { return; a(); }\n"
             "void one(int x) { if (x) a(); after(); }\n");
    const ir_func *f = lower(src, "line");
    CHECK(f, count_reachable(f) == 1);
    CHECK(f, f->blocks[f->entry]->ninsns == 3);
    f = lower(src, "dead");
    CHECK(f, !reachable(f, call_block(f, "a")));
    CHECK(f, count_terms(f, IR_T_RETURN) == 1);
    f = lower(src, "one");
    CHECK(f, count_terms(f, IR_T_BRANCH) == 1 && count_terms(f, IR_T_RETURN) == 1);
    CHECK_PATH(f, run(f, "x=1", ""), "a after ret");
    CHECK_PATH(f, run(f, "x=0", ""), "after ret");
}

static void test_jumps_out_of_scopes(void)
{
    char src[2048];
    snprintf(src, sizeof src, "%s%s", decls,
             "void bc(int x) {\n"                                   /* line 3 */
             "    while (t()) {\n"
             "        int fd = g();\n"
             "        if (x == 1) break;\n"                          /* line 6 */
             "        if (x == 2) continue;\n"                       /* line 7 */
             "        use(fd);\n"
             "    }\n"
             "    after();\n"
             "}\n"
             "void two(int x) {\n"                                  /* line 12 */
             "    { int p = g(); { int q = g(); if (x) goto out; } }\n"
             "out:\n"
             "    after();\n"
             "}\n"
             "void forinit(void) { for (int fd = g(); fd >= 0; fd = g()) use(fd); after(); }\n"
             "void dowhile0(int fd) { do { use(fd); } while (0); after(); }\n"
             "void while1(int x) { while (1) { if (x) break; a(); } after(); }\n");

    test_name = "break and continue end the loop body's variables";
    const ir_func *f = lower(src, "bc");
    CHECK_PATH(f, run(f, "x=1", "t=1"), "t g ~fd after ret");
    CHECK_LOOP(f, run(f, "x=2", "t=1"), "t g ~fd t g ~fd t g");
    CHECK_LOOP(f, run(f, "x=0", "t=1"), "t g use ~fd t g use ~fd");
    /* each scope end is at the jump that leaves the scope */
    int fd = place(f, "fd");
    unsigned at_break = 0, at_continue = 0, at_brace = 0;
    for (unsigned b = 0; b < f->nblocks; b++)
        for (unsigned k = 0; k < f->blocks[b]->ninsns; k++) {
            const ir_insn *in = &f->blocks[b]->insns[k];
            if (in->op != IR_SCOPE_END || in->nplaces != 1 || in->places[0] != fd)
                continue;
            at_break += in->loc.line == 6 && in->loc.col == 21;
            at_continue += in->loc.line == 7 && in->loc.col == 21;
            at_brace += in->loc.line == 9 && in->loc.col == 5;
        }
    CHECK(f, at_break == 1 && at_continue == 1 && at_brace == 1);

    test_name = "goto out of two scopes ends both, innermost first";
    f = lower(src, "two");
    CHECK_PATH(f, run(f, "x=1", ""), "g g ~q ~p after ret");
    CHECK_PATH(f, run(f, "x=0", ""), "g g ~q ~p after ret");
    int found = 0;
    for (unsigned b = 0; b < f->nblocks; b++)
        for (unsigned k = 0; k < f->blocks[b]->ninsns; k++) {
            const ir_insn *in = &f->blocks[b]->insns[k];
            if (in->op == IR_SCOPE_END && in->nplaces == 2 && in->loc.line == 13 &&
                in->places[0] == place(f, "q") && in->places[1] == place(f, "p"))
                found = 1;
        }
    CHECK(f, found);

    test_name = "for with a declaration: its variable ends after the loop";
    f = lower(src, "forinit");
    CHECK_PATH(f, run(f, "", "g=-1"), "g ~fd after ret");
    CHECK_LOOP(f, run(f, "", "g=3"), "g use g use g use");

    test_name = "do { } while (0) is not a loop";
    f = lower(src, "dowhile0");
    CHECK_PATH(f, run(f, "", ""), "use after ret");
    CHECK(f, !on_cycle(f, call_block(f, "use")));
    CHECK(f, count_terms(f, IR_T_BRANCH) == 0);

    test_name = "while (1) is left only by break";
    f = lower(src, "while1");
    CHECK_PATH(f, run(f, "x=1", ""), "after ret");
    CHECK_LOOP(f, run(f, "x=0", ""), "a a a a a a");
    CHECK(f, count_terms(f, IR_T_BRANCH) == 1);
}

static void test_value_forms(void)
{
    char src[2048];
    snprintf(src, sizeof src, "%s%s", decls,
             "void tern(int x) { int fd = x ? g() : -1; if (fd < 0) a(); }\n"
             "void comma(void) { int fd; if (fd = g(), fd < 0) a(); }\n"
             "void wcond(void) { int n; while ((n = g()) > 0) use(n); after(); }\n"
             "void tmp(void) { if (g() < 0) a(); }\n"
             "void eqm1(void) { int fd; if ((fd = g()) == -1) a(); else b(); }\n");

    test_name = "conditional operator in an initializer";
    const ir_func *f = lower(src, "tern");
    CHECK_PATH(f, run(f, "x=0", ""), "a ret");
    CHECK_PATH(f, run(f, "x=1", "g=4"), "g ret");
    CHECK_PATH(f, run(f, "x=1", "g=-1"), "g a ret");
    CHECK(f, branch_on(f, "fd", IR_LT, 0) >= 0);

    test_name = "comma operator in a condition";
    f = lower(src, "comma");
    CHECK(f, branch_on(f, "fd", IR_LT, 0) >= 0);
    CHECK_PATH(f, run(f, "", "g=-1"), "g a ret");

    test_name = "assignment in a while condition";
    f = lower(src, "wcond");
    CHECK(f, branch_on(f, "n", IR_GT, 0) >= 0);
    CHECK_PATH(f, run(f, "", "g=0"), "g after ret");
    CHECK_LOOP(f, run(f, "", "g=1"), "g use g use g use");

    test_name = "a call tested in place gets a temporary";
    f = lower(src, "tmp");
    const ir_insn *in = call_insn(f, "g");
    CHECK(f, in && in->call->dst >= 0 && f->places[in->call->dst].kind == IR_PLACE_TEMP);
    CHECK(f, all_branches_atomic(f));
    CHECK_PATH(f, run(f, "", "g=-1"), "g a ret");
    CHECK_PATH(f, run(f, "", "g=0"), "g ret");

    test_name = "(fd = g()) == -1";
    f = lower(src, "eqm1");
    CHECK(f, branch_on(f, "fd", IR_EQ, -1) >= 0);
    CHECK_PATH(f, run(f, "", "g=-1"), "g a ret");
    CHECK_PATH(f, run(f, "", "g=7"), "g b ret");
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 2;
    }
    snprintf(srcpath, sizeof srcpath, "%s/snippet.c", tmpdir);
    worker = front_worker_new();
    if (!worker) {
        fprintf(stderr, "front_worker_new failed\n");
        return 2;
    }
    test_reachable_count();
    test_for_ever();
    test_for_parts();
    test_break_continue();
    test_switch();
    test_goto_scopes();
    test_loop_scope_end();
    test_return_scopes();
    test_short_circuit();
    test_assign_in_condition();
    test_condition_forms();
    test_noreturn();
    test_nested_calls();
    test_statement_expression();
    test_jumps_out_of_scopes();
    test_value_forms();
    front_result_clear(&result);
    front_worker_free(worker);
    unlink(srcpath);
    rmdir(tmpdir);
    if (failures) {
        fprintf(stderr, "test_cfg: %d check(s) failed\n", failures);
        return 1;
    }
    printf("test_cfg: all checks passed\n");
    return 0;
}
