/*
 * person: the struct entry point, for systems without a JSON library. Fills a juzhu_person the
 * way a legacy database row would (YYYYMMDD dates, integer codes, the identity number as text),
 * assesses it, and prints the answer with Chinese labels (a refusal's reason in Chinese too: juzhu_policy.lang), then the
 * explanation in English.
 */
#include <juzhu.h>

#include <stdio.h>
#include <string.h>

/* juzhu_name answers NULL for 0 (absent: no registration kind for a permanent resident, no
 * exemption, ...); printf("%s", NULL) is undefined behaviour, so absent values print as "-". */
static const char *name(uint32_t vocabulary, uint32_t value) {
    const char *s = juzhu_name(vocabulary, value, JUZHU_FORM_ZH);
    return s != NULL ? s : "-";
}

int main(void) {
    juzhu_policy pol;
    juzhu_person p;
    juzhu_assessment a;
    juzhu_error err;
    char *why = NULL;
    size_t why_len = 0;
    uint32_t k;
    juzhu_status status;

    memset(&p, 0, sizeof p);            /* every 0 means "absent" */
    p.hukou_region = 110105;            /* Beijing: a floating resident (category derived) */
    p.residence_region = 210102;        /* Shenyang */
    /* The identity number as the row holds it: the birth date (2008-10-10) is read from it. */
    strncpy(p.id_number, "110105200810100011", sizeof p.id_number - 1);
    p.arrival_date = 20240901;
    p.registered_on = 20240902;

    memset(&pol, 0, sizeof pol);        /* defaults: embedded calendar, Civil Code counting */
    pol.lang = JUZHU_FORM_ZH;           /* a refusal's reason in Chinese */
    status = juzhu_assess_person(&pol, 20241020, &p, &a, &err);
    if (status == JUZHU_STATUS_INVALID_INPUT) { /* only then is err filled */
        fprintf(stderr, "输入有误：%s：%s\n", err.field, err.message);
        return 1;
    }
    if (status != JUZHU_STATUS_OK) {
        fprintf(stderr, "juzhu: %s\n", juzhu_status_message(status));
        return 2;
    }
    printf("类别: %s\n", name(JUZHU_VOCAB_CATEGORY, a.category));
    printf("登记: %s, 期限 %d, %s\n", name(JUZHU_VOCAB_REGISTRATION_KIND, a.registration_kind),
           (int)a.registration_deadline, name(JUZHU_VOCAB_STATE, a.registration_status));
    printf("居住证: %s, 满16周岁 %d, 期限 %d, %s\n", name(JUZHU_VOCAB_PERMIT_STATUS, a.permit_status),
           (int)a.permit_reaches_16_on, (int)a.permit_deadline,
           name(JUZHU_VOCAB_STATE, a.permit_application_status));
    printf("权益:");
    for (k = 0; k < JUZHU_ENTITLEMENT_COUNT; k++)
        if (a.entitlements & (1u << k)) printf(" %s", name(JUZHU_VOCAB_ENTITLEMENT, k));
    printf("\n后果: %s\n\n", name(JUZHU_VOCAB_CONSEQUENCE, a.consequence));

    if (juzhu_explain_person(NULL, 20241020, &p, JUZHU_FORM_EN, &why, &why_len, &err) == JUZHU_STATUS_OK) {
        fwrite(why, 1, why_len, stdout);
        juzhu_string_free(why);
    }
    return 0;
}
