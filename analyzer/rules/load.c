/* load.c — reads and validates rule packs (JSON, via cJSON) into a
 * rules_table.  rules/README.md documents the format; rules/pack.schema.json
 * mirrors what is checked here.
 *
 * cJSON keeps no source positions, so this file walks the raw text alongside
 * the cJSON tree (a JSON value's text starts at a known offset; its members
 * are found by skipping sibling values, whose order cJSON preserves).  Every
 * error names the file, line and column of the offending key or value.
 *
 * It does not decide which packs to load (the CLI does), and it is not
 * thread-safe: load everything before the readers start.
 */
#include "rules/load.h"

#include "json/jsonpos.h"
#include "util/readfile.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WHEN 4

/* One load: the file, its text, where errors go, the table being filled. */
typedef struct {
    const char *path;
    const char *text; /* the whole file, NUL-terminated */
    size_t len;
    char **err;
    rules_table *t;
    const char *pack;      /* this pack's name */
    const char **famnames; /* families declared by this pack, for duplicates */
    int nfams;
} ld;

/* A cJSON value and the offset in ld.text where its text begins. */
typedef struct {
    const cJSON *j;
    size_t off;
} jv;

/* ---- errors ---- */

static char *vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

static char *format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    return s;
}

/* Sets *L->err to "PATH:LINE:COL: message" for text offset off; returns -1. */
static int fail_at(ld *L, size_t off, const char *fmt, ...)
{
    int line, col;
    jpos_line_col(L->text, L->len, off, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    for (char *c = msg; c && *c; c++)
        if ((unsigned char)*c < 32)
            *c = '?'; /* keys may hold raw control characters: one line */
    free(*L->err);
    *L->err = format("%s:%d:%d: %s", L->path, line, col,
                     msg ? msg : "out of memory");
    free(msg);
    return -1;
}

/* ---- positions (json/jsonpos.h) ---- */

static size_t child_off(const ld *L, jv p, const cJSON *c, int want_key)
{
    return jpos_child(L->text, p.off, p.j, c, want_key);
}

static jv child(const ld *L, jv p, const cJSON *c)
{
    jv v = {c, child_off(L, p, c, 0)};
    return v;
}

/* The member called key of object o ({NULL, o.off} when absent). */
static jv member(const ld *L, jv o, const char *key)
{
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(o.j, key);
    jv v = {c, o.off};
    return c ? child(L, o, c) : v;
}

/* ---- generic object checks: allowed keys, types, required keys ---- */

enum { T_STR = 1, T_INT = 2, T_BOOL = 4, T_ARR = 8, T_OBJ = 16, T_NULL = 32 };

typedef struct {
    const char *key;
    int types;
    int required;
} keyspec;

static const char *type_name(int types)
{
    switch (types & ~T_NULL) {
    case T_STR: return "a string";
    case T_INT: return "an integer";
    case T_BOOL: return "true or false";
    case T_ARR: return "an array";
    case T_OBJ: return "an object";
    default: return "?";
    }
}

static int is_integer_text(const char *s)
{
    size_t n = strspn(s, "-0123456789");
    return n > 0 && s[n] != '.' && s[n] != 'e' && s[n] != 'E';
}

static int has_type(const ld *L, jv v, int types)
{
    const cJSON *j = v.j;
    return ((types & T_STR) && cJSON_IsString(j)) ||
           ((types & T_BOOL) && cJSON_IsBool(j)) ||
           ((types & T_ARR) && cJSON_IsArray(j)) ||
           ((types & T_OBJ) && cJSON_IsObject(j)) ||
           ((types & T_NULL) && cJSON_IsNull(j)) ||
           ((types & T_INT) && cJSON_IsNumber(j) &&
            is_integer_text(L->text + v.off));
}

static const keyspec *find_spec(const keyspec *ks, const char *key)
{
    for (; ks->key; ks++)
        if (strcmp(ks->key, key) == 0)
            return ks;
    return NULL;
}

/* Checks one member of an object against ks; key is the key's offset. */
static int check_member(ld *L, jv o, const cJSON *c, size_t key,
                        const keyspec *ks, const char *what)
{
    const keyspec *k = find_spec(ks, c->string);
    if (!k)
        return fail_at(L, key, "unknown key \"%s\" in %s", c->string, what);
    for (const cJSON *d = o.j->child; d != c; d = d->next)
        if (strcmp(d->string, c->string) == 0)
            return fail_at(L, key, "duplicate key \"%s\" in %s", c->string,
                           what);
    jv v = {c, jpos_key_to_value(L->text, key)};
    if (!has_type(L, v, k->types))
        return fail_at(L, v.off, "\"%s\" must be %s%s", c->string,
                       type_name(k->types),
                       k->types & T_NULL ? " or null" : "");
    return 0;
}

/* o must be an object whose keys are all in ks, each of its type, with every
 * required key present.  what names the object in messages. */
static int check_object(ld *L, jv o, const keyspec *ks, const char *what)
{
    if (!cJSON_IsObject(o.j))
        return fail_at(L, o.off, "%s must be an object", what);
    for (const cJSON *c = o.j->child; c; c = c->next)
        if (check_member(L, o, c, child_off(L, o, c, 1), ks, what) < 0)
            return -1;
    for (; ks->key; ks++)
        if (ks->required && !cJSON_GetObjectItemCaseSensitive(o.j, ks->key))
            return fail_at(L, o.off, "%s lacks the required key \"%s\"",
                           what, ks->key);
    return 0;
}

/* ---- values ---- */

/* The integer at v (already known to be integer text) in [lo, hi]. */
static int get_int(ld *L, jv v, const char *name, int64_t lo, int64_t hi,
                   int64_t *out)
{
    errno = 0;
    long long x = strtoll(L->text + v.off, NULL, 10);
    if (errno == ERANGE || x < lo || x > hi)
        return fail_at(L, v.off, "\"%s\" must be between %lld and %lld",
                       name, (long long)lo, (long long)hi);
    *out = x;
    return 0;
}

/* An optional integer member: leaves *out alone when absent. */
static int opt_int(ld *L, jv o, const char *key, int64_t lo, int64_t hi,
                   int *out)
{
    jv v = member(L, o, key);
    int64_t x = 0;
    if (!v.j)
        return 0;
    if (get_int(L, v, key, lo, hi, &x) < 0)
        return -1;
    *out = (int)x;
    return 0;
}

static const char *opt_str(const ld *L, jv o, const char *key)
{
    jv v = member(L, o, key);
    return cJSON_IsString(v.j) ? v.j->valuestring : NULL;
}

static int nonempty(ld *L, jv o, const char *key, const char *what)
{
    jv v = member(L, o, key);
    if (v.j && v.j->valuestring[0] == '\0')
        return fail_at(L, v.off, "%s \"%s\" must not be empty", what, key);
    return 0;
}

/* An array of argument indices (0..RT_MAX_ARGS-1) as a bitmask. */
static int arg_list(ld *L, jv a, uint32_t *mask)
{
    *mask = 0;
    for (const cJSON *c = a.j->child; c; c = c->next) {
        jv v = child(L, a, c);
        int64_t i = 0;
        if (!has_type(L, v, T_INT))
            return fail_at(L, v.off, "\"%s\" must list argument indices "
                           "(integers)", a.j->string);
        if (get_int(L, v, a.j->string, 0, RT_MAX_ARGS - 1, &i) < 0)
            return -1;
        *mask |= (uint32_t)1 << i;
    }
    return 0;
}

/* An optional '-', then only digits. */
static int is_int_token(const char *s)
{
    s += *s == '-';
    return *s && s[strspn(s, "0123456789")] == '\0';
}

/* Parses "< 0", "== NULL", "!= 0", "never" or "== N"; 0 or -1. */
static int parse_fails(const char *s, rt_fail *out)
{
    char op[3] = "", arg[32] = "", extra[2] = "";
    out->value = 0;
    if (strcmp(s, "never") == 0) {
        out->kind = RT_FAIL_NONE;
        return 0;
    }
    if (sscanf(s, " %2[<=!] %31s %1s", op, arg, extra) != 2)
        return -1;
    if (strcmp(op, "<") == 0 && strcmp(arg, "0") == 0)
        out->kind = RT_FAIL_NEGATIVE;
    else if (strcmp(op, "!=") == 0 && strcmp(arg, "0") == 0)
        out->kind = RT_FAIL_NONZERO;
    else if (strcmp(op, "==") == 0 && strcmp(arg, "NULL") == 0)
        out->kind = RT_FAIL_NULL;
    else if (strcmp(op, "==") == 0 && is_int_token(arg)) {
        errno = 0;
        out->value = strtoll(arg, NULL, 10);
        out->kind = RT_FAIL_EQ;
        return errno == ERANGE ? -1 : 0;
    } else
        return -1;
    return 0;
}

static int family_ref(ld *L, jv v, int *out)
{
    *out = rules_family_find(L->t, v.j->valuestring);
    if (*out < 0)
        return fail_at(L, v.off, "unknown family \"%s\" (declare it in "
                       "\"families\" of this pack or an earlier one)",
                       v.j->valuestring);
    return 0;
}

/* Replaces a table-owned string. */
static int set_str(char **slot, const char *s)
{
    char *d = s ? strdup(s) : NULL;
    if (s && !d)
        return -1;
    free(*slot);
    *slot = d;
    return 0;
}

/* ---- families ---- */

static const keyspec family_keys[] = {
    {"name", T_STR, 1},         {"noun", T_STR, 0},
    {"release_verb", T_STR, 0}, {"release_fn", T_STR | T_NULL, 0},
    {NULL, 0, 0},
};

/* A family already declared by an earlier pack keeps its first
 * definition; declaring one twice in the same pack is an error. */
static int load_family(ld *L, jv f)
{
    if (check_object(L, f, family_keys, "a family") < 0 ||
        nonempty(L, f, "name", "family") < 0)
        return -1;
    jv name = member(L, f, "name");
    for (int i = 0; i < L->nfams; i++)
        if (strcmp(L->famnames[i], name.j->valuestring) == 0)
            return fail_at(L, name.off, "family \"%s\" is declared twice",
                           name.j->valuestring);
    const char *noun = opt_str(L, f, "noun");
    const char *verb = opt_str(L, f, "release_verb");
    if (rules_family_add(L->t, name.j->valuestring,
                         noun ? noun : name.j->valuestring,
                         verb ? verb : "released",
                         opt_str(L, f, "release_fn")) < 0)
        return fail_at(L, f.off, "out of memory");
    L->famnames[L->nfams++] = name.j->valuestring;
    return 0;
}

/* ---- acquire ---- */

static const keyspec acquire_keys[] = {
    {"family", T_STR, 1},     {"noun", T_STR, 0},
    {"out_arg", T_INT, 0},    {"out_count", T_INT, 0},
    {"when_arg", T_INT, 0},   {"when_values", T_ARR, 0},
    {"unless_arg", T_INT, 0}, {"unless_max", T_INT, 0},
    {NULL, 0, 0},
};

/* key a requires key b in object o (and b requires a when both_ways). */
static int needs(ld *L, jv o, const char *a, const char *b, int both_ways)
{
    jv va = member(L, o, a), vb = member(L, o, b);
    if (va.j && !vb.j)
        return fail_at(L, va.off, "\"%s\" needs \"%s\"", a, b);
    if (both_ways && vb.j && !va.j)
        return fail_at(L, vb.off, "\"%s\" needs \"%s\"", b, a);
    return 0;
}

static int when_values(ld *L, jv o, rt_acquire *a)
{
    jv arr = member(L, o, "when_values");
    if (!arr.j)
        return 0;
    int n = cJSON_GetArraySize(arr.j);
    if (n < 1 || n > MAX_WHEN)
        return fail_at(L, arr.off, "\"when_values\" must list 1 to %d "
                       "integers", MAX_WHEN);
    for (const cJSON *c = arr.j->child; c; c = c->next) {
        jv v = child(L, arr, c);
        if (!has_type(L, v, T_INT))
            return fail_at(L, v.off, "\"when_values\" must list integers");
        if (get_int(L, v, "when_values", INT64_MIN, INT64_MAX,
                    &a->when_values[a->nwhen++]) < 0)
            return -1;
    }
    return 0;
}

/* Parses an "acquire" object into *a; a->noun points into the cJSON tree. */
static int load_acquire(ld *L, jv o, rt_acquire *a)
{
    int64_t umax = 0;
    memset(a, 0, sizeof *a);
    a->out_arg = a->when_arg = a->unless_arg = -1;
    if (check_object(L, o, acquire_keys, "\"acquire\"") < 0 ||
        family_ref(L, member(L, o, "family"), &a->family) < 0 ||
        opt_int(L, o, "out_arg", 0, RT_MAX_ARGS - 1, &a->out_arg) < 0 ||
        opt_int(L, o, "out_count", 0, 1024, &a->out_count) < 0 ||
        opt_int(L, o, "when_arg", 0, RT_MAX_ARGS - 1, &a->when_arg) < 0 ||
        opt_int(L, o, "unless_arg", 0, RT_MAX_ARGS - 1, &a->unless_arg) < 0 ||
        needs(L, o, "out_count", "out_arg", 0) < 0 ||
        needs(L, o, "when_arg", "when_values", 1) < 0 ||
        needs(L, o, "unless_arg", "unless_max", 1) < 0 ||
        when_values(L, o, a) < 0)
        return -1;
    jv u = member(L, o, "unless_max");
    if (u.j && get_int(L, u, "unless_max", INT64_MIN, INT64_MAX, &umax) < 0)
        return -1;
    a->unless_max = u.j ? umax : 0;
    a->noun = (char *)opt_str(L, o, "noun");
    return 0;
}

/* ---- functions ---- */

static const keyspec function_keys[] = {
    {"name", T_STR, 1},
    {"acquire", T_OBJ | T_NULL, 0},
    {"fails", T_STR, 0},
    {"release", T_ARR, 0},
    {"half_release", T_ARR, 0},
    {"borrow", T_ARR, 0},
    {"transfer", T_ARR, 0},
    {"transfer_on_success", T_BOOL, 0},
    {"becomes", T_STR | T_NULL, 0},
    {"transfer_when", T_OBJ | T_NULL, 0},
    {"noreturn", T_BOOL, 0},
    {"nonlocal_exit", T_BOOL, 0},
    {"harmless", T_BOOL, 0},
    {"pure", T_BOOL, 0},
    {"returns_arg", T_INT | T_NULL, 0},
    {"copies", T_OBJ | T_NULL, 0},
    {"allocates", T_BOOL, 0},
    {"frees", T_ARR, 0},
    {"checks_first", T_ARR, 0},
    {NULL, 0, 0},
};

/* The argument-list keys and the row field each one sets. */
static const struct {
    const char *key;
    size_t field;
} arg_fields[] = {
    {"release", offsetof(rt_entry, release)},
    {"half_release", offsetof(rt_entry, half_release)},
    {"borrow", offsetof(rt_entry, borrow)},
    {"transfer", offsetof(rt_entry, transfer)},
    {"checks_first", offsetof(rt_entry, checks_first)},
};
#define N_ARG_FIELDS (sizeof arg_fields / sizeof arg_fields[0])

/* Everything one function entry says, parsed before the row is touched. */
typedef struct {
    int has_fail, has_acquire_key, has_becomes, has_when;
    rt_fail fail;
    const cJSON *acquire_json; /* NULL or JSON null: no acquisition */
    rt_acquire acquire;
    uint32_t masks[N_ARG_FIELDS];
    int has_mask[N_ARG_FIELDS];
    int becomes;
    int when_arg;              /* "transfer_when"; -1 when null */
    int64_t when_mask;
} fn_delta;

static int bool_member(const ld *L, jv o, const char *key, int *val)
{
    jv v = member(L, o, key);
    if (v.j)
        *val = cJSON_IsTrue(v.j);
    return v.j != NULL;
}

static const keyspec transfer_when_keys[] = {
    {"arg", T_INT, 1}, {"mask", T_INT, 1}, {NULL, 0, 0},
};

/* "transfer_when": {"arg": N, "mask": M}: the transfer happens only when
 * argument N is a constant with a bit of M set (BIO_CLOSE). */
static int load_transfer_when(ld *L, jv o, fn_delta *d)
{
    jv v = member(L, o, "transfer_when");
    d->has_when = v.j != NULL;
    d->when_arg = -1;
    if (!cJSON_IsObject(v.j))
        return 0;
    if (check_object(L, v, transfer_when_keys, "\"transfer_when\"") < 0 ||
        opt_int(L, v, "arg", 0, RT_MAX_ARGS - 1, &d->when_arg) < 0 ||
        get_int(L, member(L, v, "mask"), "mask", INT64_MIN, INT64_MAX,
                &d->when_mask) < 0)
        return -1;
    if (d->when_mask == 0)
        return fail_at(L, member(L, v, "mask").off, "\"mask\" must not be "
                       "0: no constant would ever transfer");
    return 0;
}

static int parse_roles(ld *L, jv o, fn_delta *d)
{
    memset(d, 0, sizeof *d);
    d->becomes = -1;
    jv v = member(L, o, "fails");
    d->has_fail = v.j != NULL;
    if (v.j && parse_fails(v.j->valuestring, &d->fail) < 0)
        return fail_at(L, v.off, "bad \"fails\" value \"%s\": expected "
                       "\"< 0\", \"== NULL\", \"!= 0\", \"== N\" or \"never\"",
                       v.j->valuestring);
    for (size_t i = 0; i < N_ARG_FIELDS; i++) {
        v = member(L, o, arg_fields[i].key);
        d->has_mask[i] = v.j != NULL;
        if (v.j && arg_list(L, v, &d->masks[i]) < 0)
            return -1;
    }
    v = member(L, o, "acquire");
    d->has_acquire_key = v.j != NULL;
    d->acquire_json = cJSON_IsObject(v.j) ? v.j : NULL;
    if (d->acquire_json && load_acquire(L, v, &d->acquire) < 0)
        return -1;
    v = member(L, o, "becomes");
    d->has_becomes = v.j != NULL;
    if (cJSON_IsString(v.j) && family_ref(L, v, &d->becomes) < 0)
        return -1;
    return load_transfer_when(L, o, d);
}

/* "harmless": true says the call touches no ownership: no other role. */
static int check_harmless(ld *L, jv o, const fn_delta *d)
{
    jv h = member(L, o, "harmless");
    int roles = d->acquire_json != NULL;
    for (size_t i = 0; i < N_ARG_FIELDS; i++)
        roles |= d->masks[i] != 0;
    if (cJSON_IsTrue(h.j) && roles)
        return fail_at(L, h.off, "a \"harmless\" function cannot also "
                       "acquire, release, borrow or transfer");
    return 0;
}

static int apply_acquire(rt_entry *e, const fn_delta *d)
{
    free(e->acquire.noun);
    e->acquire.noun = NULL;
    e->has_acquire = d->acquire_json != NULL;
    if (!e->has_acquire) {
        e->acquire.family = e->acquire.out_arg = -1;
        e->acquire.when_arg = e->acquire.unless_arg = -1;
        return 0;
    }
    e->acquire = d->acquire;
    e->acquire.noun = NULL;
    return set_str(&e->acquire.noun, d->acquire.noun);
}

/* "harmless": true replaces every ownership role of the row; an entry that
 * gives a role to a harmless row makes it not harmless. */
static void clear_or_unharm(rt_entry *e, const fn_delta *d)
{
    int roles = d->acquire_json != NULL;
    for (size_t i = 0; i < N_ARG_FIELDS; i++)
        roles |= d->masks[i] != 0;
    if (roles) {
        e->harmless = 0;
    } else if (e->harmless) {
        free(e->acquire.noun);
        e->acquire.noun = NULL;
        e->has_acquire = 0;
        e->release = e->half_release = e->borrow = 0;
        e->transfer = e->transfer_on_success = 0;
        e->transfer_family = -1;
        e->transfer_when_arg = -1;
        e->transfer_when_mask = 0;
    }
}

/* Merges the entry's roles into row e: each key given replaces that role. */
static int apply_roles(ld *L, jv o, rt_entry *e, const fn_delta *d)
{
    int b, had_tos = e->transfer_on_success != 0;
    if (d->has_fail)
        e->fail = d->fail;
    if (d->has_acquire_key && apply_acquire(e, d) < 0)
        return -1;
    for (size_t i = 0; i < N_ARG_FIELDS; i++)
        if (d->has_mask[i])
            *(uint32_t *)((char *)e + arg_fields[i].field) = d->masks[i];
    if (d->has_becomes)
        e->transfer_family = d->becomes;
    if (d->has_when) {
        e->transfer_when_arg = d->when_arg;
        e->transfer_when_mask = d->when_arg >= 0 ? d->when_mask : 0;
    }
    if (bool_member(L, o, "transfer_on_success", &b))
        had_tos = b;
    e->transfer_on_success = had_tos ? e->transfer : 0;
    if (bool_member(L, o, "noreturn", &b))
        e->noreturn = (unsigned)b;
    if (bool_member(L, o, "nonlocal_exit", &b))
        e->nonlocal_exit = (unsigned)b;
    if (bool_member(L, o, "harmless", &b))
        e->harmless = (unsigned)b;
    if (bool_member(L, o, "pure", &b))
        e->pure = (unsigned)b;
    if (bool_member(L, o, "allocates", &b))
        e->allocates = (unsigned)b;
    jv fr = member(L, o, "frees");
    if (fr.j && arg_list(L, fr, &e->frees) < 0)
        return -1;
    jv cp = member(L, o, "copies");
    if (cJSON_IsNull(cp.j)) {
        e->copy_from = e->copy_to = -1;
    } else if (cp.j) {
        static const keyspec copy_keys[] = {{"from", T_INT, 1}, {"to", T_INT, 1}, {NULL, 0, 0}};
        if (check_object(L, cp, copy_keys, "\"copies\"") < 0 ||
            opt_int(L, cp, "from", 0, RT_MAX_ARGS - 1, &e->copy_from) < 0 ||
            opt_int(L, cp, "to", 0, RT_MAX_ARGS - 1, &e->copy_to) < 0)
            return -1;
        if (e->copy_from == e->copy_to)
            return fail_at(L, cp.off, "\"copies\" needs two different arguments");
    }
    jv ra = member(L, o, "returns_arg");
    if (cJSON_IsNull(ra.j))
        e->returns_arg = -1;
    else if (ra.j && opt_int(L, o, "returns_arg", 0, RT_MAX_ARGS - 1, &e->returns_arg) < 0)
        return -1;
    clear_or_unharm(e, d);
    return 0;
}

/* Checks the merged row: what one key promises that another must give. */
static int check_row(ld *L, jv o, const rt_entry *e)
{
    jv tos = member(L, o, "transfer_on_success");
    if (cJSON_IsTrue(tos.j) && !e->transfer)
        return fail_at(L, tos.off, "\"transfer_on_success\" needs "
                       "\"transfer\"");
    if (cJSON_IsTrue(tos.j) && e->fail.kind == RT_FAIL_NONE)
        return fail_at(L, tos.off, "\"transfer_on_success\" needs a "
                       "\"fails\" condition");
    jv bec = member(L, o, "becomes");
    if (cJSON_IsString(bec.j) && !e->transfer)
        return fail_at(L, bec.off, "\"becomes\" needs \"transfer\"");
    jv when = member(L, o, "transfer_when");
    if (cJSON_IsObject(when.j) && !e->transfer)
        return fail_at(L, when.off, "\"transfer_when\" needs \"transfer\"");
    return 0;
}

static int load_function(ld *L, jv o, const char **seen, int nseen)
{
    fn_delta d;
    if (check_object(L, o, function_keys, "a function entry") < 0 ||
        nonempty(L, o, "name", "function") < 0)
        return -1;
    jv name = member(L, o, "name");
    for (int i = 0; i < nseen; i++)
        if (strcmp(seen[i], name.j->valuestring) == 0)
            return fail_at(L, name.off, "function \"%s\" is listed twice in "
                           "this pack", name.j->valuestring);
    if (parse_roles(L, o, &d) < 0 || check_harmless(L, o, &d) < 0)
        return -1;
    rt_entry *e = rules_entry(L->t, name.j->valuestring, L->pack);
    if (!e || set_str(&e->pack, L->pack) < 0 || apply_roles(L, o, e, &d) < 0)
        return fail_at(L, o.off, "out of memory");
    return check_row(L, o, e);
}

/* ---- the pack ---- */

static const keyspec pack_keys[] = {
    {"$schema", T_STR, 0},   {"pack", T_STR, 1},      {"description", T_STR, 0},
    {"families", T_ARR, 0},  {"functions", T_ARR, 1}, {NULL, 0, 0},
};

static int load_families(ld *L, jv arr)
{
    if (!arr.j)
        return 0;
    L->famnames = calloc((size_t)cJSON_GetArraySize(arr.j) + 1,
                         sizeof *L->famnames);
    if (!L->famnames)
        return fail_at(L, arr.off, "out of memory");
    for (const cJSON *c = arr.j->child; c; c = c->next)
        if (load_family(L, child(L, arr, c)) < 0)
            return -1;
    return 0;
}

static int load_functions(ld *L, jv arr)
{
    int n = 0, rc = 0;
    const char **seen = calloc((size_t)cJSON_GetArraySize(arr.j) + 1,
                               sizeof *seen);
    if (!seen)
        return fail_at(L, arr.off, "out of memory");
    size_t off = jpos_skip_ws(L->text, arr.off + 1);
    for (const cJSON *c = arr.j->child; c && rc == 0; c = c->next) {
        jv f = {c, off};
        rc = load_function(L, f, seen, n);
        seen[n++] = cJSON_GetStringValue(
            cJSON_GetObjectItemCaseSensitive(c, "name"));
        off = jpos_next_member(L->text, off);
    }
    free(seen);
    return rc;
}

static int load_pack(ld *L, jv root)
{
    if (check_object(L, root, pack_keys, "the pack") < 0 ||
        nonempty(L, root, "pack", "the pack's") < 0)
        return -1;
    L->pack = member(L, root, "pack").j->valuestring;
    int rc = load_families(L, member(L, root, "families"));
    if (rc == 0)
        rc = load_functions(L, member(L, root, "functions"));
    free(L->famnames);
    L->famnames = NULL;
    return rc;
}

/* ---- files ---- */

/* The pack's text: a regular file of at most SL_READ_LIMIT bytes. */
static char *read_all(const char *path, size_t *len, char **err)
{
    char *why = NULL;
    char *buf = sl_read_file(path, SL_READ_LIMIT, 0, len, &why);
    if (!buf)
        *err = format("%s: cannot read: %s", path, why ? why : "out of memory");
    free(why);
    return buf;
}

/* cJSON stopped at off; at the end of the text, point at the last token. */
static int syntax_error(ld *L, size_t off)
{
    if (jpos_skip_ws(L->text, 0) >= L->len)
        return fail_at(L, 0, "JSON syntax error: the file is empty");
    if (off >= L->len) {
        off = L->len - 1;
        while (off > 0 && (unsigned char)L->text[off] <= 32)
            off--;
        return fail_at(L, off, "JSON syntax error: unexpected end of text "
                       "after '%c'", L->text[off]);
    }
    return fail_at(L, off, "JSON syntax error near '%c'", L->text[off]);
}

static int load_text(ld *L)
{
    const char *nul = memchr(L->text, '\0', L->len);
    if (nul)
        return fail_at(L, (size_t)(nul - L->text), "NUL byte in JSON text");
    size_t start = strncmp(L->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(L->text + start, &end, 1);
    if (!root)
        return syntax_error(L, end ? (size_t)(end - L->text) : 0);
    jv r = {root, jpos_skip_ws(L->text, start)};
    int rc = load_pack(L, r);
    cJSON_Delete(root);
    return rc;
}

int rules_load_file(rules_table *t, const char *path, char **err)
{
    ld L = {.path = path, .t = t, .err = err};
    *err = NULL;
    char *text = read_all(path, &L.len, err);
    if (!text)
        return -1;
    L.text = text;
    int rc = load_text(&L);
    free(text);
    return rc;
}

/* ---- directories ---- */

static int is_default_pack(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0 &&
           !(n > 12 && strcmp(name + n - 12, ".schema.json") == 0);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The default pack names of dir, sorted; *n set.  NULL with *err on error
 * (an empty dir gives a non-NULL empty list). */
static char **pack_names(const char *dir, int *n, char **err)
{
    DIR *d = opendir(dir);
    char **names = calloc(1, sizeof *names);
    struct dirent *de;
    int cap = 1;
    *n = 0;
    if (!d || !names)
        goto fail;
    while ((de = readdir(d))) {
        if (!is_default_pack(de->d_name))
            continue;
        if (*n + 1 >= cap) {
            char **nn = realloc(names, sizeof *names * (size_t)(cap *= 2));
            if (!nn)
                goto fail;
            names = nn;
        }
        if (!(names[*n] = strdup(de->d_name)))
            goto fail;
        ++*n;
    }
    closedir(d);
    qsort(names, (size_t)*n, sizeof *names, cmp_names);
    return names;
fail:
    *err = format("%s: cannot read directory: %s", dir, strerror(errno));
    if (d)
        closedir(d);
    for (int i = 0; names && i < *n; i++)
        free(names[i]);
    free(names);
    return NULL;
}

int rules_load_dir(rules_table *t, const char *dir, char **err)
{
    int n, rc = 0;
    *err = NULL;
    char **names = pack_names(dir, &n, err);
    if (!names)
        return -1;
    for (int i = 0; i < n; i++) {
        char *path = rc == 0 ? format("%s/%s", dir, names[i]) : NULL;
        if (rc == 0 && !path) {
            *err = format("%s: out of memory", dir);
            rc = -1;
        } else if (rc == 0) {
            rc = rules_load_file(t, path, err);
        }
        free(path);
        free(names[i]);
    }
    free(names);
    return rc;
}
