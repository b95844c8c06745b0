/* A descriptor stored into a field of the caller's object belongs to the
 * caller once the function returns, but while the function runs it is
 * still the one that must not lose it: overwriting the field with the next
 * attempt's socket leaks the first. */
#include <netdb.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct link {
    int sock[2];
    int tries;
};

void link_log(struct link *l, const char *what);

/* Each attempt replaces the previous socket without closing it. */
int link_dial(struct link *l, const struct addrinfo *list)
{
    for (const struct addrinfo *ai = list; ai; ai = ai->ai_next) {
        l->sock[0] = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol); // expect: resource-leak
        if (l->sock[0] < 0)
            continue;
        if (connect(l->sock[0], ai->ai_addr, ai->ai_addrlen) == 0)
            return 0;
        l->tries++;
    }
    return -1;
}

/* Fixed: a failed attempt closes its socket before the next one. */
int link_dial_fixed(struct link *l, const struct addrinfo *list)
{
    for (const struct addrinfo *ai = list; ai; ai = ai->ai_next) {
        l->sock[0] = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (l->sock[0] < 0)
            continue;
        if (connect(l->sock[0], ai->ai_addr, ai->ai_addrlen) == 0)
            return 0;
        close(l->sock[0]);
        l->sock[0] = -1;
    }
    return -1;
}

/* Stored and returned: the caller's object owns it, on every path. */
int link_listen(struct link *l, int port)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return -1;
    l->sock[1] = s;
    if (listen(s, port) != 0)
        return -1;
    return 0;
}

/* A project call given the object may close or replace the field. */
int link_redial(struct link *l)
{
    l->sock[0] = socket(AF_INET, SOCK_STREAM, 0);
    if (l->sock[0] < 0)
        return -1;
    link_log(l, "dialed");
    l->sock[0] = socket(AF_INET, SOCK_STREAM, 0);
    return l->sock[0] < 0 ? -1 : 0;
}
