/* Streams used the usual ways, all closed: no findings.  fprintf() and
 * fputs() borrow their stream; a descriptor printed by fprintf() stays
 * ours. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int dump_listing(const char *dir, const char *out)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    FILE *fp = fopen(out, "w");
    if (!fp) {
        closedir(d);
        return -1;
    }
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        fprintf(fp, "%s\n", de->d_name);
    closedir(d);
    if (fflush(fp) != 0 || ferror(fp)) {
        fclose(fp);
        return -1;
    }
    return fclose(fp);
}

int run_and_count(const char *cmd)
{
    char *line = NULL;
    size_t cap = 0;
    int n = 0;
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    while (getline(&line, &cap, p) > 0)
        n++;
    free(line);
    if (pclose(p) != 0)
        return -1;
    return n;
}

int log_socket(FILE *log)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    fprintf(log, "opened socket %d\n", fd);
    fputs("ready\n", log);
    fflush(log);
    return fd;
}

char *slurp_memstream(const char *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return NULL;
    fputs(s, m);
    fclose(m);
    return buf;
}

int redirect_stdout(const char *path)
{
    if (freopen(path, "w", stdout) == NULL)
        return -1;
    return 0;
}
