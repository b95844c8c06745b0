/* CLI input for unused_suppressions.sh: one suppression that is used, three
 * that suppress nothing, and a clang-tidy NOLINT that is not sockleak's. */
#include <fcntl.h>
#include <unistd.h>

int used(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    if (fcntl(fd, F_SETFD, FD_CLOEXEC) < 0)
        return -1; // sockleak-ignore(resource-leak)
    return fd;
}

int clean(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1; // sockleak-ignore
    close(fd);     /* NOLINT(bugprone-unused-return-value) */
    return 0;
}

int typo(const char *path)
{
    int fd = open(path, O_RDONLY); // sockleak-ignore(resource-laek)
    if (fd < 0)
        return -1;
    close(fd); // NOLINT(sockleak-double-close)
    return 0;
}
