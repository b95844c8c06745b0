/* A project function whose summary says it writes no memory it is not
 * given (and hands on no descriptor kept there) leaves what is known of
 * globals, statics and the caller's objects as it was.  One that writes a
 * static may change it: what was known is forgotten. */
#include <sys/socket.h>
#include <unistd.h>

struct listener {
    int sock[2];
};

static int attempts;
static int verbose;

static void trace_point(const char *where) { (void)where; }
static void count_attempt(void) { attempts++; }
static void set_verbose(void) { verbose = 1; }

/* The trace call cannot touch l: the first socket is lost at the store. */
int listener_retry(struct listener *l)
{
    l->sock[0] = socket(AF_INET6, SOCK_STREAM, 0);
    if (l->sock[0] < 0)
        return -1;
    trace_point("retry");
    l->sock[0] = socket(AF_INET, SOCK_STREAM, 0); // expect: resource-leak
    return 0;
}

/* count_attempt() writes memory: it may have reached l, nothing is said. */
int listener_retry_counted(struct listener *l)
{
    l->sock[0] = socket(AF_INET6, SOCK_STREAM, 0);
    if (l->sock[0] < 0)
        return -1;
    count_attempt();
    l->sock[0] = socket(AF_INET, SOCK_STREAM, 0);
    return 0;
}

/* verbose is known 0 across the trace call: the early return cannot run. */
int quiet_probe(int v)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return -1;
    if (v)
        verbose = 0;
    trace_point("probe");
    if (v && verbose)
        return 1;
    close(s);
    return 0;
}

/* set_verbose() changes verbose: the early return is a real leak. */
int loud_probe(int v)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return -1;
    if (v)
        verbose = 0;
    set_verbose();
    if (v && verbose)
        return 1; // expect: resource-leak
    close(s);
    return 0;
}
