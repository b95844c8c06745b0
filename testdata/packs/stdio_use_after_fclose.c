/* Writing to a stream after closing it, and closing it twice. */
#include <stdio.h>

int save(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    if (!fp)
        return -1;
    if (fclose(fp) != 0)
        return -1;
    fprintf(fp, "%s\n", text); // expect: use-after-close
    return 0;
}

void close_twice(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return;
    fclose(fp);
    fclose(fp); // expect: double-close
}
