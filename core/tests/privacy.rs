//! Personal data stays private (RULES.md §8; Art 7 p2, Art 23 i3): across a corpus built from
//! every shared case and every hostile input, with a valid identity number planted in every
//! position (the `id_number` field, every string field, a key, `as_of`), no error message,
//! `Debug`, `Display`, assessment JSON or explanation shows the whole number (the command line's
//! output is checked over the same corpus by `cli/tests/privacy.rs`). And the library's sources
//! do no I/O of their own.

mod common;

use common::corpus::{leaks, privacy_corpus as corpus, valid_id};

#[test]
fn no_output_of_the_rust_api_shows_an_identity_number() {
    let id = valid_id("21010219900501123");
    let cases = corpus(&id);
    assert!(cases.len() > 200, "a real corpus ({} cases)", cases.len());
    let mut seen = 0;
    for case in &cases {
        let text = case.to_string();
        let mut outputs = Vec::new();
        match juzhu::Case::from_json(&text) {
            Ok(c) => {
                outputs.push(format!("{c:?}"));
                match juzhu::assess(&c) {
                    Ok(a) => {
                        outputs.push(a.to_json());
                        outputs.push(format!("{a:?}"));
                        outputs.push(a.explanation.text(juzhu::Lang::Zh));
                        outputs.push(a.explanation.text(juzhu::Lang::En));
                    }
                    Err(e) => outputs.extend([e.to_string(), format!("{e:?}"), e.to_json()]),
                }
            }
            Err(e) => outputs.extend([e.to_string(), format!("{e:?}"), e.to_json()]),
        }
        if let Err(e) = juzhu::id_number::IdNumber::parse(&id[..17]) {
            outputs.push(e.to_string());
        }
        for o in &outputs {
            assert!(!leaks(o, &id), "an output shows the identity number: {o}");
        }
        seen += outputs.len();
    }
    assert!(seen > 800);
}

/// `s` with ASCII digits and `X` in their full-width forms (as Chinese input methods type them).
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(u32::from(c) - u32::from('0') + u32::from('０')).unwrap(),
            'X' => 'Ｘ',
            ' ' => '\u{3000}',
            c => c,
        })
        .collect()
}

/// Whether `text` shows identity number `id` in any grouping or width: escapes of the ideographic
/// space undone, full-width digits read as digits, separators dropped (a masked number keeps its
/// `*`s, so it cannot be read back).
fn shows_anyhow(text: &str, id: &str) -> bool {
    let norm: String = text
        .replace("\\u{3000}", " ")
        .replace("\\u{a0}", " ")
        .replace("\\t", " ")
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
            'Ｘ' | 'ｘ' => Some('X'),
            ' ' | '\t' | '\u{a0}' | '–' | '—' | '·' | ';' | '|' | '-' | '.' | '/' | '_' | ',' | ':' | '\u{3000}'
            | '－' | '．' | '／' | '＿' | '，' | '：' | '、' => None,
            c => Some(c),
        })
        .collect();
    norm.contains(id) || norm.contains(&id.to_ascii_lowercase())
}

/// An identity number written in groups (spaces, dashes, dots, slashes, … between its parts) or in
/// full-width digits is masked too.
#[test]
fn no_output_shows_an_identity_number_written_in_groups() {
    let id = valid_id("21010219900501123");
    assert!(id.ends_with('X') || id.bytes().all(|b| b.is_ascii_digit()));
    let grouped = |sep: &str| [&id[..6], &id[6..14], &id[14..]].join(sep);
    let plantings = [
        grouped(" "),
        grouped("-"),
        grouped("."),
        format!("{} 13800138000", grouped(" ")),
        format!("2024-09-28 {}", grouped("-")),
        grouped("/"),
        grouped("_"),
        grouped(","),
        grouped(":"),
        grouped("\u{3000}"),
        grouped("\t"),
        grouped("\u{a0}"),
        grouped("–"),
        grouped("·"),
        grouped(";"),
        full_width(&id),
        full_width(&grouped(" ")),
        full_width(&grouped("-")),
        format!("身份证{}号", full_width(&id)),
    ];
    for planted in plantings {
        let mut seen = 0;
        for case in corpus(&planted) {
            let outputs = match juzhu::Case::from_json(&case.to_string()) {
                Ok(c) => match juzhu::assess(&c) {
                    Ok(a) => vec![a.to_json(), a.explanation.text(juzhu::Lang::En), format!("{a:?}")],
                    Err(e) => vec![e.to_string(), e.to_json(), format!("{e:?}")],
                },
                Err(e) => vec![e.to_string(), e.to_json(), format!("{e:?}")],
            };
            for o in &outputs {
                assert!(!shows_anyhow(o, &id), "an output shows the identity number planted as {planted:?}: {o}");
            }
            seen += outputs.len();
        }
        assert!(seen > 400);
    }
}

/// The library crates contain no I/O, logging or temporary files of their own: the only I/O is
/// what the caller asks (the `juzhu` command in `cli/` and the example programs read files and
/// print).
#[test]
fn library_sources_do_no_io() {
    let root = common::corpus::repo();
    let forbidden = [
        "std::fs",
        "std::io",
        "std::net",
        "std::env",
        "println!",
        "eprintln!",
        "print!(",
        "eprint!(",
        "dbg!(",
        "log::",
        "tempfile",
        "File::",
        "std::process",
    ];
    let mut found = Vec::new();
    for dir in ["core/src", "ffi/src", "python/src"] {
        for (p, text) in common::rust_sources(&root.join(dir)) {
            // Tests may do what they like, and doc examples are the caller's code.
            let lib = text.split("#[cfg(test)]").next().unwrap_or("");
            for line in lib.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for f in forbidden.iter().filter(|f| line.contains(*f)) {
                    found.push(format!("{}: {f}: {}", p.display(), line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "I/O in library code:\n{}", found.join("\n"));
}
