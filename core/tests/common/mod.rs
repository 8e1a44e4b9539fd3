//! Helpers shared by the integration tests.
#![allow(dead_code)]

#[path = "../../../tests/support/corpus.rs"]
pub mod corpus;

use serde_json::{json, Value};

/// Assesses a JSON case; returns the assessment JSON or panics with the error.
pub fn assess(case: Value) -> Value {
    let text = case.to_string();
    match juzhu::Case::from_json(&text).and_then(|c| juzhu::assess(&c)) {
        Ok(a) => a.to_value(),
        Err(e) => panic!("refused: {e}\ncase: {text}"),
    }
}

/// Assesses a JSON case that must be refused; returns the error.
pub fn refuse(case: Value) -> juzhu::CaseError {
    let text = case.to_string();
    match juzhu::Case::from_json(&text).and_then(|c| juzhu::assess(&c)) {
        Ok(a) => panic!("expected a refusal, got {}", a.to_json()),
        Err(e) => e,
    }
}

/// A floating person case as of `as_of`, with `extra` person fields merged in.
pub fn floating(as_of: &str, arrival: &str, extra: Value) -> Value {
    person(as_of, "floating", arrival, extra)
}

/// A person case of `category` with `extra` person fields merged in.
pub fn person(as_of: &str, category: &str, arrival: &str, extra: Value) -> Value {
    let mut p = json!({"category": category, "birth_date": "1990-05-01", "arrival_date": arrival});
    merge(&mut p, extra);
    json!({"as_of": as_of, "person": p})
}

/// Merges the keys of `extra` into `base` (a `null` removes the key).
pub fn merge(base: &mut Value, extra: Value) {
    if let (Value::Object(b), Value::Object(e)) = (base, extra) {
        for (k, v) in e {
            if v.is_null() {
                b.remove(&k);
            } else {
                b.insert(k, v);
            }
        }
    }
}

/// Adds a policy to a case.
pub fn with_policy(mut case: Value, policy: Value) -> Value {
    case["policy"] = policy;
    case
}

/// The value at a dotted path.
pub fn at<'a>(v: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(v, |cur, seg| match cur {
        Value::Array(a) => seg.parse::<usize>().ok().and_then(|i| a.get(i)).unwrap_or(&Value::Null),
        _ => cur.get(seg).unwrap_or(&Value::Null),
    })
}

/// Whether the assessment names interpretation `id`.
pub fn has_interp(a: &Value, id: &str) -> bool {
    a["interpretations"].as_array().unwrap().iter().any(|i| i == id)
}

/// Every `.rs` file under `dir`, with its text.
pub fn rust_sources(dir: &std::path::Path) -> Vec<(std::path::PathBuf, String)> {
    corpus::files_under(dir, "rs")
}

/// The explanations of named JSON cases, English then Chinese, one `## name` section each.
pub fn render_explanations(scenarios: Vec<(&str, Value)>) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for (name, case) in scenarios {
        let text = case.to_string();
        let case = juzhu::Case::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let a = juzhu::assess(&case).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (en, zh) = (a.explanation.text(juzhu::Lang::En), a.explanation.text(juzhu::Lang::Zh));
        let _ = writeln!(out, "## {name}\n{en}\n{zh}");
    }
    out
}

/// Compares `got` with the reviewed text in `tests/golden/<file>` line by line, naming the first
/// differing line and its section; `JUZHU_BLESS=1` writes `got` there instead.
pub fn check_golden(file: &str, got: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(file);
    if std::env::var_os("JUZHU_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("golden/{file}: {e} (create it with JUZHU_BLESS=1)"));
    let mut section = String::new();
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        if g.starts_with("## ") {
            section = g.to_string();
        }
        assert_eq!(g, w, "{file} differs at line {} ({section}); review, then JUZHU_BLESS=1", i + 1);
    }
    assert_eq!(got.lines().count(), want.lines().count(), "{file} differs in length; review, then JUZHU_BLESS=1");
}
