/* Adding an easy handle to a multi handle does not hand it over: after
 * curl_multi_cleanup() the easy handle still needs curl_easy_cleanup(). */
#include <curl/curl.h>

int run_one(const char *url)
{
    int running = 1;
    CURLM *multi = curl_multi_init();
    if (!multi)
        return -1;
    CURL *easy = curl_easy_init();
    if (!easy) {
        curl_multi_cleanup(multi);
        return -1;
    }
    curl_easy_setopt(easy, CURLOPT_URL, url);
    curl_multi_add_handle(multi, easy);
    while (running && curl_multi_perform(multi, &running) == CURLM_OK)
        curl_multi_wait(multi, NULL, 0, 1000, NULL);
    curl_multi_remove_handle(multi, easy);
    curl_multi_cleanup(multi);
    return 0; // expect: resource-leak
}
