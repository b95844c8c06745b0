/* A pipe round trip that closes both ends on every path. */
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

int pipe_roundtrip(const char *msg, size_t len, char *out)
{
    int p[2];
    ssize_t n;

    if (pipe(p) != 0)
        return -1;
    if (write(p[1], msg, len) < 0) {
        close(p[0]);
        close(p[1]);
        return -1;
    }
    close(p[1]);
    n = read(p[0], out, len);
    close(p[0]);
    return n < 0 ? -1 : (int)n;
}
