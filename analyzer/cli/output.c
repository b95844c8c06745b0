/* output.c — the table of report formats and the colour decision.
 * Adding a format is one row in cli_formats (with its writer); a row whose
 * writer is NULL is a known name rejected as "not supported yet". */
#include "cli/output.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef int (*cli_writer)(FILE *out, const finding_list *l,
                          const report_summary *s, int color);

static int cli_write_text(FILE *out, const finding_list *l,
                          const report_summary *s, int color)
{
    (void)s;
    return report_text(out, l, color);
}

static int cli_write_json(FILE *out, const finding_list *l,
                          const report_summary *s, int color)
{
    (void)color;
    return report_json(out, l, s);
}

static int cli_write_sarif(FILE *out, const finding_list *l,
                           const report_summary *s, int color)
{
    (void)color;
    return report_sarif(out, l, s);
}

static const struct {
    const char *name;
    cli_writer write; /* NULL: not supported yet */
} cli_formats[] = {
    {"text", cli_write_text},
    {"json", cli_write_json},
    {"sarif", cli_write_sarif},
};

#define CLI_NFORMATS ((int)(sizeof cli_formats / sizeof cli_formats[0]))

int cli_format_find(const char *name)
{
    for (int i = 0; i < CLI_NFORMATS; i++)
        if (strcmp(cli_formats[i].name, name) == 0)
            return i;
    return -1;
}

int cli_format_supported(int i)
{
    return i >= 0 && i < CLI_NFORMATS && cli_formats[i].write != NULL;
}

const char *cli_format_name(int i) { return cli_formats[i].name; }

const char *cli_format_list(void)
{
    static char buf[128];
    if (buf[0])
        return buf;
    for (int i = 0; i < CLI_NFORMATS; i++) {
        if (!cli_formats[i].write)
            continue;
        if (buf[0])
            strncat(buf, ", ", sizeof buf - strlen(buf) - 1);
        strncat(buf, cli_formats[i].name, sizeof buf - strlen(buf) - 1);
    }
    return buf;
}

int cli_output_color(FILE *out, cli_color c)
{
    if (c != CLI_COLOR_AUTO)
        return c == CLI_COLOR_ALWAYS;
    const char *nc = getenv("NO_COLOR");
    if (nc && nc[0])
        return 0;
    return isatty(fileno(out));
}

int cli_output_write(int format, FILE *out, const finding_list *l,
                     const report_summary *s, int color)
{
    if (!cli_format_supported(format))
        return -1;
    return cli_formats[format].write(out, l, s, color);
}
