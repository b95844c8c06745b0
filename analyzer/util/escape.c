/* escape.c — the terminal, UTF-8 and percent forms of escape.h.
 *
 * One UTF-8 decoder (utf8_scan, Unicode Table 3-7: no overlong forms, no
 * surrogates, nothing above U+10FFFF) serves both the terminal form and the
 * repair for JSON.  What the terminal form hides is the table
 * esc_term_hidden; what it names is esc_term_named.
 */
#include "util/escape.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* ---- UTF-8 ------------------------------------------------------------- */

/* The well-formed multi-byte sequences (Unicode Table 3-7): lead bytes,
 * length, and the range of the second byte (the later ones are 80..BF). */
static const struct {
    unsigned char lo, hi, len, second_lo, second_hi;
} utf8_leads[] = {
    {0xC2, 0xDF, 2, 0x80, 0xBF},
    {0xE0, 0xE0, 3, 0xA0, 0xBF},   /* no overlong forms */
    {0xE1, 0xEC, 3, 0x80, 0xBF},
    {0xED, 0xED, 3, 0x80, 0x9F},   /* no surrogates */
    {0xEE, 0xEF, 3, 0x80, 0xBF},
    {0xF0, 0xF0, 4, 0x90, 0xBF},   /* no overlong forms */
    {0xF1, 0xF3, 4, 0x80, 0xBF},
    {0xF4, 0xF4, 4, 0x80, 0x8F},   /* nothing above U+10FFFF */
};

/* The sequence at s (n > 0 bytes available): returns its length and sets
 * *cp when it is well-formed; otherwise returns 0 and sets *bad to the
 * length of its maximal subpart (the bytes to replace by one U+FFFD). */
static size_t utf8_scan(const unsigned char *s, size_t n, unsigned long *cp,
                        size_t *bad)
{
    *bad = 1;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t row = 0, nrows = sizeof utf8_leads / sizeof utf8_leads[0];
    while (row < nrows && !(s[0] >= utf8_leads[row].lo && s[0] <= utf8_leads[row].hi))
        row++;
    if (row == nrows)
        return 0;
    size_t len = utf8_leads[row].len;
    unsigned long v = s[0] & (0x7Fu >> len);
    for (size_t k = 1; k < len; k++) {
        unsigned lo = k == 1 ? utf8_leads[row].second_lo : 0x80;
        unsigned hi = k == 1 ? utf8_leads[row].second_hi : 0xBF;
        if (k >= n || s[k] < lo || s[k] > hi) {
            *bad = k;
            return 0;
        }
        v = (v << 6) | (s[k] & 0x3Fu);
    }
    *cp = v;
    return len;
}

int esc_utf8_valid(const char *s)
{
    if (!s)
        return 1;
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    while (n) {
        unsigned long cp;
        size_t bad, len = utf8_scan(p, n, &cp, &bad);
        if (!len)
            return 0;
        p += len;
        n -= len;
    }
    return 1;
}

char *esc_utf8_repair(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *out = malloc(3 * n + 1), *o = out;   /* U+FFFD is 3 bytes */
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    while (n) {
        unsigned long cp;
        size_t bad, len = utf8_scan(p, n, &cp, &bad);
        if (len) {
            memcpy(o, p, len);
            o += len;
        } else {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            len = bad;
        }
        p += len;
        n -= len;
    }
    *o = '\0';
    return out;
}

/* ---- terminal form ----------------------------------------------------- */

/* Code points shown as "\uNNNN": they are invisible and change how the
 * terminal treats what follows. */
static const struct {
    unsigned long lo, hi;
} esc_term_hidden[] = {
    {0x0080, 0x009F},   /* C1 controls: U+009B is CSI on some terminals */
    {0x061C, 0x061C},   /* ARABIC LETTER MARK */
    {0x200E, 0x200F},   /* LEFT-TO-RIGHT / RIGHT-TO-LEFT MARK */
    {0x2028, 0x2029},   /* LINE / PARAGRAPH SEPARATOR */
    {0x202A, 0x202E},   /* LRE, RLE, PDF, LRO, RLO ("Trojan Source") */
    {0x2066, 0x2069},   /* LRI, RLI, FSI, PDI */
};

/* C0 controls with a short name; the others are "\xNN". */
static const struct {
    unsigned char c;
    char name;
} esc_term_named[] = {
    {'\n', 'n'},
    {'\r', 'r'},
    {'\t', 't'},
};

/* Longest form of one unit: "\u2069" or a 4-byte character, and a NUL. */
#define ESC_UNIT_MAX 8

static int esc_hidden(unsigned long cp)
{
    for (size_t i = 0; i < sizeof esc_term_hidden / sizeof esc_term_hidden[0]; i++)
        if (cp >= esc_term_hidden[i].lo && cp <= esc_term_hidden[i].hi)
            return 1;
    return 0;
}

/* "\xNN" (kind 'x') or "\uNNNN" (kind 'u') for v into out; its length. */
static size_t esc_hex(char *out, char kind, unsigned long v)
{
    static const char digits[] = "0123456789abcdef";
    size_t n = 0, width = kind == 'x' ? 2 : 4;
    out[n++] = '\\';
    out[n++] = kind;
    for (size_t i = width; i-- > 0;)
        out[n++] = digits[(v >> (4 * i)) & 0xF];
    return n;
}

/* The terminal form of the unit at s (n > 0 bytes left) into out (at least
 * ESC_UNIT_MAX bytes, not NUL-terminated); *olen gets its length.  Returns
 * the number of bytes of s it stands for. */
static size_t esc_unit(const unsigned char *s, size_t n, char *out, size_t *olen)
{
    unsigned long cp;
    size_t bad, len = utf8_scan(s, n, &cp, &bad);
    if (len == 0) {               /* one byte at a time: each is "\xNN" */
        *olen = esc_hex(out, 'x', s[0]);
        return 1;
    }
    if (cp < 0x20 || cp == 0x7F) {
        for (size_t i = 0; i < sizeof esc_term_named / sizeof esc_term_named[0]; i++)
            if (esc_term_named[i].c == cp) {
                out[0] = '\\';
                out[1] = esc_term_named[i].name;
                *olen = 2;
                return 1;
            }
        *olen = esc_hex(out, 'x', cp);
        return 1;
    }
    if (esc_hidden(cp)) {
        *olen = esc_hex(out, 'u', cp);
        return len;
    }
    memcpy(out, s, len);
    *olen = len;
    return len;
}

char *esc_term_buf(char *buf, size_t size, const char *s, size_t n)
{
    assert(size >= 4);
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    if (!s)
        n = 0;
    size_t total = 0, olen;
    char unit[ESC_UNIT_MAX];
    for (size_t i = 0; i < n;) {   /* the length first: does it all fit? */
        i += esc_unit(p + i, n - i, unit, &olen);
        total += olen;
    }
    size_t room = total < size ? size - 1 : size - 4;   /* else "..." */
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        i += esc_unit(p + i, n - i, unit, &olen);
        if (o + olen > room)
            break;
        memcpy(buf + o, unit, olen);
        o += olen;
    }
    if (total >= size) {
        memcpy(buf + o, "...", 3);
        o += 3;
    }
    buf[o] = '\0';
    return buf;
}

char *esc_term_str(char *buf, size_t size, const char *s)
{
    return esc_term_buf(buf, size, s, s ? strlen(s) : 0);
}

/* ---- percent form ------------------------------------------------------ */

char *esc_percent(const char *s)
{
    static const char keep[] = "-._~/";
    static const char digits[] = "0123456789ABCDEF";
    if (!s)
        return NULL;
    char *out = malloc(3 * strlen(s) + 1), *o = out;
    if (!out)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr(keep, *p)) {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = digits[*p >> 4];
            *o++ = digits[*p & 0xF];
        }
    }
    *o = '\0';
    return out;
}
