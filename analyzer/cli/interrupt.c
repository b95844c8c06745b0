/* interrupt.c — the signal thread and the table of temporaries it removes
 * (see interrupt.h for the design). */
#include "cli/interrupt.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/util.h"

typedef struct cli_temp {
    char *path;   /* NULL: a free slot */
    int is_dir;
} cli_temp;

static pthread_mutex_t cli_temp_lock = PTHREAD_MUTEX_INITIALIZER;
static cli_temp *cli_temps;          /* guarded by cli_temp_lock */
static size_t cli_ntemps;

void cli_interrupt_lock(void) { pthread_mutex_lock(&cli_temp_lock); }
void cli_interrupt_unlock(void) { pthread_mutex_unlock(&cli_temp_lock); }

int cli_interrupt_track(const char *path, int is_dir)
{
    size_t i = 0;
    while (i < cli_ntemps && cli_temps[i].path)
        i++;
    if (i == cli_ntemps) {
        cli_temps = cli_xrealloc(cli_temps, (cli_ntemps + 1) * sizeof *cli_temps);
        cli_ntemps++;
    }
    cli_temps[i].path = cli_xstrdup(path);
    cli_temps[i].is_dir = is_dir;
    return (int)i;
}

void cli_interrupt_forget(int id)
{
    if (id < 0 || (size_t)id >= cli_ntemps)
        return;
    free(cli_temps[id].path);
    cli_temps[id].path = NULL;
}

/* Removes every registered temporary: files first, then directories, each
 * kind newest first (a staged file lies in its staging directory).  Called
 * with the lock held. */
static void cli_remove_temps(void)
{
    for (int dirs = 0; dirs < 2; dirs++)
        for (size_t i = cli_ntemps; i > 0; i--) {
            const cli_temp *t = &cli_temps[i - 1];
            if (t->path && t->is_dir == dirs)
                (void)(dirs ? rmdir(t->path) : unlink(t->path));
        }
}

static const char *cli_signal_name(int sig)
{
    switch (sig) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
    default: return "a signal";
    }
}

static void cli_handled(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGHUP);
}

/* The signal thread: waits, cleans up, ends the process. */
static void *cli_signal_main(void *arg)
{
    (void)arg;
    sigset_t set;
    cli_handled(&set);
    int sig;
    while (sigwait(&set, &sig) != 0)
        ;
    pthread_mutex_lock(&cli_temp_lock);   /* never released */
    cli_remove_temps();
    /* every output is now either complete and in place (its writer
     * renamed it while holding the lock) or was never touched */
    char msg[96];
    int n = snprintf(msg, sizeof msg,
                     "sockleak: interrupted by %s (no partial file was "
                     "written)\n", cli_signal_name(sig));
    (void)!write(STDERR_FILENO, msg, (size_t)n);
    _exit(2);
}

int cli_interrupt_init(char **err)
{
    struct sigaction ign;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGXFSZ, &ign, NULL);

    sigset_t set, old;
    cli_handled(&set);
    int rc = pthread_sigmask(SIG_BLOCK, &set, &old);
    pthread_t tid;
    pthread_attr_t attr;
    if (rc == 0 && (rc = pthread_attr_init(&attr)) == 0) {
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        pthread_attr_setstacksize(&attr, 256 * 1024);
        rc = pthread_create(&tid, &attr, cli_signal_main, NULL);
        pthread_attr_destroy(&attr);
    }
    if (rc != 0) {
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        *err = cli_strf("cannot start the signal thread: %s", strerror(rc));
        return -1;
    }
    return 0;
}
