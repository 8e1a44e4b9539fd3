//! Every refusal has Chinese words: a clerk reading `message_zh` (the CLI's `--lang zh`, a C
//! caller's `juzhu_policy.lang`, Python's `.message_zh`) never meets an English sentence.
//!
//! The refusals are gathered, not listed: every acceptance case's input (`../shared/cases` and
//! its subfolders) is mutated leaf by leaf with hostile values (a day that does not exist, a
//! number where a word goes, an unknown word, …), every key dropped in turn and an unknown key
//! added to every object; the hostile-input catalogue adds the inputs that are not cases at all.
//! Each distinct refusal's Chinese must hold Chinese characters and no English word other than
//! what it echoes (the input's own keys and values, field paths, formats such as `YYYY-MM-DD`).
//! Calendars and assessments read back from JSON are swept the same way.

mod common;

use juzhu::Word;
use serde_json::Value;
use std::collections::BTreeMap;

/// Every acceptance case's `input`.
fn seeds() -> Vec<Value> {
    let out: Vec<Value> =
        common::corpus::shared_cases().into_iter().filter_map(|(_, v)| v.get("input").cloned()).collect();
    assert!(out.len() >= 30, "the acceptance cases are there ({})", out.len());
    out
}

/// Values put in place of each leaf.
fn hostile_values() -> Vec<Value> {
    serde_json::from_str(
        r#"["2024-02-30", "1899-12-31", "2200-01-01", "not-a-date", "25:61", "", "x", "000021", "99999999",
            "11010519491231002X", 0, -1, 2.5, 7, 1e300, 4294967296, true, null, [], {}, [1], ["x"], [{"x": 1}]]"#,
    )
    .unwrap()
}

/// Every variant of `v`: each leaf (and each array or object) replaced by each hostile value,
/// each object key dropped, an unknown key added to each object.
fn mutants(v: &Value, out: &mut Vec<Value>) {
    fn walk(root: &Value, path: &mut Vec<PathStep>, here: &Value, out: &mut Vec<Value>) {
        for h in hostile_values() {
            out.push(replaced(root, path, Some(h)));
        }
        match here {
            Value::Object(m) => {
                if !path.is_empty() {
                    let mut added = here.clone();
                    added.as_object_mut().unwrap().insert("no_such_field".into(), Value::Bool(true));
                    out.push(replaced(root, path, Some(added)));
                }
                for (k, child) in m {
                    path.push(PathStep::Key(k.clone()));
                    out.push(replaced(root, path, None));
                    walk(root, path, child, out);
                    path.pop();
                }
            }
            Value::Array(a) => {
                for (i, child) in a.iter().enumerate() {
                    path.push(PathStep::Index(i));
                    walk(root, path, child, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    walk(v, &mut Vec::new(), v, out);
}

#[derive(Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

/// `root` with the value at `path` replaced by `with` (or its key removed when `None`).
fn replaced(root: &Value, path: &[PathStep], with: Option<Value>) -> Value {
    let mut v = root.clone();
    let Some((last, parents)) = path.split_last() else {
        return with.unwrap_or(Value::Null);
    };
    let mut cur = &mut v;
    for step in parents {
        cur = match step {
            PathStep::Key(k) => cur.get_mut(k).unwrap(),
            PathStep::Index(i) => cur.get_mut(*i).unwrap(),
        };
    }
    match (last, with) {
        (PathStep::Key(k), Some(w)) => {
            cur[k.as_str()] = w;
        }
        (PathStep::Key(k), None) => {
            cur.as_object_mut().unwrap().remove(k);
        }
        (PathStep::Index(i), Some(w)) => cur[*i] = w,
        (PathStep::Index(i), None) => {
            cur.as_array_mut().unwrap().remove(*i);
        }
    }
    v
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Words a Chinese message may hold though they are ASCII: formats, names of standards and
/// interfaces, JSON's own words.
const ALLOWED: &[&str] = &["YYYY-MM-DD", "HH", "GB", "JSON", "UTF", "Unicode", "true", "false", "null", "Arrow"];

/// Everything a user types that a message may echo: every key and text value of the acceptance
/// cases, every word id of every rule set's vocabularies, the rule sets' ids.
fn user_words() -> std::collections::BTreeSet<String> {
    user_words_with(&[])
}

/// [`user_words`] and the keys and texts of `more` (the documents a sweep mutated).
fn user_words_with(more: &[Value]) -> std::collections::BTreeSet<String> {
    fn walk(v: &Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            Value::Object(m) => m.iter().for_each(|(k, v)| {
                out.insert(k.clone());
                walk(v, out);
            }),
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            Value::String(s) => {
                out.insert(s.clone());
            }
            _ => {}
        }
    }
    let mut out = std::collections::BTreeSet::new();
    seeds().iter().chain(more).for_each(|s| walk(s, &mut out));
    for rs in juzhu::RuleSet::ALL {
        out.insert(rs.id().to_owned());
        for (name, v) in rs.vocabularies() {
            out.insert(name.to_owned());
            out.extend(v.ids.iter().map(|id| (*id).to_owned()));
        }
    }
    out
}

/// The ASCII words of `zh` that are neither echoed (the field path, the input's text, what a user
/// types), nor allowed, nor a masked number or a constant's name.
fn english_words(zh: &str, field: &str, input: &str, typed: &std::collections::BTreeSet<String>) -> Vec<String> {
    // A list of the known fields is identifiers only (the message before it is checked).
    let zh = zh.split("可用的字段为").next().unwrap_or(zh);
    zh.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '*' || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.len() >= 3 && w.chars().any(|c| c.is_ascii_lowercase()))
        // Numbers (masked ones too) and identifiers (snake_case: no English sentence has one).
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit() || c == '*' || c == '_'))
        .filter(|w| !ALLOWED.contains(w) && !w.starts_with("JUZHU_"))
        .filter(|w| !field.contains(w) && !input.contains(w) && !typed.contains(*w))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_refusal_has_chinese_words() {
    let mut seen = Refusals::new();
    let mut cases = Vec::new();
    for seed in seeds() {
        mutants(&seed, &mut cases);
    }
    for case in &cases {
        let text = case.to_string();
        if let Err(e) = juzhu::Case::from_json(&text).and_then(|c| juzhu::assess(&c)) {
            note(&mut seen, &e, text);
        }
    }
    for bad in ["", "{", "[]", "{\"as_of\": \"2024-10-02\"} x", "{\"as_of\": 1, \"as_of\": 2}", "\u{feff}{}", "nul"] {
        if let Err(e) = juzhu::Case::from_json(bad).and_then(|c| juzhu::assess(&c)) {
            note(&mut seen, &e, bad.into());
        }
    }
    // The hostile-input catalogue: inputs that are hardly cases (10 MB strings, deep nesting,
    // bytes that are not UTF-8, …).
    for entry in common::corpus::catalogue() {
        let bytes = common::corpus::input(&entry);
        if let Err(e) = juzhu::Case::from_json_bytes(&bytes).and_then(|c| juzhu::assess(&c)) {
            note(&mut seen, &e, String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    assert!(seen.len() >= 150, "a wide sweep of refusals ({} distinct)", seen.len());
    check_all(&seen, &[]);
}

/// (field, English message) → (Chinese message, the input that gave it)
type Refusals = BTreeMap<(String, String), (String, String)>;

fn note(seen: &mut Refusals, e: &juzhu::CaseError, input: String) {
    seen.entry((e.field().to_owned(), e.message().to_owned())).or_insert((e.message_zh().to_owned(), input));
}

/// Every refusal's Chinese has Chinese characters and no English word it does not echo (`more`:
/// the documents mutated, whose keys a refusal may name).
fn check_all(seen: &Refusals, more: &[Value]) {
    let typed = user_words_with(more);
    let mut failures = Vec::new();
    for ((field, en), (zh, input)) in seen {
        if !has_cjk(zh) {
            failures.push(format!("{field}: {en}\n    zh: {zh}\n    no Chinese in it; input {input}"));
            continue;
        }
        let words = english_words(zh, field, input, &typed);
        if !words.is_empty() {
            failures.push(format!("{field}: {en}\n    zh: {zh}\n    English words {words:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} refusals:\n{}", failures.len(), seen.len(), failures.join("\n"));
}

#[test]
fn every_calendar_refusal_has_chinese_words() {
    let seed: Value = serde_json::from_str(
        r#"{"base": "china", "years": {"2027": {"rest_days": ["2027-02-08", "2027-02-09"],
            "working_days": ["2027-02-06"], "source": "notice"}}}"#,
    )
    .unwrap();
    let mut variants = Vec::new();
    mutants(&seed, &mut variants);
    let mut seen = Refusals::new();
    for v in &variants {
        let text = v.to_string();
        if let Err(e) = juzhu::Calendar::from_json(&text) {
            note(&mut seen, &e, text);
        }
    }
    assert!(seen.len() >= 15, "a sweep of calendar refusals ({} distinct)", seen.len());
    check_all(&seen, &[seed]);
}

#[test]
fn every_refusal_of_an_assessment_read_back_has_chinese_words() {
    let (mut seen, mut read) = (Refusals::new(), Vec::new());
    // Assessments of a few cases of each rule set, each mutated leaf by leaf.
    for seed in seeds().iter().step_by(4) {
        let Ok(a) = juzhu::Case::from_json(&seed.to_string()).and_then(|c| juzhu::assess(&c)) else { continue };
        let mut variants = Vec::new();
        read.push(a.to_value());
        mutants(&a.to_value(), &mut variants);
        for v in &variants {
            if let Err(e) = juzhu::Assessment::from_value(v) {
                note(&mut seen, &e, v.to_string());
            }
        }
    }
    assert!(seen.len() >= 30, "a sweep of read-back refusals ({} distinct)", seen.len());
    check_all(&seen, &read);
}

#[test]
fn the_sweep_finds_what_it_looks_for() {
    // The checks themselves: an English sentence is caught, an echoed value or a format is not.
    assert!(!has_cjk("is not a date"));
    let typed = user_words();
    assert_eq!(english_words("日期 is wrong", "as_of", "{}", &typed), ["wrong"]);
    assert!(english_words("\"floating\" 不是 YYYY-MM-DD 格式的日期", "person.category", "{}", &typed).is_empty());
    assert!(english_words("110105********002X 不是有效的号码", "person.id_number", "{}", &typed).is_empty());
}
