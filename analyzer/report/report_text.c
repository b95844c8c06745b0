/* report_text.c — the human forms: compiler-style finding lines (SPEC §4),
 * optionally coloured like clang, and the summary for stderr (one line, the
 * budget functions, and what may be missing).
 *
 * It prints what it is given: relativizing paths, sorting and suppression
 * happen before (report_paths.c, the CLI).  Suppressed findings are not
 * printed here (they stay in JSON and SARIF).  File names, messages (which
 * quote identifiers and source text) and function names are printed in the
 * terminal form of util/escape.h: no byte of theirs can move the cursor,
 * recolour the terminal or start a line that looks like a finding.
 */
#include "report/report.h"

#include <stdio.h>

#include "util/escape.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"

/* clang's colours for the level word: red error, magenta warning; GCC's cyan
 * for notes. */
static const char *level_color(sl_level lv)
{
    switch (lv) {
    case SL_LEVEL_ERROR:
        return "\033[1;31m";
    case SL_LEVEL_WARNING:
        return "\033[1;35m";
    default:
        return "\033[1;36m";
    }
}

static const char *or_unknown(const char *s) { return s ? s : "<unknown>"; }
static const char *or_empty(const char *s) { return s ? s : ""; }

/* "FILE:LINE:COL: LEVEL: " with the colours when asked. */
static void text_prefix(FILE *out, const fnd_loc *loc, sl_level lv, int color)
{
    if (color)
        fprintf(out, C_BOLD "%s:%u:%u:" C_RESET " %s%s:" C_RESET " ",
                ESC(or_unknown(loc->file)), loc->line, loc->col, level_color(lv),
                sl_level_name(lv));
    else
        fprintf(out, "%s:%u:%u: %s: ", ESC(or_unknown(loc->file)), loc->line,
                loc->col, sl_level_name(lv));
}

static void text_finding(FILE *out, const finding *f, int color)
{
    text_prefix(out, &f->loc, f->level, color);
    fprintf(out, "%s%s [%s]%s\n", color ? C_BOLD : "", ESC(or_empty(f->message)),
            sl_rule_id(f->rule), color ? C_RESET : "");
    for (size_t i = 0; i < f->ntrace; i++) {
        text_prefix(out, &f->trace[i].loc, SL_LEVEL_NOTE, color);
        fprintf(out, "(%zu) %s\n", i + 1, ESC(or_empty(f->trace[i].message)));
    }
}

int report_text(FILE *out, const finding_list *l, int color)
{
    for (size_t i = 0; i < l->n; i++)
        if (!l->items[i].suppressed)
            text_finding(out, &l->items[i], color);
    return ferror(out) ? -1 : 0;
}

/* ---- summary line ------------------------------------------------------ */

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* ", 2 findings (resource-leak: 1, double-close: 1; 1 suppressed)" */
static void summary_findings(FILE *err, const finding_list *l)
{
    size_t by_rule[SL_RULE_COUNT] = {0}, total = 0, suppressed = 0;
    for (size_t i = 0; i < l->n; i++) {
        const finding *f = &l->items[i];
        if (f->suppressed)
            suppressed++;
        else if (f->rule < SL_RULE_COUNT)
            by_rule[f->rule]++, total++;
        else
            total++;
    }
    fprintf(err, ", %zu %s", total, plural(total, "finding", "findings"));
    const char *sep = " (";
    for (int r = 0; r < SL_RULE_COUNT; r++) {
        if (!by_rule[r])
            continue;
        fprintf(err, "%s%s: %zu", sep, sl_rule_id((sl_rule)r), by_rule[r]);
        sep = ", ";
    }
    if (suppressed)
        fprintf(err, "%s%zu suppressed", total ? "; " : " (", suppressed);
    if (total || suppressed)
        fputc(')', err);
}

static void summary_budget(FILE *err, const report_summary *s)
{
    if (!s->nbudget)
        return;
    fprintf(err, "sockleak: path budget exceeded in %zu %s:", s->nbudget,
            plural(s->nbudget, "function", "functions"));
    for (size_t i = 0; i < s->nbudget; i++)
        fprintf(err, "%s %s", i ? "," : "", ESC(or_unknown(s->budget_functions[i])));
    fputc('\n', err);
}

/* "sockleak: 24 of 25 files had errors, 3 functions not analyzed: findings
 * may be missing", when anything was not fully analyzed. */
static void summary_incomplete(FILE *err, const report_summary *s)
{
    if (!s->incomplete.n)
        return;
    const char *sep = "sockleak: ";
    for (int k = 0; k < RI_KIND_COUNT; k++) {
        size_t n = report_incomplete_count(&s->incomplete, (report_incomplete_kind)k);
        if (!n)
            continue;
        if (report_incomplete_of_files((report_incomplete_kind)k))
            fprintf(err, "%s%zu of %zu %s", sep, n, s->files,
                    report_incomplete_noun((report_incomplete_kind)k, s->files));
        else
            fprintf(err, "%s%zu %s", sep, n,
                    report_incomplete_noun((report_incomplete_kind)k, n));
        fprintf(err, " %s", report_incomplete_what((report_incomplete_kind)k));
        sep = ", ";
    }
    fputs(": findings may be missing\n", err);
}

void report_summary_line(FILE *err, const finding_list *l, const report_summary *s)
{
    static const report_summary none;
    if (!s)
        s = &none;
    fprintf(err, "sockleak: %zu %s", s->files, plural(s->files, "file", "files"));
    if (s->failed_files && s->partial_files)
        fprintf(err, " (%zu failed, %zu with errors)", s->failed_files,
                s->partial_files);
    else if (s->failed_files)
        fprintf(err, " (%zu failed)", s->failed_files);
    else if (s->partial_files)
        fprintf(err, " (%zu with errors)", s->partial_files);
    fprintf(err, ", %zu %s", s->functions,
            plural(s->functions, "function", "functions"));
    if (s->wrappers)
        fprintf(err, " (%zu %s)", s->wrappers,
                plural(s->wrappers, "wrapper that acquires or releases",
                       "wrappers that acquire or release"));
    summary_findings(err, l);
    fprintf(err, " in %.2f s\n", s->seconds);
    summary_budget(err, s);
    summary_incomplete(err, s);
}
