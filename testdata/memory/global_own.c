/* A global that this function fills with a descriptor it acquired is the
 * global's once the function returns; overwriting it with a second
 * descriptor of the same function loses the first. */
#include <fcntl.h>
#include <unistd.h>

static int log_fd = -1;
int trace_fd = -1;

void close_logs(void);

int open_log(const char *path)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0600);
    if (fd < 0)
        return -1;
    log_fd = fd;
    return 0;
}

int open_both(const char *a, const char *b)
{
    trace_fd = open(a, O_WRONLY | O_CREAT, 0600);
    if (trace_fd < 0)
        return -1;
    trace_fd = open(b, O_WRONLY | O_CREAT, 0600); // expect: resource-leak
    return trace_fd < 0 ? -1 : 0;
}

int reopen_after_close(const char *a)
{
    trace_fd = open(a, O_WRONLY | O_CREAT, 0600);
    if (trace_fd < 0)
        return -1;
    close_logs();
    trace_fd = open(a, O_WRONLY | O_CREAT, 0600);
    return trace_fd < 0 ? -1 : 0;
}

int open_log_checked(const char *path)
{
    log_fd = open(path, O_WRONLY | O_APPEND);
    if (log_fd < 0)
        return -1;
    if (write(log_fd, "start\n", 6) != 6) {
        close(log_fd);
        log_fd = -1;
        return -1;
    }
    return 0;
}

void reopen_logs(void);

int log_start_dup(void)
{
    log_fd = dup(STDERR_FILENO);
    reopen_logs(); /* may have replaced or checked log_fd */
    return fsync(log_fd);
}

int log_start_dup_unchecked(void)
{
    log_fd = dup(STDERR_FILENO);
    return fsync(log_fd); // expect: use-before-check
}

static int current_log = -1;

int open_current_log(const char *path)
{
    current_log = open(path, O_WRONLY | O_APPEND);
    return current_log;
}

int start_logging(const char *path)
{
    if (open_current_log(path) < 0)
        return -1;
    return 0;
}
