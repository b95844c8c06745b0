/* `const` locals are their values, as array indices too, and two names
 * given one value in one assignment stay aliases across a loop and a goto:
 * closing either closes it. */
#include <fcntl.h>
#include <unistd.h>

int pipe_ends(void)
{
    const int R = 0, W = 1;
    int p[2];
    if (pipe(p) < 0)
        return -1;
    close(p[W]);
    close(p[R]);
    return 0;
}

int pipe_one_end(void)
{
    const int R = 0, W = 1;
    int p[2];
    if (pipe(p) < 0)
        return -1;
    close(p[W]);
    return p[R] < 0; // expect: resource-leak
}

int alias_closed_later(const char *path, int n)
{
    int in, out;
    in = out = open(path, O_RDWR);
    if (in < 0)
        return -1;
    for (int i = 0; i < n; i++)
        if (write(out, "x", 1) < 0)
            goto done;
done:
    close(in);
    return 0;
}

int alias_not_closed(const char *path, int n)
{
    int in, out;
    in = out = open(path, O_RDWR);
    if (in < 0)
        return -1;
    for (int i = 0; i < n; i++)
        if (write(out, "x", 1) < 0)
            goto done;
    close(out);
    return 0;
done:
    return -1; // expect: resource-leak
}
