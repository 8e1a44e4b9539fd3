/*
 * Hostile input through the C ABI: NULL pointers, invalid UTF-8 and GB18030, truncated and
 * 10 MB JSON, nesting 100 000 deep, impossible dates, out-of-range constants. Every call must
 * return the documented status, write nothing on failure, and never crash.
 */
#include "juzhu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond, ...)                                  \
    do {                                                  \
        checks++;                                         \
        if (!(cond)) {                                    \
            fprintf(stderr, "FAIL line %d: ", __LINE__);  \
            fprintf(stderr, __VA_ARGS__);                 \
            fputc('\n', stderr);                          \
            failures++;                                   \
        }                                                 \
    } while (0)

static const char *CASE = "{\"as_of\":\"2024-10-02\",\"person\":{\"category\":\"floating\","
                          "\"birth_date\":\"1990-05-01\",\"arrival_date\":\"2024-09-28\"}}";

static char SENTINEL[] = "untouched";

/* Runs the JSON entry point; returns the status and the answer (caller frees). */
static juzhu_status json_call(const char *text, size_t len, char **out, size_t *out_len) {
    *out = SENTINEL;
    *out_len = 12345;
    return juzhu_assess_json(text, len, out, out_len);
}

static int contains(const char *hay, size_t n, const char *needle) {
    size_t k = strlen(needle), i;
    for (i = 0; i + k <= n; i++)
        if (!memcmp(hay + i, needle, k)) return 1;
    return 0;
}

static void null_arguments(void) {
    char *out = SENTINEL;
    size_t len = 7;
    juzhu_assessment a;
    juzhu_person p;
    juzhu_report_assessment ra;
    juzhu_calendar *cal = (juzhu_calendar *)SENTINEL;
    CHECK(juzhu_assess_json(NULL, 10, &out, &len) == JUZHU_STATUS_NULL_ARGUMENT, "NULL input");
    CHECK(juzhu_assess_json(CASE, strlen(CASE), NULL, &len) == JUZHU_STATUS_NULL_ARGUMENT, "NULL out");
    CHECK(juzhu_assess_json(CASE, strlen(CASE), &out, NULL) == JUZHU_STATUS_NULL_ARGUMENT, "NULL out_len");
    CHECK(out == SENTINEL && len == 7, "outputs untouched on failure");
    CHECK(juzhu_assess_json_gb18030(NULL, 0, &out, &len) == JUZHU_STATUS_NULL_ARGUMENT, "gb18030 NULL");
    CHECK(juzhu_assess_json_ex(NULL, 7, CASE, strlen(CASE), &out, &len) == JUZHU_STATUS_INVALID_ARGUMENT, "unknown encoding");
    CHECK(juzhu_assess_json(CASE, (size_t)-1, &out, &len) == JUZHU_STATUS_INVALID_ARGUMENT, "length beyond memory");
    memset(&p, 0, sizeof p);
    CHECK(juzhu_assess_person(NULL, 20241002, NULL, &a, NULL) == JUZHU_STATUS_NULL_ARGUMENT, "NULL person");
    CHECK(juzhu_assess_person(NULL, 20241002, &p, NULL, NULL) == JUZHU_STATUS_NULL_ARGUMENT, "NULL assessment");
    CHECK(juzhu_assess_reporter(NULL, 20241002, NULL, &ra, NULL) == JUZHU_STATUS_NULL_ARGUMENT, "NULL reporter");
    CHECK(juzhu_assess_batch(NULL, 20241002, NULL, 3, &a, NULL, NULL, NULL) == JUZHU_STATUS_NULL_ARGUMENT, "NULL batch input");
    CHECK(juzhu_assess_batch(NULL, 20241002, NULL, 0, NULL, NULL, NULL, NULL) == JUZHU_STATUS_OK, "empty batch");
    CHECK(juzhu_calendar_from_json(NULL, 0, JUZHU_ENCODING_UTF8, &cal, NULL) == JUZHU_STATUS_NULL_ARGUMENT, "NULL calendar json");
    CHECK(juzhu_calendar_from_json("{}", 2, JUZHU_ENCODING_UTF8, NULL, NULL) == JUZHU_STATUS_NULL_ARGUMENT, "NULL calendar out");
    CHECK(cal == (juzhu_calendar *)SENTINEL, "calendar out untouched");
    CHECK(juzhu_explain_person(NULL, 20241002, &p, 9, &out, &len, NULL) == JUZHU_STATUS_INVALID_ARGUMENT, "unknown language");
    juzhu_string_free(NULL);
    juzhu_calendar_free(NULL);
    CHECK(juzhu_name(0, 0, 0) == NULL && juzhu_name(JUZHU_VOCAB_CATEGORY, 99, 0) == NULL && juzhu_name(99, 1, 0) == NULL, "names out of range");
    CHECK(!strcmp(juzhu_status_message(-42), "unknown status"), "unknown status message");
    CHECK(!strcmp(juzhu_status_message_in(JUZHU_STATUS_INVALID_INPUT, JUZHU_FORM_EN),
                  juzhu_status_message(JUZHU_STATUS_INVALID_INPUT)), "English status message");
    CHECK(!strncmp(juzhu_status_message_in(JUZHU_STATUS_INVALID_INPUT, JUZHU_FORM_ZH), "输入有误", strlen("输入有误")),
          "Chinese status message");
    CHECK(!strcmp(juzhu_status_message_in(-42, JUZHU_FORM_ZH), "未知状态"), "unknown status in Chinese");
    CHECK(juzhu_calendar_is_rest_day(NULL, 20240230) == -1, "rest day of a non-date");
    CHECK(juzhu_calendar_is_rest_day(NULL, 101) == -1 && juzhu_calendar_is_rest_day(NULL, 99991231) == -1 &&
              juzhu_calendar_is_rest_day(NULL, 18991231) == -1 && juzhu_calendar_is_rest_day(NULL, 22000101) == -1,
          "rest day of a year the library does not read");
    CHECK(juzhu_calendar_is_rest_day(NULL, 19000101) == 0 && juzhu_calendar_is_rest_day(NULL, 21991231) == 0,
          "rest day at the edges of 1900-2199");
}

static void encodings(void) {
    char *out;
    size_t len;
    static const char bad_utf8[] = "{\"as_of\":\"2024-10-02\xff\",\"person\":{}}";
    static const char bad_gb[] = "{\"as_of\":\"2024-10-02\",\"person\":{\"category\":\"\x81\x20\"}}";
    /* 流动人口 in GB18030: a refused word, echoed back (quoted) in GB18030. */
    static const char gb_word[] = "{\"as_of\":\"2024-10-02\",\"person\":{\"category\":\"\xc1\xf7\xb6\xaf\xc8\xcb\xbf\xda\"}}";
    juzhu_status st = json_call(bad_utf8, sizeof bad_utf8 - 1, &out, &len);
    CHECK(st == JUZHU_STATUS_INVALID_ENCODING && out == SENTINEL, "invalid UTF-8: %d", (int)st);
    out = SENTINEL;
    st = juzhu_assess_json_gb18030(bad_gb, sizeof bad_gb - 1, &out, &len);
    CHECK(st == JUZHU_STATUS_INVALID_ENCODING && out == SENTINEL, "invalid GB18030: %d", (int)st);
    st = juzhu_assess_json_gb18030(gb_word, sizeof gb_word - 1, &out, &len);
    CHECK(st == JUZHU_STATUS_INVALID_INPUT && contains(out, len, "\xc1\xf7\xb6\xaf\xc8\xcb\xbf\xda") && contains(out, len, "person.category"),
          "GB18030 error echoes the word in GB18030");
    juzhu_string_free(out);
    /* A valid case in GB18030: the explanation names 国庆节 in GB18030. */
    st = juzhu_assess_json_gb18030(CASE, strlen(CASE), &out, &len);
    CHECK(st == JUZHU_STATUS_OK && contains(out, len, "\xb9\xfa\xc7\xec\xbd\xda") && contains(out, len, "2024-10-08"), "GB18030 answer");
    CHECK(strlen(out) == len, "GB18030 answer has no interior NUL");
    juzhu_string_free(out);
    /* The same case in UTF-8 names it in UTF-8. */
    st = json_call(CASE, strlen(CASE), &out, &len);
    CHECK(st == JUZHU_STATUS_OK && contains(out, len, "\xe5\x9b\xbd\xe5\xba\x86\xe8\x8a\x82"), "UTF-8 answer");
    juzhu_string_free(out);
}

static void truncated_and_huge(void) {
    size_t n = strlen(CASE), cut, len, big = 10u * 1024u * 1024u;
    char *out, *huge;
    int ok = 1;
    for (cut = 0; cut < n; cut++) {
        juzhu_status st = json_call(CASE, cut, &out, &len);
        if (st != JUZHU_STATUS_INVALID_INPUT) ok = 0;
        else if (!contains(out, len, "\"error\"")) ok = 0;
        if (out != SENTINEL) juzhu_string_free(out);
    }
    CHECK(ok, "every truncation of a case is refused with the error JSON");
    /* A length that counts the terminating NUL (strlen + 1) is read as the text; a second NUL,
       or one inside, is not text. */
    CHECK(json_call(CASE, n + 1, &out, &len) == JUZHU_STATUS_OK, "strlen + 1: the terminator ignored");
    juzhu_string_free(out);
    {
        char twice[512];
        memcpy(twice, CASE, n + 1);
        twice[n + 1] = '\0';
        CHECK(json_call(twice, n + 2, &out, &len) == JUZHU_STATUS_INVALID_INPUT, "two NULs: refused");
        juzhu_string_free(out);
    }

    /* 10 MB: a valid case padded with whitespace. */
    huge = (char *)malloc(big + n + 1);
    memset(huge, ' ', big);
    memcpy(huge + big, CASE, n + 1);
    CHECK(json_call(huge, big + n, &out, &len) == JUZHU_STATUS_OK, "10 MB of whitespace and a case");
    juzhu_string_free(out);
    /* 10 MB: one huge string in an unknown field, refused with a short message. */
    {
        static const char head[] = "{\"as_of\":\"2024-10-02\",\"person\":{\"notes\":\"";
        memcpy(huge, head, sizeof head - 1);
        memset(huge + sizeof head - 1, 'x', big - (sizeof head - 1) - 4);
        memcpy(huge + big - 4, "\"}}", 4);
    }
    CHECK(json_call(huge, big - 1, &out, &len) == JUZHU_STATUS_INVALID_INPUT && contains(out, len, "person.notes") && len < 1000,
          "10 MB string refused briefly");
    juzhu_string_free(out);
    /* Nesting 100 000 deep, bare and inside a field. */
    memset(huge, '[', 100000);
    memset(huge + 100000, ']', 100000);
    CHECK(json_call(huge, 200000, &out, &len) == JUZHU_STATUS_INVALID_INPUT, "nesting 100 000 deep");
    juzhu_string_free(out);
    {
        static const char head[] = "{\"as_of\":\"2024-10-02\",\"person\":{\"category\":";
        memcpy(huge, head, sizeof head - 1);
        memset(huge + sizeof head - 1, '{', 100000);
        CHECK(json_call(huge, sizeof head - 1 + 100000, &out, &len) == JUZHU_STATUS_INVALID_INPUT, "deep nesting inside a field");
    }
    juzhu_string_free(out);
    free(huge);
}

static void dates_and_constants(void) {
    char *out;
    size_t len;
    juzhu_person p;
    juzhu_assessment a;
    juzhu_error err;
    juzhu_policy pol;
    juzhu_reporter r;
    juzhu_report_assessment ra;
    static const char feb30[] = "{\"as_of\":\"2024-02-30\",\"person\":{\"category\":\"permanent\"}}";
    static const char year0[] = "{\"as_of\":\"2024-06-01\",\"person\":{\"category\":\"floating\",\"arrival_date\":\"0000-01-01\"}}";
    CHECK(json_call(feb30, sizeof feb30 - 1, &out, &len) == JUZHU_STATUS_INVALID_INPUT && contains(out, len, "\"field\":\"as_of\"") &&
              contains(out, len, "2024-02-30 is not a date"),
          "2024-02-30");
    juzhu_string_free(out);
    CHECK(json_call(year0, sizeof year0 - 1, &out, &len) == JUZHU_STATUS_INVALID_INPUT && contains(out, len, "person.arrival_date") &&
              contains(out, len, "outside the supported years"),
          "year 0");
    juzhu_string_free(out);

    memset(&p, 0, sizeof p);
    p.category = JUZHU_CATEGORY_FLOATING;
    p.arrival_date = 20240230;
    memset(&a, 0x5a, sizeof a);
    CHECK(juzhu_assess_person(NULL, 20241002, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.arrival_date") &&
              a.status == 0x5a5a5a5a,
          "struct date 2024-02-30 refused, output untouched");
    p.arrival_date = 101; /* year 0 */
    CHECK(juzhu_assess_person(NULL, 20241002, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.arrival_date"), "struct year 0");
    p.arrival_date = 20240928;
    p.category = 9;
    CHECK(juzhu_assess_person(NULL, 20241002, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.category"), "bad category");
    p.category = JUZHU_CATEGORY_FLOATING;
    p.studying = 2;
    CHECK(juzhu_assess_person(NULL, 20241002, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.studying"), "bad flag");
    p.studying = 0;
    p.reserved = 1;
    CHECK(juzhu_assess_person(NULL, 20241002, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.reserved"), "reserved");
    p.reserved = 0;
    /* An identity number: its birth date is used; a bad one is refused and never shown whole. */
    memcpy(p.id_number, "210102201501010011", 18);
    p.id_number[17] = '3';
    CHECK(juzhu_assess_person(NULL, 20241002, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.id_number") &&
              !strstr(err.message, "210102201501010013"),
          "bad identity number, masked");
    p.id_number[17] = '1';
    CHECK(juzhu_assess_person(NULL, 20241002, &p, &a, &err) == JUZHU_STATUS_OK && a.permit_reaches_16_on == 20310102,
          "birth date from the identity number");
    p.birth_date = 20150102;
    CHECK(juzhu_assess_person(NULL, 20241002, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.id_number"),
          "identity number against birth_date");
    p.birth_date = 0;
    memset(p.id_number, '1', sizeof p.id_number);
    CHECK(juzhu_assess_person(NULL, 20241002, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.id_number"),
          "identity number without its NUL");
    memset(p.id_number, 0, sizeof p.id_number);
    CHECK(juzhu_assess_person(NULL, 20130331, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "as_of"), "before in force");
    CHECK(juzhu_assess_person(NULL, 0, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "as_of"), "no as_of");
    memset(&pol, 0, sizeof pol);
    pol.day_counting = 7;
    CHECK(juzhu_assess_person(&pol, 20241002, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "policy.day_counting"), "bad policy");
    pol.day_counting = JUZHU_DAY_COUNTING_CALENDAR;
    CHECK(juzhu_assess_person(&pol, 20241002, &p, &a, &err) == JUZHU_STATUS_OK && a.registration_deadline == 20241005, "calendar counting");
    CHECK(juzhu_assess_person(NULL, 20241002, &p, &a, &err) == JUZHU_STATUS_OK && a.registration_deadline == 20241008 &&
              a.permit_valid == JUZHU_VALID_UNKNOWN && (a.entitlements & JUZHU_ENTITLEMENT_CHILD_IMMUNIZATION) &&
              !(a.entitlements & JUZHU_ENTITLEMENT_SOCIAL_INSURANCE) && (a.interpretations & JUZHU_INTERPRETATION_I2),
          "struct answer");
    CHECK(juzhu_explain_person(NULL, 20241002, &p, JUZHU_FORM_EN, &out, &len, &err) == JUZHU_STATUS_OK && contains(out, len, "2024-10-08") &&
              contains(out, len, "National Day"),
          "explanation");
    juzhu_string_free(out);
    CHECK(juzhu_explain_person(NULL, 20241002, &p, 0, &out, &len, &err) == JUZHU_STATUS_OK && contains(out, len, "National Day"),
          "language 0 is English, as in juzhu_policy.lang");
    juzhu_string_free(out);

    memset(&r, 0, sizeof r);
    r.kind = JUZHU_REPORTER_LANDLORD;
    CHECK(juzhu_assess_reporter(NULL, 20241002, &r, &ra, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "reporter.registered_on"), "landlord without date");
    r.kind = 0;
    CHECK(juzhu_assess_reporter(NULL, 20241002, &r, &ra, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "reporter.kind"), "no kind");
    r.kind = JUZHU_REPORTER_LANDLORD;
    r.registered_on = 20240902;
    r.concealed = 4000000000u;
    r.correction_deadline = 20240920;
    CHECK(juzhu_assess_reporter(NULL, 20241002, &r, &ra, &err) == JUZHU_STATUS_OK && ra.fine_max_yuan == 2000000000000ull &&
              ra.penalty_stage == JUZHU_PENALTY_FINE_AND_CREDIT_RECORD,
          "huge counts do not overflow");
}

/* The fields of 0.2 (RULES.md §11, §13): out-of-range values named, the new outputs filled,
   and a correction limit before its duty refused alike by the person, batch and reporter entries. */
static void overseas_and_limits(void) {
    juzhu_person p, rows[3];
    juzhu_assessment a, outs[3];
    juzhu_error err, row_errors[3];
    juzhu_reporter r;
    juzhu_report_assessment ra;
    size_t refused = 99;
    memset(&p, 0, sizeof p);
    p.category = JUZHU_CATEGORY_OVERSEAS;
    p.overseas_kind = JUZHU_OVERSEAS_FOREIGNER;
    p.arrival_date = 20240607;
    p.arrival_time = JUZHU_TIME(21, 15);
    CHECK(p.arrival_time == 1276, "JUZHU_TIME(21, 15) is 1276");
    CHECK(juzhu_assess_person(NULL, 20240620, &p, &a, &err) == JUZHU_STATUS_OK && a.registration_deadline == 20240608 &&
              a.registration_deadline_time == 1276 && a.registration_kind == JUZHU_REGISTRATION_ACCOMMODATION &&
              a.registration_duty_holder == JUZHU_HOLDER_SELF_OR_HOST && a.registration_status == JUZHU_STATE_OVERDUE &&
              a.consequence == JUZHU_CONSEQUENCE_WARNING_AND_OPTIONAL_FINE && a.fine_min_yuan == 0 && a.fine_max_yuan == 2000 &&
              (a.interpretations & JUZHU_INTERPRETATION_O1) && (a.interpretations & JUZHU_INTERPRETATION_O2) &&
              !(a.interpretations & JUZHU_INTERPRETATION_O4),
          "foreigner at a home, overdue");
    p.overseas_kind = JUZHU_OVERSEAS_TAIWAN;
    p.area = JUZHU_AREA_RURAL;
    p.registered_on = 20240611;
    CHECK(juzhu_assess_person(NULL, 20240620, &p, &a, &err) == JUZHU_STATUS_OK && a.registration_deadline == 20240610 &&
              a.registration_status == JUZHU_STATE_LATE && a.consequence == JUZHU_CONSEQUENCE_WARNING_OR_FINE && a.fine_min_yuan == 100 &&
              a.fine_max_yuan == 500 && (a.interpretations & JUZHU_INTERPRETATION_O4),
          "Taiwan resident in a village, late");
    p.overseas_kind = 4;
    CHECK(juzhu_assess_person(NULL, 20240620, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.overseas_kind"), "bad overseas kind");
    p.overseas_kind = JUZHU_OVERSEAS_HK_MACAO;
    p.area = 3;
    CHECK(juzhu_assess_person(NULL, 20240620, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.area"), "bad area");
    p.area = 0;
    p.arrival_time = 1441;
    CHECK(juzhu_assess_person(NULL, 20240620, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.arrival_time"), "time 1441");
    p.arrival_time = JUZHU_TIME(25, 0);
    CHECK(juzhu_assess_person(NULL, 20240620, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.arrival_time"), "time 25:00");
    p.arrival_time = -5;
    CHECK(juzhu_assess_person(NULL, 20240620, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.arrival_time"), "negative time");
    p.arrival_time = 0;
    p.reserved_tail[2] = 1;
    CHECK(juzhu_assess_person(NULL, 20240620, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.reserved_tail"), "reserved tail");
    p.reserved_tail[2] = 0;
    p.overseas_kind = JUZHU_OVERSEAS_FOREIGNER;
    p.arrival_date = 20130630;
    CHECK(juzhu_assess_person(NULL, 20130705, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.arrival_date"),
          "foreigner before the Exit and Entry Administration Law");
    p.category = JUZHU_CATEGORY_FLOATING;
    p.arrival_date = 20240607;
    CHECK(juzhu_assess_person(NULL, 20240620, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.overseas_kind"),
          "overseas kind on a floating person");

    /* A correction limit on the deadline of the duty it would enforce: refused everywhere. */
    memset(&p, 0, sizeof p);
    p.category = JUZHU_CATEGORY_LODGING;
    p.arrival_date = 20240928;
    p.correction_deadline = 20241008;
    CHECK(juzhu_assess_person(NULL, 20241020, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "person.correction_deadline"),
          "limit on the deadline");
    rows[0] = p;
    rows[1] = p;
    rows[1].correction_deadline = 20241009;
    rows[2] = p;
    rows[2].registered_on = 20241007;
    CHECK(juzhu_assess_batch(NULL, 20241020, rows, 3, outs, row_errors, &refused, &err) == JUZHU_STATUS_OK && refused == 1 &&
              outs[0].status == JUZHU_STATUS_INVALID_INPUT && !strcmp(row_errors[0].field, "person.correction_deadline") &&
              outs[1].status == JUZHU_STATUS_OK && outs[1].consequence == JUZHU_CONSEQUENCE_CREDIT_RECORD &&
              outs[2].status == JUZHU_STATUS_OK && outs[2].consequence == JUZHU_CONSEQUENCE_NONE,
          "batch: the limit refused per row; done on time, nothing to enforce");
    memset(&r, 0, sizeof r);
    r.kind = JUZHU_REPORTER_EMPLOYER;
    r.registered_on = 20240928;
    r.correction_deadline = 20241008;
    CHECK(juzhu_assess_reporter(NULL, 20241020, &r, &ra, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "reporter.correction_deadline"),
          "reporter limit on the report deadline");
    r.concealed = 1;
    CHECK(juzhu_assess_reporter(NULL, 20241020, &r, &ra, &err) == JUZHU_STATUS_OK && ra.penalty_stage == JUZHU_PENALTY_FINE_AND_CREDIT_RECORD,
          "with a concealment the limit may precede the report deadline");
    r.correction_deadline = 20240928;
    CHECK(juzhu_assess_reporter(NULL, 20241020, &r, &ra, &err) == JUZHU_STATUS_INVALID_INPUT && !strcmp(err.field, "reporter.correction_deadline"),
          "reporter limit on the registration day");
}

static void calendars(void) {
    juzhu_calendar *cal = NULL;
    juzhu_error err;
    static const char bad[] = "{\"years\":{\"2027\":{\"rest_days\":[\"2028-01-01\"]}}}";
    static const char good[] = "{\"base\":\"none\",\"years\":{\"2027\":{\"rest_days\":[\"2027-01-01\"]}}}";
    CHECK(juzhu_calendar_from_json(bad, sizeof bad - 1, JUZHU_ENCODING_UTF8, &cal, &err) == JUZHU_STATUS_INVALID_INPUT && cal == NULL &&
              !strcmp(err.field, "years.2027.rest_days.0"),
          "bad calendar: %s", err.field);
    CHECK(juzhu_calendar_from_json("[", 1, JUZHU_ENCODING_UTF8, &cal, &err) == JUZHU_STATUS_INVALID_INPUT && cal == NULL, "calendar not JSON");
    CHECK(juzhu_calendar_from_json(good, sizeof good, JUZHU_ENCODING_UTF8, &cal, &err) == JUZHU_STATUS_OK && cal != NULL,
          "calendar, sizeof counting the terminator");
    juzhu_calendar_free(cal);
    CHECK(juzhu_calendar_from_json(good, sizeof good - 1, JUZHU_ENCODING_UTF8, &cal, &err) == JUZHU_STATUS_OK && cal != NULL, "calendar");
    CHECK(juzhu_calendar_is_rest_day(cal, 20270101) == 1 && juzhu_calendar_is_rest_day(cal, 20241001) == 0, "base none: 2024-10-01 works");
    CHECK(juzhu_calendar_is_rest_day(NULL, 20241001) == 1, "embedded: National Day rests");
    CHECK(juzhu_calendar_has_year(cal, 2027) == 1 && juzhu_calendar_has_year(cal, 2024) == 0 && juzhu_calendar_has_year(NULL, 2024) == 1, "years");
    juzhu_calendar_free(cal);
}

/* UTF-8 text the library gives (names, error messages) converted to GB18030 for GBK systems. */
static void gb18030_text(void) {
    static const char floating_gb[] = "\xc1\xf7\xb6\xaf\xc8\xcb\xbf\xda"; /* 流动人口 */
    const char *name = juzhu_name(JUZHU_VOCAB_CATEGORY, JUZHU_CATEGORY_FLOATING, JUZHU_FORM_ZH);
    char *out = SENTINEL;
    size_t len = 7;
    juzhu_person p;
    juzhu_assessment a;
    juzhu_error err;
    CHECK(name != NULL && !strcmp(name, "\xe6\xb5\x81\xe5\x8a\xa8\xe4\xba\xba\xe5\x8f\xa3"), "the UTF-8 name");
    CHECK(juzhu_to_gb18030(name, strlen(name), &out, &len) == JUZHU_STATUS_OK && len == 8 &&
              !memcmp(out, floating_gb, 9),
          "a name in GB18030, NUL-terminated");
    juzhu_string_free(out);
    out = SENTINEL;
    len = 7;
    CHECK(juzhu_to_gb18030("\xff", 1, &out, &len) == JUZHU_STATUS_INVALID_ENCODING && out == SENTINEL && len == 7,
          "text that is not UTF-8 writes nothing");
    CHECK(juzhu_to_gb18030(NULL, 0, &out, &len) == JUZHU_STATUS_NULL_ARGUMENT &&
              juzhu_to_gb18030("a", 1, NULL, &len) == JUZHU_STATUS_NULL_ARGUMENT &&
              juzhu_to_gb18030("a", 1, &out, NULL) == JUZHU_STATUS_NULL_ARGUMENT &&
              juzhu_to_gb18030("a", (size_t)-1, &out, &len) == JUZHU_STATUS_INVALID_ARGUMENT,
          "NULL and impossible lengths");
    CHECK(juzhu_to_gb18030("", 0, &out, &len) == JUZHU_STATUS_OK && len == 0 && out[0] == 0, "empty text");
    juzhu_string_free(out);
    /* A GBK case handed to the UTF-8 entry point: refused, and the byte it goes wrong at found. */
    {
        static const char gbk_case[] = "{\"as_of\": \"2024-10-02\", \"person\": {\"category\": \"\xc1\xf7\xb6\xaf\xc8\xcb\xbf\xda\"}}";
        size_t at = 7;
        out = SENTINEL;
        CHECK(juzhu_assess_json(gbk_case, strlen(gbk_case), &out, &len) == JUZHU_STATUS_INVALID_ENCODING &&
                  out == SENTINEL,
              "GBK bytes are not UTF-8");
        CHECK(juzhu_valid_up_to(JUZHU_ENCODING_UTF8, gbk_case, strlen(gbk_case), &at) == JUZHU_STATUS_OK &&
                  at == (size_t)(strchr(gbk_case, '\xc1') - gbk_case),
              "the first GBK byte is where UTF-8 stops");
        CHECK(juzhu_valid_up_to(JUZHU_ENCODING_GB18030, gbk_case, strlen(gbk_case), &at) == JUZHU_STATUS_OK &&
                  at == strlen(gbk_case),
              "all of it is GB18030");
        CHECK(juzhu_valid_up_to(JUZHU_ENCODING_GB18030, "ab\xff", 3, &at) == JUZHU_STATUS_OK && at == 2,
              "a byte no GB18030 sequence starts with");
        at = 7;
        CHECK(juzhu_valid_up_to(JUZHU_ENCODING_UTF8, NULL, 0, &at) == JUZHU_STATUS_NULL_ARGUMENT &&
                  juzhu_valid_up_to(JUZHU_ENCODING_UTF8, "a", 1, NULL) == JUZHU_STATUS_NULL_ARGUMENT &&
                  juzhu_valid_up_to(2, "a", 1, &at) == JUZHU_STATUS_INVALID_ARGUMENT &&
                  juzhu_valid_up_to(JUZHU_ENCODING_UTF8, "a", (size_t)-1, &at) == JUZHU_STATUS_INVALID_ARGUMENT &&
                  at == 7,
              "NULL, an unknown encoding, an impossible length: refused, nothing written");
    }
    /* A refusal's message, for a GBK screen. */
    memset(&p, 0, sizeof p);
    memset(&err, 0, sizeof err);
    p.category = JUZHU_CATEGORY_FLOATING;
    p.arrival_date = 20240230;
    CHECK(juzhu_assess_person(NULL, 20241002, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT, "refused");
    CHECK(juzhu_to_gb18030(err.message, strlen(err.message), &out, &len) == JUZHU_STATUS_OK &&
              len == strlen(err.message) && !strcmp(out, err.message),
          "an ASCII message is the same bytes in GB18030");
    juzhu_string_free(out);
    /* The same refusal in Chinese (policy.lang), as a GBK screen shows it. */
    {
        static const char zh[] = "20240230 不是有效的日期（YYYYMMDD）";
        juzhu_policy pol;
        juzhu_person rows[2];
        juzhu_assessment outs[2];
        juzhu_error row_errors[2];
        size_t refused = 0;
        memset(&pol, 0, sizeof pol);
        pol.lang = JUZHU_FORM_ZH;
        memset(&err, 0, sizeof err);
        CHECK(juzhu_assess_person(&pol, 20241002, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT &&
                  !strcmp(err.field, "person.arrival_date") && !strcmp(err.message, zh),
              "a Chinese refusal when policy.lang asks for one");
        CHECK(juzhu_to_gb18030(err.message, strlen(err.message), &out, &len) == JUZHU_STATUS_OK &&
                  len < strlen(err.message) && !memcmp(out, "20240230 \xb2\xbb", 11),
              "the Chinese refusal in GB18030");
        juzhu_string_free(out);
        rows[0] = p;
        rows[1] = p;
        rows[1].arrival_date = 20240928;
        CHECK(juzhu_assess_batch(&pol, 20241002, rows, 2, outs, row_errors, &refused, &err) == JUZHU_STATUS_OK &&
                  refused == 1 && !strcmp(row_errors[0].message, zh) && row_errors[1].message[0] == 0,
              "batch row errors in Chinese");
        pol.lang = JUZHU_FORM_EN;
        CHECK(juzhu_assess_person(&pol, 20241002, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT &&
                  !strcmp(err.message, "20240230 is not a date (YYYYMMDD)"),
              "an English refusal when asked for");
        pol.lang = 9;
        CHECK(juzhu_assess_person(&pol, 20241002, &p, &a, &err) == JUZHU_STATUS_INVALID_INPUT &&
                  !strcmp(err.field, "policy.lang"),
              "an unknown language is refused, named");
        pol.lang = 0;
        CHECK(juzhu_explain_person(&pol, 20241002, &p, JUZHU_FORM_ZH, &out, &len, &err) == JUZHU_STATUS_INVALID_INPUT &&
                  !strcmp(err.message, "20240230 is not a date (YYYYMMDD)"),
              "explain_person refuses in English by default, whatever the explanation's language");
        pol.lang = JUZHU_FORM_ZH;
        CHECK(juzhu_explain_person(&pol, 20241002, &p, JUZHU_FORM_EN, &out, &len, &err) == JUZHU_STATUS_INVALID_INPUT &&
                  !strcmp(err.message, zh),
              "explain_person refuses in the language policy.lang asks for");
    }
    {
        static const char feb30[] = "{\"as_of\":\"2024-02-30\",\"person\":{\"category\":\"permanent\"}}";
        CHECK(json_call(feb30, sizeof feb30 - 1, &out, &len) == JUZHU_STATUS_INVALID_INPUT &&
                  contains(out, len, "\"message_zh\":\"2024-02-30 不是有效的日期\""),
              "the error JSON carries the Chinese reason");
        juzhu_string_free(out);
    }
}

int main(void) {
    null_arguments();
    encodings();
    truncated_and_huge();
    dates_and_constants();
    overseas_and_limits();
    calendars();
    gb18030_text();
    printf("%d hostile-input checks: %s\n", checks, failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
