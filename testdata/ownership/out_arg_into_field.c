/* An acquisition whose out-argument is a field of the caller's object
 * (&ch->res, through getaddrinfo or a project wrapper) stores the handle in
 * the caller's memory: returning hands it over. */
#include <netdb.h>
#include <unistd.h>

struct channel {
    int readfd;
    struct addrinfo *res;
};

static int open_pipe_end(int *out)
{
    int p[2];
    if (pipe(p) < 0)
        return -1;
    close(p[1]);
    *out = p[0];
    return 0;
}

int channel_start(struct channel *ch)
{
    if (open_pipe_end(&ch->readfd) < 0)
        return -1;
    return 0;
}

int channel_resolve(struct channel *ch, const char *host)
{
    if (getaddrinfo(host, NULL, NULL, &ch->res) != 0)
        return -1;
    return 0;
}
