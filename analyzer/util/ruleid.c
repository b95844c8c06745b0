/* ruleid.c — accessors over the SL_RULES table. */
#include "util/ruleid.h"

#include <string.h>

static const struct {
    const char *id;
    sl_level level;
    const char *desc;
} rules[] = {
#define SL_RULE_ROW(e, id, lvl, desc) {id, lvl, desc},
    SL_RULES(SL_RULE_ROW)
#undef SL_RULE_ROW
};

static const char *const level_names[] = {"note", "warning", "error"};

const char *sl_rule_id(sl_rule r) { return r < SL_RULE_COUNT ? rules[r].id : "?"; }
sl_level sl_rule_default_level(sl_rule r) { return rules[r].level; }
const char *sl_rule_description(sl_rule r) { return rules[r].desc; }

sl_rule sl_rule_from_id(const char *id)
{
    for (int i = 0; i < SL_RULE_COUNT; i++)
        if (strcmp(rules[i].id, id) == 0)
            return (sl_rule)i;
    return SL_RULE_COUNT;
}

const char *sl_level_name(sl_level l) { return level_names[l]; }

int sl_level_from_name(const char *name)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(level_names[i], name) == 0)
            return i;
    return -1;
}
