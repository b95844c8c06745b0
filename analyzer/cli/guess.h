/* guess.h — include directories for files analyzed without a compilation
 * database, found the way a person would (README.md, "Without a
 * compilation database").
 *
 * The tree searched is the current directory when the PATHs lie under it
 * (sockleak is run from the project's top, as make is), else each PATH's
 * own directory.  Starting from the files to analyze, every #include is
 * resolved as the compiler would, with the directories guessed so far:
 *  - "x.h" next to the including file needs nothing, nor does an include
 *    found in the user's -I / -iquote / -isystem / -idirafter directories
 *    (after "--") or in an already guessed one, nor <x.h> in a system
 *    directory (/usr/local/include, /usr/include and its multiarch
 *    directories, the compiler's own headers);
 *  - else the directory D of the trees such that D/x.h exists is guessed
 *    (for "sub/x.h", D/sub/x.h); when several fit, the one nearest the
 *    including file, then one named "include", then the shallowest;
 *  - else "x.h" may still be a system header;
 *  - an include found nowhere is missing: config.h or version.h, made by
 *    configure or cmake, or the header of a library that is not installed.
 *    It is named when some file includes it outside #if / #ifdef blocks
 *    (a header only for another platform is not worth a word).
 * Every header reached is read in turn, each file once (incscan.h: only its
 * #include lines, a bounded prefix).  Finally the directories D/include
 * that hold headers are added too, where D holds some of the files to
 * analyze (the project's include/, or a component's).  The guessed
 * directories go after the user's flags, so those win.
 *
 * This module reads files and directories; it parses no C and prints only
 * in cli_guess_print. */
#ifndef SOCKLEAK_CLI_GUESS_H
#define SOCKLEAK_CLI_GUESS_H

#include <stddef.h>
#include <stdio.h>

#include "cli/job.h"
#include "cli/options.h"
#include "cli/util.h"

/* At most this many files of the trees are indexed; the rest is not
 * searched (and the message says so). */
#define CLI_GUESS_MAX_FILES 100000

/* An include that exists nowhere (and is not only conditional). */
typedef struct cli_guess_missing {
    char *name;       /* as written between the quotes or brackets */
    int angled;       /* 1: #include <name>, 0: #include "name" */
    size_t nfiles;    /* how many of the scanned files include it */
} cli_guess_missing;

typedef struct cli_guess {
    cli_strvec dirs;             /* the guessed directories, absolute, in
                                    the order they are given to clang */
    cli_guess_missing *missing;  /* most included first, then by name */
    size_t nmissing;
    int truncated;               /* the trees had more than
                                    CLI_GUESS_MAX_FILES files */
} cli_guess;

/* Guesses the include directories of jobs (files analyzed without a
 * database: o->paths, or "." when there are none; o->cc_args are the
 * user's flags) and appends "-IDIR" for each to every job's arguments.
 * *g is cleared first and receives what was guessed and what is missing;
 * release it with cli_guess_free().  Never fails: an unreadable file or
 * directory is skipped. */
void cli_guess_includes(const cli_options *o, cli_joblist *jobs,
                        cli_guess *g);

/* Writes to out (stderr) one line naming the guessed directories
 * (relative to the current directory) and one naming the missing headers;
 * each line only when it has something to say. */
void cli_guess_print(FILE *out, const cli_guess *g);

/* Frees everything g owns; g is left empty; accepts NULL. */
void cli_guess_free(cli_guess *g);

#endif
