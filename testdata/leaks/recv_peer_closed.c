/* Reading one request: returning early when the peer has closed (recv()
 * returns 0) forgets our end of the connection. */
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

int read_one_request(int lfd, char *buf, size_t cap)
{
    ssize_t n;
    int c = accept(lfd, NULL, NULL);
    if (c < 0)
        return -1;
    n = recv(c, buf, cap - 1, 0);
    if (n == 0)
        return 0; // expect: resource-leak
    if (n < 0) {
        close(c);
        return -1;
    }
    buf[n] = '\0';
    close(c);
    return (int)n;
}
