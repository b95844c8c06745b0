/* fuzz_io.h — what every fuzz target shares: the loaders under test read
 * files, not buffers, so each input is written to a file in a private
 * temporary directory first.  No analysis here. */
#ifndef SOCKLEAK_FUZZ_IO_H
#define SOCKLEAK_FUZZ_IO_H

#include <stddef.h>
#include <stdint.h>

/* Writes data[0..size-1] to NAME in this process's temporary directory
 * (created on first use, removed with its files at exit) and returns the
 * file's path, a static buffer valid until the next call.  Aborts when the
 * file cannot be written: a broken harness must not pass for a clean run. */
const char *fuzz_write(const char *name, const uint8_t *data, size_t size);

/* The temporary directory itself (created on first use). */
const char *fuzz_dir(void);

#endif
