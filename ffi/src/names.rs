//! Names of every enumerated value: the JSON id and the Chinese and English labels.

use super::guard_or;
use juzhu_core::rules::liaoning_2013::Entitlement;
use juzhu_core::vocab::{Vocabulary, Word};
use juzhu_core::{AgeConvention, DayCounting, RuleSet};
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
/// Vocabulary: interpretations, by bit index (0 = I1 … 8 = I9, 9–11 = H1–H3, 12–15 = O1–O4).
pub const JUZHU_VOCAB_INTERPRETATION: u32 = 17;
/// Vocabulary: articles, by bit index of a basis set (`"art10.p1"` …).
pub const JUZHU_VOCAB_ARTICLE: u32 = 18;
/// Vocabulary: notices, by bit index (0 = `amended_text`).
pub const JUZHU_VOCAB_NOTICE: u32 = 19;
/// Vocabulary (`china-2016`, by code): permit status (`not_applicable` … `held`).
pub const JUZHU_VOCAB_CHINA_2016_PERMIT_STATUS: u32 = 20;
/// Vocabulary (`china-2016`, by code): the Art 2 conditions.
pub const JUZHU_VOCAB_CHINA_2016_CONDITION: u32 = 21;
/// Vocabulary (`china-2016`, by code): who may apply for the person (Art 9 p3).
pub const JUZHU_VOCAB_CHINA_2016_APPLY_THROUGH: u32 = 22;
/// Vocabulary (`china-2016`, by code): issuance status.
pub const JUZHU_VOCAB_CHINA_2016_ISSUE_STATUS: u32 = 23;
/// Vocabulary (`china-2016`, by code): endorsement status.
pub const JUZHU_VOCAB_CHINA_2016_ENDORSEMENT_STATUS: u32 = 24;
/// Vocabulary (`china-2016`, by code): the permit's function.
pub const JUZHU_VOCAB_CHINA_2016_FUNCTION: u32 = 25;
/// Vocabulary (`china-2016`, by code): the replacement fee.
pub const JUZHU_VOCAB_CHINA_2016_REPLACEMENT_FEE: u32 = 26;
/// Vocabulary (`china-2016`, by bit index): rights, services and conveniences.
pub const JUZHU_VOCAB_CHINA_2016_ENTITLEMENT: u32 = 27;
/// Vocabulary (`china-2016`, by code): settlement tiers.
pub const JUZHU_VOCAB_CHINA_2016_TIER: u32 = 28;
/// Vocabulary (`china-2016`, by code): settlement frame conditions.
pub const JUZHU_VOCAB_CHINA_2016_FRAME_CONDITION: u32 = 29;
/// Vocabulary (`china-2016`, by code): points systems.
pub const JUZHU_VOCAB_CHINA_2016_POINTS_SYSTEM: u32 = 30;
/// Vocabulary (`china-2016`, by code): offences (Art 18, 19).
pub const JUZHU_VOCAB_CHINA_2016_OFFENCE: u32 = 31;
/// Vocabulary (`china-2016`, by code): penalty measures.
pub const JUZHU_VOCAB_CHINA_2016_MEASURE: u32 = 32;
/// Vocabulary (`china-2016`, by code): the penalty authority.
pub const JUZHU_VOCAB_CHINA_2016_AUTHORITY: u32 = 33;
/// Vocabulary (`china-2016`, by bit index): interpretations (0 = R1 … 8 = R9).
pub const JUZHU_VOCAB_CHINA_2016_INTERPRETATION: u32 = 34;
/// Vocabulary (`china-2016`, by bit index): articles (`"rp2"` …).
pub const JUZHU_VOCAB_CHINA_2016_ARTICLE: u32 = 35;
/// Vocabulary (`china-2016`, by bit index): notices (0 = `local_measures`).
pub const JUZHU_VOCAB_CHINA_2016_NOTICE: u32 = 36;
/// Vocabulary: `JUZHU_OVERSEAS_*` (by constant).
pub const JUZHU_VOCAB_OVERSEAS_KIND: u32 = 37;
/// Vocabulary: `JUZHU_AREA_*` (by constant).
pub const JUZHU_VOCAB_AREA: u32 = 38;
/// Vocabulary (by code): household-event kinds (`birth` …; JSON only).
pub const JUZHU_VOCAB_EVENT_KIND: u32 = 39;
/// Vocabulary (by code): who declares a household event (`householder` …; JSON only).
pub const JUZHU_VOCAB_DECLARANT: u32 = 40;
/// Vocabulary (by code): what the station may do when a death is not declared (JSON only).
pub const JUZHU_VOCAB_FALLBACK: u32 = 41;

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
/// Interpretation bit: H1 (household events follow the 1958 Hukou Registration Regulations' periods).
pub const JUZHU_INTERPRETATION_H1: u16 = 1 << 9;
/// Interpretation bit: H2 ("before burial": on the burial day at the latest).
pub const JUZHU_INTERPRETATION_H2: u16 = 1 << 10;
/// Interpretation bit: H3 ("before moving out / enlisting": on that day at the latest).
pub const JUZHU_INTERPRETATION_H3: u16 = 1 << 11;
/// Interpretation bit: O1 (a limit in hours ends on the date the hours reach).
pub const JUZHU_INTERPRETATION_O1: u16 = 1 << 12;
/// Interpretation bit: O2 (hours are not moved over rest days).
pub const JUZHU_INTERPRETATION_O2: u16 = 1 << 13;
/// Interpretation bit: O3 (a registration on the deadline day is on time).
pub const JUZHU_INTERPRETATION_O3: u16 = 1 << 14;
/// Interpretation bit: O4 (a late registration still carries the penalty).
pub const JUZHU_INTERPRETATION_O4: u16 = 1 << 15;

type Names = [CString; 3];

/// Where a `JUZHU_VOCAB_*` vocabulary comes from: a shared word type, or a rule set's
/// vocabulary by name (`RuleSet::vocabularies`). A test checks that every vocabulary of every
/// rule set has exactly one constant here.
#[derive(Clone, Copy)]
enum Source {
    Shared(fn() -> &'static Vocabulary),
    Rules(RuleSet, &'static str),
}

/// Every vocabulary constant and its source.
const VOCABULARIES: &[(u32, Source)] = &[
    (JUZHU_VOCAB_CATEGORY, Source::Rules(RuleSet::Liaoning2013, "category")),
    (JUZHU_VOCAB_ACCOMMODATION, Source::Rules(RuleSet::Liaoning2013, "accommodation")),
    (JUZHU_VOCAB_DAY_COUNTING, Source::Shared(<DayCounting as Word>::vocabulary)),
    (JUZHU_VOCAB_AGE, Source::Shared(<AgeConvention as Word>::vocabulary)),
    (JUZHU_VOCAB_RULE_SET, Source::Shared(<RuleSet as Word>::vocabulary)),
    (JUZHU_VOCAB_REPORTER_KIND, Source::Rules(RuleSet::Liaoning2013, "reporter_kind")),
    (JUZHU_VOCAB_STATE, Source::Rules(RuleSet::Liaoning2013, "status")),
    (JUZHU_VOCAB_REGISTRATION_KIND, Source::Rules(RuleSet::Liaoning2013, "registration_kind")),
    (JUZHU_VOCAB_DUTY_HOLDER, Source::Rules(RuleSet::Liaoning2013, "duty_holder")),
    (JUZHU_VOCAB_PERMIT_STATUS, Source::Rules(RuleSet::Liaoning2013, "permit_status")),
    (JUZHU_VOCAB_EXEMPTION, Source::Rules(RuleSet::Liaoning2013, "exemption")),
    (JUZHU_VOCAB_CONSEQUENCE, Source::Rules(RuleSet::Liaoning2013, "consequence")),
    (JUZHU_VOCAB_PENALTY_STAGE, Source::Rules(RuleSet::Liaoning2013, "penalty_stage")),
    (JUZHU_VOCAB_AUTHORITY, Source::Rules(RuleSet::Liaoning2013, "authority")),
    (JUZHU_VOCAB_CATEGORY_SOURCE, Source::Rules(RuleSet::Liaoning2013, "category_source")),
    (JUZHU_VOCAB_ENTITLEMENT, Source::Rules(RuleSet::Liaoning2013, "entitlement")),
    (JUZHU_VOCAB_INTERPRETATION, Source::Rules(RuleSet::Liaoning2013, "interpretation")),
    (JUZHU_VOCAB_ARTICLE, Source::Rules(RuleSet::Liaoning2013, "article")),
    (JUZHU_VOCAB_NOTICE, Source::Rules(RuleSet::Liaoning2013, "notice")),
    (JUZHU_VOCAB_CHINA_2016_PERMIT_STATUS, Source::Rules(RuleSet::China2016, "permit_status")),
    (JUZHU_VOCAB_CHINA_2016_CONDITION, Source::Rules(RuleSet::China2016, "condition")),
    (JUZHU_VOCAB_CHINA_2016_APPLY_THROUGH, Source::Rules(RuleSet::China2016, "apply_through")),
    (JUZHU_VOCAB_CHINA_2016_ISSUE_STATUS, Source::Rules(RuleSet::China2016, "issue_status")),
    (JUZHU_VOCAB_CHINA_2016_ENDORSEMENT_STATUS, Source::Rules(RuleSet::China2016, "endorsement_status")),
    (JUZHU_VOCAB_CHINA_2016_FUNCTION, Source::Rules(RuleSet::China2016, "function")),
    (JUZHU_VOCAB_CHINA_2016_REPLACEMENT_FEE, Source::Rules(RuleSet::China2016, "replacement_fee")),
    (JUZHU_VOCAB_CHINA_2016_ENTITLEMENT, Source::Rules(RuleSet::China2016, "entitlement")),
    (JUZHU_VOCAB_CHINA_2016_TIER, Source::Rules(RuleSet::China2016, "tier")),
    (JUZHU_VOCAB_CHINA_2016_FRAME_CONDITION, Source::Rules(RuleSet::China2016, "frame_condition")),
    (JUZHU_VOCAB_CHINA_2016_POINTS_SYSTEM, Source::Rules(RuleSet::China2016, "points_system")),
    (JUZHU_VOCAB_CHINA_2016_OFFENCE, Source::Rules(RuleSet::China2016, "offence")),
    (JUZHU_VOCAB_CHINA_2016_MEASURE, Source::Rules(RuleSet::China2016, "measure")),
    (JUZHU_VOCAB_CHINA_2016_AUTHORITY, Source::Rules(RuleSet::China2016, "authority")),
    (JUZHU_VOCAB_CHINA_2016_INTERPRETATION, Source::Rules(RuleSet::China2016, "interpretation")),
    (JUZHU_VOCAB_CHINA_2016_ARTICLE, Source::Rules(RuleSet::China2016, "article")),
    (JUZHU_VOCAB_CHINA_2016_NOTICE, Source::Rules(RuleSet::China2016, "notice")),
    (JUZHU_VOCAB_OVERSEAS_KIND, Source::Rules(RuleSet::Liaoning2013, "overseas_kind")),
    (JUZHU_VOCAB_AREA, Source::Rules(RuleSet::Liaoning2013, "area")),
    (JUZHU_VOCAB_EVENT_KIND, Source::Rules(RuleSet::Liaoning2013, "event_kind")),
    (JUZHU_VOCAB_DECLARANT, Source::Rules(RuleSet::Liaoning2013, "declarant")),
    (JUZHU_VOCAB_FALLBACK, Source::Rules(RuleSet::Liaoning2013, "fallback")),
];

/// The vocabularies named by value + 1 (the `JUZHU_*` constants of the struct entry points);
/// every other vocabulary is named by code or bit index.
fn by_constant(vocabulary: u32) -> bool {
    vocabulary < JUZHU_VOCAB_ENTITLEMENT || vocabulary == JUZHU_VOCAB_OVERSEAS_KIND || vocabulary == JUZHU_VOCAB_AREA
}

impl Source {
    fn vocabulary(self) -> Option<&'static Vocabulary> {
        match self {
            Source::Shared(v) => Some(v()),
            Source::Rules(rs, name) => rs.vocabularies().into_iter().find(|(n, _)| *n == name).map(|(_, v)| v),
        }
    }
}

/// Per vocabulary constant, its names; built once, then read-only.
fn table() -> &'static [(u32, Vec<Names>)] {
    static TABLE: OnceLock<Vec<(u32, Vec<Names>)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let c = |s: &str| CString::new(s).unwrap_or_default();
        VOCABULARIES
            .iter()
            .map(|&(k, source)| {
                let names = source
                    .vocabulary()
                    .map(|v| (0..v.len()).map(|i| [c(v.ids[i]), c(v.zh[i]), c(v.en[i])]).collect())
                    .unwrap_or_default();
                (k, names)
            })
            .collect()
    })
}

/// The name of a value: `vocabulary` is a `JUZHU_VOCAB_*`, `value` the `JUZHU_*` constant for the
/// vocabularies of the struct entry points (1–15, 37, 38), else the code or bit index
/// (entitlements, interpretations, articles, notices, household events, and every `china-2016`
/// vocabulary), `form` a `JUZHU_FORM_*`. For the bit-set vocabularies pass the bit's index, not
/// the header's mask constant: the name of `JUZHU_INTERPRETATION_I2` (a mask, `1 << 1`) is
/// `juzhu_name(JUZHU_VOCAB_INTERPRETATION, 1, form)`; walk a set with its lowest bit's index
/// (`__builtin_ctz`, or a loop over 0..63 testing `set >> k & 1`).
/// Returns a static NUL-terminated UTF-8 string (do not free), or NULL when any argument is out
/// of range — including the value 0 of the struct entry points' vocabularies, which means
/// "absent" and has no name: test for NULL before printing (`printf("%s", NULL)` is undefined).
/// Thread-safe.
#[no_mangle]
pub extern "C" fn juzhu_name(vocabulary: u32, value: u32, form: u32) -> *const c_char {
    guard_or(std::ptr::null(), || {
        let index = if by_constant(vocabulary) { value.checked_sub(1) } else { Some(value) };
        table()
            .iter()
            .find(|(k, _)| *k == vocabulary)
            .and_then(|(_, v)| v.get(index? as usize))
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
    use juzhu_core::rules::liaoning_2013::Interpretation;
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
    fn every_vocabulary_of_every_rule_set_has_one_constant() {
        let mut seen = std::collections::BTreeSet::new();
        for &rs in RuleSet::ALL {
            for (name, v) in rs.vocabularies() {
                let constants: Vec<u32> = VOCABULARIES
                    .iter()
                    .filter(|(_, s)| {
                        s.vocabulary().is_some_and(|x| x.same(v))
                            && matches!(s, Source::Rules(r, n) if *r == rs && *n == name)
                    })
                    .map(|(k, _)| *k)
                    .collect();
                assert_eq!(constants.len(), 1, "{rs} {name}: {constants:?}");
                assert!(seen.insert(constants[0]), "{rs} {name}: constant {} used twice", constants[0]);
            }
        }
        for (k, source) in VOCABULARIES {
            assert!(source.vocabulary().is_some(), "JUZHU_VOCAB {k} names no vocabulary");
        }
        let mut keys: Vec<u32> = VOCABULARIES.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), VOCABULARIES.len(), "constants are unique");
        assert_eq!(name(JUZHU_VOCAB_CHINA_2016_ENDORSEMENT_STATUS, 2, JUZHU_FORM_ID).as_deref(), Some("missed"));
        assert_eq!(name(JUZHU_VOCAB_CHINA_2016_PERMIT_STATUS, 4, JUZHU_FORM_ZH).as_deref(), Some("持有居住证"));
        assert_eq!(name(JUZHU_VOCAB_RULE_SET, 2, JUZHU_FORM_ID).as_deref(), Some("china-2016"));
        assert_eq!(name(JUZHU_VOCAB_CHINA_2016_ARTICLE, 5, JUZHU_FORM_ID).as_deref(), Some("rp9.p6"));
    }

    #[test]
    fn entitlement_bits_follow_the_catalogue() {
        assert_eq!(JUZHU_ENTITLEMENT_COUNT as usize, Entitlement::ALL.len());
        assert_eq!(JUZHU_ENTITLEMENT_SOCIAL_INSURANCE, 1 << Entitlement::SocialInsurance.code());
        assert_eq!(JUZHU_ENTITLEMENT_CRIMINAL_RECORD_CERTIFICATE, 1 << Entitlement::CriminalRecordCertificate.code());
        assert_eq!(JUZHU_INTERPRETATION_I9, 1 << Interpretation::I9.code());
        let later = [
            (JUZHU_INTERPRETATION_H1, Interpretation::H1),
            (JUZHU_INTERPRETATION_H2, Interpretation::H2),
            (JUZHU_INTERPRETATION_H3, Interpretation::H3),
            (JUZHU_INTERPRETATION_O1, Interpretation::O1),
            (JUZHU_INTERPRETATION_O2, Interpretation::O2),
            (JUZHU_INTERPRETATION_O3, Interpretation::O3),
            (JUZHU_INTERPRETATION_O4, Interpretation::O4),
        ];
        for (bit, i) in later {
            assert_eq!(u32::from(bit), 1 << i.code(), "{}", i.id());
        }
        assert_eq!(Interpretation::ALL.len(), 16, "the u16 the C struct carries is full");
        assert_eq!(name(JUZHU_VOCAB_INTERPRETATION, 15, JUZHU_FORM_ID).as_deref(), Some("O4"));
        assert_eq!(name(JUZHU_VOCAB_OVERSEAS_KIND, 3, JUZHU_FORM_ID).as_deref(), Some("taiwan"));
        assert_eq!(name(JUZHU_VOCAB_AREA, 2, JUZHU_FORM_ID).as_deref(), Some("rural"));
        assert_eq!(name(JUZHU_VOCAB_EVENT_KIND, 0, JUZHU_FORM_ID).as_deref(), Some("birth"));
        assert_eq!(name(JUZHU_VOCAB_DECLARANT, 4, JUZHU_FORM_ID).as_deref(), Some("self"));
        assert_eq!(name(JUZHU_VOCAB_ARTICLE, 42, JUZHU_FORM_ID).as_deref(), Some("art8.i1"));
    }
}
