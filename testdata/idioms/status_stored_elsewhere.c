/* The status of an acquisition stored into a global or a struct field in
 * the condition that tests it: the test is still the call's result, so the
 * failure branch holds nothing and the success branch holds the list. */
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>

int last_gai_error;

struct resolver {
    int status;
    const char *host;
};

int family_of(const char *host)
{
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    if ((last_gai_error = getaddrinfo(host, NULL, &hints, &res)) != 0)
        return -1;
    int family = res->ai_family;
    freeaddrinfo(res);
    return family;
}

int family_of_leaks(const char *host)
{
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    if ((last_gai_error = getaddrinfo(host, NULL, &hints, &res)) != 0)
        return -1;
    return res->ai_family; // expect: resource-leak
}

int resolve_into(struct resolver *r, struct addrinfo **out)
{
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    if ((r->status = getaddrinfo(r->host, "80", &hints, &res)) != 0)
        return -1;
    if (res->ai_family != AF_INET && res->ai_family != AF_INET6)
        return -1; // expect: resource-leak
    *out = res;
    return 0;
}
