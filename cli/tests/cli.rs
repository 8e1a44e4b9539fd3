//! The command-line face: every shared case through `juzhu assess --json`, plus the report,
//! `--jsonl` and stdin modes.

use serde_json::Value;

mod common;

use common::corpus::{lookup, matches};

/// Runs the command line; output must be UTF-8.
fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let r = common::run(args, stdin.unwrap_or("").as_bytes());
    (r.code.unwrap_or(-1), r.out(), r.err())
}

#[test]
fn every_shared_case_passes_through_the_cli() {
    let mut failures = Vec::new();
    let mut ran = 0;
    for (name, case) in common::shared_cases() {
        if common::is_pending(&name) {
            continue;
        }
        ran += 1;
        let input = case["input"].to_string();
        let (code, out, _) = run(&["assess", "--json", "-"], Some(&input));
        let got: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{name}: not JSON ({e}): {out}"));
        if let Some(field) = case.get("expect_error").and_then(Value::as_str) {
            if code != 1 || !got["error"]["field"].as_str().is_some_and(|f| f.starts_with(field)) {
                failures.push(format!("{name}: expected refusal at {field}, got {code} {out}"));
            }
            continue;
        }
        if code != 0 {
            failures.push(format!("{name}: exit {code}: {out}"));
            continue;
        }
        for (path, want) in case["expect"].as_object().into_iter().flatten() {
            if !lookup(&got, path).is_some_and(|v| matches(v, want)) {
                failures.push(format!("{name}: {path} expected {want}, got {:?}", lookup(&got, path)));
            }
        }
        for (path, items) in case.get("expect_contains").and_then(Value::as_object).into_iter().flatten() {
            let have = lookup(&got, path).and_then(Value::as_array).cloned().unwrap_or_default();
            for item in items.as_array().unwrap() {
                if !have.contains(item) {
                    failures.push(format!("{name}: {path} lacks {item}"));
                }
            }
        }
        if let Some(want) = case.get("expect_notices").and_then(Value::as_array) {
            let mut have: Vec<_> = got["notices"].as_array().unwrap().iter().map(|n| n["id"].clone()).collect();
            let mut want = want.clone();
            have.sort_by_key(Value::to_string);
            want.sort_by_key(Value::to_string);
            if have != want {
                failures.push(format!("{name}: notices {have:?} vs {want:?}"));
            }
        }
    }
    assert!(ran > 0, "no shared case ran");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn report_mode_is_readable_and_bilingual() {
    let file = common::example("floating-worker.json");
    let (code, out, _) = run(&["assess", &file], None);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("2024-10-08"));
    assert!(out.contains("国庆节") && out.contains("National Day"));
    assert!(out.contains("art10.p1"));
    let (code, out, _) = run(&["assess", "--lang", "en", &file], None);
    assert_eq!(code, 0);
    assert!(!out.contains("国庆节"));
}

#[test]
fn jsonl_answers_line_by_line_and_refusals_exit_1() {
    let input =
        "{\"as_of\":\"2024-06-20\",\"person\":{\"category\":\"permanent\"}}\n\n{\"as_of\":\"2024-02-30\"}\nnot json\n";
    let (code, out, _) = run(&["assess", "--jsonl", "-"], Some(input));
    let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["category"], "permanent");
    assert_eq!(lines[1]["error"]["field"], "as_of");
    assert_eq!(lines[2]["error"]["field"], "");
    assert_eq!(code, 1);
}

#[test]
fn refused_input_in_report_mode_goes_to_stderr() {
    let id = "11010519491231002X";
    let input =
        format!("{{\"as_of\":\"2024-06-20\",\"person\":{{\"category\":\"permanent\",\"birth_date\":\"{id}\"}}}}");
    let (code, out, err) = run(&["assess", "-"], Some(&input));
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("person.birth_date"));
    assert!(!err.contains(id), "never a whole identity number: {err}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["frobnicate"], None).0, 2);
    assert_eq!(run(&["assess", "/nonexistent/case.json"], None).0, 2);
}

#[test]
fn calendar_command_lists_sources() {
    let (code, out, _) = run(&["calendar", "2024"], None);
    assert_eq!(code, 0);
    assert!(out.contains("国务院办公厅关于2024年部分节假日安排的通知"));
    assert!(out.contains("10-01"));
}

#[test]
fn one_language_reports_say_nothing_in_the_other() {
    let file = common::example("floating-worker.json");
    let (_, zh, _) = run(&["assess", "--lang", "zh", &file], None);
    assert!(zh.contains("类别：流动人口（推定）") && zh.contains("0 元"), "{zh}");
    // Chinese punctuation and dates, the provision ids as they are.
    assert!(zh.contains("期限：2024年10月8日") && zh.contains("评估日 2024年10月2日"), "{zh}");
    assert!(zh.contains("理由：\n") && !zh.contains(": ") && !zh.contains("2024-10-08"), "{zh}");
    for english in ["(derived)", "(given)", "yuan"] {
        assert!(!zh.contains(english), "the Chinese report says {english}: {zh}");
    }
    let (_, en, _) = run(&["assess", "--lang", "en", &file], None);
    assert!(en.contains("(derived)") && en.contains("0 yuan") && !en.contains('元'), "{en}");
}

#[test]
fn refusals_say_how_to_fix_the_input() {
    // Several cases in one file, read as one: the message points to --jsonl.
    let two = format!("{CASE}\n{CASE}\n", CASE = r#"{"as_of":"2024-10-02","person":{"category":"floating"}}"#);
    let (code, _, err) = run(&["assess", "-"], Some(&two));
    assert_eq!(code, 1);
    assert!(err.contains("--jsonl"), "{err}");
    // A field of the other rule set in a case naming none: name it in policy.rule_set.
    let china = r#"{"as_of":"2024-10-02","person":{"residing_since":"2024-01-01"}}"#;
    let (code, _, err) = run(&["assess", "-"], Some(china));
    assert_eq!(code, 1);
    assert!(err.contains(r#"set policy.rule_set to "china-2016""#), "{err}");
    let named =
        r#"{"as_of":"2024-10-02","policy":{"rule_set":"liaoning-2013"},"person":{"residing_since":"2024-01-01"}}"#;
    let (_, _, err) = run(&["assess", "-"], Some(named));
    assert!(err.contains("(the case's policy.rule_set)"), "{err}");
    // Read under --rule-set, the advice names the flag too (naming the other rule set alone
    // would be refused for disagreeing with it).
    let liaoning = r#"{"as_of":"2024-10-02","person":{"arrival_date":"2024-09-28"}}"#;
    let (_, _, err) = run(&["assess", "--rule-set", "china-2016", "-"], Some(liaoning));
    assert!(err.contains("leave out --rule-set china-2016"), "{err}");
    // One pretty-printed case with a stray bracket is not JSON lines: no --jsonl hint.
    let (code, _, err) = run(&["assess", "-"], Some("{\n\"as_of\":\"2024-10-02\"}\n}\n"));
    assert_eq!(code, 1);
    assert!(err.contains("trailing characters") && !err.contains("--jsonl"), "{err}");
}

#[test]
fn help_that_cannot_be_written_is_an_error() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else { return };
    let status = common::juzhu().arg("--help").stdout(full).stderr(std::process::Stdio::null()).status().unwrap();
    assert_eq!(status.code(), Some(2));
}
