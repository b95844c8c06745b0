/* CLI input for compdb_response.sh: the leak exists only with the flags of
 * the database's response file: -DWITH_NET compiles the function's body and
 * -Iinclude finds the header that defines NET_OPEN(). */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "netcfg.h"

int dial(const struct sockaddr_in *addr)
{
#ifdef WITH_NET
    int fd = NET_OPEN();
    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)addr, sizeof *addr) < 0)
        return -1; // expect: resource-leak
    return fd;
#else
    (void)addr;
    return -1;
#endif
}
