/* A closed descriptor passed on is a use only where it is used as a
 * descriptor: printing its number (directly or through a project function
 * that only prints it) is not; a project function that reads from it is a
 * use, and one that closes it makes a double close. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static void note_closed(int fd)
{
    fprintf(stderr, "closed descriptor %d\n", fd);
}

static int slot_of(int fd)
{
    return fd % 64;
}

static int drain(int fd)
{
    char buf[64];
    return (int)read(fd, buf, sizeof buf);
}

static void shut(int fd)
{
    close(fd);
}

int logged(const char *path, int *slots)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    close(fd);
    note_closed(fd);
    printf("closed %d\n", fd);
    slots[slot_of(fd)] = 0;
    return 0;
}

int drained_after_close(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    close(fd);
    return drain(fd); // expect: use-after-close
}

int shut_twice(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    close(fd);
    shut(fd); // expect: double-close
    return 0;
}
