/* Returning from main ends the process, but a loop inside main that leaks
 * one descriptor per iteration is still a leak. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char buf[512];

    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            perror(argv[i]);
            continue;
        }
        if (read(fd, buf, sizeof buf) < 0)
            perror(argv[i]);
    } // expect: resource-leak
    return 0;
}
