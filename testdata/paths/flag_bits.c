/* A descriptor opened under a bit of an options word and closed under the
 * same bit: the second test is decided by the first while the word is
 * unchanged.  A different bit, or a call that may change the options
 * between the tests, leaves the leak. */
#include <fcntl.h>
#include <unistd.h>

#define OPT_LOG 0x4
#define OPT_PIPE 0x8

struct options {
    unsigned flags;
    const char *log_path;
};

void reload_options(struct options *o);

int run_once(struct options *o, const char *msg, unsigned len)
{
    int fd = -1;
    if (o->flags & OPT_LOG)
        fd = open(o->log_path, O_WRONLY | O_APPEND);
    if (o->flags & OPT_LOG) {
        if (fd >= 0) {
            write(fd, msg, len);
            close(fd);
        }
    }
    return 0;
}

int run_once_wrong_bit(struct options *o, const char *msg, unsigned len)
{
    int fd = -1;
    if (o->flags & OPT_LOG)
        fd = open(o->log_path, O_WRONLY | O_APPEND);
    if (o->flags & OPT_PIPE) {
        if (fd >= 0) {
            write(fd, msg, len);
            close(fd);
        }
    }
    return 0; // expect: resource-leak
}

int run_once_negated(struct options *o)
{
    int fd = -1;
    if (!(o->flags & OPT_LOG))
        return 0;
    fd = open(o->log_path, O_WRONLY | O_APPEND);
    if (fd < 0)
        return -1;
    if ((o->flags & OPT_LOG) == 0)
        return 1;
    close(fd);
    return 0;
}

int run_once_reloaded(struct options *o)
{
    int fd = -1;
    if (o->flags & OPT_LOG)
        fd = open(o->log_path, O_WRONLY | O_APPEND);
    reload_options(o);
    if (o->flags & OPT_LOG) {
        if (fd >= 0)
            close(fd);
    }
    return 0; // expect: resource-leak
}

int bit_implies_nonzero(struct options *o)
{
    int fd = -1;
    if (o->flags & OPT_LOG)
        fd = open(o->log_path, O_WRONLY | O_APPEND);
    if (o->flags != 0 && fd >= 0)
        close(fd);
    return 0;
}

int nonzero_does_not_imply_bit(struct options *o)
{
    int fd = -1;
    if (o->flags != 0)
        fd = open(o->log_path, O_WRONLY | O_APPEND);
    if ((o->flags & OPT_LOG) && fd >= 0)
        close(fd);
    return 0; // expect: resource-leak
}
