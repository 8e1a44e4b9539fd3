//! Reading the contract's JSON with a path for every error.
//!
//! The JSON is first parsed into [`Json`], a tree that keeps every key of an object in order
//! (so a duplicate key is seen, not silently dropped); readers then walk it field by field,
//! refusing unknown fields and naming the dotted path of whatever is wrong.

use crate::case::{Case, Change, HeldPermit, Person, Policy, Reporter, Subject};
use crate::date::{parse_iso, to_naive};
use crate::error::CaseError;
use crate::id_number::IdNumber;
use crate::privacy::{key as show_key, quote};
use crate::vocab::Word;
use chrono::NaiveDate;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A parsed JSON value whose objects keep duplicate keys.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true or false",
            Json::Int(_) | Json::UInt(_) | Json::Float(_) => "a number",
            Json::Str(_) => "a string",
            Json::Arr(_) => "an array",
            Json::Obj(_) => "an object",
        }
    }

    /// Converts a `serde_json::Value` (which cannot hold duplicate keys).
    pub(crate) fn from_value(v: &serde_json::Value) -> Json {
        use serde_json::Value as V;
        match v {
            V::Null => Json::Null,
            V::Bool(b) => Json::Bool(*b),
            V::Number(n) => {
                if let Some(u) = n.as_u64() {
                    Json::UInt(u)
                } else if let Some(i) = n.as_i64() {
                    Json::Int(i)
                } else {
                    Json::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            V::String(s) => Json::Str(s.clone()),
            V::Array(a) => Json::Arr(a.iter().map(Json::from_value).collect()),
            V::Object(o) => Json::Obj(o.iter().map(|(k, v)| (k.clone(), Json::from_value(v))).collect()),
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Json;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
                Ok(Json::Bool(b))
            }
            fn visit_i64<E>(self, i: i64) -> Result<Json, E> {
                Ok(if i >= 0 { Json::UInt(i as u64) } else { Json::Int(i) })
            }
            fn visit_u64<E>(self, u: u64) -> Result<Json, E> {
                Ok(Json::UInt(u))
            }
            fn visit_f64<E>(self, f: f64) -> Result<Json, E> {
                Ok(Json::Float(f))
            }
            fn visit_str<E>(self, s: &str) -> Result<Json, E> {
                Ok(Json::Str(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<Json, E> {
                Ok(Json::Str(s))
            }
            fn visit_unit<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_none<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
                Json::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Json::Arr(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Json>()? {
                    entries.push((k, v));
                }
                Ok(Json::Obj(entries))
            }
        }
        d.deserialize_any(V)
    }
}

/// Parses JSON text into a [`Json`] tree; the error has an empty field.
pub(crate) fn parse(text: &str) -> Result<Json, CaseError> {
    serde_json::from_str(text).map_err(|e| CaseError::new("", format!("not valid JSON: {e}")))
}

/// Parses JSON bytes (checked to be UTF-8 by `serde_json`).
pub(crate) fn parse_bytes(bytes: &[u8]) -> Result<Json, CaseError> {
    serde_json::from_slice(bytes).map_err(|e| CaseError::new("", format!("not valid JSON: {e}")))
}

/// `prefix.key`, with the key shown safely.
pub(crate) fn join(prefix: &str, key: &str) -> String {
    let k = show_key(key);
    if prefix.is_empty() {
        k
    } else {
        format!("{prefix}.{k}")
    }
}

/// An object being read: its path and its entries.
pub(crate) struct Obj<'a> {
    path: String,
    entries: &'a [(String, Json)],
}

impl<'a> Obj<'a> {
    /// Checks that `j` is an object with only `known` keys, each at most once.
    pub(crate) fn new(path: &str, j: &'a Json, known: &[&str]) -> Result<Obj<'a>, CaseError> {
        let Json::Obj(entries) = j else {
            return Err(CaseError::new(path, format!("expected an object, found {}", j.kind())));
        };
        for (i, (k, _)) in entries.iter().enumerate() {
            if !known.contains(&k.as_str()) {
                return Err(CaseError::new(
                    join(path, k),
                    format!("is not a known field; the known fields here are {}", known.join(", ")),
                ));
            }
            if entries[..i].iter().any(|(earlier, _)| earlier == k) {
                return Err(CaseError::new(join(path, k), "appears more than once"));
            }
        }
        Ok(Obj { path: path.to_owned(), entries })
    }

    /// The value of `key`, `None` when absent or `null`.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Json> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| !matches!(v, Json::Null))
    }

    /// The path of `key` in this object.
    pub(crate) fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// Reads an optional value with `read`.
    pub(crate) fn opt<T>(
        &self,
        key: &str,
        read: impl FnOnce(&str, &Json) -> Result<T, CaseError>,
    ) -> Result<Option<T>, CaseError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => read(&self.path(key), v).map(Some),
        }
    }

    /// Reads a required value with `read`.
    pub(crate) fn req<T>(
        &self,
        key: &str,
        what: &str,
        read: impl FnOnce(&str, &Json) -> Result<T, CaseError>,
    ) -> Result<T, CaseError> {
        match self.get(key) {
            None => Err(CaseError::new(self.path(key), format!("is required ({what})"))),
            Some(v) => read(&self.path(key), v),
        }
    }
}

/// A strict `YYYY-MM-DD` date.
pub(crate) fn date(path: &str, j: &Json) -> Result<NaiveDate, CaseError> {
    day(path, j).map(to_naive)
}

/// A strict `YYYY-MM-DD` date as a day number.
pub(crate) fn day(path: &str, j: &Json) -> Result<i32, CaseError> {
    match j {
        Json::Str(s) => parse_iso(s).ok_or_else(|| {
            let shaped = s.len() == 10
                && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
            if shaped {
                CaseError::new(path, format!("{s} is not a date"))
            } else {
                CaseError::new(path, format!("{} is not a date in the form YYYY-MM-DD", quote(s)))
            }
        }),
        other => Err(CaseError::new(path, format!("expected a date string YYYY-MM-DD, found {}", other.kind()))),
    }
}

/// `true` or `false`.
pub(crate) fn boolean(path: &str, j: &Json) -> Result<bool, CaseError> {
    match j {
        Json::Bool(b) => Ok(*b),
        other => Err(CaseError::new(path, format!("expected true or false, found {}", other.kind()))),
    }
}

/// A whole number from 0 to `u32::MAX` (a number written with a zero fraction, like `3.0`,
/// is read as that whole number).
pub(crate) fn count(path: &str, j: &Json) -> Result<u32, CaseError> {
    let out_of_range = |shown: String| CaseError::new(path, format!("{shown} is out of range (0 to {})", u32::MAX));
    match *j {
        Json::UInt(u) => u32::try_from(u).map_err(|_| out_of_range(u.to_string())),
        Json::Int(i) => Err(CaseError::new(path, format!("{i} is negative; a count is 0 or more"))),
        Json::Float(f) if f.fract() != 0.0 || !f.is_finite() => {
            Err(CaseError::new(path, format!("{f} is not a whole number")))
        }
        Json::Float(f) if f < 0.0 => Err(CaseError::new(path, format!("{f} is negative; a count is 0 or more"))),
        Json::Float(f) if f > f64::from(u32::MAX) => Err(out_of_range(f.to_string())),
        Json::Float(f) => Ok(f as u32),
        ref other => Err(CaseError::new(path, format!("expected a whole number, found {}", other.kind()))),
    }
}

/// One of the words of `W`.
pub(crate) fn word<W: Word>(path: &str, j: &Json) -> Result<W, CaseError> {
    match j {
        Json::Str(s) => {
            W::from_id(s).ok_or_else(|| CaseError::new(path, format!("{} is not one of {}", quote(s), W::expected())))
        }
        other => Err(CaseError::new(path, format!("expected one of {}, found {}", W::expected(), other.kind()))),
    }
}

/// Free text (a division code may also be written as a JSON integer).
pub(crate) fn code_text(path: &str, j: &Json) -> Result<String, CaseError> {
    match j {
        Json::Str(s) => Ok(s.clone()),
        Json::UInt(u) => Ok(u.to_string()),
        other => Err(CaseError::new(path, format!("expected a division code string, found {}", other.kind()))),
    }
}

/// A string.
pub(crate) fn text(path: &str, j: &Json) -> Result<String, CaseError> {
    match j {
        Json::Str(s) => Ok(s.clone()),
        other => Err(CaseError::new(path, format!("expected a string, found {}", other.kind()))),
    }
}

fn id_number(path: &str, j: &Json) -> Result<IdNumber, CaseError> {
    match j {
        Json::Str(s) => IdNumber::parse(s).map_err(|e| CaseError::new(path, e.to_string())),
        other => Err(CaseError::new(path, format!("expected an identity number string, found {}", other.kind()))),
    }
}

fn array<'a>(path: &str, j: &'a Json) -> Result<&'a [Json], CaseError> {
    match j {
        Json::Arr(items) => Ok(items),
        other => Err(CaseError::new(path, format!("expected an array, found {}", other.kind()))),
    }
}

/// Reads a case from JSON text.
pub(crate) fn read_case(text: &str) -> Result<Case, CaseError> {
    case_from_tree(&parse(text)?)
}

/// Reads a case from JSON bytes (which must be UTF-8).
pub(crate) fn read_case_bytes(bytes: &[u8]) -> Result<Case, CaseError> {
    case_from_tree(&parse_bytes(bytes)?)
}

/// Reads a case from a `serde_json::Value`.
pub(crate) fn read_case_value(v: &serde_json::Value) -> Result<Case, CaseError> {
    case_from_tree(&Json::from_value(v))
}

const CASE_FIELDS: &[&str] = &["as_of", "policy", "person", "reporter"];
const POLICY_FIELDS: &[&str] = &["day_counting", "age", "rule_set"];
/// The person fields of the contract, in contract order.
pub const PERSON_FIELDS: &[&str] = &[
    "category",
    "overseas",
    "hukou_region",
    "residence_region",
    "living_at_hukou",
    "id_number",
    "birth_date",
    "arrival_date",
    "planned_departure",
    "accommodation",
    "studying",
    "wants_permit",
    "registered_on",
    "permit_applied_on",
    "permit",
    "changes",
    "correction_deadline",
];
const PERMIT_FIELDS: &[&str] = &["issued_on", "validity_years", "extension_applied_on"];
const CHANGE_FIELDS: &[&str] = &["changed_on", "reported_on"];
/// The reporter fields of the contract, in contract order.
pub const REPORTER_FIELDS: &[&str] =
    &["kind", "registered_on", "reported_on", "false_reports", "concealed", "correction_deadline", "corrected_on"];

/// Reads a case from a parsed tree.
pub(crate) fn case_from_tree(j: &Json) -> Result<Case, CaseError> {
    if !matches!(j, Json::Obj(_)) {
        return Err(CaseError::new("", format!("a case is a JSON object, found {}", j.kind())));
    }
    let top = Obj::new("", j, CASE_FIELDS)?;
    let as_of = top.req("as_of", "the day the assessment speaks for", date)?;
    let policy = top.opt("policy", read_policy)?.unwrap_or_default();
    let subject = match (top.get("person"), top.get("reporter")) {
        (None, None) => return Err(CaseError::new("person", "is required (or give reporter instead)")),
        (Some(_), Some(_)) => {
            return Err(CaseError::new("reporter", "cannot be given together with person; a case is about one of them"))
        }
        (Some(p), None) => Subject::Person(read_person("person", p)?),
        (None, Some(r)) => Subject::Reporter(read_reporter("reporter", r)?),
    };
    Ok(Case { as_of, policy, subject })
}

fn read_policy(path: &str, j: &Json) -> Result<Policy, CaseError> {
    let o = Obj::new(path, j, POLICY_FIELDS)?;
    let d = Policy::default();
    Ok(Policy {
        day_counting: o.opt("day_counting", word)?.unwrap_or(d.day_counting),
        age: o.opt("age", word)?.unwrap_or(d.age),
        rule_set: o.opt("rule_set", word)?.unwrap_or(d.rule_set),
    })
}

fn read_person(path: &str, j: &Json) -> Result<Person, CaseError> {
    let o = Obj::new(path, j, PERSON_FIELDS)?;
    Ok(Person {
        category: o.opt("category", word)?,
        overseas: o.opt("overseas", boolean)?,
        hukou_region: o.opt("hukou_region", code_text)?,
        residence_region: o.opt("residence_region", code_text)?,
        living_at_hukou: o.opt("living_at_hukou", boolean)?.unwrap_or(false),
        id_number: o.opt("id_number", id_number)?,
        birth_date: o.opt("birth_date", date)?,
        arrival_date: o.opt("arrival_date", date)?,
        planned_departure: o.opt("planned_departure", date)?,
        accommodation: o.opt("accommodation", word)?.unwrap_or_default(),
        studying: o.opt("studying", boolean)?.unwrap_or(false),
        wants_permit: o.opt("wants_permit", boolean)?.unwrap_or(false),
        registered_on: o.opt("registered_on", date)?,
        permit_applied_on: o.opt("permit_applied_on", date)?,
        permit: o.opt("permit", read_permit)?,
        changes: o
            .opt("changes", |p, v| {
                array(p, v)?.iter().enumerate().map(|(i, c)| read_change(&format!("{p}.{i}"), c)).collect()
            })?
            .unwrap_or_default(),
        correction_deadline: o.opt("correction_deadline", date)?,
    })
}

fn read_permit(path: &str, j: &Json) -> Result<HeldPermit, CaseError> {
    let o = Obj::new(path, j, PERMIT_FIELDS)?;
    Ok(HeldPermit {
        issued_on: o.req("issued_on", "the permit's day of issue", date)?,
        validity_years: o.req("validity_years", "1, 2 or 3", |p, v| {
            let n = count(p, v).map_err(|_| match v {
                Json::UInt(u) => CaseError::new(p, format!("{u} is not one of 1, 2, 3")),
                Json::Int(i) => CaseError::new(p, format!("{i} is not one of 1, 2, 3")),
                Json::Float(f) => CaseError::new(p, format!("{f} is not one of 1, 2, 3")),
                other => CaseError::new(p, format!("expected 1, 2 or 3, found {}", other.kind())),
            })?;
            if (1..=3).contains(&n) {
                Ok(n as u8)
            } else {
                Err(CaseError::new(p, format!("{n} is not one of 1, 2, 3")))
            }
        })?,
        extension_applied_on: o.opt("extension_applied_on", date)?,
    })
}

fn read_change(path: &str, j: &Json) -> Result<Change, CaseError> {
    let o = Obj::new(path, j, CHANGE_FIELDS)?;
    Ok(Change {
        changed_on: o.req("changed_on", "the day the registered content changed", date)?,
        reported_on: o.opt("reported_on", date)?,
    })
}

fn read_reporter(path: &str, j: &Json) -> Result<Reporter, CaseError> {
    let o = Obj::new(path, j, REPORTER_FIELDS)?;
    Ok(Reporter {
        kind: o.req("kind", "employer, landlord, hotel, …", word)?,
        registered_on: o.opt("registered_on", date)?,
        reported_on: o.opt("reported_on", date)?,
        false_reports: o.opt("false_reports", count)?.unwrap_or(0),
        concealed: o.opt("concealed", count)?.unwrap_or(0),
        correction_deadline: o.opt("correction_deadline", date)?,
        corrected_on: o.opt("corrected_on", date)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        read_case(text).unwrap_err().to_string()
    }

    #[test]
    fn errors_name_the_field() {
        assert_eq!(err("[1]"), "a case is a JSON object, found an array");
        assert!(err("{").starts_with("not valid JSON"));
        assert_eq!(err(r#"{"person":{}}"#), "as_of: is required (the day the assessment speaks for)");
        assert_eq!(err(r#"{"as_of":"2024-01-01"}"#), "person: is required (or give reporter instead)");
        assert_eq!(
            err(r#"{"as_of":"2024-01-01","person":{},"reporter":{}}"#),
            "reporter: cannot be given together with person; a case is about one of them"
        );
        assert_eq!(
            err(r#"{"as_of":"2024-01-01","person":{"arrival_date":"2024-02-30"}}"#),
            "person.arrival_date: 2024-02-30 is not a date"
        );
        assert_eq!(
            err(r#"{"as_of":"2024-01-01","person":{"changes":[{"changed_on":"2024-01-01"},{"changed_on":"x"}]}}"#),
            "person.changes.1.changed_on: \"x\" is not a date in the form YYYY-MM-DD"
        );
        assert_eq!(
            err(r#"{"as_of":"2024-01-01","person":{"permit":{"issued_on":"2024-01-01","validity_years":4}}}"#),
            "person.permit.validity_years: 4 is not one of 1, 2, 3"
        );
        assert_eq!(
            err(r#"{"as_of":"2024-01-01","reporter":{"kind":"landlord","concealed":-1}}"#),
            "reporter.concealed: -1 is negative; a count is 0 or more"
        );
        assert_eq!(
            err(r#"{"as_of":"2024-01-01","reporter":{"kind":"landlord","concealed":1.5}}"#),
            "reporter.concealed: 1.5 is not a whole number"
        );
        assert!(err(r#"{"as_of":"2024-01-01","person":{"categry":"floating"}}"#)
            .starts_with("person.categry: is not a known field"));
        assert_eq!(err(r#"{"as_of":"2024-01-01","as_of":"2024-01-02","person":{}}"#), "as_of: appears more than once");
        assert_eq!(
            err(r#"{"as_of":"2024-01-01","person":{"category":"tourist"}}"#),
            "person.category: \"tourist\" is not one of permanent, lodging, floating, overseas"
        );
    }

    #[test]
    fn null_means_absent_and_counts_accept_whole_floats() {
        let c = read_case(r#"{"as_of":"2024-01-01","person":{"planned_departure":null,"studying":null}}"#).unwrap();
        let Subject::Person(p) = c.subject else { panic!() };
        assert_eq!(p.planned_departure, None);
        assert!(!p.studying);
        let c = read_case(r#"{"as_of":"2024-01-01","reporter":{"kind":"landlord","concealed":3.0}}"#).unwrap();
        let Subject::Reporter(r) = c.subject else { panic!() };
        assert_eq!(r.concealed, 3);
    }

    #[test]
    fn identity_numbers_never_echoed() {
        let e = err(r#"{"as_of":"2024-01-01","person":{"id_number":"210102199001011230"}}"#);
        assert!(!e.contains("210102199001011230"), "{e}");
        let e = err(r#"{"as_of":"2024-01-01","person":{"birth_date":"210102199001011230"}}"#);
        assert!(!e.contains("210102199001011230"), "{e}");
        let e = err(r#"{"as_of":"2024-01-01","person":{"210102199001011230":1}}"#);
        assert!(!e.contains("210102199001011230"), "{e}");
    }
}
