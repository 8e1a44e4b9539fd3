/*
 * assess: print the assessment of a case file (the JSON of spec/CASES.md) through libjuzhu.
 *
 *   ./assess CASE.json            UTF-8 in, UTF-8 out
 *   ./assess --gb18030 CASE.json  GB18030 in, GB18030 out (for GBK systems)
 *   ./assess -                    read the case from stdin
 *
 * Exit status: 0 assessed, 1 refused (the error JSON is printed), 2 usage or I/O error.
 */
#include <juzhu.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(FILE *f, size_t *len) {
    size_t cap = 4096, n = 0, got;
    char *buf = (char *)malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = (char *)realloc(buf, cap *= 2);
            if (!bigger) { free(buf); return NULL; }
            buf = bigger;
        }
    }
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    int gb = argc > 1 && strcmp(argv[1], "--gb18030") == 0;
    const char *path = argc > 1 + gb ? argv[1 + gb] : NULL;
    FILE *f;
    char *text, *out = NULL;
    size_t len, out_len = 0;
    juzhu_status st;
    if (!path) { fprintf(stderr, "usage: %s [--gb18030] CASE.json|-\n", argv[0]); return 2; }
    f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) { perror(path); return 2; }
    text = slurp(f, &len);
    if (f != stdin) fclose(f);
    if (!text) { fprintf(stderr, "out of memory\n"); return 2; }

    st = gb ? juzhu_assess_json_gb18030(text, len, &out, &out_len)
            : juzhu_assess_json(text, len, &out, &out_len);
    free(text);
    if (st != JUZHU_STATUS_OK && st != JUZHU_STATUS_INVALID_INPUT) {
        fprintf(stderr, "juzhu: %s\n", juzhu_status_message(st));
        return 2;
    }
    fwrite(out, 1, out_len, stdout);
    putchar('\n');
    juzhu_string_free(out);
    return st == JUZHU_STATUS_OK ? 0 : 1;
}
