/* Found only through the response file's -I (compdb_response.sh). */
#ifndef NETCFG_H
#define NETCFG_H
#define NET_OPEN() socket(AF_INET, SOCK_STREAM, 0)
#endif
