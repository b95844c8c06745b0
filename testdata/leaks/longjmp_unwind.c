/* A parser that bails out of deep recursion with longjmp(): the descriptor
 * opened by the level that fails is still open when the jump unwinds past
 * it. */
#include <fcntl.h>
#include <setjmp.h>
#include <unistd.h>

static jmp_buf parse_abort;

static void parse_include(const char *path, int depth)
{
    char buf[256];
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        longjmp(parse_abort, 1);
    if (depth > 16 || read(fd, buf, sizeof buf) < 0)
        longjmp(parse_abort, 2); // expect: resource-leak
    close(fd);
}

int parse_config(const char *path)
{
    if (setjmp(parse_abort) != 0)
        return -1;
    parse_include(path, 0);
    return 0;
}
