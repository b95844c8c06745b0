/* jsonpos.h — where the values of a cJSON tree lie in the JSON text it was
 * parsed from (cJSON keeps no positions), for error messages that name a
 * line and column.  Used by the rule-pack loader and the project
 * configuration reader.  It only walks text that cJSON has already
 * accepted, so it has no error cases of its own. */
#ifndef SOCKLEAK_JSONPOS_H
#define SOCKLEAK_JSONPOS_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* The offset of the first non-blank character of s at or after i. */
size_t jpos_skip_ws(const char *s, size_t i);
/* From an opening '"' to just past the closing one. */
size_t jpos_skip_string(const char *s, size_t i);
/* From the start of an object member's key to the start of its value. */
size_t jpos_key_to_value(const char *s, size_t key);
/* From the start of a value to the start of the next member (its key in an
 * object, its value in an array), or to the closing bracket. */
size_t jpos_next_member(const char *s, size_t val);
/* The offset of child c of the container parent, which starts at
 * parent_off in s: of c's key when want_key and parent is an object, else
 * of c's value. */
size_t jpos_child(const char *s, size_t parent_off, const cJSON *parent, const cJSON *c,
                  int want_key);
/* The 1-based line and column of offset off in s (of length len). */
void jpos_line_col(const char *s, size_t len, size_t off, int *line, int *col);

#endif
