/* Mirrored comparisons: '-1 == fd' and '0 > fd'. */
#include <fcntl.h>
#include <unistd.h>

int touch(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    if (-1 == fd)
        return -1;
    close(fd);
    return 0;
}

int touch_excl(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (0 > fd)
        return -1;
    close(fd);
    return 0;
}
