/* devices.c — the character devices and FIFOs under /dev as empty unsaved
 * files for libclang (see devices.h).  A walk of /dev, three levels deep
 * (/dev/bus/usb/001/...), that skips symbolic links (their targets are in
 * /dev too, and libclang matches by inode) and stops at FRONT_DEVICES_MAX. */
#include "front/devices.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEV_DEPTH 3

static struct CXUnsavedFile dev_files[FRONT_DEVICES_MAX];
static unsigned dev_n;
static pthread_once_t dev_once = PTHREAD_ONCE_INIT;

static void dev_walk(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while (dev_n < FRONT_DEVICES_MAX && (de = readdir(d)) != NULL) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        char path[512];
        struct stat st;
        if (snprintf(path, sizeof path, "%s/%s", dir, de->d_name) >=
                (int)sizeof path ||
            lstat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode) && depth < DEV_DEPTH) {
            dev_walk(path, depth + 1);
        } else if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
            char *copy = strdup(path);
            if (!copy)
                break;
            dev_files[dev_n++] = (struct CXUnsavedFile){copy, "", 0};
        }
    }
    closedir(d);
}

static void dev_build(void) { dev_walk("/dev", 1); }

const struct CXUnsavedFile *front_devices(unsigned *n)
{
    pthread_once(&dev_once, dev_build);
    *n = dev_n;
    return dev_files;
}

/* LeakSanitizer (sanitizer builds only): libclang's leak of its copies of
 * the unsaved files when the driver rejects a unit's arguments (devices.h).
 * The copies are made by MemoryBuffer::getMemBufferCopy, whose allocation
 * is the only frame LeakSanitizer can see in libLLVM. */
#if defined(__SANITIZE_ADDRESS__)
#define DEV_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DEV_LSAN 1
#endif
#endif
#ifdef DEV_LSAN
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:llvm::WritableMemoryBuffer::getNewUninitMemBuffer\n";
}
#endif
