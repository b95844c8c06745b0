/* jbuild.c — the cJSON builder helpers of jbuild.h. */
#include "report/jbuild.h"

#include <stdlib.h>

#include "util/escape.h"

cJSON *jb_check(jb *b, cJSON *item)
{
    if (!item)
        b->ok = 0;
    return item;
}

cJSON *jb_string(jb *b, const char *v)
{
    if (!b->ok)
        return NULL;
    if (esc_utf8_valid(v))
        return jb_check(b, cJSON_CreateString(v ? v : ""));
    char *fixed = esc_utf8_repair(v);
    cJSON *item = fixed ? cJSON_CreateString(fixed) : NULL;
    free(fixed);
    return jb_check(b, item);
}

void jb_str(jb *b, cJSON *o, const char *key, const char *v)
{
    cJSON *item = jb_string(b, v);
    if (item && !cJSON_AddItemToObject(o, key, item)) {
        cJSON_Delete(item);
        b->ok = 0;
    }
}

void jb_num(jb *b, cJSON *o, const char *key, double v)
{
    if (b->ok)
        jb_check(b, cJSON_AddNumberToObject(o, key, v));
}

void jb_bool(jb *b, cJSON *o, const char *key, int v)
{
    if (b->ok)
        jb_check(b, cJSON_AddBoolToObject(o, key, v != 0));
}

cJSON *jb_obj(jb *b, cJSON *o, const char *key)
{
    return b->ok ? jb_check(b, cJSON_AddObjectToObject(o, key)) : NULL;
}

cJSON *jb_arr(jb *b, cJSON *o, const char *key)
{
    return b->ok ? jb_check(b, cJSON_AddArrayToObject(o, key)) : NULL;
}

cJSON *jb_push(jb *b, cJSON *a, cJSON *item)
{
    if (!b->ok || !jb_check(b, item))
        return NULL;
    if (!cJSON_AddItemToArray(a, item)) {
        cJSON_Delete(item);
        b->ok = 0;
        return NULL;
    }
    return item;
}

cJSON *jb_push_obj(jb *b, cJSON *a)
{
    return b->ok ? jb_push(b, a, cJSON_CreateObject()) : NULL;
}

int jb_write(FILE *out, cJSON *root)
{
    if (!root)
        return -1;
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return -1;
    int rc = (fputs(text, out) == EOF || fputc('\n', out) == EOF) ? -1 : 0;
    cJSON_free(text);
    return (rc != 0 || ferror(out)) ? -1 : 0;
}
