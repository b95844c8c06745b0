/* incscan.h — lists the #include directives of a C file without a
 * preprocessor: the cheap first look the include guesser (guess.h) takes at
 * each file.  It understands comments, string and character literals (an
 * include inside them is not one) and skips "#if 0" blocks; it expands no
 * macro (#include MACRO is not reported), evaluates no other condition
 * (both sides of an #ifdef are reported, marked as conditional) and reads
 * no included file. */
#ifndef SOCKLEAK_CLI_INCSCAN_H
#define SOCKLEAK_CLI_INCSCAN_H

#include <stddef.h>

/* Only the first this many bytes of a file are read: includes live near the
 * top, and a generated multi-megabyte file must not cost more. */
#define CLI_INCSCAN_MAX_BYTES ((size_t)1 << 20)

/* Called for each directive: name is what stands between the quotes or the
 * angle brackets (NUL-terminated, valid only during the call), angled is 1
 * for <name>, 0 for "name".  conditional is 1 when the directive is inside
 * an #if, #ifdef, #ifndef, #elif or #else block, so that it may well not
 * be compiled; an include guard ("#ifndef X" directly followed by
 * "#define X") does not count. */
typedef void (*cli_incscan_each)(const char *name, int angled,
                                 int conditional, void *ctx);

/* Calls each for every #include of the text text[0..len-1], in order.
 * The text is not modified.  Returns how many directives were reported. */
size_t cli_incscan_text(const char *text, size_t len, cli_incscan_each each,
                        void *ctx);

/* Reads the first CLI_INCSCAN_MAX_BYTES bytes of the file at path (through
 * util/readfile.h: a FIFO or a device is refused, never opened for reading)
 * and calls cli_incscan_text on them.  Returns 0, or -1 (errno set) when it
 * is not a regular file or cannot be opened or read; then each has not been
 * called. */
int cli_incscan_file(const char *path, cli_incscan_each each, void *ctx);

#endif
