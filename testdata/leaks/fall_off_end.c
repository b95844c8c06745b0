/* Appending a line to a log: control falls off the end of the function
 * with the file still open. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

void append_line(const char *path, const char *line)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0644);

    if (fd < 0)
        return;
    if (write(fd, line, strlen(line)) < 0)
        return; // expect: resource-leak
    (void)write(fd, "\n", 1);
} // expect: resource-leak
