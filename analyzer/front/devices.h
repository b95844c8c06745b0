/* devices.h — private to front/: included devices read as empty files.
 *
 * libclang parses with "user files are volatile" (a choice clangd and other
 * IDEs need, hard-wired in clang_parseTranslationUnit), so it trusts no
 * file size and reads every non-system header until its end.  A header that
 * is /dev/zero, /dev/urandom or a terminal never ends: `#include
 * "/dev/zero"` in a 28-byte file made the process grow until memory ran out
 * (clang itself reads the size stat gives, 0, and finishes at once).  The
 * front therefore hands libclang every character device and FIFO under /dev
 * as an unsaved file with no contents.  libclang matches unsaved files by
 * inode, so a relative path or a symbolic link to one of them reads as
 * empty too, as in clang.  A device or FIFO elsewhere (made with mknod or
 * mkfifo in the project) is not covered: clang blocks on a FIFO as well.
 *
 * A cost: when the compiler driver rejects a unit's arguments outright (an
 * invalid -std=), libclang returns before taking ownership of its copies of
 * the unsaved files and leaks them, some 60 bytes per device (5.6 KiB with
 * a container's 93 devices) per such unit.  devices.c tells LeakSanitizer
 * about this leak of libclang's so that sanitizer builds still fail on
 * sockleak's own. */
#ifndef SOCKLEAK_FRONT_DEVICES_H
#define SOCKLEAK_FRONT_DEVICES_H

#include <clang-c/Index.h>

/* At most this many devices are listed (a /dev with more is cut short). */
#define FRONT_DEVICES_MAX 4096

/* The devices, as empty unsaved files, and their number in *n.  Built once
 * per process on first use (thread-safe); static storage, never freed.  An
 * unreadable /dev gives an empty list. */
const struct CXUnsavedFile *front_devices(unsigned *n);

#endif
