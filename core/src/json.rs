//! Reading the contract's JSON with a path for every error.
//!
//! The JSON is first parsed into [`Json`], a tree that keeps every key of an object in order
//! (so a duplicate key is seen, not silently dropped); readers then walk it field by field,
//! refusing unknown fields and naming the dotted path of whatever is wrong. The rule sets'
//! readers (`rules/<id>/input.rs`) are built from the pieces here.

use crate::date::to_naive;
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

// The deepest nesting read is `crate::MAX_JSON_DEPTH`: it keeps the parser's recursion within a
// few kilobytes of stack (`serde_json`'s own limit, 128 levels, takes about 64 KB), so that hostile
// input cannot overflow the small stack of a caller's thread.
use crate::MAX_JSON_DEPTH as MAX_DEPTH;

/// The refusal of input nested deeper than [`MAX_DEPTH`] (`line`: where, when read from text).
pub(crate) fn too_deep(line: Option<usize>) -> CaseError {
    let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
    CaseError::new("", format!("not valid input: arrays and objects nested more than {MAX_DEPTH} deep{at}"))
}

/// Refuses input nested deeper than [`MAX_DEPTH`], before it is parsed. Counting the brackets
/// first (a vectorised pass) leaves almost every input without the exact scan.
fn check_depth(bytes: &[u8]) -> Result<(), CaseError> {
    if bytes.iter().filter(|&&b| b == b'[' || b == b'{').count() <= MAX_DEPTH {
        return Ok(());
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (at, &b) in bytes.iter().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    // Once, on the refusal path: not worth a byte-counting crate.
                    #[allow(clippy::naive_bytecount)]
                    let line = 1 + bytes[..at].iter().filter(|&&c| c == b'\n').count();
                    return Err(too_deep(Some(line)));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Parses JSON text into a [`Json`] tree; the error has an empty field.
pub(crate) fn parse(text: &str) -> Result<Json, CaseError> {
    // A leading byte-order mark is ignored (RFC 8259 §8.1 allows it; Windows editors write one),
    // as the command line's reader does, so every face reads the same files.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_depth(text.as_bytes())?;
    serde_json::from_str(text).map_err(|e| CaseError::new("", format!("not valid JSON: {e}")))
}

/// Parses JSON bytes (checked to be UTF-8 by `serde_json`).
pub(crate) fn parse_bytes(bytes: &[u8]) -> Result<Json, CaseError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    check_depth(bytes)?;
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

/// Says why a field unknown here is refused, when another rule set knows it: given the field's
/// dotted path, the message (e.g. "is a field of rule set liaoning-2013, …"), else `None`.
pub(crate) type Foreign<'f> = &'f dyn Fn(&str) -> Option<String>;

/// No field is foreign.
pub(crate) fn no_foreign(_: &str) -> Option<String> {
    None
}

/// An object being read: its path and its entries.
pub(crate) struct Obj<'a> {
    path: String,
    entries: &'a [(String, Json)],
}

impl<'a> Obj<'a> {
    /// Checks that `j` is an object with only `known` keys, each at most once.
    pub(crate) fn new(path: &str, j: &'a Json, known: &[&str]) -> Result<Obj<'a>, CaseError> {
        Obj::in_case(path, j, known, &no_foreign)
    }

    /// As [`Obj::new`], for an object of a case: a key this rule set does not know but another
    /// does is refused with `foreign`'s message, or skipped when its value is `null` (a null
    /// value counts as absent).
    pub(crate) fn in_case(path: &str, j: &'a Json, known: &[&str], foreign: Foreign<'_>) -> Result<Obj<'a>, CaseError> {
        let Json::Obj(entries) = j else {
            return Err(CaseError::new(path, format!("expected an object, found {}", j.kind())));
        };
        for (i, (k, v)) in entries.iter().enumerate() {
            if !known.contains(&k.as_str()) {
                let field = join(path, k);
                if let Some(why) = foreign(&field) {
                    if matches!(v, Json::Null) {
                        continue;
                    }
                    return Err(CaseError::new(field, why));
                }
                return Err(CaseError::new(
                    field,
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
        Json::Str(s) => crate::date::read_iso(path, s),
        other => Err(CaseError::new(path, format!("expected a date string YYYY-MM-DD, found {}", other.kind()))),
    }
}

/// A strict `HH:MM` time of day.
pub(crate) fn time(path: &str, j: &Json) -> Result<crate::time::TimeOfDay, CaseError> {
    match j {
        Json::Str(s) => crate::time::TimeOfDay::parse(s)
            .ok_or_else(|| CaseError::new(path, format!("{} is not a time (HH:MM, 00:00–23:59)", quote(s)))),
        other => Err(CaseError::new(path, format!("expected a time string HH:MM, found {}", other.kind()))),
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
            W::from_id(s).ok_or_else(|| CaseError::new(path, crate::vocab::UnknownWord::of::<W>(s).to_string()))
        }
        other => Err(CaseError::new(path, format!("expected one of {}, found {}", W::expected(), other.kind()))),
    }
}

/// Free text (a division code may also be written as a JSON integer, or as a whole number with a
/// fraction of zero: `110105.0`, what a table with missing codes holds, read as in batch).
pub(crate) fn code_text(path: &str, j: &Json) -> Result<String, CaseError> {
    match j {
        Json::Str(s) => Ok(s.clone()),
        Json::UInt(u) => Ok(u.to_string()),
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // whole, 0 ≤ f < 2^53
        Json::Float(f) if f.fract() == 0.0 && (0.0..9_007_199_254_740_992.0).contains(f) => Ok((*f as u64).to_string()),
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

pub(crate) fn id_number(path: &str, j: &Json) -> Result<IdNumber, CaseError> {
    match j {
        Json::Str(s) => IdNumber::parse(s).map_err(|e| CaseError::new(path, e.to_string())),
        other => Err(CaseError::new(path, format!("expected an identity number string, found {}", other.kind()))),
    }
}

pub(crate) fn array<'a>(path: &str, j: &'a Json) -> Result<&'a [Json], CaseError> {
    match j {
        Json::Arr(items) => Ok(items),
        other => Err(CaseError::new(path, format!("expected an array, found {}", other.kind()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        format!("{}{}", "[".repeat(depth), "]".repeat(depth))
    }

    #[test]
    fn nesting_is_limited_before_parsing() {
        assert!(parse(&nested(MAX_DEPTH)).is_ok());
        let e = parse(&nested(MAX_DEPTH + 1)).unwrap_err();
        assert_eq!(e.field(), "");
        assert!(e.message().contains("nested more than 32 deep"), "{}", e.message());
        assert!(parse_bytes(nested(MAX_DEPTH + 1).as_bytes()).is_err());
        // Brackets inside strings (escaped quotes included) are text, not nesting.
        let text = format!(r#"{{"a":"{}\"{}","b":[1]}}"#, "[".repeat(100), "{".repeat(100));
        assert!(parse(&text).is_ok(), "brackets in a string");
        // Siblings do not add up: many shallow arrays are fine.
        assert!(parse(&format!("[{}[]]", "[],".repeat(1000))).is_ok());
        // The line of the offending bracket is named.
        let e = parse(&format!("{{\n\"a\":\n{}", nested(40))).unwrap_err();
        assert!(e.message().ends_with("(line 3)"), "{}", e.message());
    }

    /// Hostile input cannot overflow a small thread stack (the C face's callers choose theirs).
    #[test]
    fn the_deepest_input_read_fits_a_small_stack() {
        let case = format!(
            r#"{{"as_of":"2024-10-02","person":{{"category":"floating","arrival_date":"2024-09-28","changes":{}}}}}"#,
            nested(MAX_DEPTH - 2)
        );
        let deeper = format!("{}{}", "[".repeat(1000), "]".repeat(1000));
        let answer = std::thread::Builder::new()
            .stack_size(64 * 1024)
            .spawn(move || (crate::assess_json(&case).map_err(|e| e.field().to_owned()), parse(&deeper).is_err()))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(answer, (Err("person.changes.0".to_owned()), true));
    }
}
