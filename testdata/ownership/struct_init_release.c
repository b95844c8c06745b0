/* An init/release pair working on a struct the caller owns: info_init()
 * opens the stream into i->fp, info_release() closes i->fp. */
#include <stdio.h>

struct info {
    FILE *fp;
    long lines;
};

static int info_init(struct info *i, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (fp == NULL)
        return -1;
    i->fp = fp;
    i->lines = 0;
    return 0;
}

static void info_release(struct info *i)
{
    fclose(i->fp);
}

long count_lines(const char *path)
{
    struct info info;
    int c;
    if (info_init(&info, path) < 0)
        return -1;
    while ((c = getc(info.fp)) != EOF)
        if (c == '\n')
            info.lines++;
    info_release(&info);
    return info.lines;
}

long first_char(const char *path)
{
    struct info info;
    if (info_init(&info, path) < 0)
        return -1;
    return getc(info.fp); // expect: resource-leak
}
