//! The case envelope: what every case has whatever its rule set — the day it speaks for, the
//! counting settings, and the rule set that reads the rest.
//!
//! A [`Case`] is one rule set's case (see [`crate::rules`]); this module reads the contract's
//! JSON far enough to know which rule set to hand it to, and holds the settings every rule set
//! shares ([`Policy`]).

use crate::error::{CaseError, Reason};
use crate::json::{self, Json, Obj};
use crate::record::{Field, Kind};
use crate::rules::{self, Case, RuleSet};
use crate::vocab::Word;

pub use crate::period::{AgeConvention, DayCounting};

/// The settings every rule set shares (`policy.day_counting`, `policy.age`). A rule set may have
/// settings of its own beside these.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Policy {
    /// How periods of days are counted (default `civil_code`).
    pub day_counting: DayCounting,
    /// When a person reaches N full years (default `day_after_birthday`).
    pub age: AgeConvention,
}

impl Policy {
    /// A policy with these settings.
    pub fn new(day_counting: DayCounting, age: AgeConvention) -> Policy {
        Policy { day_counting, age }
    }
}

/// The top-level fields of a case.
pub(crate) const CASE_FIELDS: &[&str] = &["as_of", "policy", "person", "reporter"];
/// The policy fields every rule set reads.
pub(crate) const POLICY_FIELDS: &[&str] = &["rule_set", "day_counting", "age"];

/// The fields of the case envelope every rule set reads (CASES.md): the assessment day and the
/// shared policy. A rule set's own fields are [`crate::RuleSet::fields`]; together they are every
/// field a case may hold (what `juzhu fields` lists).
pub const ENVELOPE: &[Field] = &[
    Field {
        path: "as_of",
        kind: Kind::Date,
        column: None,
        headers_zh: &[],
        doc: "the day the assessment speaks for (required)",
        doc_zh: "评估所针对的日期（必填）",
    },
    Field {
        path: "policy",
        kind: Kind::Object,
        column: None,
        headers_zh: &[],
        doc: "settings of the assessment (optional)",
        doc_zh: "评估设置（可选）",
    },
    Field {
        path: "policy.rule_set",
        kind: Kind::Word(<crate::RuleSet as Word>::vocabulary),
        column: None,
        headers_zh: &[],
        doc: "the rule set the case is read and assessed under (default liaoning-2013)",
        doc_zh: "读取和评估本案例所依据的规则集（默认 liaoning-2013）",
    },
    Field {
        path: "policy.day_counting",
        kind: Kind::Word(<DayCounting as Word>::vocabulary),
        column: None,
        headers_zh: &[],
        doc: "how periods of days are counted (RULES.md section 6; default civil_code)",
        doc_zh: "以日计算的期间如何计算（RULES.md 第6节；默认 civil_code）",
    },
    Field {
        path: "policy.age",
        kind: Kind::Word(<AgeConvention as Word>::vocabulary),
        column: None,
        headers_zh: &[],
        doc: "the day N full years are reached (default day_after_birthday)",
        doc_zh: "满N周岁之日如何确定（默认 day_after_birthday）",
    },
];

/// Reads the shared policy settings from a rule set's policy object.
pub(crate) fn read_policy(o: &Obj) -> Result<Policy, CaseError> {
    let d = Policy::default();
    Ok(Policy {
        day_counting: o.opt("day_counting", json::word)?.unwrap_or(d.day_counting),
        age: o.opt("age", json::word)?.unwrap_or(d.age),
    })
}

/// The rule set a case names (`policy.rule_set`), or `default`.
fn rule_set_of(top: &Obj, default: RuleSet) -> Result<(RuleSet, bool), CaseError> {
    let Some(p @ Json::Obj(entries)) = top.get("policy") else {
        // Absent, or not an object: the rule set's reader reports the latter.
        return Ok((default, false));
    };
    let _ = p;
    match entries.iter().find(|(k, _)| k == "rule_set").map(|(_, v)| v) {
        None | Some(Json::Null) => Ok((default, false)),
        Some(v) => Ok((json::word("policy.rule_set", v)?, true)),
    }
}

/// Why `path` is refused in a case of `rule_set`, if it is a field of another rule set; `named`:
/// whether the case named its rule set (else the message says how to name the other).
pub(crate) fn foreign_field(rule_set: RuleSet, path: &str, named: bool) -> Option<Reason> {
    rules::owner_of(path).filter(|&owner| owner != rule_set).map(|owner| {
        let (owner, rule_set) = (owner.id(), rule_set.id());
        if named {
            Reason::new(
                format!("is a field of rule set {owner}, not of {rule_set} (the case's policy.rule_set)"),
                format!("是规则集 {owner} 的字段；本案例的 policy.rule_set 为 {rule_set}，不使用该字段"),
            )
        } else {
            Reason::new(
                format!(
                    "is a field of rule set {owner}, not of {rule_set}, which the case is read under as it names none: \
                     set policy.rule_set to \"{owner}\""
                ),
                format!(
                    "是规则集 {owner} 的字段；本案例未指定规则集，按 {rule_set} 读取，不使用该字段：\
                     请将 policy.rule_set 设为 \"{owner}\""
                ),
            )
        }
    })
}

/// Reads a case from a parsed tree: the envelope here, the rest by its rule set (`default` when
/// the case names none).
pub(crate) fn read(j: &Json, default: RuleSet) -> Result<Case, CaseError> {
    if !matches!(j, Json::Obj(_)) {
        return Err(CaseError::new(
            "",
            format!("a case is a JSON object, found {}", j.kind()),
            format!("案例应为 JSON 对象，{}", j.found_zh()),
        ));
    }
    let top = Obj::new("", j, CASE_FIELDS)?;
    let as_of = top.require("as_of", "the day the assessment speaks for", "评估日", json::date)?;
    let (rule_set, named) = rule_set_of(&top, default)?;
    rules::read_case(rule_set, &top, as_of, &|path: &str| foreign_field(rule_set, path, named))
}

impl Case {
    /// Reads a case from the contract's JSON (`spec/CASES.md`). Unknown fields, duplicate keys,
    /// wrong types and impossible dates are refused with the field's path; a field of another
    /// rule set is refused naming the rule set that uses it.
    ///
    /// # Errors
    /// Input that is not JSON, an unknown or duplicate field, a wrong type or an impossible date,
    /// with the field's path.
    pub fn from_json(json: &str) -> Result<Case, CaseError> {
        read(&json::parse(json)?, RuleSet::default())
    }

    /// [`Case::from_json`] for a case that may leave its rule set to the caller: one naming no
    /// `policy.rule_set` is read (and assessed) under `rule_set`; one naming a rule set is read
    /// under the one it names. (The command line's `--rule-set` is this.)
    ///
    /// ```
    /// use juzhu::{Case, RuleSet};
    /// let text = r#"{"as_of":"2024-10-02","person":{"residing_since":"2024-01-02","other_city":true}}"#;
    /// assert!(Case::from_json(text).is_err()); // residing_since is not a liaoning-2013 field
    /// let case = Case::from_json_in(text, RuleSet::China2016).unwrap();
    /// assert_eq!(juzhu::assess(&case).unwrap().to_value()["rule_set"], "china-2016");
    /// ```
    ///
    /// # Errors
    /// As [`Case::from_json`].
    pub fn from_json_in(json: &str, rule_set: RuleSet) -> Result<Case, CaseError> {
        read(&json::parse(json)?, rule_set)
    }

    /// [`Case::from_json_in`] after `settings` are made in the JSON: each sets the value at a
    /// dotted path (`person.arrival_date`), replacing that key or adding it, with objects made on
    /// the way — how the command line's `--set` builds or amends a case. A key the text gives
    /// twice is still refused, and every value set is read with the same checks as the text's.
    ///
    /// ```
    /// use juzhu::{Case, RuleSet};
    /// use serde_json::json;
    /// let settings = [("as_of", json!("2024-10-02")), ("person.category", json!("floating")),
    ///                 ("person.arrival_date", json!("2024-09-28"))];
    /// let case = Case::from_json_with("{}", RuleSet::default(), &settings).unwrap();
    /// assert_eq!(juzhu::assess(&case).unwrap().to_value()["registration"]["deadline"], "2024-10-08");
    /// let bad = [("person.arrival_date", json!("2024-09-31"))];
    /// let text = r#"{"as_of":"2024-10-02","person":{"category":"floating","arrival_date":"2024-09-28"}}"#;
    /// assert_eq!(Case::from_json_with(text, RuleSet::default(), &bad).unwrap_err().field(), "person.arrival_date");
    /// ```
    ///
    /// # Errors
    /// As [`Case::from_json`]; and a setting whose path is not a field path, or passes through a
    /// value that is not an object, naming the path.
    pub fn from_json_with<P: AsRef<str>>(
        json: &str,
        rule_set: RuleSet,
        settings: &[(P, serde_json::Value)],
    ) -> Result<Case, CaseError> {
        let mut j = json::parse(json)?;
        for (path, value) in settings {
            json::set(&mut j, path.as_ref(), Json::from_value(value))?;
        }
        read(&j, rule_set)
    }

    /// Reads a case from JSON bytes, which must be UTF-8 (same checks as [`Case::from_json`]).
    ///
    /// # Errors
    /// As [`Case::from_json`], and bytes that are not UTF-8.
    pub fn from_json_bytes(json: &[u8]) -> Result<Case, CaseError> {
        read(&json::parse_bytes(json)?, RuleSet::default())
    }

    /// Reads a case from a parsed `serde_json::Value`, with the checks of [`Case::from_json`]
    /// except what parsing already lost: a key given twice in the text reaches the `Value` once
    /// (the last one wins, where `from_json` refuses the case), and an object's keys come in the
    /// `Value`'s order (sorted, unless `serde_json`'s `preserve_order` is on), so of two unknown keys
    /// the error may name the other one. Prefer [`Case::from_json`] on text as received.
    ///
    /// # Errors
    /// As [`Case::from_json`].
    pub fn from_value(value: &serde_json::Value) -> Result<Case, CaseError> {
        read(&Json::from_value(value), RuleSet::default())
    }

    /// [`Case::from_value`] with `rule_set` for a case naming none (as [`Case::from_json_in`]).
    ///
    /// # Errors
    /// As [`Case::from_json`].
    pub fn from_value_in(value: &serde_json::Value, rule_set: RuleSet) -> Result<Case, CaseError> {
        read(&Json::from_value(value), rule_set)
    }
}

impl Case {
    /// The case as the contract's JSON (`spec/CASES.md`), what [`Case::from_value`] reads back as
    /// this same case: for storing with its answer (which law applied to which facts), sending
    /// on, or editing. Every setting is written, defaults included — `policy.rule_set` among them,
    /// so the text is read under the same rule set wherever it goes; a value the case leaves out
    /// (an absent date, a flag that is not set, an empty list) is left out.
    ///
    /// The identity number is written whole, as the case holds it: it is personal data (RULES.md
    /// §8), to be kept as the case is kept and never logged. (`Debug` masks it; this is why `Case`
    /// has no `serde::Serialize`, which loggers and tracers reach for.)
    ///
    /// ```
    /// use juzhu::Case;
    /// let text = r#"{"as_of":"2024-10-02","person":{"category":"floating","arrival_date":"2024-09-28"}}"#;
    /// let case = Case::from_json(text).unwrap();
    /// let value = case.to_value();
    /// assert_eq!(value["policy"]["rule_set"], "liaoning-2013");
    /// assert_eq!(value["person"]["arrival_date"], "2024-09-28");
    /// assert_eq!(Case::from_value(&value).unwrap(), case);
    /// ```
    pub fn to_value(&self) -> serde_json::Value {
        rules::case_value(self)
    }

    /// [`Case::to_value`] as JSON text (compact).
    pub fn to_json(&self) -> String {
        self.to_value().to_string()
    }
}

/// A day as the contract writes it, ISO text (the library's one date writer).
fn iso(day: chrono::NaiveDate) -> serde_json::Value {
    crate::date::format_iso(crate::date::from_naive(day)).into()
}

/// A JSON object written field by field (a case's, for [`Case::to_value`]): a value the reader
/// takes as absent (`None`, a flag not set, an empty list) is left out.
#[derive(Default)]
pub(crate) struct Written(serde_json::Map<String, serde_json::Value>);

impl Written {
    /// An object with the envelope of a case of `rule_set`: `as_of` and the `policy` object with
    /// the rule set, the shared settings and the rule set's own (`own`).
    pub(crate) fn case(as_of: chrono::NaiveDate, rule_set: RuleSet, policy: Policy, own: Written) -> Written {
        let mut settings = Written::default()
            .word("rule_set", Some(rule_set))
            .word("day_counting", Some(policy.day_counting))
            .word("age", Some(policy.age));
        settings.0.extend(own.0);
        Written::default().date("as_of", Some(as_of)).put("policy", Some(settings.done()))
    }

    /// `key` set to `value` when there is one.
    pub(crate) fn put(mut self, key: &str, value: Option<serde_json::Value>) -> Written {
        if let Some(v) = value {
            self.0.insert(key.to_owned(), v);
        }
        self
    }

    /// A date as ISO text.
    pub(crate) fn date(self, key: &str, day: Option<chrono::NaiveDate>) -> Written {
        self.put(key, day.map(iso))
    }

    /// Dates as a list of ISO texts (left out when there are none).
    pub(crate) fn dates(self, key: &str, days: &[chrono::NaiveDate]) -> Written {
        let list = days.iter().copied().map(iso).collect();
        self.put(key, (!days.is_empty()).then_some(serde_json::Value::Array(list)))
    }

    /// A word by its id.
    pub(crate) fn word<W: Word>(self, key: &str, word: Option<W>) -> Written {
        self.put(key, word.map(|w| w.id().into()))
    }

    /// Words as a list of ids (left out when there are none).
    pub(crate) fn words<W: Word + Copy>(self, key: &str, words: &[W]) -> Written {
        let list = words.iter().map(|w| w.id().into()).collect();
        self.put(key, (!words.is_empty()).then_some(serde_json::Value::Array(list)))
    }

    /// Text as it is.
    pub(crate) fn text(self, key: &str, text: Option<&str>) -> Written {
        self.put(key, text.map(Into::into))
    }

    /// A flag, written only when set (the reader's default is unset).
    pub(crate) fn flag(self, key: &str, on: bool) -> Written {
        self.put(key, on.then_some(serde_json::Value::Bool(true)))
    }

    /// Objects as a list (left out when there are none).
    pub(crate) fn list<T>(self, key: &str, items: &[T], each: impl Fn(&T) -> Written) -> Written {
        let list = items.iter().map(|i| each(i).done()).collect();
        self.put(key, (!items.is_empty()).then_some(serde_json::Value::Array(list)))
    }

    /// The object.
    pub(crate) fn done(self) -> serde_json::Value {
        serde_json::Value::Object(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Case {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tree = Json::deserialize(d)?;
        read(&tree, RuleSet::default()).map_err(<D::Error as serde::de::Error>::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn zh(text: &str) -> String {
        Case::from_json(text).and_then(|c| crate::assess(&c)).unwrap_err().to_string_in(Lang::Zh)
    }

    #[test]
    fn refusals_are_worded_in_chinese_too() {
        assert_eq!(zh("[]"), "案例应为 JSON 对象，实为数组");
        assert_eq!(zh("null"), "案例应为 JSON 对象，实为 null");
        assert_eq!(zh(r#"{"person": {}}"#), "as_of：为必填项（评估日）");
        assert_eq!(
            zh(r#"{"as_of": "2024-10-02", "asof": 1}"#),
            "asof：是未知字段（是否应为 as_of？）；此处可用的字段为 as_of、policy、person、reporter"
        );
        assert_eq!(
            zh(r#"{"as_of": "2024-10-02", "person": {"residing_since": "2024-01-02"}}"#),
            "person.residing_since：是规则集 china-2016 的字段；本案例未指定规则集，按 liaoning-2013 读取，\
             不使用该字段：请将 policy.rule_set 设为 \"china-2016\""
        );
        assert_eq!(
            zh(r#"{"as_of": "2024-10-02", "policy": {"rule_set": "liaoning-2013"}, "person": {"residing_since": "2024-01-02"}}"#),
            "person.residing_since：是规则集 china-2016 的字段；本案例的 policy.rule_set 为 liaoning-2013，不使用该字段"
        );
        assert_eq!(
            zh(r#"{"as_of": "2012-01-01", "person": {"category": "permanent"}}"#),
            "as_of：2012-01-01 早于《辽宁省实有人口服务管理办法》的施行日期（2013-04-01）"
        );
        assert_eq!(
            zh(
                r#"{"as_of": "2015-01-01", "policy": {"rule_set": "china-2016"}, "person": {"residing_since": "2014-01-02"}}"#
            ),
            "as_of：2015-01-01 早于《居住证暂行条例》的施行日期（2016-01-01）"
        );
    }

    #[test]
    fn the_envelope_table_lists_what_the_reader_reads() {
        // Every envelope field is read (the reader's key lists), and every key the reader takes
        // that belongs to no rule set is in the table.
        let top: Vec<_> = ENVELOPE.iter().filter(|f| !f.path.contains('.')).map(|f| f.path).collect();
        assert_eq!(top, ["as_of", "policy"]);
        assert!(top.iter().all(|k| CASE_FIELDS.contains(k)));
        assert!(CASE_FIELDS.iter().all(|k| top.contains(k) || ["person", "reporter"].contains(k)));
        assert_eq!(Field::keys_under(ENVELOPE, "policy"), POLICY_FIELDS);
    }
}
