/* The other spellings of the validity check: '<= -1', '> -1', '!= -1',
 * and '< 0' on an assignment inside the condition. */
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

int eventfd_ok(void)
{
    int efd = eventfd(0, EFD_CLOEXEC);
    if (efd <= -1)
        return 0;
    close(efd);
    return 1;
}

int timerfd_ok(void)
{
    int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    if (tfd > -1) {
        close(tfd);
        return 1;
    }
    return 0;
}

int devnull_ok(void)
{
    int fd = open("/dev/null", O_WRONLY);
    if (fd != -1) {
        close(fd);
        return 1;
    }
    return 0;
}

int raw_socket_ok(void)
{
    int fd;
    if ((fd = socket(AF_PACKET, SOCK_RAW, 0)) < 0)
        return 0;
    close(fd);
    return 1;
}
