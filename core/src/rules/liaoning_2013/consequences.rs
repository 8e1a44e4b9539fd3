//! Art 21: what an individual risks.
//!
//! Art 21 names two duties: a lodging person's lodging registration, and a floating person's
//! permit application where the permit is required. While such a duty is overdue the police
//! order correction by a time limit (`order_to_correct`); once that limit (`correction_deadline`)
//! has passed without the duty done by it, the failure goes into the personal credit record
//! (`credit_record`), which doing it later does not undo. A held permit counts as applied for on
//! its issue date. The Measures set no fine for individuals.
//!
//! I9: a floating person exempt from the permit who does not register faces nothing under
//! Art 21; the registration still shows overdue.
//!
//! The correction limit must follow the duty it enforces (RULES.md §11): one on or before the
//! duty's deadline is refused, one with nothing to enforce is explained ([`super::limits`]).

use super::duties::Duty;
use super::facts::PersonFacts;
use super::input::Category;
use super::interpretations::Interpretation;
use super::limits;
use super::outcome::{Consequence, PermitOutcome, PermitStatus, RegistrationOutcome, Status};
use super::{Acc, Ctx};
use crate::date::{format_iso as d, DayNum};
use crate::error::CaseError;
use crate::explain::{Explain, ExplanationLine, Trace};

/// The Art 21 ladder for one duty due on `deadline`, done on `done`.
#[inline]
pub fn ladder(deadline: DayNum, done: Option<DayNum>, correction: Option<DayNum>, as_of: DayNum) -> Consequence {
    let done = done.filter(|&d| d <= as_of);
    let breached = match done {
        Some(d) => d > deadline,
        None => as_of > deadline,
    };
    if !breached {
        Consequence::None
    } else if correction.is_some_and(|c| as_of > c && done.is_none_or(|d| d > c)) {
        Consequence::CreditRecord
    } else if done.is_none() {
        Consequence::OrderToCorrect
    } else {
        Consequence::None
    }
}

/// Decides the person's Art 21 consequence, after checking the correction limit against the
/// duty it would enforce (RULES.md §11, [`super::limits`]).
///
/// # Errors
/// `person.correction_deadline` set on or before the deadline of a duty not done on time.
#[inline]
pub(crate) fn decide<T: Trace<super::Step>>(
    f: &PersonFacts,
    reg: &RegistrationOutcome,
    permit: &PermitOutcome,
    cx: &Ctx,
    acc: &mut Acc,
    t: &mut T,
) -> Result<Consequence, CaseError> {
    let (duty, deadline, done) = match f.category {
        // A lodging person registered by an Art 11 institution has no deadline of their own,
        // so no consequence (the `let Some(deadline)` below).
        Category::Lodging => (Duty::LodgingRegistration, reg.deadline, f.registered_on),
        Category::Floating if permit.status == PermitStatus::Required => {
            let applied = f.permit_applied_on.filter(|&d| d <= cx.as_of);
            let issued = f.permit.map(|p| p.issued).filter(|&d| d <= cx.as_of);
            (Duty::PermitApplication, permit.deadline, applied.or(issued))
        }
        Category::Floating if permit.status == PermitStatus::Optional && reg.status == Status::Overdue => {
            acc.interp.insert(Interpretation::I9);
            t.step(|| Step::ExemptNotRegistered);
            limits::no_duty(f.correction_deadline, t);
            return Ok(Consequence::None);
        }
        _ => {
            limits::no_duty(f.correction_deadline, t);
            return Ok(Consequence::None);
        }
    };
    let Some(deadline) = deadline else {
        limits::no_duty(f.correction_deadline, t);
        return Ok(Consequence::None);
    };
    limits::check_person(f.correction_deadline, duty, deadline, done.filter(|&d| d <= cx.as_of), t)?;
    let consequence = ladder(deadline, done, f.correction_deadline, cx.as_of);
    t.step(|| Step::Art21 {
        duty,
        consequence,
        correction: f.correction_deadline,
        done: done.filter(|&d| d <= cx.as_of),
    });
    Ok(consequence)
}

/// The steps of the Art 21 decision, each with its provision and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// Art 21 ladder for a duty.
    Art21 { duty: Duty, consequence: Consequence, correction: Option<DayNum>, done: Option<DayNum> },
    /// I9.
    ExemptNotRegistered,
}

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        match *self {
            Step::Art21 { duty, consequence, correction, done } => ExplanationLine::new(
                "art21",
                match consequence {
                Consequence::OrderToCorrect => format!(
                    "{}逾期未办：由公安派出所责令改正，限期补办{}。",
                    duty.zh(),
                    correction.map(|c| format!("（限期至{}）", d(c))).unwrap_or_default()
                ),
                Consequence::CreditRecord => format!(
                    "{}未在改正期限（{}）内补办{}：作为个人不良信用行为记入个人信用档案（本办法对个人未设罚款）。",
                    duty.zh(),
                    correction.map(d).unwrap_or_default(),
                    done.map(|x| format!("（至{}才办理）", d(x))).unwrap_or_default()
                ),
                _ => format!("{}：不涉及第二十一条责任。", duty.zh()),
            },
                match consequence {
                Consequence::OrderToCorrect => format!(
                    "{} is overdue: the police station orders it made by a time limit{}.",
                    duty.en(),
                    correction.map(|c| format!(" (set: {})", d(c))).unwrap_or_default()
                ),
                Consequence::CreditRecord => format!(
                    "{} was not made by the correction limit {}{}: entered in the personal credit record (no fine for individuals).",
                    duty.en(),
                    correction.map(d).unwrap_or_default(),
                    done.map(|x| format!(" (made only on {})", d(x))).unwrap_or_default()
                ),
                _ => format!("{}: nothing owed under Art 21.", duty.en()),
            },
            ),
            Step::ExemptNotRegistered => ExplanationLine::new(
                "art21",
                "居住登记已逾期，但第二十一条对流动人口只规定不申领居住证的责任，而本人免办居住证：不产生后果（I9）。".into(),
                "The registration is overdue, but Art 21 names only the permit application for floating persons, and this person is exempt: no consequence (I9).".into(),
            ),
        }
    }
}
