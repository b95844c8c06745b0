/* systemd-style automatic cleanup: _cleanup_close_ closes the descriptor
 * on every way out of its scope, early returns and gotos included. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
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
    ssize_t n;

    dfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0)
        return -errno;
    {
        _cleanup_close_ int fd = openat(dfd, "etc/machine-id", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return -errno;
        n = read(fd, id, cap - 1);
        if (n < 0)
            goto fail;
        if (n == 0)
            return -ENODATA;
        id[n] = '\0';
    }
    return 0;
fail:
    return -EIO;
}

int file_is_regular(const char *path)
{
    struct stat st;
    __attribute__((cleanup(closep))) int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return -errno;
    if (fstat(fd, &st) < 0)
        return -errno;
    return S_ISREG(st.st_mode);
}
