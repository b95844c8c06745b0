/* Opening the listening sockets into an array: when one socket() fails the
 * function returns and the sockets from earlier passes are lost.  The
 * array's elements stored at an index that has since moved on are followed
 * as a collection ("fds[...]"); the loop that closes every element at the
 * end empties it. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#define NPORTS 4

int probe_ports(const struct sockaddr_in *addrs, int *bound)
{
    int fds[NPORTS];

    for (int i = 0; i < NPORTS; i++) {
        fds[i] = socket(AF_INET, SOCK_STREAM, 0);
        if (fds[i] < 0)
            return -1; // expect: resource-leak
        if (bind(fds[i], (const struct sockaddr *)&addrs[i], sizeof addrs[i]) == 0)
            (*bound)++;
    }
    for (int i = 0; i < NPORTS; i++)
        close(fds[i]);
    return 0;
}
