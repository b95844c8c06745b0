/* CLI input: a socket handed to a function sockleak knows nothing about.
 * Only with --assume-borrow (or "assume_borrow": true) is it a leak. */
#include <sys/socket.h>

void hand_over(int fd);

int serve(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    hand_over(fd);
    return 0;
}
