/* c.c — the innermost layer: the socket itself. */
#include <sys/socket.h>

#include "sock.h"

int open_c(void)
{
    return socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
}
