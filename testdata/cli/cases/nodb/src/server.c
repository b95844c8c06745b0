/* server.c — the listening socket.  The leak is only visible when
 * proto.h (include/) and util/helpers.h (lib/) are found. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>
#include <unistd.h>

#include "proto.h"
#include "util/helpers.h"

int server_listen(int port)
{
    struct sockaddr_in addr;
    int fd = OPEN_TCP();
    if (fd < 0)
        return -1;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
        LOG("bind failed");
        return -1; // expect: resource-leak
    }
    TRY(listen(fd, 16)); // expect: resource-leak
    return fd;
}
