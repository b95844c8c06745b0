/* glibc's TEMP_FAILURE_RETRY wraps the call in a statement expression with
 * a retry loop: the descriptor still flows to the variable, and the loop's
 * own `__result == -1L && errno == EINTR` test is not a leak. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int probe(const char *path)
{
    int fd = TEMP_FAILURE_RETRY(open(path, O_RDONLY | O_CLOEXEC));
    if (fd < 0)
        return -1;
    return 0; // expect: resource-leak
}

int probe_fixed(const char *path)
{
    char c;
    int fd = TEMP_FAILURE_RETRY(open(path, O_RDONLY | O_CLOEXEC));
    if (fd < 0)
        return -1;
    ssize_t n = TEMP_FAILURE_RETRY(read(fd, &c, 1));
    close(fd);
    return n == 1 ? c : -1;
}
