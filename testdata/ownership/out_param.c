/* The accepted client is handed to the caller through a pointer. */
#define _GNU_SOURCE
#include <sys/socket.h>
#include <unistd.h>

int accept_client(int lfd, int *out)
{
    int c = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
    if (c < 0)
        return -1;
    *out = c;
    return 0;
}
