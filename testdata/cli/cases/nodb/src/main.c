/* main.c — the daemon's entry point.  config.h and version.h are made by
 * configure: they are not in the tree. */
#include "config.h"
#include "version.h"

#include <stdio.h>

#include "proto.h"

int main(void)
{
    printf("minid %s\n", MINID_VERSION);
    return server_listen(PROTO_PORT) < 0;
}
