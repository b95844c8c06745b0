/* jsontext.h — a small JSON file read with cJSON, kept next to its text so
 * that messages can name the line and column of a key or value (cJSON keeps
 * no positions).  The same approach as rules/load.c: a value's text starts
 * at a known offset, and a member is found by skipping its siblings, whose
 * order cJSON preserves.  It validates nothing beyond JSON syntax. */
#ifndef SOCKLEAK_CLI_JSONTEXT_H
#define SOCKLEAK_CLI_JSONTEXT_H

#include <stdarg.h>
#include <stddef.h>

#include <cjson/cJSON.h>

typedef struct cli_jtext {
    const char *path;  /* as given by the caller, for messages (not owned) */
    char *text;        /* the whole file, NUL-terminated (owned) */
    size_t len;
    cJSON *root;       /* the parsed document (owned) */
} cli_jtext;

/* A value of the document and the offset in text where it begins. */
typedef struct cli_jval {
    const cJSON *j;
    size_t off;
} cli_jval;

/* Reads and parses the JSON file path (a UTF-8 byte-order mark is skipped).
 * Returns 0, or -1 with *err a malloc'd one-line message: "PATH: cannot
 * read: REASON", or "PATH:LINE:COL: JSON syntax error ..." at the place
 * where cJSON stopped.  path must outlive *jt.  Release *jt with
 * cli_jtext_free() either way. */
int cli_jtext_load(const char *path, cli_jtext *jt, char **err);

/* Frees the text and the tree; accepts NULL. */
void cli_jtext_free(cli_jtext *jt);

/* The document's top-level value. */
cli_jval cli_jtext_root(const cli_jtext *jt);

/* Child c of container p (an object member or an array element): the
 * offset of its key when want_key (objects only), else of its value. */
cli_jval cli_jtext_child(const cli_jtext *jt, cli_jval p, const cJSON *c,
                         int want_key);

/* Returns a malloc'd "PATH:LINE:COL: MESSAGE" for text offset off (lines
 * and columns count from 1; a column counts bytes).  Control characters in
 * the message become '?', so it stays on one line. */
char *cli_jtext_error(const cli_jtext *jt, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The same with a va_list (ap is consumed). */
char *cli_jtext_verror(const cli_jtext *jt, size_t off, const char *fmt,
                       va_list ap) __attribute__((format(printf, 3, 0)));

#endif
