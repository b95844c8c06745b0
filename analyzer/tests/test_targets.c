/* test_targets.c — unit tests for calls through pointers on hand-built
 * data: uniting the rows of a call's targets (rules/merge.h), setting a
 * call's targets and resolving calls through fields from the stores of
 * several units (ir/targets.h), and the whole chain through the summaries
 * and the engine (a helper that only sends, one that closes, a caller that
 * calls one of them through a pointer).  No libclang: the front end's part is
 * tested by testdata/ownership/fnptr_*.c and testdata/projects/callbacks.
 */
#include "engine/engine.h"
#include "ir/ir.h"
#include "ir/targets.h"
#include "rules/merge.h"
#include "rules/table.h"
#include "summary/summary.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/check.h"

/* ---- rules_merge ---- */

static rt_entry row(void)
{
    rt_entry e;
    memset(&e, 0, sizeof e);
    e.acquire.family = e.acquire.out_arg = e.acquire.when_arg = e.acquire.unless_arg = -1;
    e.transfer_family = e.transfer_when_arg = e.returns_arg = e.copy_from = e.copy_to = -1;
    return e;
}

static rt_entry merged(const rt_entry *a, const rt_entry *b)
{
    const rt_entry *rows[2] = {a, b};
    rt_entry out = row();
    rules_merge(&out, rows, b ? 2 : 1);
    return out;
}

static void test_merge_arguments(void)
{
    rt_entry closes = row(), closes2 = row(), sends = row(), stores = row(), logs = row();
    rt_entry quiet = row(), shuts = row();
    closes.release = 1;
    closes2.release = 1;
    sends.borrow = 1;
    stores.transfer = 1;
    logs.transfer = logs.opaque = 1;
    shuts.half_release = 1;
    quiet.harmless = 1;

    rt_entry m = merged(&closes, &closes2); /* both close: the call closes */
    CHECK(m.release == 1 && !m.transfer && !m.borrow);
    m = merged(&sends, &sends); /* both only send: it only borrows */
    CHECK(m.borrow == 1 && !m.transfer && !m.release);
    m = merged(&shuts, &shuts);
    CHECK(m.half_release == 1 && !m.transfer);
    /* one closes, one sends: maybe closed, maybe not: a hand-off, and a
     * closed value passed there is misused either way */
    m = merged(&closes, &sends);
    CHECK(m.transfer == 1 && !m.release && !m.borrow && !m.opaque);
    m = merged(&sends, &stores);
    CHECK(m.transfer == 1 && !m.borrow && !m.opaque);
    /* one only prints the number: not a use of a closed value */
    m = merged(&closes, &logs);
    CHECK(m.transfer == 1 && m.opaque == 1);
    /* one sends, one does not touch it: still the caller's, unused */
    m = merged(&sends, &quiet);
    CHECK(!m.transfer && !m.borrow && !m.release && !m.harmless);
    m = merged(&quiet, &quiet);
    CHECK(m.harmless && !m.transfer);
    /* one releases, one does not touch it: a hand-off, not a use */
    m = merged(&closes, &quiet);
    CHECK(m.transfer == 1 && m.opaque == 1);
    /* the second argument is nobody's business */
    CHECK(!(m.transfer & 2u) && !(m.borrow & 2u));
}

static void test_merge_deref(void)
{
    rt_entry closep = row(), closep2 = row(), reads = row();
    closep.release_deref = 1;
    closep2.release_deref = 1;
    rt_entry m = merged(&closep, &closep2); /* closep(&fd) through a pointer */
    CHECK(m.release_deref == 1 && !m.transfer_deref);
    m = merged(&closep, &reads); /* &fd may be closed, may be kept */
    CHECK(!m.release_deref && m.transfer_deref == 1);
    m = merged(&reads, &reads);
    CHECK(!m.release_deref && !m.transfer_deref);
}

static void test_merge_exits_and_acquire(void)
{
    rt_entry dies = row(), dies2 = row(), jumps = row(), returns = row();
    dies.noreturn = dies2.noreturn = 1;
    jumps.noreturn = jumps.nonlocal_exit = 1;
    returns.has_ret_range = 1;
    returns.ret_min = 0;
    returns.ret_max = 1;
    rt_entry m = merged(&dies, &dies2);
    CHECK(m.noreturn && !m.nonlocal_exit);
    m = merged(&dies, &returns); /* one returns: so may the call */
    CHECK(!m.noreturn && m.has_ret_range && m.ret_min == 0 && m.ret_max == 1);
    m = merged(&dies, &jumps); /* a longjmp among exits does not end the process */
    CHECK(m.noreturn && m.nonlocal_exit);

    rt_entry opens = row(), opens2 = row(), other = row();
    opens.has_acquire = opens2.has_acquire = other.has_acquire = 1;
    opens.acquire.family = opens2.acquire.family = 0;
    other.acquire.family = 1;
    opens.fail.kind = opens2.fail.kind = other.fail.kind = RT_FAIL_NEGATIVE;
    opens.acquire.noun = "socket";
    opens2.acquire.noun = "listener";
    m = merged(&opens, &opens2); /* both return a new descriptor */
    CHECK(m.has_acquire && m.acquire.family == 0 && m.fail.kind == RT_FAIL_NEGATIVE);
    CHECK(m.acquire.noun == NULL); /* nouns differ: the family's */
    m = merged(&opens, &other);
    CHECK(!m.has_acquire);
    m = merged(&opens, &returns);
    CHECK(!m.has_acquire);
}

static void test_merge_aliases(void)
{
    rt_entry push = row(), plain = row();
    push.returns_arg = 0;
    push.borrow = plain.borrow = 1;
    rt_entry m = merged(&push, &push);
    CHECK(m.returns_arg == 0 && m.borrow == 1);
    m = merged(&push, &plain); /* the result may hold it, or not */
    CHECK(m.returns_arg == -1 && (m.transfer & 1u) && !(m.borrow & 1u));
}

static void test_merge_targets_table(void)
{
    rules_table *t = rules_table_new();
    rules_entry(t, "close", "test")->release = 1;
    rules_entry(t, "c:@F@hang_up", "summary")->release = 1;
    const char *usrs[2] = {"c:@F@close", "c:@F@hang_up"};
    const char *names[2] = {"close", "hang_up"};
    const rt_entry *e = rules_merge_targets(t, "targets:k", usrs, names, 2);
    CHECK(e && e->release == 1 && !e->transfer && strcmp(e->pack, "targets") == 0);
    CHECK(rules_lookup(t, "targets:k") == e);
    /* a target nobody describes: the call stays unknown, no row */
    const char *usrs2[2] = {"c:@F@close", "c:@F@mystery"};
    const char *names2[2] = {"close", "mystery"};
    CHECK(rules_merge_targets(t, "targets:m", usrs2, names2, 2) == NULL);
    CHECK(rules_lookup(t, "targets:m") == NULL);
    /* rewritten when a target's row changes (the summaries' fixed point) */
    rules_entry(t, "c:@F@hang_up", "summary")->release = 0;
    rules_entry(t, "c:@F@hang_up", "summary")->borrow = 1;
    e = rules_merge_targets(t, "targets:k", usrs, names, 2);
    CHECK(e && !e->release && e->transfer == 1);
    rules_table_free(t);
}

/* ---- targets of calls ---- */

/* A call through a pointer, with one argument, in block b of f. */
static ir_call *indirect_call(ir_func *f, int b, unsigned line, int argp, const char *field)
{
    ir_call *c = arena_alloc(f->arena, sizeof *c);
    c->via = "cb";
    c->field = field;
    c->dst = -1;
    c->memo = -1;
    c->nargs = 1;
    c->args = arena_alloc(f->arena, sizeof(ir_arg));
    c->args[0].place = argp;
    c->args[0].text = argp >= 0 ? f->places[argp].name : "?";
    ir_loc loc = {"t.c", line, 5, 0};
    ir_insn in = ir_insn_make(IR_CALL, loc);
    in.call = c;
    ir_emit(f, b, &in);
    return c;
}

static void test_set_and_resolve(void)
{
    ir_func *f = ir_func_new("caller");
    ir_call *c = indirect_call(f, f->entry, 1, -1, NULL);
    ir_target t[3] = {{"b", "c:@F@b"}, {"a", "c:@F@a"}, {"b", "c:@F@b"}};
    tgt_set(f, c, t, 3);
    CHECK(c->ntargets == 2 && !strcmp(c->targets[0].name, "a"));
    CHECK(c->targets_key && !strcmp(c->targets_key, "targets:c:@F@a|c:@F@b"));
    ir_target no_usr[1] = {{"x", NULL}};
    ir_call *c2 = indirect_call(f, f->entry, 2, -1, NULL);
    tgt_set(f, c2, no_usr, 1);
    CHECK(c2->ntargets == 0 && c2->targets_key == NULL);

    /* three calls through fields; two units store into them */
    ir_call *done = indirect_call(f, f->entry, 3, -1, "c:@S@ops@FI@done");
    ir_call *hook = indirect_call(f, f->entry, 4, -1, "c:@S@ops@FI@hook");
    ir_call *never = indirect_call(f, f->entry, 5, -1, "c:@S@ops@FI@never");
    ir_call *blob = indirect_call(f, f->entry, 6, -1, "c:@S@blob@FI@cb");
    tgt_list one = {0}, two = {0};
    CHECK(tgt_list_add(&one, "c:@S@ops@FI@done", "hang_up", "c:@F@hang_up") == 0);
    CHECK(tgt_list_add(&one, "c:@S@ops@FI@hook", "say", "c:@F@say") == 0);
    CHECK(tgt_list_add(&two, "c:@S@ops@FI@done", "close", "c:@F@close") == 0);
    CHECK(tgt_list_add(&two, "c:@S@ops@FI@hook", NULL, NULL) == 0); /* from a parameter */
    CHECK(tgt_list_add(&two, "c:@S@blob@FI@cb", "say", "c:@F@say") == 0);
    CHECK(tgt_list_add(&two, "c:@S@blob@FI@*", NULL, NULL) == 0); /* memcpy into it */
    tgt_table *tab = tgt_table_new();
    CHECK(tgt_table_add(tab, &one) == 0 && tgt_table_add(tab, &two) == 0);
    ir_func *fns[1] = {f};
    CHECK(tgt_resolve(tab, fns, 1) == 1);
    CHECK(done->ntargets == 2 && !strcmp(done->targets[0].name, "close") &&
          !strcmp(done->targets[1].name, "hang_up"));
    CHECK(hook->ntargets == 0);   /* one store is not a function */
    CHECK(never->ntargets == 0);  /* nothing stored: unknown */
    CHECK(blob->ntargets == 0);   /* the whole struct was overwritten */
    tgt_table_free(tab);
    tgt_list_clear(&one);
    tgt_list_clear(&two);
    ir_func_free(f);
}

/* ---- through the summaries and the engine ---- */

static ir_loc at(unsigned line) { ir_loc l = {"t.c", line, 5, 0}; return l; }

/* A project function of one parameter fd that calls callee(fd). */
static ir_func *helper(const char *name, const char *usr, const char *callee)
{
    ir_func *f = ir_func_new(name);
    f->usr = arena_strdup(f->arena, usr);
    int fd = ir_place_add(f, "fd", IR_PLACE_VAR, -1);
    f->places[fd].is_param = 1;
    f->nparams = 1;
    ir_call *c = indirect_call(f, f->entry, 2, fd, NULL);
    c->callee = callee;
    c->via = NULL;
    c->in_system = 1;
    ir_term_return(f, f->entry, at(3), 0);
    return f;
}

/*  1 int caller(void) {
 *  2     int fd = socket(2, 1, 0);
 *  3     if (fd < 0) return -1;
 *  4     cb(fd);                 cb may be either target
 *  5     return 0;
 *  6 }                                                                   */
static ir_func *caller(const char *a_name, const char *a_usr, const char *b_name,
                       const char *b_usr)
{
    ir_func *f = ir_func_new("caller");
    f->usr = arena_strdup(f->arena, "c:@F@caller");
    int fd = ir_place_add(f, "fd", IR_PLACE_VAR, -1);
    int fail = ir_block_add(f), ok = ir_block_add(f);
    ir_call *s = indirect_call(f, f->entry, 2, -1, NULL);
    s->callee = "socket";
    s->via = NULL;
    s->dst = fd;
    s->in_system = 1;
    f->blocks[f->entry]->insns[0].dst = fd;
    ir_cond cond = {fd, IR_LT, 0, 0, -1};
    ir_term_branch(f, f->entry, cond, fail, ok, at(3), "fd < 0");
    ir_term_return(f, fail, at(3), 0);
    ir_call *c = indirect_call(f, ok, 4, fd, NULL);
    ir_target t[2] = {{a_name, a_usr}, {b_name, b_usr}};
    tgt_set(f, c, t, 2);
    ir_term_return(f, ok, at(5), 0);
    return f;
}

/* The findings of caller with targets a and b (helpers included). */
static size_t leaks_through(const char *a_name, const char *a_usr, const char *b_name,
                            const char *b_usr)
{
    rules_table *t = rules_table_new();
    int fam = rules_family_add(t, "fd", "file descriptor", "closed", "close");
    rt_entry *e = rules_entry(t, "socket", "test");
    e->has_acquire = 1;
    e->acquire.family = fam;
    e->fail.kind = RT_FAIL_NEGATIVE;
    rules_entry(t, "close", "test")->release = 1;
    rules_entry(t, "send", "test")->borrow = 1;
    ir_func *fns[3] = {helper("say", "c:@F@say", "send"),
                       helper("hang_up", "c:@F@hang_up", "close"),
                       caller(a_name, a_usr, b_name, b_usr)};
    CHECK(summary_build(fns, 3, t, NULL) == 0);
    finding_list found = {NULL, 0, 0};
    CHECK(eng_analyze(fns[2], t, NULL, &found) == ENG_OK);
    size_t n = found.n;
    finding_list_clear(&found);
    for (int i = 0; i < 3; i++)
        ir_func_free(fns[i]);
    rules_table_free(t);
    return n;
}

static void test_engine_union(void)
{
    /* every target only sends: the leak at line 5 is reported */
    CHECK(leaks_through("say", "c:@F@say", "send", "c:@F@send") == 1);
    /* every target closes (a summary and a pack row): no leak */
    CHECK(leaks_through("hang_up", "c:@F@hang_up", "close", "c:@F@close") == 0);
    /* one sends, one closes: a hand-off, no alarm */
    CHECK(leaks_through("say", "c:@F@say", "hang_up", "c:@F@hang_up") == 0);
    /* a target nobody describes: unknown, a hand-off */
    CHECK(leaks_through("say", "c:@F@say", "mystery", "c:@F@mystery") == 0);
}

int main(void)
{
    test_merge_arguments();
    test_merge_deref();
    test_merge_exits_and_acquire();
    test_merge_aliases();
    test_merge_targets_table();
    test_set_and_resolve();
    test_engine_union();
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
