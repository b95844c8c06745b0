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
