/* A project function whose body closes its parameter on every path: its
 * summary makes the call a release. */
#include <sys/socket.h>
#include <unistd.h>

static void drop_client(int fd, const char *why)
{
    (void)why;
    close(fd);
}

int greet_or_drop(int lfd)
{
    int c = accept(lfd, NULL, NULL);
    if (c < 0)
        return -1;
    if (write(c, "hello\n", 6) != 6) {
        drop_client(c, "write failed");
        return -1;
    }
    drop_client(c, "done");
    return 0;
}
