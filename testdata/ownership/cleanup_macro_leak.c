/* The directory descriptor is under _cleanup_close_, the file descriptor
 * opened relative to it is not: every exit after the openat() leaks the
 * file descriptor. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static inline void closep(int *fd)
{
    if (*fd >= 0)
        close(*fd);
}

#define _cleanup_(x) __attribute__((cleanup(x)))
#define _cleanup_close_ _cleanup_(closep)

int read_machine_id(const char *root, char *id, size_t cap)
{
    _cleanup_close_ int dfd = -1;
    int fd;
    ssize_t n;

    dfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0)
        return -errno;
    fd = openat(dfd, "etc/machine-id", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    n = read(fd, id, cap - 1);
    if (n < 0)
        goto fail;
    if (n == 0)
        return -ENODATA; // expect: resource-leak
    id[n] = '\0';
    return 0; // expect: resource-leak
fail:
    return -EIO; // expect: resource-leak
}
