/* jbuild.h — private to report/: small helpers for building cJSON trees
 * that stop at the first allocation failure.  A builder's ok drops to 0 on
 * the first failure; every helper is then a no-op and the caller reports -1.
 * Every string goes in as valid UTF-8 (cJSON would copy any other byte into
 * the output): ill-formed sequences become U+FFFD (util/escape.h).
 * Used by the JSON and SARIF writers; no output is written here. */
#ifndef SOCKLEAK_REPORT_JBUILD_H
#define SOCKLEAK_REPORT_JBUILD_H

#include <stdio.h>

#include <cjson/cJSON.h>

typedef struct jb {
    int ok;
} jb;

/* Returns item; marks the builder failed when item is NULL. */
cJSON *jb_check(jb *b, cJSON *item);
/* A new string item holding v (NULL: ""), ill-formed UTF-8 replaced by
 * U+FFFD; the caller owns it.  NULL after a failure. */
cJSON *jb_string(jb *b, const char *v);
/* o[key] = v (NULL v is written as "", ill-formed UTF-8 as U+FFFD), a
 * number, a boolean. */
void jb_str(jb *b, cJSON *o, const char *key, const char *v);
void jb_num(jb *b, cJSON *o, const char *key, double v);
void jb_bool(jb *b, cJSON *o, const char *key, int v);
/* A new object / array at o[key], owned by o; NULL after a failure. */
cJSON *jb_obj(jb *b, cJSON *o, const char *key);
cJSON *jb_arr(jb *b, cJSON *o, const char *key);
/* Appends item (NULL after a failure) to array a, which takes ownership. */
cJSON *jb_push(jb *b, cJSON *a, cJSON *item);
/* A new object appended to array a. */
cJSON *jb_push_obj(jb *b, cJSON *a);
/* Writes root (may be NULL: a failed build) pretty-printed with a final
 * newline to out, and frees it.  Returns 0, or -1 when root is NULL or on
 * an out-of-memory or write error. */
int jb_write(FILE *out, cJSON *root);

#endif
