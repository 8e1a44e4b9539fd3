//! Personal data stays private on the command line (RULES.md §8; Art 7 p2, Art 23 i3): across a
//! corpus built from every shared case and every hostile input, with a valid identity number
//! planted in every position (the `id_number` field, every string field, a key, `as_of`), no
//! output of `juzhu assess` (JSON lines, JSON or report, stdout or stderr) shows the whole
//! number. The corpus is built as `core/tests/privacy.rs` builds it for the Rust API.

mod common;

use serde_json::{json, Value};

fn valid_id(body17: &str) -> String {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body17.bytes().zip(weights).map(|(b, w)| u32::from(b - b'0') * w).sum();
    format!("{body17}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

/// Every string position in `v`, as paths.
fn string_paths(v: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        Value::String(_) => out.push(path.clone()),
        Value::Object(m) => {
            for (k, x) in m {
                path.push(k.clone());
                string_paths(x, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                path.push(i.to_string());
                string_paths(x, path, out);
                path.pop();
            }
        }
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

/// Cases with `id` planted everywhere it can go.
fn corpus(id: &str) -> Vec<Value> {
    let mut bases: Vec<Value> = Vec::new();
    // Every shared case, pending folders too: a refusal must not show the number either.
    for (_, v) in common::shared_cases() {
        bases.push(v["input"].clone());
    }
    let cat = common::repo().join("tests/hostile/catalogue.json");
    let cat: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(cat).unwrap()).unwrap();
    bases.extend(cat.iter().filter_map(|e| e.get("json").cloned()));
    let mut out = Vec::new();
    for base in bases {
        let mut paths = Vec::new();
        string_paths(&base, &mut Vec::new(), &mut paths);
        for p in paths {
            let mut v = base.clone();
            set(&mut v, &p, json!(id));
            out.push(v);
        }
        if let Some(person) = base.get("person").and_then(Value::as_object) {
            let mut with_id = base.clone();
            with_id["person"]["id_number"] = json!(id);
            out.push(with_id.clone());
            with_id["person"]["birth_date"] = json!("1990-05-02"); // a mismatch: refused
            out.push(with_id);
            let mut as_key = base.clone();
            as_key["person"].as_object_mut().unwrap().insert(id.to_owned(), json!(1));
            out.push(as_key);
            let _ = person;
        }
    }
    out
}

fn leaks(text: &str, id: &str) -> bool {
    let lower = id.to_ascii_lowercase();
    text.contains(id) || text.contains(&lower) || text.contains(&id[..17])
}

#[test]
fn no_cli_output_shows_an_identity_number() {
    let id = valid_id("11010519491231002");
    let cases = corpus(&id);
    let jsonl: String = cases.iter().map(|c| format!("{c}\n")).collect();
    let out = run(&["assess", "--jsonl", "-"], &jsonl);
    assert!(!leaks(&out, &id), "the CLI's JSON lines show the identity number");
    assert!(out.lines().count() == cases.len());
    // Report mode, one case at a time (a sample: every 7th), stdout and stderr together.
    for case in cases.iter().step_by(7) {
        for args in [vec!["assess", "-"], vec!["assess", "--json", "-"]] {
            let out = run(&args, &case.to_string());
            assert!(!leaks(&out, &id), "the CLI shows the identity number: {out}");
        }
    }
}

/// The command line's stdout and stderr together.
fn run(args: &[&str], input: &str) -> String {
    let r = common::run(args, input.as_bytes());
    format!("{}{}", r.out(), r.err())
}

/// What the command quotes itself — file names, argument values, a calendar file's `source` — is
/// masked too, in every subcommand.
#[test]
fn the_commands_own_messages_mask_identity_numbers() {
    let id = valid_id("21010219900101123");
    let scratch = common::Scratch::new("privacy-own-messages");
    let missing = format!("张三-{id}.json");
    let calendar = scratch.file(
        "calendar.json",
        format!(r#"{{"base":"china","years":{{"2027":{{"rest_days":[],"source":"notice for {id}"}}}}}}"#).as_bytes(),
    );
    let case = common::example("floating-worker.json");
    let runs = [
        vec!["assess", missing.as_str()],
        vec!["assess", "--calendar", missing.as_str(), case.as_str()],
        vec!["assess", "--rule-set", id.as_str(), case.as_str()],
        vec!["assess", "--lang", id.as_str(), case.as_str()],
        vec!["assess", case.as_str(), id.as_str()],
        vec!["explain", missing.as_str()],
        vec!["calendar", id.as_str()],
        vec![id.as_str()],
        vec!["calendar", "2027", "--calendar", calendar.as_str()],
        vec!["calendar", "2027", "--json", "--calendar", calendar.as_str()],
    ];
    for args in runs {
        let r = common::run(&args, b"");
        let all = format!("{}{}", r.out(), r.err());
        assert!(!all.trim().is_empty(), "{args:?} says something");
        assert!(!leaks(&all, &id), "{args:?} shows the identity number: {all}");
    }
}
