/* Appending a record and a trailer: the variable is closed and then
 * reassigned by a fresh open(), so the second write uses a live
 * descriptor. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int append_record(const char *path, const char *rec, const char *trailer)
{
    ssize_t n;
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);

    if (fd < 0)
        return -1;
    if (write(fd, rec, strlen(rec)) < 0) {
        close(fd);
        return -1;
    }
    fsync(fd);
    close(fd);

    fd = open(path, O_WRONLY | O_APPEND);
    if (fd < 0)
        return -1;
    n = write(fd, trailer, strlen(trailer));
    close(fd);
    return n < 0 ? -1 : 0;
}
