/* A file-local helper that closes through a pointer, forgotten on the
 * fstat() error path. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static void closep(int *fd)
{
    if (*fd >= 0) {
        close(*fd);
        *fd = -1;
    }
}

long file_size(const char *path)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return -1;
    if (fstat(fd, &st) < 0)
        return -1; // expect: resource-leak
    closep(&fd);
    return (long)st.st_size;
}
