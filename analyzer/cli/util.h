/* util.h — small helpers the CLI modules share: allocation that aborts on
 * out-of-memory, formatted heap strings, and a growable vector of owned
 * strings.  Nothing here knows about options, files or analysis. */
#ifndef SOCKLEAK_CLI_UTIL_H
#define SOCKLEAK_CLI_UTIL_H

#include <stddef.h>

/* malloc/realloc/strdup that abort() with a message when memory runs out
 * (the CLI cannot do anything useful then).  Results are freed with free(). */
void *cli_xmalloc(size_t n);
void *cli_xrealloc(void *p, size_t n);
char *cli_xstrdup(const char *s);

/* Returns a malloc'd string formatted like printf (aborts on OOM). */
char *cli_strf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* qsort comparator for an array of char *: strcmp order. */
int cli_strcmp_p(const void *a, const void *b);

/* A growable array of owned, NUL-terminated strings, always followed by a
 * NULL slot (so v can be passed where an argv is expected). */
typedef struct cli_strvec {
    char **v;
    size_t n, cap;
} cli_strvec;

/* Appends a copy of s. */
void cli_strvec_push(cli_strvec *sv, const char *s);
/* Appends s itself, taking ownership of it (s was malloc'd). */
void cli_strvec_take(cli_strvec *sv, char *s);
/* Frees every string and the array; the vector is left empty; accepts NULL. */
void cli_strvec_free(cli_strvec *sv);

#endif
