/* CLI input for fixit_roundtrip.sh: every leak here gets a fix that, once
 * applied, leaves a file that compiles and has no finding. */
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int braced_return(const struct sockaddr_in *a)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)a, sizeof *a) < 0) {
        perror("connect");
        return -1;
    }
    return fd;
}

int unbraced_return(const struct sockaddr_in *a)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)a, sizeof *a) < 0)
        return -1;
    return fd;
}

int same_line_return(const struct sockaddr_in *a)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    if (connect(fd, (const struct sockaddr *)a, sizeof *a) < 0) return (-1);
    return fd;
}

int commented_return(const struct sockaddr_in *a)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)a, sizeof *a) < 0) /* ; { */
        // the connection failed; give up
        return -1;
    return fd;
}

int else_return(const struct sockaddr_in *a)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (const struct sockaddr *)a, sizeof *a) == 0)
        return fd;
    else
        return -1;
}

void loop_continue(int lfd, int n)
{
    for (int i = 0; i < n; i++) {
        int c = accept(lfd, NULL, NULL);
        if (c < 0)
            continue;
        if (i % 2)
            continue;
        write(c, "hi\n", 3);
        close(c);
    }
}

void loop_break(int lfd, int n)
{
    for (int i = 0; i < n; i++) {
        int c = accept(lfd, NULL, NULL);
        if (c < 0)
            break;
        if (write(c, "hi\n", 3) < 0) {
            break;
        }
        close(c);
    }
}
