/* An optional trace file: a flag records whether it was opened, and the
 * same flag decides whether to close it. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int run_traced(const char *trace_path, const char *msg)
{
    int fd;
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
    if (ok)
        close(fd);
    return rc;
}
