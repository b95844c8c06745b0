/* The client is handed to a function whose body is not available and that
 * no rule pack describes: by default it is assumed to take ownership. */
#include <sys/socket.h>
#include <unistd.h>

int worker_submit(int fd);

int dispatch_one(int lfd)
{
    int c = accept(lfd, NULL, NULL);
    if (c < 0)
        return -1;
    if (worker_submit(c) < 0)
        return -1;
    return 0;
}
