/* readfile.h — the one way sockleak reads a file it interprets itself: the
 * JSON inputs (rule packs, configuration, baseline, compilation database)
 * and the source text it looks at for its own use (suppression comments,
 * fix-its, the include scan).  Only a regular file is read (after following
 * symbolic links), never more than a size limit, and never in a way that can
 * block: a FIFO, a device, a socket or a directory is refused after a stat,
 * without being opened for reading.  It parses nothing.
 *
 * What libclang reads for parsing is not read here (front/ decides that). */
#ifndef SOCKLEAK_UTIL_READFILE_H
#define SOCKLEAK_UTIL_READFILE_H

#include <stddef.h>

/* The largest file read whole: 256 MiB (README, "Files sockleak reads and
 * writes").  A JSON input or a source file larger than this is refused. */
#define SL_READ_LIMIT ((size_t)256 << 20)

/* Flags for sl_read_file. */
enum {
    /* Read only the first `limit` bytes of a larger regular file instead
     * of refusing it (the include scan looks at the top of a file). */
    SL_READ_PREFIX = 1,
};

/* Reads the regular file at path (symbolic links followed) into a malloc'd
 * buffer, NUL-terminated, *len set to its length (the text may hold other
 * NUL bytes).  A file larger than limit bytes is refused unless flags has
 * SL_READ_PREFIX; limit must be below SIZE_MAX.
 *
 * Returns the buffer (the caller frees it), or NULL with *why set to a
 * malloc'd lower-case reason without the path, for the caller to put in its
 * own message: the strerror() text of a failed stat, open or read ("No such
 * file or directory"), "not a regular file (a FIFO)" and the like, "larger
 * than 256 MiB", "out of memory".  errno is then set too (EINVAL for a file
 * that is not regular, EFBIG for one too large).  When why is NULL no
 * message is made.  Thread-safe. */
char *sl_read_file(const char *path, size_t limit, int flags, size_t *len,
                   char **why);

/* "a FIFO", "a directory", "a character device", ... for a stat st_mode;
 * "a regular file" for one.  Static storage. */
const char *sl_file_kind(unsigned mode);

#endif
