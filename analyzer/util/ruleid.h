/* ruleid.h — the table of sockleak's rule ids (SPEC §1).  One X-macro row per
 * rule: enum name, stable id, default level, one-line description.  Every
 * module that needs rule names, levels or descriptions expands this table;
 * nothing else lists the rules. */
#ifndef SOCKLEAK_RULEID_H
#define SOCKLEAK_RULEID_H

typedef enum { SL_LEVEL_NOTE, SL_LEVEL_WARNING, SL_LEVEL_ERROR } sl_level;

#define SL_RULES(X)                                                            \
    X(RESOURCE_LEAK, "resource-leak", SL_LEVEL_WARNING,                        \
      "an open socket, descriptor or handle leaves the function or its last "  \
      "variable's scope without being released")                               \
    X(SHUTDOWN_WITHOUT_CLOSE, "shutdown-without-close", SL_LEVEL_WARNING,      \
      "a socket passed to shutdown() is never closed: shutdown does not free " \
      "the descriptor")                                                        \
    X(DOUBLE_CLOSE, "double-close", SL_LEVEL_WARNING,                          \
      "a descriptor or handle is released twice")                              \
    X(USE_AFTER_CLOSE, "use-after-close", SL_LEVEL_WARNING,                    \
      "a released descriptor or handle is used again")                         \
    X(USE_BEFORE_CHECK, "use-before-check", SL_LEVEL_NOTE,                     \
      "a value whose acquisition may have failed is used before any validity " \
      "check")

typedef enum {
#define SL_RULE_ENUM(e, id, lvl, desc) SL_RULE_##e,
    SL_RULES(SL_RULE_ENUM)
#undef SL_RULE_ENUM
    SL_RULE_COUNT
} sl_rule;

/* Stable id ("resource-leak"), default level and description of a rule. */
const char *sl_rule_id(sl_rule r);
sl_level sl_rule_default_level(sl_rule r);
const char *sl_rule_description(sl_rule r);
/* Rule by id; returns SL_RULE_COUNT when unknown. */
sl_rule sl_rule_from_id(const char *id);
/* "note", "warning", "error". */
const char *sl_level_name(sl_level l);
/* Level by name; returns -1 when unknown. */
int sl_level_from_name(const char *name);

#endif
