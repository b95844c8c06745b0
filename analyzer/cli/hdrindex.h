/* hdrindex.h — the files of a few directory trees indexed by file name,
 * to answer the question a person asks when a header is not found: which
 * directory D of the project has D/NAME?  (For "sub/x.h", which D has
 * D/sub/x.h.)  The trees are walked once, with the rules of
 * cli_walk_files (hidden entries and links to directories skipped); no
 * file is opened.  The include guesser (guess.h) is its user. */
#ifndef SOCKLEAK_CLI_HDRINDEX_H
#define SOCKLEAK_CLI_HDRINDEX_H

#include <stddef.h>

#include "cli/util.h"

typedef struct cli_hdrnamed cli_hdrnamed;   /* an entry, by file name */

typedef struct cli_hdrindex {
    cli_strvec roots;      /* the trees: absolute, none inside another */
    cli_strvec files;      /* every regular file under them, absolute */
    cli_hdrnamed *byname;  /* files, sorted by last path segment */
    int truncated;         /* the trees had more files than the limit */
} cli_hdrindex;

/* Indexes the trees under the absolute directories roots[0..n-1] (copied;
 * a root inside another one is dropped), at most max_files files in all
 * (then ix->truncated is set and the rest is not indexed).  Unreadable
 * directories are skipped.  Release *ix with cli_hdrindex_free(). */
void cli_hdrindex_build(cli_hdrindex *ix, const char *const *roots, size_t n,
                        size_t max_files);

/* The directory D such that D/name is a file of the index (name is
 * relative, without "." or ".." segments), choosing among several the one
 * nearest to the absolute directory near (most leading segments in
 * common), then one named "include", then the shallowest, then the first
 * by name.  Returns a malloc'd D, or NULL when no file fits. */
char *cli_hdrindex_find(const cli_hdrindex *ix, const char *name,
                        const char *near);

/* Appends to out every directory D/include, inside a root, that holds a
 * .h file (directly or below it) and whose parent D holds one of the
 * absolute paths files[0..n-1] (directly or below it): the include
 * directory of the project or component those files belong to.
 * Shallowest first, then by name; directories already in out are not
 * added again. */
void cli_hdrindex_include_dirs(const cli_hdrindex *ix,
                               const char *const *files, size_t n,
                               cli_strvec *out);

/* Frees everything ix owns; ix is left empty; accepts NULL. */
void cli_hdrindex_free(cli_hdrindex *ix);

#endif
