/* CLI input: a function over the path budget.  Each of the 20 options sets
 * its own flag, and the flags are read again later, so the engine follows
 * 2^20 combinations of flags for the socket (memcached's main, with its
 * hundred options, is the real-world case).  sockleak reports nothing
 * from it, names it, and lists it in summary.incomplete. */
#include <sys/socket.h>
#include <unistd.h>

int serve(const char *opt)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int f0 = 0;
    int f1 = 0;
    int f2 = 0;
    int f3 = 0;
    int f4 = 0;
    int f5 = 0;
    int f6 = 0;
    int f7 = 0;
    int f8 = 0;
    int f9 = 0;
    int f10 = 0;
    int f11 = 0;
    int f12 = 0;
    int f13 = 0;
    int f14 = 0;
    int f15 = 0;
    int f16 = 0;
    int f17 = 0;
    int f18 = 0;
    int f19 = 0;
    if (opt[0] == 'x')
        f0 = 1;
    if (opt[1] == 'x')
        f1 = 1;
    if (opt[2] == 'x')
        f2 = 1;
    if (opt[3] == 'x')
        f3 = 1;
    if (opt[4] == 'x')
        f4 = 1;
    if (opt[5] == 'x')
        f5 = 1;
    if (opt[6] == 'x')
        f6 = 1;
    if (opt[7] == 'x')
        f7 = 1;
    if (opt[8] == 'x')
        f8 = 1;
    if (opt[9] == 'x')
        f9 = 1;
    if (opt[10] == 'x')
        f10 = 1;
    if (opt[11] == 'x')
        f11 = 1;
    if (opt[12] == 'x')
        f12 = 1;
    if (opt[13] == 'x')
        f13 = 1;
    if (opt[14] == 'x')
        f14 = 1;
    if (opt[15] == 'x')
        f15 = 1;
    if (opt[16] == 'x')
        f16 = 1;
    if (opt[17] == 'x')
        f17 = 1;
    if (opt[18] == 'x')
        f18 = 1;
    if (opt[19] == 'x')
        f19 = 1;
    int r = 0;
    if (f0)
        r += 1;
    if (f1)
        r += 2;
    if (f2)
        r += 3;
    if (f3)
        r += 4;
    if (f4)
        r += 5;
    if (f5)
        r += 6;
    if (f6)
        r += 7;
    if (f7)
        r += 8;
    if (f8)
        r += 9;
    if (f9)
        r += 10;
    if (f10)
        r += 11;
    if (f11)
        r += 12;
    if (f12)
        r += 13;
    if (f13)
        r += 14;
    if (f14)
        r += 15;
    if (f15)
        r += 16;
    if (f16)
        r += 17;
    if (f17)
        r += 18;
    if (f18)
        r += 19;
    if (f19)
        r += 20;
    if (r > 1000)
        return -1;   /* a leak the budget hides */
    close(fd);
    return r;
}
