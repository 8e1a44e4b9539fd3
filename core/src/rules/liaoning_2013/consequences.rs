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

use super::duties::Duty;
use super::interpretations::Interpretation;
use super::{Acc, Ctx, Step};
use crate::case::Category;
use crate::date::DayNum;
use crate::facts::PersonFacts;
use crate::outcome::{Consequence, PermitOutcome, PermitStatus, RegistrationOutcome, Status};
use crate::rules::Trace;

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

/// Decides the person's Art 21 consequence.
#[inline]
pub(crate) fn decide<T: Trace>(
    f: &PersonFacts,
    reg: &RegistrationOutcome,
    permit: &PermitOutcome,
    cx: &Ctx,
    acc: &mut Acc,
    t: &mut T,
) -> Consequence {
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
            return Consequence::None;
        }
        _ => return Consequence::None,
    };
    let Some(deadline) = deadline else {
        return Consequence::None;
    };
    let consequence = ladder(deadline, done, f.correction_deadline, cx.as_of);
    t.step(|| Step::Art21 {
        duty,
        consequence,
        correction: f.correction_deadline,
        done: done.filter(|&d| d <= cx.as_of),
    });
    consequence
}
