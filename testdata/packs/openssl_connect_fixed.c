/* The fixed TLS client: every error path frees what it created.
 * SSL_shutdown() is not a free; SSL_free() follows it. */
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

SSL *tls_start(SSL_CTX *ctx, int fd, const char *host)
{
    SSL *ssl = SSL_new(ctx);
    if (!ssl)
        return NULL;
    if (!SSL_set_fd(ssl, fd) || !SSL_set_tlsext_host_name(ssl, host)) {
        SSL_free(ssl);
        return NULL;
    }
    if (SSL_connect(ssl) <= 0) {
        ERR_print_errors_fp(stderr);
        SSL_free(ssl);
        return NULL;
    }
    return ssl;
}

int tls_get(int fd, const char *host, const char *req, char *buf, int n)
{
    int got = -1;
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx)
        return -1;
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    if (SSL_CTX_set_default_verify_paths(ctx) != 1)
        goto out_ctx;
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
    SSL *ssl = tls_start(ctx, fd, host);
    if (!ssl)
        goto out_ctx;
    if (SSL_write(ssl, req, (int)strlen(req)) > 0)
        got = SSL_read(ssl, buf, n);
    SSL_shutdown(ssl);
    SSL_free(ssl);
out_ctx:
    SSL_CTX_free(ctx);
    return got;
}
