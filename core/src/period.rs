//! Counting periods the Civil Code's way (民法典 Arts 200–204; RULES.md §6).
//!
//! - The day of the event is not counted: "7 days from A" ends on A + 7.
//! - Months and years end on the corresponding day, or the month's last day when it has none.
//! - A period whose last day is a rest day ends on the next working day (policy `civil_code`).
//! - A person reaches N full years (满N周岁) on the day after the Nth birthday (policy
//!   `day_after_birthday`), or on the birthday itself (`on_birthday`).
//!
//! ```
//! use juzhu::period::{deadline, reaches_full_years};
//! use juzhu::{AgeConvention, Calendar, DayCounting};
//! use juzhu::date::{from_ymd, format_iso};
//! let cal = Calendar::china();
//! // Arrival Saturday 28 Sep 2024: day 7 is 5 Oct, a National Day holiday; due Tue 8 Oct.
//! let d = deadline(cal, from_ymd(2024, 9, 28), 7, DayCounting::CivilCode);
//! assert_eq!(format_iso(d.due), "2024-10-08");
//! assert_eq!(format_iso(reaches_full_years(from_ymd(2008, 2, 29), 16, AgeConvention::DayAfterBirthday)), "2024-03-01");
//! ```

use crate::calendar::Calendar;
use crate::case::{AgeConvention, DayCounting};
use crate::date::{add_years, DayNum};

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

/// The deadline `days` days from `start`, under `counting`.
#[inline]
pub fn deadline(cal: &Calendar, start: DayNum, days: u32, counting: DayCounting) -> Deadline {
    let nominal = start + days as DayNum;
    match counting {
        DayCounting::Calendar => Deadline {
            start,
            nominal,
            due: nominal,
            provisional: false,
        },
        DayCounting::CivilCode => {
            let due = cal.working_on_or_after(nominal);
            Deadline {
                start,
                nominal,
                due,
                provisional: !cal.is_known(nominal) || !cal.is_known(due),
            }
        }
        DayCounting::WorkingDays => {
            let due = cal.nth_working_after(start, days);
            Deadline {
                start,
                nominal,
                due,
                provisional: !cal.is_known(start + 1) || !cal.is_known(due),
            }
        }
    }
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
