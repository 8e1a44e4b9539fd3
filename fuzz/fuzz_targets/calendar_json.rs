//! The calendar loader: any JSON is loaded or refused naming the field; a loaded calendar answers
//! look-ups and assessments on any day without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;
use juzhu_core as juzhu;

fuzz_target!(|data: &[u8]| {
    match juzhu::Calendar::from_json_bytes(data) {
        Err(e) => assert!(!e.to_json().is_empty()),
        Ok(cal) => {
            for year in cal.known_years().into_iter().take(3) {
                let day = juzhu::date::from_ymd(year, 1, 1);
                for d in day..day + 400 {
                    let due = juzhu::period::deadline(&cal, d, 7, juzhu::DayCounting::CivilCode);
                    assert!(due.due >= d + 7 && !cal.is_rest(due.due));
                    let wd = juzhu::period::deadline(&cal, d, 7, juzhu::DayCounting::WorkingDays);
                    assert!(wd.due > d && !cal.is_rest(wd.due));
                }
                let case = format!(r#"{{"as_of":"{year}-06-01","person":{{"category":"floating","arrival_date":"{year}-01-30"}}}}"#);
                let _ = juzhu::assess_json_with(case.as_bytes(), &cal);
            }
        }
    }
});
