/* Detaching from the terminal: /dev/null is duplicated onto stdin and
 * stdout, but the original descriptor is never closed. */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

int daemonize(void)
{
    pid_t pid = fork();
    int fd;

    if (pid < 0)
        return -1;
    if (pid > 0)
        _exit(0);
    if (setsid() < 0)
        return -1;
    umask(022);
    if (chdir("/") < 0)
        return -1;
    fd = open("/dev/null", O_RDWR);
    if (fd < 0)
        return -1;
    if (dup2(fd, STDIN_FILENO) < 0 || dup2(fd, STDOUT_FILENO) < 0) {
        close(fd);
        return -1;
    }
    return 0; // expect: resource-leak
}
