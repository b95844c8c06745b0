/* incomplete.c — the list of what a run did not fully analyze and the table
 * of its kinds (see incomplete.h).  Storage only: nothing is printed here. */
#include "report/incomplete.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct ri_row {
    const char *reason, *level;
    int unanalyzed, of_files;
    const char *one, *many, *what;
} ri_rows[RI_KIND_COUNT] = {
#define RI_ROW(e, reason, level, unanalyzed, of_files, one, many, what)        \
    [RI_##e] = {reason, level, unanalyzed, of_files, one, many, what},
    REPORT_INCOMPLETE_KINDS(RI_ROW)
#undef RI_ROW
};

static const struct ri_row *ri_row(report_incomplete_kind k)
{
    return &ri_rows[(unsigned)k < RI_KIND_COUNT ? k : RI_FILE_FAILED];
}

/* A copy of s, or NULL for NULL; *ok drops to 0 when out of memory. */
static char *ri_dup(const char *s, int *ok)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        *ok = 0;
    return d;
}

int report_incomplete_add(report_incomplete_list *l, report_incomplete_kind k,
                          const char *file, const char *function,
                          const char *detail)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        report_incomplete *p = realloc(l->items, cap * sizeof *p);
        if (!p)
            return -1;
        l->items = p;
        l->cap = cap;
    }
    int ok = 1;
    report_incomplete it = {k, ri_dup(file, &ok), ri_dup(function, &ok),
                            ri_dup(detail, &ok)};
    if (!ok) {
        free(it.file);
        free(it.function);
        free(it.detail);
        return -1;
    }
    l->items[l->n++] = it;
    return 0;
}

int report_incomplete_copy(report_incomplete_list *l,
                           const report_incomplete_list *from)
{
    for (size_t i = 0; from && i < from->n; i++) {
        const report_incomplete *it = &from->items[i];
        if (report_incomplete_add(l, it->kind, it->file, it->function,
                                  it->detail) != 0)
            return -1;
    }
    return 0;
}

void report_incomplete_free(report_incomplete_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].file);
        free(l->items[i].function);
        free(l->items[i].detail);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

size_t report_incomplete_count(const report_incomplete_list *l,
                               report_incomplete_kind k)
{
    size_t n = 0;
    for (size_t i = 0; l && i < l->n; i++)
        n += l->items[i].kind == k;
    return n;
}

const char *report_incomplete_reason(report_incomplete_kind k)
{
    return ri_row(k)->reason;
}

const char *report_incomplete_level(report_incomplete_kind k)
{
    return ri_row(k)->level;
}

const char *report_incomplete_noun(report_incomplete_kind k, size_t count)
{
    return count == 1 ? ri_row(k)->one : ri_row(k)->many;
}

const char *report_incomplete_what(report_incomplete_kind k)
{
    return ri_row(k)->what;
}

int report_incomplete_unanalyzed(report_incomplete_kind k)
{
    return ri_row(k)->unanalyzed;
}

int report_incomplete_of_files(report_incomplete_kind k)
{
    return ri_row(k)->of_files;
}

/* printf into a malloc'd string; NULL when out of memory. */
static char *ri_strf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *ri_strf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n < 0 ? NULL : malloc((size_t)n + 1);
    if (s) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

char *report_incomplete_text(const report_incomplete *it)
{
    const struct ri_row *r = ri_row(it->kind);
    const char *file = it->file ? it->file : "";
    const char *at = *file ? ": " : "";
    const char *detail = it->detail ? it->detail : "";
    const char *sep = *detail ? ": " : "";
    if (it->function)
        return ri_strf("%s%s%s '%s' %s%s%s", file, at, r->one, it->function,
                       r->what, sep, detail);
    return ri_strf("%s%s%s %s%s%s", file, at, r->one, r->what, sep, detail);
}

int report_incomplete_fails(const report_incomplete_list *l, int strict)
{
    for (size_t i = 0; l && i < l->n; i++)
        if (strict || report_incomplete_unanalyzed(l->items[i].kind))
            return 1;
    return 0;
}
