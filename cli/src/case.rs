//! From input text to an assessment: a bare case or an acceptance case's `input`, with the
//! `--rule-set` setting applied, assessed with a calendar.

use juzhu::privacy::{quote, quote_zh};
use juzhu::vocab::Word;
use juzhu::{Assessment, Calendar, Case, CaseError, Lang, RuleSet};
use serde_json::Value;
use std::fmt;

/// Refused input: the core's [`CaseError`] (field, and the reason in English and Chinese), or
/// the command's own refusal of input that is not a case at all. Messages never hold a whole
/// identity number: those from the core are masked, and the command's own quote no input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused(CaseError);

impl Refused {
    /// Input that is not a case at all (encoding, not JSON), in English and Chinese.
    pub fn input(en: impl Into<String>, zh: impl Into<String>) -> Refused {
        Refused(CaseError::new("", en, zh))
    }

    /// The field refused.
    #[cfg(test)]
    pub fn field(&self) -> &str {
        self.0.field()
    }

    /// The contract's error JSON, `{"error":{"field":…,"message":…,"message_zh":…}}`.
    pub fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// `field: message` in `lang` after `prefix` (English) or `prefix_zh` (Chinese); with both,
    /// the English line first (scripts look for `refused:` at the start), then the Chinese.
    pub fn lines(&self, lang: Option<Lang>, prefix: &str, prefix_zh: &str) -> String {
        let line = |l: Lang| {
            let prefix = if l == Lang::Zh { prefix_zh } else { prefix };
            format!("{prefix}{}\n", self.0.to_string_in(l))
        };
        match lang {
            Some(l) => line(l),
            None => line(Lang::En) + &line(Lang::Zh),
        }
    }

    /// `field: message` in `lang` (`field：原因` in Chinese).
    pub fn text_in(&self, lang: Lang) -> String {
        self.0.to_string_in(lang)
    }

    /// A refusal of one line of `--jsonl` input, which the reader saw as a text of one line: its
    /// JSON syntax error names the input's line `number` (`at line 3 column 25`, `第 3 行`).
    pub fn on_line(self, number: usize) -> Refused {
        let e = &self.0;
        if !e.field().is_empty() || number == 1 {
            return self;
        }
        Refused(CaseError::new(
            e.field(),
            e.message().replace(" at line 1 column ", &format!(" at line {number} column ")),
            e.message_zh().replace("第 1 行第", &format!("第 {number} 行第")),
        ))
    }

    /// The refusal with `en` and `zh` added to its reason.
    fn with(self, en: &str, zh: &str) -> Refused {
        let e = &self.0;
        Refused(CaseError::new(e.field(), [e.message(), en].concat(), [e.message_zh(), zh].concat()))
    }
}

impl From<CaseError> for Refused {
    fn from(e: CaseError) -> Refused {
        Refused(e)
    }
}

impl fmt::Display for Refused {
    /// `field: message`, in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// What the command line says about reading a case: `--rule-set`, and the `--set` / `--as-of`
/// settings made in it.
#[derive(Clone, Debug, Default)]
pub struct Reading {
    /// The `--rule-set` setting.
    pub rule_set: Option<RuleSet>,
    /// The settings, in order (`--as-of` as `as_of`).
    pub settings: Vec<(String, Value)>,
}

impl Reading {
    /// A reading under `rule_set` with no settings.
    #[cfg(test)]
    pub fn under(rule_set: Option<RuleSet>) -> Reading {
        Reading { rule_set, settings: Vec::new() }
    }

    /// The value a setting gives `path` last, if any.
    fn setting(&self, path: &str) -> Option<&Value> {
        self.settings.iter().rev().find(|(p, _)| p == path).map(|(_, v)| v)
    }
}

/// Reads and assesses one case's text with `cal`.
pub fn assess_text(text: &str, reading: &Reading, cal: &Calendar) -> Result<Assessment, Refused> {
    let case = read_case(text, reading)?;
    Ok(juzhu::assess_with(&case, cal)?)
}

/// For the readable report on the terminal: a required part missing from the case, with how the
/// command line gives it (the JSON answers keep the library's words, as every face has them).
pub fn terminal_advice(refused: &Refused) -> Refused {
    let refused = refused.clone();
    let missing = refused.0.message().starts_with("is required");
    match refused.0.field() {
        "as_of" if missing => {
            refused.with(" — give it with --as-of DATE or --as-of today", "——可用 --as-of 日期 或 --as-of today 给出")
        }
        "person" if missing => refused.with(
            " — give its fields with --set person.FIELD=VALUE (juzhu fields lists them)",
            "——可用 --set person.字段=值 给出（字段见 juzhu fields）",
        ),
        _ => refused,
    }
}

/// The keys of an acceptance case (`../shared/cases/README.md`).
const ACCEPTANCE_KEYS: &[&str] =
    &["input", "expect", "expect_contains", "expect_notices", "expect_error", "name", "description"];

/// Reads a bare case, or the `input` of an acceptance case (`{"input": {...}, "expect": ...}`:
/// an object holding `input` and only the keys of that format; anything else is read as a bare
/// case), and applies the `--rule-set` setting: a case naming no rule set is read under it (its
/// fields are that rule set's); a case naming another is refused at `policy.rule_set`. Either
/// way the case is read from its own text, so that a key given twice is refused.
pub fn read_case(text: &str, reading: &Reading) -> Result<Case, Refused> {
    let rule_set = reading.rule_set;
    let default = rule_set.unwrap_or_default();
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        // Not JSON: the core says why in its own words (or, should it read what serde_json
        // does not, the case is read from the text).
        return Case::from_json_in(text, default).map_err(|e| with_jsonl_hint(e.into(), text));
    };
    let acceptance = matches!(&value, Value::Object(m)
        if m.contains_key("input") && m.keys().all(|k| ACCEPTANCE_KEYS.contains(&k.as_str())));
    // A case naming another rule set than --rule-set is refused before it is read: its fields
    // are another rule set's.
    if let Some(wanted) = rule_set {
        let case = if acceptance { value.get("input").unwrap_or(&Value::Null) } else { &value };
        let named = reading
            .setting("policy.rule_set")
            .unwrap_or_else(|| case.pointer("/policy/rule_set").unwrap_or(&Value::Null));
        if let Some(named) = named.as_str() {
            if named != wanted.id() {
                return Err(Refused(CaseError::new(
                    "policy.rule_set",
                    format!("the case names {}, but --rule-set {} was given", quote(named), wanted.id()),
                    format!("案例指定了 {}，但命令行给出了 --rule-set {}", quote_zh(named), wanted.id()),
                )));
            }
        }
    }
    if acceptance {
        // The input's own text, as written (serde_json's raw value), for the core to read.
        let wrapper: std::collections::HashMap<String, Box<serde_json::value::RawValue>> =
            serde_json::from_str(text)
                .map_err(|e| Refused::input(format!("not valid JSON: {e}"), format!("不是有效的 JSON（{e}）")))?;
        if let Some(input) = wrapper.get("input") {
            return Case::from_json_with(input.get(), default, &reading.settings)
                .map_err(|e| flag_advice(e.into(), rule_set));
        }
    }
    Case::from_json_with(text, default, &reading.settings).map_err(|e| flag_advice(e.into(), rule_set))
}

/// A field of another rule set in a case read under `--rule-set`: the library advises naming the
/// other in `policy.rule_set`, which the flag would then refuse; say the flag is the other way.
fn flag_advice(refused: Refused, flag: Option<RuleSet>) -> Refused {
    match flag {
        Some(flag) if refused.0.message().contains("as it names none: set policy.rule_set") => refused
            .with(&format!(" and leave out --rule-set {}", flag.id()), &format!("，并去掉 --rule-set {}", flag.id())),
        _ => refused,
    }
}

/// A file of one case per line read as one case fails after its first line: say so.
fn with_jsonl_hint(refused: Refused, text: &str) -> Refused {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    // Its first line a whole JSON object, and more after it: JSON lines, not one case.
    let first_is_a_case = lines.next().is_some_and(|l| serde_json::from_str::<Value>(l).is_ok_and(|v| v.is_object()));
    if refused.0.field().is_empty()
        && refused.0.message().contains("trailing characters")
        && first_is_a_case
        && lines.next().is_some()
    {
        return refused.with(" (one case per line? read them with --jsonl)", "；如为每行一个案例，请改用 --jsonl 读取");
    }
    refused
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASE: &str = r#"{"as_of":"2024-10-02","person":{"category":"floating","arrival_date":"2024-09-28"}}"#;

    fn rule_set_of(a: &Assessment) -> String {
        a.to_value()["rule_set"].as_str().unwrap_or_default().to_owned()
    }

    #[test]
    fn a_bare_case_and_an_acceptance_case_read_alike() {
        let bare = assess_text(CASE, &Reading::default(), Calendar::china()).unwrap();
        let wrapped = format!(r#"{{"input":{CASE},"expect":{{}}}}"#);
        let acc = assess_text(&wrapped, &Reading::default(), Calendar::china()).unwrap();
        assert_eq!(bare.to_json(), acc.to_json());
    }

    #[test]
    fn a_key_given_twice_in_a_bare_case_is_refused() {
        let e =
            read_case(r#"{"as_of":"2024-10-02","as_of":"2024-10-03","person":{}}"#, &Reading::default()).unwrap_err();
        assert_eq!(e.field(), "as_of");
        // ... and inside an acceptance case's input.
        let e = read_case(
            r#"{"input":{"as_of":"2024-10-02","as_of":"2012-01-01","person":{}},"expect":{}}"#,
            &Reading::default(),
        )
        .unwrap_err();
        assert_eq!(e.field(), "as_of");
        assert!(e.to_string().contains("more than once"), "{e}");
    }

    #[test]
    fn only_the_acceptance_format_is_unwrapped() {
        // A key that is no part of the format: the object is read as a bare case, and refused as
        // the other faces refuse it.
        let e = read_case(&format!(r#"{{"input":{CASE},"bogus":1}}"#), &Reading::default()).unwrap_err();
        assert_eq!(e.field(), "input");
        let e = read_case(r#"{"input":5,"person":{"category":"permanent"}}"#, &Reading::default()).unwrap_err();
        assert_eq!(e.field(), "input");
        let wrapped = format!(r#"{{"name":"n","description":"d","input":{CASE},"expect":{{}},"expect_notices":[]}}"#);
        assert!(read_case(&wrapped, &Reading::default()).is_ok());
    }

    #[test]
    fn not_json_is_refused_by_the_core() {
        let e = read_case("{", &Reading::default()).unwrap_err();
        assert_eq!(e.field(), "");
        assert_eq!(read_case("", &Reading::under(Some(RuleSet::ALL[0]))).unwrap_err().field(), "");
    }

    #[test]
    fn the_rule_set_setting_fills_in_and_never_overrides() {
        let every = RuleSet::ALL;
        for &wanted in every {
            // A case naming none: the setting applies (with or without a policy object).
            let a = assess_text(CASE, &Reading::under(Some(wanted)), Calendar::china());
            if let Ok(a) = a {
                assert_eq!(rule_set_of(&a), wanted.id());
            }
            // A case of the chosen rule set's own fields, naming none: read under the setting,
            // bare or wrapped, with or without a policy object.
            let own = match wanted {
                RuleSet::China2016 => {
                    r#"{"as_of":"2024-10-02","person":{"residing_since":"2024-01-02","other_city":true}}"#.to_owned()
                }
                _ => CASE.to_owned(),
            };
            for text in [
                own.clone(),
                format!(r#"{{"input":{own},"expect":{{}}}}"#),
                own.replacen('{', r#"{"policy":{"day_counting":"calendar"},"#, 1),
                own.replacen('{', r#"{"policy":null,"#, 1),
            ] {
                let a = assess_text(&text, &Reading::under(Some(wanted)), Calendar::china())
                    .unwrap_or_else(|e| panic!("{text}: {e}"));
                assert_eq!(rule_set_of(&a), wanted.id(), "{text}");
            }
            let with_policy = CASE.replacen('{', r#"{"policy":{"day_counting":"calendar"},"#, 1);
            let c = read_case(&with_policy, &Reading::under(Some(wanted)));
            assert!(c.is_ok() || c.unwrap_err().field().starts_with("person"));
            // A case naming the same one: fine; naming another: refused at policy.rule_set.
            for &named in every {
                let text = CASE.replacen('{', &format!(r#"{{"policy":{{"rule_set":"{}"}},"#, named.id()), 1);
                match read_case(&text, &Reading::under(Some(wanted))) {
                    Err(e) if named != wanted => assert_eq!(e.field(), "policy.rule_set"),
                    Ok(_) if named == wanted => {}
                    Err(e) if e.field().starts_with("person") => {}
                    other => panic!("{named} vs {wanted}: {other:?}"),
                }
            }
        }
    }

    #[test]
    fn a_refusal_prints_as_the_contract_has_it() {
        let e =
            read_case(r#"{"as_of":"2024-02-30","person":{"category":"permanent"}}"#, &Reading::default()).unwrap_err();
        assert_eq!(e.to_string(), "as_of: 2024-02-30 is not a date");
        let v: Value = serde_json::from_str(&e.to_json()).unwrap();
        assert_eq!(v["error"]["field"], "as_of");
        assert_eq!(Refused::input("x", "甲").to_string(), "x");
    }
}
