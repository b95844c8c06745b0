/* A command's first line: the pipe stream is not closed when the command
 * prints nothing, and a directory stream leaks on an early return. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>

int first_line(const char *cmd, char *buf, size_t n)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    if (fgets(buf, (int)n, p) == NULL)
        return -1; // expect: resource-leak
    buf[strcspn(buf, "\n")] = '\0';
    return pclose(p);
}

int has_entry(const char *dir, const char *name)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    if (!d)
        return -1;
    while ((de = readdir(d)) != NULL)
        if (strcmp(de->d_name, name) == 0)
            return 1; // expect: resource-leak
    closedir(d);
    return 0;
}
