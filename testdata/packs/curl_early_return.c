/* Fetching a URL with libcurl: the early return when setting the URL fails
 * leaks the easy handle, and the header list leaks when the transfer
 * fails. */
#include <curl/curl.h>
#include <stdio.h>

int fetch(const char *url, FILE *out)
{
    CURL *curl = curl_easy_init();
    if (!curl)
        return -1;
    if (curl_easy_setopt(curl, CURLOPT_URL, url) != CURLE_OK)
        return -1; // expect: resource-leak
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, out);
    CURLcode rc = curl_easy_perform(curl);
    curl_easy_cleanup(curl);
    return rc == CURLE_OK ? 0 : -1;
}

int post_json(CURL *curl, const char *body)
{
    struct curl_slist *headers = NULL;
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "Accept: application/json");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
    if (curl_easy_perform(curl) != CURLE_OK)
        return -1; // expect: resource-leak
    curl_slist_free_all(headers);
    return 0;
}
