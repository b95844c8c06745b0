/* An out-parameter has a contract: the function hands a new descriptor to
 * its caller through *out when it succeeds.  Returning the failure value
 * (the one it returns when the acquisition itself fails) with *out still
 * open leaks it, since callers only close *out after success. */
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

/* connect() fails: the socket stays in *out and -1 is returned. */
int dial_into(int *out, const struct sockaddr_in *to)
{
    *out = socket(AF_INET, SOCK_STREAM, 0);
    if (*out < 0)
        return -1;
    if (connect(*out, (const struct sockaddr *)to, sizeof *to) < 0)
        return -1; // expect: resource-leak
    return 0;
}

/* Through a local first: the same leak, named by the out-parameter. */
int listen_into(int *out, const struct sockaddr_in *at)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return -1;
    *out = s;
    if (bind(s, (const struct sockaddr *)at, sizeof *at) != 0)
        return -2; // expect: resource-leak
    if (listen(s, 16) != 0) {
        close(s);
        *out = -1;
        return -3;
    }
    return 0;
}

/* Correct: closed and reset before the failure return. */
int dial_into_fixed(int *out, const struct sockaddr_in *to)
{
    *out = socket(AF_INET, SOCK_STREAM, 0);
    if (*out < 0)
        return -1;
    if (connect(*out, (const struct sockaddr *)to, sizeof *to) < 0) {
        close(*out);
        *out = -1;
        return -1;
    }
    return 0;
}

/* Resetting *out without closing it loses the descriptor at once. */
int dial_reset_only(int *out, const struct sockaddr_in *to)
{
    *out = socket(AF_INET, SOCK_STREAM, 0);
    if (*out < 0)
        return -1;
    if (connect(*out, (const struct sockaddr *)to, sizeof *to) < 0) {
        *out = -1; // expect: resource-leak
        return -1;
    }
    return 0;
}

/* Success is 1 and failure 0 here: a 0 return with *out open leaks. */
int try_open_pair(int *out, int kind)
{
    *out = socket(AF_UNIX, kind, 0);
    if (*out < 0)
        return 0;
    if (kind == SOCK_DGRAM)
        return 0; // expect: resource-leak
    return 1;
}

/* The function never says "failure" with *out set: every return after
 * the store is a success, whatever its value. */
int open_counted(int *out, int *count)
{
    *out = socket(AF_INET, SOCK_DGRAM, 0);
    if (*out < 0)
        return -1;
    (*count)++;
    return *count;
}

/* The failed acquisition's return is not a constant: no failure value is
 * known, so nothing is judged. */
int open_status(int *out, int status)
{
    *out = socket(AF_INET, SOCK_STREAM, 0);
    if (*out < 0)
        return status;
    if (status > 3)
        return -1;
    return 0;
}

/* A project call in between (a logger) cannot reach *out: it is not given
 * the pointer.  Failure is 0 here, success 1. */
void app_log(int level, const char *fmt, ...);

int open_at(int *fd, const char *path, long where)
{
    *fd = open(path, O_RDWR);
    if (*fd < 0) {
        app_log(3, "cannot open %s", path);
        return 0;
    }
    if (lseek(*fd, where, SEEK_SET) != where) {
        app_log(3, "cannot seek %s", path);
        return 0; // expect: resource-leak
    }
    return 1;
}

/* Given the pointer, the callee may close and reset it. */
int reset_fd(int *fd);

int open_at_reset(int *fd, const char *path, long where)
{
    *fd = open(path, O_RDWR);
    if (*fd < 0)
        return 0;
    if (lseek(*fd, where, SEEK_SET) != where) {
        reset_fd(fd);
        return 0;
    }
    return 1;
}

/* The failure value held in a status variable (`rc`) is still a constant
 * on each path: the same leak, and the fixed shape with a cleanup label. */
int listen_rc(int *out, int backlog)
{
    int rc = -1;
    *out = socket(AF_INET, SOCK_STREAM, 0);
    if (*out < 0)
        return rc;
    if (listen(*out, backlog) < 0)
        return rc; // expect: resource-leak
    return 0;
}

int listen_rc_fixed(int *out, int backlog)
{
    int rc = -1;
    *out = socket(AF_INET, SOCK_STREAM, 0);
    if (*out < 0)
        goto done;
    if (listen(*out, backlog) < 0) {
        close(*out);
        *out = -1;
        goto done;
    }
    rc = 0;
done:
    return rc;
}

/* The pointer itself is kept in a global: any project call may reach *out
 * through it, and this one closes it. */
int *current_slot;

static void drop_current(void)
{
    close(*current_slot);
    *current_slot = -1;
}

int listen_slot(int *out, int backlog)
{
    current_slot = out;
    *out = socket(AF_INET, SOCK_STREAM, 0);
    if (*out < 0)
        return -1;
    if (listen(*out, backlog) < 0) {
        drop_current();
        return -1;
    }
    return 0;
}
