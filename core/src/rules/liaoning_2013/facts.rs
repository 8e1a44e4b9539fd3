//! Validated facts of `liaoning-2013`: a case's input checked for consistency and reduced to day
//! numbers.
//!
//! Every refusal names the field. The per-case path and the batch path ([`super::batch`], the
//! C struct entry points) both end in [`PersonFacts::check`] / [`ReporterFacts::check`], so a
//! row of a table is refused for exactly the reasons a JSON case would be.
//!
//! Beyond the shared checks (dates in 1900–2199, division codes), the Measures apply within
//! Liaoning only (Art 2): a residence outside it (division codes `21…`) is refused. Household
//! events are checked by [`super::household`], the fields of a person from outside the mainland
//! by [`super::overseas`]; a correction limit is checked against its duty by the rules
//! themselves ([`super::limits`]), since only they know the duty's deadline.

use super::household::{self, EventFacts};
use super::input::{Accommodation, Area, Case, Category, Person, Reporter, ReporterKind, Subject};
use super::outcome::CategorySource;
use super::overseas::{self, OverseasKind};
use crate::date::{check_range, from_naive, in_input_range, ok_day, show, DayNum, MAX_INPUT_YEAR, MIN_INPUT_YEAR};
use crate::division::Code;
use crate::error::CaseError;
use crate::privacy::quote;
use crate::time::TimeOfDay;

/// The province code of Liaoning: its division codes start with `21`.
pub const LIAONING: u32 = 21;

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
    /// Who a person from outside the mainland is (overseas persons only).
    pub overseas_kind: Option<OverseasKind>,
    /// Time of moving in (overseas persons only).
    pub arrival_time: Option<TimeOfDay>,
    /// Town or village (overseas persons only).
    pub area: Option<Area>,
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
    /// A person, the changes of their registered content and their household events.
    Person(PersonFacts, Vec<ChangeFacts>, Vec<EventFacts>),
    /// A reporter.
    Reporter(ReporterFacts),
}

fn opt_day(d: Option<chrono::NaiveDate>) -> Option<DayNum> {
    d.map(from_naive)
}

/// The refusal of a residence outside Liaoning (Art 2).
#[cold]
#[inline(never)]
pub(crate) fn outside_liaoning(shown: &str) -> CaseError {
    CaseError::new(
        "person.residence_region",
        format!("{} is outside Liaoning; the Measures apply within Liaoning only (Art 2)", quote(shown)),
    )
}

impl PersonFacts {
    /// Validates a typed person: division codes, identity number, category, then dates, the
    /// changes and the household events.
    ///
    /// # Errors
    /// The first refused field, in field order.
    pub fn from_person(
        p: &Person,
        as_of: DayNum,
    ) -> Result<(PersonFacts, Vec<ChangeFacts>, Vec<EventFacts>), CaseError> {
        let hukou = p.hukou_region.as_deref().map(|c| Code::read("person.hukou_region", c)).transpose()?;
        if let Some(text) = &p.residence_region {
            if Code::read("person.residence_region", text)?.province() != LIAONING {
                return Err(outside_liaoning(text));
            }
        }
        let (category, category_source, derivation) = if let Some(c) = p.category {
            (c, CategorySource::Given, None)
        } else {
            let d = if p.overseas == Some(true) {
                Derivation::Overseas
            } else if let Some(code) = hukou {
                match (code.province() == LIAONING, p.living_at_hukou) {
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
            overseas_kind: p.overseas_kind,
            arrival_time: p.arrival_time,
            area: p.area,
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
        household::check_category(facts.category, p.household_events.len())?;
        let events: Vec<EventFacts> = p
            .household_events
            .iter()
            .map(|e| EventFacts {
                kind: e.kind,
                on: from_naive(e.on),
                area: e.area,
                reported_on: opt_day(e.reported_on),
                reported_by: e.reported_by,
                burial_on: opt_day(e.burial_on),
            })
            .collect();
        for (i, e) in events.iter().enumerate() {
            e.check(i)?;
        }
        Ok((facts, changes, events))
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
        let order_ok = arrival_ok && departure_ok && birth_ok && overseas::facts_ok(self);
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
                        [show(d).as_str(), " is before the arrival date ", show(a).as_str()].concat(),
                    ));
                }
            }
            if let Some(b) = self.birth {
                // Joined rather than `format!`ed: batch refusals word many of these.
                let refuse = |what: &str, day: DayNum| {
                    if self.birth_from_id {
                        CaseError::new("person.id_number", ["holds a birth date after ", what, &show(day)].concat())
                    } else {
                        CaseError::new("person.birth_date", [&show(b), " is after ", what, &show(day)].concat())
                    }
                };
                if let Some(a) = self.arrival.filter(|&a| b > a) {
                    return Err(refuse("the arrival date ", a));
                }
                if b > as_of {
                    return Err(refuse("as_of ", as_of));
                }
            }
            overseas::check(self)
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
                format!(
                    "is required for {} {} (the 7 days of Art 14 run from it)",
                    crate::explain::a_or_an(crate::vocab::Word::id(self.kind)),
                    self.kind
                ),
            ));
        }
        Ok(())
    }
}

/// Checks `as_of` (supported years, in force) and reduces a case to facts.
///
/// # Errors
/// `as_of` outside the supported years or before the Measures, or the subject's first refused field.
pub fn case_facts(case: &Case) -> Result<(DayNum, CaseFacts), CaseError> {
    let as_of = from_naive(case.as_of);
    super::check_as_of(as_of)?;
    let facts = match &case.subject {
        Subject::Person(p) => {
            let (f, changes, events) = PersonFacts::from_person(p, as_of)?;
            CaseFacts::Person(f, changes, events)
        }
        Subject::Reporter(r) => CaseFacts::Reporter(ReporterFacts::from_reporter(r, as_of)?),
    };
    Ok((as_of, facts))
}
