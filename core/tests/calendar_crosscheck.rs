//! The embedded calendar against the `chinesecalendar` PyPI package, every day 2013–2026.
//!
//! Runs the Python named by `JUZHU_PYTHON` (default `python3`). The README's test command
//! installs the package and sets `JUZHU_REQUIRE_CROSSCHECK=1`, which turns a missing package into
//! a failure; a bare `cargo test` without the package says so and checks nothing.

use juzhu::date::{format_iso, from_ymd};
use juzhu::Calendar;
use std::process::Command;

const SCRIPT: &str = r#"
import datetime, sys
import chinese_calendar as cc
d = datetime.date(2013, 1, 1)
end = datetime.date(2026, 12, 31)
out = []
while d <= end:
    out.append(d.isoformat() + (" R" if cc.is_holiday(d) else " W"))
    d += datetime.timedelta(days=1)
sys.stdout.write("\n".join(out))
"#;

#[test]
fn embedded_calendar_matches_chinesecalendar_every_day() {
    let python = std::env::var("JUZHU_PYTHON").unwrap_or_else(|_| "python3".into());
    let required = std::env::var("JUZHU_REQUIRE_CROSSCHECK").is_ok_and(|v| v == "1");
    let out = Command::new(&python).args(["-c", SCRIPT]).output();
    let out = match out {
        Ok(o) if o.status.success() => o,
        other => {
            let why = match other {
                Ok(o) => String::from_utf8_lossy(&o.stderr).into_owned(),
                Err(e) => e.to_string(),
            };
            assert!(!required, "the calendar cross-check needs chinesecalendar under {python}: {why}");
            eprintln!("NOT CHECKED: chinesecalendar is not available under {python} ({why})");
            return;
        }
    };
    let text = String::from_utf8(out.stdout).unwrap();
    let cal = Calendar::china();
    let first = from_ymd(2013, 1, 1);
    let mut mismatches = Vec::new();
    let mut n = 0;
    for (day, line) in (first..).zip(text.lines()) {
        let (date, kind) = line.split_once(' ').unwrap();
        assert_eq!(date, format_iso(day));
        if (kind == "R") != cal.is_rest(day) {
            mismatches.push(format!("{date}: chinesecalendar says {kind}, juzhu says rest={}", cal.is_rest(day)));
        }
        n += 1;
    }
    assert_eq!(n, from_ymd(2027, 1, 1) - from_ymd(2013, 1, 1), "every day compared");
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    assert_eq!(cal.known_years(), (2013..=2026).collect::<Vec<_>>());
}
