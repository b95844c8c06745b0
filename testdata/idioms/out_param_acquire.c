/* systemd-style acquisition: the helper returns 0 or a negative errno and
 * hands the descriptor out through a pointer.  The caller checks the
 * returned code, not the descriptor, and closes it on every success
 * path. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static int open_state_file(const char *path, int *ret_fd)
{
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

    if (fd < 0)
        return -errno;
    *ret_fd = fd;
    return 0;
}

int state_file_size(const char *path, long *size)
{
    struct stat st;
    int fd;
    int r = open_state_file(path, &fd);

    if (r < 0)
        return r;
    if (fstat(fd, &st) < 0) {
        r = -errno;
        close(fd);
        return r;
    }
    close(fd);
    *size = (long)st.st_size;
    return 0;
}
