/* A pure call's result is known again only while its arguments are
 * unchanged: writing an element of the array it reads changes them. */
#include <stdio.h>
#include <string.h>

int dump_named(const char *arg)
{
    char name[32];
    FILE *in = stdin;
    snprintf(name, sizeof name, "%s", arg);
    if (strcmp(name, "-") != 0) {
        in = fopen(name, "r");
        if (!in)
            return -1;
    }
    name[0] = '-'; /* now strcmp(name, "-") is 0 whatever it was */
    name[1] = '\0';
    if (strcmp(name, "-") != 0)
        fclose(in);
    return 0; // expect: resource-leak
}

int dump_named_unchanged(const char *arg)
{
    char name[32];
    FILE *in = stdin;
    snprintf(name, sizeof name, "%s", arg);
    if (strcmp(name, "-") != 0) {
        in = fopen(name, "r");
        if (!in)
            return -1;
    }
    if (strcmp(name, "-") != 0)
        fclose(in);
    return 0;
}
