/* The list getaddrinfo() writes through its out-argument is not NULL when
 * it succeeds; a NULL test of it afterwards frees it, and on the NULL side
 * there is nothing to free.  Forgetting the free on the other side leaks. */
#include <netdb.h>
#include <stddef.h>

int resolvable(const char *host)
{
    struct addrinfo *res = NULL;
    int rc = getaddrinfo(host, NULL, NULL, &res);
    if (res)
        freeaddrinfo(res);
    return rc == 0;
}

int resolve_then_test(const char *host)
{
    struct addrinfo *res = NULL;
    if (getaddrinfo(host, "22", NULL, &res) != 0)
        return -1;
    if (res) {
        freeaddrinfo(res);
        res = NULL;
    }
    return 0;
}

int resolve_and_forget(const char *host)
{
    struct addrinfo *res = NULL;
    if (getaddrinfo(host, "22", NULL, &res) != 0)
        return -1;
    if (res->ai_family == 0)
        return 1; // expect: resource-leak
    freeaddrinfo(res);
    return 0;
}
