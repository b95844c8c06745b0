/* net.h — the client's connection helpers (net.c). */
#ifndef CLIENT_NET_H
#define CLIENT_NET_H

/* Connects to host:port (a dotted IPv4 address).  Returns a connected
 * socket the caller must net_close(), or -1. */
int tcp_connect(const char *host, unsigned short port);

/* Closes a socket from tcp_connect(). */
void net_close(int fd);

/* The same, for cleanup paths: ignores -1 and keeps errno. */
void net_close_quietly(int fd);

#endif
