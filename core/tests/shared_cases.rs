//! Every acceptance case of `../shared/cases` through the Rust face, matched as the cases'
//! README says. The cases are read at test time, so a new case needs no code change.
//! `JUZHU_SHARED` overrides the location of the `shared` directory.

mod common;

use common::corpus::{lookup, matches};
use serde_json::Value;
use std::path::PathBuf;

/// Subfolders whose capability is not built yet; emptied as each lands.
const PENDING_FOLDERS: &[&str] = &[];

fn cases_dir() -> PathBuf {
    let shared = std::env::var_os("JUZHU_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
    shared.join("cases")
}

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
    let dir = cases_dir();
    let mut files = Vec::new();
    let mut folders = vec![dir.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)
            .unwrap_or_else(|e| panic!("cannot read the shared cases at {}: {e}", folder.display()))
        {
            let p = entry.unwrap().path();
            if p.is_dir() {
                if !PENDING_FOLDERS.iter().any(|f| p.file_name().is_some_and(|n| n == *f)) {
                    folders.push(p);
                }
            } else if p.extension().is_some_and(|x| x == "json") {
                files.push(p);
            }
        }
    }
    files.sort();
    assert!(!files.is_empty(), "no cases found in {}", dir.display());
    let mut failures = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let case: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let name = f.strip_prefix(&dir).unwrap().with_extension("").to_string_lossy().into_owned();
        failures.extend(check_case(&name, &case));
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), files.len(), failures.join("\n"));
    eprintln!("{} shared cases passed", files.len());
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
