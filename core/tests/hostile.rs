//! The hostile-input catalogue (`tests/hostile/catalogue.json`, documented in docs/HOSTILE.md)
//! through the Rust API: every input is answered or refused naming the expected field, never a
//! panic, and never shows a whole identity number. (The command line's run is in
//! `cli/tests/hostile.rs`.)

use serde_json::Value;
use std::path::PathBuf;

fn catalogue() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/hostile/catalogue.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let v: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert!(v.len() >= 30, "the catalogue is there");
    v
}

/// The bytes of an entry (generated ones built here, as every face builds them).
fn input(entry: &Value) -> Vec<u8> {
    const CASE: &str = r#"{"as_of":"2024-10-02","person":{"category":"floating","birth_date":"1990-05-01","arrival_date":"2024-09-28"}}"#;
    const MB10: usize = 10 * 1024 * 1024;
    if let Some(t) = entry.get("text").and_then(Value::as_str) {
        return t.as_bytes().to_vec();
    }
    if let Some(j) = entry.get("json") {
        return j.to_string().into_bytes();
    }
    match entry["generate"].as_str().unwrap() {
        "huge_string" => format!(
            r#"{{"as_of":"2024-10-02","person":{{"category":"floating","arrival_date":"2024-09-28","notes":"{}"}}}}"#,
            "x".repeat(MB10)
        )
        .into_bytes(),
        "huge_whitespace" => format!("{}{CASE}", " ".repeat(MB10)).into_bytes(),
        "deep_nesting" => format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
        "invalid_utf8" => b"{\"as_of\": \"2024-10-02\xff\", \"person\": {}}".to_vec(),
        "household_events" => {
            const EVENT: &str = r#"{"kind":"change","on":"2024-01-01","reported_on":"2024-01-02"}"#;
            let n = usize::try_from(entry["count"].as_u64().unwrap()).unwrap();
            let mut events = vec![EVENT.to_owned(); n];
            if let Some(last) = entry.get("last") {
                events[n - 1] = last.to_string();
            }
            format!(
                r#"{{"as_of":"2024-10-02","person":{{"category":"permanent","household_events":[{}]}}}}"#,
                events.join(",")
            )
            .into_bytes()
        }
        other => panic!("unknown generator {other}"),
    }
}

fn lookup<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(v, |cur, seg| match cur {
        Value::Array(a) => seg.parse::<usize>().ok().and_then(|i| a.get(i)),
        _ => cur.get(seg),
    })
}

/// Checks one face's answer (`Ok(assessment JSON)` or `Err(error JSON)`) against the entry.
fn check(face: &str, entry: &Value, answer: Result<String, String>) -> Vec<String> {
    let id = entry["id"].as_str().unwrap();
    let mut failures = Vec::new();
    let text = match &answer {
        Ok(t) | Err(t) => t.clone(),
    };
    if let Some(secret) = entry.get("never_shows").and_then(Value::as_str) {
        if text.contains(secret) {
            failures.push(format!("{face} {id}: shows the identity number"));
        }
    }
    let parsed: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return vec![format!("{face} {id}: answer is not JSON ({e})")],
    };
    if let Some(want) = entry.get("error").and_then(Value::as_str) {
        match (&answer, parsed["error"]["field"].as_str()) {
            (Err(_), Some(field)) if field.starts_with(want) => {}
            _ => failures
                .push(format!("{face} {id}: expected a refusal at {want:?}, got {}", &text[..text.len().min(200)])),
        }
    } else if entry.get("encoding_error").is_some() {
        if answer.is_ok() || parsed["error"]["field"] != "" {
            failures.push(format!("{face} {id}: expected an encoding refusal, got {}", &text[..text.len().min(200)]));
        }
    } else {
        for (path, want) in entry["answer"].as_object().unwrap() {
            if lookup(&parsed, path) != Some(want) {
                failures.push(format!("{face} {id}: {path} expected {want}, got {:?}", lookup(&parsed, path)));
            }
        }
    }
    failures
}

#[test]
fn every_hostile_input_through_the_rust_api() {
    let mut failures = Vec::new();
    for entry in catalogue() {
        let bytes = input(&entry);
        let answer = std::panic::catch_unwind(|| juzhu::respond_json(&bytes, juzhu::Calendar::china()))
            .unwrap_or_else(|_| Err("{\"panic\": true}".into()));
        failures.extend(check("rust", &entry, answer));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
