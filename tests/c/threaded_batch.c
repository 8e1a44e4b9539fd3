/*
 * threaded_batch: juzhu_assess_batch on two threads gives the one-thread answer. Run under
 * valgrind by `make test-install`: it must be clean with the installed suppressions
 * (share/juzhu/juzhu.supp) and, without them, report exactly the one allocation they name.
 */
#include <juzhu.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    size_t n = 9000, i, refused = 0;
    juzhu_policy pol;
    juzhu_person *in = calloc(n, sizeof *in);
    juzhu_assessment *one = malloc(n * sizeof *one), *two = malloc(n * sizeof *two);
    int bad = 0;
    if (in == NULL || one == NULL || two == NULL) return 2;
    for (i = 0; i < n; i++) {
        in[i].category = (uint8_t)(1 + i % 4);
        in[i].arrival_date = 20240901 + (int32_t)(i % 28);
        in[i].birth_date = i % 97 == 0 ? 20300101 : 19900501; /* some rows refused */
    }
    memset(&pol, 0, sizeof pol);
    pol.threads = 1;
    if (juzhu_assess_batch(&pol, 20241002, in, n, one, NULL, NULL, NULL) != JUZHU_STATUS_OK) return 3;
    pol.threads = 2;
    if (juzhu_assess_batch(&pol, 20241002, in, n, two, NULL, &refused, NULL) != JUZHU_STATUS_OK) return 4;
    for (i = 0; i < n; i++) bad |= memcmp(&one[i], &two[i], sizeof one[i]) != 0;
    if (bad || refused == 0) {
        fprintf(stderr, "threaded_batch: two threads disagree with one (or nothing refused)\n");
        return 1;
    }
    free(in);
    free(one);
    free(two);
    return 0;
}
