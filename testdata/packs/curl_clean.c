/* libcurl used correctly: handles cleaned up on every path, a multi handle
 * that only borrows its easy handles, strings freed with curl_free(). */
#include <curl/curl.h>
#include <stdio.h>

static size_t discard(char *p, size_t size, size_t n, void *ud)
{
    (void)p;
    (void)ud;
    return size * n;
}

long status_of(const char *url)
{
    long code = 0;
    CURL *curl = curl_easy_init();
    if (!curl)
        return -1;
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    if (curl_easy_perform(curl) == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    curl_easy_cleanup(curl);
    return code;
}

int fetch_two(const char *a, const char *b)
{
    int running = 0;
    CURLM *multi = curl_multi_init();
    if (!multi)
        return -1;
    CURL *h1 = curl_easy_init();
    if (!h1) {
        curl_multi_cleanup(multi);
        return -1;
    }
    CURL *h2 = curl_easy_duphandle(h1);
    if (!h2) {
        curl_easy_cleanup(h1);
        curl_multi_cleanup(multi);
        return -1;
    }
    curl_easy_setopt(h1, CURLOPT_URL, a);
    curl_easy_setopt(h2, CURLOPT_URL, b);
    curl_multi_add_handle(multi, h1);
    curl_multi_add_handle(multi, h2);
    do {
        if (curl_multi_perform(multi, &running) != CURLM_OK)
            break;
        curl_multi_poll(multi, NULL, 0, 1000, NULL);
    } while (running);
    curl_multi_remove_handle(multi, h1);
    curl_multi_remove_handle(multi, h2);
    curl_easy_cleanup(h1);
    curl_easy_cleanup(h2);
    curl_multi_cleanup(multi);
    return 0;
}

int print_escaped(CURL *curl, const char *s)
{
    char *e = curl_easy_escape(curl, s, 0);
    if (!e)
        return -1;
    printf("%s\n", e);
    curl_free(e);
    return 0;
}

int host_of(const char *url, char *out, size_t n)
{
    char *host;
    CURLU *u = curl_url();
    if (!u)
        return -1;
    if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK) {
        curl_url_cleanup(u);
        return -1;
    }
    snprintf(out, n, "%s", host);
    curl_free(host);
    curl_url_cleanup(u);
    return 0;
}
