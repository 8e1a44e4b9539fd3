//! Names of every enumerated value: the JSON id and the Chinese and English labels.

use super::guard_or;
use juzhu_core::rules::liaoning_2013::outcome::{
    Authority, CategorySource, Consequence, DutyHolder, Exemption, PenaltyStage, PermitStatus, RegistrationKind, Status,
};
use juzhu_core::rules::liaoning_2013::{Article, Entitlement, Interpretation, Notice};
use juzhu_core::vocab::Word;
use juzhu_core::{Accommodation, AgeConvention, Category, DayCounting, ReporterKind, RuleSet};
use std::ffi::{c_char, CString};
use std::sync::OnceLock;

/// Form of a name: the JSON id (`"floating"`).
pub const JUZHU_FORM_ID: u32 = 0;
/// Form of a name: the Chinese label.
pub const JUZHU_FORM_ZH: u32 = 1;
/// Form of a name: the English label.
pub const JUZHU_FORM_EN: u32 = 2;

/// Vocabulary: `JUZHU_CATEGORY_*`.
pub const JUZHU_VOCAB_CATEGORY: u32 = 1;
/// Vocabulary: `JUZHU_ACCOMMODATION_*`.
pub const JUZHU_VOCAB_ACCOMMODATION: u32 = 2;
/// Vocabulary: `JUZHU_DAY_COUNTING_*`.
pub const JUZHU_VOCAB_DAY_COUNTING: u32 = 3;
/// Vocabulary: `JUZHU_AGE_*`.
pub const JUZHU_VOCAB_AGE: u32 = 4;
/// Vocabulary: `JUZHU_RULE_SET_*`.
pub const JUZHU_VOCAB_RULE_SET: u32 = 5;
/// Vocabulary: `JUZHU_REPORTER_*`.
pub const JUZHU_VOCAB_REPORTER_KIND: u32 = 6;
/// Vocabulary: `JUZHU_STATE_*` (status words).
pub const JUZHU_VOCAB_STATE: u32 = 7;
/// Vocabulary: `JUZHU_REGISTRATION_*`.
pub const JUZHU_VOCAB_REGISTRATION_KIND: u32 = 8;
/// Vocabulary: `JUZHU_HOLDER_*`.
pub const JUZHU_VOCAB_DUTY_HOLDER: u32 = 9;
/// Vocabulary: `JUZHU_PERMIT_*`.
pub const JUZHU_VOCAB_PERMIT_STATUS: u32 = 10;
/// Vocabulary: `JUZHU_EXEMPTION_*`.
pub const JUZHU_VOCAB_EXEMPTION: u32 = 11;
/// Vocabulary: `JUZHU_CONSEQUENCE_*`.
pub const JUZHU_VOCAB_CONSEQUENCE: u32 = 12;
/// Vocabulary: `JUZHU_PENALTY_*`.
pub const JUZHU_VOCAB_PENALTY_STAGE: u32 = 13;
/// Vocabulary: `JUZHU_AUTHORITY_*`.
pub const JUZHU_VOCAB_AUTHORITY: u32 = 14;
/// Vocabulary: `JUZHU_CATEGORY_SOURCE_*`.
pub const JUZHU_VOCAB_CATEGORY_SOURCE: u32 = 15;
/// Vocabulary: entitlements, by bit index (0–20).
pub const JUZHU_VOCAB_ENTITLEMENT: u32 = 16;
/// Vocabulary: interpretations, by bit index (0 = I1 … 8 = I9).
pub const JUZHU_VOCAB_INTERPRETATION: u32 = 17;
/// Vocabulary: articles, by bit index of a basis set (`"art10.p1"` …).
pub const JUZHU_VOCAB_ARTICLE: u32 = 18;
/// Vocabulary: notices, by bit index (0 = `amended_text`).
pub const JUZHU_VOCAB_NOTICE: u32 = 19;

/// Number of entitlements (bits 0–20 of an entitlement set).
pub const JUZHU_ENTITLEMENT_COUNT: u32 = 21;
/// Entitlement bit 0: `social_insurance`.
pub const JUZHU_ENTITLEMENT_SOCIAL_INSURANCE: u32 = 1 << 0;
/// Entitlement bit 1: `public_rental_housing`.
pub const JUZHU_ENTITLEMENT_PUBLIC_RENTAL_HOUSING: u32 = 1 << 1;
/// Entitlement bit 2: `driving_and_vehicle_registration`.
pub const JUZHU_ENTITLEMENT_DRIVING_AND_VEHICLE_REGISTRATION: u32 = 1 << 2;
/// Entitlement bit 3: `hk_macao_travel_documents`.
pub const JUZHU_ENTITLEMENT_HK_MACAO_TRAVEL_DOCUMENTS: u32 = 1 << 3;
/// Entitlement bit 4: `business_and_tax_registration`.
pub const JUZHU_ENTITLEMENT_BUSINESS_AND_TAX_REGISTRATION: u32 = 1 << 4;
/// Entitlement bit 5: `professional_qualification_registration`.
pub const JUZHU_ENTITLEMENT_PROFESSIONAL_QUALIFICATION_REGISTRATION: u32 = 1 << 5;
/// Entitlement bit 6: `children_education`.
pub const JUZHU_ENTITLEMENT_CHILDREN_EDUCATION: u32 = 1 << 6;
/// Entitlement bit 7: `community_participation`.
pub const JUZHU_ENTITLEMENT_COMMUNITY_PARTICIPATION: u32 = 1 << 7;
/// Entitlement bit 8: `dispute_resolution_and_legal_aid`.
pub const JUZHU_ENTITLEMENT_DISPUTE_RESOLUTION_AND_LEGAL_AID: u32 = 1 << 8;
/// Entitlement bit 9: `survival_and_criminal_record_certificates`.
pub const JUZHU_ENTITLEMENT_SURVIVAL_AND_CRIMINAL_RECORD_CERTIFICATES: u32 = 1 << 9;
/// Entitlement bit 10: `other_prescribed_rights`.
pub const JUZHU_ENTITLEMENT_OTHER_PRESCRIBED_RIGHTS: u32 = 1 << 10;
/// Entitlement bit 11: `family_planning_education`.
pub const JUZHU_ENTITLEMENT_FAMILY_PLANNING_EDUCATION: u32 = 1 << 11;
/// Entitlement bit 12: `preconception_and_early_childhood_guidance`.
pub const JUZHU_ENTITLEMENT_PRECONCEPTION_AND_EARLY_CHILDHOOD_GUIDANCE: u32 = 1 << 12;
/// Entitlement bit 13: `family_planning_technical_services`.
pub const JUZHU_ENTITLEMENT_FAMILY_PLANNING_TECHNICAL_SERVICES: u32 = 1 << 13;
/// Entitlement bit 14: `capped_price_prenatal_and_delivery`.
pub const JUZHU_ENTITLEMENT_CAPPED_PRICE_PRENATAL_AND_DELIVERY: u32 = 1 << 14;
/// Entitlement bit 15: `child_immunization`.
pub const JUZHU_ENTITLEMENT_CHILD_IMMUNIZATION: u32 = 1 << 15;
/// Entitlement bit 16: `infectious_disease_control`.
pub const JUZHU_ENTITLEMENT_INFECTIOUS_DISEASE_CONTROL: u32 = 1 << 16;
/// Entitlement bit 17: `other_prescribed_health_services`.
pub const JUZHU_ENTITLEMENT_OTHER_PRESCRIBED_HEALTH_SERVICES: u32 = 1 << 17;
/// Entitlement bit 18: `residence_certificate`.
pub const JUZHU_ENTITLEMENT_RESIDENCE_CERTIFICATE: u32 = 1 << 18;
/// Entitlement bit 19: `survival_certificate`.
pub const JUZHU_ENTITLEMENT_SURVIVAL_CERTIFICATE: u32 = 1 << 19;
/// Entitlement bit 20: `criminal_record_certificate`.
pub const JUZHU_ENTITLEMENT_CRIMINAL_RECORD_CERTIFICATE: u32 = 1 << 20;
/// Interpretation bit: I1.
pub const JUZHU_INTERPRETATION_I1: u16 = 1 << 0;
/// Interpretation bit: I2.
pub const JUZHU_INTERPRETATION_I2: u16 = 1 << 1;
/// Interpretation bit: I3.
pub const JUZHU_INTERPRETATION_I3: u16 = 1 << 2;
/// Interpretation bit: I4.
pub const JUZHU_INTERPRETATION_I4: u16 = 1 << 3;
/// Interpretation bit: I5.
pub const JUZHU_INTERPRETATION_I5: u16 = 1 << 4;
/// Interpretation bit: I6.
pub const JUZHU_INTERPRETATION_I6: u16 = 1 << 5;
/// Interpretation bit: I7.
pub const JUZHU_INTERPRETATION_I7: u16 = 1 << 6;
/// Interpretation bit: I8.
pub const JUZHU_INTERPRETATION_I8: u16 = 1 << 7;
/// Interpretation bit: I9.
pub const JUZHU_INTERPRETATION_I9: u16 = 1 << 8;

type Names = [CString; 3];

fn all<W: Word>() -> Vec<Names> {
    let c = |s: &str| CString::new(s).unwrap_or_default();
    W::ALL.iter().map(|w| [c(w.id()), c(w.zh()), c(w.en())]).collect()
}

/// Per vocabulary (index = `JUZHU_VOCAB_*`), its names; built once, then read-only.
fn table() -> &'static [Vec<Names>] {
    static TABLE: OnceLock<Vec<Vec<Names>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        vec![
            Vec::new(),
            all::<Category>(),
            all::<Accommodation>(),
            all::<DayCounting>(),
            all::<AgeConvention>(),
            all::<RuleSet>(),
            all::<ReporterKind>(),
            all::<Status>(),
            all::<RegistrationKind>(),
            all::<DutyHolder>(),
            all::<PermitStatus>(),
            all::<Exemption>(),
            all::<Consequence>(),
            all::<PenaltyStage>(),
            all::<Authority>(),
            all::<CategorySource>(),
            all::<Entitlement>(),
            all::<Interpretation>(),
            all::<Article>(),
            all::<Notice>(),
        ]
    })
}

/// The name of a value: `vocabulary` is a `JUZHU_VOCAB_*`, `value` the `JUZHU_*` constant (for
/// entitlements, interpretations, articles and notices: the bit index), `form` a `JUZHU_FORM_*`.
/// Returns a static NUL-terminated UTF-8 string (do not free), or NULL when any argument is out
/// of range. Thread-safe.
#[no_mangle]
pub extern "C" fn juzhu_name(vocabulary: u32, value: u32, form: u32) -> *const c_char {
    guard_or(std::ptr::null(), || {
        let indexed = vocabulary >= JUZHU_VOCAB_ENTITLEMENT;
        let index = if indexed { Some(value) } else { value.checked_sub(1) };
        table()
            .get(vocabulary as usize)
            .filter(|_| vocabulary != 0)
            .and_then(|v| v.get(index? as usize))
            .and_then(|names| names.get(form as usize))
            .map_or(std::ptr::null(), |s| s.as_ptr())
    })
}

/// The article an entitlement rests on (`"art18.i1"`, `"art19.i5"`, `"art17"`), by bit index;
/// NULL when out of range. Static; do not free.
#[no_mangle]
pub extern "C" fn juzhu_entitlement_basis(index: u32) -> *const c_char {
    guard_or(std::ptr::null(), || {
        let Some(e) = u8::try_from(index).ok().and_then(Entitlement::from_code) else {
            return std::ptr::null();
        };
        juzhu_name(JUZHU_VOCAB_ARTICLE, u32::from(e.article().code()), JUZHU_FORM_ID)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    fn name(v: u32, x: u32, f: u32) -> Option<String> {
        let p = juzhu_name(v, x, f);
        // SAFETY: non-NULL results are static NUL-terminated strings.
        (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_owned())
    }

    #[test]
    fn names_by_constant_and_by_index() {
        assert_eq!(name(JUZHU_VOCAB_CATEGORY, 3, JUZHU_FORM_ID).as_deref(), Some("floating"));
        assert_eq!(name(JUZHU_VOCAB_CATEGORY, 3, JUZHU_FORM_ZH).as_deref(), Some("流动人口"));
        assert_eq!(name(JUZHU_VOCAB_CATEGORY, 0, JUZHU_FORM_ID), None);
        assert_eq!(name(JUZHU_VOCAB_CATEGORY, 5, JUZHU_FORM_ID), None);
        assert_eq!(name(JUZHU_VOCAB_CATEGORY, 1, 3), None);
        assert_eq!(name(0, 1, 0), None);
        assert_eq!(name(99, 1, 0), None);
        assert_eq!(name(JUZHU_VOCAB_ENTITLEMENT, 0, JUZHU_FORM_ID).as_deref(), Some("social_insurance"));
        assert_eq!(name(JUZHU_VOCAB_ENTITLEMENT, 20, JUZHU_FORM_ID).as_deref(), Some("criminal_record_certificate"));
        assert_eq!(name(JUZHU_VOCAB_ENTITLEMENT, 21, JUZHU_FORM_ID), None);
        assert_eq!(name(JUZHU_VOCAB_INTERPRETATION, 8, JUZHU_FORM_ID).as_deref(), Some("I9"));
        assert_eq!(name(JUZHU_VOCAB_STATE, 8, JUZHU_FORM_ID).as_deref(), Some("missed"));
        assert_eq!(name(JUZHU_VOCAB_NOTICE, 0, JUZHU_FORM_ID).as_deref(), Some("amended_text"));
        // SAFETY: static string.
        assert_eq!(unsafe { CStr::from_ptr(juzhu_entitlement_basis(6)) }.to_str().unwrap(), "art18.i7");
        assert!(juzhu_entitlement_basis(21).is_null());
    }

    #[test]
    fn entitlement_bits_follow_the_catalogue() {
        assert_eq!(JUZHU_ENTITLEMENT_COUNT as usize, Entitlement::ALL.len());
        assert_eq!(JUZHU_ENTITLEMENT_SOCIAL_INSURANCE, 1 << Entitlement::SocialInsurance.code());
        assert_eq!(JUZHU_ENTITLEMENT_CRIMINAL_RECORD_CERTIFICATE, 1 << Entitlement::CriminalRecordCertificate.code());
        assert_eq!(JUZHU_INTERPRETATION_I9, 1 << Interpretation::I9.code());
    }
}
