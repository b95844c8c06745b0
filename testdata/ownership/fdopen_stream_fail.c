/* Reading request lines through stdio: when fdopen() fails nothing has
 * taken the client socket, and returning leaks it. */
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
        perror("fdopen");
        return -1; // expect: resource-leak
    }
    if (fgets(line, cap, in) == NULL)
        rc = -1;
    else
        line[strcspn(line, "\r\n")] = '\0';
    fclose(in);
    return rc;
}
