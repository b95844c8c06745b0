/* args.c — recognises the compiler flags clang rejected in a parse's
 * diagnostics and remembers them per worker (see args.h).  It reads
 * diagnostics only; it neither parses nor builds argument vectors. */
#include "front/args.h"

#include <stdlib.h>
#include <string.h>

/* The messages of clang's driver that reject one flag, as the text before
 * the flag's quoted spelling (DiagnosticDriverKinds.td).  "unsupported
 * argument 'V' to option 'X'" names a value and an option: handled apart. */
static const char *const args_rejections[] = {
    "unknown argument: '",                  /* err_drv_unknown_argument */
    "unknown argument '",                   /* ... with a suggestion */
    "unsupported option '",                 /* ... for target / language */
    "the clang compiler does not support '",
    NULL,
};
static const char args_value_head[] = "unsupported argument '";
static const char args_value_mid[] = "' to option '";

void args_memo_clear(args_memo *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++)
        free(m->v[i]);
    free(m->v);
    memset(m, 0, sizeof *m);
}

int args_memo_has(const args_memo *m, const char *flag)
{
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->v[i], flag) == 0)
            return 1;
    return 0;
}

size_t args_memo_add(args_memo *m, const char *flag)
{
    if (args_memo_has(m, flag))
        return 0;
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 8;
        char **v = realloc(m->v, cap * sizeof *v);
        if (!v)
            return 0;
        m->v = v;
        m->cap = cap;
    }
    char *copy = strdup(flag);
    if (!copy)
        return 0;
    m->v[m->n++] = copy;
    return 1;
}

/* The length of a quoted spelling starting at s (after its opening quote):
 * up to the quote that ends the message or precedes a blank or ';'. */
static size_t args_quoted_len(const char *s)
{
    for (const char *q = strchr(s, '\''); q; q = strchr(q + 1, '\''))
        if (q[1] == '\0' || q[1] == ' ' || q[1] == ';')
            return (size_t)(q - s);
    return strlen(s);
}

/* Nonzero when the argument a is the rejected option opt (of length n):
 * the same text, or opt ending in '=' and a giving it a value; when value
 * is not NULL (of length vn), that value must appear in a after opt. */
static int args_matches(const char *a, const char *opt, size_t n,
                        const char *value, size_t vn)
{
    if (strncmp(a, opt, n) != 0)
        return 0;
    if (value) {
        for (const char *p = a + n; strlen(p) >= vn; p++)
            if (strncmp(p, value, vn) == 0)
                return 1;
        return 0;
    }
    return a[n] == '\0' || (n > 0 && opt[n - 1] == '=');
}

/* Adds to m every element of args that the message msg rejects. */
static size_t args_from_message(args_memo *m, const char *msg,
                                const char *const *args, int nargs)
{
    const char *opt = NULL, *value = NULL;
    size_t n = 0, vn = 0;
    for (const char *const *r = args_rejections; *r && !opt; r++)
        if (strncmp(msg, *r, strlen(*r)) == 0)
            opt = msg + strlen(*r);
    if (opt) {
        n = args_quoted_len(opt);
    } else if (strncmp(msg, args_value_head, sizeof args_value_head - 1) == 0) {
        value = msg + sizeof args_value_head - 1;
        const char *mid = strstr(value, args_value_mid);
        if (!mid)
            return 0;
        vn = (size_t)(mid - value);
        opt = mid + sizeof args_value_mid - 1;
        n = args_quoted_len(opt);
    } else {
        return 0;
    }
    size_t added = 0;
    for (int i = 0; i < nargs; i++)
        if (args_matches(args[i], opt, n, value, vn))
            added += args_memo_add(m, args[i]);
    return added;
}

size_t args_learn(args_memo *m, CXTranslationUnit tu, const char *const *args,
                  int nargs)
{
    size_t added = 0;
    unsigned nd = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < nd; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        CXFile file = NULL;
        clang_getFileLocation(clang_getDiagnosticLocation(d), &file, NULL, NULL, NULL);
        if (!file && clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
            CXString s = clang_getDiagnosticSpelling(d);
            const char *msg = clang_getCString(s);
            if (msg)
                added += args_from_message(m, msg, args, nargs);
            clang_disposeString(s);
        }
        clang_disposeDiagnostic(d);
    }
    return added;
}

int args_value_flag(const char *arg)
{
    return (strncmp(arg, "-m", 2) == 0 || strncmp(arg, "-f", 2) == 0) && strchr(arg, '=') &&
           strncmp(arg, "-fsanitize", 10) != 0 && strncmp(arg, "-fmacro-prefix-map", 18) != 0;
}
