/* emit.c — turns an event found by the walk into a finding: the message in
 * the resource's own words, and the trace (acquisition, the branches that
 * decided the path, releases and shutdowns, the final event).  A branch is
 * kept when the location of the event cannot be reached from the branch's
 * other edge: that is the choice that made the path go wrong. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/walk.h"

static char *xstrdup(const char *s)
{
    char *d = strdup(s ? s : "");
    if (!d)
        abort();
    return d;
}

static char *fmt(const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int n = vsnprintf(NULL, 0, f, ap);
    va_end(ap);
    char *s = malloc((size_t)n + 1);
    if (!s)
        abort();
    va_start(ap, f);
    vsnprintf(s, (size_t)n + 1, f, ap);
    va_end(ap);
    return s;
}

static fnd_loc mkloc(ir_loc l)
{
    fnd_loc f = {xstrdup(l.file), l.line, l.col, l.off};
    return f;
}

int site_target(const fn_ctx *F, const site *s)
{
    const rt_acquire *a = &s->entry->acquire;
    const ir_call *c = s->in->call;
    if (a->out_arg < 0)
        return c->dst;
    if ((unsigned)a->out_arg >= c->nargs || c->args[a->out_arg].place < 0)
        return -1;
    int p = c->args[a->out_arg].place, first = 0;
    if (a->out_count == 0)
        return c->args[a->out_arg].addr_of ? p : -1; /* *out: only &local */
    if (!c->args[a->out_arg].addr_of && !F->fn->places[p].is_array)
        return -1;
    if (c->args[a->out_arg].addr_of) /* pipe(&fds[2]) */
        p = array_element(F->fn, p, &first);
    if (p < 0)
        return -1;
    char name[256];
    snprintf(name, sizeof name, "%s[%d]", F->fn->places[p].name, first + s->slot);
    for (unsigned i = 0; i < F->fn->nplaces; i++)
        if (F->fn->places[i].kind == IR_PLACE_SUB && F->fn->places[i].base == F->fn->places[p].base &&
            strcmp(F->fn->places[i].path, name) == 0)
            return (int)i;
    return -1;
}

/* ---- words ---- */

typedef struct words {
    const char *noun;      /* "socket" */
    const char *verb;      /* "closed" */
    char gerund[48];       /* "closing" */
    const char *call;      /* "socket" */
    const char *origin;    /* for a summarised wrapper: "net.c:31: socket()" */
    char var[160];         /* "'fd'" or "the result" */
    char name[128];        /* fd (for the finding's variable) */
} words;

static void make_words(const fn_ctx *F, const site *s, int holder, words *w)
{
    const rt_entry *e = s->entry;
    const rt_family *fam = e->acquire.family >= 0 && e->acquire.family < rules_family_count(F->rt)
                               ? rules_family(F->rt, e->acquire.family)
                               : NULL;
    w->noun = e->acquire.noun ? e->acquire.noun : fam && fam->noun ? fam->noun : "resource";
    w->verb = fam && fam->release_verb ? fam->release_verb : "released";
    w->call = eng_call_name(s->in->call);
    w->origin = e->origin;
    /* "closed" -> "closing", "freed" -> "freeing", "released" -> "releasing" */
    size_t n = strlen(w->verb);
    snprintf(w->gerund, sizeof w->gerund, "%s", w->verb);
    if (n > 2 && strcmp(w->verb + n - 2, "ed") == 0 && n < sizeof w->gerund - 4) {
        size_t stem = n - 1; /* drop "d": "close", "free" */
        if (stem >= 2 && w->verb[stem - 1] == 'e' && w->verb[stem - 2] != 'e')
            stem--; /* "clos" */
        snprintf(w->gerund + stem, sizeof w->gerund - stem, "ing");
    }
    /* the variable that holds the value when it goes wrong (fd, not glibc's
     * __result inside TEMP_FAILURE_RETRY), else the one acquired into */
    int t = holder >= 0 && F->fn->places[holder].kind != IR_PLACE_TEMP ? holder
                                                                     : site_target(F, s);
    if (t >= 0 && F->fn->places[t].kind != IR_PLACE_TEMP) {
        snprintf(w->name, sizeof w->name, "%s", F->fn->places[t].name);
        snprintf(w->var, sizeof w->var, "'%s'", w->name);
    } else {
        snprintf(w->name, sizeof w->name, "%s()", w->call);
        snprintf(w->var, sizeof w->var, "the result of %s()", w->call);
    }
}

static const char *place_name(const fn_ctx *F, int p, const words *w)
{
    if (p < 0 || F->fn->places[p].kind == IR_PLACE_TEMP)
        return w->name;
    return F->fn->places[p].name;
}

/* ---- trace relevance ---- */

/* Whether insn in releases, hands off or otherwise disposes of a value held
 * by one of places[0..n-1]. */
static int disposes(const fn_ctx *F, const ir_insn *in, const int *places, unsigned n)
{
    for (unsigned k = 0; k < n; k++) {
        int p = places[k];
        if (p < 0)
            continue;
        if (in->op == IR_ESCAPE && in->src == p)
            return 1;
        if (in->op != IR_CALL)
            continue;
        const rt_entry *e = eng_lookup(F->rt, in->call);
        for (unsigned a = 0; a < in->call->nargs && a < RT_MAX_ARGS; a++) {
            if (in->call->args[a].place != p)
                continue;
            uint32_t bit = 1u << a;
            if (!e || ((e->release | e->transfer | e->release_deref) & bit))
                return 1;
        }
    }
    return 0;
}

/* A walk of the CFG from `from`, not through `avoid1` or `avoid2`: whether
 * it reaches block `to` (>= 0), or a block that disposes of a value held by
 * places[0..n-1] (places != NULL): the other side of a branch that would
 * have released or handed it off. */
static int search(const fn_ctx *F, int from, int to, int avoid1, int avoid2, const int *places,
                  unsigned n, char *seen, int *stack)
{
    const ir_func *fn = F->fn;
    memset(seen, 0, fn->nblocks);
    int sp = 0;
    stack[sp++] = from;
    seen[from] = 1;
    while (sp) {
        int b = stack[--sp];
        if (b == to)
            return 1;
        if (b == avoid1 || b == avoid2)
            continue;
        const ir_block *bl = fn->blocks[b];
        for (unsigned i = 0; places && i < bl->ninsns; i++)
            if (disposes(F, &bl->insns[i], places, n))
                return 1;
        const ir_term *t = &bl->term;
        int k = ir_nsucc(bl);
        for (int i = 0; i < k; i++)
            if (t->succ[i] >= 0 && !seen[t->succ[i]]) {
                seen[t->succ[i]] = 1;
                stack[sp++] = t->succ[i];
            }
    }
    return 0;
}

/* The nodes of the trace from acquisition to the end, branches filtered:
 * a branch is kept when its other edge cannot reach the event, or when it
 * leads to a release or hand-off of the value this path did not take. */
static const tnode **trace_nodes(const fn_ctx *F, const site *s, const state *st,
                                 const event *ev, size_t *n)
{
    size_t total = 0;
    for (const tnode *t = st->trace; t; t = t->parent)
        total++;
    const tnode **v = calloc(total ? total : 1, sizeof(*v));
    char *seen = malloc(F->fn->nblocks);
    int *stack = malloc(sizeof(int) * F->fn->nblocks);
    if (!v || !seen || !stack)
        abort();
    size_t k = total;
    for (const tnode *t = st->trace; t; t = t->parent)
        v[--k] = t;
    /* who holds the value: the holders left, the one the event concerns, the
     * variable it was acquired into */
    int *held = malloc(sizeof(int) * (st->nh + 2));
    if (!held)
        abort();
    unsigned nheld = 0;
    for (unsigned i = 0; i < st->nh; i++)
        held[nheld++] = st->holders[i];
    held[nheld++] = ev->place;
    held[nheld++] = site_target(F, s);
    size_t out = 0;
    for (size_t i = 0; i < total; i++) {
        const tnode *t = v[i];
        if (t->kind == TN_BRANCH) {
            const ir_term *term = &F->fn->blocks[t->block]->term;
            const char *msg = term->edge_msg[t->edge];
            int other = term->succ[1 - t->edge];
            if ((msg && !*msg) || other == term->succ[t->edge])
                continue;
            if (search(F, other, ev->block, t->block, s->block, NULL, 0, seen, stack) &&
                !search(F, other, -1, t->block, -1, held, nheld, seen, stack))
                continue;
        }
        v[out++] = t;
    }
    free(seen);
    free(stack);
    free(held);
    *n = out;
    return v;
}

/* The callee whose result place p holds, when p is a plain result (a status
 * or a count), not a resource: "connect" for `connect(...) < 0`. */
static const char *result_of(const fn_ctx *F, int p)
{
    if (p < 0 || !F->def_callee[p])
        return NULL;
    const rt_entry *e = rules_lookup(F->rt, F->def_callee[p]);
    return e && e->has_acquire && e->acquire.out_arg < 0 ? NULL : F->def_callee[p];
}

/* "when connect() fails" from the last deciding branch that is not the
 * tracked value's own validity check, or NULL. */
static char *reason(const fn_ctx *F, const site *s, int holder, const tnode **v, size_t n)
{
    int target = site_target(F, s);
    for (size_t i = n; i > 0; i--) {
        const tnode *t = v[i - 1];
        /* the check of a later pass's value: that is what made it return */
        int later = 0;
        for (size_t k = 0; k + 1 < i && t->kind == TN_BRANCH && t->place == target; k++)
            later |= v[k]->kind == TN_AGAIN;
        if (later) {
            const ir_term *term = &F->fn->blocks[t->block]->term;
            return fmt("when '%s' is %s on a later pass", term->text ? term->text : "?",
                       t->edge ? "false" : "true");
        }
        if (t->kind != TN_BRANCH ||
            (t->place >= 0 && (t->place == target || t->place == holder ||
                               t->place == s->in->call->dst)))
            continue;
        const ir_term *term = &F->fn->blocks[t->block]->term;
        const char *msg = term->edge_msg[t->edge];
        if (msg && !strncmp(msg, "entering ", 9))
            return fmt("after %s", msg); /* a switch case */
        const char *callee = result_of(F, t->place);
        int64_t val;
        if (callee && iv_single(t->after, &val))
            return val == -1 ? fmt("when %s() fails", callee)
                             : fmt("when %s() returns %lld", callee, (long long)val);
        if (callee && t->after.n && t->after.hi[t->after.n - 1] < 0)
            return fmt("when %s() fails", callee);
        /* the edge as the trace words it ("taking the true branch of
         * '!c'"): the condition as written, not c with its edges reversed */
        const char *of = msg ? strstr(msg, " branch of '") : NULL;
        if (of && !strncmp(msg, "taking the ", 11))
            return fmt("when %s is %.*s", of + 11, (int)(of - msg - 11), msg + 11);
        if (term->text && *term->text)
            return fmt("when '%s' is %s", term->text, t->edge ? "false" : "true");
    }
    return NULL;
}

static char *step_text(const fn_ctx *F, const tnode *t, const words *w)
{
    const char *who = place_name(F, t->place, w);
    switch (t->kind) {
    case TN_ACQUIRE:
        if (w->origin)
            return fmt("'%s' acquired by %s() (%s)", who, w->call, w->origin);
        return fmt("'%s' acquired by %s()", who, t->callee ? t->callee : w->call);
    case TN_RELEASE:
        return fmt("'%s' %s by %s()", who, w->verb, t->callee);
    case TN_SHUTDOWN:
        return fmt("'%s' shut down by %s(), which does not close it", who, t->callee);
    case TN_STORE:
        return fmt("stored into '%s'", who);
    case TN_OVERWRITTEN:
        return fmt("'%s' is overwritten while another variable still holds the %s", who,
                   w->noun);
    case TN_AGAIN:
        return fmt("%s() runs again: the %s from the earlier pass stays in '%s'", t->callee,
                   w->noun, who);
    case TN_BRANCH: {
        const ir_term *term = &F->fn->blocks[t->block]->term;
        if (term->edge_msg[t->edge])
            return xstrdup(term->edge_msg[t->edge]);
        return fmt("taking the %s branch of '%s'", t->edge ? "false" : "true",
                   term->text ? term->text : "?");
    }
    }
    return xstrdup("?");
}

static char *final_step(const fn_ctx *F, const event *ev, const words *w)
{
    const char *who = place_name(F, ev->place, w);
    switch (ev->kind) {
    case EX_RETURN: return fmt("returning without %s '%s'", w->gerund, who);
    case EX_FALLOFF:
        return fmt("reaching the end of %s() without %s '%s'", F->fn->name, w->gerund, who);
    case EX_SCOPE: return fmt("'%s' goes out of scope here without being %s", who, w->verb);
    case EX_OVERWRITE: return fmt("'%s' is overwritten while it still holds the open %s", who, w->noun);
    case EX_DISCARD: return fmt("the %s returned by %s() is never stored", w->noun, w->call);
    case EX_FREED:
        return fmt("%s() frees the object holding '%s' without %s it", ev->callee, who, w->gerund);
    case EX_LONGJMP: return fmt("%s() unwinds past '%s' without %s it", ev->callee, who, w->gerund);
    case EX_DOUBLE: return fmt("'%s' %s again by %s()", who, w->verb, ev->callee);
    case EX_USE_AFTER: return fmt("'%s' used by %s() after being %s", who, ev->callee, w->verb);
    case EX_USE_BEFORE:
        return fmt("'%s' used by %s() before checking whether %s() failed", who, ev->callee, w->call);
    case EX_OVERWRITE_PREV:
        return fmt("'%s' overwritten without %s the %s it may hold", who, w->gerund, w->noun);
    case EX_OUT_FAIL:
        return fmt("returning %lld, a failure, with '%s' still open: its callers close it only "
                   "on success", ev->ret, who);
    }
    return xstrdup("?");
}

static char *headline(const fn_ctx *F, const site *s, const state *st, const event *ev,
                      const words *w, const char *why)
{
    unsigned line = s->in->loc.line;
    const char *who = place_name(F, ev->place, w);
    char *base = fmt("%s %s from %s() at line %u", w->noun, w->var, w->call, line);
    char *m;
    switch (ev->kind) {
    case EX_DOUBLE:
        m = fmt("%s is %s twice", base, w->verb);
        break;
    case EX_USE_AFTER:
        m = fmt("%s is used by %s() after it was %s", base, ev->callee, w->verb);
        break;
    case EX_USE_BEFORE:
        m = fmt("%s is used by %s() before checking that %s() succeeded", base, ev->callee, w->call);
        break;
    case EX_DISCARD:
        m = fmt("the %s returned by %s() at line %u is never stored or %s", w->noun, w->call,
                line, w->verb);
        break;
    case EX_OVERWRITE:
    case EX_SCOPE:
        m = fmt("%s is %s %s before '%s' %s", base, st->shut ? "shut down but never" : "not",
                w->verb, who, ev->kind == EX_SCOPE ? "goes out of scope" : "is overwritten");
        break;
    case EX_LONGJMP:
        m = fmt("%s is not %s when %s() jumps out of %s()", base, w->verb, ev->callee, F->fn->name);
        break;
    case EX_FREED:
        m = fmt("%s is not %s before %s() frees the object '%s' is stored in", base, w->verb,
                ev->callee, who);
        break;
    case EX_OVERWRITE_PREV:
        m = fmt("'%s' may still hold a %s from an earlier call when it is overwritten: every "
                "write of '%s' in the program stores a new %s, and it is never %s or reset",
                who, w->noun, who, w->noun, w->verb);
        break;
    case EX_OUT_FAIL:
        m = fmt("%s is left open in '%s' when %s() returns %lld (failure)", base, who,
                F->fn->name, ev->ret);
        break;
    default:
        if (st->shut)
            m = why ? fmt("%s is shut down but never %s %s", base, w->verb, why)
                    : fmt("%s is shut down but never %s", base, w->verb);
        else if (why)
            m = fmt("%s is not %s %s", base, w->verb, why);
        else if (ev->kind == EX_FALLOFF)
            m = fmt("%s is not %s at the end of %s()", base, w->verb, F->fn->name);
        else
            m = fmt("%s is not %s when %s() returns", base, w->verb, F->fn->name);
        break;
    }
    free(base);
    return m;
}

/* A fix for a leak at a return/break/continue/goto that only one edge
 * enters: insert the release call before it.  The text is the bare call;
 * the CLI fits it to the line (indentation, braces) or drops it. */
static void add_fix(const fn_ctx *F, const site *s, const state *st, const event *ev,
                    finding *f)
{
    int exit_stmt = (ev->kind == EX_RETURN) || (ev->kind == EX_SCOPE && ev->jump);
    int t = ev->place;
    const rt_acquire *a = &s->entry->acquire;
    const rt_family *fam = a->family >= 0 ? rules_family(F->rt, a->family) : NULL;
    if (!exit_stmt || t < 0 || !fam || !fam->release_fn || ev->block < 0 ||
        F->preds[ev->block] > 1 || F->fn->places[t].kind == IR_PLACE_TEMP ||
        F->fn->places[t].name[0] == '*')
        return;
    const char *name = F->fn->places[t].name;
    f->fix_description = st->shut ? fmt("%s '%s' after shutting it down", fam->release_fn, name)
                                  : fmt("%s '%s' before leaving", fam->release_fn, name);
    f->edits = calloc(1, sizeof(fnd_edit));
    if (!f->edits)
        abort();
    f->nedits = 1;
    f->edits[0].loc = mkloc(ev->loc);
    f->edits[0].insert = fmt("%s(%s);", fam->release_fn, name);
}

void emit_finding(fn_ctx *F, const site *s, const state *st, const event *ev,
                  finding_list *out)
{
    words w;
    make_words(F, s, ev->place, &w);
    size_t n;
    const tnode **v = trace_nodes(F, s, st, ev, &n);
    char *why = ev->kind == EX_RETURN || ev->kind == EX_FALLOFF ? reason(F, s, ev->place, v, n) : NULL;
    finding f;
    memset(&f, 0, sizeof f);
    switch (ev->kind) {
    case EX_DOUBLE: f.rule = SL_RULE_DOUBLE_CLOSE; break;
    case EX_USE_AFTER: f.rule = SL_RULE_USE_AFTER_CLOSE; break;
    case EX_USE_BEFORE: f.rule = SL_RULE_USE_BEFORE_CHECK; break;
    default:
        f.rule = st->shut ? SL_RULE_SHUTDOWN_WITHOUT_CLOSE : SL_RULE_RESOURCE_LEAK;
        break;
    }
    f.level = sl_rule_default_level(f.rule);
    f.message = headline(F, s, st, ev, &w, why);
    f.loc = mkloc(ev->loc);
    f.function = xstrdup(F->fn->name);
    f.variable = xstrdup(w.name);
    f.resource = xstrdup(w.noun);
    f.acquired = mkloc(s->in->loc);
    f.acquired_call = xstrdup(w.call);
    f.ntrace = n + 1;
    f.trace = calloc(f.ntrace, sizeof(fnd_step));
    if (!f.trace)
        abort();
    for (size_t i = 0; i < n; i++) {
        f.trace[i].loc = mkloc(v[i]->loc);
        f.trace[i].message = step_text(F, v[i], &w);
    }
    f.trace[n].loc = mkloc(ev->loc);
    f.trace[n].message = final_step(F, ev, &w);
    if (f.rule == SL_RULE_RESOURCE_LEAK || f.rule == SL_RULE_SHUTDOWN_WITHOUT_CLOSE)
        add_fix(F, s, st, ev, &f);
    free(why);
    free(v);
    finding_list_push(out, &f);
}
