//! Every acceptance case of `../shared/cases` through the Rust face, matched as the cases'
//! README says. The cases are read at test time, so a new case needs no code change.
//! `JUZHU_SHARED` overrides the location of the `shared` directory.

mod common;

use common::corpus::{is_pending, lookup, matches, shared_cases};
use serde_json::Value;

fn check_case(name: &str, case: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let input = serde_json::to_string(&case["input"]).unwrap();
    let result = juzhu::Case::from_json(&input).and_then(|c| juzhu::assess(&c));
    if let Some(want) = case.get("expect_error").and_then(Value::as_str) {
        match result {
            Ok(_) => failures.push(format!("{name}: expected an error at {want}, got an assessment")),
            Err(e) if !e.field().starts_with(want) => {
                failures.push(format!("{name}: expected an error at {want}, got {e}"))
            }
            Err(_) => {}
        }
        return failures;
    }
    let a = match result {
        Ok(a) => a.to_value(),
        Err(e) => return vec![format!("{name}: refused: {e}")],
    };
    if let Some(Value::Object(expect)) = case.get("expect") {
        for (path, want) in expect {
            match lookup(&a, path) {
                Some(got) if matches(got, want) => {}
                got => failures.push(format!(
                    "{name}: {path}: expected {want}, got {}",
                    got.map_or("nothing".into(), Value::to_string)
                )),
            }
        }
    }
    if let Some(Value::Object(contains)) = case.get("expect_contains") {
        for (path, items) in contains {
            let got = lookup(&a, path).and_then(Value::as_array).cloned().unwrap_or_default();
            for item in items.as_array().into_iter().flatten() {
                if !got.contains(item) {
                    failures.push(format!("{name}: {path} lacks {item} (has {got:?})"));
                }
            }
        }
    }
    if let Some(Value::Array(want)) = case.get("expect_notices") {
        let mut got: Vec<&str> =
            a["notices"].as_array().into_iter().flatten().filter_map(|n| n["id"].as_str()).collect();
        let mut want: Vec<&str> = want.iter().filter_map(Value::as_str).collect();
        got.sort_unstable();
        want.sort_unstable();
        if got != want {
            failures.push(format!("{name}: notices {got:?}, expected {want:?}"));
        }
    }
    failures
}

#[test]
fn every_shared_case_passes_through_the_rust_face() {
    let cases: Vec<(String, Value)> = shared_cases().into_iter().filter(|(name, _)| !is_pending(name)).collect();
    let mut failures = Vec::new();
    for (name, case) in &cases {
        failures.extend(check_case(name.trim_end_matches(".json"), case));
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
    eprintln!("{} shared cases passed", cases.len());
}

#[test]
fn the_matcher_itself_can_fail() {
    let a: Value = serde_json::json!({"x": {"y": [1, 2]}, "n": null});
    assert!(matches(&a["x"], &serde_json::json!({"y": [1, 2]})));
    assert!(!matches(&a["x"], &serde_json::json!({"y": [1]})));
    assert!(!matches(&a["x"], &serde_json::json!({"z": 1})));
    assert!(matches(lookup(&a, "n").unwrap(), &Value::Null));
    assert!(lookup(&a, "x.y.1").is_some() && lookup(&a, "x.q").is_none());
}
