/* Uploading a file under a lock: three descriptors and one cleanup label
 * that releases whichever of them were opened, each exactly once. */
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

int upload(const char *lockpath, const char *path, const struct sockaddr_in *sa)
{
    struct stat st;
    int rc = -1;
    int lock = -1, in = -1, sock = -1;

    lock = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock < 0)
        goto out;
    if (flock(lock, LOCK_EX) < 0)
        goto out;
    in = open(path, O_RDONLY | O_CLOEXEC);
    if (in < 0 || fstat(in, &st) < 0)
        goto out;
    sock = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (sock < 0)
        goto out;
    if (connect(sock, (const struct sockaddr *)sa, sizeof *sa) < 0) {
        perror("connect");
        goto out;
    }
    if (sendfile(sock, in, NULL, (size_t)st.st_size) == st.st_size)
        rc = 0;
out:
    if (sock >= 0)
        close(sock);
    if (in >= 0)
        close(in);
    if (lock >= 0)
        close(lock);
    return rc;
}
