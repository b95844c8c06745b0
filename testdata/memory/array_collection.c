/* Descriptors kept in a local array filled at a variable index: the
 * elements of earlier passes are the function's until it closes them all
 * (in a loop), hands the array over, or the array is the caller's. */
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

void pool_adopt(int *fds, int n);

/* Undoes the earlier passes before failing: nothing lost. */
int open_workers(int *out_n)
{
    int socks[8];
    int i;
    for (i = 0; i < 8; i++) {
        socks[i] = socket(AF_UNIX, SOCK_STREAM, 0);
        if (socks[i] < 0) {
            while (i-- > 0)
                close(socks[i]);
            return -1;
        }
    }
    pool_adopt(socks, 8);
    *out_n = 8;
    return 0;
}

/* Filled through a local and a counter; the error path breaks out and the
 * cleanup loop checks each element before closing it. */
int count_readable(const char **paths, int npaths)
{
    int fds[16];
    int n = 0, readable = 0;
    for (int k = 0; k < npaths && n < 16; k++) {
        int fd = open(paths[k], O_RDONLY);
        if (fd < 0)
            break;
        fds[n] = fd;
        n++;
    }
    for (int j = 0; j < n; j++) {
        char c;
        if (read(fds[j], &c, 1) == 1)
            readable++;
    }
    for (int j = 0; j < n; j++)
        if (fds[j] >= 0)
            close(fds[j]);
    return readable;
}

/* Returns without closing anything: every pass's socket is lost. */
int warm_up(int count)
{
    int socks[4];
    for (int i = 0; i < 4 && i < count; i++) {
        socks[i] = socket(AF_INET, SOCK_DGRAM, 0);
        if (socks[i] < 0)
            return -1; // expect: resource-leak
    }
    return 0; // expect: resource-leak
}

/* The array is the caller's: what is stored in it is the caller's too. */
int fill_callers(int *fds, int n)
{
    for (int i = 0; i < n; i++) {
        fds[i] = socket(AF_INET, SOCK_STREAM, 0);
        if (fds[i] < 0)
            return -1;
    }
    return 0;
}

/* One slot written twice: the first socket is lost at the second store. */
int reopen_slot(int i)
{
    int fds[4];
    if (i < 0 || i >= 4)
        return -1;
    fds[i] = socket(AF_INET, SOCK_STREAM, 0);
    if (fds[i] < 0)
        return -1;
    fds[i] = socket(AF_INET, SOCK_STREAM, 0); // expect: resource-leak
    if (fds[i] >= 0)
        close(fds[i]);
    return 0;
}

/* Handed over as a whole: the pool owns them. */
int start_pool(void)
{
    int fds[4];
    int i;
    for (i = 0; i < 4; i++) {
        fds[i] = socket(AF_INET, SOCK_STREAM, 0);
        if (fds[i] < 0)
            break;
    }
    pool_adopt(fds, i);
    return i;
}
