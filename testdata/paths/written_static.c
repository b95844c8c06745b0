/* The twin of unwritten_static.c: here a function of the file writes
 * `verbose`, so it may be set when probe() runs and the early return
 * leaks. */
#include <sys/socket.h>
#include <unistd.h>

static int verbose;

void set_verbose(int v)
{
    verbose = v;
}

int probe(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (verbose)
        return 1; // expect: resource-leak
    close(fd);
    return 0;
}
