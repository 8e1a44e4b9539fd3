/*
 * Concurrency: 8 threads call the JSON, struct and batch entry points at once, sharing one
 * calendar handle and one policy; every answer must equal the serial one.
 */
#include "juzhu.h"
#include "readfile.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 8
#define ROUNDS 25 /* JUZHU_TEST_ROUNDS overrides it (helgrind runs a few) */
#define MAX_CASES 256

static char *inputs[MAX_CASES];
static size_t input_len[MAX_CASES];
static char *serial[MAX_CASES];
static char *serial_cal[MAX_CASES];
static int ncases = 0;
static int rounds = ROUNDS;
static juzhu_calendar *shared_calendar = NULL;
static juzhu_policy shared_policy;
static juzhu_person people[4];
static juzhu_assessment serial_people[4];

static const char *CALENDAR =
    "{\"base\":\"china\",\"years\":{\"2027\":{\"rest_days\":[\"2027-01-01\",\"2027-02-08\"],"
    "\"working_days\":[\"2027-02-06\"],\"source\":\"test\"}}}";

/* Extracts the "input" object of a case file by brace matching (strings respected). */
static int load_input(const char *path) {
    size_t n;
    char *text = read_file(path, &n), *p, *start;
    int depth = 0, in_string = 0;
    if (!text) return 0;
    p = strstr(text, "\"input\"");
    if (!p || !(start = strchr(p, '{'))) { free(text); return 0; }
    for (p = start; *p; p++) {
        if (in_string) { if (*p == '\\') p++; else if (*p == '"') in_string = 0; continue; }
        if (*p == '"') in_string = 1;
        else if (*p == '{') depth++;
        else if (*p == '}' && --depth == 0) break;
    }
    input_len[ncases] = (size_t)(p - start + 1);
    inputs[ncases] = (char *)malloc(input_len[ncases]);
    memcpy(inputs[ncases], start, input_len[ncases]);
    free(text);
    ncases++;
    return 1;
}

static int person_same(const juzhu_assessment *a, const juzhu_assessment *b) {
    return a->status == b->status && a->registration_deadline == b->registration_deadline &&
           a->registration_status == b->registration_status && a->permit_status == b->permit_status &&
           a->permit_deadline == b->permit_deadline && a->entitlements == b->entitlements &&
           a->interpretations == b->interpretations && a->consequence == b->consequence &&
           a->permit_expires_on == b->permit_expires_on && a->calendar_provisional == b->calendar_provisional;
}

static void *worker(void *arg) {
    long bad = 0;
    int round, i;
    (void)arg;
    for (round = 0; round < rounds; round++) {
        juzhu_assessment batch[4], one;
        for (i = 0; i < ncases; i++) {
            char *out = NULL;
            size_t len = 0;
            juzhu_assess_json(inputs[i], input_len[i], &out, &len);
            if (!out || strcmp(out, serial[i]) != 0) bad++;
            juzhu_string_free(out);
            out = NULL;
            juzhu_assess_json_ex(shared_calendar, JUZHU_ENCODING_UTF8, inputs[i], input_len[i], &out, &len);
            if (!out || strcmp(out, serial_cal[i]) != 0) bad++;
            juzhu_string_free(out);
        }
        if (juzhu_assess_batch(&shared_policy, 20270205, people, 4, batch, NULL, NULL, NULL) != JUZHU_STATUS_OK) bad++;
        for (i = 0; i < 4; i++) {
            if (!person_same(&batch[i], &serial_people[i])) bad++;
            if (juzhu_assess_person(&shared_policy, 20270205, &people[i], &one, NULL) != JUZHU_STATUS_OK || !person_same(&one, &serial_people[i])) bad++;
        }
    }
    return (void *)bad;
}

int main(int argc, char **argv) {
    pthread_t threads[THREADS];
    long total = 0;
    int i;
    juzhu_error err;
    const char *r = getenv("JUZHU_TEST_ROUNDS");
    if (r && atoi(r) > 0) rounds = atoi(r);
    for (i = 1; i < argc && ncases < MAX_CASES; i++)
        if (!load_input(argv[i])) { fprintf(stderr, "cannot read %s\n", argv[i]); return 2; }
    if (juzhu_calendar_from_json(CALENDAR, strlen(CALENDAR), JUZHU_ENCODING_UTF8, &shared_calendar, &err) != JUZHU_STATUS_OK) {
        fprintf(stderr, "calendar: %s: %s\n", err.field, err.message);
        return 1;
    }
    memset(&shared_policy, 0, sizeof shared_policy);
    shared_policy.calendar = shared_calendar;
    memset(people, 0, sizeof people);
    for (i = 0; i < 4; i++) {
        static const int32_t arrivals[4] = {20270129, 20270130, 20270131, 20270201};
        people[i].category = JUZHU_CATEGORY_FLOATING;
        people[i].birth_date = 19900501;
        people[i].arrival_date = arrivals[i]; /* deadlines around the custom 2027 days */
    }
    for (i = 0; i < ncases; i++) {
        size_t len;
        juzhu_assess_json(inputs[i], input_len[i], &serial[i], &len);
        juzhu_assess_json_ex(shared_calendar, JUZHU_ENCODING_UTF8, inputs[i], input_len[i], &serial_cal[i], &len);
    }
    for (i = 0; i < 4; i++) juzhu_assess_person(&shared_policy, 20270205, &people[i], &serial_people[i], NULL);
    /* Day 7 of row 1 is Sat 6 Feb 2027, a working day in the shared calendar; day 7 of row 2 is
       Sun 7 Feb, followed by the calendar's rest day 8 Feb: due 9 Feb. */
    if (serial_people[1].registration_deadline != 20270206 || serial_people[2].registration_deadline != 20270209) {
        fprintf(stderr, "FAIL the shared calendar was not used (deadlines %d, %d)\n", (int)serial_people[1].registration_deadline,
                (int)serial_people[2].registration_deadline);
        total++;
    }
    /* The batch call's own worker threads: 4 threads give the 1-thread answer, row by row. */
    {
        size_t big = 50000, k, refused_one = 0, refused_many = 0;
        juzhu_person *rows = (juzhu_person *)calloc(big, sizeof *rows);
        juzhu_assessment *one = (juzhu_assessment *)malloc(big * sizeof *one), *many = (juzhu_assessment *)malloc(big * sizeof *many);
        juzhu_error *errs = (juzhu_error *)malloc(big * sizeof *errs);
        juzhu_policy parallel = shared_policy;
        for (k = 0; k < big; k++) {
            rows[k].category = (uint8_t)(1 + k % 4);
            rows[k].birth_date = k % 101 == 0 ? 20300101 : 19900501;
            rows[k].arrival_date = 20240101 + (int32_t)(k % 28);
            rows[k].registered_on = k % 3 ? 20240105 : 0;
        }
        parallel.threads = 4;
        juzhu_assess_batch(&shared_policy, 20240601, rows, big, one, NULL, &refused_one, NULL);
        juzhu_assess_batch(&parallel, 20240601, rows, big, many, errs, &refused_many, NULL);
        for (k = 0; k < big; k++)
            if (!person_same(&one[k], &many[k]) || (many[k].status != JUZHU_STATUS_OK) != (errs[k].field[0] != 0)) total++;
        if (refused_one != refused_many || refused_one == 0) total++;
        printf("batch of %lu on 4 threads: %s (%lu refused rows)\n", (unsigned long)big, total ? "MISMATCH" : "identical to 1 thread",
               (unsigned long)refused_many);
        free(rows); free(one); free(many); free(errs);
    }
    for (i = 0; i < THREADS; i++) pthread_create(&threads[i], NULL, worker, NULL);
    for (i = 0; i < THREADS; i++) {
        void *bad;
        pthread_join(threads[i], &bad);
        total += (long)bad;
    }
    printf("%d threads x %d rounds x %d cases (+ struct and batch calls), shared calendar: %s\n", THREADS, rounds, ncases,
           total ? "MISMATCH" : "identical to serial");
    for (i = 0; i < ncases; i++) { free(inputs[i]); juzhu_string_free(serial[i]); juzhu_string_free(serial_cal[i]); }
    juzhu_calendar_free(shared_calendar);
    return total ? 1 : 0;
}
