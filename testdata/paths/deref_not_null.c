/* A pointer that was dereferenced is not NULL afterwards: leaving the loop
 * by `break` after using `ai->ai_addr` means `ai != NULL`, so the socket of
 * that round is returned, and `ai == NULL` means every round closed its
 * socket.  Forgetting to return it on the found path is a leak. */
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

int connect_any(struct addrinfo *list)
{
    struct addrinfo *ai = list;
    int fd;
    do {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd < 0)
            continue;
        if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
            break;
        close(fd);
    } while ((ai = ai->ai_next) != NULL);
    if (ai == NULL)
        return -1;
    return fd;
}

int connect_any_forgets(struct addrinfo *list)
{
    struct addrinfo *ai = list;
    int fd;
    do {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd < 0)
            continue;
        if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
            break;
        close(fd);
    } while ((ai = ai->ai_next) != NULL);
    if (ai == NULL)
        return -1;
    return 0; // expect: resource-leak
}
