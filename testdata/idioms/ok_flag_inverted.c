/* An optional trace file whose closing test is inverted: the file is
 * closed only when it was never opened, so the traced path leaks it. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int run_traced(const char *trace_path, const char *msg)
{
    int fd = -1;
    int ok = 0;
    int rc = 0;

    if (trace_path != NULL) {
        fd = open(trace_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0)
            return -1;
        ok = 1;
    }
    if (ok && write(fd, msg, strlen(msg)) < 0)
        rc = -1;
    if (!ok)
        close(fd);
    return rc; // expect: resource-leak
}
