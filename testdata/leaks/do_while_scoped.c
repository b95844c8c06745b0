/* A probe whose socket lives inside the do { } while (0) block: the
 * 'break' on connect() failure leaves the socket's scope while it is open. */
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
        if (connect(s, (const struct sockaddr *)sa, sizeof *sa) < 0)
            break; // expect: resource-leak
        open_port = 1;
        close(s);
    } while (0);
    return open_port;
}
