//! The mechanics every duty shares: a 7-day window from an event, counted per policy (I1) and
//! starting no earlier than the Measures themselves (I7, Art 26), and the status words.

use super::{Acc, Ctx, Step, IN_FORCE};
use crate::case::{DayCounting, ReporterKind};
use crate::date::DayNum;
use crate::outcome::Status;
use crate::period::deadline;
use crate::rules::liaoning_2013::interpretations::Interpretation;
use crate::rules::Trace;

/// A duty with a deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duty {
    /// Lodging registration (Art 9).
    LodgingRegistration,
    /// Floating-resident registration (Art 10 p1).
    ResidenceRegistration,
    /// Residence Permit application (Art 10 p1; I2, I3).
    PermitApplication,
    /// Report of a change of registered content, by index (Art 13 p1).
    ChangeReport(u16),
    /// A reporter's report to the police station (Art 14).
    Report(ReporterKind),
}

/// The number of days every duty of these Measures allows (Art 9, 10, 13 p1, 14).
pub const DAYS: u32 = 7;

/// The deadline of a 7-day duty triggered by `event`.
#[inline]
pub(crate) fn seven_days<T: Trace>(cx: &Ctx, event: DayNum, duty: Duty, acc: &mut Acc, t: &mut T) -> DayNum {
    let start = if event < IN_FORCE {
        acc.interp.insert(Interpretation::I7);
        t.step(|| Step::StartsInForce { duty, event });
        IN_FORCE
    } else {
        event
    };
    let d = deadline(cx.cal, start, DAYS, cx.counting);
    acc.interp.insert(Interpretation::I1);
    acc.provisional |= d.provisional;
    t.step(|| Step::Counted {
        duty,
        deadline: d,
        counting: cx.counting,
        // The rest day worth naming, if day 7 is one: a Civil-Code period moved off it, a
        // calendar-day period ends on it regardless. Working-day counting has no day 7 to name.
        rest: if cx.counting == DayCounting::WorkingDays { None } else { cx.cal.rest_reason(d.nominal) },
    });
    d.due
}

/// The status of a duty due on `deadline`, done on `done` (ignored if after `as_of`).
#[inline]
pub fn judge(deadline: DayNum, done: Option<DayNum>, as_of: DayNum) -> Status {
    match done.filter(|&d| d <= as_of) {
        Some(d) if d <= deadline => Status::Done,
        Some(_) => Status::Late,
        None if as_of <= deadline => Status::Pending,
        None => Status::Overdue,
    }
}

/// [`judge`], with its explanation step.
#[inline]
pub(crate) fn judge_traced<T: Trace>(
    cx: &Ctx,
    duty: Duty,
    deadline: DayNum,
    done: Option<DayNum>,
    t: &mut T,
) -> Status {
    let status = judge(deadline, done, cx.as_of);
    t.step(|| Step::Judged { duty, status, done, deadline, as_of: cx.as_of });
    status
}
