/* conn_stream() turns a connection into a FILE * when it succeeds (the
 * stream then owns it); when it fails the connection is still ours. */
// sockleak-args: --rules user_conn.json
#include <stddef.h>
#include <stdio.h>

struct conn;
struct conn *conn_open(const char *host, int port);
void conn_close(struct conn *c);
FILE *conn_stream(struct conn *c);

FILE *open_stream(const char *host)
{
    struct conn *c = conn_open(host, 25);
    if (!c)
        return NULL;
    FILE *fp = conn_stream(c);
    if (!fp)
        return NULL; // expect: resource-leak
    return fp;
}

int send_line(const char *host, const char *line)
{
    struct conn *c = conn_open(host, 25);
    if (!c)
        return -1;
    FILE *fp = conn_stream(c);
    if (!fp) {
        conn_close(c);
        return -1;
    }
    fputs(line, fp);
    return fclose(fp);
}
