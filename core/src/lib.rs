//! # juzhu — residence registration and the Residence Permit, as rules
//!
//! `juzhu` (居住, "residence") encodes Chinese residence-registration law so that systems can
//! ask it instead of re-implementing it. Each law is a *rule set*, chosen per case with
//! `policy.rule_set` ([`rules`] lists them):
//!
//! - `liaoning-2013` (the default): 《辽宁省实有人口服务管理办法》, Liaoning Decree No. 281 as
//!   promulgated in 2013. For a person on a given day: the population category (Art 24); whether
//!   a registration is required, which one, who makes it and by when (Art 9–11); whether a
//!   Residence Permit is required, optional or unavailable, when it expires and when its
//!   extension is due (Art 10–13); the rights held that day (Art 17–19); what the person risks
//!   (Art 21). For a Liaoning hukou person, who declares each household event and by when (Art 8,
//!   with the 1958 Hukou Registration Regulations' periods); for a person from outside the
//!   mainland, the registration the laws Art 25 hands them to require, its deadline and the
//!   penalty for missing it. For an employer, agency, landlord or institution: the reporting
//!   deadline and the penalty ladder (Art 11 p2, 14, 22). A correction limit set before the duty
//!   it enforces is refused.
//! - `china-2016`: the State Council's Interim Regulations on Residence Permits (Decree 663, in
//!   force 2016-01-01), which govern permits in every province since: eligibility, the 15-day
//!   issuance, the yearly endorsement, rights and conveniences, settlement tiers, penalties.
//!
//! Every decision carries its basis (`art10.p1`, `hr7`, `eel39.p2`, `rp9.p6`), every choice made
//! where the text is silent is named (`I1`…, `H1`…, `O1`…, `R1`…), and an explanation says why,
//! in Chinese and English.
//!
//! ```
//! use juzhu::rules::liaoning_2013::{outcome::PermitStatus, Interpretation};
//! let case = juzhu::Case::from_json(r#"{
//!     "as_of": "2024-10-02",
//!     "person": { "category": "floating", "birth_date": "1990-05-01", "arrival_date": "2024-09-28" }
//! }"#).unwrap();
//! let a = juzhu::assess(&case).unwrap();
//! let p = a.person().unwrap();
//! // Day 7 after Saturday 28 Sep is 5 Oct, inside the National Day holiday: due Tue 8 Oct.
//! assert_eq!(p.registration.deadline.unwrap().to_string(), "2024-10-08");
//! assert_eq!(p.permit.status, PermitStatus::Required);
//! assert_eq!(p.registration.basis.ids(), ["art10.p1"]);
//! assert!(a.interpretations.contains(Interpretation::I2));
//! println!("{}", a.explanation.text(juzhu::Lang::En));
//! ```
//!
//! Faces: this crate (typed [`Case`] → [`Assessment`], or JSON via [`assess_json`]); each rule
//! set's columnar batch engine for whole populations ([`batch`]); the C ABI (`libjuzhu`), the
//! Python module `juzhu` and the `juzhu` command are thin layers over these. The crate is pure:
//! no I/O, no logging, no global mutable state, no `unsafe`.
//!
//! The layers: [`date`], [`time`], [`calendar`], [`period`], [`division`], [`id_number`], [`privacy`],
//! [`vocab`], [`explain`], [`record`], [`batch`], the case envelope ([`case`]) and the output
//! envelope ([`assessment`]) know no article; everything a law says lives in its rule set's
//! folder under [`rules`].

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
pub mod division;
mod error;
pub mod explain;
pub mod id_number;
pub(crate) mod json;
pub mod period;
pub mod privacy;
pub mod record;
pub mod rules;
pub mod time;
pub mod values;
pub mod vocab;

pub use assessment::{Assessment, Notices};
pub use calendar::Calendar;
pub use case::{AgeConvention, DayCounting, Policy};
pub use error::{CaseError, Reason};
pub use explain::{Explanation, ExplanationLine, Lang};
/// What a `serde_json` error says, in Chinese (its kind and place), for faces that parse JSON of
/// their own (a policy given as text).
pub use json::syntax_zh as json_syntax_zh;
pub use rules::liaoning_2013::{Accommodation, Category, Change, HeldPermit, Person, Reporter, ReporterKind, Subject};
pub use rules::{Case, Findings, RuleSet};
pub use vocab::Word;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The crate version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The deepest nesting of JSON arrays and objects a case may have (a case needs five levels):
/// deeper input is refused before it is read, so that hostile input cannot exhaust the stack.
pub const MAX_JSON_DEPTH: usize = 32;

/// The refusal of a case nested deeper than [`MAX_JSON_DEPTH`], for faces that build a case's
/// JSON from their own values (a Python dict) rather than read it from text: the same words.
pub fn too_deeply_nested() -> CaseError {
    json::too_deep(None)
}

/// Assesses a case with the embedded mainland calendar.
///
/// # Errors
/// The case's first refused field (see [`CaseError`]).
pub fn assess(case: &Case) -> Result<Assessment, CaseError> {
    assess_with(case, Calendar::china())
}

/// Assesses a case with the given calendar, under the case's rule set.
///
/// ```
/// // A caller's own calendar (its year replaces the embedded one): a National Day holiday
/// // running to the 8th moves the deadline to the 9th.
/// let days: Vec<String> = (1..=8).map(|d| format!("\"2024-10-{d:02}\"")).collect();
/// let cal = juzhu::Calendar::from_json(&format!(
///     r#"{{"base":"china","years":{{"2024":{{"rest_days":[{}]}}}}}}"#,
///     days.join(",")
/// ))?;
/// let case = juzhu::Case::from_json(
///     r#"{"as_of":"2024-10-02","person":{"category":"floating","arrival_date":"2024-09-28"}}"#,
/// )?;
/// let a = juzhu::assess_with(&case, &cal)?;
/// assert_eq!(a.to_value()["registration"]["deadline"], "2024-10-09");
/// # Ok::<(), juzhu::CaseError>(())
/// ```
///
/// # Errors
/// The case's first refused field.
pub fn assess_with(case: &Case, cal: &Calendar) -> Result<Assessment, CaseError> {
    rules::assess(case, cal)
}

/// Reads a JSON case, assesses it with the embedded calendar and returns the assessment JSON.
///
/// ```
/// let answer = juzhu::assess_json(
///     r#"{"as_of":"2024-10-02","person":{"category":"floating","arrival_date":"2024-09-28"}}"#,
/// )?;
/// assert!(answer.contains(r#""deadline":"2024-10-08""#));
/// let refused = juzhu::assess_json(r#"{"as_of":"2024-10-02","person":{"arrival_date":"2024-02-30"}}"#);
/// assert_eq!(refused.unwrap_err().field(), "person.arrival_date");
/// # Ok::<(), juzhu::CaseError>(())
/// ```
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
    let case = Case::from_json_bytes(case_json)?;
    Ok(assess_with(&case, cal)?.to_json())
}

/// The contract's answer to JSON input, whatever it is: `Ok(assessment JSON)` or
/// `Err(error JSON {"error": {"field", "message", "message_zh"}})`.
///
/// # Errors
/// The error JSON for refused input (see [`CaseError::to_json`]).
pub fn respond_json(case_json: &[u8], cal: &Calendar) -> Result<String, String> {
    assess_json_with(case_json, cal).map_err(|e| e.to_json())
}
