//! Art 10 and 23: the permit held, its yearly endorsement, suspension and restoration, and the
//! years of residence.
//!
//! - Art 10 p1–p2: a held permit is endorsed once a year, within the month before each full year
//!   of residence. R4: the k-th anniversary is the anchor + k years, the anchor being the issue
//!   date. R5: the window opens on the anniversary − 1 month and closes the day before the
//!   anniversary; the closing day moves off a rest day (not under calendar counting).
//! - For year k the earliest endorsement on or after the window's opening counts (R6: an earlier
//!   one does not; each counts for at most one year): on or before the closing day it is done;
//!   after it, late — the functions were suspended from the day after the closing day until the
//!   day before it, restored on it, and the years count again from it (Art 10 p3, R4). Not
//!   endorsed: missed after the closing day (suspended since the day after), open inside the
//!   window, upcoming before it. Nothing is computed beyond a miss.
//! - Art 23: a permit issued before 2016-01-01 under local rules stays valid within its own
//!   validity period, with no endorsement schedule.

use super::articles::{Article, Basis};
use super::facts::PermitFacts;
use super::interpretations::Interpretation;
use super::outcome::{EndorsementOutcome, EndorsementStatus, Function};
use super::{Acc, Ctx};
use crate::calendar::RestReason;
use crate::date::{add_months, add_years, format_iso as d, DayNum};
use crate::explain::{Explain, ExplanationLine, Trace};
use crate::period::{period_end, DayCounting};

/// What the held permit's schedule decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Standing {
    pub function: Function,
    pub suspended_since: Option<DayNum>,
    pub residence_years: u32,
    pub counted_from: DayNum,
    pub last: Option<EndorsementOutcome>,
    pub basis: Basis,
}

/// Whether the permit is held on the assessment day: issued by then, and for a permit of the
/// old local rules (Art 23), not past its validity.
#[inline]
pub fn held(p: &PermitFacts, as_of: DayNum) -> bool {
    p.issued <= as_of && p.valid_until.is_none_or(|v| !p.is_legacy() || as_of <= v)
}

/// The full years from `anchor` whose anniversary has ended before `as_of`: the largest N ≥ 0
/// with anchor + N years < `as_of` (a year is full at the end of its anniversary).
#[inline]
pub fn full_years(anchor: DayNum, as_of: DayNum) -> u32 {
    if as_of <= anchor {
        return 0;
    }
    // A year lasts at most 366 days, so anchor + (gap / 366 - 1) years is before `as_of`; the
    // count starts there (not at gap / 366: a first year of 366 days ends exactly on `as_of`).
    let mut n = ((as_of - anchor) / 366 - 1).max(0);
    while add_years(anchor, n + 1) < as_of {
        n += 1;
    }
    n as u32
}

/// The schedule of a held permit. `endorsed` are the days given (any order, repeats allowed);
/// each year's entry goes to `on_entry`.
#[inline]
pub(crate) fn decide<T: Trace<super::Step>>(
    permit: &PermitFacts,
    endorsed: &[DayNum],
    cx: &Ctx,
    acc: &mut Acc,
    t: &mut T,
    mut on_entry: impl FnMut(EndorsementOutcome),
) -> Standing {
    if permit.is_legacy() {
        let until = permit.valid_until.unwrap_or(permit.issued);
        t.step(|| Step::Legacy { issued: permit.issued, valid_until: until });
        let years = full_years(permit.issued, cx.as_of);
        t.step(|| Step::Years { years, from: permit.issued });
        return Standing {
            function: Function::Active,
            suspended_since: None,
            residence_years: years,
            counted_from: permit.issued,
            last: None,
            basis: Basis::EMPTY.with(Article::Rp23),
        };
    }
    t.step(|| Step::Held { issued: permit.issued });
    acc.interp.insert(Interpretation::R4);
    acc.interp.insert(Interpretation::R5);
    let mut basis = Basis::EMPTY.with(Article::Rp10P1).with(Article::Rp10P2);
    let happened = |x: DayNum| x <= cx.as_of;
    let mut anchor = permit.issued;
    let mut year = 1u32;
    let mut used: Option<DayNum> = None;
    let mut counted = 0usize;
    let (last, suspended_since) = loop {
        let anniversary = add_years(anchor, year as i32);
        let window_opens = add_months(anniversary, -1);
        let nominal = anniversary - 1;
        let (window_closes, provisional) = period_end(cx.cal, nominal, cx.counting);
        acc.provisional |= provisional;
        // The earliest endorsement on or after the opening that has not counted yet.
        let found =
            endorsed.iter().copied().filter(|&x| happened(x) && x >= window_opens && used.is_none_or(|u| x > u)).min();
        // The rest day the closing day moved off, named in the words only (looked up lazily).
        let rest = || if cx.counting == DayCounting::Calendar { None } else { cx.cal.rest_reason(nominal) };
        let entry = |status, endorsed_on| EndorsementOutcome {
            year,
            anniversary,
            window_opens,
            window_closes,
            endorsed_on,
            status,
        };
        // The year's step, counted from the issue or (`restarted`) from a late endorsement.
        let restarted = anchor != permit.issued;
        let year_step = |e| Step::Year { entry: e, nominal, rest: rest(), as_of: cx.as_of, restarted };
        match found {
            Some(x) if x <= window_closes => {
                let e = entry(EndorsementStatus::Done, Some(x));
                t.step(|| year_step(e));
                on_entry(e);
                used = Some(x);
                counted += 1;
                year += 1;
            }
            Some(x) => {
                let e = entry(EndorsementStatus::Late, Some(x));
                t.step(|| year_step(e));
                on_entry(e);
                basis = basis.with(Article::Rp10P3);
                used = Some(x);
                counted += 1;
                anchor = x;
                year = 1;
            }
            None => {
                let status = if cx.as_of > window_closes {
                    EndorsementStatus::Missed
                } else if cx.as_of >= window_opens {
                    EndorsementStatus::Open
                } else {
                    EndorsementStatus::Upcoming
                };
                let e = entry(status, None);
                t.step(|| year_step(e));
                on_entry(e);
                let since = (status == EndorsementStatus::Missed).then_some(window_closes + 1);
                if since.is_some() {
                    basis = basis.with(Article::Rp10P3);
                }
                break (e, since);
            }
        }
    };
    // Distinct endorsement days that have happened; those that counted for no year (R6).
    let distinct = endorsed.iter().enumerate().filter(|&(i, &x)| happened(x) && !endorsed[..i].contains(&x)).count();
    if distinct > counted {
        acc.interp.insert(Interpretation::R6);
        t.step(|| Step::Uncounted { count: distinct - counted });
    }
    let years = full_years(anchor, cx.as_of);
    t.step(|| Step::Years { years, from: anchor });
    Standing {
        function: if suspended_since.is_some() { Function::Suspended } else { Function::Active },
        suspended_since,
        residence_years: years,
        counted_from: anchor,
        last: Some(last),
        basis,
    }
}

/// The steps of the permit held, each with its provision and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// A permit of this regulation, endorsed yearly.
    Held { issued: DayNum },
    /// A permit of the old local rules (Art 23), held within its validity.
    Legacy { issued: DayNum, valid_until: DayNum },
    /// A permit whose issue date lies after the assessment day.
    NotYetIssued { issued: DayNum },
    /// An old permit past its validity.
    LegacyExpired { valid_until: DayNum },
    /// One year's endorsement.
    Year {
        entry: EndorsementOutcome,
        nominal: DayNum,
        rest: Option<RestReason>,
        as_of: DayNum,
        /// Whether the count restarted from a late endorsement (the year is counted from it).
        restarted: bool,
    },
    /// Endorsements that counted for no year (R6).
    Uncounted { count: usize },
    /// Full years of residence from the anchor.
    Years { years: u32, from: DayNum },
}

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        match *self {
            Step::Held { issued } => ExplanationLine::new(
                "rp10.p1",
                format!("持有{}签发的居住证：每年签注1次，在居住每满1年之日前1个月内办理（R4：满1年之日按签发日计算）。", d(issued)),
                format!("Holds a permit issued on {}: it is endorsed once a year, within the month before each full year (R4: the years run from the issue date).", d(issued)),
            ),
            Step::Legacy { issued, valid_until } => ExplanationLine::new(
                "rp23",
                format!("该居住证于{}依当地原有规定签发，有效期至{}：本条例施行前已发放的居住证在有效期内继续有效，不按本条例签注；原有规定系地方规定，本评估未予纳入。", d(issued), d(valid_until)),
                format!("The permit was issued on {} under local rules, valid until {}: permits issued before the regulation stay valid within their validity and are not endorsed under it; the old local rules are not encoded.", d(issued), d(valid_until)),
            ),
            Step::NotYetIssued { issued } => ExplanationLine::new(
                "rp10.p1",
                format!("居住证签发日期{}晚于评估日：评估日尚未持证。", d(issued)),
                format!("The permit's issue date {} lies after the assessment day: no permit is held yet.", d(issued)),
            ),
            Step::LegacyExpired { valid_until } => ExplanationLine::new(
                "rp23",
                format!("依当地原有规定签发的居住证有效期已于{}届满：评估日不再持证。", d(valid_until)),
                format!("The permit issued under local rules expired on {}: no permit is held on the assessment day.", d(valid_until)),
            ),
            Step::Year { entry: e, nominal, rest, as_of, restarted } => {
                let moved_zh = if e.window_closes == nominal {
                    String::new()
                } else {
                    format!("（{}系{}，顺延）", d(nominal), match rest {
                        Some(RestReason::Holiday(f)) => format!("法定休假日（{}假期）", crate::vocab::Word::zh(f)),
                        Some(RestReason::Listed) => "所提供日历中的休息日".into(),
                        _ => "周末".into(),
                    })
                };
                let moved_en = if e.window_closes == nominal {
                    String::new()
                } else {
                    format!(" ({} is {}, so it moves)", d(nominal), match rest {
                        Some(RestReason::Holiday(f)) => format!("a statutory holiday, {}", crate::vocab::Word::en(f)),
                        Some(RestReason::Listed) => "a rest day in the supplied calendar".into(),
                        _ => "a weekend day".into(),
                    })
                };
                let head_zh = format!(
                    "{}第{}年：满{}年之日{}，签注期{}至{}{moved_zh}（R5）",
                    if restarted { "重新起算后" } else { "" },
                    e.year, e.year, d(e.anniversary), d(e.window_opens), d(e.window_closes)
                );
                let head_en = format!(
                    "Year {}{}: anniversary {}, window {} to {}{moved_en} (R5)",
                    e.year,
                    if restarted { " of the restarted count" } else { "" },
                    d(e.anniversary),
                    d(e.window_opens),
                    d(e.window_closes)
                );
                let on = e.endorsed_on.map(d).unwrap_or_default();
                match e.status {
                    EndorsementStatus::Done => ExplanationLine::new("rp10.p2", format!("{head_zh}；已于{on}签注，按期。"), format!("{head_en}; endorsed on {on}, on time.")),
                    // Endorsed the day after the window closed: late (the count restarts), but the
                    // suspension, from the day after the closing day to the day before, is empty.
                    EndorsementStatus::Late if e.endorsed_on.is_some_and(|x| x <= e.window_closes + 1) => ExplanationLine::new(
                        "rp10.p3",
                        format!("{head_zh}；签注期届满次日{on}才补办签注：逾期，但居住证使用功能未中止一日；居住年限自{on}起重新连续计算（R4）。"),
                        format!(
                            "{head_en}; endorsed only on {on}, the day after the window closed: late, though not one day of suspension passed, and the years of residence count again from {on} (R4)."
                        ),
                    ),
                    EndorsementStatus::Late => ExplanationLine::new(
                        "rp10.p3",
                        format!(
                            "{head_zh}；至{on}才补办签注：居住证使用功能自{}至{}中止，{on}恢复，居住年限自{on}起重新连续计算（R4）。",
                            d(e.window_closes + 1),
                            d(e.endorsed_on.map_or(e.window_closes, |x| x - 1))
                        ),
                        format!(
                            "{head_en}; endorsed only on {on}: the permit's functions were suspended from {} to {} and restored on {on}, and the years of residence count again from {on} (R4).",
                            d(e.window_closes + 1),
                            d(e.endorsed_on.map_or(e.window_closes, |x| x - 1))
                        ),
                    ),
                    EndorsementStatus::Missed => ExplanationLine::new(
                        "rp10.p3",
                        format!("{head_zh}；截至{}未签注：居住证使用功能自{}起中止，补办签注后恢复。", d(as_of), d(e.window_closes + 1)),
                        format!("{head_en}; not endorsed as of {}: the permit's functions have been suspended since {} and return once it is endorsed.", d(as_of), d(e.window_closes + 1)),
                    ),
                    EndorsementStatus::Open => ExplanationLine::new("rp10.p2", format!("{head_zh}；评估日{}在签注期内，尚未签注。", d(as_of)), format!("{head_en}; the window is open on {} and the permit is not endorsed yet.", d(as_of))),
                    EndorsementStatus::Upcoming => ExplanationLine::new("rp10.p2", format!("{head_zh}；签注期尚未开始。"), format!("{head_en}; the window has not opened yet.")),
                }
            }
            Step::Uncounted { count } => ExplanationLine::new(
                "rp10.p2",
                format!("另有{count}次签注早于当年签注期开始或已为其他年度计入，不计入任何年度（R6）。"),
                format!("{count} further endorsement(s) fell before a window opened or were already counted, and count for no year (R6)."),
            ),
            Step::Years { years, from } => ExplanationLine::new(
                "rp10.p3",
                if years == 0 {
                    format!("居住年限自{}起连续计算，至评估日不满1年。", d(from))
                } else {
                    format!("居住年限自{}起连续计算，至评估日已满{years}年。", d(from))
                },
                format!("Years of residence count from {}: {years} full year(s) by the assessment day.", d(from)),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::from_ymd;

    #[test]
    fn a_year_is_full_at_the_end_of_its_anniversary() {
        let a = from_ymd(2024, 8, 1);
        assert_eq!(full_years(a, a), 0);
        assert_eq!(full_years(a, from_ymd(2025, 8, 1)), 0);
        assert_eq!(full_years(a, from_ymd(2025, 8, 2)), 1);
        assert_eq!(full_years(a, from_ymd(2034, 8, 2)), 10);
        let leap = from_ymd(2024, 2, 29);
        assert_eq!(full_years(leap, from_ymd(2025, 2, 28)), 0);
        assert_eq!(full_years(leap, from_ymd(2025, 3, 1)), 1);
        // A first year holding 29 February lasts 366 days: not full on its anniversary.
        assert_eq!(full_years(from_ymd(2024, 1, 15), from_ymd(2025, 1, 15)), 0);
        assert_eq!(full_years(from_ymd(2024, 1, 15), from_ymd(2025, 1, 16)), 1);
        assert_eq!(full_years(from_ymd(2023, 9, 30), from_ymd(2024, 9, 30)), 0);
        assert_eq!(full_years(from_ymd(2015, 3, 1), from_ymd(2016, 3, 1)), 0);
    }

    proptest::proptest! {
        /// The count is the definition's: anchor + N years is before `as_of` (or N is 0) and
        /// anchor + (N + 1) years is not.
        #[test]
        fn full_years_is_the_largest_n(anchor in 0i32..100_000, gap in 0i32..20_000) {
            let anchor = from_ymd(1950, 1, 1) + anchor;
            let as_of = anchor + gap;
            let n = full_years(anchor, as_of) as i32;
            proptest::prop_assert!(n == 0 || add_years(anchor, n) < as_of);
            proptest::prop_assert!(add_years(anchor, n + 1) >= as_of);
        }
    }
}
