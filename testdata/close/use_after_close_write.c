/* Appending a record and a trailer: the file is reopened into a new
 * variable, but the trailer is written through the old, closed one. */
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

    int nfd = open(path, O_WRONLY | O_APPEND);
    if (nfd < 0)
        return -1;
    n = write(fd, trailer, strlen(trailer)); // expect: use-after-close
    close(nfd);
    return n < 0 ? -1 : 0;
}
