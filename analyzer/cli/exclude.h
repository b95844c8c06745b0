/* exclude.h — the "exclude" patterns of the project configuration: which
 * files are not analyzed.  A pattern is a path relative to the
 * configuration file's directory, where "*" matches any run of characters
 * except '/', and "**" any run including '/' ("**" followed by '/' also
 * matches no directory at all).  It excludes a file when it matches the
 * file's path or one of the directories above it (so "third_party" and
 * "gen*" exclude whole trees); a pattern ending in '/' only matches
 * directories.  Files outside the configuration file's directory are never
 * excluded.  Nothing else ('?', '[...]', '!') is special. */
#ifndef SOCKLEAK_CLI_EXCLUDE_H
#define SOCKLEAK_CLI_EXCLUDE_H

#include "cli/job.h"
#include "cli/util.h"

/* Checks pat and returns its malloc'd normalized form (leading "./", "."
 * segments and repeated '/' removed; a trailing '/' kept), or NULL with *why
 * a static phrase saying what is wrong ("is empty", "is absolute", ...). */
char *cli_exclude_normalize(const char *pat, const char **why);

/* Nonzero when the normalized pattern pat excludes rel, a normalized path
 * relative to the patterns' directory. */
int cli_exclude_match(const char *pat, const char *rel);

/* Nonzero when one of pats (normalized, relative to the canonical absolute
 * directory base) excludes file (absolute, or relative to the current
 * directory; symbolic links are resolved before comparing). */
int cli_excluded(const cli_strvec *pats, const char *base, const char *file);

/* Removes from jobs every job whose file is excluded, and every item of
 * jobs->incomplete that lies under an excluded path (the C++ entries and
 * unreadable directories of an excluded third_party/); returns how many
 * jobs were removed. */
size_t cli_exclude_jobs(const cli_strvec *pats, const char *base,
                        cli_joblist *jobs);

#endif
