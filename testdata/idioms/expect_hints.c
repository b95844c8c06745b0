/* likely()/unlikely() around a validity check: __builtin_expect(x, v) is x. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define unlikely(x) __builtin_expect(!!(x), 0)
#define likely(x) __builtin_expect(!!(x), 1)

int size_of(const char *name, struct stat *st)
{
    int fd = open(name, O_RDONLY | O_CLOEXEC);
    if (unlikely(fd < 0))
        return -1;
    int r = fstat(fd, st);
    close(fd);
    return r;
}

int size_of_leaky(const char *name, struct stat *st)
{
    int fd = open(name, O_RDONLY | O_CLOEXEC);
    if (__builtin_expect(fd < 0, 0))
        return -1;
    if (likely(fstat(fd, st) == 0))
        return 0; // expect: resource-leak
    close(fd);
    return -1;
}
