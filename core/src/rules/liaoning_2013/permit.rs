//! Art 10–13: the Residence Permit 《居住证》.
//!
//! - Art 10 p1: a floating person staying 1 month or more applies with the registration — by the
//!   same 7-day deadline (I2).
//! - Art 10 p2: students and persons not yet 16 full years old are exempt but may apply. The
//!   under-16 exemption ends on the day the person reaches 16 full years; the permit is then due
//!   7 days from that day (I3). A student is exempt as a student, with no end date.
//! - Art 11: a person an institution registers gets no permit, even on request (I4); this beats
//!   the student exemption.
//! - Art 12: documents (identity document; lease or other proof of residence) — explained.
//! - Art 13 p2: validity of 1, 2 or 3 years: valid through issue + N years; extension due no
//!   later than expiry − 30 days (I6, never rolled). Art 13 p4: always free. Art 13 p5: permits
//!   held before 2013-04-01 may be exchanged free of charge.

use super::articles::{Article, Basis};
use super::duties::{judge, judge_traced, seven_days, Duty};
use super::interpretations::Interpretation;
use super::{Acc, Ctx, Step, IN_FORCE};
use crate::case::Category;
use crate::facts::PersonFacts;
use crate::outcome::{DutyHolder, Exemption, PermitOutcome, PermitStatus, RegistrationOutcome, Status};
use crate::period::{under_16_until, years_end};
use crate::rules::Trace;

/// Days before expiry by which an extension must be applied for (Art 13 p2).
pub const EXTENSION_DAYS_BEFORE_EXPIRY: i32 = 30;

/// Why the permit does not concern a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotApplicable {
    /// Category other than floating.
    Category(Category),
    /// A floating person staying less than a month.
    ShortStay,
}

const NONE: PermitOutcome = PermitOutcome {
    status: PermitStatus::NotApplicable,
    exemption: None,
    reaches_16_on: None,
    deadline: None,
    application_status: Status::NotRequired,
    expires_on: None,
    valid: None,
    extension_deadline: None,
    extension_status: None,
    basis: Basis::EMPTY,
};

/// Decides the permit's status, deadline and application status, then the permit held.
#[inline]
pub(crate) fn decide<T: Trace>(
    f: &PersonFacts,
    long_stay: bool,
    reg: &RegistrationOutcome,
    cx: &Ctx,
    acc: &mut Acc,
    t: &mut T,
) -> PermitOutcome {
    let mut o = NONE;
    if f.category != Category::Floating || !long_stay {
        let (reason, article) = match f.category {
            Category::Floating => (NotApplicable::ShortStay, Article::Art10P1),
            Category::Permanent => (NotApplicable::Category(f.category), Article::Art24),
            Category::Overseas => (NotApplicable::Category(f.category), Article::Art25),
            Category::Lodging => (NotApplicable::Category(f.category), Article::Art10P1),
        };
        o.basis = Basis::EMPTY.with(article);
        t.step(|| Step::PermitNotApplicable(reason));
    } else if let (Some(holder), Some(item)) =
        (DutyHolder::institution_for(f.accommodation), Article::art11_item(f.accommodation))
    {
        acc.interp.insert(Interpretation::I4);
        o.status = PermitStatus::NotIssued;
        o.basis = Basis::EMPTY.with(item);
        t.step(|| Step::PermitNotIssued { holder, item, wanted: f.wants_permit, studying: f.studying });
    } else if f.studying {
        o.status = PermitStatus::Optional;
        o.exemption = Some(Exemption::Student);
        o.basis = Basis::EMPTY.with(Article::Art10P2);
        t.step(|| Step::ExemptStudent);
        o.application_status = voluntary(f, cx, t);
    } else if let Some(reaches) = f.birth.zip(f.arrival).and_then(|(b, a)| under_16_until(b, a, cx.age)) {
        // Under 16 on arrival: the exemption applies now or applied earlier in this stay (I3).
        acc.interp.insert(Interpretation::I3);
        o.reaches_16_on = Some(reaches);
        let ends_during_stay = f.departure.is_none_or(|d| reaches < d);
        if cx.as_of >= reaches && ends_during_stay {
            acc.interp.insert(Interpretation::I2);
            o.status = PermitStatus::Required;
            o.basis = Basis::EMPTY.with(Article::Art10P1).with(Article::Art10P2);
            t.step(|| Step::Under16Ended { reaches });
            let due = seven_days(cx, reaches, Duty::PermitApplication, acc, t);
            o.deadline = Some(due);
            o.application_status = required(f, due, cx, t);
        } else {
            o.status = PermitStatus::Optional;
            o.exemption = Some(Exemption::Under16);
            o.basis = Basis::EMPTY.with(Article::Art10P2);
            if ends_during_stay {
                t.step(|| Step::ExemptUnder16 { reaches });
            } else {
                t.step(|| Step::Under16ThroughStay { reaches, departure: f.departure.unwrap_or(reaches) });
            }
            o.application_status = voluntary(f, cx, t);
        }
    } else {
        if f.birth.is_none() {
            t.step(|| Step::NoBirthDate);
        }
        acc.interp.insert(Interpretation::I2);
        o.status = PermitStatus::Required;
        o.basis = Basis::EMPTY.with(Article::Art10P1);
        t.step(|| Step::PermitRequired);
        // A self-registering floating person always has a registration deadline here.
        let due = reg.deadline.unwrap_or(cx.as_of);
        o.deadline = Some(due);
        o.application_status = required(f, due, cx, t);
    }
    held(f, cx, acc, &mut o, t);
    if matches!(o.status, PermitStatus::Required | PermitStatus::Optional) || o.expires_on.is_some() {
        t.step(|| Step::Fee);
    }
    o
}

/// Status of a required application: judged by `permit_applied_on`; with no such date, a permit
/// held on the assessment day counts as done.
#[inline]
fn required<T: Trace>(f: &PersonFacts, due: i32, cx: &Ctx, t: &mut T) -> Status {
    let applied = f.permit_applied_on.filter(|&d| d <= cx.as_of);
    if applied.is_none() {
        if let Some(p) = f.permit.filter(|p| p.issued <= cx.as_of) {
            t.step(|| Step::HeldCountsAsApplied { issued: p.issued });
            return Status::Done;
        }
    }
    judge_traced(cx, Duty::PermitApplication, due, applied, t)
}

/// Status of a voluntary application: done once applied for or held, else not required.
#[inline]
fn voluntary<T: Trace>(f: &PersonFacts, cx: &Ctx, t: &mut T) -> Status {
    let applied = f.permit_applied_on.is_some_and(|d| d <= cx.as_of);
    let held = f.permit.is_some_and(|p| p.issued <= cx.as_of);
    let status = if applied || held { Status::Done } else { Status::NotRequired };
    t.step(|| Step::Voluntary { wanted: f.wants_permit, status });
    status
}

/// The permit held: expiry, validity, extension (Art 13 p2, I6; Art 13 p5 for old permits).
#[inline]
fn held<T: Trace>(f: &PersonFacts, cx: &Ctx, acc: &mut Acc, o: &mut PermitOutcome, t: &mut T) {
    let Some(p) = f.permit else { return };
    if p.issued > cx.as_of {
        t.step(|| Step::PermitNotYetIssued { issued: p.issued });
        return;
    }
    if p.issued < IN_FORCE {
        t.step(|| Step::PermitFromBefore { issued: p.issued });
        o.basis = o.basis.with(Article::Art13P5);
    }
    let expires = years_end(p.issued, i32::from(p.years));
    let valid = cx.as_of <= expires;
    let ext_deadline = expires - EXTENSION_DAYS_BEFORE_EXPIRY;
    let applied = p.extension_applied.filter(|&d| d <= cx.as_of);
    let ext_status = match (applied, judge(ext_deadline, applied, cx.as_of)) {
        (None, Status::Overdue) => Status::Missed,
        (_, s) => s,
    };
    acc.interp.insert(Interpretation::I6);
    o.expires_on = Some(expires);
    o.valid = Some(valid);
    o.extension_deadline = Some(ext_deadline);
    o.extension_status = Some(ext_status);
    o.basis = o.basis.with(Article::Art13P2);
    t.step(|| Step::PermitHeld { issued: p.issued, years: p.years, expires, valid });
    t.step(|| Step::Extension { deadline: ext_deadline, status: ext_status, applied });
}
