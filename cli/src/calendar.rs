//! `juzhu calendar YEAR`: a year's rest days on weekdays and working weekend days.

use crate::args::CalendarArgs;
use crate::io::Out;
use crate::run::read_calendar;
use crate::{Fatal, Status};
use juzhu::{Calendar, Lang};
use serde_json::json;
use std::fmt::Write;

/// Prints the year as text or, with `--json`, as
/// `{"year", "official", "data", "sources", "rest_days_on_weekdays", "working_weekend_days"}`.
pub fn show(args: &CalendarArgs) -> Result<Status, Fatal> {
    let loaded = args.calendar.as_deref().map(|path| read_calendar(path, args.encoding)).transpose()?;
    let cal = loaded.as_ref().unwrap_or_else(|| Calendar::china());
    let text = if args.json { as_json(cal, args.year) } else { as_text(cal, args.year, args.lang.lang()) };
    Out::stdout(args.encoding).write(&text)?;
    Ok(Status::Answered)
}

/// Dates as ISO strings.
fn iso<D: ToString>(days: &[D]) -> Vec<String> {
    days.iter().map(ToString::to_string).collect()
}

/// Where a year's days come from: the State Council's notices embedded in the library, the
/// caller's calendar file, or nowhere (weekends only) — its id, and its words in English and
/// Chinese.
fn data(cal: &Calendar, year: i32) -> (&'static str, &'static str, &'static str) {
    let embedded = Calendar::china();
    if !cal.is_known_year(year) {
        ("weekends_only", "no official data (weekends only)", "无官方数据（仅按周末休息）")
    } else if embedded.is_known_year(year) && cal.sources(year) == embedded.sources(year) {
        ("official", "official data", "官方数据")
    } else {
        ("calendar_file", "from the calendar file (not the embedded official data)", "取自日历文件（非内置官方数据）")
    }
}

fn as_json(cal: &Calendar, year: i32) -> String {
    let v = json!({
        "year": year,
        "official": data(cal, year).0 == "official",
        "data": data(cal, year).0,
        "sources": cal.sources(year),
        "rest_days_on_weekdays": iso(&cal.holidays(year)),
        "working_weekend_days": iso(&cal.make_up_working_days(year)),
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_else(|_| v.to_string());
    s.push('\n');
    s
}

/// The year as text: in `lang`, or with `None` in both, each label in Chinese then English as
/// the report has them (`来源 source: …`).
fn as_text(cal: &Calendar, year: i32, lang: Option<Lang>) -> String {
    // Month and day of an ISO date (the year is in the heading).
    let show = |days: Vec<String>| days.iter().map(|d| d.get(5..).unwrap_or(d)).collect::<Vec<_>>().join(" ");
    let (_, en, zh) = data(cal, year);
    let label = |zh: &str, en: &str| match lang {
        Some(Lang::Zh) => format!("{zh}："),
        Some(_) => format!("{en}: "),
        None => format!("{zh} {en}: "),
    };
    let heading = match lang {
        Some(Lang::Zh) => format!("{year}年：{zh}"),
        Some(_) => format!("{year}: {en}"),
        None => format!("{year}: {zh} / {en}"),
    };
    let mut s = format!("{heading}\n");
    for source in cal.sources(year) {
        let _ = writeln!(s, "  {}{source}", label("来源", "source"));
    }
    let _ = writeln!(s, "  {}{}", label("工作日休息", "rest days on weekdays"), show(iso(&cal.holidays(year))));
    let _ =
        writeln!(s, "  {}{}", label("周末上班", "working weekend days"), show(iso(&cal.make_up_working_days(year))));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_day_2024_rests_and_a_sunday_works() {
        let v: serde_json::Value = serde_json::from_str(&as_json(Calendar::china(), 2024)).unwrap();
        assert_eq!(v["official"], true);
        let rest = v["rest_days_on_weekdays"].as_array().unwrap();
        assert!(rest.contains(&json!("2024-10-01")) && rest.contains(&json!("2024-10-07")));
        assert!(v["working_weekend_days"].as_array().unwrap().contains(&json!("2024-09-29")));
        assert!(as_text(Calendar::china(), 2024, Some(Lang::En)).contains(" 10-01 "));
        let zh = as_text(Calendar::china(), 2024, Some(Lang::Zh));
        assert!(
            zh.starts_with("2024年：官方数据\n") && zh.contains("  工作日休息：01-01 ") && !zh.contains(": "),
            "{zh}"
        );
        let both = as_text(Calendar::china(), 2024, None);
        assert!(
            both.starts_with("2024: 官方数据 / official data\n")
                && both.contains("  周末上班 working weekend days: 02-04 "),
            "{both}"
        );
    }

    #[test]
    fn a_year_from_a_calendar_file_is_not_called_official() {
        let file = Calendar::from_json(
            r#"{"base":"china","years":{"2027":{"rest_days":["2027-02-08"],"source":"a station's list"}}}"#,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&as_json(&file, 2027)).unwrap();
        assert_eq!((v["official"].clone(), v["data"].clone()), (json!(false), json!("calendar_file")));
        assert!(as_text(&file, 2027, Some(Lang::En)).starts_with("2027: from the calendar file"));
        assert!(as_text(&file, 2027, Some(Lang::Zh)).starts_with("2027年：取自日历文件"));
        // The base's years stay official.
        assert_eq!(serde_json::from_str::<serde_json::Value>(&as_json(&file, 2024)).unwrap()["data"], "official");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&as_json(&file, 2199)).unwrap()["data"], "weekends_only");
    }

    #[test]
    fn a_year_without_data_says_so() {
        let text = as_text(Calendar::china(), 2199, Some(Lang::En));
        assert!(text.starts_with("2199: no official data"), "{text}");
    }
}
