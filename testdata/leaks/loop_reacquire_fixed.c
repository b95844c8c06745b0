/* Tailing rotated logs: the descriptor variable lives outside the loop and
 * each pass closes the file before the next open() reuses the variable. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

long count_bytes(const char *const *paths, int n)
{
    char buf[8192];
    long total = 0;
    ssize_t r;
    int fd = -1;

    for (int i = 0; i < n; i++) {
        fd = open(paths[i], O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            perror(paths[i]);
            continue;
        }
        while ((r = read(fd, buf, sizeof buf)) > 0)
            total += r;
        close(fd);
        fd = -1;
    }
    if (fd >= 0)
        close(fd);
    return total;
}
