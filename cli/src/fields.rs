//! `juzhu fields`: every field a case of a rule set may hold — the envelope and the rule set's
//! own, from the tables the library reads cases by — with what each holds, so that a case can be
//! written, or typed with `--set`, without the contract at hand.

use crate::args::FieldsArgs;
use crate::io::Out;
use crate::{Fatal, Status};
use juzhu::record::{Field, Kind};
use juzhu::Lang;
use serde_json::{json, Value};
use std::fmt::Write;

/// Prints the fields as aligned text in `--lang`'s language(s) or, with `--json`, as a list of
/// `{"path", "kind", "words", "min", "max", "batch_column", "doc", "doc_zh"}`.
pub fn show(args: &FieldsArgs) -> Result<Status, Fatal> {
    let rule_set = args.rule_set.unwrap_or_default();
    let fields: Vec<&Field> = juzhu::case::ENVELOPE.iter().chain(rule_set.fields()).collect();
    let text = if args.json {
        let list: Vec<Value> = fields.iter().map(|f| as_json(f)).collect();
        let mut s = serde_json::to_string_pretty(&list).unwrap_or_default();
        s.push('\n');
        s
    } else {
        as_text(rule_set, &fields, args.lang.langs())
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
        Kind::Whole { min, max } => format!("whole number, {} to {}", grouped(*min), grouped(*max)),
        Kind::Word(v) => format!("one of {}", named(v(), Lang::En)),
        Kind::Words(v) => format!("list (comma-separated with --set) of {}", named(v(), Lang::En)),
        Kind::Text => "text".into(),
        Kind::Object => "object: the fields PATH.* listed here".into(),
        Kind::List => "list of objects, each of the fields PATH.* listed here (as JSON: [{...}])".into(),
        _ => kind.name().into(),
    }
}

/// [`values`] in Chinese.
fn values_zh(kind: &Kind) -> String {
    match kind {
        Kind::Date => "日期，YYYY-MM-DD".into(),
        Kind::Dates => "日期列表，[\"YYYY-MM-DD\", ...]（用 --set 时以逗号分隔）".into(),
        Kind::Time => "时刻，HH:MM".into(),
        Kind::Flag => "true 或 false（用 --set 时也可写 是/否）".into(),
        Kind::Region => "GB/T 2260 行政区划代码，6位或以上数字".into(),
        Kind::Whole { min, max } => format!("整数，{}至{}", grouped(*min), grouped(*max)),
        Kind::Word(v) => format!("取值之一：{}", named(v(), Lang::Zh)),
        Kind::Words(v) => format!("列表（用 --set 时以逗号分隔），各项取值：{}", named(v(), Lang::Zh)),
        Kind::Text => "文本".into(),
        Kind::Object => "对象：此处所列的 PATH.* 字段".into(),
        Kind::List => "对象列表，每项为此处所列的 PATH.* 字段（JSON：[{...}]）".into(),
        _ => kind.name().into(),
    }
}

/// A whole number with its digits in groups of three (`10,000,000,000`): the largest values a
/// field takes are read at a glance.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A vocabulary's words with their Chinese names: `floating (流动人口) | …`, in Chinese text
/// `floating（流动人口）| …` (`--set` takes either).
fn named(v: &juzhu::vocab::Vocabulary, lang: Lang) -> String {
    let (open, close, sep) = if lang == Lang::Zh { ("（", "）", "｜") } else { (" (", ")", " | ") };
    v.ids.iter().zip(v.zh).map(|(id, zh)| format!("{id}{open}{zh}{close}")).collect::<Vec<_>>().join(sep)
}

/// Each field's path, then its meaning in each language and the values it takes (once: in
/// Chinese alone under `--lang zh`, else in English, which names each word in Chinese too).
fn as_text(rule_set: juzhu::RuleSet, fields: &[&Field], langs: &[Lang]) -> String {
    let width = fields.iter().map(|f| f.path.len()).max().unwrap_or(0);
    let id = juzhu::vocab::Word::id(rule_set);
    let mut s = String::new();
    for lang in langs {
        let _ = match lang {
            Lang::Zh => writeln!(
                s,
                "{id} 案例的字段（JSON 案例中的路径；缺省或为 null 即未给出）。任一字段均可用 --set PATH=VALUE 设置；\n\
                 juzhu table 的表格以“表格列”所示名称（英文名或中文表头均可）作为列名。"
            ),
            _ => writeln!(
                s,
                "Fields of a {id} case (paths in the JSON case; absent or null = not given). Set any with --set PATH=VALUE;\n\
                 a table for juzhu table names its columns as \"table column\" says (the name, or a Chinese header)."
            ),
        };
    }
    s.push('\n');
    for f in fields {
        for (i, lang) in langs.iter().enumerate() {
            let doc = if *lang == Lang::Zh { f.doc_zh } else { f.doc };
            let _ = writeln!(s, "{:width$}  {doc}", if i == 0 { f.path } else { "" });
        }
        let values = if langs == [Lang::Zh] { values_zh(&f.kind) } else { values(&f.kind) };
        let _ = writeln!(s, "{:width$}    {}", "", values.replace("PATH", f.path));
        // Its column in a table (juzhu table, assess_batch), where it has one.
        if let Some(column) = f.column {
            let label = if langs == [Lang::Zh] { "表格列：" } else { "table column: " };
            let headers = f.headers_zh.join(if langs == [Lang::Zh] { "、" } else { ", " });
            let _ = match (langs == [Lang::Zh], headers.is_empty()) {
                (_, true) => writeln!(s, "{:width$}    {label}{column}", ""),
                (true, false) => writeln!(s, "{:width$}    {label}{column}（或 {headers}）", ""),
                (false, false) => writeln!(s, "{:width$}    {label}{column} (or {headers})", ""),
            };
        }
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
        "batch_headers_zh": f.headers_zh,
        "doc": f.doc,
        "doc_zh": f.doc_zh,
    })
}
