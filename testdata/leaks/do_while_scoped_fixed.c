/* The probe, closing the socket before leaving the block. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int port_is_open(const struct sockaddr_in *sa)
{
    int open_port = 0;

    do {
        int s = socket(AF_INET, SOCK_STREAM, 0);
        if (s < 0)
            break;
        if (connect(s, (const struct sockaddr *)sa, sizeof *sa) < 0) {
            close(s);
            break;
        }
        open_port = 1;
        close(s);
    } while (0);
    return open_port;
}
