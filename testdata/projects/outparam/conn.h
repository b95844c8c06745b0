#ifndef CONN_H
#define CONN_H
struct sockaddr_in;
int conn_open(int *fd, const struct sockaddr_in *to);
int conn_open_strict(int *fd, const struct sockaddr_in *to);
#endif
