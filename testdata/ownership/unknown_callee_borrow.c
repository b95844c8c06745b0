/* The same hand-off under --assume-borrow: the unknown callee only
 * borrows the client, so both returns leak it. */
// sockleak-args: --assume-borrow
#include <sys/socket.h>
#include <unistd.h>

int worker_submit(int fd);

int dispatch_one(int lfd)
{
    int c = accept(lfd, NULL, NULL);
    if (c < 0)
        return -1;
    if (worker_submit(c) < 0)
        return -1; // expect: resource-leak
    return 0; // expect: resource-leak
}
