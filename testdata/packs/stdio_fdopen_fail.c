/* Wrapping a descriptor in a stream: when fdopen() fails, the descriptor is
 * still ours and returning leaks it.  When it succeeds, the stream owns the
 * descriptor, and fclose() closes both. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

FILE *open_log(const char *path)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return NULL;
    FILE *fp = fdopen(fd, "a");
    if (!fp)
        return NULL; // expect: resource-leak
    setvbuf(fp, NULL, _IOLBF, 0);
    return fp;
}

int append_line(const char *path, const char *line)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0644);
    if (fd < 0)
        return -1;
    FILE *fp = fdopen(fd, "a");
    if (!fp) {
        close(fd);
        return -1;
    }
    if (fputs(line, fp) == EOF) {
        fclose(fp);
        return -1;
    }
    return fclose(fp);
}
