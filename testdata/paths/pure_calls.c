/* A pure call with unchanged arguments gives the same result twice on a
 * path: "-" means standard input, which is never closed, and a real file is
 * closed under the same test.  Changing the name between the tests, or a
 * different test, leaves the leak. */
#include <stdio.h>
#include <string.h>

int count_lines(const char *name)
{
    FILE *in;
    if (strcmp(name, "-") == 0)
        in = stdin;
    else
        in = fopen(name, "r");
    if (!in)
        return -1;
    int n = 0, c;
    while ((c = fgetc(in)) != EOF)
        n += c == '\n';
    if (strcmp(name, "-") != 0)
        fclose(in);
    return n;
}

int count_lines_other_test(const char *name)
{
    FILE *in;
    if (strcmp(name, "-") == 0)
        in = stdin;
    else
        in = fopen(name, "r");
    if (!in)
        return -1;
    int n = 0, c;
    while ((c = fgetc(in)) != EOF)
        n += c == '\n';
    if (strcmp(name, "--") != 0)
        fclose(in);
    return n; // expect: resource-leak
}

int count_lines_renamed(const char *name, const char *other)
{
    FILE *in;
    if (strcmp(name, "-") == 0)
        in = stdin;
    else
        in = fopen(name, "r");
    if (!in)
        return -1;
    name = other;
    if (strcmp(name, "-") != 0)
        fclose(in);
    return 0; // expect: resource-leak
}
