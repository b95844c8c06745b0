/* What a function returns through a status variable or a conditional
 * expression is as known as a constant return: its summary's range decides
 * the caller's branches. */
#include <sys/socket.h>
#include <unistd.h>

static int mode_of(int x) { return x ? 1 : 2; }

static int check_peer(int fd)
{
    int rc = 0;
    if (fd > 1000)
        rc = 3;
    return rc;
}

int serve_mode(int x)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return -1;
    if (mode_of(x)) /* always 1 or 2 */
        close(s);
    return 0;
}

int serve_checked(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return -1;
    if (check_peer(s) < 0) /* 0 or 3: never negative */
        return -1;
    if (check_peer(s) == 3)
        return -2; // expect: resource-leak
    close(s);
    return 0;
}
