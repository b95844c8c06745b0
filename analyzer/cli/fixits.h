/* fixits.h — turns the engine's bare fix ("insert close(fd); at this exit
 * statement") into edits that are safe to apply to the source as written,
 * or drops the fix.  It reads the source files; it does not decide which
 * findings get a fix (the engine does) and never writes a file. */
#ifndef SOCKLEAK_CLI_FIXITS_H
#define SOCKLEAK_CLI_FIXITS_H

#include "engine/finding.h"

/* Finalizes the fix of every finding of l that has one.  The engine's fix is
 * one edit whose insert is the release call ("close(fd);") at the start of
 * a return/break/continue/goto statement.  The fix is kept only when the
 * file (the edit's path, relative to the current directory or absolute)
 * reads that keyword at the edit's offset, line and column; then:
 *  - after ';', '{', '}' or ':' (comments and blanks skipped): one edit
 *    inserting "close(fd);" and a newline plus the line's indentation
 *    before the statement (or "close(fd); " when the statement does not
 *    start its line);
 *  - as the unbraced body of if/else/for/while (after ')' or "else"): two
 *    edits, "{ close(fd); " before the statement and " }" after its ';';
 *  - anything else (a macro, a preprocessor line, a statement whose end is
 *    unclear): the fix is dropped.
 * Every edit carries file, line, column and byte offset.  Never fails: an
 * unreadable file drops the fixes in it. */
void cli_fixits_finalize(finding_list *l);

#endif
