/* A file-scope static that nothing in this file writes keeps its
 * initializer: `verbose` is always 0 here, so the early return never
 * happens. */
#include <sys/socket.h>
#include <unistd.h>

static int verbose;
static int retries = 3;

int probe(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (verbose)
        return 1;
    if (retries == 0)
        return 2;
    close(fd);
    return 0;
}
