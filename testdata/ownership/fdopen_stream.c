/* Reading request lines through stdio: once fdopen() succeeds the stream
 * owns the client socket and fclose() closes both; when it fails the
 * socket is still ours and is closed by hand. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int read_request_line(int lfd, char *line, int cap)
{
    FILE *in;
    int rc = 0;
    int c = accept(lfd, NULL, NULL);

    if (c < 0)
        return -1;
    in = fdopen(c, "r");
    if (in == NULL) {
        close(c);
        return -1;
    }
    if (fgets(line, cap, in) == NULL)
        rc = -1;
    else
        line[strcspn(line, "\r\n")] = '\0';
    fclose(in);
    return rc;
}
