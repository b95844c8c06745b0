/* jsontext.c — reading a JSON file with cJSON and finding where its values
 * lie in the text (see jsontext.h).  The scanner below only walks text
 * that cJSON has already accepted, so it needs no error handling. */
#include "cli/jsontext.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/util.h"
#include "json/jsonpos.h"
#include "util/readfile.h"

/* ---- reading ---- */

static char *cli_jtext_read(const char *path, size_t *len, char **err)
{
    char *why = NULL;
    char *buf = sl_read_file(path, SL_READ_LIMIT, 0, len, &why);
    if (!buf)
        *err = cli_strf("%s: cannot read: %s", path,
                        why ? why : "out of memory");
    free(why);
    return buf;
}

/* ---- positions (json/jsonpos.h) ---- */

cli_jval cli_jtext_child(const cli_jtext *jt, cli_jval p, const cJSON *c,
                         int want_key)
{
    return (cli_jval){c, jpos_child(jt->text, p.off, p.j, c, want_key)};
}

cli_jval cli_jtext_root(const cli_jtext *jt)
{
    size_t start = strncmp(jt->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    return (cli_jval){jt->root, jpos_skip_ws(jt->text, start)};
}

/* ---- messages ---- */

char *cli_jtext_verror(const cli_jtext *jt, size_t off, const char *fmt,
                       va_list ap)
{
    int line, col;
    jpos_line_col(jt->text, jt->len, off, &line, &col);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    size_t size = n > 0 ? (size_t)n + 1 : 1;
    char *msg = cli_xmalloc(size);
    msg[0] = '\0';
    vsnprintf(msg, size, fmt, ap);
    for (char *c = msg; *c; c++)
        if ((unsigned char)*c < 32)
            *c = '?';
    char *s = cli_strf("%s:%d:%d: %s", jt->path, line, col, msg);
    free(msg);
    return s;
}

char *cli_jtext_error(const cli_jtext *jt, size_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = cli_jtext_verror(jt, off, fmt, ap);
    va_end(ap);
    return s;
}

/* The offset of the first ',' before s[end] that is followed (after blanks)
 * by '}' or ']', outside strings; or end when there is none.  cJSON
 * reports a trailing comma at the end of the text, far from the mistake. */
static size_t cli_trailing_comma(const char *s, size_t end)
{
    for (size_t i = 0; i < end && s[i];) {
        if (s[i] == '"') {
            i = jpos_skip_string(s, i);
            continue;
        }
        if (s[i] == ',') {
            size_t j = jpos_skip_ws(s, i + 1);
            if (s[j] == '}' || s[j] == ']')
                return i;
        }
        i++;
    }
    return end;
}

/* cJSON stopped at off; at the end of the text, point at the last token. */
static char *cli_jtext_syntax(const cli_jtext *jt, size_t off)
{
    if (jpos_skip_ws(jt->text, 0) >= jt->len)
        return cli_jtext_error(jt, 0, "JSON syntax error: the file is empty");
    size_t comma = cli_trailing_comma(jt->text, off);
    if (comma < off)
        return cli_jtext_error(jt, comma, "JSON syntax error: a comma before "
                               "'%c'", jt->text[jpos_skip_ws(jt->text,
                                                            comma + 1)]);
    if (off >= jt->len) {
        off = jt->len - 1;
        while (off > 0 && (unsigned char)jt->text[off] <= 32)
            off--;
        return cli_jtext_error(jt, off, "JSON syntax error: unexpected end "
                               "of text after '%c'", jt->text[off]);
    }
    return cli_jtext_error(jt, off, "JSON syntax error near '%c'",
                           jt->text[off]);
}

int cli_jtext_load(const char *path, cli_jtext *jt, char **err)
{
    memset(jt, 0, sizeof *jt);
    jt->path = path;
    jt->text = cli_jtext_read(path, &jt->len, err);
    if (!jt->text)
        return -1;
    const char *nul = memchr(jt->text, '\0', jt->len);
    if (nul) {
        *err = cli_jtext_error(jt, (size_t)(nul - jt->text),
                               "NUL byte in JSON text");
        return -1;
    }
    size_t start = strncmp(jt->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    const char *end = NULL;
    jt->root = cJSON_ParseWithOpts(jt->text + start, &end, 1);
    if (!jt->root) {
        *err = cli_jtext_syntax(jt, end ? (size_t)(end - jt->text) : 0);
        return -1;
    }
    return 0;
}

void cli_jtext_free(cli_jtext *jt)
{
    if (!jt)
        return;
    cJSON_Delete(jt->root);
    free(jt->text);
    jt->text = NULL;
    jt->root = NULL;
}
