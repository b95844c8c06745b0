/* wire.h — found only through -I"inc dir".  The acquisition and release
 * macros below are what make the findings in this project. */
#ifndef QUOTED_WIRE_H
#define QUOTED_WIRE_H

#include <sys/socket.h>
#include <unistd.h>

#define WIRE_OPEN() socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)
#define WIRE_CLOSE(fd) close(fd)
#define WIRE_BANNER GREETING "\r\n"

#endif
