/*
 * Every acceptance case (paths given on the command line) through both C entry points:
 *   1. juzhu_assess_json: the answer must meet the case's expectations (README semantics);
 *   2. juzhu_assess_person / juzhu_assess_reporter: every struct field must agree with (1);
 *   3. juzhu_assess_batch: the case's row between two others (one refused) gives the same answer.
 * Steps 2 and 3 cover what the structs carry: liaoning-2013 cases (the struct entry points cover
 * that rule set only; other rule sets' cases go through step 1), without changes of registered
 * content or household events (per case only, JSON).
 * Exit status 0 only if every case passes.
 */
#include "juzhu.h"
#include "minijson.h"
#include "readfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static const char *current = "";

#define FAIL(...)                                   \
    do {                                            \
        fprintf(stderr, "FAIL %s: ", current);      \
        fprintf(stderr, __VA_ARGS__);               \
        fputc('\n', stderr);                        \
        failures++;                                 \
    } while (0)

/* The JUZHU_* constant whose JSON id is the string `n`: 0 for absent/null, -1 if none. */
static int constant(uint32_t vocab, const mj_node *n) {
    uint32_t v;
    if (!n || n->type == MJ_NULL) return 0;
    if (n->type != MJ_STR) return -1;
    for (v = 1; v < 64; v++) {
        const char *name = juzhu_name(vocab, v, JUZHU_FORM_ID);
        if (!name) break;
        if (mj_is(n, name)) return (int)v;
    }
    return -1;
}

/* "YYYY-MM-DD" → YYYYMMDD (not checked for validity: the library does that); 0 for absent;
   -1 for a value the struct form cannot carry. */
static int32_t ymd(const mj_node *n) {
    int y, m, d;
    char buf[16];
    if (!n || n->type == MJ_NULL) return 0;
    if (n->type != MJ_STR || n->len != 10) return -1;
    memcpy(buf, n->start, 10);
    buf[10] = 0;
    if (sscanf(buf, "%4d-%2d-%2d", &y, &m, &d) != 3) return -1;
    return (int32_t)(y * 10000 + m * 100 + d);
}

static int flag(const mj_node *n) {
    if (!n || n->type == MJ_NULL) return 0;
    if (n->type != MJ_BOOL) return -1;
    return mj_is(n, "true");
}

static long long region(const mj_node *n) {
    char buf[32];
    if (!n || n->type == MJ_NULL) return 0;
    if (n->len >= sizeof buf) return -1;
    memcpy(buf, n->start, n->len);
    buf[n->len] = 0;
    return atoll(buf);
}

/* "HH:MM" → minutes after midnight + 1 (not checked: a "25:00" becomes 1501, which the library
   refuses at the same field); 0 for absent; -1 for text of another shape. */
static int hhmm(const mj_node *n) {
    char buf[8];
    int h, m;
    if (!n || n->type == MJ_NULL) return 0;
    if (n->type != MJ_STR || n->len != 5) return -1;
    memcpy(buf, n->start, 5);
    buf[5] = 0;
    if (buf[2] != ':' || sscanf(buf, "%2d:%2d", &h, &m) != 2 || h < 0 || m < 0) return -1;
    return h * 60 + m + 1;
}

/* Fills a policy from the case's "policy"; 0 if it cannot be represented (or names a rule set
   the struct entry points do not cover). */
static int fill_policy(const mj_node *p, juzhu_policy *out) {
    int dc, age, rs;
    memset(out, 0, sizeof *out);
    if (!p) return 1;
    dc = constant(JUZHU_VOCAB_DAY_COUNTING, mj_get(p, "day_counting"));
    age = constant(JUZHU_VOCAB_AGE, mj_get(p, "age"));
    rs = constant(JUZHU_VOCAB_RULE_SET, mj_get(p, "rule_set"));
    if (dc < 0 || age < 0 || rs < 0 || rs > JUZHU_RULE_SET_LIAONING_2013) return 0;
    out->day_counting = (uint8_t)dc;
    out->age = (uint8_t)age;
    out->rule_set = (uint8_t)rs;
    return 1;
}

/* Fills a person struct; 0 if the case uses what the struct form does not carry. */
static int fill_person(const mj_node *p, juzhu_person *out) {
    const mj_node *permit = mj_get(p, "permit");
    int category = constant(JUZHU_VOCAB_CATEGORY, mj_get(p, "category"));
    int acc = constant(JUZHU_VOCAB_ACCOMMODATION, mj_get(p, "accommodation"));
    int kind = constant(JUZHU_VOCAB_OVERSEAS_KIND, mj_get(p, "overseas_kind"));
    int area = constant(JUZHU_VOCAB_AREA, mj_get(p, "area"));
    int time = hhmm(mj_get(p, "arrival_time"));
    const mj_node *changes = mj_get(p, "changes"), *events = mj_get(p, "household_events");
    const mj_node *id = mj_get(p, "id_number");
    memset(out, 0, sizeof *out);
    if (changes && changes->type == MJ_ARR && changes->child) return 0;
    if (id && id->type != MJ_NULL) {
        /* The number as NUL-terminated text (an empty one, absent in the struct but refused in
           a case, or one that does not fit, is a case for JSON only). */
        if (id->type != MJ_STR || id->len == 0 || id->len >= sizeof out->id_number) return 0;
        memcpy(out->id_number, id->start, id->len);
    }
    if (events && events->type == MJ_ARR && events->child) return 0;
    if (category < 0 || acc < 0 || kind < 0 || area < 0 || time < 0 || time > 32767) return 0;
    out->category = (uint8_t)category;
    out->accommodation = (uint8_t)acc;
    out->overseas_kind = (uint8_t)kind;
    out->area = (uint8_t)area;
    out->arrival_time = (int16_t)time;
    out->overseas = (uint8_t)flag(mj_get(p, "overseas"));
    out->living_at_hukou = (uint8_t)flag(mj_get(p, "living_at_hukou"));
    out->studying = (uint8_t)flag(mj_get(p, "studying"));
    out->wants_permit = (uint8_t)flag(mj_get(p, "wants_permit"));
    out->hukou_region = region(mj_get(p, "hukou_region"));
    out->residence_region = region(mj_get(p, "residence_region"));
    out->birth_date = ymd(mj_get(p, "birth_date"));
    out->arrival_date = ymd(mj_get(p, "arrival_date"));
    out->planned_departure = ymd(mj_get(p, "planned_departure"));
    out->registered_on = ymd(mj_get(p, "registered_on"));
    out->permit_applied_on = ymd(mj_get(p, "permit_applied_on"));
    out->correction_deadline = ymd(mj_get(p, "correction_deadline"));
    if (permit && permit->type == MJ_OBJ) {
        const mj_node *years = mj_get(permit, "validity_years");
        out->permit_issued_on = ymd(mj_get(permit, "issued_on"));
        out->permit_extension_applied_on = ymd(mj_get(permit, "extension_applied_on"));
        out->permit_validity_years = years ? (uint8_t)atoi(years->start) : 0;
    }
    return 1;
}

static int fill_reporter(const mj_node *r, juzhu_reporter *out) {
    int kind = constant(JUZHU_VOCAB_REPORTER_KIND, mj_get(r, "kind"));
    const mj_node *f = mj_get(r, "false_reports"), *c = mj_get(r, "concealed");
    memset(out, 0, sizeof *out);
    if (kind < 0) return 0;
    out->kind = (uint8_t)kind;
    out->registered_on = ymd(mj_get(r, "registered_on"));
    out->reported_on = ymd(mj_get(r, "reported_on"));
    out->correction_deadline = ymd(mj_get(r, "correction_deadline"));
    out->corrected_on = ymd(mj_get(r, "corrected_on"));
    out->false_reports = f && f->type == MJ_NUM ? (uint32_t)strtoul(f->start, NULL, 10) : 0;
    out->concealed = c && c->type == MJ_NUM ? (uint32_t)strtoul(c->start, NULL, 10) : 0;
    return 1;
}

/* ------------------------------------------------------------ struct vs JSON agreement */

static void agree_word(const char *what, const mj_node *json, uint32_t vocab, int value) {
    if (value == 0) {
        if (!json || json->type != MJ_NULL) FAIL("%s: struct null, JSON %.*s", what, json ? (int)json->len : 0, json ? json->start : "");
        return;
    }
    if (!json || json->type != MJ_STR || !mj_is(json, juzhu_name(vocab, (uint32_t)value, JUZHU_FORM_ID)))
        FAIL("%s: struct %s, JSON %.*s", what, juzhu_name(vocab, (uint32_t)value, JUZHU_FORM_ID), json ? (int)json->len : 0, json ? json->start : "");
}

static void agree_date(const char *what, const mj_node *json, int32_t v) {
    char buf[16];
    if (v == 0) {
        if (!json || json->type != MJ_NULL) FAIL("%s: struct null, JSON not null", what);
        return;
    }
    sprintf(buf, "%04d-%02d-%02d", (int)(v / 10000), (int)(v / 100 % 100), (int)(v % 100));
    if (!json || !mj_is(json, buf)) FAIL("%s: struct %s, JSON %.*s", what, buf, json ? (int)json->len : 0, json ? json->start : "");
}

static void agree_bits(const char *what, const mj_node *json, uint32_t vocab, uint64_t bits, int ids_in_objects) {
    const mj_node *item = json ? json->child : NULL;
    uint32_t k;
    for (k = 0; k < 64; k++) {
        const char *name;
        if (!(bits >> k & 1)) continue;
        name = juzhu_name(vocab, k, JUZHU_FORM_ID);
        if (!item || !name) { FAIL("%s: struct has bit %u (%s), JSON list ended", what, k, name ? name : "?"); return; }
        if (!mj_is(ids_in_objects ? mj_get(item, "id") : item, name)) { FAIL("%s: struct %s, JSON %.*s", what, name, (int)item->len, item->start); return; }
        item = item->next;
    }
    if (item) FAIL("%s: JSON has more than the struct (%.*s)", what, (int)item->len, item->start);
}

static void agree_number(const char *what, const mj_node *json, double v) {
    if (!json || json->type != MJ_NUM || strtod(json->start, NULL) != v) FAIL("%s: struct %.0f, JSON differs", what, v);
}

static void agree_time(const char *what, const mj_node *json, int16_t v) {
    char buf[32];
    if (v == JUZHU_TIME_ABSENT) {
        if (!json || json->type != MJ_NULL) FAIL("%s: struct null, JSON not null", what);
        return;
    }
    sprintf(buf, "%02d:%02d", (v - 1) / 60, (v - 1) % 60);
    if (!json || !mj_is(json, buf)) FAIL("%s: struct %s, JSON %.*s", what, buf, json ? (int)json->len : 0, json ? json->start : "");
}

static void agree_flag(const char *what, const mj_node *json, int v) {
    if (!json || !mj_is(json, v ? "true" : "false")) FAIL("%s: struct %d, JSON differs", what, v);
}

static void agree_person(const juzhu_assessment *a, const mj_node *j) {
    const mj_node *r = mj_get(j, "registration"), *p = mj_get(j, "permit");
    const mj_node *valid = mj_get(p, "valid");
    agree_word("category", mj_get(j, "category"), JUZHU_VOCAB_CATEGORY, a->category);
    agree_word("category_source", mj_get(j, "category_source"), JUZHU_VOCAB_CATEGORY_SOURCE, a->category_source);
    agree_flag("registration.required", mj_get(r, "required"), a->registration_required);
    agree_word("registration.kind", mj_get(r, "kind"), JUZHU_VOCAB_REGISTRATION_KIND, a->registration_kind);
    agree_word("registration.duty_holder", mj_get(r, "duty_holder"), JUZHU_VOCAB_DUTY_HOLDER, a->registration_duty_holder);
    agree_date("registration.deadline", mj_get(r, "deadline"), a->registration_deadline);
    agree_time("registration.deadline_time", mj_get(r, "deadline_time"), a->registration_deadline_time);
    agree_word("registration.status", mj_get(r, "status"), JUZHU_VOCAB_STATE, a->registration_status);
    agree_bits("registration.basis", mj_get(r, "basis"), JUZHU_VOCAB_ARTICLE, a->registration_basis, 0);
    agree_word("permit.status", mj_get(p, "status"), JUZHU_VOCAB_PERMIT_STATUS, a->permit_status);
    agree_word("permit.exemption", mj_get(p, "exemption"), JUZHU_VOCAB_EXEMPTION, a->permit_exemption);
    agree_date("permit.reaches_16_on", mj_get(p, "reaches_16_on"), a->permit_reaches_16_on);
    agree_date("permit.deadline", mj_get(p, "deadline"), a->permit_deadline);
    agree_word("permit.application_status", mj_get(p, "application_status"), JUZHU_VOCAB_STATE, a->permit_application_status);
    agree_date("permit.expires_on", mj_get(p, "expires_on"), a->permit_expires_on);
    if (a->permit_valid == JUZHU_VALID_UNKNOWN ? !mj_is(valid, "null") : !mj_is(valid, a->permit_valid ? "true" : "false"))
        FAIL("permit.valid: struct %d", a->permit_valid);
    agree_date("permit.extension_deadline", mj_get(p, "extension_deadline"), a->permit_extension_deadline);
    agree_word("permit.extension_status", mj_get(p, "extension_status"), JUZHU_VOCAB_STATE, a->permit_extension_status);
    agree_number("permit.fee_yuan", mj_get(p, "fee_yuan"), a->fee_yuan);
    agree_bits("permit.basis", mj_get(p, "basis"), JUZHU_VOCAB_ARTICLE, a->permit_basis, 0);
    agree_bits("entitlements", mj_get(j, "entitlements"), JUZHU_VOCAB_ENTITLEMENT, a->entitlements, 0);
    agree_word("consequence", mj_get(j, "consequence"), JUZHU_VOCAB_CONSEQUENCE, a->consequence);
    agree_number("fine_min_yuan", mj_get(j, "fine_min_yuan"), a->fine_min_yuan);
    agree_number("fine_max_yuan", mj_get(j, "fine_max_yuan"), a->fine_max_yuan);
    if (a->reserved_tail[0] | a->reserved_tail[1] | a->reserved_tail[2] | a->reserved_tail[3] | a->reserved_tail[4] | a->reserved_tail[5])
        FAIL("reserved_tail: not zero");
    agree_bits("interpretations", mj_get(j, "interpretations"), JUZHU_VOCAB_INTERPRETATION, a->interpretations, 0);
    agree_flag("calendar_provisional", mj_get(j, "calendar_provisional"), a->calendar_provisional);
    agree_bits("notices", mj_get(j, "notices"), JUZHU_VOCAB_NOTICE, a->notices, 1);
}

static void agree_reporter(const juzhu_report_assessment *a, const mj_node *j) {
    const mj_node *r = mj_get(j, "report"), *p = mj_get(j, "penalty");
    agree_date("report.deadline", mj_get(r, "deadline"), a->report_deadline);
    agree_word("report.status", mj_get(r, "status"), JUZHU_VOCAB_STATE, a->report_status);
    agree_bits("report.basis", mj_get(r, "basis"), JUZHU_VOCAB_ARTICLE, a->report_basis, 0);
    agree_word("penalty.stage", mj_get(p, "stage"), JUZHU_VOCAB_PENALTY_STAGE, a->penalty_stage);
    agree_number("penalty.fine_min_yuan", mj_get(p, "fine_min_yuan"), (double)a->fine_min_yuan);
    agree_number("penalty.fine_max_yuan", mj_get(p, "fine_max_yuan"), (double)a->fine_max_yuan);
    agree_word("penalty.authority", mj_get(p, "authority"), JUZHU_VOCAB_AUTHORITY, a->authority);
    agree_bits("penalty.basis", mj_get(p, "basis"), JUZHU_VOCAB_ARTICLE, a->penalty_basis, 0);
    agree_bits("interpretations", mj_get(j, "interpretations"), JUZHU_VOCAB_INTERPRETATION, a->interpretations, 0);
    agree_flag("calendar_provisional", mj_get(j, "calendar_provisional"), a->calendar_provisional);
    agree_bits("notices", mj_get(j, "notices"), JUZHU_VOCAB_NOTICE, a->notices, 1);
}

/* --------------------------------------------------------------- expectations (README) */

static void check_expectations(const mj_node *c, const mj_node *answer) {
    const mj_node *e, *item, *want;
    for (e = mj_get(c, "expect") ? mj_get(c, "expect")->child : NULL; e; e = e->next) {
        const mj_node *got = mj_path(answer, e->key, e->key_len);
        if (!mj_matches(got, e))
            FAIL("%.*s: expected %.*s, got %.*s", (int)e->key_len, e->key, (int)e->len, e->start, got ? (int)got->len : 4, got ? got->start : "none");
    }
    for (e = mj_get(c, "expect_contains") ? mj_get(c, "expect_contains")->child : NULL; e; e = e->next) {
        const mj_node *got = mj_path(answer, e->key, e->key_len);
        for (want = e->child; want; want = want->next) {
            int found = 0;
            for (item = got ? got->child : NULL; item; item = item->next) found |= mj_matches(item, want);
            if (!found) FAIL("%.*s lacks %.*s", (int)e->key_len, e->key, (int)want->len, want->start);
        }
    }
    want = mj_get(c, "expect_notices");
    if (want) {
        const mj_node *got = mj_get(answer, "notices");
        if (mj_count(got) != mj_count(want)) FAIL("notices: %lu, expected %lu", (unsigned long)mj_count(got), (unsigned long)mj_count(want));
        for (e = want->child; e; e = e->next) {
            int found = 0;
            for (item = got ? got->child : NULL; item; item = item->next) found |= mj_matches(mj_get(item, "id"), e);
            if (!found) FAIL("notices lack %.*s", (int)e->len, e->start);
        }
    }
}

static int starts_with(const char *s, const mj_node *prefix) {
    return strlen(s) >= prefix->len && !memcmp(s, prefix->start, prefix->len);
}

/* ----------------------------------------------------------------------------- a case */

static void run_case(const char *path) {
    size_t len, out_len = 0;
    char *text = read_file(path, &len), *out = NULL;
    mj_node *c, *input, *answer;
    const mj_node *want_error, *person, *reporter;
    juzhu_status st;
    juzhu_policy policy;
    int32_t as_of;
    current = path;
    if (!text) { FAIL("cannot read"); return; }
    c = mj_parse(text, len);
    input = c ? mj_get(c, "input") : NULL;
    if (!input) { FAIL("not a case file"); mj_free(c); free(text); return; }

    /* 1. JSON entry point. */
    st = juzhu_assess_json(input->start, input->len, &out, &out_len);
    if (st != JUZHU_STATUS_OK && st != JUZHU_STATUS_INVALID_INPUT) { FAIL("status %d", (int)st); goto done; }
    if (strlen(out) != out_len) FAIL("out_len %lu does not match the string", (unsigned long)out_len);
    answer = mj_parse(out, out_len);
    if (!answer) { FAIL("answer is not JSON: %s", out); goto done; }
    want_error = mj_get(c, "expect_error");
    if (want_error) {
        const mj_node *field = mj_path(answer, "error.field", 11);
        if (st != JUZHU_STATUS_INVALID_INPUT || !field || field->len < want_error->len || memcmp(field->start, want_error->start, want_error->len))
            FAIL("expected refusal at %.*s, got %s", (int)want_error->len, want_error->start, out);
    } else if (st != JUZHU_STATUS_OK) {
        FAIL("refused: %s", out);
    } else {
        check_expectations(c, answer);
    }

    /* 2. Struct entry points, compared with the JSON answer. */
    as_of = ymd(mj_get(input, "as_of"));
    person = mj_get(input, "person");
    reporter = mj_get(input, "reporter");
    if (as_of > 0 && fill_policy(mj_get(input, "policy"), &policy)) {
        juzhu_error err;
        if (person && !reporter) {
            juzhu_person p;
            juzhu_assessment a, rows_out[3];
            juzhu_person rows[3];
            juzhu_error row_errors[3];
            size_t refused = 99;
            if (fill_person(person, &p)) {
                st = juzhu_assess_person(&policy, as_of, &p, &a, &err);
                if (want_error || mj_get(answer, "error")) {
                    const mj_node *field = mj_path(answer, "error.field", 11);
                    if (st != JUZHU_STATUS_INVALID_INPUT || !field || !starts_with(err.field, field))
                        FAIL("struct entry: expected refusal at %.*s, got status %d field %s", field ? (int)field->len : 0, field ? field->start : "", (int)st, err.field);
                } else if (st != JUZHU_STATUS_OK) {
                    FAIL("struct entry refused: %s: %s", err.field, err.message);
                } else {
                    agree_person(&a, answer);
                    /* 3. Batch: the row between an ordinary one and a refused one. */
                    rows[0] = p;
                    rows[1] = p;
                    rows[1].arrival_date = 20240230;
                    rows[1].category = JUZHU_CATEGORY_FLOATING;
                    rows[2] = p;
                    st = juzhu_assess_batch(&policy, as_of, rows, 3, rows_out, row_errors, &refused, &err);
                    if (st != JUZHU_STATUS_OK || refused != 1) FAIL("batch: status %d, refused %lu", (int)st, (unsigned long)refused);
                    if (rows_out[1].status != JUZHU_STATUS_INVALID_INPUT || strcmp(row_errors[1].field, "person.arrival_date"))
                        FAIL("batch: row 1 should be refused at person.arrival_date, got %s", row_errors[1].field);
                    if (rows_out[0].status != JUZHU_STATUS_OK || row_errors[0].field[0] || row_errors[2].field[0]) FAIL("batch: rows 0 and 2 accepted");
                    agree_person(&rows_out[0], answer);
                    agree_person(&rows_out[2], answer);
                }
            }
        } else if (reporter && !person) {
            juzhu_reporter r;
            juzhu_report_assessment a;
            if (fill_reporter(reporter, &r)) {
                st = juzhu_assess_reporter(&policy, as_of, &r, &a, &err);
                if (want_error || mj_get(answer, "error")) {
                    if (st != JUZHU_STATUS_INVALID_INPUT) FAIL("struct entry: expected a refusal");
                } else if (st != JUZHU_STATUS_OK) {
                    FAIL("struct entry refused: %s: %s", err.field, err.message);
                } else {
                    agree_reporter(&a, answer);
                }
            }
        }
    }
    mj_free(answer);
done:
    juzhu_string_free(out);
    mj_free(c);
    free(text);
}

int main(int argc, char **argv) {
    int i;
    if (argc < 2) { fprintf(stderr, "usage: %s CASE.json...\n", argv[0]); return 2; }
    if (sizeof(juzhu_person) != 88 || sizeof(juzhu_assessment) != 80) {
        fprintf(stderr, "FAIL struct sizes: juzhu_person %lu (88), juzhu_assessment %lu (80)\n", (unsigned long)sizeof(juzhu_person), (unsigned long)sizeof(juzhu_assessment));
        failures++;
    }
    if (strcmp(juzhu_version(), JUZHU_VERSION) != 0) { fprintf(stderr, "FAIL header %s vs library %s\n", JUZHU_VERSION, juzhu_version()); failures++; }
    for (i = 1; i < argc; i++) run_case(argv[i]);
    printf("%d cases through the JSON, struct and batch entry points: %s\n", argc - 1, failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
