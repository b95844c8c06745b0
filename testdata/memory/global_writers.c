/* A global written by more than one call: overwriting it loses the
 * descriptor an earlier call stored, but only when nothing in the program
 * ever closes or resets it.  Whatever a function does not see itself is
 * judged from every write and use of the global in the program. */
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

/* Every write stores a new socket; nothing closes it. */
static int stats_sock = -1;

int stats_connect(void)
{
    int s = socket(AF_UNIX, SOCK_DGRAM, 0);
    if (s < 0)
        return -1;
    stats_sock = s; // expect: resource-leak
    return 0;
}

/* The same global, written by a caller that looked first: nothing lost. */
int stats_connect_once(void)
{
    if (stats_sock >= 0)
        return 0;
    int s = socket(AF_UNIX, SOCK_DGRAM, 0);
    if (s < 0)
        return -1;
    stats_sock = s;
    return 0;
}

/* Closed (and reset) by a shutdown function the program has: the writer
 * is trusted to be called once per shutdown. */
static int audit_fd = -1;

int audit_open(const char *path)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0600);
    if (fd < 0)
        return -1;
    audit_fd = fd;
    return 0;
}

void audit_close(void)
{
    close(audit_fd);
    audit_fd = -1;
}

/* Also written with a descriptor from elsewhere: its history is unknown. */
static int trace_sock = -1;

int trace_connect(void)
{
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    if (s < 0)
        return -1;
    trace_sock = s;
    return 0;
}

void trace_adopt(int fd)
{
    trace_sock = fd;
}

/* A field of a global struct: the same rule, per field.  The listening
 * socket is only ever replaced; the control socket is closed somewhere. */
struct server {
    int listen_fd;
    int ctl_fd;
};
static struct server srv = {-1, -1};

int srv_listen(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return -1;
    srv.listen_fd = s; // expect: resource-leak
    return 0;
}

int srv_control(void)
{
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (s < 0)
        return -1;
    srv.ctl_fd = s;
    return 0;
}

void srv_stop_control(void)
{
    if (srv.ctl_fd >= 0)
        close(srv.ctl_fd);
}

/* A global whose address is passed on: anyone may close it. */
static int event_fd = -1;
void register_fd_slot(int *slot);

int event_open(void)
{
    int s = socket(AF_UNIX, SOCK_DGRAM, 0);
    if (s < 0)
        return -1;
    event_fd = s;
    register_fd_slot(&event_fd);
    return 0;
}

/* Called once from main: nothing was stored before.  Called in a loop:
 * each pass loses the previous socket. */
static int boot_sock = -1;
static int probe_sock = -1;

static int boot_open(void)
{
    int s = socket(AF_UNIX, SOCK_DGRAM, 0);
    if (s < 0)
        return -1;
    boot_sock = s;
    return 0;
}

static int probe_open(void)
{
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    if (s < 0)
        return -1;
    probe_sock = s; // expect: resource-leak
    return 0;
}

int main(int argc, char **argv)
{
    (void)argv;
    if (boot_open() < 0)
        return 1;
    for (int i = 0; i < argc; i++)
        probe_open();
    return 0;
}
