/* A parser that bails out with longjmp(): the open descriptor is recorded
 * in a file-scope variable that the setjmp() side closes. */
#include <fcntl.h>
#include <setjmp.h>
#include <unistd.h>

static jmp_buf parse_abort;
static int current_fd = -1;

static void parse_include(const char *path, int depth)
{
    char buf[256];
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        longjmp(parse_abort, 1);
    current_fd = fd;
    if (depth > 16 || read(fd, buf, sizeof buf) < 0)
        longjmp(parse_abort, 2);
    current_fd = -1;
    close(fd);
}

int parse_config(const char *path)
{
    if (setjmp(parse_abort) != 0) {
        if (current_fd >= 0)
            close(current_fd);
        current_fd = -1;
        return -1;
    }
    parse_include(path, 0);
    return 0;
}
