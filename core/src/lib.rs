//! # juzhu — Liaoning residence registration and the Residence Permit, as rules
//!
//! `juzhu` (居住, "residence") encodes 《辽宁省实有人口服务管理办法》 — Liaoning Provincial
//! People's Government Decree No. 281 (2013), in force from 2013-04-01 — so that systems can
//! ask it instead of re-implementing it. For a person on a given day it answers:
//!
//! - the population category (Art 24), given or derived from division codes;
//! - whether a registration is required, which one, who makes it and by when (Art 9–11);
//! - whether a Residence Permit is required, optional or unavailable, when it expires and when
//!   its extension is due (Art 10–13);
//! - which rights and services the person holds that day (Art 17–19);
//! - what the person risks (Art 21);
//!
//! and for an employer, agency, landlord or institution: the reporting deadline and the penalty
//! ladder (Art 11 p2, 14, 22). Every decision carries its basis (`art10.p1`), every choice made
//! where the text is silent is named (`I1`–`I9`), and an explanation says why, in Chinese and
//! English.
//!
//! ```
//! let case = juzhu::Case::from_json(r#"{
//!     "as_of": "2024-10-02",
//!     "person": { "category": "floating", "birth_date": "1990-05-01", "arrival_date": "2024-09-28" }
//! }"#).unwrap();
//! let a = juzhu::assess(&case).unwrap();
//! let p = a.person().unwrap();
//! // Day 7 after Saturday 28 Sep is 5 Oct, inside the National Day holiday: due Tue 8 Oct.
//! assert_eq!(p.registration.deadline.unwrap().to_string(), "2024-10-08");
//! assert_eq!(p.permit.status, juzhu::PermitStatus::Required);
//! assert_eq!(p.registration.basis.ids(), ["art10.p1"]);
//! assert!(a.interpretations.contains(juzhu::Interpretation::I2));
//! println!("{}", a.explanation.text(juzhu::Lang::En));
//! ```
//!
//! Faces: this crate (typed [`Case`] → [`Assessment`], or JSON via [`assess_json`]); the
//! columnar [`batch`] engine for whole populations; the C ABI (`libjuzhu`) and the Python module
//! `juzhu` are thin layers over both. The crate is pure: no I/O, no logging, no global mutable
//! state, no `unsafe`.

#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![warn(clippy::pedantic)]
#![allow(
    // Every pure accessor would carry it; results that matter are `Result`s already.
    clippy::must_use_candidate,
    clippy::return_self_not_must_use,
    // The batch kernel's hot helpers, measured (BENCHMARKS.md).
    clippy::inline_always,
    // Day numbers, codes and counts are range-checked before these casts.
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap,
    // y, m, d for dates.
    clippy::many_single_char_names,
    // The explanation renderer is one match with an arm per step.
    clippy::too_many_lines,
    // Rules read best as one arm per case, even where two arms agree.
    clippy::match_same_arms
)]

pub mod assessment;
pub mod batch;
pub mod calendar;
pub mod case;
pub mod date;
mod error;
pub mod facts;
pub mod id_number;
pub(crate) mod json;
pub mod outcome;
pub mod period;
pub mod privacy;
pub mod rules;
pub mod vocab;

pub use assessment::{
    Assessment, ChangeReport, Explanation, ExplanationLine, Lang, Penalty, Permit, PersonAssessment, Registration,
    Report, ReporterAssessment, SubjectAssessment,
};
pub use calendar::Calendar;
pub use case::{
    Accommodation, AgeConvention, Case, Category, Change, DayCounting, HeldPermit, Person, Policy, Reporter,
    ReporterKind, RuleSet, Subject,
};
pub use error::CaseError;
pub use json::{PERSON_FIELDS, REPORTER_FIELDS};
pub use outcome::{
    Authority, CategorySource, Consequence, DutyHolder, Exemption, PenaltyStage, PermitStatus, RegistrationKind, Status,
};
pub use rules::liaoning_2013::{
    Article, Basis, Entitlement, Entitlements, Interpretation, Interpretations, Notice, Notices,
};
pub use vocab::Word;

use facts::CaseFacts;
use rules::liaoning_2013::{self as l13, Ctx};

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

/// The crate version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Assesses a case with the embedded mainland calendar.
///
/// # Errors
/// The case's first refused field (see [`CaseError`]).
pub fn assess(case: &Case) -> Result<Assessment, CaseError> {
    assess_with(case, Calendar::china())
}

/// Assesses a case with the given calendar.
///
/// # Errors
/// The case's first refused field.
pub fn assess_with(case: &Case, cal: &Calendar) -> Result<Assessment, CaseError> {
    let (as_of, facts) = facts::case_facts(case)?;
    Ok(match facts {
        CaseFacts::Person(f, changes) => assess_person_facts(as_of, &f, &changes, &case.policy, cal),
        CaseFacts::Reporter(r) => assess_reporter_facts(as_of, &r, &case.policy, cal),
    })
}

/// Assesses a reporter already reduced to validated facts, with explanations. `as_of` must have
/// passed [`batch::check_as_of`].
pub fn assess_reporter_facts(
    as_of: date::DayNum,
    reporter: &facts::ReporterFacts,
    policy: &Policy,
    cal: &Calendar,
) -> Assessment {
    let cx = Ctx::new(as_of, policy, cal);
    let mut steps = Vec::with_capacity(8);
    let o = match policy.rule_set {
        RuleSet::Liaoning2013 => l13::assess_reporter(reporter, &cx, &mut steps),
    };
    Assessment::for_reporter(policy.rule_set, as_of, &o, l13::notices(as_of), steps)
}

/// Assesses a person already reduced to validated facts (as the bindings' struct and batch entry
/// points do), with explanations. `as_of` must have passed [`batch::check_as_of`].
pub fn assess_person_facts(
    as_of: date::DayNum,
    person: &facts::PersonFacts,
    changes: &[facts::ChangeFacts],
    policy: &Policy,
    cal: &Calendar,
) -> Assessment {
    let cx = Ctx::new(as_of, policy, cal);
    let mut steps = Vec::with_capacity(16);
    let mut judged = Vec::with_capacity(changes.len());
    let o = match policy.rule_set {
        RuleSet::Liaoning2013 => l13::assess_person(person, changes, &cx, &mut steps, |c| judged.push(c)),
    };
    Assessment::for_person(policy.rule_set, as_of, &o, &judged, l13::notices(as_of), steps)
}

/// Reads a JSON case, assesses it with the embedded calendar and returns the assessment JSON.
///
/// # Errors
/// Input that is not a valid case, with the field's path.
pub fn assess_json(case_json: &str) -> Result<String, CaseError> {
    assess_json_with(case_json.as_bytes(), Calendar::china())
}

/// Reads a JSON case (UTF-8 bytes), assesses it with `cal` and returns the assessment JSON.
///
/// # Errors
/// Input that is not UTF-8 JSON or not a valid case, with the field's path.
pub fn assess_json_with(case_json: &[u8], cal: &Calendar) -> Result<String, CaseError> {
    let case = json::read_case_bytes(case_json)?;
    Ok(assess_with(&case, cal)?.to_json())
}

/// The contract's answer to JSON input, whatever it is: `Ok(assessment JSON)` or
/// `Err(error JSON {"error": {"field", "message"}})`.
///
/// # Errors
/// The error JSON for refused input (see [`CaseError::to_json`]).
pub fn respond_json(case_json: &[u8], cal: &Calendar) -> Result<String, String> {
    assess_json_with(case_json, cal).map_err(|e| e.to_json())
}
