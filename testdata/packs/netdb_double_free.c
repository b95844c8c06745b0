/* The list is freed twice. */
#include <netdb.h>
#include <stddef.h>
#include <sys/socket.h>

int first_family(const char *host)
{
    struct addrinfo *res;
    if (getaddrinfo(host, "443", NULL, &res) != 0)
        return -1;
    freeaddrinfo(res);
    freeaddrinfo(res); // expect: double-close
    return AF_UNSPEC;
}
