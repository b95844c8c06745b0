/* A BIO pair handed to the session with SSL_set_bio() is freed by
 * SSL_free(); a memory BIO that is never attached leaks. */
#include <openssl/bio.h>
#include <openssl/ssl.h>

SSL *memory_session(SSL_CTX *ctx)
{
    SSL *ssl = SSL_new(ctx);
    if (!ssl)
        return NULL;
    BIO *rbio = BIO_new(BIO_s_mem());
    BIO *wbio = BIO_new(BIO_s_mem());
    if (!rbio || !wbio) {
        BIO_free(rbio);
        BIO_free(wbio);
        SSL_free(ssl);
        return NULL;
    }
    SSL_set_bio(ssl, rbio, wbio);
    SSL_set_connect_state(ssl);
    return ssl;
}

int peek_header(const char *pem, int len)
{
    char line[80];
    BIO *b = BIO_new_mem_buf(pem, len);
    if (!b)
        return -1;
    if (BIO_gets(b, line, sizeof line) <= 0)
        return -1; // expect: resource-leak
    BIO_free(b);
    return line[0] == '-';
}
