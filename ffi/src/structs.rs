//! Struct entry points, for systems without a JSON library: flat structs, integer constants
//! (`0` = absent or default), dates as `YYYYMMDD` integers (`0` = absent).
//!
//! They cover the rule set `liaoning-2013` (its person and reporter records); a policy naming
//! another rule set is refused at `policy.rule_set`. Other rule sets are assessed through the
//! JSON entry points.

use super::calendar::juzhu_calendar;
use super::names::{JUZHU_FORM_EN, JUZHU_FORM_ZH};
use super::{guard, juzhu_status, to_c_string};
use juzhu_core::batch::{NULL_CODE, NULL_DAY, NULL_REGION, NULL_TIME};
use juzhu_core::date::{days_in_month, from_ymd, to_ymd, DayNum};
use juzhu_core::explain::Silent;
use juzhu_core::rules::liaoning_2013::batch::{assess_row, PersonRow};
use juzhu_core::rules::liaoning_2013::facts::ReporterFacts;
use juzhu_core::rules::liaoning_2013::outcome::PersonOutcome;
use juzhu_core::rules::liaoning_2013::{self as l13, check_as_of, Area, Ctx, OverseasKind};
use juzhu_core::time::{TimeOfDay, MINUTES_PER_DAY};
use juzhu_core::{AgeConvention, Calendar, CaseError, DayCounting, Lang, Policy, ReporterKind, RuleSet, Word};
use std::ffi::c_char;

// ----------------------------------------------------------------------------- constants
// Every enumerated value is its core word's code + 1, so that 0 always means "absent".

/// Category: permanent resident (常住人口).
pub const JUZHU_CATEGORY_PERMANENT: u8 = 1;
/// Category: lodging resident (寄住人口).
pub const JUZHU_CATEGORY_LODGING: u8 = 2;
/// Category: floating resident (流动人口).
pub const JUZHU_CATEGORY_FLOATING: u8 = 3;
/// Category: from outside the mainland (境外来辽人员).
pub const JUZHU_CATEGORY_OVERSEAS: u8 = 4;

/// Accommodation: a home (the default, also for 0).
pub const JUZHU_ACCOMMODATION_RESIDENCE: u8 = 1;
/// Accommodation: hotel (Art 11 p1 i1).
pub const JUZHU_ACCOMMODATION_HOTEL: u8 = 2;
/// Accommodation: hospital inpatient (Art 11 p1 i2).
pub const JUZHU_ACCOMMODATION_HOSPITAL: u8 = 3;
/// Accommodation: boarding at a school (Art 11 p1 i3).
pub const JUZHU_ACCOMMODATION_SCHOOL: u8 = 4;
/// Accommodation: boarding at a training institution (Art 11 p1 i3).
pub const JUZHU_ACCOMMODATION_TRAINING: u8 = 5;
/// Accommodation: relief station (Art 11 p1 i4).
pub const JUZHU_ACCOMMODATION_RELIEF_STATION: u8 = 6;

/// Day counting: Civil Code (default, also for 0).
pub const JUZHU_DAY_COUNTING_CIVIL_CODE: u8 = 1;
/// Day counting: calendar days, never moved.
pub const JUZHU_DAY_COUNTING_CALENDAR: u8 = 2;
/// Day counting: working days.
pub const JUZHU_DAY_COUNTING_WORKING_DAYS: u8 = 3;

/// Age convention: N full years from the day after the Nth birthday (default, also for 0).
pub const JUZHU_AGE_DAY_AFTER_BIRTHDAY: u8 = 1;
/// Age convention: N full years on the Nth birthday.
pub const JUZHU_AGE_ON_BIRTHDAY: u8 = 2;

/// Rule set: Liaoning Decree 281 (2013) (default, also for 0).
pub const JUZHU_RULE_SET_LIAONING_2013: u8 = 1;
/// Rule set: the State Council's Interim Regulations on Residence Permits (2016). JSON entry
/// points only: the struct entry points refuse it (`policy.rule_set`).
pub const JUZHU_RULE_SET_CHINA_2016: u8 = 2;

/// Reporter: employer (Art 14).
pub const JUZHU_REPORTER_EMPLOYER: u8 = 1;
/// Reporter: job agency (Art 14).
pub const JUZHU_REPORTER_JOB_AGENCY: u8 = 2;
/// Reporter: housing agency (Art 14).
pub const JUZHU_REPORTER_HOUSING_AGENCY: u8 = 3;
/// Reporter: landlord (Art 14).
pub const JUZHU_REPORTER_LANDLORD: u8 = 4;
/// Reporter: hotel (Art 11 p2).
pub const JUZHU_REPORTER_HOTEL: u8 = 5;
/// Reporter: hospital (Art 11 p2).
pub const JUZHU_REPORTER_HOSPITAL: u8 = 6;
/// Reporter: school (Art 11 p2).
pub const JUZHU_REPORTER_SCHOOL: u8 = 7;
/// Reporter: training institution (Art 11 p2).
pub const JUZHU_REPORTER_TRAINING_INSTITUTION: u8 = 8;
/// Reporter: relief station (Art 11 p2).
pub const JUZHU_REPORTER_RELIEF_STATION: u8 = 9;

/// Duty state: nothing to do.
pub const JUZHU_STATE_NOT_REQUIRED: u8 = 1;
/// Duty state: not done, deadline not passed.
pub const JUZHU_STATE_PENDING: u8 = 2;
/// Duty state: done on or before the deadline.
pub const JUZHU_STATE_DONE: u8 = 3;
/// Duty state: done after the deadline.
pub const JUZHU_STATE_LATE: u8 = 4;
/// Duty state: not done and the deadline has passed.
pub const JUZHU_STATE_OVERDUE: u8 = 5;
/// Duty state: an Art 11 institution registers the person.
pub const JUZHU_STATE_INSTITUTION: u8 = 6;
/// Duty state: reported periodically (Art 11 p2).
pub const JUZHU_STATE_PERIODIC: u8 = 7;
/// Duty state: extension not applied for by its deadline.
pub const JUZHU_STATE_MISSED: u8 = 8;
/// Duty state: no period fixed and nothing declared yet (household events: JSON only).
pub const JUZHU_STATE_NO_DEADLINE: u8 = 9;

/// Registration kind: lodging registration (寄住登记, Art 9).
pub const JUZHU_REGISTRATION_LODGING: u8 = 1;
/// Registration kind: floating-resident registration (流动人口居住登记, Art 10).
pub const JUZHU_REGISTRATION_RESIDENCE: u8 = 2;
/// Registration kind: a foreign national's accommodation registration (住宿登记, eel39).
pub const JUZHU_REGISTRATION_ACCOMMODATION: u8 = 3;
/// Registration kind: a Hong Kong, Macao or Taiwan resident's temporary-residence registration
/// (暂住登记, hkm17 / tw16).
pub const JUZHU_REGISTRATION_TEMPORARY_RESIDENCE: u8 = 4;

/// Registration made by: the person.
pub const JUZHU_HOLDER_SELF: u8 = 1;
/// Registration made by: the hotel.
pub const JUZHU_HOLDER_HOTEL: u8 = 2;
/// Registration made by: the hospital.
pub const JUZHU_HOLDER_HOSPITAL: u8 = 3;
/// Registration made by: the school.
pub const JUZHU_HOLDER_SCHOOL: u8 = 4;
/// Registration made by: the training institution.
pub const JUZHU_HOLDER_TRAINING_INSTITUTION: u8 = 5;
/// Registration made by: the relief station.
pub const JUZHU_HOLDER_RELIEF_STATION: u8 = 6;
/// Registration made by: the person from outside the mainland, or whoever hosts them.
pub const JUZHU_HOLDER_SELF_OR_HOST: u8 = 7;

/// Permit: required (Art 10 p1).
pub const JUZHU_PERMIT_REQUIRED: u8 = 1;
/// Permit: optional, exempt (Art 10 p2).
pub const JUZHU_PERMIT_OPTIONAL: u8 = 2;
/// Permit: not issued, registration only (Art 11).
pub const JUZHU_PERMIT_NOT_ISSUED: u8 = 3;
/// Permit: not applicable.
pub const JUZHU_PERMIT_NOT_APPLICABLE: u8 = 4;

/// Exemption: studying.
pub const JUZHU_EXEMPTION_STUDENT: u8 = 1;
/// Exemption: not yet 16 full years old.
pub const JUZHU_EXEMPTION_UNDER_16: u8 = 2;

/// Art 21 consequence: none.
pub const JUZHU_CONSEQUENCE_NONE: u8 = 1;
/// Art 21 consequence: ordered to correct by a time limit.
pub const JUZHU_CONSEQUENCE_ORDER_TO_CORRECT: u8 = 2;
/// Art 21 consequence: personal credit-record entry.
pub const JUZHU_CONSEQUENCE_CREDIT_RECORD: u8 = 3;
/// Consequence for a foreign national not registered in time: a warning, and a fine may be
/// added (eel76.p1.i6; `fine_min_yuan`–`fine_max_yuan`).
pub const JUZHU_CONSEQUENCE_WARNING_AND_OPTIONAL_FINE: u8 = 4;
/// Consequence for a Taiwan resident not registered in time: a warning or a fine (tw34).
pub const JUZHU_CONSEQUENCE_WARNING_OR_FINE: u8 = 5;

/// Art 22 stage: none.
pub const JUZHU_PENALTY_NONE: u8 = 1;
/// Art 22 stage: ordered to correct by a time limit.
pub const JUZHU_PENALTY_ORDER_TO_CORRECT: u8 = 2;
/// Art 22 stage: fine per person and credit-record entry.
pub const JUZHU_PENALTY_FINE_AND_CREDIT_RECORD: u8 = 3;

/// Fining authority: the county public security organ.
pub const JUZHU_AUTHORITY_COUNTY_PUBLIC_SECURITY: u8 = 1;

/// Category source: given by the caller.
pub const JUZHU_CATEGORY_SOURCE_GIVEN: u8 = 1;
/// Category source: derived from the division codes.
pub const JUZHU_CATEGORY_SOURCE_DERIVED: u8 = 2;

/// Notice bit: the 2013 text has since been amended (assessments from 2016-11-19).
pub const JUZHU_NOTICE_AMENDED_TEXT: u8 = 1;

/// `juzhu_assessment.permit_valid`: no permit held on the assessment day.
pub const JUZHU_VALID_UNKNOWN: i8 = -1;

/// Who a person from outside the mainland is (`juzhu_person.overseas_kind`): a foreign national.
pub const JUZHU_OVERSEAS_FOREIGNER: u8 = 1;
/// Who a person from outside the mainland is: a Hong Kong or Macao resident.
pub const JUZHU_OVERSEAS_HK_MACAO: u8 = 2;
/// Who a person from outside the mainland is: a Taiwan resident.
pub const JUZHU_OVERSEAS_TAIWAN: u8 = 3;

/// Area (`juzhu_person.area`): a town or city (the default, also for 0).
pub const JUZHU_AREA_URBAN: u8 = 1;
/// Area: a village or the countryside.
pub const JUZHU_AREA_RURAL: u8 = 2;

/// A time of day field (`juzhu_person.arrival_time`, `juzhu_assessment.registration_deadline_time`):
/// absent. A present time is minutes after midnight + 1 (`00:00` = 1, `21:15` = 1276, `23:59` =
/// 1440); `JUZHU_TIME(h, m)` makes one.
pub const JUZHU_TIME_ABSENT: i16 = 0;

// ------------------------------------------------------------------------------- structs

/// Refused input, for the struct entry points: NUL-terminated UTF-8, truncated to fit.
/// `field` is the dotted path of the contract's JSON (`person.arrival_date`), the same a JSON
/// case gets: a `juzhu_person` member named `permit_*` is `person.permit.*` there
/// (`permit_issued_on` → `person.permit.issued_on`). `message` is the reason, in English or in
/// Chinese as `juzhu_policy.lang` asks (a Chinese reason of more than 85 characters or so is
/// truncated at a character). Never holds a whole identity number. Written only with `JUZHU_STATUS_INVALID_INPUT`: on any other status it is
/// untouched, so zero it before the call if it may be read after one.
#[repr(C)]
pub struct juzhu_error {
    /// Dotted path of the offending input.
    pub field: [c_char; 64],
    /// What is wrong (language: `juzhu_policy.lang`).
    pub message: [c_char; 256],
}

/// Policy for the struct entry points. A NULL `const juzhu_policy *` means all defaults.
#[repr(C)]
pub struct juzhu_policy {
    /// Rest days: NULL for the embedded mainland calendar.
    pub calendar: *const juzhu_calendar,
    /// `JUZHU_DAY_COUNTING_*`, 0 = default (Civil Code).
    pub day_counting: u8,
    /// `JUZHU_AGE_*`, 0 = default (day after the birthday).
    pub age: u8,
    /// `JUZHU_RULE_SET_*`, 0 = default (`liaoning-2013`).
    pub rule_set: u8,
    /// Worker threads for `juzhu_assess_batch`: 0 or 1 = the calling thread only.
    pub threads: u8,
    /// Language of `juzhu_error.message`: `JUZHU_FORM_ZH` (Chinese) or `JUZHU_FORM_EN`; 0 =
    /// default (English). Since 0.2 (a reserved byte before).
    pub lang: u8,
    /// Must be zero.
    pub reserved: [u8; 3],
}

/// A person (the person fields of `spec/CASES.md`, flattened). Zero-initialise, then set what is
/// known: every 0 means absent. Household events are per case only (JSON entry points). Since
/// 0.2 the struct is 88 bytes (was 56): `overseas_kind`, `area` and `arrival_time` follow
/// `reserved`, then 4 reserved bytes and the 24 bytes of `id_number`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct juzhu_person {
    /// GB/T 2260 code of the hukou (used when category is absent), as a number; 0 = absent.
    pub hukou_region: i64,
    /// GB/T 2260 code of the residence: must lie in Liaoning (21…), as a number; 0 = absent.
    pub residence_region: i64,
    /// `YYYYMMDD`; date of birth.
    pub birth_date: i32,
    /// `YYYYMMDD`; day of arrival at the residence (lodging and floating persons).
    pub arrival_date: i32,
    /// `YYYYMMDD`; planned day of departure; absent = open-ended stay.
    pub planned_departure: i32,
    /// `YYYYMMDD`; day the registration was made.
    pub registered_on: i32,
    /// `YYYYMMDD`; day the permit application was made.
    pub permit_applied_on: i32,
    /// `YYYYMMDD`; 0 = no permit held; issue day of the permit held (absent: none held).
    pub permit_issued_on: i32,
    /// `YYYYMMDD`; day the extension was applied for.
    pub permit_extension_applied_on: i32,
    /// `YYYYMMDD`: Art 21 time limit; time limit set by the police under Art 21 (on or before the
    /// duty's deadline: refused).
    pub correction_deadline: i32,
    /// `JUZHU_CATEGORY_*`, 0 = derive from `overseas`, `hukou_region`, `living_at_hukou`; population category (Art 24), or derived from the fields below.
    pub category: u8,
    /// 0 or 1; from outside the mainland (used when category is absent).
    pub overseas: u8,
    /// 0 or 1; lives at the hukou address (used when category is absent).
    pub living_at_hukou: u8,
    /// `JUZHU_ACCOMMODATION_*`, 0 = residence; where the person stays (default residence).
    pub accommodation: u8,
    /// 0 or 1; studying (就学, Art 10 p2).
    pub studying: u8,
    /// 0 or 1; wishes to apply for a permit voluntarily.
    pub wants_permit: u8,
    /// 1, 2 or 3 when `permit_issued_on` is set; validity of the permit held: 1, 2 or 3 years.
    pub permit_validity_years: u8,
    /// Must be zero.
    pub reserved: u8,
    /// `JUZHU_OVERSEAS_*`, 0 = not given: who a person from outside the mainland is (overseas
    /// persons only) (since 0.2).
    pub overseas_kind: u8,
    /// `JUZHU_AREA_*`, 0 = not given: town or village, for the hours of a registration (overseas
    /// persons only; default urban) (since 0.2).
    pub area: u8,
    /// The time of moving in, HH:MM (overseas persons only) in JSON; here minutes after midnight
    /// + 1 (`JUZHU_TIME(h, m)`), 0 = not given (since 0.2).
    pub arrival_time: i16,
    /// Must be zero.
    pub reserved_tail: [u8; 4],
    /// NUL-terminated ASCII text (18 characters, or 15 for a first-generation number), empty
    /// (first byte 0) = not given: citizen identity number; supplies the date of birth when none
    /// is given (checked against it when one is) (since 0.2). Only the birth date it holds is
    /// used; the number is read in place, never copied or shown whole (an error masks it).
    pub id_number: [c_char; 24],
}

/// What the rules decide about a person. Enumerations are `JUZHU_*` constants, 0 = null; dates
/// `YYYYMMDD`, 0 = null; `*_basis` are bit sets of article indexes (`juzhu_name` with
/// `JUZHU_VOCAB_ARTICLE`); `entitlements` has bit k for entitlement index k (`JUZHU_ENTITLEMENT_*`);
/// `interpretations` has bit k for interpretation index k (`JUZHU_INTERPRETATION_*`: I1–I9, then
/// H1–H3 and O1–O4). Since 0.2 the struct is 80 bytes (was 64): the fines and the deadline's
/// hour follow `notices`. Household events are per case only (JSON entry points).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct juzhu_assessment {
    /// Provisions the registration decision rests on.
    pub registration_basis: u64,
    /// Provisions the permit decision rests on.
    pub permit_basis: u64,
    /// `JUZHU_STATUS_OK`, or for a refused batch row `JUZHU_STATUS_INVALID_INPUT` (all else 0,
    /// `permit_valid` `JUZHU_VALID_UNKNOWN`).
    pub status: i32,
    /// Entitlement bit set; rights held on the assessment day (bit k = entitlement code k).
    pub entitlements: u32,
    /// Always 0 (Art 13 p4).
    pub fee_yuan: u32,
    /// `YYYYMMDD`, 0 = null; registration deadline: when it is due.
    pub registration_deadline: i32,
    /// `YYYYMMDD`, 0 = null; the day the person reaches 16 full years (I3).
    pub permit_reaches_16_on: i32,
    /// `YYYYMMDD`, 0 = null; permit application deadline: when a required application is due.
    pub permit_deadline: i32,
    /// `YYYYMMDD`, 0 = null; last day of validity of the permit held.
    pub permit_expires_on: i32,
    /// `YYYYMMDD`, 0 = null; latest day to apply for an extension (I6).
    pub permit_extension_deadline: i32,
    /// Interpretation bit set; interpretations applied (bit k = code k).
    pub interpretations: u16,
    /// `JUZHU_CATEGORY_*`; population category, as given or derived.
    pub category: u8,
    /// `JUZHU_CATEGORY_SOURCE_*`; whether the category was given or derived.
    pub category_source: u8,
    /// 0 or 1; a registration is required.
    pub registration_required: u8,
    /// `JUZHU_REGISTRATION_*`; which registration.
    pub registration_kind: u8,
    /// `JUZHU_HOLDER_*`; who makes it.
    pub registration_duty_holder: u8,
    /// `JUZHU_STATE_*`; its state on the assessment day.
    pub registration_status: u8,
    /// `JUZHU_PERMIT_*`; required, optional, not issued or not applicable.
    pub permit_status: u8,
    /// `JUZHU_EXEMPTION_*`; why it is optional.
    pub permit_exemption: u8,
    /// `JUZHU_STATE_*`; the application's state.
    pub permit_application_status: u8,
    /// 1 valid, 0 expired, `JUZHU_VALID_UNKNOWN` (-1) no permit held; the permit held is valid on the assessment day.
    pub permit_valid: i8,
    /// `JUZHU_STATE_*`; the extension's state.
    pub permit_extension_status: u8,
    /// `JUZHU_CONSEQUENCE_*`; what the person risks under Art 21.
    pub consequence: u8,
    /// 1 when a deadline relied on a year without official calendar data.
    pub calendar_provisional: u8,
    /// `JUZHU_NOTICE_*` bit set.
    pub notices: u8,
    /// For a person from outside the mainland not registered in time: lowest fine, yuan (0 where
    /// none) (since 0.2).
    pub fine_min_yuan: u32,
    /// The same case's highest fine, yuan (0 where none) (since 0.2).
    pub fine_max_yuan: u32,
    /// On `registration_deadline`: the hour a limit in hours ends on the deadline day (minutes
    /// after midnight), + 1 as `juzhu_person.arrival_time`; 0 = none (since 0.2).
    pub registration_deadline_time: i16,
    /// Zero.
    pub reserved_tail: [u8; 6],
}

/// A reporter (Art 11 p2, 14, 22). Zero-initialise, then set.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct juzhu_reporter {
    /// `YYYYMMDD`: when the person's information was registered (required for Art 14 kinds).
    pub registered_on: i32,
    /// `YYYYMMDD`.
    pub reported_on: i32,
    /// `YYYYMMDD`: Art 22 time limit.
    pub correction_deadline: i32,
    /// `YYYYMMDD`.
    pub corrected_on: i32,
    /// Persons falsely reported.
    pub false_reports: u32,
    /// Persons concealed.
    pub concealed: u32,
    /// `JUZHU_REPORTER_*` (required).
    pub kind: u8,
    /// Must be zero.
    pub reserved: [u8; 3],
}

/// What the rules decide about a reporter.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct juzhu_report_assessment {
    /// Lowest fine, yuan.
    pub fine_min_yuan: u64,
    /// Highest fine, yuan.
    pub fine_max_yuan: u64,
    /// Provisions of the reporting duty (article bit set).
    pub report_basis: u64,
    /// Provisions of the penalty (article bit set).
    pub penalty_basis: u64,
    /// `YYYYMMDD`; 0 for periodic reporters.
    pub report_deadline: i32,
    /// Interpretation bit set.
    pub interpretations: u16,
    /// `JUZHU_STATE_*`.
    pub report_status: u8,
    /// `JUZHU_PENALTY_*`.
    pub penalty_stage: u8,
    /// `JUZHU_AUTHORITY_*`, 0 when no fine.
    pub authority: u8,
    /// 0 or 1.
    pub calendar_provisional: u8,
    /// `JUZHU_NOTICE_*` bit set.
    pub notices: u8,
    /// Zero.
    pub reserved: u8,
    /// Zero (named so that the struct has no hidden padding, whatever the packing).
    pub reserved_tail: [u8; 4],
}

// ----------------------------------------------------------------------------- helpers

/// A `YYYYMMDD` integer as a day number; `None` when it names no day.
pub(crate) fn date_from_yyyymmdd(v: i32) -> Option<DayNum> {
    if v <= 0 {
        return None;
    }
    let (y, m, d) = (v / 10_000, (v / 100 % 100) as u32, (v % 100) as u32);
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then(|| from_ymd(y, m, d))
}

/// A day number as `YYYYMMDD`.
pub(crate) fn yyyymmdd(d: DayNum) -> i32 {
    let (y, m, day) = to_ymd(d);
    y * 10_000 + m as i32 * 100 + day as i32
}

fn opt_yyyymmdd(d: Option<DayNum>) -> i32 {
    d.map_or(0, yyyymmdd)
}

fn date_field(field: &'static str, v: i32) -> Result<DayNum, CaseError> {
    if v == 0 {
        return Ok(NULL_DAY);
    }
    date_from_yyyymmdd(v).ok_or_else(|| {
        CaseError::new(field, format!("{v} is not a date (YYYYMMDD)"), format!("{v} 不是有效的日期（YYYYMMDD）"))
    })
}

fn flag_field(field: &'static str, v: u8) -> Result<u8, CaseError> {
    if v <= 1 {
        Ok(v)
    } else {
        Err(CaseError::new(field, format!("{v} is not 0 or 1"), format!("{v} 不是 0 或 1")))
    }
}

/// A `JUZHU_*` constant (code + 1, 0 = absent) as a core code (`NULL_CODE` when absent).
fn code_field<W: Word>(field: &'static str, v: u8, what: &str) -> Result<u8, CaseError> {
    match v {
        0 => Ok(NULL_CODE),
        v if usize::from(v) <= W::ALL.len() => Ok(v - 1),
        v => Err(CaseError::new(
            field,
            format!("{v} is not a {what} constant (1–{}, or 0)", W::ALL.len()),
            format!("{v} 不是有效的 {what} 常量（1 至 {}，或 0）", W::ALL.len()),
        )),
    }
}

fn c_code<W: Word>(w: W) -> u8 {
    w.code() + 1
}

fn c_opt<W: Word>(w: Option<W>) -> u8 {
    w.map_or(0, c_code)
}

/// A time field (minutes after midnight + 1, 0 = absent) as a core time column value.
fn time_field(field: &'static str, v: i16) -> Result<u16, CaseError> {
    match v {
        0 => Ok(NULL_TIME),
        v if (1..=MINUTES_PER_DAY as i16).contains(&v) => Ok(v.unsigned_abs() - 1),
        v => Err(CaseError::new(
            field,
            format!("{v} is not a time (minutes after midnight + 1: 1–{MINUTES_PER_DAY}, or 0 for none)"),
            format!("{v} 不是有效的时刻（零点起的分钟数加 1：1 至 {MINUTES_PER_DAY}；0 表示无）"),
        )),
    }
}

/// An identity number field (NUL-terminated text, empty = absent) as the birth day it holds,
/// the value a core identity-number column gives; refused in the JSON reader's words.
fn id_field(field: &'static str, v: &[c_char; 24]) -> Result<DayNum, CaseError> {
    let bytes: &[u8; 24] = &v.map(|c| c as u8);
    let Some(end) = bytes.iter().position(|&b| b == 0) else {
        return Err(CaseError::new(
            field,
            "is not NUL-terminated within its 24 bytes",
            "在其 24 个字节内没有以 NUL 结尾",
        ));
    };
    if end == 0 {
        return Ok(NULL_DAY);
    }
    let text = std::str::from_utf8(&bytes[..end])
        .map_err(|_| CaseError::new(field, "is not ASCII text", "不是 ASCII 文本"))?;
    juzhu_core::id_number::IdNumber::parse(text).map(|id| id.birth_day()).map_err(|e| CaseError::at(field, e.reason()))
}

/// A time of day as a time field (minutes after midnight + 1, 0 = none).
fn c_time(t: Option<TimeOfDay>) -> i16 {
    t.map_or(JUZHU_TIME_ABSENT, |t| t.minutes() as i16 + 1)
}

fn region_field(field: &'static str, v: i64) -> Result<i64, CaseError> {
    match v {
        0 => Ok(NULL_REGION),
        v if v < 0 => Err(CaseError::new(
            field,
            format!("{v} is not a GB/T 2260 division code"),
            format!("{v} 不是 GB/T 2260 行政区划代码"),
        )),
        v => Ok(v),
    }
}

impl juzhu_person {
    /// The core's row, with C-level checks (constants, YYYYMMDD dates) naming the field.
    fn row(&self) -> Result<PersonRow, CaseError> {
        if self.reserved != 0 {
            return Err(CaseError::new("person.reserved", "must be 0", "必须为 0"));
        }
        if self.reserved_tail != [0; 4] {
            return Err(CaseError::new("person.reserved_tail", "must be 0", "必须为 0"));
        }
        // 0 is "not given"; 255 is the core row's own absent marker, so a caller's 255 must not
        // reach the row as it is: with an issue day it is refused in the JSON reader's words,
        // without one it stands for "a value given without an issue day" (any other invalid
        // value does, and the core refuses that naming the issue day).
        let years = match self.permit_validity_years {
            0 => NULL_CODE,
            NULL_CODE if self.permit_issued_on != 0 => {
                return Err(CaseError::new(
                    "person.permit.validity_years",
                    "255 is not one of 1, 2, 3",
                    "255 不是 1、2、3 之一",
                ));
            }
            NULL_CODE => 4,
            v => v,
        };
        Ok(PersonRow {
            category: code_field::<juzhu_core::Category>("person.category", self.category, "JUZHU_CATEGORY_*")?,
            overseas: flag_field("person.overseas", self.overseas)?,
            hukou_region: region_field("person.hukou_region", self.hukou_region)?,
            residence_region: region_field("person.residence_region", self.residence_region)?,
            living_at_hukou: flag_field("person.living_at_hukou", self.living_at_hukou)?,
            birth_date: date_field("person.birth_date", self.birth_date)?,
            arrival_date: date_field("person.arrival_date", self.arrival_date)?,
            planned_departure: date_field("person.planned_departure", self.planned_departure)?,
            accommodation: code_field::<juzhu_core::Accommodation>(
                "person.accommodation",
                self.accommodation,
                "JUZHU_ACCOMMODATION_*",
            )?,
            studying: flag_field("person.studying", self.studying)?,
            wants_permit: flag_field("person.wants_permit", self.wants_permit)?,
            registered_on: date_field("person.registered_on", self.registered_on)?,
            permit_applied_on: date_field("person.permit_applied_on", self.permit_applied_on)?,
            permit_issued_on: date_field("person.permit.issued_on", self.permit_issued_on)?,
            permit_validity_years: years,
            permit_extension_applied_on: date_field(
                "person.permit.extension_applied_on",
                self.permit_extension_applied_on,
            )?,
            correction_deadline: date_field("person.correction_deadline", self.correction_deadline)?,
            overseas_kind: code_field::<OverseasKind>("person.overseas_kind", self.overseas_kind, "JUZHU_OVERSEAS_*")?,
            arrival_time: time_field("person.arrival_time", self.arrival_time)?,
            area: code_field::<Area>("person.area", self.area, "JUZHU_AREA_*")?,
            id_number: id_field("person.id_number", &self.id_number)?,
        })
    }
}

impl juzhu_assessment {
    /// A refused row: status `JUZHU_STATUS_INVALID_INPUT`, every other field null.
    fn refused() -> juzhu_assessment {
        juzhu_assessment {
            registration_basis: 0,
            permit_basis: 0,
            status: juzhu_status::InvalidInput as i32,
            entitlements: 0,
            fee_yuan: 0,
            registration_deadline: 0,
            permit_reaches_16_on: 0,
            permit_deadline: 0,
            permit_expires_on: 0,
            permit_extension_deadline: 0,
            interpretations: 0,
            category: 0,
            category_source: 0,
            registration_required: 0,
            registration_kind: 0,
            registration_duty_holder: 0,
            registration_status: 0,
            permit_status: 0,
            permit_exemption: 0,
            permit_application_status: 0,
            permit_valid: JUZHU_VALID_UNKNOWN,
            permit_extension_status: 0,
            consequence: 0,
            calendar_provisional: 0,
            notices: 0,
            fine_min_yuan: 0,
            fine_max_yuan: 0,
            registration_deadline_time: JUZHU_TIME_ABSENT,
            reserved_tail: [0; 6],
        }
    }

    fn from_outcome(o: &PersonOutcome, notices: u8) -> juzhu_assessment {
        let r = &o.registration;
        let p = &o.permit;
        juzhu_assessment {
            registration_basis: basis_bits(r.basis),
            permit_basis: basis_bits(p.basis),
            status: juzhu_status::Ok as i32,
            entitlements: o.entitlements.bits() as u32,
            fee_yuan: 0,
            registration_deadline: opt_yyyymmdd(r.deadline),
            permit_reaches_16_on: opt_yyyymmdd(p.reaches_16_on),
            permit_deadline: opt_yyyymmdd(p.deadline),
            permit_expires_on: opt_yyyymmdd(p.expires_on),
            permit_extension_deadline: opt_yyyymmdd(p.extension_deadline),
            interpretations: o.interpretations.bits() as u16,
            category: c_code(o.category),
            category_source: c_code(o.category_source),
            registration_required: u8::from(r.required),
            registration_kind: c_opt(r.kind),
            registration_duty_holder: c_opt(r.duty_holder),
            registration_status: c_code(r.status),
            permit_status: c_code(p.status),
            permit_exemption: c_opt(p.exemption),
            permit_application_status: c_code(p.application_status),
            permit_valid: p.valid.map_or(JUZHU_VALID_UNKNOWN, i8::from),
            permit_extension_status: c_opt(p.extension_status),
            consequence: c_code(o.consequence),
            calendar_provisional: u8::from(o.calendar_provisional),
            notices,
            fine_min_yuan: o.fine_min_yuan,
            fine_max_yuan: o.fine_max_yuan,
            registration_deadline_time: c_time(r.deadline_time),
            reserved_tail: [0; 6],
        }
    }
}

fn basis_bits(b: l13::Basis) -> u64 {
    b.bits()
}

/// Writes an error into a caller's `juzhu_error`, its message in `lang`, truncating at a
/// character boundary.
///
/// # Safety
/// `out` must be NULL or point to a writable `juzhu_error`.
pub(crate) unsafe fn write_error(out: *mut juzhu_error, e: &CaseError, lang: Lang) {
    if out.is_null() {
        return;
    }
    fn fill(dst: &mut [c_char], s: &str) {
        let mut end = s.len().min(dst.len() - 1);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        for (d, &b) in dst.iter_mut().zip(&s.as_bytes()[..end]) {
            *d = b as c_char;
        }
        dst[end..].iter_mut().for_each(|d| *d = 0);
    }
    // SAFETY: non-NULL and writable (contract); `juzhu_error` has no invalid bit patterns.
    let out = unsafe { &mut *out };
    fill(&mut out.field, e.field());
    fill(&mut out.message, e.message_in(lang));
}

/// Zeroes a caller's `juzhu_error` (an accepted row's).
///
/// # Safety
/// `out` must be NULL or point to a writable `juzhu_error`.
unsafe fn clear_error(out: *mut juzhu_error) {
    if !out.is_null() {
        // SAFETY: non-NULL and writable (contract); all-zero is a valid `juzhu_error`.
        unsafe { out.write_bytes(0, 1) };
    }
}

/// Reads a policy pointer (NULL = defaults).
///
/// # Safety
/// `policy` must be NULL or point to a readable `juzhu_policy` whose `calendar` is NULL or live.
unsafe fn read_policy<'a>(policy: *const juzhu_policy) -> Result<(Policy, &'a Calendar), CaseError> {
    // SAFETY: forwarded contract.
    unsafe { read_policy_threads(policy) }.map(|(p, c, _)| (p, c))
}

/// As `read_policy`, with the thread count.
///
/// # Safety
/// As `read_policy`.
unsafe fn read_policy_threads<'a>(policy: *const juzhu_policy) -> Result<(Policy, &'a Calendar, usize), CaseError> {
    if policy.is_null() {
        return Ok((Policy::default(), Calendar::china(), 1));
    }
    // SAFETY: non-NULL and readable (contract).
    let p = unsafe { &*policy };
    if p.reserved.iter().any(|&b| b != 0) {
        return Err(CaseError::new("policy.reserved", "must be 0", "必须为 0"));
    }
    if !matches!(u32::from(p.lang), 0 | JUZHU_FORM_ZH | JUZHU_FORM_EN) {
        return Err(CaseError::new(
            "policy.lang",
            format!("{} is not JUZHU_FORM_ZH, JUZHU_FORM_EN or 0", p.lang),
            format!("{} 不是 JUZHU_FORM_ZH、JUZHU_FORM_EN 或 0", p.lang),
        ));
    }
    let pick = |field: &'static str, v: u8, what: &str, n: usize| -> Result<Option<u8>, CaseError> {
        match v {
            0 => Ok(None),
            v if usize::from(v) <= n => Ok(Some(v - 1)),
            v => Err(CaseError::new(
                field,
                format!("{v} is not a {what} constant (1–{n}, or 0)"),
                format!("{v} 不是有效的 {what} 常量（1 至 {n}，或 0）"),
            )),
        }
    };
    let d = Policy::default();
    let policy = Policy {
        day_counting: pick("policy.day_counting", p.day_counting, "JUZHU_DAY_COUNTING_*", DayCounting::ALL.len())?
            .and_then(DayCounting::from_code)
            .unwrap_or(d.day_counting),
        age: pick("policy.age", p.age, "JUZHU_AGE_*", AgeConvention::ALL.len())?
            .and_then(AgeConvention::from_code)
            .unwrap_or(d.age),
    };
    let rule_set = pick("policy.rule_set", p.rule_set, "JUZHU_RULE_SET_*", RuleSet::ALL.len())?
        .and_then(RuleSet::from_code)
        .unwrap_or_default();
    if rule_set != RuleSet::Liaoning2013 {
        return Err(CaseError::new(
            "policy.rule_set",
            format!(
                "the struct entry points cover {} only; assess {} cases through the JSON entry points",
                RuleSet::Liaoning2013,
                rule_set
            ),
            format!("结构体接口只适用于 {}；{} 的案例请通过 JSON 接口评估", RuleSet::Liaoning2013, rule_set),
        ));
    }
    let cal = if p.calendar.is_null() {
        Calendar::china()
    } else {
        // SAFETY: a live, immutable handle (contract).
        unsafe { &(*p.calendar).inner }
    };
    Ok((policy, cal, usize::from(p.threads.max(1))))
}

fn read_as_of(as_of: i32) -> Result<DayNum, CaseError> {
    if as_of == 0 {
        return Err(CaseError::new("as_of", "is required (YYYYMMDD)", "为必填项（YYYYMMDD）"));
    }
    let d = date_from_yyyymmdd(as_of).ok_or_else(|| {
        CaseError::new(
            "as_of",
            format!("{as_of} is not a date (YYYYMMDD)"),
            format!("{as_of} 不是有效的日期（YYYYMMDD）"),
        )
    })?;
    check_as_of(d)?;
    Ok(d)
}

/// The language the caller asked errors in (`policy->lang`), `default` (English at every entry
/// point) when the policy is NULL or says 0. A value out of range is refused by `read_policy`; its own error is then in `default`.
///
/// # Safety
/// `policy` must be NULL or point to a readable `juzhu_policy`.
unsafe fn error_lang(policy: *const juzhu_policy, default: Lang) -> Lang {
    if policy.is_null() {
        return default;
    }
    // SAFETY: non-NULL and readable (contract).
    match u32::from(unsafe { (*policy).lang }) {
        JUZHU_FORM_ZH => Lang::Zh,
        JUZHU_FORM_EN => Lang::En,
        _ => default,
    }
}

/// Fails with the error written to `error`, its message in `lang`.
///
/// # Safety
/// `error` must be NULL or writable.
unsafe fn refuse(error: *mut juzhu_error, e: &CaseError, lang: Lang) -> juzhu_status {
    // SAFETY: forwarded contract.
    unsafe { write_error(error, e, lang) };
    juzhu_status::InvalidInput
}

// ---------------------------------------------------------------------------- functions

/// Assesses one person. `policy` may be NULL (defaults); `as_of` is `YYYYMMDD`. On
/// `JUZHU_STATUS_OK`, `*out` is filled. On `JUZHU_STATUS_INVALID_INPUT`, `*error` (if not NULL)
/// names the field and the reason and `*out` is untouched. Thread-safe.
///
/// # Safety
/// `person` and `out` must point to valid structs; `policy` and `error` NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn juzhu_assess_person(
    policy: *const juzhu_policy,
    as_of: i32,
    person: *const juzhu_person,
    out: *mut juzhu_assessment,
    error: *mut juzhu_error,
) -> juzhu_status {
    guard(|| {
        // SAFETY: `policy` NULL or readable (contract).
        let lang = unsafe { error_lang(policy, Lang::En) };
        if person.is_null() || out.is_null() {
            return juzhu_status::NullArgument;
        }
        // SAFETY: contract; all reads below are of plain-old-data structs.
        let result = unsafe { read_policy(policy) }.and_then(|(pol, cal)| {
            let day = read_as_of(as_of)?;
            // SAFETY: non-NULL and readable (contract).
            let row = unsafe { &*person }.row()?;
            let o = assess_row(&row, day, &pol, cal)?;
            Ok(juzhu_assessment::from_outcome(&o, l13::notices(day).bits() as u8))
        });
        match result {
            Ok(a) => {
                // SAFETY: non-NULL and writable (contract).
                unsafe { *out = a };
                juzhu_status::Ok
            }
            // SAFETY: `error` NULL or writable (contract).
            Err(e) => unsafe { refuse(error, &e, lang) },
        }
    })
}

/// Assesses `n` persons: `in[i]` → `out[i]`, on up to `policy->threads` threads (default one;
/// no more than one thread per 4 096 rows, as smaller parts cost more to start than they save). A
/// refused row does not stop the batch: its
/// `out[i].status` is `JUZHU_STATUS_INVALID_INPUT` with every other field null, and, when
/// `row_errors` is not NULL (it then has `n` entries), `row_errors[i]` says why (and is zeroed for
/// accepted rows). `*n_refused` (if not NULL) receives the count of refused rows. A problem with
/// the batch itself (`as_of`, `policy`) returns `JUZHU_STATUS_INVALID_INPUT` with `*error` filled
/// and writes no row. `n` may be 0 (then `in` and `out` may be NULL). Thread-safe. Rows are
/// written as they are assessed, so on `JUZHU_STATUS_PANIC` (a bug) some may hold answers: treat
/// every row as unwritten then.
///
/// # Safety
/// `in` must point to `n` readable persons and `out` to `n` writable assessments; `row_errors`
/// NULL or `n` writable errors; `policy`, `n_refused`, `error` NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn juzhu_assess_batch(
    policy: *const juzhu_policy,
    as_of: i32,
    r#in: *const juzhu_person,
    n: usize,
    out: *mut juzhu_assessment,
    row_errors: *mut juzhu_error,
    n_refused: *mut usize,
    error: *mut juzhu_error,
) -> juzhu_status {
    guard(|| {
        // SAFETY: `policy` NULL or readable (contract).
        let lang = unsafe { error_lang(policy, Lang::En) };
        if n > 0 && (r#in.is_null() || out.is_null()) {
            return juzhu_status::NullArgument;
        }
        if n > isize::MAX as usize / std::mem::size_of::<juzhu_assessment>() {
            return juzhu_status::InvalidArgument;
        }
        // SAFETY: contract.
        let (pol, cal, threads) = match unsafe { read_policy_threads(policy) } {
            Ok(x) => x,
            // SAFETY: contract.
            Err(e) => return unsafe { refuse(error, &e, lang) },
        };
        let day = match read_as_of(as_of) {
            Ok(d) => d,
            // SAFETY: contract.
            Err(e) => return unsafe { refuse(error, &e, lang) },
        };
        if n == 0 {
            if !n_refused.is_null() {
                // SAFETY: non-NULL and writable (contract).
                unsafe { *n_refused = 0 };
            }
            return juzhu_status::Ok;
        }
        // SAFETY: non-NULL (n > 0 checked), `n` readable / writable elements (contract), size
        // checked against isize::MAX; the structs are plain old data.
        let (rows, outs) = unsafe { (std::slice::from_raw_parts(r#in, n), std::slice::from_raw_parts_mut(out, n)) };
        let errs: Option<&mut [juzhu_error]> = if row_errors.is_null() {
            None
        } else {
            // SAFETY: `row_errors` has `n` writable entries (contract); juzhu_error is plain old data.
            Some(unsafe { std::slice::from_raw_parts_mut(row_errors, n) })
        };
        let notices = l13::notices(day).bits() as u8;
        let run =
            |rows: &[juzhu_person], outs: &mut [juzhu_assessment], mut errs: Option<&mut [juzhu_error]>| -> usize {
                let mut refused = 0usize;
                for (i, (p, o)) in rows.iter().zip(outs.iter_mut()).enumerate() {
                    let result = p.row().and_then(|row| assess_row(&row, day, &pol, cal));
                    let e = errs.as_deref_mut().map(|e| &mut e[i] as *mut juzhu_error).unwrap_or(std::ptr::null_mut());
                    match result {
                        Ok(outcome) => {
                            *o = juzhu_assessment::from_outcome(&outcome, notices);
                            // SAFETY: NULL or an element of the caller's `row_errors` slice.
                            unsafe { clear_error(e) };
                        }
                        Err(err) => {
                            *o = juzhu_assessment::refused();
                            refused += 1;
                            // SAFETY: as above.
                            unsafe { write_error(e, &err, lang) };
                        }
                    }
                }
                refused
            };
        let threads = threads.min(n.div_ceil(4096)).max(1);
        let refused = if threads == 1 {
            Some(run(rows, outs, errs))
        } else {
            let per = n.div_ceil(threads);
            let mut err_parts: Vec<Option<&mut [juzhu_error]>> = match errs {
                Some(e) => e.chunks_mut(per).map(Some).collect(),
                None => (0..threads).map(|_| None).collect(),
            };
            let parts: Vec<_> = rows
                .chunks(per)
                .zip(outs.chunks_mut(per))
                .zip(err_parts.iter_mut())
                .map(|((r, o), e)| (r, o, e.take()))
                .collect();
            // A worker that panicked makes the whole call a panic, never a partial answer.
            juzhu_core::batch::on_threads(parts, |(r, o, e)| run(r, o, e)).into_iter().sum::<Option<usize>>()
        };
        let Some(refused) = refused else { return juzhu_status::Panic };
        if !n_refused.is_null() {
            // SAFETY: non-NULL and writable (contract).
            unsafe { *n_refused = refused };
        }
        juzhu_status::Ok
    })
}

/// Assesses one reporter (Art 11 p2, 14, 22). As `juzhu_assess_person` otherwise.
///
/// # Safety
/// `reporter` and `out` must point to valid structs; `policy` and `error` NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn juzhu_assess_reporter(
    policy: *const juzhu_policy,
    as_of: i32,
    reporter: *const juzhu_reporter,
    out: *mut juzhu_report_assessment,
    error: *mut juzhu_error,
) -> juzhu_status {
    guard(|| {
        // SAFETY: `policy` NULL or readable (contract).
        let lang = unsafe { error_lang(policy, Lang::En) };
        if reporter.is_null() || out.is_null() {
            return juzhu_status::NullArgument;
        }
        // SAFETY: contract.
        let result = unsafe { read_policy(policy) }.and_then(|(pol, cal)| {
            let day = read_as_of(as_of)?;
            // SAFETY: non-NULL and readable (contract).
            let r = unsafe { &*reporter };
            if r.reserved != [0; 3] {
                return Err(CaseError::new("reporter.reserved", "must be 0", "必须为 0"));
            }
            let kind = match code_field::<ReporterKind>("reporter.kind", r.kind, "JUZHU_REPORTER_*")? {
                NULL_CODE => {
                    return Err(CaseError::new(
                        "reporter.kind",
                        "is required (a JUZHU_REPORTER_* constant)",
                        "为必填项（JUZHU_REPORTER_* 常量）",
                    ))
                }
                c => ReporterKind::from_code(c).ok_or_else(|| {
                    CaseError::new(
                        "reporter.kind",
                        "is not a JUZHU_REPORTER_* constant",
                        "不是有效的 JUZHU_REPORTER_* 常量",
                    )
                })?,
            };
            let opt = |field, v| date_field(field, v).map(|d| (d != NULL_DAY).then_some(d));
            let facts = ReporterFacts {
                kind,
                registered_on: opt("reporter.registered_on", r.registered_on)?,
                reported_on: opt("reporter.reported_on", r.reported_on)?,
                false_reports: r.false_reports,
                concealed: r.concealed,
                correction_deadline: opt("reporter.correction_deadline", r.correction_deadline)?,
                corrected_on: opt("reporter.corrected_on", r.corrected_on)?,
            };
            facts.check(day)?;
            let cx = Ctx::new(day, &pol, cal);
            let o = l13::assess_reporter(&facts, &cx, &mut Silent)?;
            Ok(juzhu_report_assessment {
                fine_min_yuan: o.fine_min_yuan,
                fine_max_yuan: o.fine_max_yuan,
                report_basis: basis_bits(o.basis),
                penalty_basis: basis_bits(o.penalty_basis),
                report_deadline: opt_yyyymmdd(o.deadline),
                interpretations: o.interpretations.bits() as u16,
                report_status: c_code(o.status),
                penalty_stage: c_code(o.stage),
                authority: c_opt(o.authority),
                calendar_provisional: u8::from(o.calendar_provisional),
                notices: l13::notices(day).bits() as u8,
                reserved: 0,
                reserved_tail: [0; 4],
            })
        });
        match result {
            Ok(a) => {
                // SAFETY: non-NULL and writable (contract).
                unsafe { *out = a };
                juzhu_status::Ok
            }
            // SAFETY: contract.
            Err(e) => unsafe { refuse(error, &e, lang) },
        }
    })
}

/// Explains a person's assessment in words: numbered steps, each with the article it rests on,
/// in `lang` (`JUZHU_FORM_ZH`, or `JUZHU_FORM_EN` or 0 for English, as `juzhu_policy.lang`), UTF-8. On `JUZHU_STATUS_OK`, `*out` receives the
/// text (free it with `juzhu_string_free`) and `*out_len` its length without the NUL. Refused
/// input as `juzhu_assess_person`.
///
/// # Safety
/// `person`, `out`, `out_len` must be valid; `policy` and `error` NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn juzhu_explain_person(
    policy: *const juzhu_policy,
    as_of: i32,
    person: *const juzhu_person,
    lang: u32,
    out: *mut *mut c_char,
    out_len: *mut usize,
    error: *mut juzhu_error,
) -> juzhu_status {
    guard(|| {
        if person.is_null() || out.is_null() || out_len.is_null() {
            return juzhu_status::NullArgument;
        }
        let lang = if lang == JUZHU_FORM_ZH {
            Lang::Zh
        } else if lang == JUZHU_FORM_EN || lang == 0 {
            // 0 is English here as in `juzhu_policy.lang`: a zeroed argument is not refused.
            Lang::En
        } else {
            return juzhu_status::InvalidArgument;
        };
        // SAFETY: contract.
        let result = unsafe { read_policy(policy) }.and_then(|(pol, cal)| {
            let day = read_as_of(as_of)?;
            // SAFETY: non-NULL and readable (contract).
            let facts = unsafe { &*person }.row()?.facts(day)?;
            Ok(l13::assess_person_facts(day, &facts, &[], &[], &pol, cal)?.explanation.text(lang))
        });
        match result {
            Ok(text) => {
                let (ptr, len) = to_c_string(text.into_bytes());
                // SAFETY: non-NULL and writable (contract).
                unsafe {
                    *out = ptr;
                    *out_len = len;
                }
                juzhu_status::Ok
            }
            // SAFETY: contract.
            Err(e) => unsafe { refuse(error, &e, error_lang(policy, Lang::En)) },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use juzhu_core::rules::liaoning_2013::outcome::{
        Authority, CategorySource, Consequence, DutyHolder, Exemption, PenaltyStage, PermitStatus, RegistrationKind,
        Status,
    };
    use juzhu_core::{Accommodation, Category};

    fn check<W: Word>(pairs: &[(u8, W)]) {
        assert_eq!(pairs.len(), W::ALL.len(), "every value has a constant");
        for &(c, w) in pairs {
            assert_eq!(c, w.code() + 1, "{}", w.id());
        }
    }

    /// A floating resident who arrived on 2024-09-28, nothing else given.
    fn floating_person() -> juzhu_person {
        juzhu_person {
            hukou_region: 0,
            residence_region: 0,
            birth_date: 0,
            arrival_date: 20240928,
            planned_departure: 0,
            registered_on: 0,
            permit_applied_on: 0,
            permit_issued_on: 0,
            permit_extension_applied_on: 0,
            correction_deadline: 0,
            category: JUZHU_CATEGORY_FLOATING,
            overseas: 0,
            living_at_hukou: 0,
            accommodation: 0,
            studying: 0,
            wants_permit: 0,
            permit_validity_years: 0,
            reserved: 0,
            overseas_kind: 0,
            area: 0,
            arrival_time: JUZHU_TIME_ABSENT,
            reserved_tail: [0; 4],
            id_number: [0; 24],
        }
    }

    #[test]
    fn an_identity_number_gives_its_birth_date_and_is_refused_masked() {
        fn text(t: &[u8]) -> [c_char; 24] {
            let mut out = [0 as c_char; 24];
            for (o, &b) in out.iter_mut().zip(t) {
                *o = b as c_char;
            }
            out
        }
        let as_of = juzhu_core::date::from_ymd(2024, 10, 2);
        let mut p = floating_person();
        p.id_number = text(b"11010519491231002X");
        let row = p.row().expect("a valid number");
        assert_eq!(row.id_number, from_ymd(1949, 12, 31));
        assert_eq!(row.facts(as_of).expect("facts").birth, Some(from_ymd(1949, 12, 31)));
        // The same checks and words as a case: against the birth date, and the number's own.
        p.birth_date = 19500101;
        let e = p.row().and_then(|r| r.facts(as_of)).expect_err("two birth dates").to_string();
        assert_eq!(e, "person.id_number: holds the birth date 1949-12-31, but birth_date is 1950-01-01");
        p.birth_date = 0;
        p.id_number = text(b"110105194912310021");
        let e = p.row().expect_err("a bad check character").to_string();
        assert!(e.starts_with("person.id_number: ") && !e.contains("110105194912310021"), "{e}");
        p.id_number = text(&[b'1'; 24]);
        assert_eq!(p.row().expect_err("no NUL").field(), "person.id_number");
        p.id_number = [0; 24];
        assert_eq!(p.row().expect("absent").id_number, NULL_DAY);
    }

    #[test]
    fn a_validity_of_255_is_refused_never_read_as_absent() {
        let person = |issued_on: i32, years: u8| juzhu_person {
            permit_issued_on: issued_on,
            permit_validity_years: years,
            ..floating_person()
        };
        let as_of = juzhu_core::date::from_ymd(2024, 10, 2);
        let refusal =
            |p: juzhu_person| p.row().and_then(|r| r.facts(as_of).map(|_| ())).expect_err("refused").to_string();
        assert_eq!(refusal(person(20240930, 255)), "person.permit.validity_years: 255 is not one of 1, 2, 3");
        assert_eq!(refusal(person(20240930, 4)), "person.permit.validity_years: 4 is not one of 1, 2, 3");
        assert_eq!(refusal(person(0, 255)), refusal(person(0, 2)));
        assert!(refusal(person(0, 255)).starts_with("person.permit.issued_on: "));
        assert!(person(20240930, 2).row().is_ok_and(|r| r.facts(as_of).is_ok()));
    }

    #[test]
    fn constants_are_codes_plus_one() {
        use Category as C;
        check(&[
            (JUZHU_CATEGORY_PERMANENT, C::Permanent),
            (JUZHU_CATEGORY_LODGING, C::Lodging),
            (JUZHU_CATEGORY_FLOATING, C::Floating),
            (JUZHU_CATEGORY_OVERSEAS, C::Overseas),
        ]);
        use Accommodation as A;
        check(&[
            (JUZHU_ACCOMMODATION_RESIDENCE, A::Residence),
            (JUZHU_ACCOMMODATION_HOTEL, A::Hotel),
            (JUZHU_ACCOMMODATION_HOSPITAL, A::Hospital),
            (JUZHU_ACCOMMODATION_SCHOOL, A::School),
            (JUZHU_ACCOMMODATION_TRAINING, A::Training),
            (JUZHU_ACCOMMODATION_RELIEF_STATION, A::ReliefStation),
        ]);
        check(&[
            (JUZHU_DAY_COUNTING_CIVIL_CODE, DayCounting::CivilCode),
            (JUZHU_DAY_COUNTING_CALENDAR, DayCounting::Calendar),
            (JUZHU_DAY_COUNTING_WORKING_DAYS, DayCounting::WorkingDays),
        ]);
        check(&[
            (JUZHU_AGE_DAY_AFTER_BIRTHDAY, AgeConvention::DayAfterBirthday),
            (JUZHU_AGE_ON_BIRTHDAY, AgeConvention::OnBirthday),
        ]);
        check(&[
            (JUZHU_RULE_SET_LIAONING_2013, RuleSet::Liaoning2013),
            (JUZHU_RULE_SET_CHINA_2016, RuleSet::China2016),
        ]);
        use ReporterKind as R;
        check(&[
            (JUZHU_REPORTER_EMPLOYER, R::Employer),
            (JUZHU_REPORTER_JOB_AGENCY, R::JobAgency),
            (JUZHU_REPORTER_HOUSING_AGENCY, R::HousingAgency),
            (JUZHU_REPORTER_LANDLORD, R::Landlord),
            (JUZHU_REPORTER_HOTEL, R::Hotel),
            (JUZHU_REPORTER_HOSPITAL, R::Hospital),
            (JUZHU_REPORTER_SCHOOL, R::School),
            (JUZHU_REPORTER_TRAINING_INSTITUTION, R::TrainingInstitution),
            (JUZHU_REPORTER_RELIEF_STATION, R::ReliefStation),
        ]);
        use Status as S;
        check(&[
            (JUZHU_STATE_NOT_REQUIRED, S::NotRequired),
            (JUZHU_STATE_PENDING, S::Pending),
            (JUZHU_STATE_DONE, S::Done),
            (JUZHU_STATE_LATE, S::Late),
            (JUZHU_STATE_OVERDUE, S::Overdue),
            (JUZHU_STATE_INSTITUTION, S::Institution),
            (JUZHU_STATE_PERIODIC, S::Periodic),
            (JUZHU_STATE_MISSED, S::Missed),
            (JUZHU_STATE_NO_DEADLINE, S::NoDeadline),
        ]);
        check(&[
            (JUZHU_REGISTRATION_LODGING, RegistrationKind::LodgingRegistration),
            (JUZHU_REGISTRATION_RESIDENCE, RegistrationKind::ResidenceRegistration),
            (JUZHU_REGISTRATION_ACCOMMODATION, RegistrationKind::AccommodationRegistration),
            (JUZHU_REGISTRATION_TEMPORARY_RESIDENCE, RegistrationKind::TemporaryResidenceRegistration),
        ]);
        use DutyHolder as H;
        check(&[
            (JUZHU_HOLDER_SELF, H::SelfPerson),
            (JUZHU_HOLDER_HOTEL, H::Hotel),
            (JUZHU_HOLDER_HOSPITAL, H::Hospital),
            (JUZHU_HOLDER_SCHOOL, H::School),
            (JUZHU_HOLDER_TRAINING_INSTITUTION, H::TrainingInstitution),
            (JUZHU_HOLDER_RELIEF_STATION, H::ReliefStation),
            (JUZHU_HOLDER_SELF_OR_HOST, H::SelfOrHost),
        ]);
        use PermitStatus as P;
        check(&[
            (JUZHU_PERMIT_REQUIRED, P::Required),
            (JUZHU_PERMIT_OPTIONAL, P::Optional),
            (JUZHU_PERMIT_NOT_ISSUED, P::NotIssued),
            (JUZHU_PERMIT_NOT_APPLICABLE, P::NotApplicable),
        ]);
        check(&[(JUZHU_EXEMPTION_STUDENT, Exemption::Student), (JUZHU_EXEMPTION_UNDER_16, Exemption::Under16)]);
        check(&[
            (JUZHU_CONSEQUENCE_NONE, Consequence::None),
            (JUZHU_CONSEQUENCE_ORDER_TO_CORRECT, Consequence::OrderToCorrect),
            (JUZHU_CONSEQUENCE_CREDIT_RECORD, Consequence::CreditRecord),
            (JUZHU_CONSEQUENCE_WARNING_AND_OPTIONAL_FINE, Consequence::WarningAndOptionalFine),
            (JUZHU_CONSEQUENCE_WARNING_OR_FINE, Consequence::WarningOrFine),
        ]);
        check(&[
            (JUZHU_OVERSEAS_FOREIGNER, OverseasKind::Foreigner),
            (JUZHU_OVERSEAS_HK_MACAO, OverseasKind::HkMacao),
            (JUZHU_OVERSEAS_TAIWAN, OverseasKind::Taiwan),
        ]);
        check(&[(JUZHU_AREA_URBAN, Area::Urban), (JUZHU_AREA_RURAL, Area::Rural)]);
        check(&[
            (JUZHU_PENALTY_NONE, PenaltyStage::None),
            (JUZHU_PENALTY_ORDER_TO_CORRECT, PenaltyStage::OrderToCorrect),
            (JUZHU_PENALTY_FINE_AND_CREDIT_RECORD, PenaltyStage::FineAndCreditRecord),
        ]);
        check(&[(JUZHU_AUTHORITY_COUNTY_PUBLIC_SECURITY, Authority::CountyPublicSecurity)]);
        check(&[
            (JUZHU_CATEGORY_SOURCE_GIVEN, CategorySource::Given),
            (JUZHU_CATEGORY_SOURCE_DERIVED, CategorySource::Derived),
        ]);
    }

    #[test]
    fn layouts_are_pinned() {
        use std::mem::{offset_of, size_of};
        // 0.1 fields keep their offsets; 0.2 appended after them.
        assert_eq!(offset_of!(juzhu_person, reserved), 55);
        assert_eq!(offset_of!(juzhu_person, overseas_kind), 56);
        assert_eq!(offset_of!(juzhu_person, area), 57);
        assert_eq!(offset_of!(juzhu_person, arrival_time), 58);
        assert_eq!(offset_of!(juzhu_person, id_number), 64);
        assert_eq!(size_of::<juzhu_person>(), 88);
        assert_eq!(offset_of!(juzhu_assessment, notices), 63);
        assert_eq!(offset_of!(juzhu_assessment, fine_min_yuan), 64);
        assert_eq!(offset_of!(juzhu_assessment, registration_deadline_time), 72);
        assert_eq!(size_of::<juzhu_assessment>(), 80);
        assert_eq!(size_of::<juzhu_reporter>(), 28);
        assert_eq!(size_of::<juzhu_report_assessment>(), 48);
        // No hidden padding at the end (a caller's packing pragma cannot change the size).
        assert_eq!(offset_of!(juzhu_report_assessment, reserved_tail) + 4, 48);
        assert_eq!(offset_of!(juzhu_assessment, reserved_tail) + 6, 80);
        assert_eq!(offset_of!(juzhu_person, arrival_time) + 2 + 4, 64);
        assert_eq!(offset_of!(juzhu_person, id_number) + 24, 88);
    }

    #[test]
    fn times_are_minutes_plus_one() {
        assert_eq!(time_field("t", 0), Ok(NULL_TIME));
        assert_eq!(time_field("t", 1), Ok(0));
        assert_eq!(time_field("t", 21 * 60 + 15 + 1), Ok(21 * 60 + 15));
        assert_eq!(time_field("t", 1440), Ok(1439));
        for bad in [-1, 1441, i16::MAX, i16::MIN] {
            let e = time_field("person.arrival_time", bad).unwrap_err();
            assert_eq!(e.field(), "person.arrival_time");
        }
        assert_eq!(c_time(None), 0);
        assert_eq!(c_time(TimeOfDay::from_hm(0, 0)), 1);
        assert_eq!(c_time(TimeOfDay::from_hm(23, 59)), 1440);
    }

    #[test]
    fn yyyymmdd_round_trips_and_refuses_non_dates() {
        for v in [20240229, 19000101, 21991231, 20241008] {
            assert_eq!(yyyymmdd(date_from_yyyymmdd(v).unwrap()), v);
        }
        for v in [20230229, 20240230, 20241301, 20240001, 1, -20240101, 0, 99991232] {
            assert_eq!(date_from_yyyymmdd(v), None, "{v}");
        }
        // Year 0 is a date (refused later, naming the field, as outside 1900–2199).
        assert_eq!(date_from_yyyymmdd(101), Some(from_ymd(0, 1, 1)));
    }
}
