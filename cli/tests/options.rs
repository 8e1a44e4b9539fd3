//! The command line's grammar and behaviour as users meet it: help at every level, the version,
//! `--opt=value` and `--`, the exit statuses, short error messages, the calendar in JSON,
//! streaming JSON lines, GB18030 in and out, the rule-set setting and `explain`.

mod common;

use common::{example, run, run_in, Scratch};
use juzhu::vocab::Word;
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

const CASE: &str = r#"{"as_of":"2024-10-02","person":{"category":"floating","arrival_date":"2024-09-28"}}"#;

fn gb18030(text: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(text).0.into_owned()
}

fn from_gb18030(bytes: &[u8]) -> String {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .expect("GB18030 output")
        .into_owned()
}

/// A usage or I/O error: status 2, one short `juzhu:` message, no usage text, nothing on stdout.
fn assert_usage_error(args: &[&str]) -> String {
    let r = run(args, b"");
    let err = r.err();
    assert_eq!(r.code, Some(2), "{args:?}: {err}");
    assert!(r.stdout.is_empty(), "{args:?}");
    assert!(err.starts_with("juzhu: ") || err.starts_with("juzhu："), "{args:?}: {err}");
    assert!(!err.contains("Usage:") && !err.contains("usage:"), "{args:?} reprints the usage: {err}");
    // clap's English (up to four lines with its hints), then one line in Chinese.
    assert!(err.lines().count() <= 5, "{args:?}: a short message: {err}");
    err
}

/// Under `--lang zh` a usage error is Chinese alone, under `--lang en` English alone; the default
/// (both) gives each.
#[test]
fn usage_errors_speak_the_language_asked_for() {
    let zh = assert_usage_error(&["assess", "--lang", "zh", "--jsn", "-"]);
    assert_eq!(zh, "juzhu：无法识别的参数 --jsn（是否应为 --json？）\n更多信息请运行 juzhu --help --lang zh\n");
    let en = assert_usage_error(&["assess", "--lang", "en", "--jsn", "-"]);
    assert!(en.starts_with("juzhu: unexpected argument '--jsn'") && !en.contains("无法"), "{en}");
    let both = assert_usage_error(&["calendar", "2300"]);
    assert!(
        both.starts_with("juzhu: ")
            && both.ends_with("juzhu：年份 2300 无效：应为 1900 至 2199 之间的整数（如 juzhu calendar 2025）\n"),
        "{both}"
    );
    let gb = run(&["fields", "--lang", "zh", "--encoding", "gb18030", "--bogus"], b"");
    assert_eq!(gb.code, Some(2));
    assert!(from_gb18030(&gb.stderr).starts_with("juzhu：无法识别的参数 --bogus"));
}

#[test]
fn help_at_every_level_lists_options_and_exit_statuses() {
    let levels: [(&[&str], &[&str]); 5] = [
        (&[], &["assess", "explain", "calendar", "fields", "table", "--version"]),
        (
            &["assess"],
            &["--json", "--jsonl", "--lang", "--rule-set", "--calendar", "--encoding", "gb18030", "--set", "--as-of"],
        ),
        (&["explain"], &["--lang", "--rule-set", "--calendar", "--encoding", "--set", "--as-of"]),
        (&["calendar"], &["YEAR", "--json", "--lang", "--calendar", "--encoding"]),
        (&["fields"], &["--rule-set", "--json", "--lang", "--encoding"]),
    ];
    for (command, options) in levels.into_iter().chain([
        (&["case"][..], &["--set", "--as-of", "--lang", "--rule-set"][..]),
        (
            &["table"][..],
            &["FILE", "--as-of", "--keep", "--set", "--lang", "--rule-set", "--calendar", "--encoding", "gb18030"][..],
        ),
    ]) {
        for flag in ["-h", "--help"] {
            let args: Vec<&str> = command.iter().copied().chain([flag]).collect();
            let r = run(&args, b"");
            let out = r.out();
            assert_eq!(r.code, Some(0), "{args:?}");
            assert!(r.stderr.is_empty(), "{args:?}");
            assert!(out.contains("Usage: juzhu"), "{args:?}: {out}");
            for o in options {
                assert!(out.contains(o), "{args:?} does not mention {o}: {out}");
            }
            for status in ["Exit status:", "0  answered", "1  input refused", "2  usage or I/O error"] {
                assert!(out.contains(status), "{args:?} does not describe {status}: {out}");
            }
        }
    }
    // `juzhu help assess` is `juzhu assess --help`.
    let r = run(&["help", "assess"], b"");
    assert_eq!(r.code, Some(0));
    assert!(r.out().contains("--jsonl"));
    // Long help lists the rule sets with their names.
    let out = run(&["assess", "--help"], b"").out();
    for r in juzhu::RuleSet::ALL {
        assert!(out.contains(r.id()), "{out}");
    }
}

/// `--help --lang zh` is the same help in Chinese at every level: the same options, Chinese
/// headings and exit statuses, no English of clap's own; in GB18030 under `--encoding gb18030`;
/// also where `--lang` is no option (`juzhu --lang zh --help`, `juzhu help assess --lang zh`).
/// The English help says how to ask for it.
#[test]
fn help_in_chinese_at_every_level() {
    let levels: [(&[&str], &[&str]); 5] = [
        (&[], &["assess", "explain", "calendar", "fields", "--version", "子命令"]),
        (
            &["assess"],
            &[
                "--json",
                "--jsonl",
                "--lang",
                "--rule-set",
                "china-2016",
                "--calendar",
                "--encoding",
                "--set",
                "--as-of",
            ],
        ),
        (&["explain"], &["--lang", "--rule-set", "--calendar", "--encoding", "--set", "--as-of", "理由的语言"]),
        (&["calendar"], &["YEAR", "--json", "--lang", "--calendar", "--encoding", "1900 至 2199"]),
        (&["fields"], &["--rule-set", "--json", "--lang", "--encoding"]),
    ];
    let more: [(&[&str], &[&str]); 2] = [
        (&["case"], &["--set", "--as-of", "--lang", "--rule-set", "保存"]),
        (&["table"], &["--as-of", "--keep", "--encoding", "error_zh", "电子表格"]),
    ];
    for (command, options) in levels.into_iter().chain(more) {
        for flag in ["-h", "--help"] {
            let args: Vec<&str> = command.iter().copied().chain([flag, "--lang", "zh"]).collect();
            let r = run(&args, b"");
            let out = r.out();
            assert_eq!(r.code, Some(0), "{args:?}");
            assert!(
                out.contains("用法：juzhu") && out.contains("退出状态：") && out.contains("2  用法或读写错误"),
                "{args:?}: {out}"
            );
            for o in options {
                assert!(out.contains(o), "{args:?} does not mention {o}: {out}");
            }
            for english in
                ["Usage", "Options", "Print help", "possible values", "[default", "Exit status", "选项:", "参数:"]
            {
                assert!(!out.contains(english), "{args:?} says {english}: {out}");
            }
            let english = run(&command.iter().copied().chain([flag]).collect::<Vec<_>>(), b"").out();
            assert!(
                english.contains("--help") && english.contains("--lang zh") && english.contains("Usage: juzhu"),
                "{english}"
            );
        }
    }
    let long = run(&["assess", "--help", "--lang", "zh"], b"").out();
    for r in juzhu::RuleSet::ALL {
        assert!(long.contains(&format!("- {}：{}", r.id(), r.zh())), "the rule sets by their titles: {long}");
    }
    for args in [
        &["--lang", "zh", "--help"][..],
        &["help", "--lang", "zh"],
        &["help", "assess", "--lang", "zh"],
        &["--help", "--lang=zh"],
    ] {
        let r = run(args, b"");
        assert_eq!(r.code, Some(0), "{args:?}");
        assert!(r.out().contains("用法：juzhu"), "{args:?}: {}", r.out());
        let gb = run(&[args, &["--encoding", "gb18030"][..]].concat(), b"");
        assert_eq!(gb.code, Some(0), "{args:?} in GB18030");
        assert!(from_gb18030(&gb.stdout).contains("用法：juzhu"), "{args:?}");
    }
    // `help`'s own list of the commands is in Chinese too.
    let out = run(&["help", "help", "--lang", "zh"], b"").out();
    assert!(out.contains("子命令：") && out.contains("评估案例") && !out.contains("Assess a case"), "{out}");
    let gb = run(&["calendar", "--help", "--lang", "zh", "--encoding", "gb18030"], b"");
    assert_eq!(gb.code, Some(0));
    assert!(from_gb18030(&gb.stdout).contains("用法：juzhu calendar"));
    // `--lang zh` where it is no option, without a help asked for, is still a usage error.
    assert_usage_error(&["--lang", "zh", "assess", "-"]);
}

/// `juzhu case` prints the case as read, the settings made and the rule set spelt out, checked as
/// `assess` checks it: what it prints is assessed as the settings were, and a refused case prints
/// the refusal alone (status 1).
#[test]
fn case_prints_the_case_as_read_to_assess_later() {
    let settings =
        ["--as-of", "2024-10-02", "--set", "person.category=流动人口", "--set", "person.arrival_date=2024-09-28"];
    let r = run(&[&["case"][..], &settings].concat(), b"");
    assert_eq!(r.code, Some(0), "{}", r.err());
    let written: Value = serde_json::from_str(&r.out()).unwrap();
    assert_eq!(written["policy"]["rule_set"], "liaoning-2013");
    assert_eq!(written["person"]["category"], "floating", "the Chinese name typed, the id written");
    let scratch = Scratch::new("case-later");
    let file = scratch.0.join("case.json");
    std::fs::write(&file, r.out()).unwrap();
    let later = run(&["assess", "--json", file.to_str().unwrap()], b"").out();
    let now = run(&[&["assess", "--json"][..], &settings].concat(), b"").out();
    assert_eq!(later, now);
    // An acceptance case's input, under --rule-set, amended.
    let r = run(&["case", "--set", "person.stable_housing=true", &example("china-2016-holder.json")], b"");
    let written: Value = serde_json::from_str(&r.out()).unwrap();
    assert_eq!(
        (written["policy"]["rule_set"].as_str(), written["person"]["stable_housing"].as_bool()),
        (Some("china-2016"), Some(true))
    );
    // Refused as assess refuses it: nothing on stdout.
    let r = run(
        &[
            "case",
            "--lang",
            "zh",
            "--as-of",
            "2024-10-02",
            "--set",
            "person.category=floating",
            "--set",
            "person.arrival_date=2024-09-31",
        ],
        b"",
    );
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.is_empty());
    assert_eq!(r.err(), "输入有误：person.arrival_date：2024-09-31 不是有效的日期\n");
    // No whole identity number is printed: its birth date stands in, and assesses the same.
    let id = (0..11)
        .map(|c| format!("11010519900307123{}", &"0123456789X"[c..=c]))
        .find(|t| juzhu::id_number::IdNumber::parse(t).is_ok())
        .unwrap();
    let set_id = format!("person.id_number={id}");
    let with_id = [&["case"][..], &settings, &["--set", &set_id]].concat();
    let r = run(&with_id, b"");
    assert_eq!(r.code, Some(0), "{}", r.err());
    assert!(!r.out().contains(&id) && !r.out().contains("id_number"), "{}", r.out());
    let written: Value = serde_json::from_str(&r.out()).unwrap();
    assert_eq!(written["person"]["birth_date"], "1990-03-07");
    // The same answer; only the reasons no longer say where the birth date came from.
    let printed = scratch.0.join("with-id.json");
    std::fs::write(&printed, r.out()).unwrap();
    let answer = |args: &[&str]| {
        let mut a: Value = serde_json::from_str(&run(args, b"").out()).unwrap();
        a.as_object_mut().unwrap().remove("explanation");
        a
    };
    let direct = [&["assess", "--json"][..], &with_id[1..]].concat();
    assert_eq!(answer(&["assess", "--json", printed.to_str().unwrap()]), answer(&direct));
    // Read, but inconsistent: refused too (a birth after arrival).
    let r = run(&[&["case"][..], &settings, &["--set", "person.birth_date=2024-09-30"]].concat(), b"");
    assert_eq!(r.code, Some(1), "{}", r.out());
}

#[test]
fn version_names_the_library_version() {
    for flag in ["--version", "-V"] {
        let r = run(&[flag], b"");
        assert_eq!(r.code, Some(0));
        assert_eq!(r.out(), format!("juzhu {}\n", juzhu::VERSION));
    }
}

#[test]
fn options_take_their_value_after_an_equals_sign() {
    let file = example("floating-worker.json");
    let r = run(&["assess", "--lang=en", &file], b"");
    assert_eq!(r.code, Some(0), "{}", r.err());
    let out = r.out();
    assert!(out.contains("National Day") && !out.contains("国庆节"), "{out}");
    let r = run(&["assess", "--lang=zh", &file], b"");
    assert!(r.out().contains("国庆节") && !r.out().contains("National Day"));
    let r = run(&["assess", "--rule-set=liaoning-2013", "--encoding=utf-8", "--json", &file], b"");
    assert_eq!(r.code, Some(0), "{}", r.err());
}

#[test]
fn double_dash_ends_the_options() {
    let dir = Scratch::new("double-dash");
    dir.file("--case.json", CASE.as_bytes());
    let r = run_in(Some(&dir.0), &["assess", "--json", "--", "--case.json"], b"");
    assert_eq!(r.code, Some(0), "{}", r.err());
    let v: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(v["registration"]["deadline"], "2024-10-08");
    // Without `--` the name is an option, and an unknown one.
    let r = run_in(Some(&dir.0), &["assess", "--json", "--case.json"], b"");
    assert_eq!(r.code, Some(2));
    // `-` after `--` is still standard input.
    let r = run(&["assess", "--json", "--", "-"], CASE.as_bytes());
    assert_eq!(r.code, Some(0), "{}", r.err());
}

#[test]
fn exit_statuses_are_0_answered_1_refused_2_usage() {
    assert_eq!(run(&["assess", "-"], CASE.as_bytes()).code, Some(0));
    assert_eq!(run(&["assess", "--json", "-"], b"{\"as_of\":\"2024-02-30\"}").code, Some(1));
    assert_eq!(run(&["assess", "-"], b"not json").code, Some(1));
    assert_eq!(run(&["explain", "-"], b"not json").code, Some(1));
    assert_usage_error(&[]);
    assert_usage_error(&["frobnicate"]);
    assert_usage_error(&["assess"]);
    assert_usage_error(&["assess", "--frobnicate", "-"]);
    assert_usage_error(&["assess", "--json", "--jsonl", "-"]);
    assert_usage_error(&["assess", "--lang", "fr", "-"]);
    assert_usage_error(&["assess", "--encoding", "latin-1", "-"]);
    assert_usage_error(&["assess", "--rule-set", "liaoning-2031", "-"]);
    assert_usage_error(&["calendar"]);
    assert_usage_error(&["calendar", "twenty"]);
}

#[test]
fn a_typo_gets_a_suggestion() {
    let err = assert_usage_error(&["assess", "--jsn", "-"]);
    assert!(err.contains("--json"), "{err}");
}

#[test]
fn io_errors_exit_2_with_one_line_and_no_usage() {
    for args in [
        &["assess", "/nonexistent/case.json"][..],
        &["assess", "--jsonl", "/nonexistent/case.json"],
        &["explain", "/nonexistent/case.json"],
        &["assess", "--calendar", "/nonexistent/cal.json", "-"],
        &["calendar", "2024", "--calendar", "/nonexistent/cal.json"],
    ] {
        let err = assert_usage_error(args);
        // One line in English, then (both languages by default) in Chinese.
        let lines: Vec<&str> = err.lines().collect();
        assert!(lines[0].starts_with("juzhu: reading /nonexistent/"), "names the file: {err}");
        assert_eq!(lines.len(), 2, "{err}");
        assert!(
            lines[1].starts_with("juzhu：无法读取文件 /nonexistent/") && lines[1].ends_with("：文件不存在"),
            "{err}"
        );
    }
    // Under --lang zh, the Chinese line alone; under --lang en, the English alone.
    let zh = assert_usage_error(&["assess", "--lang", "zh", "/nonexistent/case.json"]);
    assert_eq!(zh, "juzhu：无法读取文件 /nonexistent/case.json：文件不存在\n");
    let en = assert_usage_error(&["explain", "--lang", "en", "/nonexistent/case.json"]);
    assert!(en.starts_with("juzhu: reading /nonexistent/case.json: ") && en.lines().count() == 1, "{en}");
    // A directory is not a case file either.
    assert_usage_error(&["assess", &common::repo().join("examples").to_string_lossy()]);
}

#[test]
fn an_unusable_calendar_file_is_a_usage_error() {
    let dir = Scratch::new("bad-calendar");
    let cal = dir.file("cal.json", br#"{"base": "mars"}"#);
    let err = assert_usage_error(&["assess", "--calendar", &cal, "-"]);
    assert!(err.contains("base") && err.contains("is not one of"), "{err}");
    // Under --lang zh, the reason in Chinese.
    let err = assert_usage_error(&["assess", "--lang", "zh", "--calendar", &cal, "-"]);
    assert!(err.contains("base：") && err.contains("之一") && !err.contains("is not one of"), "{err}");
}

#[test]
fn calendar_2024_as_json() {
    let r = run(&["calendar", "2024", "--json"], b"");
    assert_eq!(r.code, Some(0), "{}", r.err());
    let v: Value = serde_json::from_slice(&r.stdout).expect("--json prints JSON");
    assert_eq!(v["year"], 2024);
    assert_eq!(v["official"], true);
    let sources = v["sources"].as_array().unwrap();
    assert!(sources.iter().any(|s| s.as_str().unwrap().contains("2024年部分节假日安排")), "{sources:?}");
    let rest: Vec<&str> = v["rest_days_on_weekdays"].as_array().unwrap().iter().map(|d| d.as_str().unwrap()).collect();
    // National Day: 1–7 October rest; the 5th and 6th are a weekend, so not listed here.
    for day in ["2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-07"] {
        assert!(rest.contains(&day), "{day} rests: {rest:?}");
    }
    assert!(!rest.contains(&"2024-10-08"));
    let working = v["working_weekend_days"].as_array().unwrap();
    for day in ["2024-09-29", "2024-10-12"] {
        assert!(working.iter().any(|d| d == day), "{day} is a make-up working day: {working:?}");
    }
    // The option may come first too.
    assert_eq!(run(&["calendar", "--json", "2024"], b"").stdout, r.stdout);
}

#[test]
fn calendar_years_outside_1900_to_2199_are_usage_errors() {
    for year in ["1899", "2200", "99999", "0"] {
        let err = assert_usage_error(&["calendar", year]);
        assert!(err.contains(year), "{err}");
    }
    let r = run(&["calendar", "2199", "--json"], b"");
    assert_eq!(r.code, Some(0));
    let v: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(v["official"], false);
    assert_eq!(v["rest_days_on_weekdays"], serde_json::json!([]));
}

#[test]
fn a_callers_calendar_is_used() {
    let dir = Scratch::new("own-calendar");
    let cal = dir.file(
        "cal.json",
        r#"{"years": {"2030": {"rest_days": ["2030-10-01"], "working_days": ["2030-09-29"], "source": "本地通知"}}}"#
            .as_bytes(),
    );
    let r = run(&["calendar", "2030", "--json", "--calendar", &cal], b"");
    assert_eq!(r.code, Some(0), "{}", r.err());
    let v: Value = serde_json::from_slice(&r.stdout).unwrap();
    // The file's year is the file's, not official data.
    assert_eq!(
        (v["official"].clone(), v["data"].clone()),
        (serde_json::json!(false), serde_json::json!("calendar_file"))
    );
    assert_eq!(v["sources"], serde_json::json!(["本地通知"]));
    assert_eq!(v["rest_days_on_weekdays"], serde_json::json!(["2030-10-01"]));
    assert_eq!(v["working_weekend_days"], serde_json::json!(["2030-09-29"]));
    // And by assess: arriving Wed 2030-09-25, day 7 is Wed 2 Oct; with 1 Oct the only rest day
    // in the week, the deadline stays 2 Oct, as with weekends only.
    let case = r#"{"as_of":"2030-09-26","person":{"category":"floating","arrival_date":"2030-09-25"}}"#;
    let r = run(&["assess", "--json", "--calendar", &cal, "-"], case.as_bytes());
    assert_eq!(r.code, Some(0), "{}", r.err());
    let v: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(v["registration"]["deadline"], "2030-10-02");
    assert_eq!(v["calendar_provisional"], false);
}

/// Reads lines from the child's stdout on a thread, so the test can wait with a timeout.
fn line_reader(stdout: std::process::ChildStdout) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

#[test]
fn jsonl_answers_each_line_as_it_arrives() {
    let mut child = common::juzhu()
        .args(["assess", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let answers = line_reader(child.stdout.take().unwrap());
    {
        let mut next = |line: &str| -> Value {
            stdin.write_all(line.as_bytes()).unwrap();
            stdin.write_all(b"\n").unwrap();
            stdin.flush().unwrap();
            match answers.recv_timeout(Duration::from_secs(30)) {
                Ok(answer) => serde_json::from_str(&answer).unwrap(),
                Err(e) => {
                    let _ = child.kill();
                    panic!("no answer to a line while stdin stays open ({e}): --jsonl does not stream");
                }
            }
        };
        assert_eq!(next(CASE)["registration"]["deadline"], "2024-10-08");
        assert_eq!(next(r#"{"as_of":"2024-02-30","person":{}}"#)["error"]["field"], "as_of");
        assert_eq!(next(CASE)["permit"]["status"], "required");
    }
    drop(stdin);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "a refused line makes the status 1");
}

#[test]
fn jsonl_from_a_file_skips_blank_lines_and_reads_crlf() {
    let dir = Scratch::new("jsonl-file");
    let file = dir.file("cases.jsonl", format!("{CASE}\r\n\r\n   \n{CASE}").as_bytes());
    let r = run(&["assess", "--jsonl", &file], b"");
    assert_eq!(r.code, Some(0), "{}", r.err());
    let out = r.out();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines
        .iter()
        .all(|l| serde_json::from_str::<Value>(l).unwrap()["registration"]["deadline"] == "2024-10-08"));
    // A line that is not JSON is answered naming its line of the input (blank lines count).
    let r = run(&["assess", "--jsonl", "-"], format!("{CASE}\n\n{{\"as_of\": 1, bad}}\n{CASE}\n").as_bytes());
    assert_eq!(r.code, Some(1));
    let answers: Vec<Value> = r.out().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(answers.len(), 3);
    assert!(answers[1]["error"]["message"].as_str().unwrap().ends_with("at line 3 column 14"), "{}", answers[1]);
    assert!(answers[1]["error"]["message_zh"].as_str().unwrap().contains("第 3 行第 14 列"), "{}", answers[1]);
    // The example batch file.
    let r = run(&["assess", "--jsonl", &example("batch.jsonl")], b"");
    assert!(r.code == Some(0) || r.code == Some(1));
    assert!(r.out().lines().count() >= 2);
}

#[test]
fn a_reader_that_goes_away_ends_jsonl_quietly() {
    let mut child = common::juzhu()
        .args(["assess", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let answers = line_reader(child.stdout.take().unwrap());
    stdin.write_all(format!("{CASE}\n").as_bytes()).unwrap();
    stdin.flush().unwrap();
    answers.recv_timeout(Duration::from_secs(30)).expect("a first answer");
    drop(answers); // the reading thread ends at the next line and closes the pipe
    for _ in 0..200 {
        if stdin.write_all(format!("{CASE}\n").as_bytes()).is_err() {
            break;
        }
    }
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "nothing on stderr: {err}");
}

#[test]
fn gb18030_output_round_trips_the_chinese_report() {
    let file = example("floating-worker.json");
    let utf8 = run(&["assess", "--lang", "zh", &file], b"");
    let gb = run(&["assess", "--lang", "zh", "--encoding", "gb18030", &file], b"");
    assert_eq!(gb.code, Some(0));
    assert!(std::str::from_utf8(&gb.stdout).is_err(), "the output is GB18030, not UTF-8");
    assert_eq!(from_gb18030(&gb.stdout), utf8.out());
    assert!(from_gb18030(&gb.stdout).contains("国庆节"));
    let gb = run(&["explain", "--lang", "zh", "--encoding", "gb18030", &file], b"");
    assert_eq!(from_gb18030(&gb.stdout), run(&["explain", "--lang", "zh", &file], b"").out());
}

/// A `--set` value typed in a GB18030 (GBK) terminal reaches the program as GB18030 bytes: read
/// as such under `--encoding gb18030`; without it, a usage error that says what to add (the value
/// itself not echoed: it may be an identity number).
#[cfg(unix)]
#[test]
fn a_set_value_typed_in_a_gb18030_terminal_is_read_by_the_encoding() {
    use std::os::unix::ffi::OsStringExt;
    let mut setting = b"person.category=".to_vec();
    setting.extend(gb18030("流动人口"));
    let setting = std::ffi::OsString::from_vec(setting);
    let args = |encoding: Option<&str>| {
        let mut cmd = common::juzhu();
        cmd.args(["assess", "--json", "--as-of", "2024-10-02", "--set", "person.arrival_date=2024-09-28"]);
        if let Some(e) = encoding {
            cmd.args(["--encoding", e]);
        }
        cmd.arg("--set").arg(&setting);
        cmd.output().unwrap()
    };
    let out = args(Some("gb18030"));
    assert_eq!(out.status.code(), Some(0), "{}", from_gb18030(&out.stderr));
    let v: Value = serde_json::from_str(&from_gb18030(&out.stdout)).unwrap();
    assert_eq!((&v["category"], &v["category_source"]), (&Value::from("floating"), &Value::from("given")));
    let out = args(None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("--set person.category=...: the value is not UTF-8") && err.contains("--encoding gb18030"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_gb18030_case_file_is_read_and_its_refusal_written_in_gb18030() {
    let dir = Scratch::new("gb18030");
    // A Chinese word where an id belongs: read correctly, it is quoted in the refusal.
    let case = r#"{"as_of":"2024-10-02","person":{"category":"流动人口","arrival_date":"2024-09-28"}}"#;
    let file = dir.file("case.json", &gb18030(case));
    let r = run(&["assess", "--json", "--encoding", "gb18030", &file], b"");
    assert_eq!(r.code, Some(1));
    let v: Value = serde_json::from_str(&from_gb18030(&r.stdout)).unwrap();
    assert_eq!(v["error"]["field"], "person.category");
    assert!(v["error"]["message"].as_str().unwrap().contains("流动人口"), "{v}");
    assert!(std::str::from_utf8(&r.stdout).is_err(), "the error JSON is GB18030");
    // Report mode: on stderr, in GB18030.
    let r = run(&["assess", "--lang", "zh", "--encoding", "gb18030", &file], b"");
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.is_empty());
    let err = from_gb18030(&r.stderr);
    assert!(err.starts_with("输入有误：person.category：") && err.contains("流动人口"), "{err}");
    assert!(!err.contains("refused"), "--lang zh: the Chinese line only: {err}");
    // JSON lines too.
    let r = run(&["assess", "--jsonl", "--encoding", "gb18030", "-"], &gb18030(&format!("{case}\n{CASE}\n")));
    let out = from_gb18030(&r.stdout);
    let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["error"]["field"], "person.category");
    assert_eq!(lines[1]["registration"]["deadline"], "2024-10-08");
    // Read as UTF-8 (the default), the same bytes are refused as not UTF-8.
    let r = run(&["assess", "--json", &file], b"");
    assert_eq!(r.code, Some(1));
    let v: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(v["error"]["field"], "");
    assert!(v["error"]["message"].as_str().unwrap().contains("not UTF-8"), "{v}");
}

#[test]
fn invalid_gb18030_is_refused_input() {
    let r = run(&["assess", "--json", "--encoding", "gb18030", "-"], b"{\"as_of\": \"\x81\x20\"}");
    assert_eq!(r.code, Some(1));
    // The error JSON is written in GB18030 too (its Chinese reason shows it).
    let v: Value = serde_json::from_str(&from_gb18030(&r.stdout)).unwrap();
    assert_eq!(v["error"]["field"], "");
    assert!(v["error"]["message"].as_str().unwrap().contains("GB18030"), "{v}");
    assert_eq!(v["error"]["message_zh"], "输入不是有效的 GB18030 编码（第 11 字节无效）", "{v}");
    let r = run(&["assess", "--encoding", "gb18030", "-"], b"\xff\xff");
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.is_empty());
    assert!(from_gb18030(&r.stderr).starts_with("refused: "));
}

#[test]
fn an_acceptance_case_file_is_assessed_by_its_input() {
    let wrapped = format!(r#"{{"input": {CASE}, "expect": {{"registration.deadline": "2024-10-08"}}}}"#);
    let r = run(&["assess", "--json", "-"], wrapped.as_bytes());
    assert_eq!(r.code, Some(0), "{}", r.err());
    let v: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(v["registration"]["deadline"], "2024-10-08");
}

#[test]
fn the_rule_set_setting_applies_to_cases_that_name_none() {
    for r in juzhu::RuleSet::ALL {
        let run1 = run(&["assess", "--json", "--rule-set", r.id(), "-"], CASE.as_bytes());
        if run1.code == Some(0) {
            let v: Value = serde_json::from_slice(&run1.stdout).unwrap();
            assert_eq!(v["rule_set"], r.id());
        } else {
            // A rule set may need other fields; then it refuses the case by a person field.
            let v: Value = serde_json::from_slice(&run1.stdout).unwrap();
            assert!(v["error"]["field"].as_str().unwrap().starts_with("person"), "{v}");
        }
    }
}

#[test]
fn a_case_naming_another_rule_set_is_refused() {
    let ids: Vec<&str> = juzhu::RuleSet::ALL.iter().map(|r| r.id()).collect();
    // Every known rule set other than the one asked for, and one this build may not know.
    for wanted in &ids {
        for named in ids.iter().copied().filter(|n| n != wanted).chain(["china-2016"]).filter(|n| n != wanted) {
            let case = format!(
                r#"{{"as_of":"2024-10-02","policy":{{"rule_set":"{named}"}},"person":{{"category":"floating","arrival_date":"2024-09-28"}}}}"#
            );
            let r = run(&["assess", "--json", "--rule-set", wanted, "-"], case.as_bytes());
            assert_eq!(r.code, Some(1), "{named} under --rule-set {wanted}");
            let v: Value = serde_json::from_slice(&r.stdout).unwrap();
            assert_eq!(v["error"]["field"], "policy.rule_set", "{v}");
            let r = run(&["assess", "--rule-set", wanted, "-"], case.as_bytes());
            assert_eq!(r.code, Some(1));
            assert!(r.err().starts_with("refused: policy.rule_set: "), "{}", r.err());
            let r = run(&["assess", "--jsonl", "--rule-set", wanted, "-"], format!("{case}\n{CASE}\n").as_bytes());
            assert_eq!(r.code, Some(1));
            let out = r.out();
            let first: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
            assert_eq!(first["error"]["field"], "policy.rule_set");
            assert_eq!(out.lines().count(), 2, "the next line is still answered");
        }
    }
}

#[test]
fn explain_prints_the_numbered_reasons() {
    let file = example("floating-worker.json");
    let r = run(&["explain", "--lang", "en", &file], b"");
    assert_eq!(r.code, Some(0), "{}", r.err());
    let out = r.out();
    assert!(out.starts_with("1. ["), "{out}");
    assert!(out.contains("[art10.p1]"), "{out}");
    assert!(!out.contains("国庆节"), "{out}");
    let zh = run(&["explain", "--lang", "zh", &file], b"").out();
    assert!(zh.starts_with("1. [") && zh.contains("国庆节"), "{zh}");
    // Both: each reason in Chinese, then in English on an indented line.
    let both = run(&["explain", &file], b"").out();
    assert_eq!(both.lines().count(), 2 * out.lines().count(), "{both}");
    assert_eq!(both.lines().next(), zh.lines().next());
    assert!(both.lines().nth(1).unwrap().starts_with("   ") && both.contains("National Day"));
    // Refused: on stderr, status 1.
    let r = run(&["explain", "-"], b"{\"as_of\":\"2024-02-30\"}");
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.is_empty());
    assert!(r.err().starts_with("refused: as_of: "), "{}", r.err());
    // Without --lang, the English line and then the Chinese one.
    let err = r.err();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert_eq!(lines[1], "输入有误：as_of：2024-02-30 不是有效的日期");
    let r = run(&["explain", "--lang", "en", "-"], b"{\"as_of\":\"2024-02-30\"}");
    assert_eq!(r.err(), "refused: as_of: 2024-02-30 is not a date\n");
    let r = run(&["assess", "--json", "-"], b"{\"as_of\":\"2024-02-30\"}");
    let v: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(v["error"]["message_zh"], "2024-02-30 不是有效的日期", "{v}");
}

/// A clerk builds or amends a case on the command line: `--set PATH=VALUE` and `--as-of`, with
/// or without a file, in every mode; each value is checked as a file's would be.
#[test]
fn a_case_is_built_or_amended_with_set_and_as_of() {
    let json_of = |args: &[&str], stdin: &str| -> Value {
        let r = run(args, stdin.as_bytes());
        assert_eq!(r.code, Some(0), "{args:?}: {}", r.err());
        serde_json::from_str(&r.out()).unwrap()
    };
    // Built from settings alone: the same answer as the file.
    let built = json_of(
        &[
            "assess",
            "--json",
            "--as-of",
            "2024-10-02",
            "--set",
            "person.category=floating",
            "--set",
            "person.arrival_date=2024-09-28",
        ],
        "",
    );
    assert_eq!(built, json_of(&["assess", "--json", "-"], CASE));
    // Amending a file (and standard input), in assess and explain.
    let amended = json_of(&["assess", "--json", "--set", "person.arrival_date=2024-06-03", "-"], CASE);
    assert_eq!(amended["registration"]["deadline"], "2024-06-11");
    let r = run(
        &["explain", "--lang", "en", "--as-of", "2024-06-20", "--set", "person.arrival_date=2024-06-03", "-"],
        CASE.as_bytes(),
    );
    assert_eq!(r.code, Some(0));
    assert!(r.out().contains("2024-06-11"), "{}", r.out());
    // JSON values: numbers, flags, lists.
    let held = json_of(
        &[
            "assess",
            "--json",
            "--set",
            "person.permit.issued_on=2024-09-30",
            "--set",
            "person.permit.validity_years=1",
            "-",
        ],
        CASE,
    );
    assert_eq!(held["permit"]["valid"], true);
    // Typed as a clerk types: an identity number of digits is text, a word by its Chinese name,
    // a list as comma-separated values.
    let typed = json_of(
        &[
            "assess",
            "--json",
            "--set",
            "person.category=流动人口",
            "--set",
            "person.id_number=110105199005011002",
            "--set",
            "person.birth_date=1990-05-01",
            "-",
        ],
        CASE,
    );
    assert_eq!(typed["category"], "floating");
    let c16 = r#"{"as_of":"2025-06-01","policy":{"rule_set":"china-2016"},"person":{"other_city":true,"residing_since":"2022-05-01","stable_employment":true,"permit":{"issued_on":"2023-05-10"}}}"#;
    let endorsed =
        json_of(&["assess", "--json", "--set", "person.permit.endorsed_on=2024-04-20, 2025-04-20", "-"], c16);
    let statuses: Vec<&Value> =
        endorsed["permit"]["endorsements"].as_array().unwrap().iter().map(|e| &e["status"]).collect();
    assert_eq!(statuses[..2], [&Value::from("done"), &Value::from("done")], "{endorsed}");
    // --jsonl: the settings apply to every line.
    let r = run(&["assess", "--jsonl", "--as-of", "2024-10-20", "-"], format!("{CASE}\n{CASE}\n").as_bytes());
    assert_eq!(r.code, Some(0));
    let lines: Vec<Value> = r.out().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(
        lines.len() == 2
            && lines.iter().all(|a| a["as_of"] == "2024-10-20" && a["registration"]["status"] == "overdue")
    );
    // `today` is the date in China (UTC+8) when the command runs.
    let china_day = |offset_secs: u64| {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() + offset_secs;
        juzhu::date::format_iso(i32::try_from((secs + 8 * 3600) / 86_400).unwrap())
    };
    let before = china_day(0);
    let today = json_of(&["assess", "--json", "--as-of", "today", "-"], CASE);
    assert!(today["as_of"] == before || today["as_of"] == china_day(0), "{}", today["as_of"]);
    // As a clerk may type it.
    for typed in ["Today", "今天", "今日"] {
        let same = json_of(&["assess", "--json", "--as-of", typed, "-"], CASE);
        assert!(same["as_of"] == before || same["as_of"] == china_day(0), "{typed}: {}", same["as_of"]);
    }
}

#[test]
fn a_bad_setting_is_refused_naming_its_field() {
    // A value the case reader refuses: status 1, the field named, in both languages.
    let r = run(&["assess", "--set", "person.arrival_date=2024-09-31", "-"], CASE.as_bytes());
    assert_eq!(r.code, Some(1));
    assert!(r.err().starts_with("refused: person.arrival_date: 2024-09-31 is not a date"), "{}", r.err());
    assert!(r.err().contains("输入有误：person.arrival_date："), "{}", r.err());
    let r = run(&["assess", "--json", "--set", "person.arival_date=2024-09-28", "-"], CASE.as_bytes());
    assert_eq!(r.code, Some(1));
    let e: Value = serde_json::from_str(&r.out()).unwrap();
    assert_eq!(e["error"]["field"], "person.arival_date");
    let r = run(&["assess", "--set", "as_of.day=2", "-"], CASE.as_bytes());
    assert_eq!(r.code, Some(1));
    assert!(r.err().starts_with("refused: as_of: holds a string, not an object"), "{}", r.err());
    // A setting the rule-set flag contradicts is refused as a file naming it would be.
    let r =
        run(&["assess", "--rule-set", "china-2016", "--set", "policy.rule_set=liaoning-2013", "-"], CASE.as_bytes());
    assert_eq!(r.code, Some(1));
    assert!(r.err().starts_with("refused: policy.rule_set:"), "{}", r.err());
    // A missing day or person is refused with how the command line gives it (on the terminal; the
    // error JSON keeps the library's words, as every face has them).
    let r = run(&["assess", "--set", "person.category=floating"], b"");
    assert_eq!(r.code, Some(1));
    assert!(r.err().contains("as_of: is required") && r.err().contains("--as-of today"), "{}", r.err());
    assert!(r.err().contains("可用 --as-of 日期 或 --as-of today 给出"), "{}", r.err());
    let r = run(&["assess", "--as-of", "today"], b"");
    assert!(r.err().contains("--set person.FIELD=VALUE"), "{}", r.err());
    let r = run(&["assess", "--json", "--set", "person.category=floating"], b"");
    assert!(r.out().contains("\"message\":\"is required (the day the assessment speaks for)\""), "{}", r.out());
    // Usage errors: no '=', an empty path, the day given twice, --jsonl without a file, no case at all.
    assert_usage_error(&["assess", "--set", "person.arrival_date", "-"]);
    assert_usage_error(&["assess", "--set", "=2024-09-28", "-"]);
    assert_usage_error(&["assess", "--as-of", "today", "--set", "as_of=2024-10-02", "-"]);
    assert_usage_error(&["assess", "--jsonl", "--as-of", "today"]);
    assert_usage_error(&["assess"]);
}

/// `juzhu fields` lists exactly the fields the library reads cases by (the envelope, then the
/// rule set's own), and each path it lists is one `--set` can set: the reader knows it.
#[test]
fn fields_lists_every_field_a_case_may_hold() {
    for rs in juzhu::RuleSet::ALL {
        let r = run(&["fields", "--json", "--rule-set", rs.id()], b"");
        assert_eq!(r.code, Some(0), "{}", r.err());
        let list: Vec<Value> = serde_json::from_str(&r.out()).unwrap();
        let paths: Vec<&str> = list.iter().map(|f| f["path"].as_str().unwrap()).collect();
        let want: Vec<&str> = juzhu::case::ENVELOPE.iter().chain(rs.fields()).map(|f| f.path).collect();
        assert_eq!(paths, want, "{rs:?}");
        let text = run(&["fields", "--rule-set", rs.id()], b"").out();
        for (f, path) in list.iter().zip(&paths) {
            assert!(text.lines().any(|l| l.split_whitespace().next() == Some(path)), "{path} in {text}");
            // Its table column, where it has one (the header juzhu table reads).
            if let Some(column) = f["batch_column"].as_str() {
                let headers: Vec<&str> =
                    f["batch_headers_zh"].as_array().unwrap().iter().map(|h| h.as_str().unwrap()).collect();
                assert!(!headers.is_empty(), "{path}: no Chinese header");
                let line = format!("table column: {column} (or {})\n", headers.join(", "));
                assert!(text.contains(&line), "{path}: {line}");
            }
            if let Some(words) = f["words"].as_array() {
                assert!(!words.is_empty() && words.iter().all(|w| text.contains(w.as_str().unwrap())), "{path}");
            }
            // Inside a list, a path names the fields of each item (set as JSON); elsewhere the
            // reader knows the path: setting it null is never refused as unknown.
            let in_list = list
                .iter()
                .any(|p| p["kind"] == "list" && path.starts_with(&format!("{}.", p["path"].as_str().unwrap())));
            if in_list {
                continue;
            }
            let set = format!("{path}=null");
            let r = run(&["assess", "--json", "--rule-set", rs.id(), "--as-of", "2024-10-02", "--set", &set], b"");
            assert!(!r.out().contains("is not a known field"), "{rs:?} {path}: {}", r.out());
        }
    }
    // In Chinese alone: every field's meaning and values in Chinese, no English description.
    let zh = run(&["fields", "--lang", "zh"], b"").out();
    for f in juzhu::case::ENVELOPE.iter().chain(juzhu::RuleSet::default().fields()) {
        assert!(zh.contains(f.doc_zh) && !zh.contains(f.doc), "{}", f.path);
    }
    assert!(zh.contains("取值之一：permanent（常住人口）｜") && !zh.contains("one of"), "{zh}");
    // A whole number's bounds are the ones the reader enforces, its digits grouped.
    let china = run(&["fields", "--rule-set", "china-2016"], b"").out();
    assert!(china.contains("whole number, 1 to 10,000,000,000") && !china.contains("or more,"), "{china}");
    assert!(zh.contains("整数，0至4,294,967,295"), "{zh}");
    let over = run(
        &[
            "assess",
            "--as-of",
            "2024-10-02",
            "--set",
            "reporter.kind=employer",
            "--set",
            "reporter.concealed=4294967296",
        ],
        b"",
    );
    assert!(over.code == Some(1) && over.err().contains("out of range (0 to 4294967295)"), "{}", over.err());
    let both = run(&["fields"], b"").out();
    assert!(both.contains("population category") && both.contains("人口类别"), "{both}");
    let json: Vec<Value> = serde_json::from_str(&run(&["fields", "--json"], b"").out()).unwrap();
    assert!(json.iter().all(|f| f["doc_zh"].as_str().is_some_and(|d| !d.is_empty())));
    // A path that is no field is refused by assess, naming it.
    let r = run(&["assess", "--json", "--as-of", "2024-10-02", "--set", "person.bogus=1"], b"");
    assert!(r.out().contains("\"field\":\"person.bogus\""), "{}", r.out());
}

/// A clerk may name a person field in `--set` by its Chinese column header (`到达日期` for
/// `person.arrival_date`), typed in UTF-8 or, under `--encoding gb18030`, in GB18030; the answer
/// is the path's. A non-ASCII path that is no header is a usage error, an identity number typed
/// there masked.
#[test]
fn set_takes_a_chinese_column_header_for_its_field() {
    let by_path = run(
        &[
            "assess",
            "--json",
            "--as-of",
            "2024-10-02",
            "--set",
            "person.category=流动人口",
            "--set",
            "person.arrival_date=2024-09-28",
            "--set",
            "person.id_number=210102201501010011",
        ],
        b"",
    );
    assert_eq!(by_path.code, Some(0), "{}", by_path.err());
    let by_header = run(
        &[
            "assess",
            "--json",
            "--as-of",
            "2024-10-02",
            "--set",
            "人口类别=流动人口",
            "--set",
            "到达日期=2024-09-28",
            "--set",
            "身份证号=210102201501010011",
        ],
        b"",
    );
    assert_eq!(by_header.out(), by_path.out());
    // In a GB18030 terminal, path and value alike.
    use std::os::unix::ffi::OsStringExt;
    let gb_set = |s: &str| std::ffi::OsString::from_vec(gb18030(s));
    let out = common::juzhu()
        .args(["assess", "--json", "--encoding", "gb18030", "--as-of", "2024-10-02", "--set"])
        .arg(gb_set("人口类别=流动人口"))
        .args(["--set"])
        .arg(gb_set("到达日期=2024-09-28"))
        .args(["--set", "person.id_number=210102201501010011"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(from_gb18030(&out.stdout), by_path.out());
    // A china-2016 field by its header, under that rule set.
    let china = run(
        &[
            "assess",
            "--json",
            "--rule-set",
            "china-2016",
            "--as-of",
            "2024-10-02",
            "--set",
            "居住起始日期=2024-01-01",
            "--set",
            "户籍地区划代码=210203",
            "--set",
            "居住地区划代码=210102",
            "--set",
            "合法稳定就业=是",
        ],
        b"",
    );
    assert_eq!(china.code, Some(0), "{}", china.err());
    assert_eq!(serde_json::from_str::<Value>(&china.out()).unwrap()["permit"]["eligible_from"], "2024-07-01");
    let err = assert_usage_error(&["assess", "--as-of", "2024-10-02", "--set", "类别=流动人口"]);
    assert!(err.contains("\"类别\" is neither a field path"), "{err}");
    let err =
        assert_usage_error(&["assess", "--as-of", "2024-10-02", "--set", "２１０１０２２０１５０１０１００１１=x"]);
    assert!(!err.contains("２１０１０２２０１５０１０１００１１") && err.contains("********"), "{err}");
}
