/* An inflate stream that is not ended when the data is corrupt. */
#include <string.h>
#include <zlib.h>

int inflate_buf(const unsigned char *in, unsigned n, unsigned char *out, unsigned cap)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit(&zs) != Z_OK)
        return -1;
    zs.next_in = (unsigned char *)in;
    zs.avail_in = n;
    zs.next_out = out;
    zs.avail_out = cap;
    int rc = inflate(&zs, Z_FINISH);
    if (rc == Z_DATA_ERROR)
        return -1; // expect: resource-leak
    inflateEnd(&zs);
    return rc == Z_STREAM_END ? (int)(cap - zs.avail_out) : -1;
}
