/* open.c — both globals are filled here.  g_listen is closed and reset by
 * listen_close() in stop.c, so filling it again is the caller's business;
 * nothing anywhere closes g_stats, so a second stats_open() loses the
 * first socket. */
#include <sys/socket.h>

#include "net.h"

int g_listen = -1;
int g_stats = -1;

int listen_open(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return -1;
    g_listen = s;
    return 0;
}

int stats_open(void)
{
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    if (s < 0)
        return -1;
    g_stats = s; // expect: resource-leak
    return 0;
}
