/* outfile.h — a file sockleak writes (-o FILE, --write-baseline FILE),
 * replaced atomically: the text goes to a new temporary file in the same
 * directory (".NAME.sockleak-XXXXXX", mkstemp), which is flushed, synced
 * and closed -- every step checked -- and only then renamed over FILE.  A
 * write error (ENOSPC, EFBIG, EIO), a failed sync or close, or a signal
 * (interrupt.h) removes the temporary and leaves FILE as it was; two runs
 * writing FILE at once each leave a complete file (the last rename wins).
 *
 * The new file gets the permissions a plain create would give (0666 less
 * the umask) or, when FILE exists, FILE's permissions (and, when allowed,
 * its owner).  A symbolic link is followed: the file it names is replaced,
 * the link stays.  A FILE that exists and is not a regular file (/dev/null,
 * a FIFO), /dev/stdout, /dev/stderr, /dev/fd/N or a path under /proc/
 * (which lead to a descriptor, perhaps a file the shell opened for
 * appending) is appended to in place, as a stream: there is nothing to
 * replace atomically.
 * No path: standard output, also a stream.  A file with several hard links
 * is replaced like any other: the other names keep the old contents.
 *
 * It writes no content itself (report/ does) and knows nothing of which
 * files are inputs (clobber.h checks that). */
#ifndef SOCKLEAK_CLI_OUTFILE_H
#define SOCKLEAK_CLI_OUTFILE_H

#include <stdio.h>

typedef struct cli_outfile cli_outfile;

/* Checks, before a run, that path can be written: not a directory, not an
 * existing file this process may not write, and its directory (that of the
 * file a symbolic link names) can be searched and written, since the
 * temporary is created there -- a read-only directory refuses the output
 * even when FILE itself is writable.  Reads and writes
 * nothing.  Returns 0, or -1 with *err a malloc'd one-line message naming
 * path.  A later cli_outfile_open can still fail (the disk, a race). */
int cli_outfile_check(const char *path, char **err);

/* Starts writing path (NULL: standard output).  Returns the handle, or NULL
 * with *err a malloc'd one-line message naming path.  Finish with exactly
 * one of cli_outfile_close and cli_outfile_discard. */
cli_outfile *cli_outfile_open(const char *path, char **err);

/* The stream to write to; owned by o. */
FILE *cli_outfile_stream(const cli_outfile *o);

/* Finishes the file.  When complete (the writer succeeded): flushes, fsyncs
 * and closes the temporary, renames it over the file and syncs the
 * directory (best effort); standard output is only flushed.  When not
 * complete, or when any of those steps fails, the temporary is removed
 * and the previous file left as it was.  Frees o.  Returns 0, or -1 with
 * *err a malloc'd one-line message ("PATH: cannot write: File too large";
 * "PATH: cannot write: write error" when the cause is unknown). */
int cli_outfile_close(cli_outfile *o, int complete, char **err);

/* Abandons the file: closes and removes the temporary; the previous file
 * is left as it was.  Frees o; accepts NULL. */
void cli_outfile_discard(cli_outfile *o);

#endif
