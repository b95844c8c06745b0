/* suppress.c — finds suppression comments on the lines of findings (see
 * suppress.h).  A marker counts only inside a comment: after "//" or a
 * block-comment opener on the line, or on a line that continues a block
 * comment ("* ...").  It does not lex C: a marker inside a string literal
 * that follows a comment opener on the same line would count. */
#include "cli/suppress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/util.h"

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

static int cli_ignore_marker(const char *c, sl_rule r)
{
    static const char mark[] = "sockleak-ignore";
    for (const char *p = c; (p = strstr(p, mark)) != NULL; p++) {
        const char *after = p + sizeof mark - 1;
        if (*after != '(')
            return 1;
        if (cli_list_names(after + 1, "", r))
            return 1;
    }
    return 0;
}

static int cli_nolint_marker(const char *c, sl_rule r)
{
    for (const char *p = c; (p = strstr(p, "NOLINT")) != NULL; p++) {
        const char *after = p + 6;
        if (strncmp(after, "NEXTLINE", 8) == 0)
            after += 8;
        if (*after == '(' && cli_list_names(after + 1, "sockleak-", r))
            return 1;
    }
    return 0;
}

int cli_line_suppresses(const char *text, sl_rule r)
{
    const char *c = cli_comment_start(text);
    return c && (cli_ignore_marker(c, r) || cli_nolint_marker(c, r));
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

/* Reads path into s; returns 0, or -1 (s is then empty). */
static int cli_src_load(const char *path, cli_src *s)
{
    memset(s, 0, sizeof *s);
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t n = 0, cap = 1 << 16, got;
    s->text = cli_xmalloc(cap);
    while ((got = fread(s->text + n, 1, cap - n - 1, f)) > 0)
        if ((n += got) + 1 == cap)
            s->text = cli_xrealloc(s->text, cap *= 2);
    fclose(f);
    s->text[n] = '\0';
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
