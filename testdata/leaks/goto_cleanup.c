/* Copying a file to a descriptor: the cleanup label does not close the
 * input, so the write-error path leaks it at the final return. */
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

int copy_to(const char *path, int out)
{
    char buf[4096];
    ssize_t n;
    int rc = -1;
    int fd = open(path, O_RDONLY);

    if (fd < 0)
        goto out;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        if (write(out, buf, (size_t)n) != n)
            goto out;
    }
    if (n == 0)
        rc = 0;
    close(fd);
out:
    return rc; // expect: resource-leak
}
