/* The control socket is kept in a global variable. */
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int control_fd = -1;

int open_control(const struct sockaddr_un *path)
{
    int fd = socket(AF_UNIX, SOCK_SEQPACKET, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)path, sizeof *path) < 0) {
        close(fd);
        return -1;
    }
    control_fd = fd;
    return 0;
}

/* open_control() runs once, from main: control_fd held nothing before. */
int main(void)
{
    struct sockaddr_un path = {AF_UNIX, "/run/ctl"};
    return open_control(&path) < 0;
}
