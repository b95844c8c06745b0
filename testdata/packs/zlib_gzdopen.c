/* Compressing to a descriptor with gzdopen(): gzclose() closes the
 * descriptor too, but when gzdopen() fails the descriptor is still ours. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

int write_compressed(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return -1;
    gzFile gz = gzdopen(fd, "wb9");
    if (!gz)
        return -1; // expect: resource-leak
    if (gzwrite(gz, text, (unsigned)strlen(text)) == 0) {
        gzclose(gz);
        return -1;
    }
    return gzclose(gz) == Z_OK ? 0 : -1;
}

int read_compressed(const char *path, char *buf, unsigned n)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return -1;
    int got = gzread(gz, buf, n);
    if (got < 0)
        return -1; // expect: resource-leak
    gzclose(gz);
    return got;
}
