//! Personal data stays private on the command line (RULES.md §8; Art 7 p2, Art 23 i3): across a
//! corpus built from every shared case and every hostile input, with a valid identity number
//! planted in every position (the `id_number` field, every string field, a key, `as_of`), no
//! output of `juzhu assess` (JSON lines, JSON or report, stdout or stderr) or of `juzhu case` (the
//! case as read) shows the whole number. The corpus is built as `core/tests/privacy.rs` builds it for the Rust API.

mod common;

use common::corpus::{leaks, privacy_corpus as corpus, valid_id};

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

/// `juzhu case` prints the case itself: every case of the corpus, those with the number as their
/// `id_number` among them (its birth date is printed in its place).
#[test]
fn the_printed_case_shows_no_identity_number() {
    let id = valid_id("11010519491231002");
    let mut printed_with_id = 0;
    let plain = serde_json::json!({"as_of": "2024-10-02",
        "person": {"category": "floating", "arrival_date": "2024-09-28", "id_number": id}});
    for case in corpus(&id).into_iter().chain([plain]) {
        let r = common::run(&["case", "-"], case.to_string().as_bytes());
        let all = format!("{}{}", r.out(), r.err());
        assert!(!leaks(&all, &id), "juzhu case shows the identity number: {all}");
        if r.code == Some(0) && case["person"]["id_number"] == id.as_str() {
            printed_with_id += 1;
            assert!(r.out().contains("\"birth_date\": \"1949-12-31\""), "{}", r.out());
        }
    }
    assert!(printed_with_id >= 2, "only {printed_with_id} cases with the number printed");
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
