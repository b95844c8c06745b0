/* A loop with a constant trip count runs exactly that often: after
 * `for (i = 0; i < 1; i++)` the descriptor from the body is open and
 * checked.  With a bound from a parameter the loop may run again and
 * overwrite it, or not at all. */
#include <fcntl.h>
#include <unistd.h>

int open_once(const char *path)
{
    int fd = -1;
    for (int i = 0; i < 1; i++) {
        fd = open(path, O_RDONLY);
        if (fd < 0)
            return -1;
    }
    close(fd);
    return 0;
}

int open_n(const char *path, int n)
{
    int fd = -1;
    for (int i = 0; i < n; i++) {
        fd = open(path, O_RDONLY); // expect: resource-leak
        if (fd < 0)
            return -1;
    }
    if (fd >= 0)
        close(fd);
    return 0;
}

int open_three_then_last(const char *path)
{
    int fds[3];
    for (int i = 0; i < 3; i++)
        fds[i] = -1;
    int fd = -1;
    for (int k = 3; k > 0; k--) {
        if (fd >= 0)
            close(fd);
        fd = open(path, O_RDONLY);
    }
    if (fd >= 0)
        close(fd);
    return fds[0];
}

int spin_forever(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    for (;;) {
        char c;
        if (read(fd, &c, 1) <= 0)
            sleep(1);
    }
}
