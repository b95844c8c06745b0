/* A TLS client: when the handshake fails, the function returns without
 * SSL_free() and the session leaks.  The socket is the caller's. */
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdio.h>

SSL *tls_start(SSL_CTX *ctx, int fd, const char *host)
{
    SSL *ssl = SSL_new(ctx);
    if (!ssl)
        return NULL;
    if (!SSL_set_fd(ssl, fd)) {
        SSL_free(ssl);
        return NULL;
    }
    SSL_set_tlsext_host_name(ssl, host);
    if (SSL_connect(ssl) <= 0) {
        ERR_print_errors_fp(stderr);
        return NULL; // expect: resource-leak
    }
    return ssl;
}
