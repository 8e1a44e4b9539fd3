//! Test material shared by the Rust crate's and the command line's integration tests (each
//! includes this file as `common::corpus`): where the shared cases are and how an answer is
//! matched against them, the hostile-input catalogue (`tests/hostile/catalogue.json`) with the
//! bytes of each entry and the judging of a face's answer, and the privacy corpus — every shared
//! case and hostile input with an identity number planted in every position. One copy, so the
//! faces are judged by the same rules.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// The repository's root (both test crates sit one folder below it).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The shared acceptance material (`../shared`, or `JUZHU_SHARED`).
pub fn shared() -> PathBuf {
    std::env::var_os("JUZHU_SHARED").map(PathBuf::from).unwrap_or_else(|| repo().join("../shared"))
}

/// Every file under `dir` and its subfolders whose name ends in `.{ext}`, with its text, in
/// path order.
pub fn files_under(dir: &Path, ext: &str) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                out.push((p, text));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Subfolders of `shared/cases` whose capabilities are not built on this branch yet, skipped by
/// the shared-case tests. Each folder's cases pass once its feature lands: empty this list then.
pub const PENDING_FOLDERS: &[&str] = &[];

/// Whether a case (by its path under `cases/`) lies in a pending folder.
pub fn is_pending(name: &str) -> bool {
    PENDING_FOLDERS.iter().any(|f| name.split('/').next() == Some(*f))
}

/// Every shared acceptance case under `cases/` and its subfolders, as (path relative to
/// `cases/`, JSON), in path order.
pub fn shared_cases() -> Vec<(String, Value)> {
    let root = shared().join("cases");
    let out: Vec<(String, Value)> = files_under(&root, "json")
        .into_iter()
        .map(|(p, text)| {
            let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/"), v)
        })
        .collect();
    assert!(!out.is_empty(), "no shared cases under {}", root.display());
    out
}

/// The value at a dotted path (`registration.deadline`, `household_events.0.status`).
pub fn lookup<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(v, |cur, seg| match cur {
        Value::Object(m) => m.get(seg),
        Value::Array(a) => seg.parse::<usize>().ok().and_then(|i| a.get(i)),
        _ => None,
    })
}

/// The cases README's matching: objects match on the keys they list; lists element by element
/// with equal length; anything else by equality.
pub fn matches(actual: &Value, expected: &Value) -> bool {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => e.iter().all(|(k, ev)| a.get(k).is_some_and(|av| matches(av, ev))),
        (Value::Array(a), Value::Array(e)) => a.len() == e.len() && a.iter().zip(e).all(|(x, y)| matches(x, y)),
        _ => actual == expected,
    }
}

/// The hostile-input catalogue (documented in docs/HOSTILE.md).
pub fn catalogue() -> Vec<Value> {
    let path = repo().join("tests/hostile/catalogue.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let v: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert!(v.len() >= 30, "the catalogue is there");
    v
}

/// The bytes of a catalogue entry (generated ones built here, as every face builds them).
pub fn input(entry: &Value) -> Vec<u8> {
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

/// Judges one face's answer to a catalogue entry (`Ok(assessment JSON)` or `Err(error JSON)`):
/// the failures found, each naming `face` and the entry.
pub fn check(face: &str, entry: &Value, answer: Result<String, String>) -> Vec<String> {
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

/// A valid identity number: `body17` and its GB 11643 check character.
pub fn valid_id(body17: &str) -> String {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body17.bytes().zip(weights).map(|(b, w)| u32::from(b - b'0') * w).sum();
    format!("{body17}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

/// Every string position in `v`, as paths.
fn string_paths(v: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    leaf_paths(v, &Value::is_string, path, out);
}

/// The paths of the leaves of `v` that are `wanted`.
fn leaf_paths(v: &Value, wanted: &dyn Fn(&Value) -> bool, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                path.push(k.clone());
                leaf_paths(x, wanted, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                path.push(i.to_string());
                leaf_paths(x, wanted, path, out);
                path.pop();
            }
        }
        leaf if wanted(leaf) => out.push(path.clone()),
        _ => {}
    }
}

fn set(v: &mut Value, path: &[String], new: Value) {
    let mut cur = v;
    for seg in path {
        cur = match cur {
            Value::Object(m) => m.get_mut(seg).unwrap(),
            Value::Array(a) => &mut a[seg.parse::<usize>().unwrap()],
            _ => unreachable!(),
        };
    }
    *cur = new;
}

/// Every shared case (its subfolders too) and every hostile input given as JSON, with `id`
/// planted everywhere it can go: in each string position in turn, as `person.id_number` (once
/// matching the birth date, once not: refused), and as a key of `person`.
pub fn privacy_corpus(id: &str) -> Vec<Value> {
    let mut bases: Vec<Value> = shared_cases().into_iter().map(|(_, v)| v["input"].clone()).collect();
    bases.extend(catalogue().iter().filter_map(|e| e.get("json").cloned()));
    let mut out = Vec::new();
    for base in bases {
        let mut paths = Vec::new();
        string_paths(&base, &mut Vec::new(), &mut paths);
        for p in paths {
            let mut v = base.clone();
            set(&mut v, &p, json!(id));
            out.push(v);
        }
        // An identity number of digits only, as a JSON number: in each number position, and as
        // a china-2016 case's city population (a whole number the case may echo).
        if let Ok(number) = id.parse::<u64>() {
            let mut numbers = Vec::new();
            leaf_paths(&base, &Value::is_number, &mut Vec::new(), &mut numbers);
            for p in numbers {
                let mut v = base.clone();
                set(&mut v, &p, json!(number));
                out.push(v);
            }
            if base.pointer("/policy/rule_set") == Some(&json!("china-2016")) {
                let mut v = base.clone();
                v["policy"]["city_urban_population"] = json!(number);
                out.push(v);
            }
        }
        if base.get("person").is_some_and(Value::is_object) {
            let mut with_id = base.clone();
            with_id["person"]["id_number"] = json!(id);
            out.push(with_id.clone());
            with_id["person"]["birth_date"] = json!("1990-05-02"); // a mismatch: refused
            out.push(with_id);
            let mut as_key = base.clone();
            as_key["person"].as_object_mut().unwrap().insert(id.to_owned(), json!(1));
            out.push(as_key);
        }
    }
    out
}

/// Whether `text` shows identity number `id` whole (or its first 17 characters).
pub fn leaks(text: &str, id: &str) -> bool {
    let lower = id.to_ascii_lowercase();
    text.contains(id) || text.contains(&lower) || text.contains(&id[..17])
}
