/* socket() is never checked: connect() receives -1 when it failed.  The
 * socket is closed on the error path and handed out otherwise. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int connect_to(const struct sockaddr_in *sa)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) { // expect: use-before-check
        close(fd);
        return -1;
    }
    return fd;
}
