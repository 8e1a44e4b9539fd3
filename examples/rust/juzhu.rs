//! The `juzhu` command line: assess cases and print the answer.
//!
//! ```text
//! cargo run -p juzhu --example juzhu -- assess examples/cases/floating-worker.json
//! cargo run -p juzhu --example juzhu -- assess --json case.json
//! cargo run -p juzhu --example juzhu -- assess --jsonl cases.jsonl      # one case per line
//! cat case.json | cargo run -p juzhu --example juzhu -- assess -          # '-' reads stdin
//! cargo run -p juzhu --example juzhu -- assess --calendar my-calendar.json case.json
//! cargo run -p juzhu --example juzhu -- calendar 2024                     # official rest days
//! ```
//!
//! A file may hold a bare case or an acceptance case (`{"input": {...}, "expect": {...}}`), whose
//! `input` is assessed. Exit status: 0 assessed, 1 input refused (with `--json`/`--jsonl` the
//! error JSON goes to stdout), 2 usage or I/O error. Nothing is logged; error messages never show
//! a whole identity number.

use juzhu::{Assessment, Calendar, CaseError, Lang};
use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  juzhu assess [--json | --jsonl] [--lang zh|en|both] [--calendar FILE] FILE|-
  juzhu calendar [--calendar FILE] YEAR";

#[derive(PartialEq)]
enum Output {
    Report,
    Json,
    Jsonl,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("juzhu: {msg}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("reading stdin: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| format!("reading {path}: {e}"))
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let (command, rest) = args.split_first().ok_or("no command")?;
    let mut output = Output::Report;
    let mut lang: Option<Lang> = None;
    let mut calendar_path: Option<String> = None;
    let mut positional = Vec::new();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => output = Output::Json,
            "--jsonl" => output = Output::Jsonl,
            "--lang" => {
                lang = match it.next().map(String::as_str) {
                    Some("zh") => Some(Lang::Zh),
                    Some("en") => Some(Lang::En),
                    Some("both") => None,
                    _ => return Err("--lang takes zh, en or both".into()),
                }
            }
            "--calendar" => calendar_path = Some(it.next().ok_or("--calendar takes a file")?.clone()),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => positional.push(a.clone()),
        }
    }
    let loaded;
    let cal: &Calendar = match &calendar_path {
        None => Calendar::china(),
        Some(p) => {
            loaded = Calendar::from_json_bytes(&read_input(p)?).map_err(|e| format!("calendar {p}: {e}"))?;
            &loaded
        }
    };
    match command.as_str() {
        "assess" => {
            let [path] = positional.as_slice() else {
                return Err("assess takes one FILE (or -)".into());
            };
            let input = read_input(path)?;
            if output == Output::Jsonl {
                return Ok(jsonl(&input, cal));
            }
            match assess_bytes(&input, cal) {
                Ok(a) => {
                    if output == Output::Json {
                        println!("{}", a.to_json_pretty());
                    } else {
                        print!("{}", a.report(lang));
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    if output == Output::Json {
                        println!("{}", e.to_json());
                    } else {
                        eprintln!("refused: {e}");
                    }
                    Ok(ExitCode::from(1))
                }
            }
        }
        "calendar" => {
            let [year] = positional.as_slice() else {
                return Err("calendar takes one YEAR".into());
            };
            let year: i32 = year.parse().map_err(|_| format!("{year} is not a year"))?;
            println!(
                "{year}: {}",
                if cal.is_known_year(year) { "official data" } else { "no official data (weekends only)" }
            );
            for s in cal.sources(year) {
                println!("  source: {s}");
            }
            let show = |v: Vec<chrono::NaiveDate>| {
                v.iter().map(|d| d.format("%m-%d").to_string()).collect::<Vec<_>>().join(" ")
            };
            println!("  rest days on weekdays: {}", show(cal.holidays(year)));
            println!("  working weekend days:  {}", show(cal.make_up_working_days(year)));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command {other}")),
    }
}

/// Reads a bare case, or the `input` of an acceptance case.
fn assess_bytes(input: &[u8], cal: &Calendar) -> Result<Assessment, CaseError> {
    let value: serde_json::Value =
        serde_json::from_slice(input).map_err(|e| CaseError::new("", format!("not valid JSON: {e}")))?;
    let case_value = match &value {
        serde_json::Value::Object(m) if m.contains_key("input") && !m.contains_key("as_of") => &m["input"],
        v => v,
    };
    // Duplicate keys are caught by reading the original text when it is a bare case.
    let case = if std::ptr::eq(case_value, &value) {
        juzhu::Case::from_json(std::str::from_utf8(input).map_err(|e| CaseError::new("", format!("not UTF-8: {e}")))?)?
    } else {
        juzhu::Case::from_value(case_value)?
    };
    juzhu::assess_with(&case, cal)
}

fn jsonl(input: &[u8], cal: &Calendar) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut refused = false;
    for line in input.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let text = match juzhu::respond_json(line, cal) {
            Ok(j) => j,
            Err(e) => {
                refused = true;
                e
            }
        };
        if writeln!(out, "{text}").is_err() {
            return ExitCode::from(2);
        }
    }
    let _ = out.flush();
    let _ = std::io::stdin().lock().lines();
    if refused {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
