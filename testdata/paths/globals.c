/* Conditions on globals and constants: a `static const` flag, an extern
 * level tested twice with no write in between (the first test implies the
 * second), and the twins where the second test asks for more, or a project
 * call may change the global between the tests. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

extern int debug_level;
static const int use_log = 1;
void set_debug_level_from_env(void);

int trace_write(const char *path, const char *msg)
{
    int fd = -1;
    if (debug_level > 2)
        fd = open(path, O_WRONLY | O_APPEND);
    if (debug_level > 2 && fd >= 0) {
        write(fd, msg, 1);
        close(fd);
    }
    return 0;
}

int trace_write_implied(const char *path)
{
    int fd = -1;
    if (debug_level > 5)
        fd = open(path, O_WRONLY | O_APPEND);
    if (debug_level > 2 && fd >= 0)
        close(fd);
    return 0;
}

int trace_write_stricter(const char *path)
{
    int fd = -1;
    if (debug_level > 2)
        fd = open(path, O_WRONLY | O_APPEND);
    if (debug_level > 3 && fd >= 0)
        close(fd);
    return 0; // expect: resource-leak
}

int trace_write_changed(const char *path)
{
    int fd = -1;
    if (debug_level > 2)
        fd = open(path, O_WRONLY | O_APPEND);
    set_debug_level_from_env();
    if (debug_level > 2 && fd >= 0)
        close(fd);
    return 0; // expect: resource-leak
}

int trace_write_assigned(const char *path)
{
    int fd = -1;
    if (debug_level > 2)
        fd = open(path, O_WRONLY | O_APPEND);
    debug_level = 0;
    if (debug_level > 2 && fd >= 0)
        close(fd);
    return 0; // expect: resource-leak
}

int log_line(const char *path, const char *msg)
{
    FILE *f = NULL;
    if (use_log)
        f = fopen(path, "a");
    if (!f)
        return -1;
    fputs(msg, f);
    if (use_log)
        fclose(f);
    return 0;
}

int log_line_inverted(const char *path, const char *msg)
{
    FILE *f = NULL;
    if (use_log)
        f = fopen(path, "a");
    if (!f)
        return -1;
    fputs(msg, f);
    if (!use_log)
        fclose(f);
    return 0; // expect: resource-leak
}
