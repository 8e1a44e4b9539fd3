//! Art 9, 10 p1 and 11: who registers, for whom, and by when.
//!
//! - Art 9: a lodging person staying 1 month or more makes a lodging registration within 7 days
//!   of arrival.
//! - Art 10 p1: a floating person staying 1 month or more makes a residence registration within
//!   7 days of arrival.
//! - Art 11 p1: a person staying in a hotel, in hospital, boarding at a school or training
//!   institution, or at a relief station is registered by that institution (I5: lodging
//!   persons too); Art 11 p2: it reports periodically, no fixed deadline.
//! - The 1-month trigger comes first: "以上" includes the month itself (Civil Code Art 1259), so a
//!   planned departure on or after arrival + 1 month triggers; no planned departure is an
//!   open-ended stay.

use super::articles::{Article, Basis};
use super::duties::{judge_traced, seven_days, Duty};
use super::interpretations::Interpretation;
use super::{Acc, Ctx, Step};
use crate::case::Category;
use crate::date::add_months;
use crate::facts::PersonFacts;
use crate::outcome::{DutyHolder, RegistrationKind, RegistrationOutcome, Status};
use crate::period::at_least_a_month_after;
use crate::rules::Trace;

const fn not_required(basis: Basis) -> RegistrationOutcome {
    RegistrationOutcome {
        required: false,
        kind: None,
        duty_holder: None,
        deadline: None,
        status: Status::NotRequired,
        basis,
    }
}

/// Decides the registration; also returns whether the 1-month trigger holds.
#[inline]
pub(crate) fn decide<T: Trace>(f: &PersonFacts, cx: &Ctx, acc: &mut Acc, t: &mut T) -> (RegistrationOutcome, bool) {
    let (kind, article, duty) = match f.category {
        Category::Permanent => {
            t.step(|| Step::Permanent);
            return (not_required(Basis::EMPTY.with(Article::Art24)), false);
        }
        Category::Overseas => {
            t.step(|| Step::Overseas);
            return (not_required(Basis::EMPTY.with(Article::Art25)), false);
        }
        Category::Lodging => (RegistrationKind::LodgingRegistration, Article::Art9, Duty::LodgingRegistration),
        Category::Floating => (RegistrationKind::ResidenceRegistration, Article::Art10P1, Duty::ResidenceRegistration),
    };
    // Facts validation guarantees an arrival date for lodging and floating persons.
    let arrival = f.arrival.unwrap_or(cx.as_of);
    let long = f.departure.is_none_or(|d| at_least_a_month_after(arrival, d));
    t.step(|| Step::Stay {
        category: f.category,
        arrival,
        departure: f.departure,
        threshold: add_months(arrival, 1),
        long,
    });
    if !long {
        return (not_required(Basis::EMPTY.with(article)), false);
    }
    if let (Some(holder), Some(item)) =
        (DutyHolder::institution_for(f.accommodation), Article::art11_item(f.accommodation))
    {
        if f.category == Category::Lodging {
            acc.interp.insert(Interpretation::I5);
        }
        t.step(|| Step::ByInstitution { kind, holder, item, category: f.category });
        let outcome = RegistrationOutcome {
            required: true,
            kind: Some(kind),
            duty_holder: Some(holder),
            deadline: None,
            status: Status::Institution,
            basis: Basis::EMPTY.with(article).with(item),
        };
        return (outcome, true);
    }
    t.step(|| Step::SelfRegistration { kind });
    let deadline = seven_days(cx, arrival, duty, acc, t);
    let status = judge_traced(cx, duty, deadline, f.registered_on, t);
    let outcome = RegistrationOutcome {
        required: true,
        kind: Some(kind),
        duty_holder: Some(DutyHolder::SelfPerson),
        deadline: Some(deadline),
        status,
        basis: Basis::EMPTY.with(article),
    };
    (outcome, true)
}
