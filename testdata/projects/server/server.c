/* server.c — the accept loop.  Every accepted connection must end in
 * conn_new() (adopted) or conn_reject() (refused); log_peer() in between
 * does not count, it only borrows. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include "conn.h"

#define MAX_CONNS 256

static volatile sig_atomic_t draining;
static int nconns;

/* While draining, new connections are dropped on the floor. */
int serve(int lfd)
{
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        log_peer(fd);
        if (nconns >= MAX_CONNS) {
            conn_reject(fd, "too many connections");
            continue;
        }
        if (draining)
            continue; // expect: resource-leak
        conn_new(fd);
        nconns++;
    }
}

/* The same loop refusing politely while draining. */
int serve_fixed(int lfd)
{
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        log_peer(fd);
        if (nconns >= MAX_CONNS) {
            conn_reject(fd, "too many connections");
            continue;
        }
        if (draining) {
            conn_reject(fd, "shutting down");
            continue;
        }
        conn_new(fd);
        nconns++;
    }
}

/* Logs the caller and forgets to hang up. */
void log_and_drop(int lfd)
{
    int fd = accept(lfd, NULL, NULL);

    if (fd < 0)
        return;
    log_peer(fd);
} // expect: resource-leak

/* Logs the caller, then hands the connection over. */
void log_and_adopt(int lfd)
{
    int fd = accept(lfd, NULL, NULL);

    if (fd < 0)
        return;
    log_peer(fd);
    if (!conn_new(fd))
        fputs("cannot happen: conn_new aborts on failure\n", stderr);
}

/* Refuses, then closes what conn_reject() already closed. */
void refuse(int lfd)
{
    int fd = accept(lfd, NULL, NULL);

    if (fd < 0)
        return;
    conn_reject(fd, "maintenance");
    close(fd); // expect: double-close
}

static void on_term(int sig)
{
    (void)sig;
    draining = 1;
}

void server_install_signals(void)
{
    signal(SIGTERM, on_term);
}
