/* Each path releases the client exactly once, through whichever helper or
 * close() its branch picks. */
#include <stdio.h>
#include <sys/socket.h>
#include <syslog.h>
#include <unistd.h>

static void conn_drop(int fd)
{
    shutdown(fd, SHUT_RDWR);
    close(fd);
}

static void conn_finish(int fd, const char *why)
{
    syslog(LOG_INFO, "closing client: %s", why);
    close(fd);
}

void serve_one(int lfd)
{
    char buf[512];
    int c = accept(lfd, NULL, NULL);

    if (c < 0)
        return;
    if (recv(c, buf, sizeof buf, 0) <= 0) {
        conn_drop(c);
        return;
    }
    conn_finish(c, "request served");
}

void reject_one(int lfd)
{
    static const char busy[] = "421 too busy\r\n";
    int c = accept(lfd, NULL, NULL);

    if (c < 0)
        return;
    if (send(c, busy, sizeof busy - 1, MSG_NOSIGNAL) < 0) {
        perror("send");
        conn_drop(c);
    } else {
        close(c);
    }
}

int answer(int lfd, int code)
{
    int c = accept(lfd, NULL, NULL);

    if (c < 0)
        return -1;
    switch (code) {
    case 200:
        if (write(c, "OK\n", 3) != 3)
            perror("write");
        conn_finish(c, "ok");
        break;
    case 503:
        conn_drop(c);
        break;
    default:
        close(c);
        break;
    }
    return 0;
}
