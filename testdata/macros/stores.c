/* Stores written inside macro bodies, with and without parentheses around
 * the arguments, and a swap macro with a typed temporary: the value stored
 * is followed through the store, not lost. */
#include <sys/socket.h>
#include <unistd.h>

#define PUT(d, v) do { d = v; } while (0)
#define SWAP(a, b) do { int tmp_ = a; a = b; b = tmp_; } while (0)
#define TAKE(dst, src) do { (dst) = (src); (src) = -1; } while (0)

int keep_one(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int mine;
    if (fd < 0)
        return -1;
    PUT(mine, fd);
    close(mine);
    return 0;
}

int keep_one_leaks(int flag)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int mine;
    if (fd < 0)
        return -1;
    PUT(mine, fd);
    if (flag)
        return -1; // expect: resource-leak
    close(mine);
    return 0;
}

int swapped(void)
{
    int a = socket(AF_INET, SOCK_STREAM, 0);
    int b = -1;
    if (a < 0)
        return -1;
    SWAP(a, b);
    close(b);
    return 0;
}

int swapped_wrong_end(void)
{
    int a = socket(AF_INET, SOCK_STREAM, 0);
    int b = -1;
    if (a < 0)
        return -1;
    SWAP(a, b);
    if (a >= 0)
        close(a);
    return 0; // expect: resource-leak
}

int taken(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int owner = -1;
    if (fd < 0)
        return -1;
    TAKE(owner, fd);
    if (fd >= 0)
        close(fd);
    close(owner);
    return 0;
}
