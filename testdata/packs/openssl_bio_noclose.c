/* BIO_NOCLOSE: the BIO borrows the socket, so the socket must still be
 * closed; with BIO_CLOSE, freeing the BIO closes it. */
#include <openssl/bio.h>
#include <sys/socket.h>
#include <unistd.h>

int send_banner_noclose(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    BIO *b = BIO_new_socket(fd, BIO_NOCLOSE);
    if (!b) {
        close(fd);
        return -1;
    }
    BIO_puts(b, "220 ready\r\n");
    BIO_free(b);
    return 0; // expect: resource-leak
}

int send_banner_close(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    BIO *b = BIO_new_socket(fd, BIO_CLOSE);
    if (!b) {
        close(fd);
        return -1;
    }
    BIO_puts(b, "220 ready\r\n");
    BIO_free(b);
    return 0;
}

int send_banner_fd_bio(int listener)
{
    int fd = accept(listener, NULL, NULL);
    if (fd < 0)
        return -1;
    BIO *b = BIO_new(BIO_s_socket());
    if (!b) {
        close(fd);
        return -1;
    }
    BIO_set_fd(b, fd, BIO_CLOSE);
    BIO_puts(b, "220 ready\r\n");
    BIO_free_all(b);
    return 0;
}
