/* sock.h — a listener built in three layers, one per file, and torn down
 * in two: open_a() (a.c) -> open_b() (b.c) -> open_c() (c.c) -> socket(),
 * and drop_a() (a.c) -> drop_b() (b.c) -> close(). */
#ifndef CHAIN_SOCK_H
#define CHAIN_SOCK_H

int open_a(unsigned short port);   /* a bound TCP socket, or -1 */
int open_b(void);                  /* a TCP socket with SO_REUSEADDR, or -1 */
int open_c(void);                  /* socket(), or -1 */

void drop_a(int fd);               /* closes fd (through drop_b) */
void drop_b(int fd);               /* closes fd */

#endif
