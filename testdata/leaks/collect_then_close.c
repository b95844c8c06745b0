/* A pre-forked worker pool: the listening sockets are opened in one loop
 * into an array and closed in a second loop. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#define NPORTS 4

int probe_ports(const struct sockaddr_in *addrs, int *bound)
{
    int fds[NPORTS];
    int n = 0;

    for (int i = 0; i < NPORTS; i++) {
        fds[i] = socket(AF_INET, SOCK_STREAM, 0);
        if (fds[i] < 0)
            break;
        n++;
        if (bind(fds[i], (const struct sockaddr *)&addrs[i], sizeof addrs[i]) == 0)
            (*bound)++;
    }
    for (int i = 0; i < n; i++)
        close(fds[i]);
    return n == NPORTS ? 0 : -1;
}
