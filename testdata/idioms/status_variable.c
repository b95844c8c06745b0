/* The acquisition's status held in another variable. */
#include <unistd.h>

int pipe_works(void)
{
    int p[2];
    int rc = pipe(p);

    if (rc != 0)
        return -1;
    rc = write(p[1], "x", 1) == 1 ? 0 : -1;
    close(p[0]);
    close(p[1]);
    return rc;
}
