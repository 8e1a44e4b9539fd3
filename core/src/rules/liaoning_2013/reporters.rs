//! Art 11 p2, 14 and 22: what employers, agencies, landlords and institutions owe and risk.
//!
//! - Art 14: employers, job agencies, housing agencies and landlords register the person's basic
//!   information (Art 4 fields) and report it to the police station within 7 days of registering.
//! - Art 11 p2: hotels, hospitals, schools, training institutions and relief stations report
//!   periodically — no fixed deadline.
//! - Art 22: false reports, concealment or late reporting → order to correct by a time limit;
//!   not corrected by then → the county public security organ fines 200–500 yuan for each person
//!   falsely reported or concealed, and a credit-record entry. Late reporting alone: the entry,
//!   no fine (I8).

use super::articles::{Article, Basis};
use super::duties::{judge_traced, seven_days, Duty};
use super::interpretations::Interpretation;
use super::{Acc, Ctx, Step};
use crate::facts::ReporterFacts;
use crate::outcome::{Authority, PenaltyStage, ReporterOutcome, Status};
use crate::rules::Trace;

/// Lowest fine per person falsely reported or concealed, yuan (Art 22).
pub const FINE_MIN_PER_PERSON: u64 = 200;
/// Highest fine per person falsely reported or concealed, yuan (Art 22).
pub const FINE_MAX_PER_PERSON: u64 = 500;

/// Decides the reporting duty and the penalty stage.
#[inline]
pub(crate) fn decide<T: Trace>(r: &ReporterFacts, cx: &Ctx, t: &mut T) -> ReporterOutcome {
    let mut acc = Acc::default();
    t.step(|| Step::ReporterDuty { kind: r.kind });
    let (deadline, status, basis) = match r.registered_on.filter(|_| !r.kind.reports_periodically()) {
        None => (None, Status::Periodic, Basis::EMPTY.with(Article::Art11P2)),
        Some(registered) => {
            let duty = Duty::Report(r.kind);
            let due = seven_days(cx, registered, duty, &mut acc, t);
            let status = judge_traced(cx, duty, due, r.reported_on, t);
            (Some(due), status, Basis::EMPTY.with(Article::Art14))
        }
    };
    let late = matches!(status, Status::Late | Status::Overdue);
    if late {
        acc.interp.insert(Interpretation::I8);
    }
    let persons = u64::from(r.false_reports) + u64::from(r.concealed);
    let corrected = r.corrected_on.filter(|&d| d <= cx.as_of);
    let no_grounds = persons == 0 && !late;
    let corrected_in_time = corrected.is_some_and(|c| r.correction_deadline.is_none_or(|limit| c <= limit));
    let stage = if no_grounds || corrected_in_time {
        PenaltyStage::None
    } else if r.correction_deadline.is_some_and(|limit| cx.as_of > limit) {
        PenaltyStage::FineAndCreditRecord
    } else {
        PenaltyStage::OrderToCorrect
    };
    let fined = stage == PenaltyStage::FineAndCreditRecord && persons > 0;
    let (fine_min_yuan, fine_max_yuan) =
        if fined { (FINE_MIN_PER_PERSON * persons, FINE_MAX_PER_PERSON * persons) } else { (0, 0) };
    t.step(|| Step::Penalty {
        stage,
        false_reports: r.false_reports,
        concealed: r.concealed,
        late,
        correction: r.correction_deadline,
        corrected,
        fine: (fine_min_yuan, fine_max_yuan),
    });
    ReporterOutcome {
        deadline,
        status,
        basis,
        stage,
        fine_min_yuan,
        fine_max_yuan,
        authority: fined.then_some(Authority::CountyPublicSecurity),
        penalty_basis: if stage == PenaltyStage::None { Basis::EMPTY } else { Basis::EMPTY.with(Article::Art22) },
        interpretations: acc.interp,
        calendar_provisional: acc.provisional,
    }
}
