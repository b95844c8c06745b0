/* zlib used correctly: a deflate stream ended on every path, and a gzip
 * stream over a duplicated descriptor. */
#include <string.h>
#include <unistd.h>
#include <zlib.h>

int deflate_buf(const unsigned char *in, unsigned n, unsigned char *out, unsigned cap)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (deflateInit(&zs, Z_BEST_COMPRESSION) != Z_OK)
        return -1;
    zs.next_in = (unsigned char *)in;
    zs.avail_in = n;
    zs.next_out = out;
    zs.avail_out = cap;
    if (deflate(&zs, Z_FINISH) != Z_STREAM_END) {
        deflateEnd(&zs);
        return -1;
    }
    int len = (int)(cap - zs.avail_out);
    deflateEnd(&zs);
    return len;
}

int dump_to(int keep, const char *text)
{
    int fd = dup(keep);
    if (fd < 0)
        return -1;
    gzFile gz = gzdopen(fd, "wb");
    if (!gz) {
        close(fd);
        return -1;
    }
    gzputs(gz, text);
    return gzclose(gz);
}
