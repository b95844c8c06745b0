/* Release through a macro that expands to a guarded close(). */
#include <fcntl.h>
#include <unistd.h>

#define CLOSE_FD(x) do { if ((x) >= 0) close(x); (x) = -1; } while (0)

int check_readable(const char *path)
{
    char c;
    int fd = open(path, O_RDONLY);

    if (fd < 0)
        return -1;
    if (read(fd, &c, 1) < 0) {
        CLOSE_FD(fd);
        return -1;
    }
    CLOSE_FD(fd);
    return 0;
}
