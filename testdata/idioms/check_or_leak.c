/* 'fd < 0 || fd >= FD_SETSIZE' then a bare return: on the second half of
 * the condition the socket is valid and leaks. */
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

int selectable_socket(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || fd >= FD_SETSIZE)
        return -1; // expect: resource-leak
    return fd;
}
