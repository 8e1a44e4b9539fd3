//! `--set PATH=VALUE`: a value typed at the terminal turned into the JSON its field takes, by the
//! field's kind in the tables cases are read by (`juzhu::case::ENVELOPE`, `RuleSet::fields`). A
//! date, a word or an identity number is text even when it is all digits
//! (`person.id_number=110105199005011002`); a list field takes one value or several separated by
//! commas; a word may be typed as its Chinese name (`流动人口` for `floating`); a flag as `是`/`否`.
//! Only the form is translated here: every value is then checked by the library's case reader,
//! which refuses what it does not take with the field named.

use juzhu::record::{Field, Kind};
use juzhu::vocab::Vocabulary;
use juzhu::vocab::Word;
use juzhu::RuleSet;
use serde_json::Value;

/// The field at `path`: in the envelope, the rule set given (if any), then any rule set.
fn field(path: &str, rule_set: Option<RuleSet>) -> Option<&'static Field> {
    let tables = std::iter::once(juzhu::case::ENVELOPE)
        .chain(rule_set.map(RuleSet::fields))
        .chain(RuleSet::ALL.iter().map(|r| r.fields()));
    tables.flat_map(|t| t.iter()).find(|f| f.path == path)
}

/// A word typed as its id or its Chinese name: the id.
fn word(raw: &str, vocabulary: &Vocabulary) -> Value {
    let id = vocabulary.zh.iter().position(|zh| *zh == raw).map_or(raw, |i| vocabulary.ids[i]);
    Value::String(id.to_owned())
}

/// The JSON value of `raw` for the field at `path` (`rule_set`: the one the case is read under,
/// where known). Explicit JSON — `null`, a quoted string, a list in brackets — is taken as written
/// for any field; otherwise the field's kind decides, and a path that is no field gets JSON
/// where `raw` is JSON, else text (the reader then refuses the path).
pub fn value_for(path: &str, raw: &str, rule_set: Option<RuleSet>) -> Value {
    let raw = raw.trim();
    let json = serde_json::from_str::<Value>(raw).ok();
    if let Some(v @ (Value::Null | Value::String(_) | Value::Array(_) | Value::Object(_))) = &json {
        return v.clone();
    }
    let text = || Value::String(raw.to_owned());
    let Some(f) = field(path, rule_set) else {
        return json.unwrap_or_else(text);
    };
    match f.kind {
        Kind::Word(v) => word(raw, v()),
        Kind::Dates | Kind::Words(_) => Value::Array(
            list_items(raw, f.kind.vocabulary())
                .into_iter()
                .map(|s| match f.kind.vocabulary() {
                    Some(v) => word(&s, v),
                    None => Value::String(s),
                })
                .collect(),
        ),
        Kind::Flag => match raw {
            "是" => Value::Bool(true),
            "否" => Value::Bool(false),
            _ => json.unwrap_or_else(text),
        },
        Kind::Whole { .. } | Kind::Object | Kind::List => json.unwrap_or_else(text),
        // Dates, times, division codes, identity numbers: text, as the contract writes them.
        _ => text(),
    }
}

/// The items of a list typed at the terminal, separated by `,`, `，` or `、` — except where a
/// word's Chinese name holds one of those itself (`出租、出借、转让居住证`): such a name, typed
/// whole, is one item.
fn list_items(raw: &str, vocabulary: Option<&Vocabulary>) -> Vec<String> {
    // The pieces between separators, each with the separator that follows it ("" for the last).
    let mut pieces: Vec<(&str, &str)> = Vec::new();
    let mut from = 0;
    for (at, c) in raw.char_indices().filter(|(_, c)| matches!(c, ',' | '，' | '、')) {
        pieces.push((&raw[from..at], &raw[at..at + c.len_utf8()]));
        from = at + c.len_utf8();
    }
    pieces.push((&raw[from..], ""));
    let names: &[&str] = vocabulary.map_or(&[], |v| v.zh);
    // Pieces `i..j` as typed, the separators between them kept.
    let joined = |i: usize, j: usize| -> String {
        let mut s = String::new();
        for (k, (piece, sep)) in pieces[i..j].iter().enumerate() {
            s.push_str(piece);
            if i + k + 1 < j {
                s.push_str(sep);
            }
        }
        s
    };
    let mut items = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        // The longest run from here that is a word's name, else the one piece.
        let end = (i + 2..=pieces.len()).rev().find(|&j| names.contains(&joined(i, j).trim())).unwrap_or(i + 1);
        let item = joined(i, end);
        if !item.trim().is_empty() {
            items.push(item.trim().to_owned());
        }
        i = end;
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_kind_takes_what_a_clerk_types() {
        let cases = [
            ("person.id_number", "110105199005011002", json!("110105199005011002")),
            ("person.arrival_date", "2024-09-28", json!("2024-09-28")),
            ("person.arrival_date", " 2024-09-28 ", json!("2024-09-28")),
            ("person.arrival_date", "20240928", json!("20240928")),
            ("person.hukou_region", "000021", json!("000021")),
            ("person.hukou_region", "110105", json!("110105")),
            ("person.arrival_time", "09:30", json!("09:30")),
            ("person.category", "floating", json!("floating")),
            ("person.category", "流动人口", json!("floating")),
            ("person.studying", "true", json!(true)),
            ("person.studying", "是", json!(true)),
            ("person.studying", "否", json!(false)),
            ("person.permit.validity_years", "2", json!(2)),
            ("person.planned_departure", "null", json!(null)),
            ("person.notes", "5", json!(5)),
            ("person.notes", "x y", json!("x y")),
            ("as_of", "2024-10-02", json!("2024-10-02")),
            ("policy.day_counting", "calendar", json!("calendar")),
            ("reporter.concealed", "3", json!(3)),
            ("person.id_number", "\"110105199005011002\"", json!("110105199005011002")),
        ];
        for (path, raw, want) in cases {
            assert_eq!(value_for(path, raw, None), want, "{path}={raw}");
        }
        let c16 = Some(RuleSet::China2016);
        assert_eq!(value_for("person.permit.endorsed_on", "2024-06-20", c16), json!(["2024-06-20"]));
        assert_eq!(
            value_for("person.permit.endorsed_on", "2024-06-20, 2025-06-18", c16),
            json!(["2024-06-20", "2025-06-18"])
        );
        assert_eq!(value_for("person.permit.endorsed_on", r#"["2024-06-20"]"#, c16), json!(["2024-06-20"]));
        assert_eq!(value_for("person.stable_employment", "是", c16), json!(true));
        let conduct = value_for("person.conduct", "forged_permit", c16);
        assert_eq!(conduct, json!(["forged_permit"]));
        // A Chinese name that holds a list separator itself is one item; others around it split.
        let name = juzhu::rules::china_2016::penalties::Offence::ALL
            .iter()
            .map(|o| o.zh())
            .find(|zh| zh.contains('、'))
            .expect("an offence named with 、");
        let id = juzhu::rules::china_2016::penalties::Offence::ALL.iter().find(|o| o.zh() == name).unwrap().id();
        assert_eq!(value_for("person.conduct", name, c16), json!([id]));
        assert_eq!(value_for("person.conduct", &format!("forged_permit、{name}"), c16), json!(["forged_permit", id]));
        assert_eq!(value_for("person.conduct", &format!("{name}，forged_permit"), c16), json!([id, "forged_permit"]));
        assert_eq!(
            value_for("person.permit.endorsed_on", "2024-06-20、2025-06-18,", c16),
            json!(["2024-06-20", "2025-06-18"])
        );
    }
}
