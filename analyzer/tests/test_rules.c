/* test_rules.c — unit tests for the rules table and the pack loader.
 *
 * Loads the shipped rules/posix.json and checks rows the engine depends on;
 * writes small packs (good and malformed) to a temporary directory and checks
 * merging, directory loading and that each error names file, line, column and
 * the problem.  It does not test the engine's use of the table.
 */
#include "rules/load.h"
#include "rules/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/check.h"

static char tmpdir[] = "/tmp/sockleak-test-rules-XXXXXX";

static char *write_pack(const char *name, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(2);
    }
    fputs(text, f);
    fclose(f);
    return path;
}

static void test_posix(void)
{
    rules_table *t = rules_table_new();
    char *err = NULL;
    int rc = rules_load_file(t, SOCKLEAK_SOURCE_RULES_DIR "/posix.json", &err);
    CHECK(rc == 0);
    if (rc != 0) {
        fprintf(stderr, "  %s\n", err);
        free(err);
        rules_table_free(t);
        return;
    }
    int fd = rules_family_find(t, "fd");
    CHECK(fd >= 0 && strcmp(rules_family(t, fd)->release_fn, "close") == 0);
    CHECK(strcmp(rules_family(t, fd)->release_verb, "closed") == 0);

    const rt_entry *e = rules_lookup(t, "socket");
    CHECK(e && e->has_acquire && e->acquire.family == fd);
    CHECK(e && e->acquire.out_arg == -1 && e->fail.kind == RT_FAIL_NEGATIVE);
    CHECK(e && e->acquire.noun && strcmp(e->acquire.noun, "socket") == 0);
    CHECK(e && strcmp(e->pack, "posix") == 0);

    e = rules_lookup(t, "pipe");
    CHECK(e && e->acquire.out_arg == 0 && e->acquire.out_count == 2);
    CHECK(e && e->fail.kind == RT_FAIL_NONZERO);
    e = rules_lookup(t, "socketpair");
    CHECK(e && e->acquire.out_arg == 3 && e->acquire.out_count == 2);

    e = rules_lookup(t, "fcntl");
    CHECK(e && e->acquire.when_arg == 1 && e->acquire.nwhen == 2 &&
          e->acquire.when_values[1] == 1030 && e->borrow == 1u);
    /* dup2 returns its second argument: a descriptor the caller already has */
    e = rules_lookup(t, "dup2");
    CHECK(e && !e->has_acquire && e->borrow == 3u);
    e = rules_lookup(t, "signalfd");
    CHECK(e && e->acquire.when_arg == 0 && e->acquire.when_values[0] == -1);

    e = rules_lookup(t, "close");
    CHECK(e && e->release == 1u && !e->has_acquire);
    e = rules_lookup(t, "shutdown");
    CHECK(e && e->half_release == 1u && e->release == 0);
    /* registering (EPOLL_CTL_ADD, _MOD: bit 0 of the operation) hands the
     * descriptor to the epoll set when it succeeds; removing only borrows */
    e = rules_lookup(t, "epoll_ctl");
    CHECK(e && e->borrow == 1u && e->transfer == 4u && e->transfer_on_success == 4u &&
          e->transfer_when_arg == 1 && e->transfer_when_mask == 1 &&
          e->fail.kind == RT_FAIL_NEGATIVE);
    e = rules_lookup(t, "fdopen");
    CHECK(e && e->transfer == 1u && e->transfer_on_success == 1u &&
          e->transfer_family == -1 && e->fail.kind == RT_FAIL_NULL);
    e = rules_lookup(t, "exit");
    CHECK(e && e->noreturn && !e->nonlocal_exit);
    e = rules_lookup(t, "longjmp");
    CHECK(e && e->nonlocal_exit && !e->noreturn);
    e = rules_lookup(t, "printf");
    CHECK(e && e->harmless && !e->borrow);
    CHECK(rules_lookup(t, "no_such_function") == NULL);
    CHECK(rules_count(t) > 150);
    for (int i = 0; i < rules_count(t); i++)
        CHECK(rules_lookup(t, rules_at(t, i)->key) == rules_at(t, i));
    rules_table_free(t);
}

/* A user pack that uses "fd" from posix, adds a family, and redefines a
 * posix function (merge: the keys it gives replace those roles). */
static void test_merge_and_dir(void)
{
    write_pack("b-user.json",
               "{\"pack\": \"user\",\n"
               " \"families\": [{\"name\": \"conn\", \"release_fn\": null}],\n"
               " \"functions\": [\n"
               "  {\"name\": \"conn_open\", \"acquire\": {\"family\": \"conn\"},"
               " \"fails\": \"== -2\"},\n"
               "  {\"name\": \"close\", \"borrow\": [1]},\n"
               "  {\"name\": \"fdopen\", \"becomes\": \"conn\"},\n"
               "  {\"name\": \"send\", \"harmless\": true},\n"
               "  {\"name\": \"puts\", \"borrow\": [0]},\n"
               "  {\"name\": \"wrap\", \"acquire\": {\"family\": \"fd\"}}]}\n");
    write_pack("a-base.json", "{\"pack\": \"base\", \"families\": [{\"name\":"
               " \"fd\"}], \"functions\": [{\"name\": \"fdopen\", "
               "\"transfer\": [0]}, {\"name\": \"close\", \"release\": [0]},"
               " {\"name\": \"send\", \"borrow\": [0]}, {\"name\": \"puts\","
               " \"harmless\": true}]}");
    write_pack("c.schema.json", "not json");
    write_pack(".hidden.json", "not json");
    rules_table *t = rules_table_new();
    char *err = NULL;
    CHECK(rules_load_dir(t, tmpdir, &err) == 0);
    if (err)
        fprintf(stderr, "  %s\n", err);
    free(err);
    const rt_entry *e = rules_lookup(t, "conn_open");
    int conn = rules_family_find(t, "conn");
    CHECK(e && e->acquire.family == conn && e->fail.kind == RT_FAIL_EQ &&
          e->fail.value == -2);
    CHECK(conn >= 0 && rules_family(t, conn)->release_fn == NULL);
    CHECK(conn >= 0 && strcmp(rules_family(t, conn)->noun, "conn") == 0);
    e = rules_lookup(t, "close");
    CHECK(e && e->release == 1u && e->borrow == 2u);
    CHECK(e && strcmp(e->pack, "user") == 0);
    e = rules_lookup(t, "fdopen");
    CHECK(e && e->transfer == 1u && e->transfer_family == conn);
    e = rules_lookup(t, "send");
    CHECK(e && e->harmless && e->borrow == 0);
    e = rules_lookup(t, "puts");
    CHECK(e && !e->harmless && e->borrow == 1u);
    rules_table_free(t);
    unlink(write_pack("b-user.json", ""));
    unlink(write_pack("a-base.json", ""));
    unlink(write_pack("c.schema.json", ""));
    unlink(write_pack(".hidden.json", ""));
}

/* "transfer_when" fills transfer_when_arg/mask; a later pack's null removes
 * it, and "harmless" clears it with the other roles. */
static void test_transfer_when(void)
{
    rules_table *t = rules_table_new();
    char *err = NULL;
    char *path = write_pack("tw1.json",
        "{\"pack\": \"tw1\", \"families\": [{\"name\": \"bio\"}],\n"
        " \"functions\": [\n"
        "  {\"name\": \"BIO_new_socket\", \"acquire\": {\"family\": \"bio\"},"
        " \"fails\": \"== NULL\", \"transfer\": [0], \"transfer_on_success\":"
        " true, \"transfer_when\": {\"arg\": 1, \"mask\": 1}},\n"
        "  {\"name\": \"give\", \"transfer\": [3], \"transfer_when\":"
        " {\"arg\": 2, \"mask\": -2}},\n"
        "  {\"name\": \"plain\", \"transfer\": [0]},\n"
        "  {\"name\": \"gone\", \"transfer\": [0], \"transfer_when\":"
        " {\"arg\": 1, \"mask\": 4}}]}\n");
    CHECK(rules_load_file(t, path, &err) == 0);
    if (err)
        fprintf(stderr, "  %s\n", err);
    free(err);
    const rt_entry *e = rules_lookup(t, "BIO_new_socket");
    CHECK(e && e->transfer == 1u && e->transfer_on_success == 1u &&
          e->transfer_when_arg == 1 && e->transfer_when_mask == 1);
    e = rules_lookup(t, "give");
    CHECK(e && e->transfer == 8u && e->transfer_when_arg == 2 &&
          e->transfer_when_mask == -2);
    e = rules_lookup(t, "plain");
    CHECK(e && e->transfer_when_arg == -1);

    path = write_pack("tw2.json",
        "{\"pack\": \"tw2\", \"functions\": [\n"
        "  {\"name\": \"BIO_new_socket\", \"borrow\": [0]},\n"
        "  {\"name\": \"give\", \"transfer_when\": null},\n"
        "  {\"name\": \"plain\", \"transfer_when\": {\"arg\": 2, \"mask\": 8}},\n"
        "  {\"name\": \"gone\", \"harmless\": true}]}\n");
    err = NULL;
    CHECK(rules_load_file(t, path, &err) == 0);
    if (err)
        fprintf(stderr, "  %s\n", err);
    free(err);
    e = rules_lookup(t, "BIO_new_socket");
    CHECK(e && e->transfer_when_arg == 1 && e->transfer_when_mask == 1 &&
          e->borrow == 1u && e->has_acquire);
    e = rules_lookup(t, "give");
    CHECK(e && e->transfer == 8u && e->transfer_when_arg == -1);
    e = rules_lookup(t, "plain");
    CHECK(e && e->transfer_when_arg == 2 && e->transfer_when_mask == 8);
    e = rules_lookup(t, "gone");
    CHECK(e && e->harmless && e->transfer == 0 && e->transfer_when_arg == -1);
    rules_table_free(t);
    unlink(write_pack("tw1.json", ""));
    unlink(write_pack("tw2.json", ""));
}

/* Every shipped pack loads on its own and in the default set; a family
 * that several packs declare is declared identically everywhere (so the
 * load order cannot change a message); rows that need two packs merged. */
static void test_shipped_packs(void)
{
    rules_table *all = rules_table_new();
    char *err = NULL;
    int rc = rules_load_dir(all, SOCKLEAK_SOURCE_RULES_DIR, &err);
    CHECK(rc == 0);
    if (rc != 0) {
        fprintf(stderr, "  %s\n", err);
        free(err);
        rules_table_free(all);
        return;
    }
    static const char *const packs[] = {"posix", "stdio", "netdb", "openssl",
                                        "curl", "libevent", "zlib"};
    for (size_t i = 0; i < sizeof packs / sizeof packs[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s.json", SOCKLEAK_SOURCE_RULES_DIR,
                 packs[i]);
        rules_table *one = rules_table_new();
        err = NULL;
        CHECK(rules_load_file(one, path, &err) == 0);
        if (err)
            fprintf(stderr, "  %s\n", err);
        free(err);
        for (int f = 0; f < rules_family_count(one); f++) {
            const rt_family *a = rules_family(one, f);
            int j = rules_family_find(all, a->name);
            const rt_family *b = j >= 0 ? rules_family(all, j) : NULL;
            int same = b && strcmp(a->noun, b->noun) == 0 &&
                       strcmp(a->release_verb, b->release_verb) == 0 &&
                       (a->release_fn && b->release_fn
                            ? strcmp(a->release_fn, b->release_fn) == 0
                            : a->release_fn == b->release_fn);
            CHECK(same);
            if (!same)
                fprintf(stderr, "  %s: family \"%s\" differs from the first "
                        "declaration\n", packs[i], a->name);
        }
        rules_table_free(one);
    }
    int stream = rules_family_find(all, "stream");
    const rt_entry *e = rules_lookup(all, "fdopen");
    CHECK(stream >= 0 && e && e->has_acquire && e->acquire.family == stream &&
          e->transfer == 1u && e->transfer_on_success == 1u &&
          e->transfer_family == stream && e->fail.kind == RT_FAIL_NULL);
    e = rules_lookup(all, "fprintf"); /* harmless in posix, borrows in stdio */
    CHECK(e && !e->harmless && e->borrow == 1u && strcmp(e->pack, "stdio") == 0);
    e = rules_lookup(all, "fputs");
    CHECK(e && !e->harmless && e->borrow == 2u);
    e = rules_lookup(all, "getaddrinfo");
    CHECK(e && e->acquire.out_arg == 3 && e->acquire.out_count == 0 &&
          e->fail.kind == RT_FAIL_NONZERO &&
          e->acquire.family == rules_family_find(all, "addrinfo"));
    e = rules_lookup(all, "BIO_new_socket");
    CHECK(e && e->transfer == 1u && e->transfer_when_arg == 1 &&
          e->transfer_when_mask == 1 && e->has_acquire);
    e = rules_lookup(all, "bufferevent_socket_new");
    CHECK(e && e->transfer == 2u && e->transfer_when_arg == 2 &&
          e->transfer_when_mask == 1 && e->borrow == 1u);
    e = rules_lookup(all, "SSL_shutdown");
    CHECK(e && e->release == 0 && e->borrow == 1u);
    e = rules_lookup(all, "curl_multi_add_handle");
    CHECK(e && e->borrow == 3u && e->transfer == 0);
    e = rules_lookup(all, "gzdopen");
    CHECK(e && e->transfer == 1u && e->transfer_on_success == 1u);
    rules_table_free(all);
}

static const struct {
    const char *name, *text, *expect; /* expect: "LINE:COL: substring" */
} bad[] = {
    {"syntax.json", "{\"pack\": \"x\",\n  \"functions\": [\n    {\"name\": "
     "\"a\" \"release\": [0]}\n  ]\n}\n", "3:18: JSON syntax error"},
    {"truncated.json", "{\"pack\": \"x\",\n  \"functions\": [\n",
     "2:16: JSON syntax error"},
    {"empty.json", "  \n", "1:1: JSON syntax error"},
    {"unknown_key.json", "{\"pack\": \"x\",\n  \"functions\": [\n"
     "    {\"name\": \"a\"},\n    {\"name\": \"b\", \"aquire\": {}}\n  ]\n}\n",
     "4:19: unknown key \"aquire\""},
    {"unknown_top.json", "{\"pack\": \"x\", \"functions\": [],\n"
     "   \"extra\": 1}", "2:4: unknown key \"extra\""},
    {"wrong_type.json", "{\"pack\": \"x\",\n \"functions\": [\n"
     "  {\"name\": \"a\",\n   \"release\": 0}]}", "4:15: \"release\" must be "
     "an array"},
    {"wrong_type_bool.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"a\", \"noreturn\": \"yes\"}]}",
     "2:29: \"noreturn\" must be true or false"},
    {"float_arg.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"a\", \"acquire\": {\"family\": \"f\", \"out_arg\": 1.5}}],\n"
     " \"families\": [{\"name\": \"f\"}]}", "2:55: \"out_arg\" must be an integer"},
    {"unknown_family.json", "{\"pack\": \"x\",\n \"families\": [{\"name\": "
     "\"fd\"}],\n \"functions\": [\n  {\"name\": \"s\", \"acquire\": "
     "{\"family\": \"fdd\"}}]}", "4:39: unknown family \"fdd\""},
    {"unknown_becomes.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"s\", \"transfer\": [0], \"becomes\": \"stream\"}]}",
     "2:45: unknown family \"stream\""},
    {"bad_fails2.json", "{\"pack\": \"x\", \"functions\": [{\"name\": \"s\","
     " \"fails\": \"== --1\"}]}", "1:52: bad \"fails\" value \"== --1\""},
    {"bad_fails.json", "{\"pack\": \"x\", \"functions\": [\n  {\"name\": \"s\","
     "\n   \"fails\": \"<= 0\"}]}", "3:13: bad \"fails\" value \"<= 0\""},
    {"dup_function.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"close\", \"release\": [0]},\n"
     "  {\"name\": \"close\", \"borrow\": [0]}]}",
     "3:12: function \"close\" is listed twice"},
    {"dup_key.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"a\", \"name\": \"b\"}]}", "2:17: duplicate key \"name\""},
    {"arg_range.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"a\", \"borrow\": [0, 32]}]}",
     "2:31: \"borrow\" must be between 0 and 31"},
    {"missing_name.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"release\": [0]}]}", "2:3: a function entry lacks the required key "
     "\"name\""},
    {"missing_functions.json", "\n {\"pack\": \"x\"}", "2:2: the pack lacks "
     "the required key \"functions\""},
    {"not_object.json", "{\"pack\": \"x\", \"functions\": [\"socket\"]}",
     "1:29: a function entry must be an object"},
    {"when_unpaired.json", "{\"pack\": \"x\", \"families\": [{\"name\": \"f\"}],"
     "\n \"functions\": [{\"name\": \"a\", \"acquire\": {\"family\": \"f\", "
     "\"when_arg\": 1}}]}", "2:69: \"when_arg\" needs \"when_values\""},
    {"harmless_conflict.json", "{\"pack\": \"x\", \"functions\": [{\"name\": "
     "\"a\", \"borrow\": [0], \"harmless\": true}]}",
     "1:70: a \"harmless\" function cannot"},
    {"tos.json", "{\"pack\": \"x\", \"functions\": [{\"name\": \"a\", "
     "\"transfer\": [0], \"transfer_on_success\": true}]}",
     "1:83: \"transfer_on_success\" needs a \"fails\" condition"},
    {"tos_no_transfer.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"a\", \"fails\": \"< 0\", \"transfer_on_success\": true}]}",
     "2:56: \"transfer_on_success\" needs \"transfer\""},
    {"becomes_no_transfer.json", "{\"pack\": \"x\", \"families\": "
     "[{\"name\": \"s\"}],\n \"functions\": [{\"name\": \"a\", "
     "\"becomes\": \"s\"}]}", "2:41: \"becomes\" needs \"transfer\""},
    {"out_count_alone.json", "{\"pack\": \"x\", \"families\": [{\"name\": "
     "\"f\"}],\n \"functions\": [{\"name\": \"a\", \"acquire\": "
     "{\"family\": \"f\", \"out_count\": 2}}]}",
     "2:70: \"out_count\" needs \"out_arg\""},
    {"unless_unpaired.json", "{\"pack\": \"x\", \"families\": [{\"name\": "
     "\"f\"}],\n \"functions\": [{\"name\": \"a\", \"acquire\": "
     "{\"family\": \"f\", \"unless_max\": 2}}]}",
     "2:71: \"unless_max\" needs \"unless_arg\""},
    {"when_too_many.json", "{\"pack\": \"x\", \"families\": [{\"name\": "
     "\"f\"}],\n \"functions\": [{\"name\": \"a\", \"acquire\": "
     "{\"family\": \"f\", \"when_arg\": 1,\n  \"when_values\": "
     "[1, 2, 3, 4, 5]}}]}", "3:18: \"when_values\" must list 1 to 4"},
    {"when_not_int.json", "{\"pack\": \"x\", \"families\": [{\"name\": "
     "\"f\"}],\n \"functions\": [{\"name\": \"a\", \"acquire\": "
     "{\"family\": \"f\", \"when_arg\": 1,\n  \"when_values\": "
     "[1, \"F_DUPFD\"]}}]}", "3:22: \"when_values\" must list integers"},
    {"out_count_range.json", "{\"pack\": \"x\", \"families\": [{\"name\": "
     "\"f\"}],\n \"functions\": [{\"name\": \"a\", \"acquire\": "
     "{\"family\": \"f\", \"out_arg\": 0, \"out_count\": 2000}}]}",
     "2:84: \"out_count\" must be between 0 and 1024"},
    {"acquire_type.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"a\", \"acquire\": \"fd\"}]}",
     "2:28: \"acquire\" must be an object or null"},
    {"no_acquire_family.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"a\", \"acquire\": {\"noun\": \"socket\"}}]}",
     "2:28: \"acquire\" lacks the required key \"family\""},
    {"dup_family.json", "{\"pack\": \"x\", \"families\": [\n"
     "  {\"name\": \"fd\"},\n  {\"name\": \"fd\", \"noun\": \"socket\"}],\n"
     " \"functions\": []}", "3:12: family \"fd\" is declared twice"},
    {"family_no_name.json", "{\"pack\": \"x\", \"families\": [\n"
     "  {\"noun\": \"socket\"}], \"functions\": []}",
     "2:3: a family lacks the required key \"name\""},
    {"family_not_object.json", "{\"pack\": \"x\", \"families\": [\"fd\"], "
     "\"functions\": []}", "1:28: a family must be an object"},
    {"empty_name.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"\", \"release\": [0]}]}",
     "2:12: function \"name\" must not be empty"},
    {"empty_pack.json", "{\"pack\": \"\", \"functions\": []}",
     "1:10: the pack's \"pack\" must not be empty"},
    {"missing_pack.json", "{\"functions\": []}",
     "1:1: the pack lacks the required key \"pack\""},
    {"root_array.json", "\n  [{\"pack\": \"x\"}]", "2:3: the pack must be an "
     "object"},
    {"fails_range.json", "{\"pack\": \"x\", \"functions\": [{\"name\": \"s\","
     " \"fails\": \"== 99999999999999999999\"}]}",
     "1:52: bad \"fails\" value"},
    {"tw_no_transfer.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"a\", \"borrow\": [0],\n"
     "   \"transfer_when\": {\"arg\": 1, \"mask\": 1}}]}",
     "3:21: \"transfer_when\" needs \"transfer\""},
    {"tw_no_mask.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"a\", \"transfer\": [0],\n"
     "   \"transfer_when\": {\"arg\": 1}}]}",
     "3:21: \"transfer_when\" lacks the required key \"mask\""},
    {"tw_mask_zero.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"a\", \"transfer\": [0],\n"
     "   \"transfer_when\": {\"arg\": 1, \"mask\": 0}}]}",
     "3:40: \"mask\" must not be 0"},
    {"tw_arg_range.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"a\", \"transfer\": [0],\n"
     "   \"transfer_when\": {\"arg\": 40, \"mask\": 1}}]}",
     "3:29: \"arg\" must be between 0 and 31"},
    {"tw_unknown_key.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"a\", \"transfer\": [0],\n"
     "   \"transfer_when\": {\"arg\": 1, \"mask\": 1, \"value\": 1}}]}",
     "3:43: unknown key \"value\" in \"transfer_when\""},
    {"tw_type.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"a\", \"transfer\": [0], \"transfer_when\": [1, 1]}]}",
     "2:51: \"transfer_when\" must be an object or null"},
    {"tw_mask_float.json", "{\"pack\": \"x\", \"functions\": [\n"
     "  {\"name\": \"a\", \"transfer\": [0],\n"
     "   \"transfer_when\": {\"arg\": 1, \"mask\": 0.5}}]}",
     "3:40: \"mask\" must be an integer"},
};

static void test_errors(void)
{
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *path = write_pack(bad[i].name, bad[i].text);
        char want[1024], *err = NULL;
        snprintf(want, sizeof want, "%s:%s", path, bad[i].expect);
        rules_table *t = rules_table_new();
        int rc = rules_load_file(t, path, &err);
        CHECK(rc == -1);
        CHECK(err && strncmp(err, want, strlen(want)) == 0);
        if (!err || strncmp(err, want, strlen(want)) != 0)
            fprintf(stderr, "  %s\n    want: %s...\n    got:  %s\n",
                    bad[i].name, want, err ? err : "(no error)");
        CHECK(err && !strchr(err, '\n'));
        free(err);
        rules_table_free(t);
        unlink(path);
    }
}

static void test_io_errors(void)
{
    rules_table *t = rules_table_new();
    char *err = NULL;
    CHECK(rules_load_file(t, "/nonexistent/x.json", &err) == -1);
    CHECK(err && strstr(err, "/nonexistent/x.json: cannot read"));
    free(err);
    err = NULL;
    CHECK(rules_load_dir(t, "/nonexistent", &err) == -1);
    CHECK(err && strstr(err, "/nonexistent: cannot read directory"));
    free(err);
    rules_table_free(t);
}

/* Many rows: the hash index grows and every row stays reachable. */
static void test_table(void)
{
    rules_table *t = rules_table_new();
    char key[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "fn%d", i);
        rt_entry *e = rules_entry(t, key, i % 2 ? "p" : NULL);
        CHECK(e && e->acquire.out_arg == -1 && e->transfer_family == -1);
        if (e)
            e->borrow = (uint32_t)i;
    }
    CHECK(rules_count(t) == 5000);
    CHECK(rules_entry(t, "fn42", "q") == rules_lookup(t, "fn42"));
    CHECK(rules_count(t) == 5000);
    const rt_entry *e = rules_lookup(t, "fn4999");
    CHECK(e && e->borrow == 4999 && strcmp(e->pack, "p") == 0);
    CHECK(rules_family_add(t, "a", "A", "closed", NULL) == 0);
    CHECK(rules_family_add(t, "b", NULL, NULL, NULL) == 1);
    CHECK(rules_family_add(t, "a", "other", NULL, NULL) == 0);
    CHECK(rules_family_count(t) == 2 && rules_family_find(t, "c") == -1);
    rules_table_free(t);
    rules_table_free(NULL);
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 2;
    }
    test_table();
    test_posix();
    test_merge_and_dir();
    test_transfer_when();
    test_shipped_packs();
    test_errors();
    test_io_errors();
    rmdir(tmpdir);
    if (failures)
        fprintf(stderr, "test_rules: %d check(s) failed\n", failures);
    else
        printf("test_rules: all checks passed\n");
    return failures != 0;
}
