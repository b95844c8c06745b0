/* CLI input: only a note-level finding (sendto() before the check). */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int send_probe(const struct sockaddr_in *sa)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int rc = (int)sendto(fd, "x", 1, 0, (const struct sockaddr *)sa, sizeof *sa); // expect: use-before-check
    if (fd >= 0)
        close(fd);
    return rc;
}
