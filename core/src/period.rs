//! Counting periods the Civil Code's way (民法典 Arts 200–204; RULES.md §6). A period that began
//! before the Civil Code (in force 2021-01-01) is counted under the General Principles of the Civil
//! Law Art 154 (民法通则), which counts the same way: [`CountingLaw`] names the one that applies.
//!
//! - The day of the event is not counted: "7 days from A" ends on A + 7.
//! - Months and years end on the corresponding day, or the month's last day when it has none.
//! - A period whose last day is a rest day ends on the next working day (policy `civil_code`).
//! - A person reaches N full years (满N周岁) on the day after the Nth birthday (policy
//!   `day_after_birthday`), or on the birthday itself (`on_birthday`).
//!
//! ```
//! use juzhu::period::{deadline, reaches_full_years};
//! use juzhu::period::{AgeConvention, DayCounting};
//! use juzhu::Calendar;
//! use juzhu::date::{from_ymd, format_iso};
//! let cal = Calendar::china();
//! // Arrival Saturday 28 Sep 2024: day 7 is 5 Oct, a National Day holiday; due Tue 8 Oct.
//! let d = deadline(cal, from_ymd(2024, 9, 28), 7, DayCounting::CivilCode);
//! assert_eq!(format_iso(d.due), "2024-10-08");
//! assert_eq!(format_iso(reaches_full_years(from_ymd(2008, 2, 29), 16, AgeConvention::DayAfterBirthday)), "2024-03-01");
//! ```

use crate::calendar::Calendar;
use crate::date::{add_months, add_years, DayNum};
use crate::vocab::words;

words! {
    /// How periods of days are counted (RULES.md §6).
    pub enum DayCounting {
        /// Calendar days, the last day moved to the next working day if it is a rest day (default).
        CivilCode = 0 => "civil_code", "按《民法典》计算（末日为法定休假日的顺延）", "Civil Code (a rest-day last day moves to the next working day)";
        /// Calendar days, never moved.
        Calendar = 1 => "calendar", "自然日", "calendar days";
        /// Working days only.
        WorkingDays = 2 => "working_days", "工作日", "working days";
    }
}

words! {
    /// The day a person reaches N full years (周岁).
    pub enum AgeConvention {
        /// The day after the Nth birthday (default; the Supreme People's Court's rule).
        DayAfterBirthday = 0 => "day_after_birthday", "生日次日", "the day after the birthday";
        /// The Nth birthday itself.
        OnBirthday = 1 => "on_birthday", "生日当日", "on the birthday";
    }
}

/// The law that counts a period: the Civil Code for a period beginning on or after 2021-01-01,
/// the General Principles of the Civil Law before. Both start counting the day after the event
/// and move a last day on a rest day to the next working day, so only the citation differs.
///
/// ```
/// use juzhu::period::CountingLaw;
/// use juzhu::date::from_ymd;
/// assert_eq!(CountingLaw::for_start(from_ymd(2020, 12, 31)), CountingLaw::GeneralPrinciples);
/// assert_eq!(CountingLaw::for_start(from_ymd(2021, 1, 1)).cite_en(true), "Civil Code Arts 201, 203");
/// assert_eq!(CountingLaw::GeneralPrinciples.cite_zh(false), "《民法通则》第一百五十四条");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CountingLaw {
    /// 《中华人民共和国民法通则》 Art 154 (periods beginning before 2021-01-01).
    GeneralPrinciples,
    /// 《中华人民共和国民法典》 Arts 201, 203 (periods beginning on or after 2021-01-01).
    CivilCode,
}

impl CountingLaw {
    /// The day the Civil Code came into force (Art 1260), repealing the General Principles.
    pub const CIVIL_CODE_IN_FORCE: DayNum = crate::date::from_ymd(2021, 1, 1);

    /// The law that counts a period whose event (the day not counted) is `start`.
    #[must_use]
    pub fn for_start(start: DayNum) -> CountingLaw {
        if start < Self::CIVIL_CODE_IN_FORCE {
            CountingLaw::GeneralPrinciples
        } else {
            CountingLaw::CivilCode
        }
    }

    /// The article(s) in Chinese: with `start` those on the first day as well as the last
    /// (the Civil Code's Arts 201 and 203), else the last day's only (Art 203); the General
    /// Principles hold both in Art 154.
    #[must_use]
    pub fn cite_zh(self, start: bool) -> &'static str {
        self.citation(start).0
    }

    /// The article(s) in English (see [`CountingLaw::cite_zh`]).
    #[must_use]
    pub fn cite_en(self, start: bool) -> &'static str {
        self.citation(start).1
    }

    /// The citation in Chinese and English, from one table.
    fn citation(self, start: bool) -> (&'static str, &'static str) {
        match (self, start) {
            (CountingLaw::GeneralPrinciples, _) => {
                ("《民法通则》第一百五十四条", "General Principles of the Civil Law Art 154")
            }
            (CountingLaw::CivilCode, true) => ("《民法典》第二百零一条、第二百零三条", "Civil Code Arts 201, 203"),
            (CountingLaw::CivilCode, false) => ("《民法典》第二百零三条", "Civil Code Art 203"),
        }
    }
}

#[allow(clippy::derivable_impls)]
impl Default for DayCounting {
    fn default() -> Self {
        DayCounting::CivilCode
    }
}

#[allow(clippy::derivable_impls)]
impl Default for AgeConvention {
    fn default() -> Self {
        AgeConvention::DayAfterBirthday
    }
}

/// A deadline counted from an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// The day counting starts from (the event day, which itself is not counted).
    pub start: DayNum,
    /// Start + N calendar days.
    pub nominal: DayNum,
    /// The last day on which the duty is on time.
    pub due: DayNum,
    /// Whether the answer relied on a year the calendar has no official data for.
    pub provisional: bool,
}

/// The deadline `days` days from `start`, under `counting`: a period of any length, settled
/// from the calendar's per-day tables (one read for Civil-Code counting).
#[inline]
pub fn deadline(cal: &Calendar, start: DayNum, days: u32, counting: DayCounting) -> Deadline {
    let nominal = start + days as DayNum;
    match counting {
        DayCounting::Calendar => Deadline { start, nominal, due: nominal, provisional: false },
        DayCounting::CivilCode => {
            let (due, known) = cal.working_end(nominal);
            Deadline { start, nominal, due, provisional: !known }
        }
        DayCounting::WorkingDays => {
            let due = cal.nth_working_after(start, days);
            Deadline { start, nominal, due, provisional: !cal.is_known(start + 1) || !cal.is_known(due) }
        }
    }
}

/// The day a period that ends on `last` (a day fixed by month or year arithmetic) is due under
/// `counting`: moved to the next working day under Civil-Code and working-day counting (a
/// month-long period has no "Nth working day"; its end moves like a Civil-Code one), kept under
/// calendar counting. Returns the day and whether it relied on a year without official data.
#[inline]
pub fn period_end(cal: &Calendar, last: DayNum, counting: DayCounting) -> (DayNum, bool) {
    match counting {
        DayCounting::Calendar => (last, false),
        DayCounting::CivilCode | DayCounting::WorkingDays => {
            let (due, known) = cal.working_end(last);
            (due, !known)
        }
    }
}

/// [`deadline`] counted day by day, asking the calendar one day at a time (the definition the
/// tables shortcut; tests compare the two).
pub fn counted(cal: &Calendar, start: DayNum, days: u32, counting: DayCounting) -> Deadline {
    let nominal = start + days as DayNum;
    match counting {
        DayCounting::Calendar => Deadline { start, nominal, due: nominal, provisional: false },
        DayCounting::CivilCode => {
            let mut due = nominal;
            while cal.is_rest(due) {
                due += 1;
            }
            Deadline { start, nominal, due, provisional: !cal.is_known(nominal) || !cal.is_known(due) }
        }
        DayCounting::WorkingDays => {
            let (mut due, mut left) = (start, days);
            while left > 0 {
                due += 1;
                if !cal.is_rest(due) {
                    left -= 1;
                }
            }
            Deadline { start, nominal, due, provisional: !cal.is_known(start + 1) || !cal.is_known(due) }
        }
    }
}

/// Whether `later` is at least one month after `day` (`later ≥ day + 1 month`, months counted as
/// the Civil Code counts them). Exact; a month is 28–31 days, so only those gaps need the calendar.
#[inline]
pub fn at_least_a_month_after(day: DayNum, later: DayNum) -> bool {
    match later - day {
        gap if gap >= 31 => true,
        gap if gap < 28 => false,
        _ => later >= add_months(day, 1),
    }
}

/// The day a person born on `birth` reaches 16 full years, if that is after `day`
/// (the person is under 16 on `day`). Exact; skips the date arithmetic for anyone clearly older.
#[inline]
pub fn under_16_until(birth: DayNum, day: DayNum, convention: AgeConvention) -> Option<DayNum> {
    // 16 years are at most 16 × 366 days, and the day after the birthday adds one.
    if day - birth > 16 * 366 + 1 {
        return None;
    }
    let reaches = reaches_full_years(birth, 16, convention);
    (day < reaches).then_some(reaches)
}

/// The day a person born on `birth` reaches `years` full years.
#[inline]
pub fn reaches_full_years(birth: DayNum, years: i32, convention: AgeConvention) -> DayNum {
    let anniversary = add_years(birth, years);
    match convention {
        AgeConvention::DayAfterBirthday => anniversary + 1,
        AgeConvention::OnBirthday => anniversary,
    }
}

/// The last day of a period of `years` years starting on `start` (a permit issued on I for N
/// years expires on I + N years and is valid through that day).
#[inline]
pub fn years_end(start: DayNum, years: i32) -> DayNum {
    add_years(start, years)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{from_ymd, TABLE_FIRST_YEAR, TABLE_LAST_YEAR};

    #[test]
    fn shortcuts_equal_the_full_arithmetic() {
        for day in from_ymd(2000, 1, 1)..from_ymd(2001, 3, 1) {
            for gap in 0..40 {
                assert_eq!(at_least_a_month_after(day, day + gap), day + gap >= add_months(day, 1), "{day} +{gap}");
            }
            for age_days in (16 * 365 - 5)..(16 * 366 + 5) {
                for conv in [AgeConvention::DayAfterBirthday, AgeConvention::OnBirthday] {
                    let birth = day - age_days;
                    let r = reaches_full_years(birth, 16, conv);
                    assert_eq!(under_16_until(birth, day, conv), (day < r).then_some(r));
                }
            }
        }
    }

    #[test]
    fn provisional_marks_answers_that_touch_a_year_without_data() {
        let china = Calendar::china();
        // Working days are counted from the day after the start: starting on the last day
        // before the data (2012-12-31), every day counted lies in 2013.
        let d = counted(china, from_ymd(2012, 12, 31), 7, DayCounting::WorkingDays);
        assert_eq!(d.due, from_ymd(2013, 1, 10)); // 1–3 January rest, 5–6 January are make-up working days
        assert!(!d.provisional);
        // Starting in the data, the count runs into 2027, which has none.
        let d = counted(china, from_ymd(2026, 12, 28), 7, DayCounting::WorkingDays);
        assert_eq!(d.due, from_ymd(2027, 1, 6));
        assert!(d.provisional);
        // Civil Code: the 7th day is known but a rest day, and the move lands in an unknown year.
        let cal = Calendar::from_json(r#"{"years":{"2026":{"rest_days":["2026-12-31"]}}}"#).unwrap();
        let d = counted(&cal, from_ymd(2026, 12, 24), 7, DayCounting::CivilCode);
        assert_eq!((d.nominal, d.due), (from_ymd(2026, 12, 31), from_ymd(2027, 1, 1)));
        assert!(d.provisional);
        let d = counted(&cal, from_ymd(2026, 12, 23), 7, DayCounting::CivilCode);
        assert_eq!(d.due, from_ymd(2026, 12, 30));
        assert!(!d.provisional);
        // Calendar counting never consults the calendar.
        assert!(!counted(china, from_ymd(2030, 1, 1), 7, DayCounting::Calendar).provisional);
    }

    #[test]
    fn table_deadlines_equal_day_by_day_counting_everywhere() {
        // A caller's calendar with a rest run of 200 days: deadlines 7 to 200+ days away, across
        // the 127-day limit of the packed tables.
        let rest: Vec<String> = (from_ymd(2100, 1, 10)..from_ymd(2100, 7, 29))
            .map(|d| format!("\"{}\"", crate::date::format_iso(d)))
            .collect();
        let long_rest =
            Calendar::from_json(&format!(r#"{{"years":{{"2100":{{"rest_days":[{}]}}}}}}"#, rest.join(","))).unwrap();
        let far = counted(&long_rest, from_ymd(2100, 1, 2), 7, DayCounting::CivilCode);
        assert_eq!(far.due, from_ymd(2100, 7, 29));
        for cal in [Calendar::china(), &Calendar::weekends_only(), &long_rest] {
            for d in from_ymd(TABLE_FIRST_YEAR, 1, 1)..from_ymd(TABLE_LAST_YEAR, 12, 20) {
                for counting in [DayCounting::CivilCode, DayCounting::WorkingDays, DayCounting::Calendar] {
                    for days in [3, 7, 15, 30] {
                        assert_eq!(
                            deadline(cal, d, days, counting),
                            counted(cal, d, days, counting),
                            "day {d} +{days} {counting}"
                        );
                    }
                }
            }
        }
    }
}
