/* A test-suite style CHECK() macro: do { if (!(e)) { report; goto out; } }
 * while (0).  The `!` lives in the macro body: the check must still be
 * understood as `fp == NULL` leading to the cleanup label. */
#include <stdio.h>

#define CHECK(e) do { if (!(e)) { fprintf(stderr, "%s failed\n", #e); goto out; } } while (0)

int count_bytes(const char *path)
{
    int n = -1;
    FILE *fp = fopen(path, "rb");
    CHECK(fp);
    n = 0;
    while (getc(fp) != EOF)
        n++;
    fclose(fp);
out:
    return n;
}
