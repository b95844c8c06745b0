/* interrupt.h — what happens when sockleak is told to stop (SIGINT,
 * SIGTERM, SIGHUP) in the middle of a run: every temporary file and
 * directory of the run is removed, one line on stderr names the signal, and
 * the process exits with status 2 at once, whatever the worker threads are
 * doing.  The files sockleak writes are left as they were: they are only
 * renamed into place when complete (outfile.h).  It also ignores SIGXFSZ,
 * so that a write past the file-size limit fails with EFBIG -- a write
 * error, reported, the previous file kept -- instead of killing the process
 * and leaving its temporary behind.
 *
 * Design.  The three signals are blocked in every thread (cli_interrupt_init
 * blocks them in the main thread before any other thread exists, and
 * threads inherit the mask), and one thread of this module waits for them
 * with sigwait().  The cleanup therefore runs as ordinary code, not in a
 * signal handler, and takes the same lock as the code that creates,
 * renames or removes a temporary: a temporary is either renamed into place
 * by its writer or removed by the cleanup, never both and never neither.
 * Once the cleanup holds the lock it never releases it; it ends the process
 * with _exit(2) (no atexit handlers, no stdio flush: a half-written report
 * on stdout stays half-written, which the exit status says).
 *
 * It does not decide what a temporary is for; outfile.c and compdb.c
 * register theirs. */
#ifndef SOCKLEAK_CLI_INTERRUPT_H
#define SOCKLEAK_CLI_INTERRUPT_H

/* Blocks SIGINT, SIGTERM and SIGHUP in the calling thread, ignores SIGXFSZ
 * and starts the thread that handles the three.  Call once, first thing in
 * main, before any other thread exists.  Returns 0, or -1 with *err a
 * malloc'd message (the signals then keep their default actions). */
int cli_interrupt_init(char **err);

/* The lock that orders the cleanup with the writers.  Hold it around
 * creating a temporary and registering it, and around renaming or removing
 * one and forgetting it.  Not recursive.  Works before cli_interrupt_init
 * (and without it, in tests). */
void cli_interrupt_lock(void);
void cli_interrupt_unlock(void);

/* Registers path (copied) as a temporary to remove if a signal ends the
 * run: a file, or an empty directory when is_dir (removed after the
 * files, in the reverse order of registration).  Call with the lock held.
 * Returns an id for cli_interrupt_forget; aborts when out of memory. */
int cli_interrupt_track(const char *path, int is_dir);

/* Forgets the temporary id (renamed into place or removed by its owner).
 * Call with the lock held. */
void cli_interrupt_forget(int id);

#endif
