/* The same checks written against NULL, both ways round: after
 * `if (fp == NULL) return` the stream is known to be open, and a path on
 * which fdopen() failed still owns the descriptor. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

long count_lines(const char *path)
{
    long n = 0;
    int c;
    FILE *fp = fopen(path, "r");
    if (fp == NULL)
        return -1;
    while ((c = getc(fp)) != EOF)
        if (c == '\n')
            n++;
    fclose(fp);
    return n;
}

FILE *open_log(const char *path)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return NULL;
    FILE *fp = fdopen(fd, "a");
    if (fp == NULL)
        return NULL; // expect: resource-leak
    return fp;
}

int copy_first_line(const char *from, FILE *to)
{
    char buf[512];
    FILE *in = fopen(from, "r");
    if (NULL == in)
        return -1;
    if (fgets(buf, sizeof buf, in) != NULL)
        fputs(buf, to);
    return fclose(in);
}
