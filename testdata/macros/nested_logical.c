/* Conditions written through nested macros that mix && and ||, negations and
 * comparisons with -1, NULL and EOF.  Each function has one real leak on the
 * path where the macro's condition says "failed but not closed". */
#include <errno.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#define FAILED(x) ((x) == -1)
#define RETRYABLE(x) (FAILED(x) && (errno == EINTR || errno == EAGAIN))
#define USABLE(x) (!FAILED(x) && (x) > 2)
#define NO_STREAM(f) ((f) == NULL)
#define AT_END(c) ((c) == EOF)
#define BAD_OR_EMPTY(f, c) (NO_STREAM(f) || AT_END(c))

int send_greeting(const char *msg, size_t len)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (RETRYABLE(fd))
        return -2;
    if (!USABLE(fd))
        return -1;
    if (write(fd, msg, len) < 0)
        return -1; // expect: resource-leak
    close(fd);
    return 0;
}

int send_greeting_fixed(const char *msg, size_t len)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (RETRYABLE(fd))
        return -2;
    if (!USABLE(fd))
        return -1;
    if (write(fd, msg, len) < 0) {
        close(fd);
        return -1;
    }
    close(fd);
    return 0;
}

int first_char(const char *path)
{
    FILE *f = fopen(path, "r");
    if (NO_STREAM(f))
        return -1;
    int c = fgetc(f);
    if (BAD_OR_EMPTY(f, c))
        return -1; // expect: resource-leak
    fclose(f);
    return c;
}

int first_char_fixed(const char *path)
{
    FILE *f = fopen(path, "r");
    int c = f ? fgetc(f) : EOF;
    if (BAD_OR_EMPTY(f, c)) {
        if (!NO_STREAM(f))
            fclose(f);
        return -1;
    }
    fclose(f);
    return c;
}
