//! Replays the fuzzing corpora (`fuzz/corpus/*`, minimised and kept in the repository) on stable
//! Rust with the same checks as the fuzz targets, so every input a fuzzer ever kept — including
//! any that once crashed — stays a regression test of `cargo test`.

use serde_json::Value;
use std::path::PathBuf;

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus").join(target);
    let mut inputs: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "{} is empty", dir.display());
    inputs
}

#[test]
fn case_json_corpus() {
    let cal = juzhu::Calendar::china();
    for data in corpus("case_json").iter().chain(&corpus("c_json")) {
        let answer = juzhu::respond_json(data, cal);
        let text = match &answer {
            Ok(t) | Err(t) => t,
        };
        let v: Value = serde_json::from_str(text).expect("the answer is JSON");
        match answer {
            Ok(_) => assert!(v.get("rule_set").is_some() && v.get("explanation").is_some()),
            Err(_) => assert!(v["error"]["field"].is_string() && v["error"]["message"].is_string()),
        }
        if let Some(gb) = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(data) {
            let _ = juzhu::respond_json(gb.as_bytes(), cal);
        }
    }
}

#[test]
fn calendar_json_corpus() {
    for data in corpus("calendar_json") {
        if let Ok(cal) = juzhu::Calendar::from_json_bytes(&data) {
            for year in cal.known_years().into_iter().take(3) {
                let day = juzhu::date::from_ymd(year, 1, 1);
                for d in day..day + 400 {
                    let due = juzhu::period::deadline(&cal, d, 7, juzhu::DayCounting::CivilCode);
                    assert!(due.due >= d + 7 && !cal.is_rest(due.due));
                }
            }
        }
    }
}
