/* conn.c — two out-parameter openers with the same shape: on a failed
 * connect() they return -1 with the socket still in *fd.  For conn_open()
 * that is the contract, because its caller in app.c closes *fd when it
 * fails; nobody does that for conn_open_strict(), which leaks. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "conn.h"

int conn_open(int *fd, const struct sockaddr_in *to)
{
    *fd = socket(AF_INET, SOCK_STREAM, 0);
    if (*fd < 0)
        return -1;
    if (connect(*fd, (const struct sockaddr *)to, sizeof *to) < 0)
        return -1;
    return 0;
}

int conn_open_strict(int *fd, const struct sockaddr_in *to)
{
    *fd = socket(AF_INET, SOCK_STREAM, 0);
    if (*fd < 0)
        return -1;
    if (connect(*fd, (const struct sockaddr *)to, sizeof *to) < 0)
        return -1; // expect: resource-leak
    return 0;
}
