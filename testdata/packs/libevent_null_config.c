/* libevent accepts a NULL configuration where a failed event_config_new()
 * would leave one: setting a flag on it or creating a base with it is not a
 * use before the check.  Adding an avoided method to it is. */
#include <event2/event.h>
#include <stddef.h>

struct event_base *base_with_flags(void)
{
    struct event_config *cfg = event_config_new();
    event_config_set_flag(cfg, EVENT_BASE_FLAG_NOLOCK);
    struct event_base *base = event_base_new_with_config(cfg);
    if (cfg)
        event_config_free(cfg);
    return base;
}

struct event_base *base_without_select(void)
{
    struct event_config *cfg = event_config_new();
    event_config_avoid_method(cfg, "select"); // expect: use-before-check
    struct event_base *base = event_base_new_with_config(cfg);
    if (cfg)
        event_config_free(cfg);
    return base;
}
