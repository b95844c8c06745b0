/* stop.c — the shutdown side, in its own file. */
#include <unistd.h>

#include "net.h"

void listen_close(void)
{
    if (g_listen >= 0)
        close(g_listen);
    g_listen = -1;
}

int restart(void)
{
    listen_close();
    if (stats_open() < 0)
        return -1;
    return listen_open();
}
