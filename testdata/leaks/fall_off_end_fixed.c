/* Appending a line to a log and closing it on every path. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

void append_line(const char *path, const char *line)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0644);

    if (fd < 0)
        return;
    if (write(fd, line, strlen(line)) >= 0)
        (void)write(fd, "\n", 1);
    close(fd);
}
