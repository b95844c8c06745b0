/* fuzz_io.c — the fuzz targets' private temporary directory (see
 * fuzz_io.h).  It removes only the files fuzz_write created. */
#include "fuzz_io.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[PATH_MAX - 64];
static char written[16][PATH_MAX];   /* every distinct path, for cleanup */
static int nwritten;

static void fuzz_cleanup(void)
{
    for (int i = 0; i < nwritten; i++)
        unlink(written[i]);
    rmdir(dir);
}

const char *fuzz_dir(void)
{
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/sockleak-fuzz-XXXXXX",
                 tmp && *tmp && strlen(tmp) < sizeof dir - 32 ? tmp : "/tmp");
        if (!mkdtemp(dir)) {
            perror("fuzz: mkdtemp");
            abort();
        }
        atexit(fuzz_cleanup);
    }
    return dir;
}

const char *fuzz_write(const char *name, const uint8_t *data, size_t size)
{
    static char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror(path);
        abort();
    }
    int i = 0;
    while (i < nwritten && strcmp(written[i], path) != 0)
        i++;
    if (i == nwritten && nwritten < 16)
        strcpy(written[nwritten++], path);
    return path;
}
