/* juzhu_assess_batch where no thread can be started (a process or container at its thread limit,
 * forced here by asking Rust for thread stacks no system grants): the batch is answered on the
 * calling thread, the same as with one thread, status OK, and nothing is printed. The Makefile
 * checks that standard error stays empty. */
#define _POSIX_C_SOURCE 200112L
#include <juzhu.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROWS 20000

int main(void) {
    static juzhu_person in[ROWS];
    static juzhu_assessment many[ROWS], one[ROWS];
    static juzhu_error row_errors[ROWS];
    juzhu_policy policy;
    juzhu_error error;
    size_t k, refused = 0, refused_one = 0;
    /* Read by Rust's standard library when it starts its first thread. */
    if (setenv("RUST_MIN_STACK", "200000000000000", 1) != 0) return 2;
    for (k = 0; k < ROWS; k++) {
        in[k].hukou_region = 110105;
        in[k].residence_region = 210102;
        in[k].arrival_date = 20240901 + (int32_t)(k % 28);
        in[k].birth_date = k % 97 == 0 ? 20240931 : 19900501; /* some rows refused */
    }
    memset(&policy, 0, sizeof policy);
    policy.threads = 4;
    if (juzhu_assess_batch(&policy, 20241002, in, ROWS, many, row_errors, &refused, &error) != JUZHU_STATUS_OK) {
        fprintf(stdout, "FAIL: 4 threads where none can start: %s\n", error.message);
        return 1;
    }
    policy.threads = 1;
    if (juzhu_assess_batch(&policy, 20241002, in, ROWS, one, NULL, &refused_one, &error) != JUZHU_STATUS_OK) {
        fprintf(stdout, "FAIL: 1 thread: %s\n", error.message);
        return 1;
    }
    if (refused != refused_one || refused == 0) {
        fprintf(stdout, "FAIL: %zu vs %zu refused\n", refused, refused_one);
        return 1;
    }
    for (k = 0; k < ROWS; k++) {
        const juzhu_assessment *a = &many[k], *b = &one[k];
        if (a->status != b->status || a->registration_deadline != b->registration_deadline ||
            a->permit_deadline != b->permit_deadline || a->entitlements != b->entitlements ||
            a->registration_basis != b->registration_basis || a->interpretations != b->interpretations) {
            fprintf(stdout, "FAIL: row %zu differs\n", k);
            return 1;
        }
    }
    printf("no threads: %d rows answered on the calling thread, %zu refused, as with one thread\n", ROWS, refused);
    return 0;
}
