/* Two release helpers in one file.  The read-error branch drops the client
 * and carries on, so the release at the end, through the other helper or
 * through close() itself, is the second one on that path. */
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
    if (recv(c, buf, sizeof buf, 0) <= 0)
        conn_drop(c);
    conn_finish(c, "request served"); // expect: double-close
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
    }
    close(c); // expect: double-close
}
