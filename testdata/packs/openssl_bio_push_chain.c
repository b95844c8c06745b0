/* BIO_push(head, tail) appends tail to head and returns head.  Freeing the
 * returned chain with BIO_free_all releases head too. */
#include <openssl/bio.h>
#include <openssl/evp.h>

/* correct: the chain (whose head is 'filter') is freed through 'chain' */
int encode_ok(const void *data, int len)
{
    BIO *filter = BIO_new(BIO_f_base64());
    if (filter == NULL)
        return -1;
    BIO *sink = BIO_new(BIO_s_mem());
    if (sink == NULL) {
        BIO_free(filter);
        return -1;
    }
    BIO *chain = BIO_push(filter, sink);
    int n = BIO_write(chain, data, len);
    BIO_free_all(chain);
    return n;
}

/* twin that really leaks: the chain is never freed */
int encode_leak(const void *data, int len)
{
    BIO *filter = BIO_new(BIO_f_base64());
    if (filter == NULL)
        return -1;
    BIO *sink = BIO_new(BIO_s_mem());
    if (sink == NULL) {
        BIO_free(filter);
        return -1;
    }
    BIO *chain = BIO_push(filter, sink);
    return BIO_write(chain, data, len); // expect: resource-leak
}

/* the chain put back into the same variable: still one BIO to free */
int encode_self_assign(const void *data, int len)
{
    BIO *b64 = BIO_new(BIO_f_base64());
    if (b64 == NULL)
        return -1;
    BIO *mem = BIO_new(BIO_s_mem());
    if (mem == NULL) {
        BIO_free(b64);
        return -1;
    }
    b64 = BIO_push(b64, mem);
    int n = BIO_write(b64, data, len);
    BIO_free_all(b64);
    return n;
}
