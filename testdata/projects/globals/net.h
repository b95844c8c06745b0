#ifndef NET_H
#define NET_H
extern int g_listen;
extern int g_stats;
int listen_open(void);
void listen_close(void);
int stats_open(void);
#endif
