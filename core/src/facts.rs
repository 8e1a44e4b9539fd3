//! Validated facts: a case's input checked for consistency and reduced to day numbers.
//!
//! Every refusal names the field. The per-case path ([`crate::assess`]) and the batch path
//! ([`crate::batch`]) both end in [`PersonFacts::check`] / [`ReporterFacts::check`], so a row
//! of a table is refused for exactly the reasons a JSON case would be.

use crate::case::{Accommodation, Case, Category, Person, Reporter, ReporterKind, Subject};
use crate::date::{format_iso, from_naive, in_input_range, DayNum, MAX_INPUT_YEAR, MIN_INPUT_YEAR};
use crate::error::CaseError;
use crate::outcome::CategorySource;
use crate::privacy::quote;

/// How a derived category was derived (RULES.md §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Derivation {
    /// `overseas: true`.
    Overseas,
    /// Hukou outside Liaoning.
    HukouOutside,
    /// Liaoning hukou, living at it.
    AtHukou,
    /// Liaoning hukou, living elsewhere.
    AwayFromHukou,
}

/// A held permit, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PermitFacts {
    /// Day of issue.
    pub issued: DayNum,
    /// 1, 2 or 3.
    pub years: u8,
    /// Day the extension was applied for.
    pub extension_applied: Option<DayNum>,
}

/// A person's facts, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonFacts {
    /// The category (given or derived).
    pub category: Category,
    /// Whether it was given or derived.
    pub category_source: CategorySource,
    /// How it was derived.
    pub derivation: Option<Derivation>,
    /// Whether the birth date came from the identity number.
    pub birth_from_id: bool,
    /// Date of birth.
    pub birth: Option<DayNum>,
    /// Day of arrival.
    pub arrival: Option<DayNum>,
    /// Planned departure.
    pub departure: Option<DayNum>,
    /// Where the person stays.
    pub accommodation: Accommodation,
    /// Studying.
    pub studying: bool,
    /// Wants a permit voluntarily.
    pub wants_permit: bool,
    /// Day registered.
    pub registered_on: Option<DayNum>,
    /// Day the permit application was made.
    pub permit_applied_on: Option<DayNum>,
    /// The permit held.
    pub permit: Option<PermitFacts>,
    /// Art 21 time limit.
    pub correction_deadline: Option<DayNum>,
}

/// A change of registered content, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChangeFacts {
    /// Day of the change.
    pub changed_on: DayNum,
    /// Day reported.
    pub reported_on: Option<DayNum>,
}

/// A reporter's facts, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReporterFacts {
    /// Kind of reporter.
    pub kind: ReporterKind,
    /// Day the person's information was registered.
    pub registered_on: Option<DayNum>,
    /// Day reported.
    pub reported_on: Option<DayNum>,
    /// Persons falsely reported.
    pub false_reports: u32,
    /// Persons concealed.
    pub concealed: u32,
    /// Art 22 time limit.
    pub correction_deadline: Option<DayNum>,
    /// Day corrected.
    pub corrected_on: Option<DayNum>,
}

/// A whole case's facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseFacts {
    /// A person and the changes of their registered content.
    Person(PersonFacts, Vec<ChangeFacts>),
    /// A reporter.
    Reporter(ReporterFacts),
}

/// Refuses a day outside the supported input years.
#[inline]
pub(crate) fn check_range(field: &str, d: Option<DayNum>) -> Result<(), CaseError> {
    match d {
        Some(d) if !in_input_range(d) => Err(out_of_range(field, d)),
        _ => Ok(()),
    }
}

#[cold]
#[inline(never)]
fn out_of_range(field: &str, d: DayNum) -> CaseError {
    CaseError::new(field, format!("{} is outside the supported years {MIN_INPUT_YEAR}–{MAX_INPUT_YEAR}", show(d)))
}

/// Whether an optional day is absent or inside the input range.
#[inline(always)]
fn ok_day(d: Option<DayNum>) -> bool {
    d.is_none_or(in_input_range)
}

/// A day number for a message (years outside 0–9999 are shown as a number of days).
fn show(d: DayNum) -> String {
    let y = crate::date::year_of(d);
    if (0..=9999).contains(&y) {
        format_iso(d)
    } else {
        format!("year {y}")
    }
}

fn opt_day(d: Option<chrono::NaiveDate>) -> Option<DayNum> {
    d.map(from_naive)
}

/// Checks a GB/T 2260 division code: 6 or more digits.
fn check_code(field: &str, code: &str) -> Result<(), CaseError> {
    if code.len() >= 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(CaseError::new(field, format!("{} is not a GB/T 2260 division code (6 or more digits)", quote(code))))
    }
}

impl PersonFacts {
    /// Validates a typed person: division codes, identity number, category, then dates.
    ///
    /// # Errors
    /// The first refused field, in field order.
    pub fn from_person(p: &Person, as_of: DayNum) -> Result<(PersonFacts, Vec<ChangeFacts>), CaseError> {
        if let Some(code) = &p.hukou_region {
            check_code("person.hukou_region", code)?;
        }
        if let Some(code) = &p.residence_region {
            check_code("person.residence_region", code)?;
            if !code.starts_with("21") {
                return Err(CaseError::new(
                    "person.residence_region",
                    format!("{} is outside Liaoning; the Measures apply within Liaoning only (Art 2)", quote(code)),
                ));
            }
        }
        let (category, category_source, derivation) = if let Some(c) = p.category {
            (c, CategorySource::Given, None)
        } else {
            let d = if p.overseas == Some(true) {
                Derivation::Overseas
            } else if let Some(code) = &p.hukou_region {
                match (code.starts_with("21"), p.living_at_hukou) {
                    (false, _) => Derivation::HukouOutside,
                    (true, true) => Derivation::AtHukou,
                    (true, false) => Derivation::AwayFromHukou,
                }
            } else {
                return Err(CaseError::new(
                    "person.category",
                    "is required unless it can be derived: give hukou_region (or overseas: true)",
                ));
            };
            let c = match d {
                Derivation::Overseas => Category::Overseas,
                Derivation::HukouOutside => Category::Floating,
                Derivation::AtHukou => Category::Permanent,
                Derivation::AwayFromHukou => Category::Lodging,
            };
            (c, CategorySource::Derived, Some(d))
        };
        let id_birth = p.id_number.as_ref().map(|id| from_naive(id.birth_date()));
        let given_birth = opt_day(p.birth_date);
        if let (Some(from_id), Some(given)) = (id_birth, given_birth) {
            if from_id != given {
                return Err(CaseError::new(
                    "person.id_number",
                    format!("holds the birth date {}, but birth_date is {}", show(from_id), show(given)),
                ));
            }
        }
        check_range("person.id_number", id_birth).map_err(|_| {
            CaseError::new(
                "person.id_number",
                format!("holds a birth date outside the supported years {MIN_INPUT_YEAR}–{MAX_INPUT_YEAR}"),
            )
        })?;
        let facts = PersonFacts {
            category,
            category_source,
            derivation,
            birth_from_id: given_birth.is_none() && id_birth.is_some(),
            birth: given_birth.or(id_birth),
            arrival: opt_day(p.arrival_date),
            departure: opt_day(p.planned_departure),
            accommodation: p.accommodation,
            studying: p.studying,
            wants_permit: p.wants_permit,
            registered_on: opt_day(p.registered_on),
            permit_applied_on: opt_day(p.permit_applied_on),
            permit: p.permit.map(|h| PermitFacts {
                issued: from_naive(h.issued_on),
                years: h.validity_years,
                extension_applied: opt_day(h.extension_applied_on),
            }),
            correction_deadline: opt_day(p.correction_deadline),
        };
        let changes: Vec<ChangeFacts> = p
            .changes
            .iter()
            .map(|c| ChangeFacts { changed_on: from_naive(c.changed_on), reported_on: opt_day(c.reported_on) })
            .collect();
        facts.check(as_of)?;
        for (i, c) in changes.iter().enumerate() {
            check_range(&format!("person.changes.{i}.changed_on"), Some(c.changed_on))?;
            check_range(&format!("person.changes.{i}.reported_on"), c.reported_on)?;
        }
        Ok((facts, changes))
    }

    /// Consistency checks shared by every face: date ranges, then the relations between dates.
    ///
    /// # Errors
    /// The first refused field, in field order.
    #[inline]
    pub fn check(&self, as_of: DayNum) -> Result<(), CaseError> {
        // Fast path: one branch-light test for the common, valid row.
        let dates_ok = ok_day(self.birth)
            & ok_day(self.arrival)
            & ok_day(self.departure)
            & ok_day(self.registered_on)
            & ok_day(self.permit_applied_on)
            & ok_day(self.correction_deadline)
            & self
                .permit
                .is_none_or(|p| in_input_range(p.issued) & ok_day(p.extension_applied) & (1..=3).contains(&p.years));
        let needs_arrival = matches!(self.category, Category::Lodging | Category::Floating);
        let arrival_ok = !needs_arrival || self.arrival.is_some();
        let departure_ok = !matches!((self.arrival, self.departure), (Some(a), Some(d)) if d < a);
        let birth_ok = self.birth.is_none_or(|b| b <= as_of && self.arrival.is_none_or(|a| b <= a));
        let order_ok = arrival_ok && departure_ok && birth_ok;
        if dates_ok && order_ok {
            Ok(())
        } else {
            Err(self.refusal(as_of))
        }
    }

    /// The first reason this person is refused, in field order (the slow path of `check`).
    #[cold]
    #[inline(never)]
    fn refusal(&self, as_of: DayNum) -> CaseError {
        let first = || -> Result<(), CaseError> {
            check_range("person.birth_date", self.birth)?;
            check_range("person.arrival_date", self.arrival)?;
            check_range("person.planned_departure", self.departure)?;
            check_range("person.registered_on", self.registered_on)?;
            check_range("person.permit_applied_on", self.permit_applied_on)?;
            if let Some(p) = &self.permit {
                check_range("person.permit.issued_on", Some(p.issued))?;
                if !(1..=3).contains(&p.years) {
                    return Err(CaseError::new(
                        "person.permit.validity_years",
                        format!("{} is not one of 1, 2, 3", p.years),
                    ));
                }
                check_range("person.permit.extension_applied_on", p.extension_applied)?;
            }
            check_range("person.correction_deadline", self.correction_deadline)?;
            let needs_arrival = matches!(self.category, Category::Lodging | Category::Floating);
            if needs_arrival && self.arrival.is_none() {
                return Err(CaseError::new(
                    "person.arrival_date",
                    format!("is required for a {} person (the 7 days run from it)", self.category),
                ));
            }
            if let (Some(a), Some(d)) = (self.arrival, self.departure) {
                if d < a {
                    return Err(CaseError::new(
                        "person.planned_departure",
                        format!("{} is before the arrival date {}", show(d), show(a)),
                    ));
                }
            }
            if let Some(b) = self.birth {
                let refuse = |after: String| {
                    if self.birth_from_id {
                        CaseError::new("person.id_number", format!("holds a birth date after {after}"))
                    } else {
                        CaseError::new("person.birth_date", format!("{} is after {after}", show(b)))
                    }
                };
                if let Some(a) = self.arrival.filter(|&a| b > a) {
                    return Err(refuse(format!("the arrival date {}", show(a))));
                }
                if b > as_of {
                    return Err(refuse(format!("as_of {}", show(as_of))));
                }
            }
            Ok(())
        };
        first().err().unwrap_or_else(|| CaseError::new("person", "is inconsistent"))
    }
}

impl ReporterFacts {
    /// Validates a typed reporter.
    ///
    /// # Errors
    /// The first refused field.
    pub fn from_reporter(r: &Reporter, as_of: DayNum) -> Result<ReporterFacts, CaseError> {
        let f = ReporterFacts {
            kind: r.kind,
            registered_on: opt_day(r.registered_on),
            reported_on: opt_day(r.reported_on),
            false_reports: r.false_reports,
            concealed: r.concealed,
            correction_deadline: opt_day(r.correction_deadline),
            corrected_on: opt_day(r.corrected_on),
        };
        f.check(as_of)?;
        Ok(f)
    }

    /// Consistency checks shared by every face.
    ///
    /// # Errors
    /// The first refused field.
    pub fn check(&self, _as_of: DayNum) -> Result<(), CaseError> {
        check_range("reporter.registered_on", self.registered_on)?;
        check_range("reporter.reported_on", self.reported_on)?;
        check_range("reporter.correction_deadline", self.correction_deadline)?;
        check_range("reporter.corrected_on", self.corrected_on)?;
        if self.registered_on.is_none() && !self.kind.reports_periodically() {
            return Err(CaseError::new(
                "reporter.registered_on",
                format!("is required for a {} (the 7 days of Art 14 run from it)", self.kind),
            ));
        }
        Ok(())
    }
}

/// Checks `as_of` (supported years) and reduces a case to facts.
///
/// # Errors
/// `as_of` outside the supported years or before the rule set, or the subject's first refused field.
pub fn case_facts(case: &Case) -> Result<(DayNum, CaseFacts), CaseError> {
    let as_of = from_naive(case.as_of);
    check_range("as_of", Some(as_of))?;
    crate::rules::check_in_force(case.policy.rule_set, as_of)?;
    let facts = match &case.subject {
        Subject::Person(p) => {
            let (f, changes) = PersonFacts::from_person(p, as_of)?;
            CaseFacts::Person(f, changes)
        }
        Subject::Reporter(r) => CaseFacts::Reporter(ReporterFacts::from_reporter(r, as_of)?),
    };
    Ok((as_of, facts))
}
