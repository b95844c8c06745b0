/* suppress.c — finds suppression comments on the lines of findings, and
 * (--report-unused-suppressions) the markers that match no finding (see
 * suppress.h).  A marker counts only inside a comment: after "//" or a
 * block-comment opener on the line, or on a line that continues a block
 * comment ("* ...").  It does not lex C: a marker inside a string literal
 * that follows a comment opener on the same line would count. */
#include "cli/suppress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/util.h"
#include "util/escape.h"
#include "util/readfile.h"

/* Where the comment part of a line starts, or NULL when it has none. */
static const char *cli_comment_start(const char *text)
{
    const char *t = text;
    while (*t == ' ' || *t == '\t')
        t++;
    if (*t == '*')
        return t;
    const char *a = strstr(text, "//"), *b = strstr(text, "/*");
    if (!a || (b && b < a))
        a = b;
    return a;
}

/* Nonzero when item (length n, blanks trimmed) of a list names rule r:
 * "RULE" when prefix is "", or PREFIX"RULE" / PREFIX"*". */
static int cli_item_names(const char *item, size_t n, const char *prefix,
                          sl_rule r)
{
    while (n && (*item == ' ' || *item == '\t'))
        item++, n--;
    while (n && (item[n - 1] == ' ' || item[n - 1] == '\t'))
        n--;
    size_t pl = strlen(prefix);
    if (n < pl || strncmp(item, prefix, pl) != 0)
        return 0;
    item += pl;
    n -= pl;
    const char *id = sl_rule_id(r);
    return (n == 1 && *item == '*' && pl) ||
           (n == strlen(id) && strncmp(item, id, n) == 0);
}

/* p points just after "(": nonzero when the list up to ")" names r. */
static int cli_list_names(const char *p, const char *prefix, sl_rule r)
{
    const char *end = strchr(p, ')');
    if (!end)
        return 0;
    while (p < end) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        const char *stop = comma ? comma : end;
        if (cli_item_names(p, (size_t)(stop - p), prefix, r))
            return 1;
        p = stop + 1;
    }
    return 0;
}

/* The rules the list after "(" (up to ")") names, as a bit mask; *ours is
 * set when an item starts with prefix (so "NOLINT(bugprone-x)" is not a
 * sockleak marker, but "NOLINT(sockleak-typo)" is). */
static unsigned cli_list_mask(const char *p, const char *prefix, int *ours)
{
    unsigned mask = 0;
    for (int r = 0; r < SL_RULE_COUNT; r++)
        if (cli_list_names(p, prefix, (sl_rule)r))
            mask |= 1u << r;
    const char *end = strchr(p, ')');
    size_t pl = strlen(prefix);
    *ours = !*prefix;
    for (const char *q = p; end && q < end && !*ours; q++)
        *ours = strncmp(q, prefix, pl) == 0;
    return mask;
}

/* Reads the marker at p ("sockleak-ignore" or "NOLINT"), filling *m.
 * Returns 0 when it is not a sockleak marker. */
static int cli_read_marker(const char *p, cli_marker *m)
{
    static const char ign[] = "sockleak-ignore";
    int is_ign = strncmp(p, ign, sizeof ign - 1) == 0, ours = 1;
    const char *after = p + (is_ign ? sizeof ign - 1 : 6);
    if (!is_ign && strncmp(after, "NEXTLINE", 8) == 0)
        after += 8;
    const char *close = *after == '(' ? strchr(after, ')') : NULL;
    m->start = p;
    m->len = close ? (size_t)(close + 1 - p) : (size_t)(after - p);
    if (is_ign)
        m->mask = *after != '(' ? (1u << SL_RULE_COUNT) - 1
                  : close ? cli_list_mask(after + 1, "", &ours) : 0;
    else
        m->mask = close ? cli_list_mask(after + 1, "sockleak-", &ours) : 0;
    return is_ign || (close && ours);
}

const char *cli_next_marker(const char *text, const char *from, cli_marker *m)
{
    const char *c = from ? from : cli_comment_start(text);
    while (c && *c) {
        const char *a = strstr(c, "sockleak-ignore"), *b = strstr(c, "NOLINT");
        const char *p = !a ? b : !b ? a : a < b ? a : b;
        if (!p)
            return NULL;
        if (cli_read_marker(p, m))
            return p + m->len;
        c = p + 1;
    }
    return NULL;
}

int cli_line_suppresses(const char *text, sl_rule r)
{
    cli_marker m;
    for (const char *p = NULL; (p = cli_next_marker(text, p, &m)) != NULL;)
        if (m.mask & (1u << r))
            return 1;
    return 0;
}

/* ---- source files ---- */

typedef struct cli_src {
    char *text;        /* the file, with each '\n' replaced by '\0' */
    char **lines;      /* lines[i] is line i + 1 */
    size_t nlines;
} cli_src;

static void cli_src_free(cli_src *s)
{
    free(s->text);
    free(s->lines);
    memset(s, 0, sizeof *s);
}

/* Reads path into s; returns 0, or -1 (s is then empty) when it is not a
 * regular file of at most SL_READ_LIMIT bytes that can be read. */
static int cli_src_load(const char *path, cli_src *s)
{
    memset(s, 0, sizeof *s);
    size_t n;
    s->text = sl_read_file(path, SL_READ_LIMIT, 0, &n, NULL);
    if (!s->text)
        return -1;
    size_t lcap = 64;
    s->lines = cli_xmalloc(lcap * sizeof *s->lines);
    for (char *p = s->text; p; s->nlines++) {
        if (s->nlines == lcap)
            s->lines = cli_xrealloc(s->lines, (lcap *= 2) * sizeof *s->lines);
        s->lines[s->nlines] = p;
        p = strchr(p, '\n');
        if (p)
            *p++ = '\0';
    }
    return 0;
}

static int cli_src_suppresses(const cli_src *s, unsigned line, sl_rule r)
{
    if (line >= 1 && line <= s->nlines &&
        cli_line_suppresses(s->lines[line - 1], r))
        return 1;
    return line >= 2 && line - 1 <= s->nlines &&
           cli_line_suppresses(s->lines[line - 2], r);
}

void cli_suppress(finding_list *l)
{
    cli_src src = {0};
    const char *loaded = NULL;   /* the file src holds (a finding's string) */
    int ok = 0;
    for (size_t i = 0; i < l->n; i++) {
        finding *f = &l->items[i];
        if (!f->loc.file || f->loc.line == 0)
            continue;
        if (!loaded || strcmp(loaded, f->loc.file) != 0) {
            cli_src_free(&src);
            ok = cli_src_load(f->loc.file, &src) == 0;
            loaded = f->loc.file;
        }
        if (ok && cli_src_suppresses(&src, f->loc.line, f->rule))
            f->suppressed = 1;
    }
    cli_src_free(&src);
}

/* ---- unused suppressions ---- */

/* realpath of every finding's file (NULL where it does not resolve),
 * parallel to l->items; each string is heap-owned. */
static char **cli_real_files(const finding_list *l)
{
    char **real = cli_xmalloc((l->n ? l->n : 1) * sizeof *real);
    for (size_t i = 0; i < l->n; i++) {
        const char *f = l->items[i].loc.file;
        if (i > 0 && f && l->items[i - 1].loc.file &&
            strcmp(f, l->items[i - 1].loc.file) == 0)
            real[i] = real[i - 1] ? cli_xstrdup(real[i - 1]) : NULL;
        else
            real[i] = f ? realpath(f, NULL) : NULL;
    }
    return real;
}

/* Nonzero when some suppressed finding in file real (a realpath) on line or
 * line + 1 has a rule in mask. */
static int cli_marker_used(const finding_list *l, char *const *reals,
                           const char *real, unsigned line, unsigned mask)
{
    for (size_t i = 0; i < l->n; i++) {
        const finding *f = &l->items[i];
        if (f->suppressed && (mask & (1u << f->rule)) && reals[i] &&
            (f->loc.line == line || f->loc.line == line + 1) &&
            strcmp(reals[i], real) == 0)
            return 1;
    }
    return 0;
}

static size_t cli_unused_in_file(const finding_list *l, char *const *reals,
                                 const char *real, const cli_src *src,
                                 const char *display, unsigned enabled,
                                 FILE *err)
{
    size_t count = 0;
    for (size_t ln = 0; ln < src->nlines; ln++) {
        const char *text = src->lines[ln];
        cli_marker m;
        for (const char *p = NULL; (p = cli_next_marker(text, p, &m)) != NULL;) {
            if ((m.mask && !(m.mask & enabled)) ||
                cli_marker_used(l, reals, real, (unsigned)ln + 1, m.mask))
                continue;
            fprintf(err, "%s:%zu:%zu: warning: unused suppression '%s' "
                    "[unused-suppression]\n", ESC(display), ln + 1,
                    (size_t)(m.start - text) + 1, ESC_N(m.start, m.len));
            count++;
        }
    }
    return count;
}

size_t cli_report_unused(const finding_list *l, const char *const *files,
                         const char *const *displays, size_t nfiles,
                         unsigned enabled_mask, FILE *err)
{
    char **reals = cli_real_files(l);
    size_t count = 0;
    for (size_t i = 0; i < nfiles; i++) {
        char *real = realpath(files[i], NULL);
        cli_src src;
        if (real && cli_src_load(files[i], &src) == 0) {
            count += cli_unused_in_file(l, reals, real, &src, displays[i],
                                        enabled_mask, err);
            cli_src_free(&src);
        }
        free(real);
    }
    for (size_t i = 0; i < l->n; i++)
        free(reals[i]);
    free(reals);
    return count;
}
