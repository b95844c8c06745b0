/* incomplete.h — what a run did not fully analyze: one list of items
 * {kind, file, function, detail}, each a reason why findings may be missing
 * (a file that could not be parsed, a function the front could not lower, a
 * function over the path budget, a directory the walk could not read, ...).
 * The CLI fills the list; report/ writes it (JSON summary.incomplete, SARIF
 * toolExecutionNotifications, the "findings may be missing" line).
 *
 * The kinds are one table: stable name (the JSON "reason"), SARIF level,
 * whether the kind means that some input was not analyzed at all (exit
 * status 3 even without --fail-on-incomplete), and the words of the summary
 * line.  It decides no exit status itself beyond report_incomplete_fails. */
#ifndef SOCKLEAK_REPORT_INCOMPLETE_H
#define SOCKLEAK_REPORT_INCOMPLETE_H

#include <stddef.h>

/* X(enum, reason, SARIF level, unanalyzed, of_files, one, many, what
 * happened).  "one"/"many" count the items in the summary line ("3
 * functions not analyzed"); of_files kinds are counted out of the files
 * attempted ("24 of 25 files had errors"). */
#define REPORT_INCOMPLETE_KINDS(X)                                             \
    X(FILE_FAILED, "file-not-analyzed", "warning", 1, 1, "file", "files",     \
      "could not be analyzed")                                                 \
    X(FILE_ERRORS, "file-with-errors", "warning", 0, 1, "file", "files",      \
      "had errors")                                                            \
    X(FUNCTION_SKIPPED, "function-not-analyzed", "warning", 0, 0, "function", \
      "functions", "not analyzed")                                             \
    X(BUDGET, "path-budget-exceeded", "warning", 0, 0, "function",            \
      "functions", "over the path budget")                                     \
    X(DIR_UNREADABLE, "directory-not-read", "warning", 1, 0, "directory",     \
      "directories", "could not be read")                                      \
    X(PATH_TOO_LONG, "path-too-long", "warning", 1, 0, "path", "paths",       \
      "longer than PATH_MAX skipped")                                          \
    X(ENTRY_NOT_C, "entry-not-c", "note", 0, 0, "database entry",             \
      "database entries", "not C")

typedef enum {
#define RI_ENUM(e, name, level, unanalyzed, of_files, one, many, what) RI_##e,
    REPORT_INCOMPLETE_KINDS(RI_ENUM)
#undef RI_ENUM
    RI_KIND_COUNT
} report_incomplete_kind;

typedef struct report_incomplete {
    report_incomplete_kind kind;
    char *file;       /* the file or directory, as shown to the user; NULL
                         when unknown */
    char *function;   /* the function, or NULL for a file or path item */
    char *detail;     /* why, in words ("a syntax error: ...", the first
                         compile error, "Permission denied"); NULL if none */
} report_incomplete;

typedef struct report_incomplete_list {
    report_incomplete *items;   /* owned, with every string they hold */
    size_t n, cap;
} report_incomplete_list;

/* Appends an item; file, function and detail are copied (each may be
 * NULL).  Returns 0, or -1 when out of memory (the list is unchanged). */
int report_incomplete_add(report_incomplete_list *l, report_incomplete_kind k,
                          const char *file, const char *function,
                          const char *detail);

/* Appends copies of every item of from to l; returns 0 or -1 (out of
 * memory: the items copied so far stay). */
int report_incomplete_copy(report_incomplete_list *l,
                           const report_incomplete_list *from);

/* Frees every item and the storage; the list is left empty; accepts NULL. */
void report_incomplete_free(report_incomplete_list *l);

/* How many items of kind k l holds. */
size_t report_incomplete_count(const report_incomplete_list *l,
                               report_incomplete_kind k);

/* The stable reason name ("function-not-analyzed"), the SARIF level
 * ("warning" or "note"), and the words for one and several items and what
 * happened to them, of kind k; static strings. */
const char *report_incomplete_reason(report_incomplete_kind k);
const char *report_incomplete_level(report_incomplete_kind k);
const char *report_incomplete_noun(report_incomplete_kind k, size_t count);
const char *report_incomplete_what(report_incomplete_kind k);

/* Nonzero when items of kind k mean some input was not analyzed at all (a
 * file that could not be parsed, a directory or path that was skipped). */
int report_incomplete_unanalyzed(report_incomplete_kind k);

/* Nonzero when items of kind k are files, counted out of those attempted. */
int report_incomplete_of_files(report_incomplete_kind k);

/* The item in one line for people, "FILE: function 'f' not analyzed:
 * DETAIL" (file and detail left out when NULL); malloc'd, NULL when out of
 * memory. */
char *report_incomplete_text(const report_incomplete *it);

/* Nonzero when l makes the run fail (exit status 3, SARIF
 * executionSuccessful false): it holds an item of an unanalyzed kind, or,
 * when strict (--fail-on-incomplete), any item. */
int report_incomplete_fails(const report_incomplete_list *l, int strict);

#endif
