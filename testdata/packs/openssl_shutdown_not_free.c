/* SSL_shutdown() sends close_notify but frees nothing: the session leaks. */
#include <openssl/ssl.h>
#include <unistd.h>

int tls_hello(SSL_CTX *ctx, int fd)
{
    SSL *ssl = SSL_new(ctx);
    if (!ssl)
        return -1;
    SSL_set_fd(ssl, fd);
    if (SSL_accept(ssl) <= 0) {
        SSL_free(ssl);
        return -1;
    }
    SSL_write(ssl, "hello\n", 6);
    SSL_shutdown(ssl);
    return 0; // expect: resource-leak
}
