//! `juzhu fields`: every field a case of a rule set may hold — the envelope and the rule set's
//! own, from the tables the library reads cases by — with what each holds, so that a case can be
//! written, or typed with `--set`, without the contract at hand.

use crate::args::FieldsArgs;
use crate::io::Out;
use crate::{Fatal, Status};
use juzhu::record::{Field, Kind};
use serde_json::{json, Value};
use std::fmt::Write;

/// Prints the fields as aligned text or, with `--json`, as a list of
/// `{"path", "kind", "words", "min", "max", "batch_column", "doc"}`.
pub fn show(args: &FieldsArgs) -> Result<Status, Fatal> {
    let rule_set = args.rule_set.unwrap_or_default();
    let fields: Vec<&Field> = juzhu::case::ENVELOPE.iter().chain(rule_set.fields()).collect();
    let text = if args.json {
        let list: Vec<Value> = fields.iter().map(|f| as_json(f)).collect();
        let mut s = serde_json::to_string_pretty(&list).unwrap_or_default();
        s.push('\n');
        s
    } else {
        as_text(rule_set, &fields)
    };
    Out::stdout(args.encoding).write(&text)?;
    Ok(Status::Answered)
}

/// The values a kind takes, in words: `date (YYYY-MM-DD)`, `1 to 3`, `one of a | b`.
fn values(kind: &Kind) -> String {
    match kind {
        Kind::Date => "date, YYYY-MM-DD".into(),
        Kind::Dates => "list of dates, [\"YYYY-MM-DD\", ...] (comma-separated with --set)".into(),
        Kind::Time => "time of day, HH:MM".into(),
        Kind::Flag => "true or false (是/否 with --set)".into(),
        Kind::Region => "GB/T 2260 division code, 6 or more digits".into(),
        Kind::Whole { min, max } if *max >= u64::from(u32::MAX) => format!("whole number, {min} or more"),
        Kind::Whole { min, max } => format!("whole number, {min} to {max}"),
        Kind::Word(v) => format!("one of {}", named(v())),
        Kind::Words(v) => format!("list (comma-separated with --set) of {}", named(v())),
        Kind::Text => "text".into(),
        Kind::Object => "object: the fields PATH.* listed here".into(),
        Kind::List => "list of objects, each of the fields PATH.* listed here (as JSON: [{...}])".into(),
        _ => kind.name().into(),
    }
}

/// A vocabulary's words with their Chinese names: `floating (流动人口) | …` (`--set` takes either).
fn named(v: &juzhu::vocab::Vocabulary) -> String {
    v.ids.iter().zip(v.zh).map(|(id, zh)| format!("{id} ({zh})")).collect::<Vec<_>>().join(" | ")
}

fn as_text(rule_set: juzhu::RuleSet, fields: &[&Field]) -> String {
    let width = fields.iter().map(|f| f.path.len()).max().unwrap_or(0);
    let mut s = format!(
        "Fields of a {} case (spec/CASES.md; absent or null = not given). Set any with --set PATH=VALUE.\n\n",
        juzhu::vocab::Word::id(rule_set)
    );
    for f in fields {
        let _ = writeln!(s, "{:width$}  {}", f.path, f.doc);
        let _ = writeln!(s, "{:width$}    {}", "", values(&f.kind).replace("PATH", f.path));
    }
    s
}

fn as_json(f: &Field) -> Value {
    let (min, max) = match f.kind {
        Kind::Whole { min, max } => (json!(min), json!(max)),
        _ => (Value::Null, Value::Null),
    };
    json!({
        "path": f.path,
        "kind": f.kind.name(),
        "words": f.kind.vocabulary().map(|v| v.ids),
        "min": min,
        "max": max,
        "batch_column": f.column,
        "doc": f.doc,
    })
}
