/* A local integer flag records whether the descriptor was opened. */
#include <fcntl.h>
#include <unistd.h>

int maybe_lock(const char *path, int want_lock)
{
    int fd = -1;
    int have = 0;
    int rc = 0;

    if (want_lock) {
        fd = open(path, O_RDWR | O_CREAT, 0600);
        if (fd < 0)
            return -1;
        have = 1;
    }
    if (have && write(fd, "L", 1) != 1)
        rc = -1;
    if (have)
        close(fd);
    return rc;
}
