/* Reading a configuration file: the early return on a bad line forgets
 * the stream. */
#include <stdio.h>
#include <string.h>

int count_settings(const char *path)
{
    char line[256];
    int n = 0;
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    while (fgets(line, sizeof line, fp) != NULL) {
        if (line[0] == '#')
            continue;
        if (strchr(line, '=') == NULL) {
            fprintf(stderr, "%s: bad line: %s", path, line);
            return -1; // expect: resource-leak
        }
        n++;
    }
    if (ferror(fp)) {
        fclose(fp);
        return -1;
    }
    fclose(fp);
    return n;
}

long file_size(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return -1;
    if (fseek(fp, 0, SEEK_END) != 0) {
        fclose(fp);
        return -1;
    }
    long size = ftell(fp);
    fclose(fp);
    return size;
}
