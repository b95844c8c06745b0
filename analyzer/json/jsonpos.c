/* jsonpos.c — the text scanner of jsonpos.h. */
#include "json/jsonpos.h"

#include <string.h>

size_t jpos_skip_ws(const char *s, size_t i)
{
    while (s[i] && (unsigned char)s[i] <= 32)
        i++;
    return i;
}

size_t jpos_skip_string(const char *s, size_t i)
{
    for (i++; s[i] && s[i] != '"'; i++)
        if (s[i] == '\\' && s[i + 1])
            i++;
    return s[i] ? i + 1 : i;
}

static size_t skip_value(const char *s, size_t i)
{
    if (s[i] == '"')
        return jpos_skip_string(s, i);
    if (s[i] != '{' && s[i] != '[') {
        while (s[i] && !strchr(",]} \t\r\n", s[i]))
            i++;
        return i;
    }
    int depth = 0;
    while (s[i]) {
        if (s[i] == '"') {
            i = jpos_skip_string(s, i);
            continue;
        }
        if (s[i] == '{' || s[i] == '[')
            depth++;
        else if ((s[i] == '}' || s[i] == ']') && --depth == 0)
            return i + 1;
        i++;
    }
    return i;
}

size_t jpos_key_to_value(const char *s, size_t key)
{
    size_t i = jpos_skip_ws(s, jpos_skip_string(s, key));
    return s[i] == ':' ? jpos_skip_ws(s, i + 1) : i;
}

size_t jpos_next_member(const char *s, size_t val)
{
    size_t i = jpos_skip_ws(s, skip_value(s, val));
    return s[i] == ',' ? jpos_skip_ws(s, i + 1) : i;
}

size_t jpos_child(const char *s, size_t parent_off, const cJSON *parent, const cJSON *c,
                  int want_key)
{
    int obj = cJSON_IsObject(parent);
    size_t i = jpos_skip_ws(s, parent_off + 1);
    for (const cJSON *k = parent->child; k && s[i]; k = k->next) {
        size_t val = obj ? jpos_key_to_value(s, i) : i;
        if (k == c)
            return want_key && obj ? i : val;
        i = jpos_next_member(s, val);
    }
    return i;
}

void jpos_line_col(const char *s, size_t len, size_t off, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (s[i] == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}
