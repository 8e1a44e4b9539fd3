//! Laws the `china-2016` rules obey for every input (proptest).

use juzhu::date::{add_months, format_iso, from_ymd, DayNum};
use juzhu::Calendar;
use proptest::prelude::*;
use serde_json::{json, Value};

fn assess(as_of: DayNum, issued: DayNum, endorsed: &[DayNum], counting: &str) -> Value {
    let case = json!({
        "as_of": format_iso(as_of),
        "policy": {"rule_set": "china-2016", "day_counting": counting},
        "person": {"other_city": true, "residing_since": format_iso(issued - 200), "stable_housing": true,
            "permit": {"issued_on": format_iso(issued), "endorsed_on": endorsed.iter().map(|&d| format_iso(d)).collect::<Vec<_>>()}}
    });
    juzhu::assess(&juzhu::Case::from_value(&case).unwrap()).unwrap().to_value()
}

fn day(v: &Value) -> DayNum {
    juzhu::date::parse_iso(v.as_str().unwrap()).unwrap()
}

/// Endorsement days `offsets` apart, the first `offsets[0]` days after the issue day.
fn endorsed_after(issued: DayNum, offsets: &[i32]) -> Vec<DayNum> {
    offsets
        .iter()
        .scan(issued, |at, &o| {
            *at += o;
            Some(*at)
        })
        .collect()
}

fn any_counting() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("civil_code"), Just("calendar"), Just("working_days")]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Every window opens one month before its anniversary and closes on the day before it or,
    /// moved off rest days, on the first working day after that day (not moved under calendar
    /// counting).
    #[test]
    fn windows_open_a_month_before_and_close_by_the_first_working_day(
        issued in from_ymd(2016, 1, 1)..from_ymd(2025, 12, 31),
        years in 0i32..6,
        offsets in proptest::collection::vec(300i32..420, 0..6),
        counting in any_counting(),
    ) {
        // Endorsements roughly a year apart, some on time, some late, some early.
        let endorsed = endorsed_after(issued, &offsets);
        let as_of = issued + 365 * years + 200;
        let a = assess(as_of, issued, &endorsed, counting);
        let cal = Calendar::china();
        let entries = a["permit"]["endorsements"].as_array().unwrap();
        prop_assert!(!entries.is_empty());
        for e in entries {
            let anniversary = day(&e["anniversary"]);
            let opens = day(&e["window_opens"]);
            let closes = day(&e["window_closes"]);
            prop_assert_eq!(opens, add_months(anniversary, -1));
            let last = anniversary - 1;
            if counting == "calendar" {
                prop_assert_eq!(closes, last);
            } else {
                prop_assert_eq!(closes, cal.working_on_or_after(last));
            }
            prop_assert!(opens <= closes);
        }
        let last = entries.last().unwrap();
        prop_assert!(["open", "upcoming", "missed"].contains(&last["status"].as_str().unwrap()));
        prop_assert_eq!(a["permit"]["function"] == "suspended", last["status"] == "missed");
    }

    /// The years of residence never decrease from one day to the next while the functions stay
    /// active on both days — except on the day a late endorsement restarts the count (Art 10 p3):
    /// one made the very day after the window closed leaves no day suspended in between, yet
    /// restarts the count (RULES-china-2016.md §3, read literally).
    #[test]
    fn residence_years_never_decrease_while_active(
        issued in from_ymd(2016, 1, 1)..from_ymd(2023, 12, 31),
        offsets in proptest::collection::vec(330i32..420, 1..5),
        start in 0i32..1500,
        counting in any_counting(),
    ) {
        let endorsed = endorsed_after(issued, &offsets);
        let mut before: Option<(bool, u64)> = None;
        for as_of in (issued + start)..(issued + start + 60) {
            let a = assess(as_of, issued, &endorsed, counting);
            let active = a["permit"]["function"] == "active";
            let years = a["permit"]["residence_years"].as_u64().unwrap();
            let restarted_today = a["permit"]["residence_counted_from"] == json!(format_iso(as_of));
            if let Some((was_active, was)) = before {
                if was_active && active && !restarted_today {
                    prop_assert!(years >= was, "{} → {} on {}", was, years, format_iso(as_of));
                }
            }
            before = Some((active, years));
        }
    }

    /// Half a year is reached on the same day six months later (or that month's last day), and
    /// eligibility never goes away as the assessment day moves on.
    #[test]
    fn eligibility_once_reached_stays(since in from_ymd(2016, 1, 1)..from_ymd(2025, 1, 1), gap in 0i32..400) {
        let case = |as_of: DayNum| json!({
            "as_of": format_iso(as_of), "policy": {"rule_set": "china-2016"},
            "person": {"other_city": true, "residing_since": format_iso(since), "continuous_study": true}
        });
        let a = juzhu::assess(&juzhu::Case::from_value(&case(since + gap)).unwrap()).unwrap().to_value();
        let from = day(&a["permit"]["eligible_from"]);
        prop_assert_eq!(from, add_months(since, 6));
        let status = a["permit"]["status"].as_str().unwrap();
        prop_assert_eq!(status == "eligible", since + gap >= from);
    }
}
