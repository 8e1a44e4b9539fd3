//! Correction limits (Art 21, 22; RULES.md §11): a limit must follow the duty it enforces.
//!
//! A police order to correct by a time limit (责令改正，限期…) can only follow a violation that
//! already exists. A limit set before one could exist is inconsistent input and is refused,
//! naming the field:
//!
//! - `person.correction_deadline` on or before the deadline of the Art 21 duty the person has
//!   on the assessment day (the lodging registration, or the required permit application — for
//!   someone who turned 16 during the stay, the application due after the birthday), unless
//!   the duty was done on time;
//! - `reporter.correction_deadline` on or before the reporter's registration day (nothing can
//!   be false, concealed or late before it), and, for an Art 14 reporter with no false report
//!   or concealment (late reporting is then the only possible violation), on or before the
//!   report deadline.
//!
//! A limit with nothing to enforce — no Art 21 duty on the day, a duty done on time, a reporter
//! with nothing false, concealed or late — changes nothing, and the explanation says so.

use super::duties::Duty;
use crate::date::{format_iso as d, show, DayNum};
use crate::error::CaseError;
use crate::explain::{Explain, ExplanationLine, Trace};

/// Why a correction limit enforces nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unused {
    /// The person has no Art 21 duty on the assessment day.
    NoDuty,
    /// The person's Art 21 duty was done on time.
    DoneOnTime(Duty),
    /// The reporter reported nothing falsely, concealed nothing and was not late.
    NothingToCorrect,
}

/// Checks a person's limit against the Art 21 duty it would enforce (due `deadline`, done on
/// `done` — a day on or before the assessment day — if at all).
///
/// # Errors
/// `person.correction_deadline` on or before the deadline of a duty not done on time.
#[inline]
pub(crate) fn check_person<T: Trace<super::Step>>(
    limit: Option<DayNum>,
    duty: Duty,
    deadline: DayNum,
    done: Option<DayNum>,
    t: &mut T,
) -> Result<(), CaseError> {
    // Decided without a branch on whether a limit was set (a batch mixes rows with and without
    // one at random); the step is recorded only when explanations are.
    let on_time = done.is_some_and(|x| x <= deadline);
    let too_early = limit.is_some_and(|l| l <= deadline);
    if let (Some(limit), true) = (limit, on_time) {
        t.step(|| Step::Unused { limit, why: Unused::DoneOnTime(duty) });
    }
    #[allow(clippy::needless_bitwise_bool)] // `&`: one branch, not two
    match limit {
        Some(limit) if too_early & !on_time => Err(before_person_duty(limit, duty, deadline)),
        _ => Ok(()),
    }
}

#[cold]
#[inline(never)]
fn before_person_duty(limit: DayNum, duty: Duty, deadline: DayNum) -> CaseError {
    // Joined rather than `format!`ed: batch refusals word many of these.
    let (limit, deadline) = (show(limit), show(deadline));
    CaseError::new(
        "person.correction_deadline",
        [
            limit.as_str(),
            " is on or before ",
            deadline.as_str(),
            ", the deadline of ",
            the_duty(duty).as_str(),
            " it would enforce: an order to correct follows a violation (Art 21)",
        ]
        .concat(),
        [
            "改正期限 ",
            limit.as_str(),
            " 不晚于其针对的",
            duty.zh().as_str(),
            "期限 ",
            deadline.as_str(),
            "：责令改正须在违反规定的行为发生之后（第二十一条）",
        ]
        .concat(),
    )
}

/// An Art 21 duty in a sentence: "the lodging registration".
fn the_duty(duty: Duty) -> String {
    match duty {
        Duty::LodgingRegistration => "the lodging registration".into(),
        Duty::PermitApplication => "the Residence Permit application".into(),
        other => other.en(),
    }
}

/// Explains a person's limit that has no Art 21 duty to enforce.
#[inline]
pub(crate) fn no_duty<T: Trace<super::Step>>(limit: Option<DayNum>, t: &mut T) {
    if let Some(limit) = limit {
        t.step(|| Step::Unused { limit, why: Unused::NoDuty });
    }
}

/// Checks a reporter's limit: after the registration day, and for an Art 14 reporter with
/// nothing false or concealed, after the report deadline.
///
/// # Errors
/// `reporter.correction_deadline` set before a violation could exist.
#[inline]
pub(crate) fn check_reporter(
    limit: Option<DayNum>,
    registered_on: Option<DayNum>,
    report_deadline: Option<DayNum>,
    false_or_concealed: bool,
) -> Result<(), CaseError> {
    let Some(limit) = limit else { return Ok(()) };
    if let Some(reg) = registered_on.filter(|&r| limit <= r) {
        let (limit, reg) = (show(limit), show(reg));
        return Err(CaseError::new(
            "reporter.correction_deadline",
            format!(
                "{limit} is on or before the registration day {reg}: nothing can be false, concealed or late before it (Art 22)"
            ),
            format!("改正期限 {limit} 不晚于登记之日 {reg}：在此之前不可能有谎报、瞒报或未按时报送（第二十二条）"),
        ));
    }
    if let Some(due) = report_deadline.filter(|&due| !false_or_concealed && limit <= due) {
        let (limit, due) = (show(limit), show(due));
        return Err(CaseError::new(
            "reporter.correction_deadline",
            format!(
                "{limit} is on or before the report deadline {due}: with nothing falsely reported or concealed, only late reporting could be corrected, and it cannot exist before then (Art 22)"
            ),
            format!(
                "改正期限 {limit} 不晚于报送期限 {due}：没有谎报、瞒报的，需改正的只能是未按时报送，而报送期限届满前不会发生（第二十二条）"
            ),
        ));
    }
    Ok(())
}

/// Explains a reporter's limit with nothing to enforce.
#[inline]
pub(crate) fn nothing_to_correct<T: Trace<super::Step>>(limit: Option<DayNum>, t: &mut T) {
    if let Some(limit) = limit {
        t.step(|| Step::Unused { limit, why: Unused::NothingToCorrect });
    }
}

/// The steps of a correction limit, each with its provision and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// A limit that enforces nothing.
    Unused { limit: DayNum, why: Unused },
}

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        match *self {
            Step::Unused { limit, why: Unused::NoDuty } => ExplanationLine::new(
                "art21",
                format!("改正期限{}：本人在评估日没有第二十一条所指的义务，该期限无适用对象，不影响结论。", d(limit)),
                format!(
                    "Correction limit {}: the person has no duty under Art 21 on the assessment day, so the limit has nothing to enforce and changes nothing.",
                    d(limit)
                ),
            ),
            Step::Unused { limit, why: Unused::DoneOnTime(duty) } => ExplanationLine::new(
                "art21",
                format!("改正期限{}：{}已按期办理，该期限无适用对象，不影响结论。", d(limit), duty.zh()),
                format!(
                    "Correction limit {}: {} was made on time, so the limit has nothing to enforce and changes nothing.",
                    d(limit),
                    the_duty(duty)
                ),
            ),
            Step::Unused { limit, why: Unused::NothingToCorrect } => ExplanationLine::new(
                "art22",
                format!("改正期限{}：无谎报、瞒报或未按时报送，该期限无适用对象，不影响结论。", d(limit)),
                format!(
                    "Correction limit {}: nothing was falsely reported, concealed or reported late, so the limit has nothing to enforce and changes nothing.",
                    d(limit)
                ),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::from_ymd;

    #[test]
    fn early_limits_are_refused_in_chinese_too() {
        let e = before_person_duty(from_ymd(2024, 3, 1), Duty::LodgingRegistration, from_ymd(2024, 3, 5));
        assert_eq!(
            e.message(),
            "2024-03-01 is on or before 2024-03-05, the deadline of the lodging registration it would enforce: \
             an order to correct follows a violation (Art 21)"
        );
        assert_eq!(
            e.message_zh(),
            "改正期限 2024-03-01 不晚于其针对的寄住登记期限 2024-03-05：责令改正须在违反规定的行为发生之后（第二十一条）"
        );
        let e = check_reporter(Some(from_ymd(2024, 3, 1)), Some(from_ymd(2024, 3, 1)), None, false).unwrap_err();
        assert_eq!(
            e.message_zh(),
            "改正期限 2024-03-01 不晚于登记之日 2024-03-01：在此之前不可能有谎报、瞒报或未按时报送（第二十二条）"
        );
        let e =
            check_reporter(Some(from_ymd(2024, 3, 5)), Some(from_ymd(2024, 3, 1)), Some(from_ymd(2024, 3, 8)), false)
                .unwrap_err();
        assert!(e.message_zh().starts_with("改正期限 2024-03-05 不晚于报送期限 2024-03-08："), "{}", e.message_zh());
        assert!(check_reporter(
            Some(from_ymd(2024, 3, 5)),
            Some(from_ymd(2024, 3, 1)),
            Some(from_ymd(2024, 3, 8)),
            true
        )
        .is_ok());
    }
}
