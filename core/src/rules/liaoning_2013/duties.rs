//! The mechanics every duty shares: a 7-day window from an event, counted per policy (I1) and
//! starting no earlier than the Measures themselves (I7, Art 26), and the status words.

use super::articles::Article;
use super::input::ReporterKind;
use super::interpretations::Interpretation;
use super::outcome::Status;
use super::{Acc, Ctx, IN_FORCE};
use crate::calendar::RestReason;
use crate::date::{format_iso as d, DayNum};
use crate::explain::{Explain, ExplanationLine, Trace};
use crate::period::{deadline, CountingLaw, DayCounting, Deadline};
use crate::vocab::Word;

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
pub(crate) fn seven_days<T: Trace<super::Step>>(
    cx: &Ctx,
    event: DayNum,
    duty: Duty,
    acc: &mut Acc,
    t: &mut T,
) -> DayNum {
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
pub(crate) fn judge_traced<T: Trace<super::Step>>(
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

impl Duty {
    /// The provision that imposes the duty.
    pub fn article(self) -> Article {
        match self {
            Duty::LodgingRegistration => Article::Art9,
            Duty::ResidenceRegistration | Duty::PermitApplication => Article::Art10P1,
            Duty::ChangeReport(_) => Article::Art13P1,
            Duty::Report(_) => Article::Art14,
        }
    }

    pub(crate) fn en(self) -> String {
        match self {
            Duty::LodgingRegistration => "Lodging registration".into(),
            Duty::ResidenceRegistration => "Residence registration".into(),
            Duty::PermitApplication => "Residence Permit application".into(),
            Duty::ChangeReport(i) => format!("Report of change {}", u32::from(i) + 1),
            Duty::Report(k) => format!("The {}'s report to the police station", k.en()),
        }
    }

    pub(crate) fn zh(self) -> String {
        match self {
            Duty::LodgingRegistration => "寄住登记".into(),
            Duty::ResidenceRegistration => "流动人口居住登记".into(),
            Duty::PermitApplication => "申领居住证".into(),
            Duty::ChangeReport(i) => format!("所列第{}项变更登记", u32::from(i) + 1),
            Duty::Report(k) => format!("{}向公安派出所报送信息", k.zh()),
        }
    }
}

/// The words of a duty's state against its deadline, in Chinese and English (without the duty's
/// name): done, late, pending or overdue, and a note when the date given lies after `as_of`.
pub(crate) fn judged_words(status: Status, done: Option<DayNum>, deadline: DayNum, as_of: DayNum) -> (String, String) {
    let zh = {
        let future = match done {
            Some(x) if x > as_of => format!("所给日期{}晚于{}，在该日尚未发生。", d(x), d(as_of)),
            _ => String::new(),
        };
        let body = match status {
            Status::Done => format!("已于{}办理，未超过期限{}。", d(done.unwrap_or(deadline)), d(deadline)),
            Status::Late => format!("于{}办理，已超过期限{}，属逾期办理。", d(done.unwrap_or(deadline)), d(deadline)),
            Status::Pending => format!("截至{}尚未办理，期限为{}，尚未届满。", d(as_of), d(deadline)),
            _ => format!("截至{}尚未办理，期限{}已过，属逾期未办。", d(as_of), d(deadline)),
        };
        format!("{body}{future}")
    };
    let en = {
        let future = match done {
            Some(x) if x > as_of => {
                format!(" The date given, {}, lies after {}: on that day it has not happened yet.", d(x), d(as_of))
            }
            _ => String::new(),
        };
        let body = match status {
            Status::Done => format!("done on {}, by the deadline {}.", d(done.unwrap_or(deadline)), d(deadline)),
            Status::Late => {
                format!("done on {}, after the deadline {}: late.", d(done.unwrap_or(deadline)), d(deadline))
            }
            Status::Pending => format!("not done as of {}; due by {}: pending.", d(as_of), d(deadline)),
            _ => format!("not done as of {}, and the deadline {} has passed: overdue.", d(as_of), d(deadline)),
        };
        format!("{body}{future}")
    };
    (zh, en)
}

pub(crate) fn rest_en(r: Option<RestReason>) -> String {
    match r {
        Some(RestReason::Holiday(f)) => format!("a statutory holiday ({})", f.en()),
        Some(RestReason::Listed) => "a rest day in the supplied calendar".into(),
        Some(RestReason::Weekend) | None => "a weekend day".into(),
    }
}

pub(crate) fn rest_zh(r: Option<RestReason>) -> String {
    match r {
        Some(RestReason::Holiday(f)) => format!("法定休假日（{}假期）", f.zh()),
        Some(RestReason::Listed) => "所提供日历中的休息日".into(),
        Some(RestReason::Weekend) | None => "周末".into(),
    }
}

/// The steps every duty shares: its period counted and its state judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// The event lies before the Measures; the period starts on 2013-04-01 (I7).
    StartsInForce { duty: Duty, event: DayNum },
    /// A deadline was counted (I1); `rest` names the rest day a Civil-Code period moved off or
    /// a calendar-day period ends on.
    Counted { duty: Duty, deadline: Deadline, counting: DayCounting, rest: Option<RestReason> },
    /// A duty was judged against its deadline.
    Judged { duty: Duty, status: Status, done: Option<DayNum>, deadline: DayNum, as_of: DayNum },
}

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        match *self {
            Step::StartsInForce { duty, event } => ExplanationLine::new(
                "art26",
                format!("{}：起算事件（{}）早于本办法施行，期间自2013年4月1日起算（I7）。", duty.zh(), d(event)),
                format!(
                    "{}: the event ({}) precedes the Measures, so the period runs from 2013-04-01 (I7).",
                    duty.en(),
                    d(event)
                ),
            ),
            Step::Counted { duty, deadline: dl, counting, rest } => ExplanationLine::new(
                duty.article().id(),
                {
                    let mut s = match counting {
                        DayCounting::CivilCode if dl.due != dl.nominal => format!(
                            "{}：自{}起算（当日不计入），第7日{}系{}，顺延至其后第一个工作日{}（{}）。",
                            duty.zh(),
                            d(dl.start),
                            d(dl.nominal),
                            rest_zh(rest),
                            d(dl.due),
                            CountingLaw::for_start(dl.start).cite_zh(true)
                        ),
                        DayCounting::CivilCode => format!(
                            "{}：自{}起算7日（当日不计入），末日{}为工作日（{}）。",
                            duty.zh(),
                            d(dl.start),
                            d(dl.due),
                            CountingLaw::for_start(dl.start).cite_zh(true)
                        ),
                        DayCounting::Calendar => format!(
                            "{}：自{}起按自然日计算7日，截止{}{}，不因休息日顺延。",
                            duty.zh(),
                            d(dl.start),
                            d(dl.due),
                            rest.map(|r| format!("，系{}", rest_zh(Some(r)))).unwrap_or_default()
                        ),
                        DayCounting::WorkingDays => {
                            format!("{}：{}后第7个工作日为{}（按工作日计算）。", duty.zh(), d(dl.start), d(dl.due))
                        }
                    };
                    if dl.provisional {
                        s.push_str("该年度无官方节假日数据，仅按周末计休息日（暂定）。");
                    }
                    s
                },
                {
                    let mut s = match counting {
                    DayCounting::CivilCode if dl.due != dl.nominal => format!(
                        "{}: day 7 after {} is {}, {}; the period ends on the next working day, {} ({}).",
                        duty.en(), d(dl.start), d(dl.nominal), rest_en(rest), d(dl.due), CountingLaw::for_start(dl.start).cite_en(true)
                    ),
                    DayCounting::CivilCode => format!(
                        "{}: 7 days from {} (that day not counted) end on {}, a working day ({}).",
                        duty.en(), d(dl.start), d(dl.due), CountingLaw::for_start(dl.start).cite_en(true)
                    ),
                    DayCounting::Calendar => format!(
                        "{}: 7 calendar days from {} end on {}{}; calendar counting does not move a deadline off a rest day.",
                        duty.en(), d(dl.start), d(dl.due),
                        rest.map(|r| format!(", {}", rest_en(Some(r)))).unwrap_or_default()
                    ),
                    DayCounting::WorkingDays => format!(
                        "{}: the 7th working day after {} is {} (working-day counting).",
                        duty.en(), d(dl.start), d(dl.due)
                    ),
                };
                    if dl.provisional {
                        s.push_str(" The calendar has no official data for that year, so only weekends were treated as rest days (provisional).");
                    }
                    s
                },
            ),
            Step::Judged { duty, status, done, deadline, as_of } => {
                let (zh, en) = judged_words(status, done, deadline, as_of);
                ExplanationLine::new(
                    duty.article().id(),
                    format!("{}：{zh}", duty.zh()),
                    format!("{}: {en}", duty.en()),
                )
            }
        }
    }
}
