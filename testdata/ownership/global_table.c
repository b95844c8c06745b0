/* Accepted clients are stored in a global table: not a leak. */
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CLIENTS 64

static int clients[MAX_CLIENTS];
static int nclients;

int accept_into_table(int lfd)
{
    int c = accept(lfd, NULL, NULL);
    if (c < 0)
        return -1;
    if (nclients == MAX_CLIENTS) {
        close(c);
        return -1;
    }
    clients[nclients++] = c;
    return 0;
}
